"""The innovators' showcase: cards from one file per innovator, groups with counts, badges, filters.

The published site lists real innovators only, and has none yet: it shows the empty state. The
cards, groups, badges and filters are tested on a copy of the site with the model entries of
tests/fixtures/showcase/ added (conftest.showcase_site), so these tests do not depend on what
the commune has published."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from support.page_walk import Visit
from support.sites import (ROOT, SHOWCASE_FIXTURES, add_model_innovators, assert_one_problem, build_error_line, edit,
                           heading, make_site_copy, run_build, text)
from support.engine_drivers import pdf_sheets
from support.font_sets import FONT_SETS, use_font_set

from innovation_day.content.entries import read_front_matter
from innovation_day.content.schema import FIELDS, KINDS

SECTION = SHOWCASE_FIXTURES / "guong-sang-tao"   # the model entries the tests add to a copy
PAGES = {"vi": "guong-sang-tao/", "en": "en/guong-sang-tao/"}
EXAMPLE = {"vi": "Ví dụ minh họa", "en": "Illustrative example"}


def entries(section: Path = SECTION) -> dict[str, dict[str, dict]]:
    """slug -> {lang: front matter}, read from the sources as an editor wrote them."""
    found: dict[str, dict[str, dict]] = {}
    for path in sorted(section.glob("*.md")):
        stem = path.name[: -len(".md")]
        lang = "en" if stem.endswith(".en") else "vi"
        stem = stem.removesuffix(".en")
        if stem in ("index", "de-cu"):
            continue
        found.setdefault(stem, {})[lang] = read_front_matter(path)[0]
    return found


def test_the_published_site_lists_no_illustrative_example():
    published = entries(ROOT / "docs" / "guong-sang-tao")
    assert not [slug for slug, meta in published.items() if meta["vi"]["example"] is True]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_empty_showcase_says_so_invites_and_offers_no_filter(lang, soup_of):
    """While no innovator is published: an honest empty state, the way to introduce one, no filter."""
    from support.site_settings import site

    if entries(ROOT / "docs" / "guong-sang-tao"):
        pytest.skip("innovators are published: the showcase is not empty")
    t = site().t(lang)
    soup = soup_of(PAGES[lang])
    assert text(soup.select_one(".showcase-notice")) == t("showcase.empty")
    invite = soup.select_one(".showcase-invite")
    assert text(invite).startswith(t("showcase.invite")) and text(invite.select_one("a")) == t("showcase.nominate")
    assert urljoin(f"https://x/{PAGES[lang]}", invite.select_one("a")["href"]) == f"https://x/{PAGES[lang]}de-cu/"
    assert soup.select(".showcase-card, .showcase-filter, [data-showcase-filter]") == []
    assert not soup.select('script[src*="showcase"]'), "no filter script to load"


def test_the_model_entries_are_labelled_examples_and_invent_nothing():
    items = entries()
    examples = [slug for slug, meta in items.items() if meta["vi"]["example"] is True]
    assert 2 <= len(examples) <= 3
    for slug in examples:
        assert slug.endswith("-vi-du"), slug
        for lang, meta in items[slug].items():
            assert "contact" not in meta, slug
            assert re.search(r"\((ví dụ|example)\)", meta["title"]), meta["title"]
            assert not re.search(r"\d{3}[ .]?\d{3}[ .]?\d{3,4}", yaml.safe_dump(meta)), "a phone-like number"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_innovator_has_a_card_and_a_page(lang, showcase_soup, showcase_site):
    page = PAGES[lang]
    soup = showcase_soup(page)
    cards = soup.select(".showcase-card")
    assert len(cards) == len(entries())
    for slug, meta in entries().items():
        link = soup.select_one(f'.showcase-card__title a[href="{slug}/"]')
        assert link is not None, slug
        assert text(link) == meta[lang]["title"]
        card = link.find_parent("li")
        assert card["data-kind"] == meta[lang]["kind"] and card["data-field"] == meta[lang]["field"]
        assert text(card.select_one(".showcase-card__summary")) == meta[lang]["description"]
        assert (showcase_site / page / slug / "index.html").exists()
        entry = showcase_soup(f"{page}{slug}/")
        assert heading(entry.select_one("article h1")) == meta[lang]["title"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_groups_by_kind_and_by_field_with_counts(lang, showcase_soup):
    soup = showcase_soup(PAGES[lang])
    kinds = {slug: meta[lang]["kind"] for slug, meta in entries().items()}
    fields = {slug: meta[lang]["field"] for slug, meta in entries().items()}
    for dimension, values, allowed in (("kind", kinds, KINDS), ("field", fields, FIELDS)):
        expected = {value: list(values.values()).count(value) for value in set(values.values())}
        headings = soup.select(f'h3[id^="{dimension}-"]')
        assert [h["id"] for h in headings] == [f"{dimension}-{v}" for v in allowed if v in expected]
        for group in headings:
            value = group["id"][len(dimension) + 1:]
            assert re.search(rf"\({expected[value]}\)", text(group)), text(group)
            link = soup.select_one(f'.showcase-filter a[href="#{group["id"]}"]')
            assert link is not None and f"({expected[value]})" in text(link)
        if dimension == "kind":
            for value, count in expected.items():
                assert len(soup.select(f'[data-group="kind-{value}"] .showcase-card')) == count
        else:
            for heading in headings:
                assert len(heading.find_next_sibling("ul").select("li")) == expected[heading["id"][6:]]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_examples_are_badged_on_card_and_page(lang, showcase_soup):
    soup = showcase_soup(PAGES[lang])
    assert soup.select_one(".showcase-notice") is not None, "the page says no real entry is published"
    for slug, meta in entries().items():
        card = soup.select_one(f'.showcase-card__title a[href="{slug}/"]').find_parent("li")
        badge = card.select_one(".badge--example")
        entry_badge = showcase_soup(f"{PAGES[lang]}{slug}/").select_one("article .badge--example")
        if meta["vi"]["example"]:
            assert text(badge) == EXAMPLE[lang]
            assert text(entry_badge) == EXAMPLE[lang]
        else:
            assert badge is None and entry_badge is None


def test_showcase_notice_says_no_real_entry_yet(showcase_soup):
    from support.site_settings import site

    for lang in ("vi", "en"):
        soup = showcase_soup(PAGES[lang])
        assert text(soup.select_one(".showcase-notice")) == site().t(lang)("showcase.no_real")
        assert soup.select_one(".showcase-invite a") is not None, "the way to introduce an innovator stays"


def test_entry_pages_have_facts_linking_back_to_their_groups(showcase_soup, site_url):
    for slug, meta in entries().items():
        for lang, base in PAGES.items():
            page = f"{base}{slug}/"
            soup = showcase_soup(page)
            facts = soup.select(".entry-facts dd a")
            assert len(facts) == 2
            for link, dimension in zip(facts, ("kind", "field")):
                target = urljoin(site_url + page, link["href"])
                assert target == f"{site_url}{base}#{dimension}-{meta[lang][dimension]}"
            body = text(soup.select_one("article"))
            assert meta[lang]["area"] in body and str(meta[lang]["year"]) in body
            switch = soup.select_one("a.lang-switch")
            other = page[3:] if lang == "en" else "en/" + page
            assert urljoin(site_url + page, switch["href"]) == site_url + other


def test_entries_stay_out_of_the_navigation_but_the_index_links_them(showcase_soup):
    nav = showcase_soup(PAGES["vi"]).select_one("nav.md-nav--primary")
    for slug in entries():
        assert nav.select_one(f'a[href*="{slug}"]') is None


def test_nomination_page(soup_of):
    vi, en = soup_of("guong-sang-tao/de-cu/"), soup_of("en/guong-sang-tao/de-cu/")
    assert "Phòng Văn hóa - Xã hội" in text(vi)
    assert "Culture and Social Affairs Office" in text(en)
    for soup in (vi, en):
        form = soup.select_one(".nomination-form")
        assert form is not None
        labels = [text(c) for c in form.select(".form-choices")[0].select(".form-choice")]
        assert labels == ["Doanh nghiệp", "Hợp tác xã", "Cơ quan, tổ chức", "Trường học", "Trạm Y tế",
                          "Thôn, tổ dân phố", "Cá nhân"]
        assert len(form.select(".form-choices")[1].select(".form-choice")) == len(FIELDS)
        assert not soup.select('article a[href^="tel:"], article a[href^="mailto:"]')
    english_reading = en.select(".md-typeset .form-choices")[2]
    assert "Cooperative" in text(english_reading)
    assert "II.3b" in text(vi) and "II.4f" in text(vi)


def test_guide_lists_the_allowed_values(soup_of):
    for page in ("huong-dan/", "en/huong-dan/"):
        cells = {text(td) for td in soup_of(page).select("article td code")}
        assert set(KINDS) | set(FIELDS) <= cells


def test_the_editors_guide_is_not_in_the_citizens_menu(soup_of):
    # It is linked from the footer instead (test_next_step.py).
    for page, label in (("", "Hướng dẫn biên tập"), ("en/", "Editor's guide")):
        items = soup_of(page).select("nav.md-nav--primary > ul > li")
        assert label not in [text(item) for item in items]


def test_every_interface_key_exists_in_both_tables():
    package = ROOT / "innovation_day"
    used = set()
    for path in [*package.rglob("*.html"), *package.rglob("*.py"), *package.rglob("*.xml"), *package.rglob("*.md")]:
        used |= set(re.findall(r"""\bt\(["']((?:showcase|news|kit|glossary|status)\.[a-z_.]+)["']""",
                               path.read_text(encoding="utf-8")))
    used |= {f"showcase.kind.{k}" for k in KINDS} | {f"showcase.field.{f}" for f in FIELDS}
    assert len(used) > 40, used
    for lang in ("vi", "en"):
        table = yaml.safe_load((ROOT / f"data/strings/{lang}.yml").read_text(encoding="utf-8"))["site"]
        missing = {key for key in used if key not in table and not key.endswith(".")
                   and not (lang == "vi" and key == "glossary.default")}
        assert not missing, (lang, missing)


