"""The build's generators as plain functions of the settings: no MkDocs, no build.

Each test reads mkdocs.yml as the build does (innovation_day.settings.mkdocs_file),
then calls one concern directly and reads its output back as a user would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar
from PIL import Image
from pypdf import PdfReader

from innovation_day import markers
from innovation_day.content.news import News
from innovation_day.content.photos import CACHE, Photos
from innovation_day.errors import BuildError, BuildErrors
from innovation_day.kit import calendar, prints, qr
from innovation_day.kit.build import Kit
from innovation_day.kit.cache import Cache
from innovation_day.output import assets
from innovation_day.output.stylesheet import known_names, purge
from innovation_day.settings.mkdocs_file import read_config, site_from_file
from innovation_day.settings.dates import format_date
from innovation_day.settings.editions import read_editions
from innovation_day.templates import environment, relative_url
from support.kit_helpers import texts
from support.sites import ROOT
from support.site_settings import full_edition, load_with

SITE_URL = "https://example.github.io/thu-nghiem/"


@pytest.fixture(scope="module")
def site():
    return site_from_file(ROOT / "mkdocs.yml", site_url=SITE_URL)


@pytest.fixture
def kit(site, tmp_path):
    made = Kit(site, full_edition(site))                    # an edition's kit
    made.cache = Cache(tmp_path / "kit", made.fonts.folder)   # a cache of its own
    return made


# Settings -------------------------------------------------------------------

def edition_copy(site, tmp_path, change) -> Path:
    """A root whose data/ is the site's, with the current edition's file changed by `change`."""
    root = tmp_path / "repo"
    shutil.copytree(site.root / "data", root / "data")
    path = root / full_edition(site).source
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return root


def edition_problems(site, tmp_path, change) -> str:
    errors = BuildErrors("test")
    read_editions(edition_copy(site, tmp_path, change), site.docs_dir, site.languages, errors)
    return "\n".join(errors.problems)


@pytest.mark.parametrize("change, field", [
    (lambda raw: raw["theme"].update(vi=""), "theme.vi"),
    (lambda raw: raw["response"].update(start="22/9/2025"), "response.start"),
    (lambda raw: raw.pop("day"), "day"),
    (lambda raw: raw.update(day=dt.date(raw["year"] + 1, 10, 1)), "day"),
    (lambda raw: raw["expo"].update(page="khong-co/index.md"), "expo.page"),
    (lambda raw: raw.update(year=raw["year"] + 1), "year"),
])
def test_a_bad_edition_setting_names_its_file_and_field(site, tmp_path, change, field):
    problems = edition_problems(site, tmp_path, change)
    assert f"{full_edition(site).source} › {field}:" in problems, problems


def test_an_edition_waiting_for_its_plan_may_leave_its_words_null(site, tmp_path):
    def blank(raw):
        raw.update(theme=None, slogan=None, response=None, expo=None)
    assert edition_problems(site, tmp_path, blank) == ""


def test_every_settings_problem_is_reported_in_one_pass(site, tmp_path):
    def options(raw):
        raw["news"]["per_page"] = 0
        raw["photos"]["widths"] = "large"
    root = edition_copy(site, tmp_path, lambda raw: raw["theme"].pop("en"))
    with pytest.raises(BuildError) as failure:
        load_with(dataclasses.replace(site, root=root), {
            "data/site.yml": options,
            "data/kit.yml": lambda kit: kit["colours"].update(text=kit["colours"]["background"])},
            site_url="not an address")
    message = str(failure.value)
    for field in ("mkdocs.yml › site_url", "data/site.yml › news.per_page", "data/site.yml › photos.widths",
                  "data/kit.yml › colours"):
        assert field in message, message
    assert f"{full_edition(site).source} › theme.en" in message, message
    assert "5 problem(s)" in message


def test_languages_come_from_the_i18n_settings(site):
    entries = next(p["i18n"] for p in read_config(ROOT / "mkdocs.yml")["plugins"] if isinstance(p, dict) and "i18n" in p)
    default = next(e["locale"] for e in entries["languages"] if e.get("default"))
    assert site.languages.default == default
    assert set(site.languages.codes) == {e["locale"] for e in entries["languages"]}
    for lang in site.languages.others:
        assert site.languages.split(f"x.{lang}.md") == ("x", lang)
        assert site.address("tin-tuc/index.md", lang) == f"{SITE_URL}{lang}/tin-tuc/"
    assert site.languages.split("x.md") == ("x", default)


def test_a_missing_interface_string_names_its_table(site):
    with pytest.raises(BuildError, match=r"data/strings/vi\.yml › site › kit\.nothing"):
        site.t("vi")("kit.nothing")


def test_links_between_pages_are_relative_as_mkdocs_writes_them():
    assert relative_url("anh/a.jpg", "en/tin-tuc/x/") == "../../../anh/a.jpg"
    assert relative_url("tin-tuc/", "tin-tuc/trang-2/") == "../"
    assert relative_url("index.html", "404.html") == "index.html"


# Kit ------------------------------------------------------------------------

def test_the_qr_code_reads_back_as_the_site_address(kit, tmp_path):
    meta = qr.make(kit, tmp_path)
    assert texts(Image.open(tmp_path / "ma-qr.png")) == [SITE_URL]
    svg = (tmp_path / "ma-qr.svg").read_text(encoding="utf-8")
    assert 'class="segno"' in svg and f"<title>{SITE_URL}</title>" in svg
    assert meta["address"] == SITE_URL.removeprefix("https://")


def test_a_changed_date_format_makes_new_print_files(kit, monkeypatch):
    first = kit.generate_one("print")["ap-phich-a4.pdf"]
    start = kit.edition.response["start"]
    written = format_date(start, "vi")
    assert written in PdfReader(first).pages[0].extract_text()
    # Another way of writing dates (as if settings/dates.py changed): the print files follow.
    monkeypatch.setattr("innovation_day.kit.draw.format_date", lambda day, lang, year=True: f"ngày {day.day}")
    again = kit.generate_one("print")["ap-phich-a4.pdf"]
    assert again != first
    assert f"ngày {start.day}" in PdfReader(again).pages[0].extract_text()


def test_an_unchanged_kit_is_taken_from_the_cache(kit):
    first = kit.generate_one("words")
    stamps = {name: path.stat().st_mtime_ns for name, path in first.items()}
    again = kit.generate_one("words")
    assert again == first
    assert {name: path.stat().st_mtime_ns for name, path in again.items()} == stamps


def test_the_calendar_holds_the_editions_dates(site):
    edition = full_edition(site)
    data = calendar.calendar_data(site, edition, "en")
    parsed = Calendar.from_ical(calendar.calendar(data, edition.year, dt.datetime(2025, 1, 1)))
    events = {str(e["summary"]): e for e in parsed.walk("VEVENT")}
    response, expo = edition.response, edition.expo
    assert len(events) == 2
    period = next(e for e in events.values() if e.decoded("dtstart") == response["start"])
    assert period.decoded("dtend") == response["end"] + dt.timedelta(days=1)
    shown = next(e for e in events.values() if e.decoded("dtstart") == expo["start"])
    assert expo["name"] in str(shown["summary"])


def test_print_inputs_name_every_word_drawn(kit):
    words = prints.inputs(kit)["design"]
    assert words["slogan"] == kit.edition.slogan["vi"]
    assert format_date(kit.edition.response["end"], "vi") in words["dates"]


# Content ---------------------------------------------------------------------

def test_list_pages_front_matter_is_written_as_yaml(site, tmp_path):
    photos = Photos(site.docs_dir, site.photos, site.root / CACHE, environment("content", html_layout=True))
    tricky = dataclasses.replace(site, options=dataclasses.replace(site.options, news=dataclasses.replace(site.news, per_page=1)))
    news = News(tricky, photos, environment("content", html_layout=True))
    made = news.paging_pages(site.languages.default)
    assert len(made) == len(news.items) - 1
    for text in made.values():
        front = yaml.safe_load(text.split("---\n")[1])
        assert set(front) == {"title", "description", "news_page"}
        assert front["title"] == site.t(site.languages.default)("news.page.title", n=front["news_page"])


# Markers and output ----------------------------------------------------------

def test_known_markers_are_filled_and_unknown_ones_fail_naming_the_file():
    page = "A\n<!-- insert: kit.qr -->\nB <!-- insert: showcase.kind-boxes vi -->\n"
    filled = markers.replace(page, {"kit.qr": lambda arg: "QR", "showcase.kind-boxes": lambda arg: f"[{arg}]"})
    assert filled == "A\nQR\nB [vi]\n"
    markers.check_none_left(filled, "docs/x.md")
    for typo in ("<!-- hooks/kit-qr.py -->", "<!-- insert: kit-qr -->", "<!--insert:kit.qrr-->"):
        left = markers.replace(f"x {typo} y", {"kit.qr": lambda arg: "QR"})
        with pytest.raises(BuildError, match=r"docs/tai-lieu/index\.md › "):
            markers.check_none_left(left, "docs/tai-lieu/index.md")


def test_only_the_theme_files_the_site_uses_are_published(site):
    assert not assets.published("assets/javascripts/bundle.a5f9d56c.min.js.map", site.languages)
    assert not assets.published("assets/stylesheets/palette.fb2fffe2.min.css", site.languages)
    assert not assets.published("assets/javascripts/lunr/min/lunr.fr.min.js", site.languages)
    assert not assets.published("assets/javascripts/lunr/tinyseg.js", site.languages)
    for lang in site.languages.codes:
        if lang != "en":
            assert assets.published(f"assets/javascripts/lunr/min/lunr.{lang}.min.js", site.languages)
    assert assets.published("assets/javascripts/lunr/min/lunr.multi.min.js", site.languages)
    assert assets.published("assets/stylesheets/main.57a0d79d.min.css", site.languages)


def test_run_time_class_names_keep_their_rules_when_their_block_is_on_a_page(tmp_path):
    css = ".md-source__fact--version:before{color:red}.unused{color:blue}"
    (tmp_path / "a.html").write_text('<div class="md-source"></div>', encoding="utf-8")
    kept = purge(css, known_names(tmp_path, ("md-source__fact--",)))
    assert ".md-source__fact--version" in kept and ".unused" not in kept
    (tmp_path / "a.html").write_text('<div class="other"></div>', encoding="utf-8")
    assert purge(css, known_names(tmp_path, ("md-source__fact--",))) == ""


# Time -------------------------------------------------------------------------

def test_the_status_line_follows_the_build_date(site):
    from innovation_day.settings.timeline import status

    edition = full_edition(site)
    start, end = edition.response["start"], edition.response["end"]
    expo = edition.expo["start"]
    for lang in site.languages.codes:
        t = site.t(lang)
        fields = {"start": format_date(start, lang), "end": format_date(end, lang), "year": edition.year}
        before = status(edition, start - dt.timedelta(days=10), t, lang)
        assert before.state == "before" and before.text == t("status.before", **fields).replace("{days}", "10")
        assert status(edition, start - dt.timedelta(days=1), t, lang).text == t("status.before.one", **fields)
        during = status(edition, start, t, lang)
        assert during.state == "during" and during.text == t("status.during", **fields)
        assert edition.expo["name"] in status(edition, expo, t, lang).text
        after = status(edition, end + dt.timedelta(days=1), t, lang)
        # After the period: the next 1 October, the edition's Day a year on when the period ends after it.
        following = edition.day.replace(year=edition.day.year + (end >= edition.day))
        assert after.state == "after" and after.text == t("status.after", **fields, next=format_date(following, lang))


def test_past_events_are_not_offered_to_a_calendar(site, tmp_path):
    edition = full_edition(site)
    end = max(edition.response["end"], edition.expo["end"])
    for day, offered in ((edition.response["start"], True), (end + dt.timedelta(days=1), False)):
        later = dataclasses.replace(site, today=day)
        kit = Kit(later, edition)
        section = calendar.section(kit, site.languages.default, lambda name: name)
        assert (site.t(site.languages.default)("kit.calendar.add") in section) is offered
        assert ("kit-calendar--past" in section) is not offered


def test_the_news_heading_gives_the_latest_date_when_nothing_is_recent(site):
    env = environment("content", html_layout=True)
    photos = Photos(site.docs_dir, site.photos, site.root / CACHE, env)
    newest = News(site, photos, env).items[0].shared("date")
    lang = site.languages.default
    recent = News(dataclasses.replace(site, today=newest + dt.timedelta(days=site.news.recent_days)), photos, env)
    assert recent.latest_heading(lang) == site.t(lang)("news.latest")
    old = News(dataclasses.replace(site, today=newest + dt.timedelta(days=site.news.recent_days + 1)), photos, env)
    assert old.latest_heading(lang) == site.t(lang)("news.latest.old", date=format_date(newest, lang))


def test_a_cache_folder_appears_whole_even_when_two_builds_make_it(tmp_path):
    from innovation_day.folders import make_whole

    folder = tmp_path / "cache" / "abc"

    def make(work):
        (work / "a.txt").write_text("mine", encoding="utf-8")
        # Meanwhile another build finished the same folder: its copy must stay whole.
        if not folder.exists():
            make_whole(folder, "done", lambda other: [(other / "a.txt").write_text("theirs", encoding="utf-8"),
                                                      (other / "done").write_text("", encoding="utf-8")])
        (work / "done").write_text("", encoding="utf-8")

    assert make_whole(folder, "done", make) is True
    assert (folder / "a.txt").read_text(encoding="utf-8") == "theirs" and (folder / "done").exists()
    assert sorted(p.name for p in folder.parent.iterdir()) == ["abc"], "no half-made folder left behind"
    assert make_whole(folder, "done", make) is False
