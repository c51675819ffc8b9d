"""A local preview cannot be printed by mistake: a build for a loopback or local address stamps
every print file and share image "BẢN XEM THỬ - KHÔNG IN", says so on the kit page, and the
deploy refuses such an address. The default test build is local (127.0.0.1); `other_site` is
built for a public address, and carries no stamp."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from kit_helpers import DOWNLOADS, print_files

ROOT = Path(__file__).resolve().parent.parent

from innovation_day.settings.address import STAMP, is_local_address

SCRIPT = ROOT / "scripts" / "check_site_url.py"
STAMP_RED = (0xA4, 0x16, 0x1A)


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


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(str(path)).pages)


def top_band(path: Path) -> Image.Image:
    """The top 4 % of an image, where the stamp's white band stands."""
    image = Image.open(path).convert("RGB")
    return image.crop((0, 0, image.width, max(2, image.height * 4 // 100)))


def stamped(path: Path) -> bool:
    """The image reads as stamped: its top band is white with the stamp's red letters."""
    band = top_band(path)
    colours = band.getcolors(band.width * band.height)
    total = band.width * band.height
    white = sum(n for n, c in colours if min(c) > 235)
    red = sum(n for n, c in colours if abs(c[0] - STAMP_RED[0]) < 40 and c[1] < 90 and c[2] < 90)
    return white > 0.6 * total and red > 0.005 * total


def share_images(site: Path) -> list[Path]:
    images = sorted((site / DOWNLOADS).glob("*.png")) + sorted((site / "assets" / "og").glob("*.png"))
    return [p for p in images if not p.name.startswith("ma-qr")]


def test_every_print_file_of_a_local_build_is_stamped(built_site, site_url):
    assert is_local_address(site_url)
    pdfs = print_files(built_site)
    assert pdfs
    for pdf in pdfs:
        words = pdf_text(pdf)
        assert words.count(STAMP) >= 1, pdf.name
    for image in share_images(built_site):
        assert stamped(image), image.name


def test_a_public_build_carries_no_stamp(other_site):
    for pdf in print_files(other_site):
        assert STAMP not in pdf_text(pdf), pdf.name
    for image in share_images(other_site):
        assert not stamped(image), image.name


def test_the_kit_page_says_it_is_a_preview(soup_of, other_site):
    from bs4 import BeautifulSoup

    for page in ("tai-lieu/", "en/tai-lieu/"):
        notice = soup_of(page).select_one(".preview-notice")
        assert notice is not None and STAMP in notice.get_text()
        public = BeautifulSoup((other_site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        assert public.select_one(".preview-notice") is None


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