def test_no_edit_link_while_repo_url_is_unset(soup_of):
    assert soup_of("guong-sang-tao/").select_one('a[rel="edit"]') is None


# In Chromium -----------------------------------------------------------------

@pytest.fixture
def visit_showcase(showcase_server, tabs):
    """visit_showcase(path, **context options) -> Visit of a page of the site with model entries."""
    visits = []

    def open_page(path: str, **options) -> Visit:
        page = tabs(**options)
        v = Visit(page, showcase_server, options.get("java_script_enabled", True))
        visits.append(v)
        v.response = page.goto(showcase_server + path, wait_until="load")
        v.in_flight.settle()
        return v

    yield open_page
    for v in visits:
        v.close()


@pytest.mark.browser
def test_without_javascript_filter_links_jump_to_their_group(visit_showcase):
    v = visit_showcase("guong-sang-tao/", java_script_enabled=False)
    assert v.page.locator(".showcase-card:visible").count() == len(entries())
    v.page.locator('.showcase-filter a[href="#kind-school"]').click()
    assert v.page.url.endswith("#kind-school")
    assert v.page.locator("#kind-school").is_visible()
    assert v.page.locator(".showcase-filter button").count() == 0


@pytest.mark.browser
def test_with_javascript_filter_buttons_hide_what_does_not_match(visit_showcase):
    v = visit_showcase("guong-sang-tao/")
    total = len(entries())
    groups = {meta["vi"]["kind"] for meta in entries().values()} | {
        "field-" + meta["vi"]["field"] for meta in entries().values()}
    assert v.page.locator(".showcase-filter button").count() == len(groups) + 2  # and "All" twice
    assert v.page.locator(".showcase-filter a").count() == 0
    v.page.get_by_role("button", name=re.compile(r"^Trường học")).click()
    visible = v.page.locator(".showcase-card:visible")
    assert visible.count() == 1
    assert visible.first.get_attribute("data-kind") == "school"
    assert not v.page.locator("#kind-cooperative").is_visible()
    status = v.page.locator("[data-showcase-status]")
    assert status.inner_text() == f"Đang hiện 1 trên {total} gương điển hình."
    assert v.page.get_by_role("button", name=re.compile(r"^Trường học")).get_attribute("aria-pressed") == "true"
    # Kind and field combine; a field with no school hides everything.
    v.page.get_by_role("button", name=re.compile(r"^Nông nghiệp")).click()
    assert v.page.locator(".showcase-card:visible").count() == 0
    v.page.locator('[data-filter-row="kind"] button', has_text="Tất cả").click()
    v.page.locator('[data-filter-row="field"] button', has_text="Tất cả").click()
    assert v.page.locator(".showcase-card:visible").count() == total
    assert status.is_hidden()
    assert v.console_errors == []


