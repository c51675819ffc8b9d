"""News: one file per item, listed newest first, the latest on the home page, an Atom feed per language."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import feedparser
import pytest
import yaml

from support.news import ITEM, items
from support.sites import ROOT, build_error_line, edit, heading, make_site_copy, run_build, text

BASE = {"vi": "", "en": "en/"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_news_page_lists_every_item_newest_first(lang, soup_of, site_url, built_site):
    page = f"{BASE[lang]}tin-tuc/"
    soup = soup_of(page)
    listed = soup.select(".news-list .news-item")
    assert len(listed) == len(items())
    dates = [node.select_one("time")["datetime"] for node in listed]
    assert dates == sorted(dates, reverse=True)
    for node, item in zip(listed, items()):
        link = node.select_one(".news-item__title a")
        assert text(link) == item[lang]["title"]
        assert text(node.select_one(".news-item__summary")) == item[lang]["description"]
        assert node.select_one("time")["datetime"] == item[lang]["date"].isoformat()
        target = urljoin(site_url + page, link["href"])
        assert target == f"{site_url}{page}{item['slug']}/"
        assert (built_site / target[len(site_url):] / "index.html").exists()


@pytest.mark.parametrize("lang, date_text", [("vi", "23/9/2025"), ("en", "23 September 2025")])
def test_dates_read_naturally(lang, date_text, soup_of):
    times = [text(t) for t in soup_of(f"{BASE[lang]}tin-tuc/").select(".news-item time")]
    assert date_text in times


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_page_shows_the_latest_three(lang, soup_of, site_url, built_on):
    from innovation_day.settings.dates import format_date
    from support.site_settings import data

    home = soup_of(BASE[lang])
    latest_heading = home.select_one("h2#latest-news")
    strings = yaml.safe_load((ROOT / f"data/strings/{lang}.yml").read_text(encoding="utf-8"))["site"]
    newest = items()[0][lang]["date"]
    recent = (built_on - newest).days <= data("data/site.yml")["news"]["recent_days"]
    expected = strings["news.latest"] if recent else strings["news.latest.old"].replace(
        "{date}", format_date(newest, lang))
    assert heading(latest_heading) == expected
    latest = home.select(".news-list--latest .news-item")
    assert [text(n.select_one("a")) for n in latest] == [i[lang]["title"] for i in items()[:3]]
    more = home.select_one(".news-all a")
    assert urljoin(site_url + BASE[lang], more["href"]) == f"{site_url}{BASE[lang]}tin-tuc/"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_item_page_shows_date_summary_and_names_its_source(lang, soup_of):
    for item in items():
        soup = soup_of(f"{BASE[lang]}tin-tuc/{item['slug']}/")
        article = soup.select_one("article.md-content__inner")
        assert heading(article.select_one("h1")) == item[lang]["title"]
        assert article.select_one("time")["datetime"] == item[lang]["date"].isoformat()
        assert text(article.select_one(".news-lead")) == item[lang]["description"]
        source = [p for p in article.select("p") if re.match(r"^(Nguồn|Sources?)\b", text(p))]
        assert source and source[-1].select("a"), item["slug"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_feed_is_valid_atom_in_order_with_absolute_links(lang, built_site, site_url):
    path = built_site / BASE[lang] / "tin-tuc" / "feed.xml"
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == f"{site_url}{BASE[lang]}tin-tuc/feed.xml"
    assert len(feed.entries) == len(items())
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    for entry, item in zip(feed.entries, items()):
        assert entry.title == item[lang]["title"]
        assert entry.summary == item[lang]["description"]
        assert entry.published[:10] == item[lang]["date"].isoformat()  # the commune's date, at +07:00
        assert entry.published.endswith("+07:00")
        assert entry.link == entry.id == f"{site_url}{BASE[lang]}tin-tuc/{item['slug']}/"
        assert (built_site / entry.link[len(site_url):] / "index.html").exists()
    assert feed.feed.updated.startswith(items()[0]["vi"]["date"].isoformat())


def test_every_page_links_the_feed_of_its_language_in_its_head(pages, soup_of, site_url):
    for page in pages:
        links = soup_of(page).select('head link[rel="alternate"][type="application/atom+xml"]')
        lang = "en" if page.startswith("en/") else "vi"
        assert [link["href"] for link in links] == [f"{site_url}{BASE[lang]}tin-tuc/feed.xml"], page
        assert links[0].get("title")
    not_found = soup_of("404.html").select('head link[type="application/atom+xml"]')
    assert [link["href"] for link in not_found] == [f"{site_url}tin-tuc/feed.xml"]


def test_feed_link_on_the_news_page(soup_of):
    link = soup_of("tin-tuc/").select_one('.news-feed a[type="application/atom+xml"]')
    assert link["href"] == "feed.xml"


# A longer list is paged --------------------------------------------------------

@pytest.mark.slow
def test_a_long_list_is_split_into_pages(tmp_path):
    repo = make_site_copy(tmp_path)
    options = repo / "data/site.yml"
    changed, count = re.subn(r"(news:\n\s+per_page: )\d+", r"\g<1>2", options.read_text(encoding="utf-8"))
    assert count == 1
    options.write_text(changed, encoding="utf-8")
    site = tmp_path / "out"
    run_build(site, config=repo / "mkdocs.yml")
    from bs4 import BeautifulSoup

    total = -(-len(items()) // 2)
    for lang, base in BASE.items():
        seen = []
        for n in range(1, total + 1):
            page = f"{base}tin-tuc/" + ("" if n == 1 else f"trang-{n}/")
            soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")
            titles = [text(a) for a in soup.select(".news-item__title a")]
            assert 1 <= len(titles) <= 2
            seen += titles
            pager = soup.select_one(".news-pager")
            assert (pager.select_one('a[rel="next"]') is not None) == (n < total)
            assert (pager.select_one('a[rel="prev"]') is not None) == (n > 1)
            alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
            assert alternates["vi"].endswith(page.removeprefix("en/")) and alternates["en"].endswith(
                "en/" + page.removeprefix("en/"))
            assert soup.select_one('meta[name="description"]')["content"]
            assert soup.html["lang"] == lang
            if n > 1:
                assert soup.title.get_text().startswith(("Tin tức, trang " if lang == "vi" else "News, page ") + str(n))
        assert seen == [i[lang]["title"] for i in items()]
        assert not (site / base / "tin-tuc" / f"trang-{total + 1}").exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "tin-tuc/trang-2/</loc>" in sitemap and "en/tin-tuc/trang-2/</loc>" in sitemap


@pytest.mark.slow
def test_the_build_stops_on_a_broken_news_item(tmp_path):
    repo = make_site_copy(tmp_path)
    edit(repo / f"{ITEM}.md", "date: 2025-09-25\n", "")
    line = build_error_line(repo, tmp_path, f"{ITEM}.md › date")
    assert "thiếu ngày của tin" in line and "missing the date of the item" in line
