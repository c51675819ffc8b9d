#!/usr/bin/env python3
"""Tell the commune when publishing is blocked: one GitHub issue, opened, updated, closed.

The deploy workflow's last job (`report`, .github/workflows/deploy.yml) runs this
after every run on main, whatever the other jobs did:

    python3 scripts/publishing_issue.py --needs "$NEEDS"     # toJSON(needs) of the run

- A job failed: the failed jobs' logs are read through GitHub's API, the build's
  error lines (`file › field: vi / en`, innovation_day/errors.py) are picked out, and
  ONE open issue labelled `chua-dang` holds them: opened if there is none, else its
  text is replaced and a comment added (GitHub e-mails a new issue and each comment to
  the repository's watchers; an edited text alone would be silent). The editing app
  reads that issue to show staff which file and field block their change.
- Every job passed: that issue, if open, gets a comment and is closed.
- Cancelled or skipped: nothing (no verdict on the change).

It talks to GitHub with the `gh` CLI (on every GitHub runner), authenticated by the
run's own GH_TOKEN (issues: write, actions: read); stdlib only, so the job installs
nothing. `--log FILE` reads logs from files instead and `--dry-run` prints what would
be done: to try it by hand.

Examples:
  python3 scripts/publishing_issue.py --needs '{"build": {"result": "failure"}}' --log build.log --dry-run
  python3 scripts/publishing_issue.py --lines build.log     # only print the error lines found
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# The job installs nothing: the package's errors.py (stdlib only) is read from the checkout,
# which the workflow puts on PYTHONPATH, as the tests' conftest does.
from innovation_day.errors import PROBLEM_LINE

LABEL = "chua-dang"
LABEL_COLOR = "a4161a"
BOT = "github-actions[bot]"
MARKER = "<!-- publishing-status: written by scripts/publishing_issue.py -->"
ERRORS_START, ERRORS_END = "<!-- errors -->", "<!-- /errors -->"
TITLE = "Trang chưa được đăng: cần sửa lỗi / The site is not published: errors to fix"
# Each line of a job's log starts with its time stamp; tools may colour their output.
STAMP = re.compile(r"^\ufeff?\d{4}-\d\d-\d\dT[\d:.]+Z ")
COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def error_lines(log: str) -> list[str]:
    """The build's `file › field: vi / en` lines in a log, once each, in the order first seen."""
    found: dict[str, None] = {}
    for raw in log.splitlines():
        line = COLOUR.sub("", STAMP.sub("", raw)).strip()
        match = re.fullmatch(r"-\s+(.+)", line)
        if match and PROBLEM_LINE.fullmatch(match[1]):
            found.setdefault(match[1], None)
    return list(found)


def outcome(needs: dict) -> str | None:
    """'failed' when any job failed, 'passed' when all succeeded, else None (cancelled, skipped)."""
    results = [job.get("result") for job in needs.values()]
    if "failure" in results:
        return "failed"
    if results and all(r == "success" for r in results):
        return "passed"
    return None


def issue_body(lines: list[str], run_url: str, sha: str) -> str:
    if lines:
        found = (f"Bản sửa mới nhất (commit `{sha[:7]}`) chưa được đăng lên trang vì có lỗi dưới đây. "
                 "Hãy sửa từng mục trong trang biên tập (/admin/); khi bản sửa sau được đăng, vấn đề "
                 "này tự đóng.\n\n"
                 f"The latest change (commit `{sha[:7]}`) is not published because of the errors below. "
                 "Fix each one in the editing app (/admin/); this issue closes itself once a later "
                 "change is published.")
    else:
        found = (f"Bản sửa mới nhất (commit `{sha[:7]}`) chưa được đăng lên trang, nhưng lỗi không nằm "
                 "ở một tệp hay trường cụ thể: người quản trị xem chi tiết ở lần chạy bên dưới.\n\n"
                 f"The latest change (commit `{sha[:7]}`) is not published, and the failure names no "
                 "file or field: an administrator reads the run below.")
    listing = "\n".join(f"- {line}" for line in lines) or "- (chưa rõ / unknown)"
    return (f"{MARKER}\n{found}\n\n**Cần sửa / To fix:**\n\n{ERRORS_START}\n{listing}\n{ERRORS_END}\n\n"
            f"Lần chạy / The run: {run_url}\n")