@pytest.mark.browser
def test_english_filter_speaks_english(visit_showcase):
    v = visit_showcase("en/guong-sang-tao/")
    v.page.get_by_role("button", name=re.compile(r"^Cooperative")).click()
    assert v.page.locator("[data-showcase-status]").inner_text() == f"Showing 1 of {len(entries())} innovators."


# Edit link -------------------------------------------------------------------

@pytest.mark.slow
def test_edit_link_appears_once_repo_url_is_set(tmp_path):
    repo = make_site_copy(tmp_path)
    config = repo / "mkdocs.yml"
    text_ = config.read_text(encoding="utf-8")
    text_ = text_.replace("# repo_url: https://github.com/OWNER/REPO", "repo_url: https://github.com/example/site")
    text_ = text_.replace("# edit_uri: edit/main/docs/", "edit_uri: edit/main/docs/")
    config.write_text(text_, encoding="utf-8")
    site = tmp_path / "out"
    run_build(site, config=config)
    for page, source in (("guong-sang-tao/index.html", "guong-sang-tao/index.md"),
                         ("en/guong-sang-tao/index.html", "guong-sang-tao/index.en.md")):
        html = (site / page).read_text(encoding="utf-8")
        assert f'href="https://github.com/example/site/edit/main/docs/{source}"' in html
        assert 'rel="edit"' in html


