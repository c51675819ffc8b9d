"""The editing app at /admin/ (issue 14): made from the schema, served from our origin, walled off.

- The configuration the build writes (site/admin/config.yml) asks exactly what the
  content schema checks, for both collections; a field added to the schema appears.
- The page loads only from this site before sign-in and shows the app's sign-in screen;
  its CSP is its own; every other page keeps its policy; no citizen page loads the app.
- An entry written by the app itself (driven in Chromium against a stand-in for GitHub's
  API, tests/admin_mock.py) builds and renders in both languages; without its English
  half the app refuses to save.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, content_error_line, heading, make_site_copy, run_build, text
from kit_helpers import settings as mkdocs_settings
from page_walk import InFlight
from site_settings import search_indexes

from innovation_day.admin import app as admin
from innovation_day.admin import config as admin_config
from innovation_day.admin import stand_in as admin_mock
from innovation_day.content import photos
from innovation_day.content.entries import read_front_matter
from innovation_day.content.schema import INNOVATOR, NEWS, SCHEMAS, Field
from innovation_day.output import csp as content_security

VI_STRINGS = yaml.safe_load((ROOT / "data" / "strings" / "vi.yml").read_text(encoding="utf-8"))["site"]
WIDGETS = {"choice": "select", "year": "number", "date": "datetime", "bool": "boolean", "photo": "image"}
# What the app tries and its CSP refuses (it carries on without them): a check for a
# newer version on unpkg and GitHub's status page. Nothing else may even be tried.
REFUSED_BY_DESIGN = ("https://unpkg.com/@sveltia/cms/package.json", "https://www.githubstatus.com/")
EXAMPLE_REPO_SETTING = f"    repo: {admin_mock.EXAMPLE_REPO}  # an example (tests/test_admin.py)"


def vi_label(key: str) -> str:
    assert key in VI_STRINGS, key
    return VI_STRINGS[key]


def admin_config_of(site: Path) -> dict:
    return yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))


def build_with(tmp_path: Path, files: dict[str, bytes]) -> tuple[Path, Path]:
    """A copy of the site with these files written into it, built strictly: (copy, built site)."""
    repo = make_site_copy(tmp_path)
    for path, data in files.items():
        (repo / path).write_bytes(data)
    site = tmp_path / "site"
    run_build(site, config=repo / "mkdocs.yml")
    return repo, site


def csp_of(html: str) -> str:
    meta = BeautifulSoup(html, "lxml").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return meta["content"] if meta else ""


# Made from the schema ----------------------------------------------------------

@pytest.mark.parametrize("schema", list(SCHEMAS.values()), ids=list(SCHEMAS))
def test_config_matches_the_schema(built_site, schema):
    settings = mkdocs_settings()
    config = admin_config_of(built_site)
    collection = next(c for c in config["collections"] if c["name"] == schema.name)
    assert collection["folder"] == f"docs/{schema.section}"
    assert collection["i18n"] is True
    fields = {f["name"]: f for f in collection["fields"]}
    # Every schema field, in the schema's order (the app writes front matter in this order),
    # then the page's text.
    assert list(fields) == [f.name for f in schema.fields] + ["body"]
    for spec in schema.fields:
        got = fields[spec.name]
        assert got["required"] is spec.required, spec.name
        assert got["i18n"] == ("duplicate" if spec.shared else True), spec.name
        assert got["widget"] == WIDGETS.get(spec.type, got["widget"]), spec.name
        if spec.type == "text":
            assert got["widget"] in ("string", "text"), spec.name
        if spec.name == "title":
            assert got["widget"] == "string", "a headline or a name is typed on one line"
        assert got["label"].lower() == spec.vi.lower(), spec.name
        assert f"`{spec.name}`" in got["hint"], spec.name
        if spec.choices:
            assert [o["value"] for o in got["options"]] == list(spec.choices)
            assert [o["label"] for o in got["options"]] == [
                vi_label(f"showcase.{spec.name}.{v}") for v in spec.choices]
        if spec.length[1]:
            assert (got["minlength"], got["maxlength"]) == spec.length
            assert f"{spec.length[0]} đến {spec.length[1]} ký tự" in got["hint"]
        if spec.type == "date":
            assert got["format"] == "YYYY-MM-DD" and got["type"] == "date"
        if spec.type == "photo":
            assert got["media_folder"] == f"/docs/{photos.SOURCE}" and got["public_folder"] == ""
            assert set(got["accept"].split(",")) == {f"image/{k.lower()}" for k in photos.READABLE.values()}
            limit = settings["extra"]["photos"]["max_bytes"]
            assert f"{limit / 1_000_000:g}".replace(".", ",") + " MB" in got["hint"]
    assert config["media_libraries"]["default"]["config"]["max_file_size"] == \
        settings["extra"]["photos"]["max_bytes"]


def test_config_stores_files_as_the_site_reads_them(built_site):
    config = admin_config_of(built_site)
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["vi", "en"], "default_locale": "vi",
                              "omit_default_locale_from_file_path": True}
    assert config["media_folder"] == f"docs/{photos.SOURCE}"
    assert config["backend"]["name"] == "github" and config["backend"]["auth_methods"] == ["token"]
    assert config["slug"]["encoding"] == "ascii" and config["slug"]["clean_accents"] is True
    assert config["media_libraries"]["stock_assets"] is False
    for collection in config["collections"]:
        assert collection["slug"]["pattern"][0] == r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def test_a_field_added_to_the_schema_appears_in_the_app():
    place = Field("venue", "choice", True, "nơi diễn ra", "the venue", shared=True, choices=("hall", "school"))
    note = Field("note", "text", False, "ghi chú", "a note", length=(10, 80), required_with="date")
    schema = dataclasses.replace(NEWS, fields=(*NEWS.fields, place, note))
    settings = {"site_url": "https://example.invalid/", "site_name": "Ví dụ", "repo": None,
                "max_bytes": 1_000_000, "labels": {"showcase.venue.hall": "Hội trường"}, "languages": ["vi", "en"]}
    config = admin_config.config([schema], settings)
    fields = {f["name"]: f for f in config["collections"][0]["fields"]}
    assert fields["venue"]["widget"] == "select" and fields["venue"]["required"] is True
    assert fields["venue"]["i18n"] == "duplicate"
    assert fields["venue"]["options"] == [{"label": "Hội trường", "value": "hall"},
                                          {"label": "school", "value": "school"}]
    assert fields["note"]["required"] is False and fields["note"]["i18n"] is True
    assert (fields["note"]["minlength"], fields["note"]["maxlength"]) == (10, 80)
    assert "Bắt buộc khi có" in fields["note"]["hint"] and "`note`" in fields["note"]["hint"]
    assert list(fields)[-3:] == ["venue", "note", "body"]


@pytest.mark.parametrize("schema", [INNOVATOR, NEWS], ids=["innovator", "news"])
def test_the_app_lists_entries_not_the_sections_own_pages(schema):
    marker = admin_config.entry_marker(schema)
    pattern = re.compile(admin_config.HAS_VALUE)
    for path in sorted((ROOT / "docs" / schema.section).glob("*.md")):
        meta = read_front_matter(path)[0]
        # The app tests the pattern against the value, or "null" when the field is missing.
        value = str(meta.get(marker)) if marker in meta else "null"
        is_page = path.name.split(".")[0] in schema.pages
        assert bool(pattern.search(value)) is not is_page, path.name


# A page of its own ----------------------------------------------------------------

def test_admin_page_is_hidden_from_search_and_citizens(built_site, pages, soup_of):
    page = BeautifulSoup((built_site / "admin" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "noindex" in page.find("meta", attrs={"name": "robots"})["content"]
    assert "/admin/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any("admin/" in doc["location"] for index in search_indexes(built_site).values()
                   for doc in index["docs"])
    assert not list((built_site / "admin").rglob("*.map")), "the app's source maps are not published"
    linking = []
    for path in pages:
        soup = soup_of(path)
        assert not soup.select('script[src*="sveltia"], link[href*="/admin/"], link[href*="fonts/material"]')
        if any(a["href"].rstrip("/").endswith("admin") for a in soup.select("a[href]")):
            linking.append(path)
    assert sorted(linking) == ["en/huong-dan/", "huong-dan/"]


def test_without_a_repository_the_page_says_so_and_does_not_start(built_site):
    assert mkdocs_settings()["extra"]["admin"]["repo"] is None  # not known yet
    page = BeautifulSoup((built_site / "admin" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.find("script") is None
    assert "extra.admin.repo" in text(page.find("main")) and "chưa dùng được" in text(page.find("main"))


def test_admin_csp_is_its_own_and_every_other_page_keeps_the_sites(built_site, pages):
    admin_html = (built_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert csp_of(admin_html) == admin.POLICY
    assert "'unsafe-eval'" not in admin.POLICY and "*" not in admin.POLICY
    assert set(re.findall(r"https://[^\s;]+", admin.POLICY)) == {
        "https://api.github.com", "https://avatars.githubusercontent.com"}
    for path in [*pages, "404.html"]:
        file = built_site / path / "index.html" if not path.endswith(".html") else built_site / path
        html = file.read_text(encoding="utf-8")
        assert csp_of(html) == content_security.policy_for(html), path
        assert "github" not in csp_of(html), path


def test_build_fails_clearly_without_the_npm_package(tmp_path):
    repo = make_site_copy(tmp_path)
    (repo / "node_modules").unlink()
    (repo / "node_modules").mkdir()
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "@sveltia/cms" in output and "npm ci" in output, output[-2000:]


# In the browser ----------------------------------------------------------------------

@pytest.fixture(scope="session")
def admin_repo(tmp_path_factory) -> Path:
    """A copy of the sources with an (example) repository set, and its build."""
    tmp = tmp_path_factory.mktemp("admin")
    repo = make_site_copy(tmp)
    config = repo / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    assert "\n    repo: null" in source
    config.write_text(source.replace("    repo: null", EXAMPLE_REPO_SETTING, 1), encoding="utf-8")
    run_build(repo / "site", config=config)
    return repo


@pytest.fixture(scope="session")
def admin_server(admin_repo, base_path):
    from innovation_day import preview as serve

    httpd, url = serve.start(admin_repo / "site", base_path)
    yield url
    httpd.shutdown()


@pytest.fixture
def app(browser, admin_server, admin_repo):
    """The app in a fresh Vietnamese browser, GitHub's API answered from the copy's files."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800})
    github = admin_mock.FakeGitHub(admin_repo)
    github.install(context)
    page = context.new_page()
    seen = {"requests": [], "refused": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))

    def on_console(message):
        refused = re.search(r"(?:Connecting to|Loading the \w+) '([^']+)' violates", message.text)
        if refused:
            seen["refused"].append(refused[1])
    page.on("console", on_console)
    yield admin_mock.AdminApp(page, admin_server + "admin/"), github, seen
    context.close()


