"""Which addresses are local previews (settings/address.py), and the deploy's check that refuses
them (scripts/check_site_url.py, run before the build with the same SITE_URL)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from support.sites import ROOT

from innovation_day.settings.address import is_local_address

SCRIPT = ROOT / "scripts" / "check_site_url.py"


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8000/ngay-hoi-dmst/", "http://127.5.6.7/", "http://localhost:8000/", "http://[::1]:8000/",
    "http://may-tinh.local/", "http://10.0.0.5/", "http://192.168.1.20/site/", "http://172.16.3.4/",
    "http://169.254.1.1/", "http://0.0.0.0:8000/",
])
def test_local_addresses(url):
    assert is_local_address(url)


@pytest.mark.parametrize("url", [
    "https://example.github.io/thu-nghiem/", "https://thuanan.hanoi.gov.vn/", "http://8.8.8.8/",
    "https://localhost.example.com/",
])
def test_public_addresses(url):
    assert not is_local_address(url)


def run_check(url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), url], capture_output=True, text=True)


def test_the_deploy_check_passes_a_public_address():
    result = run_check("https://example.github.io/thu-nghiem/")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/ngay-hoi-dmst/", "http://localhost/", "/", ""])
def test_the_deploy_check_refuses_a_local_or_empty_address(url):
    result = run_check(url)
    assert result.returncode == 1
    assert "không đăng" in result.stderr and "refusing to deploy" in result.stderr


def test_the_deploy_runs_the_check_before_building_with_the_same_address():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    check = next(i for i, s in enumerate(steps) if "check_site_url.py" in s.get("run", ""))
    build = next(i for i, s in enumerate(steps) if "mkdocs build" in s.get("run", ""))
    assert check < build
    assert steps[check]["env"]["SITE_URL"] == steps[build]["env"]["SITE_URL"]
    assert '"$SITE_URL"' in steps[check]["run"]
