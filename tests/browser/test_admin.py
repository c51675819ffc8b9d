"""The editing app at /admin/ (issues 14, 21, 24), driven in Chromium as staff use it.

- The page loads only from this site before sign-in and shows the app's sign-in screen.
- An entry written by the app itself (driven in Chromium against a stand-in for GitHub's
  API, tests/support/github_stand_in.py) builds and renders in both languages; without its English
  half the app refuses to save; each yearly settings file and page saves only what changed; a
  new year is added entirely in the app; the app shows whether the latest change is published.
- Its configuration and page in the built site: tests/build/test_admin_site.py; as functions:
  tests/unit/test_admin_config.py.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from support.sites import content_error_line, heading, load_script, make_site_copy, run_build, text
from support import github_stand_in as admin_mock
from support import site_settings
from support.page_walk import InFlight
from support.site_settings import vi_label

from innovation_day.errors import BuildErrors

# What the app tries and its CSP refuses (it carries on without them): a check for a
# newer version on unpkg and GitHub's status page. Nothing else may even be tried.
REFUSED_BY_DESIGN = ("https://unpkg.com/@sveltia/cms/package.json", "https://www.githubstatus.com/")


def build_with(tmp_path: Path, files: dict[str, bytes]) -> tuple[Path, Path]:
    """A copy of the site with these files written into it, built strictly: (copy, built site)."""
    repo = make_site_copy(tmp_path)
    for path, data in files.items():
        (repo / path).write_bytes(data)
    site = tmp_path / "site"
    run_build(site, config=repo / "mkdocs.yml")
    return repo, site


# Made from the schema ----------------------------------------------------------


# A page of its own ----------------------------------------------------------------


# In the browser ----------------------------------------------------------------------

@pytest.fixture(scope="session")
def admin_repo(tmp_path_factory) -> Path:
    """A copy of the sources built as GitHub Actions builds it, for an (example) repository:
    nothing set in the settings, the repository from GITHUB_REPOSITORY (the first deploy)."""
    tmp = tmp_path_factory.mktemp("admin")
    repo = make_site_copy(tmp)
    run_build(repo / "site", config=repo / "mkdocs.yml", github_repository=admin_mock.EXAMPLE_REPO)
    return repo


@pytest.fixture(scope="session")
def admin_server(admin_repo, base_path):
    from innovation_day import preview as serve

    httpd, url = serve.start(admin_repo / "site", base_path)
    yield url
    httpd.shutdown()


def start_app(browser, admin_server, admin_repo):
    """The app in a fresh Vietnamese browser, GitHub's API answered from the copy's files:
    (context, app, stand-in, what the page asked for, was refused and threw)."""
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
    return context, admin_mock.AdminApp(page, admin_server + "admin/"), github, seen


@pytest.fixture
def app(browser, admin_server, admin_repo):
    """The app, not yet opened: for what happens before and at sign-in."""
    context, *app = start_app(browser, admin_server, admin_repo)
    yield app
    context.close()


@pytest.fixture(scope="session")
def signed_in(browser, admin_server, admin_repo):
    """One app, signed in once, for the tests that each write their own entries: opening the
    app and signing in was most of each such test (about 2.5 of 3 s: the app's JavaScript parsed and the
    repository read again), and none of them reads what another wrote."""
    context, ui, github, seen = start_app(browser, admin_server, admin_repo)
    ui.open().sign_in()
    yield ui, github, seen
    context.close()


@pytest.fixture
def editor(signed_in):
    """The signed-in app, opened again at its list of collections, no error thrown before."""
    ui, github, seen = signed_in
    ui.reopen()
    errors = len(seen["errors"])
    yield signed_in
    assert seen["errors"][errors:] == []


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
def test_an_entry_written_by_the_app_builds_in_both_languages(editor, admin_server, tmp_path):
    ui, github, seen = editor
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
    files = saved(ui, github)
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
    # tests/build/test_news.py).
    future = f"date: {dt.date.today().year + 1}-01-01"
    for path in files:
        (repo / path).write_text(files[path].decode().replace("date: 2025-10-02", future), encoding="utf-8")
    line = content_error_line(repo, f"docs/tin-tuc/{slug}.md › date")
    assert "tương lai" in line and "in the future" in line


@pytest.mark.browser
def test_an_innovator_with_a_photo_builds_and_its_photo_is_published_resized(editor, tmp_path):
    from PIL import Image

    original = tmp_path / "to-hop-tac-lam-nam-vi-du.jpg"
    Image.new("RGB", (1200, 800), (120, 90, 60)).save(original, quality=80)
    ui, github, _ = editor
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
    files = saved(ui, github)
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
def test_without_the_english_half_the_app_does_not_save(editor):
    ui, github, _ = editor
    ui.new_entry("news")
    ui.type("title", "Tin chỉ có tiếng Việt (ví dụ)")
    ui.type("description", "Tin ví dụ chỉ điền tiếng Việt, để thấy trang biên tập không lưu khi thiếu bản tiếng Anh.")
    ui.date("date", "2025-10-02")
    commits, queries = len(github.commits), len(github.queries)
    in_flight = InFlight(ui.page)
    ui.save()
    # The app says how many fields are missing, marks the English side, and commits nothing:
    # once it has said so, no request it started is left unanswered (page_walk.InFlight).
    ui.page.get_by_text(re.compile(r"Có 2 trường bị lỗi")).wait_for()
    english = ui.page.get_by_role("radio", name="Tiếng Anh").first
    assert "error" in english.inner_text()  # the error icon (a Material Symbols ligature)
    in_flight.settle()
    in_flight.stop()
    assert github.commits[commits:] == []
    assert not any("createCommitOnBranch" in q for q in github.queries[queries:])


# The commune's yearly parts in the app ----------------------------------------------------

def front_matter_and_body(data: bytes) -> tuple[dict, str]:
    text = data.decode("utf-8")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def yaml_of(data: bytes) -> dict:
    return yaml.safe_load(data.decode("utf-8"))


def present(value):
    """What a settings file says: the app leaves an empty optional field out of the file
    (config.py, omit_empty_optional_fields), and the build reads a missing one as empty."""
    if isinstance(value, dict):
        return {k: present(v) for k, v in value.items() if v is not None}
    return [present(v) for v in value] if isinstance(value, list) else value


def open_entry(ui, collection: str, entry: str, first_field: str):
    ui.page.evaluate(f"location.hash = '#/collections/{collection}/entries/{entry}'")
    ui.field(first_field).wait_for()


def saved(ui, github) -> dict[str, bytes]:
    """Save the entry; the files of the commit the app made, once it has closed the entry."""
    earlier = {path for commit in github.commits for path in admin_mock.committed_files(commit)}
    with ui.page.expect_response(lambda r: "graphql" in r.url and "createCommitOnBranch" in (
            r.request.post_data or "")):
        ui.save()
    # The app closes the entry once it is saved: then the next step can start.
    ui.page.locator(ui.PANES[0]).wait_for(state="detached")
    files = admin_mock.committed_files(github.commits[-1])
    # The app is signed in once for these tests and keeps what they save (AdminApp.reopen): each
    # writes files of its own, so none reads another's.
    assert not earlier & set(files), f"saved by an earlier test too: {sorted(earlier & set(files))}"
    return files


# (collection, entry, its file, a field to change, the value typed, the value read back)
ROUND_TRIPS = [
    ("settings", "commune", "data/commune.yml", "phone", "024 0000 0000", "024 0000 0000"),
    ("settings", "nomination", "data/nomination.yml", "office.vi", "Phòng Văn hóa - Xã hội (ví dụ)",
     "Phòng Văn hóa - Xã hội (ví dụ)"),
    ("settings", "kit_words", "data/kit/words.yml", "post.en", "An example post.", "An example post."),
    ("edition", "2025", "data/editions/2025.yml", "plan.number", "999/KH-UBND (ví dụ)", "999/KH-UBND (ví dụ)"),
]


@pytest.mark.browser
@pytest.mark.parametrize("collection, entry, path, key, typed, expected", ROUND_TRIPS,
                         ids=[f"{c}-{e}" for c, e, *_ in ROUND_TRIPS])
def test_a_settings_entry_saves_only_what_was_changed(editor, admin_repo, collection, entry, path, key, typed, expected):
    ui, github, _ = editor
    open_entry(ui, collection, entry, key.split(".")[0])
    # Opened and left alone, there is nothing to save: the file stays as it is, byte for byte.
    assert ui.page.get_by_role("button", name="Lưu", exact=True).is_disabled()
    ui.type(key, typed)
    files = saved(ui, github)
    assert list(files) == [path]
    before, after = yaml_of((admin_repo / path).read_bytes()), yaml_of(files[path])
    *parents, last = key.split(".")
    target = before
    for part in parents:
        target = target[part]
    target[last] = expected
    assert present(after) == present(before), "only the changed field differs"
    # And the build reads what the app wrote.
    from innovation_day.settings.schema import load_text, read
    from innovation_day.settings.models import FILES, EditionFile
    model = next((f.model for f in FILES if f.path == path), EditionFile)
    errors = BuildErrors("t")
    assert read(model, load_text(files[path].decode()), path, errors, site_settings.site().languages), errors.problems


PAGE_TRIPS = [
    ("plan", "2025", "docs/ke-hoach/2025", "title", "Kế hoạch năm 2025 (ví dụ)"),
    ("policy", "chinh-sach-nghi-quyet-57", "docs/chinh-sach/nghi-quyet-57", "reviewed", "2026-11-30"),
]


@pytest.mark.browser
@pytest.mark.parametrize("collection, entry, stem, key, typed", PAGE_TRIPS, ids=[c for c, *_ in PAGE_TRIPS])
def test_a_page_saved_by_the_app_keeps_its_text_and_front_matter(editor, admin_repo, collection, entry, stem, key, typed):
    ui, github, _ = editor
    open_entry(ui, collection, entry, key)
    assert ui.page.get_by_role("button", name="Lưu", exact=True).is_disabled()
    if key == "reviewed":
        ui.date(key, typed)
    else:
        ui.type(key, typed)
    files = saved(ui, github)
    assert set(files) <= {f"{stem}.md", f"{stem}.en.md"} and f"{stem}.md" in files
    for path, data in files.items():
        meta_before, body_before = front_matter_and_body((admin_repo / path).read_bytes())
        meta_after, body_after = front_matter_and_body(data)
        # The text, its {{ … }} values, <!-- insert: … --> markers and tables, byte for byte.
        assert body_after == body_before
        changed = {k for k in meta_before.keys() | meta_after.keys() if meta_before.get(k) != meta_after.get(k)}
        assert changed <= {key}, changed
    assert str(front_matter_and_body(files[f"{stem}.md"])[0][key]) == typed


@pytest.mark.browser
def test_next_year_is_added_entirely_in_the_app(editor, admin_repo, built_site, tmp_path):
    """The yearly step as staff take it: a new edition, then its plan in both languages, left
    blank where the commune has not published them yet; the site then presents the new year."""
    year = max(e.year for e in site_settings.site().editions) + 2
    ui, github, _ = editor
    ui.new_entry("edition", "year")
    ui.type("year", str(year))
    ui.date("day", f"{year}-10-01")
    ui.type("name.vi", f"Ngày hội Đổi mới sáng tạo quốc gia 01-10 năm {year}")
    ui.type("name.en", f"National Innovation Day, 1 October {year}")
    files = saved(ui, github)
    assert list(files) == [f"data/editions/{year}.yml"]

    ui.new_entry("plan", "edition")
    ui.type("edition", str(year))
    ui.type("title", f"Kế hoạch năm {year}")
    ui.type("description", f"Kế hoạch của UBND xã hưởng ứng Ngày hội Đổi mới sáng tạo quốc gia 01-10 năm {year}: "
                           "chưa được công bố.")
    ui.show_english("title")
    ui.type("title", f"The {year} plan", pane=1)
    ui.type("description", f"The commune's plan for National Innovation Day, 1 October {year}: not yet published.",
            pane=1)
    files.update(saved(ui, github))
    assert sorted(files) == [f"data/editions/{year}.yml", f"docs/ke-hoach/{year}.en.md", f"docs/ke-hoach/{year}.md"]

    # The strict build takes the app's files, and the home page presents the new year.
    _, site = build_with(tmp_path, files)
    unknown = vi_label("edition.unknown")
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert str(year) in text(home.find("h1").parent) or str(year) in text(home.select_one("main"))
    assert unknown in text(home.select_one("main"))
    plan = BeautifulSoup((site / "ke-hoach" / str(year) / "index.html").read_text(encoding="utf-8"), "lxml")
    assert vi_label("edition.blank").split("{")[0].strip()[:20] in text(plan.select_one("main"))
    # The earlier year stays published word for word.
    for page in ("ke-hoach/2025/", "en/ke-hoach/2025/"):
        before = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        after = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        assert text(after.select_one("article")) == text(before.select_one("article"))
# Publishing status (issue 24 item 3) -----------------------------------------------------

def blocking_errors() -> list[str]:
    errors = BuildErrors("Tin tức / News")
    errors.add("docs/tin-tuc/2025-10-02-vi-du.md", "date", "không phải ngày hợp lệ 'soon' (viết YYYY-MM-DD)",
               "not a valid date 'soon' (write YYYY-MM-DD)")
    errors.add("docs/guong-sang-tao/vi-du.en.md", "photo_alt", "thiếu mô tả ảnh", "the photo's description is missing")
    return errors.problems


@pytest.mark.browser
def test_a_blocked_change_shows_in_the_app_with_its_file_and_field(app):
    ui, github, seen = app
    script = load_script("publishing_issue")
    lines = blocking_errors()
    # The failed run of the branch's head, and the issue the deploy workflow's report job writes.
    github.runs = [admin_mock.deploy_run("failure")]
    github.issues = [{"number": 7, "user": {"login": script.BOT}, "labels": [{"name": script.LABEL}],
                      "body": script.issue_body(lines, github.runs[0]["html_url"], admin_mock.HEAD)}]
    ui.open()
    panel = ui.page.locator("#publish-status")
    assert panel.is_hidden() and github.calls == [], "nothing is asked of GitHub before sign-in"
    ui.sign_in()
    panel.get_by_text("chưa được đăng").wait_for()
    items = panel.locator("[data-errors] li")
    items.first.wait_for()
    assert items.all_inner_texts() == lines
    for line in lines:
        where = line.split(": ", 1)[0]  # file › field
        assert panel.locator("code", has_text=where).is_visible()
    assert panel.get_by_role("link", name=re.compile("Xem lần dựng")).get_attribute("href") == github.runs[0]["html_url"]
    # With the signed-in token, and only GitHub's API (the page's CSP): nothing refused.
    status_calls = [i for i, call in enumerate(github.calls) if "/actions/" in call or "/issues" in call]
    assert status_calls and all(github.authorizations[i] == f"Bearer {admin_mock.EXAMPLE_TOKEN}" for i in status_calls)
    assert all(u.startswith(REFUSED_BY_DESIGN) for u in seen["refused"]), seen["refused"]
    assert seen["errors"] == []


@pytest.mark.browser
@pytest.mark.parametrize("run, words", [
    (admin_mock.deploy_run("success"), "đã được đăng"),
    (admin_mock.deploy_run("success", head_sha="0" * 40), "đang được đăng"),  # the head has no run yet
    (admin_mock.deploy_run(None), "đang được đăng"),                          # its run is not finished
], ids=["published", "head-not-run-yet", "running"])
def test_the_app_shows_whether_the_latest_change_is_published(editor, run, words):
    ui, github, _ = editor
    panel = status_after(ui, github, run)
    assert panel.locator("summary").get_by_text(words).is_visible()
    assert panel.locator("[data-errors] li").count() == 0
    # Closed unless something must be fixed: one line over the app.
    assert panel.locator("details").get_attribute("open") is None


@pytest.mark.browser
def test_the_app_says_when_the_daily_rebuild_has_stopped(editor):
    ui, github, _ = editor
    panel = status_after(ui, github, admin_mock.deploy_run("success", hours_ago=3 * 24))
    assert panel.get_by_text("chưa được dựng lại hơn một ngày").is_visible()  # the panel opened itself
    assert panel.locator("summary").get_by_text("đã được đăng").is_visible()


def status_after(ui, github, run):
    """The status panel once the app has checked again, GitHub now answering with `run`: as
    when staff come back to the app's tab (publish-status.js checks again then)."""
    github.runs = [run]
    panel = ui.page.locator("#publish-status")
    panel.evaluate("panel => delete panel.dataset.status")  # set again by the check's answer
    ui.page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    ui.page.locator("#publish-status[data-status]").wait_for(state="attached")
    return panel


@pytest.mark.browser
def test_the_not_set_up_notice_looks_like_the_site(browser, server):
    page = browser.new_page()
    try:
        page.goto(server)
        header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
        font = page.locator("body").evaluate("e => getComputedStyle(e).fontFamily")
        page.goto(server + "admin/")
        band = page.locator(".admin-unset__site")
        assert band.evaluate("e => getComputedStyle(e).backgroundColor") == header
        assert page.locator(".admin-unset").evaluate("e => getComputedStyle(e).fontFamily") == font
        assert page.get_by_role("heading", name="Trang biên tập chưa dùng được").is_visible()
    finally:
        page.close()
