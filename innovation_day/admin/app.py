"""The editing app at /admin/ (Sveltia CMS), written into the built site.

site/admin/ gets index.html (templates/admin.html, with its own
Content-Security-Policy), config.yml (config.py, from the content schema),
the app's script, strings and fonts copied from node_modules (files.py), and our
own publish-status.js and admin.css: the panel that tells staff whether their
latest change is published (GitHub's API, with the token the app keeps). The
page is not a Markdown page, so it is in no menu, sitemap or search index; the
output plugin's CSP leaves a page that has its own policy alone. Plain
functions of a `Site` and files: admin/plugin.py calls `write` after a build.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import yaml

from ..content.photos import READABLE, SOURCE
from ..content.entries import read_front_matter
from ..content.schema import SCHEMAS
from ..errors import BuildErrors
from ..templates import environment
from . import config as app_config
from . import files

FOLDER = "admin"
GUIDE = "huong-dan/"
TEMPLATES = Path(__file__).parent / "templates"
# Our own files beside the app, copied as they are (same origin: the CSP's 'self').
OWN_FILES = ("publish-status.js", "admin.css")
# The workflow that publishes (.github/workflows/deploy.yml) and the branch it publishes:
# the status panel reads its latest run.
DEPLOY_WORKFLOW = "deploy.yml"
DEPLOY_BRANCH = "main"

# Exactly what the app needs, checked in Chromium (tests/browser/test_admin.py):
# - its script, strings and fonts from this site ('self');
# - GitHub's REST and GraphQL API (connect-src), and the data:/blob: URLs it reads back
#   (its built-in logo, a photo being uploaded);
# - images: the signed-in user's GitHub avatar, photos it fetched through the API (blob:),
#   small pictures it draws (data:);
# - 'unsafe-inline' styles: its components insert their own <style> elements (without it,
#   Chromium refuses them and the app is unstyled).
# Refused (the app carries on without them): GitHub's status page and unpkg (its check for a
# newer version, and the CDNs files.py points away from).
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'self'; "
          "connect-src 'self' data: blob: https://api.github.com; "
          "object-src 'none'; base-uri 'self'; form-action 'none'; frame-src 'none'")

GITHUB_REPO = re.compile(r"^https://github\.com/([^/\s]+/[^/\s]+?)(?:\.git)?/?$")


def repo_of(repo_url: str | None, admin, environ=os.environ) -> str | None:
    """owner/name: from repo_url when it is a GitHub address, else data/site.yml's admin.repo
    (checked as a repository by its declaration), else the repository GitHub Actions is
    building (GITHUB_REPOSITORY), so the app works from the first deploy; None if unknown
    (a build on a computer with nothing set)."""
    match = GITHUB_REPO.match(repo_url or "")
    if match:
        return match[1]
    return admin.repo or environ.get("GITHUB_REPOSITORY") or None


def settings_of(site, repo_url: str | None, favicon: str) -> dict:
    """What config.py needs to know of the site."""
    t = site.t(site.languages.default)
    keys = [f"showcase.{f.name}.{value}" for schema in SCHEMAS.values() for f in schema.fields for value in f.choices]
    admin = site.admin
    return {
        "site_url": site.site_url,
        "site_name": site.texts[site.languages.default]["name"],
        "repo": repo_of(repo_url, admin),
        "branch": admin.branch,
        "docs_dir": site.docs_dir.relative_to(site.root).as_posix(),
        "photo_folder": SOURCE,
        "photo_types": sorted({f"image/{kind.lower()}" for kind in READABLE.values()}),
        "max_bytes": site.photos.max_bytes,
        "labels": {key: t(key) for key in keys},
        "logo": _path(site.site_url) + favicon,
        "languages": list(site.languages.codes),
        # The pages whose review date staff record: those of data/site.yml's review.sections.
        "reviewed_pages": reviewed_pages(site),
    }


def reviewed_pages(site) -> list[tuple[str, str]]:
    """(source, title) of each default-language page of the reviewed sections."""
    pages = []
    for section in site.review.sections:
        for path in sorted((site.docs_dir / section).glob("*.md")):
            source = path.relative_to(site.docs_dir).as_posix()
            if site.languages.of_source(source) == site.languages.default:
                pages.append((source, (read_front_matter(path)[0] or {}).get("title") or source))
    return pages


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url


def write(site, site_dir: Path, repo_url: str | None, favicon: str) -> None:
    settings = settings_of(site, repo_url, favicon)
    target = site_dir / FOLDER
    try:
        written = files.write_app(site.root / "node_modules", target)
    except files.AdminAppError as error:
        errors = BuildErrors("Trang biên tập / Editing app (/admin/)")
        errors.add("package.json", files.PACKAGE, *str(error).split(" / ", 1))
        errors.raise_if_any()
    data = app_config.config(list(SCHEMAS.values()), settings)
    header = ("# Made at build time by innovation_day/admin/ from the content schema (content/schema.py):\n"
              "# do not edit; change the schema instead.\n")
    (target / "config.yml").write_text(
        header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    env = environment("admin", html_layout=False, root=site.root)
    for name in OWN_FILES:
        shutil.copyfile(TEMPLATES / name, target / name)
    page = env.get_template("admin.html").render(
        policy=POLICY, site_name=settings["site_name"], repo=settings["repo"], logo=settings["logo"],
        branch=settings["branch"] or DEPLOY_BRANCH, workflow=DEPLOY_WORKFLOW,
        guide=f"../{GUIDE}", guide_en=f"../{site.languages.prefix('en')}{GUIDE}")
    (target / "index.html").write_text(page, encoding="utf-8")
    fonts_css = env.get_template("admin-fonts.html").make_module({}).fonts_css(written["extra_fonts"])
    (target / "fonts" / "fonts.css").write_text(str(fonts_css), encoding="utf-8")