def other_origins(urls: list[str], origin: str) -> list[str]:
    return [u for u in urls if not u.startswith((origin, "data:", "blob:"))]


@pytest.mark.browser
def test_admin_loads_only_from_this_site_and_shows_sign_in(app, admin_server):
    ui, github, seen = app
    ui.open()
    page = ui.page
    assert page.get_by_role("button", name=ui.SIGN_IN).is_visible()
    assert page.get_by_role("heading", name=re.compile("Biên tập")).or_(
        page.get_by_text(re.compile("^Biên tập ·"))).first.is_visible()
    origin = re.match(r"https?://[^/]+", admin_server)[0]
    assert other_origins(seen["requests"], origin) == []
    assert all(u.startswith(REFUSED_BY_DESIGN) for u in seen["refused"]), seen["refused"]
    assert github.calls == [], "no call to GitHub before sign-in"
    # The interface speaks Vietnamese with its own fonts, copied into the build.
    fonts = [u for u in seen["requests"] if "/admin/fonts/" in u and u.endswith(".woff2")]
    assert any("source-sans-3-vietnamese" in u for u in fonts) and any("material-symbols" in u for u in fonts)
    assert any(u.endswith("/admin/locales/vi.json") for u in seen["requests"])


@pytest.mark.browser
def test_an_entry_written_by_the_app_builds_in_both_languages(app, admin_server, tmp_path):
    ui, github, seen = app
    ui.open().sign_in()
    ui.new_entry("news")
    ui.type("title", "Xã phát động hội thi sáng kiến (ví dụ)")
    ui.type("description", "Ủy ban nhân dân xã phát động hội thi sáng kiến trong thôn, tổ dân phố; "
                           "đây là tin ví dụ để thử trang biên tập.")
    ui.date("date", "2025-10-02")
    ui.type("body", "Nội dung ví dụ của tin. Nguồn: UBND xã.")
    ui.show_english()
    ui.type("title", "The commune launches an ideas contest (example)", pane=1)
    ui.type("description", "The Commune People's Committee launches an ideas contest in villages and "
                           "residential groups; an example item to try the editing app.", pane=1)
    ui.type("body", "Example text of the item. Source: the Commune People's Committee.", pane=1)
    with ui.page.expect_response(lambda r: "graphql" in r.url and "createCommitOnBranch" in (
            r.request.post_data or "")):
        ui.save()
    files = admin_mock.committed_files(github.commits[-1])
    slug = "2025-10-02-xa-phat-dong-hoi-thi-sang-kien-vi-du"
    assert sorted(files) == [f"docs/tin-tuc/{slug}.en.md", f"docs/tin-tuc/{slug}.md"]
    vi = files[f"docs/tin-tuc/{slug}.md"].decode()
    assert vi.startswith("---\ntitle: Xã phát động") and "\ndate: 2025-10-02\n" in vi
    # After sign-in the app talks to GitHub only (here: the stand-in), as its CSP allows.
    origin = re.match(r"https?://[^/]+", admin_server)[0]
    assert {urlsplit(u).netloc for u in other_origins(seen["requests"], origin)} <= {
        "api.github.com", "avatars.githubusercontent.com"}
    assert all(u.startswith(REFUSED_BY_DESIGN) for u in seen["refused"]), seen["refused"]

    # The same files, in a copy of the site: the strict build takes them and shows both pages.
    repo, site = build_with(tmp_path, files)
    for page, title in ((f"tin-tuc/{slug}/", "Xã phát động hội thi sáng kiến (ví dụ)"),
                        (f"en/tin-tuc/{slug}/", "The commune launches an ideas contest (example)")):
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        assert heading(soup.find("h1")) == title
    news_list = BeautifulSoup((site / "tin-tuc" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "Xã phát động hội thi sáng kiến (ví dụ)" in text(news_list)

    # What the app lets through still meets the build's checks: a date in the future (the app
    # sets no maximum, so a stale build cannot block today's news) fails, naming file and field.
    # The checks the build runs first, called directly (that the build stops on them:
    # tests/test_news.py).
    future = f"date: {dt.date.today().year + 1}-01-01"
    for path in files:
        (repo / path).write_text(files[path].decode().replace("date: 2025-10-02", future), encoding="utf-8")
    line = content_error_line(repo, f"docs/tin-tuc/{slug}.md › date")
    assert "tương lai" in line and "in the future" in line


@pytest.mark.browser
def test_an_innovator_with_a_photo_builds_and_its_photo_is_published_resized(app, tmp_path):
    from PIL import Image

    original = tmp_path / "to-hop-tac-lam-nam-vi-du.jpg"
    Image.new("RGB", (1200, 800), (120, 90, 60)).save(original, quality=80)
    ui, github, _ = app
    ui.open().sign_in()
    ui.new_entry("innovator")
    ui.type("title", "Tổ hợp tác làm nấm (ví dụ)")
    ui.type("description", "Tổ hợp tác của thôn trồng nấm trong nhà màng, tưới tự động theo độ ẩm; "
                           "đây là mục ví dụ để thử trang biên tập.")
    ui.choose("kind", vi_label("showcase.kind.cooperative"))
    ui.choose("field", vi_label("showcase.field.agriculture"))
    ui.type("area", "Thôn (ví dụ)")
    ui.type("year", "2025")
    ui.type("achievement", "Tưới nấm tự động theo độ ẩm (ví dụ).")
    ui.type("recognition", "Giấy khen của UBND xã (ví dụ).")
    ui.upload_photo("photo", original)
    ui.type("photo_alt", "Luống nấm trong nhà màng (ảnh ví dụ)")
    ui.switch_on("example")
    ui.show_english()
    for key, value in (("title", "Mushroom growers' group (example)"),
                       ("description", "A village group grows mushrooms in a greenhouse with watering set "
                                       "by humidity; an example entry to try the editing app."),
                       ("area", "Village (example)"),
                       ("achievement", "Automatic watering by humidity (example)."),
                       ("recognition", "Certificate of merit from the Commune People's Committee (example)."),
                       ("photo_alt", "Mushroom beds in a greenhouse (example photo)")):
        ui.type(key, value, pane=1)
    with ui.page.expect_response(lambda r: "createCommitOnBranch" in (r.request.post_data or "")):
        ui.save()
    files = admin_mock.committed_files(github.commits[-1])
    slug = "to-hop-tac-lam-nam-vi-du"
    assert sorted(files) == [f"docs/anh/{original.name}", f"docs/guong-sang-tao/{slug}.en.md",
                             f"docs/guong-sang-tao/{slug}.md"]
    meta_vi = yaml.safe_load(files[f"docs/guong-sang-tao/{slug}.md"].decode().split("---")[1])
    assert meta_vi["photo"] == original.name and meta_vi["year"] == 2025 and meta_vi["example"] is True
    assert list(meta_vi)[:3] == ["title", "description", "kind"]

    repo, site = build_with(tmp_path, files)
    for page, alt in ((f"guong-sang-tao/{slug}/", "Luống nấm trong nhà màng (ảnh ví dụ)"),
                      (f"en/guong-sang-tao/{slug}/", "Mushroom beds in a greenhouse (example photo)")):
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        img = soup.find("img", alt=alt)
        assert img is not None, page
        assert not (site / "anh" / original.name).exists(), "the original is not published"


@pytest.mark.browser
def test_without_the_english_half_the_app_does_not_save(app):
    ui, github, _ = app
    ui.open().sign_in()
    ui.new_entry("news")
    ui.type("title", "Tin chỉ có tiếng Việt (ví dụ)")
    ui.type("description", "Tin ví dụ chỉ điền tiếng Việt, để thấy trang biên tập không lưu khi thiếu bản tiếng Anh.")
    ui.date("date", "2025-10-02")
    in_flight = InFlight(ui.page)
    ui.save()
    # The app says how many fields are missing, marks the English side, and commits nothing:
    # once it has said so, no request it started is left unanswered (page_walk.InFlight).
    ui.page.get_by_text(re.compile(r"Có 2 trường bị lỗi")).wait_for()
    english = ui.page.get_by_role("radio", name="Tiếng Anh").first
    assert "error" in english.inner_text()  # the error icon (a Material Symbols ligature)
    in_flight.settle()
    in_flight.stop()
    assert github.commits == []
    assert not any("createCommitOnBranch" in q for q in github.queries)
