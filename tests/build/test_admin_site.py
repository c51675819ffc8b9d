"""The editing app at /admin/ (issue 14) in the built site: its configuration asks exactly what
the content schema checks, for both collections; the page is hidden from citizens and search,
with a CSP of its own, and says so when no repository is set; a build without the app's npm
package stops with a clear message. The app itself, driven in Chromium: tests/browser/test_admin.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support.sites import ROOT, make_site_copy, run_build, text
from support.site_settings import data, search_indexes, vi_label

from innovation_day.admin import app as admin
from innovation_day.content import photos
from innovation_day.content.schema import SCHEMAS
from innovation_day.output import csp as content_security
from innovation_day.settings.mkdocs_file import site_from_file

WIDGETS = {"choice": "select", "year": "number", "date": "datetime", "bool": "boolean", "photo": "image"}


def admin_config_of(site: Path) -> dict:
    return yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))


def csp_of(html: str) -> str:
    meta = BeautifulSoup(html, "lxml").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return meta["content"] if meta else ""


@pytest.mark.parametrize("schema", list(SCHEMAS.values()), ids=list(SCHEMAS))
def test_config_matches_the_schema(built_site, schema):
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
            limit = data("data/site.yml")["photos"]["max_bytes"]
            assert f"{limit / 1_000_000:g}".replace(".", ",") + " MB" in got["hint"]
    assert config["media_libraries"]["default"]["config"]["max_file_size"] == \
        data("data/site.yml")["photos"]["max_bytes"]


def test_config_stores_files_as_the_site_reads_them(built_site):
    config = admin_config_of(built_site)
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["vi", "en"], "default_locale": "vi",
                              "omit_default_locale_from_file_path": True}
    assert config["media_folder"] == f"docs/{photos.SOURCE}"
    assert config["backend"]["name"] == "github" and config["backend"]["auth_methods"] == ["token"]
    assert config["slug"]["encoding"] == "ascii" and config["slug"]["clean_accents"] is True
    assert config["media_libraries"]["stock_assets"] is False
    for collection in config["collections"]:
        if collection["name"] in SCHEMAS:   # content entries: named from their title
            assert collection["slug"]["pattern"][0] == r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
    # Every file the app writes is content or data; never MkDocs's own configuration.
    written = [c.get("folder") for c in config["collections"]] + [
        f["file"] for c in config["collections"] for f in c.get("files", [])]
    assert all(path.startswith(("docs/", "data/")) for path in written if path), written


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
    assert data("data/site.yml")["admin"]["repo"] is None  # not set: the deploy names it
    assert admin.repo_of(None, site_from_file(ROOT / "mkdocs.yml").admin, {}) is None  # nor GitHub Actions
    page = BeautifulSoup((built_site / "admin" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.find("script") is None and page.find(id="publish-status") is None
    assert "GITHUB_REPOSITORY" in text(page.find("main")) and "chưa dùng được" in text(page.find("main"))


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


@pytest.mark.slow
def test_build_fails_clearly_without_the_npm_package(tmp_path):
    repo = make_site_copy(tmp_path)
    (repo / "node_modules").unlink()
    (repo / "node_modules").mkdir()
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "@sveltia/cms" in output and "npm ci" in output, output[-2000:]
