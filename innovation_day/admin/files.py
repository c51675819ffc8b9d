"""The editing app's files under site/admin/, all from our own origin.

Sveltia CMS ships as one script (node_modules/@sveltia/cms, pinned in
package-lock.json). As published it fetches three things from public CDNs: its
interface fonts (jsDelivr), its interface strings for languages other than
English (unpkg) and, rarely, a React chunk (its own folder first, then unpkg).
The admin page allows no other origin than GitHub's API (its CSP), so we copy
the fonts from their npm packages (pinned to the versions the app names) and
the strings and chunk from the app's package, and point the copied script at
them. Each rewrite must match: an upgrade that changes them fails the build
here, naming what to check, instead of silently loading from a CDN.

Plain functions, no MkDocs (admin/plugin.py adapts the build's events to them). Source maps are not published.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "@sveltia/cms"
SCRIPT = "dist/sveltia-cms.js"
CHUNKS = "dist/chunks"
# Interface strings the app fetches (English is built in): Vietnamese.
UI_LOCALES = ("vi",)

# The app's @font-face rules name fontsource files on jsDelivr, e.g.
# https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2
FONT_URL = re.compile(
    r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<family>[a-z0-9-]+)(?P<variable>:vf)?"
    r"@(?P<version>[0-9.]+)/(?P<file>[a-z0-9-]+\.woff2)")
# The base of its interface strings, e.g. `${"https://unpkg.com/@sveltia/cms"}@${version}/locales`
# (minified: `${iP}@${rP}/locales`), made relative to the admin page.
LOCALES_URL = re.compile(r"`\$\{\w+\}@\$\{\w+\}/locales`")
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
# Subsets the app does not declare but Vietnamese needs (ạ, ế, ữ…): Source Sans 3 has them.
EXTRA_FONT_SUBSETS = ("vietnamese", "latin-ext")


class AdminAppError(Exception):
    """Something about the app's npm packages is not as this module expects."""


@dataclass(frozen=True)
class Font:
    package: str      # npm package, e.g. @fontsource-variable/source-sans-3
    source: Path      # the .woff2 file in node_modules
    name: str         # file name under site/admin/fonts/
    family: str       # the CSS font family the app asks for


def package_dir(node_modules: Path, name: str) -> Path:
    folder = node_modules / name
    if not (folder / "package.json").is_file():
        raise AdminAppError(
            f"thiếu gói npm {name} trong {node_modules}: chạy `npm ci` (hoặc `make build`) / "
            f"the npm package {name} is missing from {node_modules}: run `npm ci` (or `make build`)")
    return folder


def version_of(folder: Path) -> str:
    return json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]


FAMILY = re.compile(r"font-family:\s*'([^']+)'")


def font_for(match: re.Match, node_modules: Path, css_family: str) -> Font:
    family, file = match["family"], match["file"]
    package = f"@fontsource{'-variable' if match['variable'] else ''}/{family}"
    folder = package_dir(node_modules, package)
    if version_of(folder) != match["version"]:
        raise AdminAppError(
            f"{PACKAGE} dùng phông {package}@{match['version']}, package.json ghim {version_of(folder)}: "
            f"ghim đúng phiên bản / {PACKAGE} uses the font {package}@{match['version']} but "
            f"package.json pins {version_of(folder)}: pin the same version")
    source = folder / "files" / f"{family}-{file}"
    if not source.is_file():
        raise AdminAppError(f"không có tệp phông / no font file {source}")
    return Font(package, source, source.name, css_family)


def rewrite_script(text: str, node_modules: Path) -> tuple[str, list[Font]]:
    """The app's script with every CDN font and the strings' base pointed at our copies."""
    fonts: dict[str, Font] = {}

    def local_font(match: re.Match) -> str:
        # The family is named in the same @font-face rule, just before its src.
        rule = text[text.rfind("@font-face", 0, match.start()):match.start()]
        families = FAMILY.findall(rule)
        if not families:
            raise AdminAppError(f"{PACKAGE}: no font-family before {match[0]}")
        font = font_for(match, node_modules, families[-1])
        fonts[font.name] = font
        return f"fonts/{font.name}"

    text, n_fonts = FONT_URL.subn(local_font, text)
    text, n_locales = LOCALES_URL.subn("`locales`", text)
    if not n_fonts or n_locales != 1 or "cdn.jsdelivr.net" in text:
        raise AdminAppError(
            f"{PACKAGE}: không thấy chỗ cần sửa trong {SCRIPT} (phông: {n_fonts}, chuỗi giao diện: {n_locales}); "
            "phiên bản mới đã đổi cách tải, xem lại innovation_day/admin/files.py / "
            f"{PACKAGE}: the expected CDN addresses are not in {SCRIPT} (fonts: {n_fonts}, interface "
            f"strings: {n_locales}); a new version changed how it loads them: review admin_files.py")
    return SOURCE_MAP.sub("\n", text), list(fonts.values())


def extra_fonts(fonts: list[Font]) -> list[tuple[Font, str]]:
    """Vietnamese and Latin Extended subsets of the app's variable text font: (font, unicode-range)."""
    result = []
    for font in fonts:
        if not font.name.endswith("-latin-wght-normal.woff2") or "material-symbols" in font.name:
            continue
        ranges = json.loads((font.source.parent.parent / "unicode.json").read_text(encoding="utf-8"))
        for subset in EXTRA_FONT_SUBSETS:
            source = font.source.with_name(font.name.replace("-latin-", f"-{subset}-"))
            if source.is_file() and subset in ranges:
                result.append((Font(font.package, source, source.name, font.family), ranges[subset]))
    return result


def write_app(node_modules: Path, target: Path) -> dict:
    """Copy the app into target (site/admin/); returns what was written, for the page template."""
    app = package_dir(node_modules, PACKAGE)
    script, fonts = rewrite_script((app / SCRIPT).read_text(encoding="utf-8"), node_modules)
    target.mkdir(parents=True, exist_ok=True)
    (target / "sveltia-cms.js").write_text(script, encoding="utf-8")
    chunks = app / CHUNKS
    if chunks.is_dir():
        for chunk in sorted(chunks.glob("*.js")):
            (target / "chunks").mkdir(exist_ok=True)
            text = SOURCE_MAP.sub("\n", chunk.read_text(encoding="utf-8"))
            (target / "chunks" / chunk.name).write_text(text, encoding="utf-8")
    for locale in UI_LOCALES:
        (target / "locales").mkdir(exist_ok=True)
        shutil.copyfile(app / "locales" / f"{locale}.json", target / "locales" / f"{locale}.json")
    extras = extra_fonts(fonts)
    (target / "fonts").mkdir(exist_ok=True)
    for font in [*fonts, *(font for font, _ in extras)]:
        shutil.copyfile(font.source, target / "fonts" / font.name)
    return {"version": version_of(app), "fonts": fonts, "extra_fonts": extras}
