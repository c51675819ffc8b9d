"""Screenshots of the editing app for the editor's guide (docs/huong-dan/), from the real app.

Builds a copy of the site with an example repository set, serves it under the
site's sub-path, and drives the app in Debian's Chromium against a stand-in for
GitHub's API (tests/support/github_stand_in.py: an example user, no network). Everything
typed is marked as an example. Writes small WebP files into docs/huong-dan/man-hinh/.

    .venv/bin/python -m scripts.admin_screenshots    # from the repository root
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from innovation_day import preview as serve

# The stand-in for GitHub's API is the tests' (a module of the repository root's `tests` package).
try:
    from tests.support import github_stand_in as admin_mock
except ModuleNotFoundError:   # run as a file: the repository root is not on sys.path
    sys.exit("Run it from the repository root as a module: python -m scripts.admin_screenshots (--help)")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "huong-dan" / "man-hinh"
VIEWPORT = {"width": 1100, "height": 700}
QUALITY = 72
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def build_copy(tmp: Path) -> Path:
    repo = tmp / "repo"
    repo.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / name)
    (repo / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    # Built as GitHub Actions builds it: the repository from GITHUB_REPOSITORY (an example one).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GITHUB_REPOSITORY=admin_mock.EXAMPLE_REPO)
    env.pop("SITE_URL", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(repo / "site")],
                   cwd=repo, env=env, check=True)
    return repo


def save(page, name: str) -> None:
    image = Image.open(io.BytesIO(page.screenshot()))
    OUT.mkdir(parents=True, exist_ok=True)
    image.save(OUT / f"{name}.webp", "WEBP", quality=QUALITY, method=6)
    print(f"{name}.webp: {(OUT / f'{name}.webp').stat().st_size // 1024} KiB")


def main() -> None:
    import argparse

    argparse.ArgumentParser(prog="python -m scripts.admin_screenshots", description=__doc__.split("\n\n")[0],
                            epilog="Writes docs/huong-dan/man-hinh/*.webp; takes no arguments.").parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        repo = build_copy(tmp)
        httpd, url = serve.start(repo / "site", serve.base_path_from_config(repo / "mkdocs.yml"))
        photo = tmp / "to-hop-tac-lam-nam-vi-du.jpg"
        example_photo(photo)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox"])
                context = browser.new_context(locale="vi-VN", viewport=VIEWPORT)
                github = admin_mock.FakeGitHub(repo)
                github.install(context)
                ui = admin_mock.AdminApp(context.new_page(), url + "admin/")
                page = ui.page
                ui.open()
                save(page, "dang-nhap")
                page.get_by_role("button", name=ui.SIGN_IN).click()
                page.get_by_role("textbox", name="Mã truy cập cá nhân").wait_for()
                save(page, "ma-truy-cap")
                page.get_by_role("button", name="Hủy").click()
                ui.sign_in()
                page.evaluate("location.hash = '#/collections/news'")
                page.get_by_text(newest_news_title(repo)[:30], exact=False).first.wait_for()
                save(page, "danh-sach-tin")

                ui.new_entry("news")
                ui.type("title", "Xã phát động hội thi sáng kiến (ví dụ)")
                ui.type("description", "Ủy ban nhân dân xã phát động hội thi sáng kiến trong thôn, tổ dân phố; "
                                       "đây là tin ví dụ.")
                ui.date("date", "2025-10-02")
                ui.show_english()
                ui.type("title", "The commune launches an ideas contest (example)", pane=1)
                save(page, "tin-moi")
                ui.save()
                page.get_by_text("trường bị lỗi", exact=False).wait_for()
                save(page, "thieu-tieng-anh")

                ui.new_entry("innovator")
                ui.type("title", "Tổ hợp tác làm nấm (ví dụ)")
                ui.field("photo").get_by_role("button", name="Duyệt tệp").click()
                page.locator("input[type=file]").last.set_input_files(str(photo))
                page.get_by_role("button", name="Chèn").wait_for()
                save(page, "chon-anh")
                page.get_by_role("button", name="Chèn").click()
                ui.field("photo").locator("img").first.wait_for()
                ui.field("photo").scroll_into_view_if_needed()
                ui.type("photo_alt", "Luống nấm trong nhà màng (ảnh ví dụ)")
                save(page, "anh-da-chon")

                # The yearly step (guide, "Mỗi năm một kỳ Ngày hội"): a new year, then its plan.
                page.evaluate("location.hash = '#/collections/settings/entries/commune'")
                ui.field("name").wait_for()
                save(page, "cai-dat-xa")
                page.evaluate("location.hash = '#/collections/edition'")
                page.get_by_text("2025", exact=True).first.wait_for()
                save(page, "cac-nam")
                ui.new_entry("edition", "year")
                ui.type("year", "2027")
                ui.date("day", "2027-10-01")
                ui.type("name.vi", "Ngày hội Đổi mới sáng tạo quốc gia 01-10")
                ui.type("name.en", "National Innovation Day, 1 October")
                save(page, "nam-moi")
                ui.new_entry("plan", "edition")
                ui.type("edition", "2027")
                ui.type("title", "Kế hoạch năm 2027")
                save(page, "ke-hoach-moi")
                browser.close()
        finally:
            httpd.shutdown()


def newest_news_title(repo: Path) -> str:
    """The title the news list shows first (the newest item's, in Vietnamese)."""
    import yaml

    newest = sorted(p for p in (repo / "docs" / "tin-tuc").glob("2*.md") if not p.name.endswith(".en.md"))[-1]
    return yaml.safe_load(newest.read_text(encoding="utf-8").split("---\n", 2)[1])["title"]


def example_photo(path: Path) -> None:
    """A drawn picture (no person, no place): mushroom beds, marked as an example by its name."""
    from PIL import ImageDraw

    image = Image.new("RGB", (1200, 800), (235, 232, 220))
    draw = ImageDraw.Draw(image)
    for i in range(6):
        draw.ellipse((120 + i * 170, 420, 250 + i * 170, 520), fill=(200, 170, 120))
        draw.rectangle((175 + i * 170, 500, 195 + i * 170, 620), fill=(230, 220, 200))
    draw.rectangle((0, 620, 1200, 800), fill=(120, 90, 60))
    image.save(path, quality=80)


if __name__ == "__main__":
    main()
