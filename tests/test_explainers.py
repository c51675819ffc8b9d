"""The policy explainers (issue 3): both languages, the same facts, sources, tooltips.

Read from the strict build (`built_site` in conftest.py). The figures below are
copied from the fact sheet; a page that drifts from them, or lets in a claim
the fact sheet marks unverified or not found, fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import make_site_copy, run_build
from site_settings import page_edition

ROOT = Path(__file__).resolve().parent.parent
EDITION = page_edition("chinh-sach/ngay-hoi-dmst.md")   # the year the explainer is about
GLOSSARY = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))

# Explainer pages, as paths under the site root (English under en/).
EXPLAINERS = ["chinh-sach/", "chinh-sach/nghi-quyet-57/", "chinh-sach/luat-khcn-dmst-2025/",
              "chinh-sach/ngay-hoi-dmst/", "viie-2025/"]
LANGS = {
    "vi": {"prefix": "", "summary": ("mot-phut", "Tóm tắt trong một phút"),
           "sources": ("nguon", "Nguồn")},
    "en": {"prefix": "en/", "summary": ("in-one-minute", "In one minute"),
           "sources": ("sources", "Sources")},
}

# (page, Vietnamese text, English text): each must appear on that page, exactly.
FIGURES = [
    ("chinh-sach/nghi-quyet-57/", "22/12/2024", "22 December 2024"),
    ("chinh-sach/nghi-quyet-57/", "Bộ Chính trị", "Politburo"),
    ("chinh-sach/nghi-quyet-57/", "Tô Lâm", "Tô Lâm"),
    ("chinh-sach/nghi-quyet-57/", "2% GDP", "2% of GDP"),
    ("chinh-sach/nghi-quyet-57/", "tối thiểu 3% tổng chi ngân sách", "at least 3% of total budget spending"),
    ("chinh-sach/nghi-quyet-57/", "trên 55%", "above 55%"),
    ("chinh-sach/nghi-quyet-57/", "tối thiểu 30% GDP", "at least 30% of GDP"),
    ("chinh-sach/nghi-quyet-57/", "tối thiểu 50%", "at least 50%"),
    ("chinh-sach/nghi-quyet-57/", "12 người trên 10.000 dân", "12 researchers per 10,000 people"),
    ("chinh-sach/nghi-quyet-57/", "40–50 tổ chức", "40–50 organisations"),
    ("chinh-sach/nghi-quyet-57/", "tối thiểu 5 doanh nghiệp", "at least 5"),
    ("chinh-sach/nghi-quyet-57/", "trên 80%", "above 80%"),
    ("chinh-sach/nghi-quyet-57/", "trên 0,7", "above 0.7"),
    ("chinh-sach/nghi-quyet-57/", "tăng 16–18% mỗi năm", "up 16–18% a year"),
    ("chinh-sach/nghi-quyet-57/", "tối thiểu 50% GDP", "at least 50% of GDP"),
    ("chinh-sach/nghi-quyet-57/", "nhóm 30 nước dẫn đầu thế giới", "top 30 countries in the world"),
    ("chinh-sach/nghi-quyet-57/", "7 nhóm nhiệm vụ, giải pháp", "7 groups of tasks and solutions"),
    ("chinh-sach/nghi-quyet-57/", "13/01/2025", "13 January 2025"),  # Decree 30 form of the fact sheet's 13/1/2025
    ("chinh-sach/luat-khcn-dmst-2025/", "93/2025/QH15", "93/2025/QH15"),
    ("chinh-sach/luat-khcn-dmst-2025/", "27/6/2025", "27 June 2025"),
    ("chinh-sach/luat-khcn-dmst-2025/", "01/10/2025", "1 October 2025"),
    ("chinh-sach/luat-khcn-dmst-2025/", "01/7/2025", "1 July 2025"),
    ("chinh-sach/luat-khcn-dmst-2025/", "73 điều", "73 articles"),
    ("chinh-sach/luat-khcn-dmst-2025/", "435/438", "435 of 438"),
    ("chinh-sach/luat-khcn-dmst-2025/", "Điều 9", "Article 9"),
    ("chinh-sach/luat-khcn-dmst-2025/", "Quyết định 2330/QĐ-TTg ngày 21/10/2025", "Decision 2330/QĐ-TTg"),
    ("chinh-sach/ngay-hoi-dmst/", "01/10/2024", "1 October 2024"),
    ("chinh-sach/ngay-hoi-dmst/", "Phạm Minh Chính", "Phạm Minh Chính"),
    ("chinh-sach/ngay-hoi-dmst/", "hằng năm", "every year"),
    ("chinh-sach/ngay-hoi-dmst/", "lần đầu tiên", "first"),
    # The edition's theme and slogan, as mkdocs.yml sets them (the English page quotes the Vietnamese slogan).
    ("chinh-sach/ngay-hoi-dmst/", EDITION.theme["vi"], EDITION.theme["en"]),
    ("chinh-sach/ngay-hoi-dmst/", EDITION.slogan["vi"], EDITION.slogan["vi"]),
    ("chinh-sach/ngay-hoi-dmst/", "22/9/2025", "22 September"),
    ("chinh-sach/ngay-hoi-dmst/", "05/10/2025", "5 October 2025"),
    ("chinh-sach/ngay-hoi-dmst/", "4652/BKHCN-ĐMST ngày 14/9/2025", "4652/BKHCN-ĐMST, 14 September 2025"),
    ("chinh-sach/ngay-hoi-dmst/", "34 tỉnh, thành phố", "34 provinces and cities"),
    ("viie-2025/", "01/10–03/10/2025", "1 October–3 October 2025"),
    ("viie-2025/", "Khu Công nghệ cao Hòa Lạc", "Hòa Lạc Hi-tech Park"),
    ("viie-2025/", "25/9/2025", "25 September 2025"),
    ("viie-2025/", "gần 200", "Nearly 200"),
    ("viie-2025/", "khoảng 40.000", "about 40,000"),
    ("viie-2025/", "Quyết định 1269/QĐ-TTg", "Decision 1269/QĐ-TTg"),
    ("viie-2025/", "02/10/2019", "2 October 2019"),
    ("viie-2025/", "09–10/01/2021", "9–10 January 2021"),
    ("viie-2025/", "28/10–01/11/2023", "28 October – 1 November 2023"),
    ("viie-2025/", "Vũ Quốc Huy", "Vũ Quốc Huy"),
]

# The cross-explainer timeline, in order: (Vietnamese date, English date).
TIMELINE = [
    ("02/10/2019", "2 October 2019"),
    ("01/10/2024", "1 October 2024"),
    ("22/12/2024", "22 December 2024"),
    ("27/6/2025", "27 June 2025"),
    ("01/10/2025", "1 October 2025"),
    ("01/10–03/10/2025", "1 October–3 October 2025"),
]

# Claims the fact sheet marks unverified, not found or conflicting: never published.
FORBIDDEN = [
    r"10 doanh nghiệp", r"\b10 digital", r"75 điều", r"75 articles", r"7 chương", r"7 chapters",
    r"60%", r"14/6/2025", r"14 June 2025", r"14/5/2025", r"nic\.gov\.vn", r"\bvé\b", r"miễn phí",
    r"phí vào cửa", r"entry fee", r"admission", r"ticket", r"free of charge", r"tỷ đồng", r"trillion",
    r"thường niên", r"annual since", r"29[,.]67", r"68[.,]292", r"SEMIExpo", r"Khơi thông nguồn lực",
]


def article(soup_of, page: str):
    return soup_of(page).select_one("article")


def text_of(element) -> str:
    return " ".join(element.get_text().split())


def heading(art, element_id: str):
    found = art.find(id=element_id)
    assert found is not None and found.name == "h2", f"no <h2 id={element_id!r}>"
    return found


def external_links(element) -> list[str]:
    return [a["href"] for a in element.find_all("a", href=True) if a["href"].startswith("http")]


def source_of(page: str, lang: str) -> Path:
    """The Markdown file a built page comes from."""
    path = page.removeprefix(LANGS[lang]["prefix"]).rstrip("/")
    suffix = ".md" if lang == "vi" else f".{lang}.md"
    single = ROOT / "docs" / f"{path}{suffix}"
    return single if single.exists() else ROOT / "docs" / path / f"index{suffix}"


def pages_in_both_languages():
    return [pytest.param(LANGS[lang]["prefix"] + page, lang, id=f"{lang}:{page}")
            for page in EXPLAINERS for lang in LANGS]


@pytest.mark.parametrize("page, lang", pages_in_both_languages())
def test_opens_with_a_one_minute_summary(soup_of, page, lang):
    art = article(soup_of, page)
    element_id, title = LANGS[lang]["summary"]
    summary = heading(art, element_id)
    assert art.find("h2") is summary, "the one-minute summary must come first"
    assert text_of(summary).startswith(title)
    points = summary.find_next_sibling().find_all("li")
    assert 3 <= len(points) <= 5, "three to five plain sentences"


@pytest.mark.parametrize("page, lang", pages_in_both_languages())
def test_ends_with_sources_and_a_review_date_only_when_one_is_recorded(soup_of, page, lang):
    art = article(soup_of, page)
    element_id, title = LANGS[lang]["sources"]
    sources = heading(art, element_id)
    assert text_of(sources).startswith(title)
    listed = external_links(sources.find_next_sibling("ol"))
    assert len(set(listed)) >= 3
    # Every source the page links to is in its sources list.
    assert set(external_links(art)) <= set(listed)
    from innovation_day.content.entries import read_front_matter
    from innovation_day.settings.dates import format_date

    meta = read_front_matter(source_of(page, lang))[0]
    table = yaml.safe_load((ROOT / f"data/strings/{lang}.yml").read_text(encoding="utf-8"))["site"]
    reviewed = art.select_one(".page-reviewed")
    if meta.get("reviewed"):
        assert text_of(reviewed) == table["page.reviewed"].replace("{date}", format_date(meta["reviewed"], lang))
    else:
        assert reviewed is None, "a review is shown that no one recorded"


@pytest.mark.parametrize("page, lang", pages_in_both_languages())
def test_key_figures_table_gives_a_source_for_each_row(soup_of, page, lang):
    tables = article(soup_of, page).find_all("table")
    assert tables, "key figures as a table"
    for table in tables:
        header = [text_of(th) for th in table.select("thead th")]
        assert header[-1] == ("Nguồn" if lang == "vi" else "Source")
        for row in table.select("tbody tr"):
            assert external_links(row.find_all("td")[-1]), f"row without a source: {text_of(row)}"


@pytest.mark.parametrize("page, vi, en", FIGURES, ids=[f"{p}{v}" for p, v, _ in FIGURES])
def test_figures_match_the_fact_sheet_in_both_languages(soup_of, page, vi, en):
    assert vi in text_of(article(soup_of, page)), f"Vietnamese page lacks {vi!r}"
    assert en in text_of(article(soup_of, "en/" + page)), f"English page lacks {en!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_lists_the_milestones_in_order(soup_of, lang):
    art = article(soup_of, LANGS[lang]["prefix"] + "chinh-sach/")
    timeline = heading(art, "dong-thoi-gian" if lang == "vi" else "timeline").find_next("table")
    dates = [text_of(row.find("td")) for row in timeline.select("tbody tr")]
    assert dates == [pair[0 if lang == "vi" else 1] for pair in TIMELINE]


def test_english_pages_mark_vietnamese_quotes(soup_of):
    quoted = [text_of(span) for span in article(soup_of, "en/chinh-sach/ngay-hoi-dmst/").select('span[lang="vi"]')]
    assert f"“{EDITION.theme['vi']}”" in quoted


@pytest.mark.parametrize("page, lang", pages_in_both_languages()
                         + [pytest.param(LANGS[lang]["prefix"] + "chinh-sach/thuat-ngu/", lang,
                                         id=f"{lang}:glossary") for lang in LANGS])
def test_publishes_no_unverified_claims(soup_of, page, lang):
    text = text_of(article(soup_of, page))
    found = [pattern for pattern in FORBIDDEN if re.search(pattern, text, re.IGNORECASE)]
    assert not found, f"claims the fact sheet does not support: {found}"


@pytest.mark.parametrize("page, lang", pages_in_both_languages())
def test_headings_one_h1_unique_no_skipped_levels(soup_of, page, lang):
    art = article(soup_of, page)
    headings = art.find_all(re.compile(r"^h[1-6]$"))
    levels = [int(h.name[1]) for h in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    names = [text_of(h).rstrip("#").strip() for h in headings]
    assert len(names) == len(set(names)), names


# Abbreviations ----------------------------------------------------------------

def expansions(lang: str) -> dict[str, str]:
    return {entry["abbr"]: entry[lang] for entry in GLOSSARY}


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviations_are_tooltips_in_the_page_language(built_site, soup_of, pages, lang):
    expected, seen = expansions(lang), set()
    for page in pages:
        soup = soup_of(page)
        if soup.html.get("lang") != lang or soup.select_one("article") is None:
            continue
        for abbr in soup.select("article abbr"):
            assert abbr["title"] == expected[abbr.get_text()], f"{page}: {abbr}"
            if "thuat-ngu" not in page or abbr.find_parent("table") is None:
                seen.add(abbr.get_text())
    # On the explainers, in both languages.
    art = article(soup_of, LANGS[lang]["prefix"] + "chinh-sach/ngay-hoi-dmst/")
    assert art.find("abbr", string="ĐMST", title=expected["ĐMST"])
    art = article(soup_of, LANGS[lang]["prefix"] + "viie-2025/")
    assert art.find("abbr", string="NIC", title=expected["NIC"])
    if lang == "vi":
        # Every entry is used somewhere outside the glossary table: the list stays lean.
        assert set(expected) <= seen, f"unused: {set(expected) - seen}"


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_table_lists_every_entry(soup_of, lang):
    table = heading(article(soup_of, LANGS[lang]["prefix"] + "chinh-sach/thuat-ngu/"),
                    "bang-chu-viet-tat" if lang == "vi" else "abbreviations").find_next("table")
    rows = {text_of(row.find("td")): [text_of(td) for td in row.find_all("td")[1:]]
            for row in table.select("tbody tr")}
    assert rows == {entry["abbr"]: [entry[lang]] + ([entry["vi"]] if lang == "en" else [])
                    for entry in GLOSSARY}
    if lang == "en":
        assert len(table.select('td span[lang="vi"]')) == len(GLOSSARY)


@pytest.mark.slow
def test_glossary_entry_without_english_fails_the_build(tmp_path):
    repo = make_site_copy(tmp_path)
    glossary = repo / "data/glossary.yml"
    text, count = re.subn(r"(- abbr: ĐMST\n  vi: [^\n]+\n)  en: [^\n]+\n", r"\1",
                          glossary.read_text(encoding="utf-8"))
    assert count == 1, "the test's pattern no longer matches data/glossary.yml"
    glossary.write_text(text, encoding="utf-8")
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/glossary.yml › ĐMST › en" in output
    assert "thiếu nghĩa tiếng Anh" in output and "English expansion is missing" in output
