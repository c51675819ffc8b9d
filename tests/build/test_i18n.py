"""Both languages: every page has its twin, and readers and search engines can find it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def twin_of(page: str) -> str:
    return page[len("en/"):] if page.startswith("en/") else "en/" + page


def test_every_page_has_its_twin(pages):
    vietnamese = [p for p in pages if not p.startswith("en/")]
    english = [p for p in pages if p.startswith("en/")]
    assert len(vietnamese) >= 8
    assert sorted(twin_of(p) for p in vietnamese) == sorted(english)


def test_html_lang_matches_the_language(pages, soup_of):
    for page in pages:
        expected = "en" if page.startswith("en/") else "vi"
        assert soup_of(page).html["lang"] == expected, page


def test_hreflang_alternates_point_at_the_twin_page(pages, soup_of, site_url):
    for page in pages:
        links = {link["hreflang"]: link["href"]
                 for link in soup_of(page).select('head link[rel="alternate"][hreflang]')}
        vi_page = page[3:] if page.startswith("en/") else page
        assert links == {
            "vi": site_url + vi_page,
            "en": site_url + "en/" + vi_page,
            "x-default": site_url + vi_page,
        }, page
        assert soup_of(page).select_one('link[rel="canonical"]')["href"] == site_url + page


def test_language_switch_links_to_the_same_page_in_the_other_language(pages, soup_of, site_url):
    for page in pages:
        switch = soup_of(page).select_one("a.lang-switch")
        assert switch is not None, page
        target = urljoin(site_url + page, switch["href"])
        assert target == site_url + twin_of(page), page
        assert switch["hreflang"] == switch["lang"] == ("vi" if page.startswith("en/") else "en")
        assert switch.get_text(strip=True) == ("Tiếng Việt" if page.startswith("en/") else "English")


def test_sitemap_lists_every_page_with_both_alternates(built_site, pages, site_url):
    tree = ET.parse(built_site / "sitemap.xml")
    entries = {}
    for url in tree.getroot().iter(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        entries[loc] = {a.get("hreflang"): a.get("href") for a in url.iter(f"{XHTML}link")}
    assert sorted(entries) == sorted(site_url + p for p in pages)
    for loc, alternates in entries.items():
        page = loc[len(site_url):]
        vi_page = page[3:] if page.startswith("en/") else page
        assert alternates == {"vi": site_url + vi_page, "en": site_url + "en/" + vi_page}, loc


def test_every_page_has_a_title_and_description_in_its_language(pages, soup_of):
    for page in pages:
        soup = soup_of(page)
        description = soup.select_one('meta[name="description"]')["content"]
        assert 50 <= len(description) <= 170, (page, description)
        assert soup.title.get_text(strip=True)
    assert "Thuận An" in soup_of("").title.text and "Commune" in soup_of("en/").title.text


def test_vietnamese_text_is_nfc(built_site):
    import unicodedata

    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path


def test_interface_strings_are_vietnamese_on_vietnamese_pages(soup_of):
    soup = soup_of("ke-hoach/2025/")
    assert soup.select_one(".md-skip").get_text(strip=True) == "Chuyển đến nội dung chính"
    assert soup.select_one('input[name="query"]')["placeholder"] == "Tìm kiếm"
    assert "Trở lại mục lục" not in str(soup)
    assert soup_of("en/ke-hoach/2025/").select_one(".md-skip").get_text(strip=True) == "Skip to main content"


def test_404_page_speaks_both_languages_with_absolute_links(built_site, base_path):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in html
    assert "Không tìm thấy trang" in html and "Page not found" in html
    assert re.search(r'<section lang="en">', html)
    for attr in re.findall(r'(?:href|src)="([^"#]+)"', html):
        if not attr.startswith(("http://", "https://", "mailto:")):
            assert attr.startswith(base_path), attr


# Language of parts (WCAG 3.1.2): a passage in the other language carries its own
# `lang`, so a screen reader switches voice. Proper names keep their spelling in
# either language and need no mark (WCAG's own exception); so do abbreviations and
# document numbers (4652/BKHCN-ĐMST), and commands and program output in `code`.
VIETNAMESE_LETTER = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
# Not "to": it is also a Vietnamese word ("chữ to", large print).
ENGLISH_WORD = re.compile(r"\b(?:the|of|and|with|for|is|are|by|from|made|page)\b", re.I)
PROPER_NAMES = [
    # people
    "Phạm Minh Chính", "Trần Thanh Mẫn", "Tô Lâm", "Nguyễn Thanh Hương", "Nguyễn Chí Dũng", "Nguyễn Xuân Phúc",
    "Vũ Quốc Huy",
    # places
    "Thuận An", "Hòa Lạc", "Hà Nội", "Phú Thọ", "Bình Định", "Hòa Vang", "Gia Lâm", "Đông Anh", "Việt Nam",
    # publications and websites, named as they name themselves
    "Nhân Dân", "Kênh 14", "Lao Động", "Báo Nghệ An", "Thư viện Nhà đất", "Khoa học phổ thông", "Người Thời Đại",
    "Dân trí", "Đại biểu Nhân dân", "Thịnh Vượng Việt Nam", "Doanh nghiệp và Hội nhập", "Việt Báo", "Phụ nữ mới",
    "Kinh tế & Đô thị",
    # software, and institutions' English names on Vietnamese pages
    "Material for MkDocs", "Viet Nam International Innovation Expo", "National Innovation Center",
]
DOCUMENT_NUMBER = re.compile(r"\S*\d\S*/\S+")
UNCHECKED = ["code", "abbr", "script", "style"]


def unmarked_text(soup, language: str):
    """Text outside <code>, <abbr> and proper names, whose nearest `lang` is `language`."""
    for node in soup.body.find_all(string=True):
        parent = node.parent
        if parent.name in UNCHECKED or parent.find_parent(UNCHECKED):
            continue
        marked = parent if parent.has_attr("lang") else parent.find_parent(lang=True)
        if marked is not None and marked["lang"] != language:
            continue
        text = DOCUMENT_NUMBER.sub(" ", str(node))
        for name in sorted(PROPER_NAMES, key=len, reverse=True):
            text = text.replace(name, " ")
        yield text


def test_vietnamese_passages_on_english_pages_are_marked(pages, soup_of):
    unmarked = {}
    for page in (p for p in pages if p.startswith("en/")):
        found = [t.strip() for t in unmarked_text(soup_of(page), "en") if VIETNAMESE_LETTER.search(t)]
        if found:
            unmarked[page] = found[:3]
    assert unmarked == {}


def test_english_passages_on_vietnamese_pages_are_marked(pages, soup_of):
    unmarked = {}
    for page in (p for p in pages if not p.startswith("en/")):
        found = [t.strip() for t in unmarked_text(soup_of(page), "vi") if ENGLISH_WORD.search(t)]
        if found:
            unmarked[page] = found[:3]
    assert unmarked == {}