# Bad input -------------------------------------------------------------------

ENTRY = "docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du"


@pytest.mark.slow
@pytest.mark.parametrize("breaking, where, vi, en", [
    (lambda r: edit(r / f"{ENTRY}.md", "kind: cooperative\n", ""),
     f"{ENTRY}.md › kind", "thiếu loại", "missing the kind"),
    (lambda r: edit(r / f"{ENTRY}.en.md", "area: Example village (illustrative)\n", "area: ''\n"),
     f"{ENTRY}.en.md › area", "thiếu thôn hoặc tổ dân phố", "missing the village or residential group"),
    (lambda r: (edit(r / f"{ENTRY}.md", "kind: cooperative", "kind: hop-tac-xa"),
                edit(r / f"{ENTRY}.en.md", "kind: cooperative", "kind: hop-tac-xa")),
     f"{ENTRY}.md › kind", "giá trị không hợp lệ 'hop-tac-xa'; chọn một trong: business, cooperative",
     "unknown value 'hop-tac-xa'; use one of: business, cooperative"),
    (lambda r: edit(r / f"{ENTRY}.md", "year: 2025", "year: năm nay"),
     f"{ENTRY}.md › year", "không phải năm hợp lệ", "not a valid year"),
    (lambda r: edit(r / f"{ENTRY}.en.md", "field: agriculture", "field: education"),
     f"{ENTRY}.en.md › field", "khác với tệp tiếng Việt", "differs from the Vietnamese file"),
    (lambda r: edit(r / f"{ENTRY}.md", "example: true", "example: yes please"),
     f"{ENTRY}.md › example", "phải là true hoặc false", "must be true or false"),
    (lambda r: edit(r / f"{ENTRY}.md", "kind: cooperative", "kinds: cooperative\nkind: cooperative"),
     f"{ENTRY}.md › kinds", "trường lạ", "unknown field"),
    (lambda r: edit(r / f"{ENTRY}.md", "example: true", "example: true\ncontact: \"Hộp thư ví dụ\""),
     f"{ENTRY}.md › contact", "chỉ đăng thông tin liên hệ khi người được giới thiệu đã đồng ý",
     "a contact is published only with consent"),
    (lambda r: (r / f"{ENTRY}.en.md").unlink(),
     f"{ENTRY}.md › twin", "thiếu trang song ngữ", "the other-language twin"),
    (lambda r: [(r / f"{ENTRY}/").mkdir(),
                (r / f"{ENTRY}/index.md").write_bytes((r / f"{ENTRY}.md").read_bytes()),
                (r / f"{ENTRY}/index.en.md").write_bytes((r / f"{ENTRY}.en.md").read_bytes())],
     f"{ENTRY}/index.md › slug", "trùng địa chỉ (slug) với docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du.md",
     "same address (slug) as docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du.md"),
    (lambda r: [(r / "docs/guong-sang-tao/Hợp-tác-xã.md").write_bytes((r / f"{ENTRY}.md").read_bytes()),
                (r / "docs/guong-sang-tao/Hợp-tác-xã.en.md").write_bytes((r / f"{ENTRY}.en.md").read_bytes())],
     "docs/guong-sang-tao/Hợp-tác-xã.md › slug", "tên tệp chỉ được dùng chữ thường không dấu",
     "lower-case letters without diacritics"),
    (lambda r: edit(r / f"{ENTRY}.md", "title: Hợp tác xã rau sạch (ví dụ)", "title: [Hợp tác xã"),
     f"{ENTRY}.md › front matter", "không đọc được phần thông tin đầu trang", "cannot read the front matter"),
], ids=["missing-field", "empty-field-en", "unknown-kind", "bad-year", "twin-differs", "bad-flag",
        "unknown-field", "contact-without-consent", "missing-twin", "duplicate-slug", "slug-with-diacritics",
        "broken-front-matter"])