class GitHub:
    """The few REST calls this needs, through `gh api` (GH_TOKEN from the environment)."""

    def __init__(self, repo: str):
        self.repo = repo

    def api(self, path: str, method: str = "GET", fields: dict | None = None, raw: bool = False):
        command = ["gh", "api", "--method", method, path]
        for key, value in (fields or {}).items():
            for item in value if isinstance(value, list) else [value]:
                command += ["-f", f"{key}[]={item}" if isinstance(value, list) else f"{key}={item}"]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        return result.stdout if raw else json.loads(result.stdout or "null")

    def failed_job_logs(self, run_id: str) -> list[str]:
        jobs = self.api(f"repos/{self.repo}/actions/runs/{run_id}/jobs?filter=latest&per_page=100")["jobs"]
        return [self.api(f"repos/{self.repo}/actions/jobs/{job['id']}/logs", raw=True)
                for job in jobs if job.get("conclusion") == "failure"]

    def open_issue(self) -> dict | None:
        issues = self.api(f"repos/{self.repo}/issues?state=open&labels={LABEL}&per_page=20")
        ours = [i for i in issues if i["user"]["login"] == BOT and MARKER in (i.get("body") or "")]
        return ours[0] if ours else None

    def ensure_label(self) -> None:
        labels = self.api(f"repos/{self.repo}/labels?per_page=100")
        if not any(label["name"] == LABEL for label in labels):
            self.api(f"repos/{self.repo}/labels", "POST", {
                "name": LABEL, "color": LABEL_COLOR,
                "description": "Trang chưa được đăng / The site is not published"})

    def create_issue(self, body: str) -> None:
        self.ensure_label()
        self.api(f"repos/{self.repo}/issues", "POST", {"title": TITLE, "body": body, "labels": [LABEL]})

    def update_issue(self, number: int, body: str, comment: str) -> None:
        self.api(f"repos/{self.repo}/issues/{number}", "PATCH", {"body": body})
        self.api(f"repos/{self.repo}/issues/{number}/comments", "POST", {"body": comment})

    def close_issue(self, number: int, comment: str) -> None:
        self.api(f"repos/{self.repo}/issues/{number}/comments", "POST", {"body": comment})
        self.api(f"repos/{self.repo}/issues/{number}", "PATCH", {"state": "closed", "state_reason": "completed"})


@dataclass
class DryRun:
    """Prints what would be done; the issue it "finds" is given."""
    existing: dict | None = None
    done: list[tuple] = field(default_factory=list)

    def open_issue(self):
        return self.existing

    def create_issue(self, body):
        self.done.append(("create", body))

    def update_issue(self, number, body, comment):
        self.done.append(("update", number, body, comment))

    def close_issue(self, number, comment):
        self.done.append(("close", number, comment))


def report(github, needs: dict, logs: list[str], run_url: str, sha: str) -> str:
    """Open, update or close the one issue; returns what was done, for the run's log."""
    verdict = outcome(needs)
    issue = github.open_issue() if verdict else None
    if verdict == "failed":
        lines = [line for log in logs for line in error_lines(log)]
        lines = list(dict.fromkeys(lines))
        body = issue_body(lines, run_url, sha)
        if issue:
            github.update_issue(issue["number"], body,
                                f"Lần chạy mới vẫn chưa đăng được / A new run still fails: {run_url}\n\n"
                                + "\n".join(f"- {line}" for line in lines))
            return f"updated issue #{issue['number']} ({len(lines)} error lines)"
        github.create_issue(body)
        return f"opened an issue ({len(lines)} error lines)"
    if verdict == "passed" and issue:
        github.close_issue(issue["number"], f"Đã đăng lại, commit `{sha[:7]}` / Published again: {run_url}")
        return f"closed issue #{issue['number']}"
    return "nothing to do"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    parser.add_argument("--needs", help="the run's jobs and results, as ${{ toJSON(needs) }} gives them")
    parser.add_argument("--log", action="append", type=Path, default=[],
                        help="read this log instead of the failed jobs' logs on GitHub (repeatable)")
    parser.add_argument("--lines", type=Path, help="only print the error lines found in this log")
    parser.add_argument("--dry-run", action="store_true", help="print what would be done; call nothing")
    args = parser.parse_args(argv)
    if args.lines:
        print("\n".join(error_lines(args.lines.read_text(encoding="utf-8", errors="replace"))))
        return 0
    if not args.needs:
        parser.error("--needs is required (or --lines)")
    needs = json.loads(args.needs)
    repo, run_id = os.environ.get("GITHUB_REPOSITORY", "owner/name"), os.environ.get("GITHUB_RUN_ID", "0")
    run_url = f"{os.environ.get('GITHUB_SERVER_URL', 'https://github.com')}/{repo}/actions/runs/{run_id}"
    sha = os.environ.get("GITHUB_SHA", "0" * 40)
    github = DryRun() if args.dry_run else GitHub(repo)
    logs = [p.read_text(encoding="utf-8", errors="replace") for p in args.log]
    if not logs and outcome(needs) == "failed" and not args.dry_run:
        logs = github.failed_job_logs(run_id)
    print(report(github, needs, logs, run_url, sha))
    for action in getattr(github, "done", []):
        print(*action, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
