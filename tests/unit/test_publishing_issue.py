"""scripts/publishing_issue.py: a failing run on main opens or updates ONE issue with the build's
bilingual error lines, and a passing run closes it (issue 24 item 3).

The error lines come from `BuildErrors` itself, inside a log as GitHub serves it (time stamps,
colours, other tools' output); GitHub is a stand-in `gh` on PATH that answers from a dict
of issues and records every call, so the script's real calls are what is checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from support.sites import load_script
from innovation_day.errors import BuildErrors

from support.sites import ROOT  # noqa: E402
SCRIPT = ROOT / "scripts" / "publishing_issue.py"


issue = load_script("publishing_issue")


def problems() -> BuildErrors:
    errors = BuildErrors("Tin tức / News")
    errors.add("docs/tin-tuc/2025-10-02-vi-du.md", "date", "không phải ngày hợp lệ 'soon' (viết YYYY-MM-DD)",
               "not a valid date 'soon' (write YYYY-MM-DD)")
    errors.add("docs/guong-sang-tao/vi-du.en.md", "photo_alt", "thiếu mô tả ảnh", "the photo's description is missing")
    return errors


def github_log(text: str) -> str:
    """A job's log as GitHub's API serves it: every line time-stamped, some coloured."""
    return "\n".join(f"2026-10-02T03:04:{i % 60:02d}.1234567Z {line}" for i, line in enumerate(text.splitlines()))


def failing_log() -> str:
    return github_log("\n".join([
        "##[group]Run make test", "INFO    -  Building documentation...",
        "\x1b[31mERROR   -  " + problems().message() + "\x1b[0m",
        "", "Aborted with a BuildError!", "make: *** [Makefile:75: test] Error 1",
        "##[error]Process completed with exit code 2."]))


def test_the_build_errors_lines_are_found_in_a_github_log_once_each():
    expected = [p for p in problems().problems]
    log = failing_log()
    assert issue.error_lines(log) == expected
    # The same lines twice (the build runs in the test job and again in the build job): once each.
    assert issue.error_lines(log + "\n" + log) == expected
    # Lines that merely look alike are not errors: no list marker, or no bilingual message.
    assert issue.error_lines(github_log("docs/a.md › date: sai / wrong\n  - docs/a.md › date: sai")) == []


def test_outcome_of_the_runs_jobs():
    assert issue.outcome({"test": {"result": "success"}, "build": {"result": "failure"}}) == "failed"
    assert issue.outcome({"test": {"result": "success"}, "deploy": {"result": "success"}}) == "passed"
    assert issue.outcome({"test": {"result": "cancelled"}, "deploy": {"result": "skipped"}}) is None


FAKE_GH = r'''#!/usr/bin/env python3
import json, os, sys
from pathlib import Path
state = Path(os.environ["FAKE_GH_STATE"])
data = json.loads(state.read_text())
args = sys.argv[1:]
assert args[:2] == ["api", "--method"], args
method, path = args[2], args[3]
fields = {}
for flag, value in zip(args[4::2], args[5::2]):
    assert flag == "-f", args
    key, _, item = value.partition("=")
    if key.endswith("[]"):
        fields.setdefault(key[:-2], []).append(item)
    else:
        fields[key] = item
data["calls"].append([method, path, fields])
repo = "repos/vi-du/trang-vi-du"
out = None
if path.startswith(repo + "/actions/runs/"):
    out = {"jobs": [{"id": 7, "conclusion": "failure"}, {"id": 8, "conclusion": "success"}]}
elif path == repo + "/actions/jobs/7/logs":
    sys.stdout.write(data["log"]); state.write_text(json.dumps(data)); sys.exit(0)
elif path.startswith(repo + "/issues?"):
    out = [i for i in data["issues"] if i["state"] == "open" and any(l["name"] == "chua-dang" for l in i["labels"])]
elif path.startswith(repo + "/labels?"):
    out = [{"name": n} for n in data["labels"]]
elif path == repo + "/labels":
    data["labels"].append(fields["name"]); out = {}
elif path == repo + "/issues":
    number = len(data["issues"]) + 1
    data["issues"].append({"number": number, "state": "open", "body": fields["body"], "title": fields["title"],
                           "user": {"login": "github-actions[bot]"}, "comments": [],
                           "labels": [{"name": n} for n in fields.get("labels", [])]})
    out = {"number": number}
elif path.endswith("/comments"):
    number = int(path.split("/")[-2]); data["issues"][number - 1]["comments"].append(fields["body"]); out = {}
elif "/issues/" in path and method == "PATCH":
    number = int(path.split("/")[-1]); data["issues"][number - 1].update(fields); out = {}
else:
    sys.exit(f"unexpected call {method} {path}")
state.write_text(json.dumps(data))
print(json.dumps(out))
'''


@pytest.fixture
def gh(tmp_path, monkeypatch):
    """A stand-in `gh` first on PATH, its state (issues, labels, calls) in a JSON file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "gh"
    fake.write_text(FAKE_GH, encoding="utf-8")
    fake.chmod(0o755)
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"issues": [], "labels": [], "calls": [], "log": failing_log()}))

    def run(results: dict) -> dict:
        env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", FAKE_GH_STATE=str(state),
                   GITHUB_REPOSITORY="vi-du/trang-vi-du", GITHUB_RUN_ID="42", GITHUB_SHA="abcdef1" + "0" * 33,
                   GITHUB_SERVER_URL="https://github.com")
        needs = json.dumps({job: {"result": result, "outputs": {}} for job, result in results.items()})
        proc = subprocess.run([sys.executable, str(SCRIPT), "--needs", needs], env=env,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        return json.loads(state.read_text())
    return run


def test_a_failing_run_opens_one_issue_then_updates_it_then_a_passing_run_closes_it(gh):
    lines = problems().problems
    state = gh({"test": "success", "build": "failure", "deploy": "skipped"})
    [opened] = state["issues"]
    assert opened["labels"] == [{"name": "chua-dang"}] and state["labels"] == ["chua-dang"]
    assert "chưa được đăng" in opened["title"] and "not published" in opened["title"]
    for line in lines:
        assert f"\n- {line}\n" in opened["body"]
    assert "https://github.com/vi-du/trang-vi-du/actions/runs/42" in opened["body"]
    # Only the failed job's log was read.
    assert [c[1] for c in state["calls"] if "/logs" in c[1]] == ["repos/vi-du/trang-vi-du/actions/jobs/7/logs"]

    # A second failure: the same issue, its text replaced, and a comment (the e-mail watchers get).
    state = gh({"test": "failure", "build": "skipped", "deploy": "skipped"})
    assert len(state["issues"]) == 1 and state["issues"][0]["state"] == "open"
    assert all(line in state["issues"][0]["comments"][-1] for line in lines)

    # A passing run closes it, saying so.
    state = gh({"test": "success", "build": "success", "deploy": "success"})
    closed = state["issues"][0]
    assert closed["state"] == "closed" and "Published again" in closed["comments"][-1]

    # Passing again, or cancelled: nothing more is written.
    calls = len(state["calls"])
    state = gh({"test": "success", "build": "success", "deploy": "success"})
    state = gh({"test": "cancelled", "build": "skipped", "deploy": "skipped"})
    assert [c[0] for c in state["calls"][calls:]] == ["GET"]


def test_a_failure_that_names_no_file_still_opens_the_issue_and_says_so():
    github = issue.DryRun()
    said = issue.report(github, {"test": {"result": "failure"}}, ["make: *** Error 2"], "https://x.invalid/run", "f" * 40)
    assert said == "opened an issue (0 error lines)"
    (_, body), = github.done
    assert "không nằm ở một tệp hay trường cụ thể" in body and "names no file or field" in body


def test_help_explains_the_script():
    proc = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0 and "--needs" in proc.stdout and "chua-dang" in proc.stdout