def test_a_broken_innovator_fails_the_build_naming_file_and_field(tmp_path, breaking, where, vi, en):
    # The checks the build runs first, called as functions (one build each was most of this
    # file's time); that the build stops on them is the next test.
    repo = make_site_copy(tmp_path)
    add_model_innovators(repo)
    breaking(repo)
    assert_one_problem(repo, where, vi, en)


@pytest.mark.slow
def test_the_build_stops_on_a_broken_innovator(tmp_path):
    repo = make_site_copy(tmp_path)
    add_model_innovators(repo)
    edit(repo / f"{ENTRY}.md", "kind: cooperative\n", "")
    line = build_error_line(repo, tmp_path, f"{ENTRY}.md › kind")
    assert "thiếu loại" in line and "missing the kind" in line


@pytest.mark.browser
@pytest.mark.parametrize("family", list(FONT_SETS))
@pytest.mark.parametrize("page_path", ["guong-sang-tao/de-cu/", "en/guong-sang-tao/de-cu/"])
def test_nomination_form_prints_whole_on_its_own_page(visit, server, page_path, family):
    """Whatever the fonts: the form starts a fresh sheet and all of it is on that one sheet."""
    v = visit(page_path)
    use_font_set(v.page, server, family)
    v.page.emulate_media(media="print")
    assert not v.page.locator("#phieu-de-cu").is_visible(), "on-screen instructions are not printed"
    form = v.page.locator(".nomination-form")
    # Every line of the form, as the printed layout shows it (labels, choices, signatures).
    lines = [" ".join(line.split()) for line in form.inner_text().splitlines() if line.strip()]
    sheets = pdf_sheets(v.page.pdf(prefer_css_page_size=True))
    assert all(sheets), f"a blank sheet is printed: {[len(s) for s in sheets]}"
    first = next(i for i, sheet in enumerate(sheets) if lines[0] in sheet)
    assert first > 0 and sheets[first].startswith(lines[0]), "the form starts on a fresh sheet"
    missing = [line for line in lines if line not in sheets[first]]
    assert not missing, f"not on the form's sheet ({len(sheets)} sheets): {missing}"
