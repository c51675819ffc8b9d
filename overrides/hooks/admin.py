"""The editing app at /admin/ (Sveltia CMS): the MkDocs adapter.

At build, writes site/admin/: index.html (overrides/admin.html, with its own
Content-Security-Policy), config.yml (admin_config.py, from content_schema.py)
and the app's script, strings and fonts copied from node_modules
(admin_files.py). The page is not a Markdown page, so it is in no menu, sitemap
or search index; content_security.py leaves a page that has its own policy alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import admin_config
import admin_files
import content_schema
import photos
import rendering
from build_errors import BuildErrors

FOLDER = "admin"
GUIDE = "huong-dan/"

# Exactly what the app needs, checked in Chromium (tests/test_admin.py):
# - its script, strings and fonts from this site ('self');
# - GitHub's REST and GraphQL API (connect-src), and the data:/blob: URLs it reads back
#   (its built-in logo, a photo being uploaded);
# - images: the signed-in user's GitHub avatar, photos it fetched through the API (blob:),
#   small pictures it draws (data:);
# - 'unsafe-inline' styles: its components insert their own <style> elements (without it,
#   Chromium refuses them and the app is unstyled).
# Refused (the app carries on without them): GitHub's status page and unpkg (its check for a
# newer version, and the CDNs admin_files.py points away from).
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'self'; "
          "connect-src 'self' data: blob: https://api.github.com; "
          "object-src 'none'; base-uri 'self'; form-action 'none'; frame-src 'none'")

GITHUB_REPO = re.compile(r"^https://github\.com/([^/\s]+/[^/\s]+?)(?:\.git)?/?$")


def repo_of(config) -> str | None:
    """owner/name: from repo_url when it is a GitHub address, else extra.admin.repo; None if unknown."""
    match = GITHUB_REPO.match(config.repo_url or "")
    if match:
        return match[1]
    repo = (config.extra.get("admin") or {}).get("repo")
    if repo is None or repo == "":
        return None
    if not isinstance(repo, str) or not re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        errors = BuildErrors("mkdocs.yml")
        errors.add("mkdocs.yml", "extra.admin.repo", f"phải có dạng chu-so-huu/ten-kho (hiện là {repo!r})",
                   f"must look like owner/name (now {repo!r})")
        errors.raise_if_any()
    return repo


def settings_from(config) -> dict:
    env = rendering.environment(config)
    t = rendering.translator(env, config)
    keys = [f"showcase.{f.name}.{value}" for schema in content_schema.SCHEMAS.values()
            for f in schema.fields for value in f.choices]
    base = config.site_url
    admin = config.extra.get("admin") or {}
    return {
        "site_url": base,
        "site_name": config.site_name,
        "repo": repo_of(config),
        "branch": admin.get("branch") or None,
        "docs_dir": Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix(),
        "photo_folder": photos.SOURCE,
        "photo_types": sorted({f"image/{kind.lower()}" for kind in photos.READABLE.values()}),
        "max_bytes": photos.settings_from(config).max_bytes,
        "labels": {key: t(key) for key in keys if t(key) != key},
        "logo": _path(base) + config.theme["favicon"],
    }


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url


def write(config) -> None:
    settings = settings_from(config)
    target = Path(config.site_dir) / FOLDER
    node_modules = Path(config.config_file_path).parent / "node_modules"
    try:
        written = admin_files.write_app(node_modules, target)
    except admin_files.AdminAppError as error:
        errors = BuildErrors("Trang biên tập / Editing app (/admin/)")
        errors.add("package.json", admin_files.PACKAGE, *str(error).split(" / ", 1))
        errors.raise_if_any()
    data = admin_config.config(list(content_schema.SCHEMAS.values()), settings)
    header = ("# Made at build time by overrides/hooks/admin.py from overrides/hooks/content_schema.py:\n"
              "# do not edit; change the schema instead.\n")
    (target / "config.yml").write_text(
        header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    env = rendering.environment(config)
    template = env.get_template("admin.html")
    page = template.render(
        policy=POLICY, site_name=config.site_name, repo=settings["repo"], logo=settings["logo"],
        guide=f"../{GUIDE}", guide_en=f"../en/{GUIDE}")
    (target / "index.html").write_text(page, encoding="utf-8")
    fonts_css = env.get_template("partials/admin-fonts.html").make_module({}).fonts_css(written["extra_fonts"])
    (target / "fonts" / "fonts.css").write_text(str(fonts_css), encoding="utf-8")


# Hooks ----------------------------------------------------------------------

def on_post_build(config):
    # Once, in the default language's build (mkdocs-static-i18n builds English inside it).
    if config.theme["language"] == content_schema.DEFAULT_LANGUAGE:
        write(config)
