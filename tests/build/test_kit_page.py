"""The kit page (Tài liệu truyền thông) in both languages: previews, downloads that exist,
sizes and reading distances, how to print, where to hang, the loudspeaker text and the posts."""

from __future__ import annotations

import unicodedata
from urllib.parse import urljoin

import pytest
from PIL import Image

from support.kit_helpers import DOWNLOADS, KIT_EDITION, NOTES, SITE_FILES, current_kit, texts
from support.site_settings import data, shown_date, edition

KIT = data("data/kit.yml")
PAGES = {"vi": "tai-lieu/", "en": "en/tai-lieu/"}


def target(site_url: str, page: str, href: str) -> str:
    return urljoin(site_url + page, href)[len(site_url):]


@current_kit
@pytest.mark.parametrize("lang", PAGES)
def test_every_link_and_image_on_the_kit_page_exists(soup_of, built_site, site_url, lang, built_on):
    article = soup_of(PAGES[lang]).select_one("article")
    downloads = set()
    for a in article.select("a[href]"):
        href = a["href"]
        if href.startswith(("http", "#", "mailto:")):
            continue
        path = target(site_url, PAGES[lang], href)
        assert (built_site / path).exists() or (built_site / path / "index.html").exists(), href
        if path.startswith(SITE_FILES):
            downloads.add(path)
    # The current edition's own files, and the site's QR code (an earlier year's are in the archive).
    own = {path.rsplit("/", 1)[1] for path in downloads if path.startswith(f"{SITE_FILES}/{edition().year}/")}
    for artwork in KIT["artworks"]:
        assert {f"{artwork['file']}.pdf", f"{artwork['file']}.png"} <= own
    assert {"loa-phat-thanh.txt", "bai-dang-vi.txt", "bai-dang-en.txt", "anh-chia-se.png"} <= own
    assert set(NOTES.values()) <= own, "the print shop's note, in both languages"
    assert {f"{SITE_FILES}/ma-qr.svg", f"{SITE_FILES}/ma-qr.png"} <= downloads
    ahead = built_on <= edition().last_day
    assert (f"ngay-hoi-dmst-{lang}.ics" in own) is ahead, "a calendar only while its events are ahead"


@current_kit
@pytest.mark.parametrize("lang", PAGES)
def test_previews_have_alt_text_and_their_real_size(soup_of, built_site, site_url, lang):
    images = soup_of(PAGES[lang]).select("article img")
    assert len(images) >= len(KIT["artworks"]) + 2      # artworks, the code, the share image
    for img in images:
        assert len(img.get("alt", "")) > 20, img
        path = built_site / target(site_url, PAGES[lang], img["src"])
        with Image.open(path) as picture:
            assert (int(img["width"]), int(img["height"])) == picture.size, img["src"]
    previews = soup_of(PAGES[lang]).select(".kit-previews img")
    assert len(previews) == len(KIT["artworks"])
    assert all(edition().slogan["vi"] in img["alt"] for img in previews)


@current_kit
@pytest.mark.parametrize("lang, words", [
    ("vi", ("0,8 × 5 m", "0,7 × 4 m", "A3", "A4", "0,6 × 1,6 m", "50 cm", "5 m", "10 cm", "1 m")),
    ("en", ("0.8 × 5 m", "0.7 × 4 m", "A3", "A4", "0.6 × 1.6 m", "50 cm", "5 m", "10 cm", "1 m")),
])
def test_table_gives_sizes_qr_sides_and_reading_distances(soup_of, lang, words):
    table = soup_of(PAGES[lang]).select_one("article table")
    rows = table.select("tbody tr")
    assert len(rows) == len(KIT["artworks"])
    text = table.get_text(" ")
    for word in words:
        assert word in text, word
    for row, artwork in zip(rows, KIT["artworks"]):
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        distance = float(cells[3].split()[0].replace(",", "."))
        unit = cells[3].split()[1]
        assert distance * (0.01 if unit == "cm" else 1) == pytest.approx(artwork["scan_from"])


@pytest.mark.parametrize("lang, heads", [
    ("vi", ("Cách in", "Treo ở đâu", "trụ sở cơ quan, trường học, Trạm Y tế, nhà văn hóa thôn, tổ dân phố")),
    ("en", ("How to print", "Where to hang", "offices, schools, the health station, village cultural houses")),
])
def test_how_to_print_and_where_to_hang(soup_of, lang, heads):
    text = " ".join(soup_of(PAGES[lang]).select_one("article").get_text(" ").split())
    for head in heads:
        assert head in text


@current_kit
def test_loudspeaker_text_is_one_to_two_minutes_of_vietnamese_from_the_settings(built_site, soup_of, site_url):
    raw = (built_site / DOWNLOADS / "loa-phat-thanh.txt").read_bytes()
    text = raw.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text) and not raw.startswith(b"\xef\xbb\xbf")
    assert 180 <= len(text.split()) <= 300
    edition = KIT_EDITION
    expo_start = edition.expo["start"]
    for needle in (edition.theme["vi"], edition.slogan["vi"], shown_date(edition.response["start"], "vi"),
                   shown_date(edition.response["end"], "vi"), f"{expo_start.day:02d}/{expo_start.month}",
                   shown_date(edition.expo["end"], "vi"), KIT["search_words"], "Nghị quyết số 57-NQ/TW", "mã QR"):
        assert needle in text, needle
    # A web address is not read aloud: listeners are told where the QR code is and what to search for.
    assert site_url not in text and "http" not in text
    for page in PAGES.values():
        shown = soup_of(page).select_one(".kit-script")
        assert shown["lang"] == "vi"
        assert " ".join(shown.get_text(" ").split()) == " ".join(text.split())


@current_kit
def test_posts_in_both_languages_link_to_the_site(built_site, soup_of, site_url):
    for lang, home in (("vi", site_url), ("en", site_url + "en/")):
        text = (built_site / DOWNLOADS / f"bai-dang-{lang}.txt").read_text(encoding="utf-8")
        assert home in text and edition().theme[lang] in text
        assert len(text.split()) < 120
    blocks = soup_of("tai-lieu/").select(".kit-post")
    assert [b["lang"] for b in blocks] == ["vi", "en"]


def test_share_image_is_square_and_carries_the_code(built_site, site_url):
    image = Image.open(built_site / DOWNLOADS / "anh-chia-se.png")
    assert image.size == (1080, 1080)
    assert texts(image.convert("RGB")) == [site_url]
