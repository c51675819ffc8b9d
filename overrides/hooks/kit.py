"""What the communication kit's hooks share: its settings, strings, cache and downloads.

The kit (hooks kit_qr.py, kit_print.py, kit_words.py, kit_calendar.py and
share_meta.py) turns the one `site_url` and the edition settings in mkdocs.yml
into files people print, post and import. This module is not a hook: it holds
what they have in common, so each hook stays one concern.

- Settings live in `extra.kit` and are checked here (bilingual errors, file › field).
- Words printed or posted come from the interface tables
  (`overrides/partials/languages/*.html`, keys `kit.…`), one per language.
- mkdocs-static-i18n runs every hook once per language, and `mkdocs serve`
  rebuilds on every save: each generator keys its output by a hash of all that
  goes into it (settings, site_url, fonts, templates, the kit's own code and
  library versions), keeps it under `.cache/kit/`, and remembers it in memory,
  so the English build and unchanged rebuilds generate nothing again.
- Downloads are registered as MkDocs files under `tai-lieu/tai-ve/` (one copy at
  the site root), so Markdown links to them are checked by `--strict` and
  rewritten right from both languages.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from mkdocs.structure.files import File

from build_errors import BuildErrors

DOWNLOADS = "tai-lieu/tai-ve"
DEFAULT_LANGUAGE = "vi"
KINDS = ("banner", "poster", "standee")
PT_PER_M = 72 / 0.0254
# A PDF viewer's limit for one side of a page (Acrobat: 200 inches).
MAX_PAGE_M = 200 * 0.0254
MIN_CONTRAST = 4.5
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HOOKS = Path(__file__).resolve().parent
LIBRARIES = ("segno", "fpdf2", "pypdfium2", "pillow", "fonttools", "icalendar")


# Settings -------------------------------------------------------------------

@dataclass(frozen=True)
class Artwork:
    file: str
    kind: str
    width: float       # metres
    height: float      # metres
    scan_from: float   # metres: the farthest distance its QR code is scanned from
    paper: str | None
    reach: float       # the one-tenth rule: scanned from at most `reach` × the code's side

    @property
    def qr_side(self) -> float:
        """The QR symbol's side in metres (without its quiet zone)."""
        return self.scan_from / self.reach


@dataclass(frozen=True)
class KitSettings:
    reach: float
    background: str
    text: str
    artworks: tuple[Artwork, ...]


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def load_settings(config) -> KitSettings:
    """`extra.kit`, checked: every problem is reported at once, naming the field."""
    errors = BuildErrors("mkdocs.yml")
    kit = config.extra.get("kit")
    if not isinstance(kit, Mapping):
        errors.add("mkdocs.yml", "extra.kit", "thiếu cài đặt bộ tài liệu truyền thông",
                   "the communication kit settings are missing")
        errors.raise_if_any()
    reach = kit.get("qr_reach")
    if not _positive(reach):
        errors.add("mkdocs.yml", "extra.kit.qr_reach", "phải là một số dương (ví dụ 10)",
                   "must be a positive number (for example 10)")
        reach = 10
    colours = kit.get("colours") if isinstance(kit.get("colours"), Mapping) else {}
    for key in ("background", "text"):
        if not isinstance(colours.get(key), str) or not HEX.match(colours[key]):
            errors.add("mkdocs.yml", f"extra.kit.colours.{key}", "phải là mã màu dạng #RRGGBB",
                       "must be a colour written #RRGGBB")
    if not errors.problems:
        ratio = contrast(colours["text"], colours["background"])
        if ratio < MIN_CONTRAST:
            errors.add("mkdocs.yml", "extra.kit.colours",
                       f"độ tương phản chữ/nền {ratio:.2f}:1, cần ít nhất {MIN_CONTRAST}:1",
                       f"text/background contrast is {ratio:.2f}:1, at least {MIN_CONTRAST}:1 is needed")
    artworks, seen = [], set()
    items = kit.get("artworks")
    if not isinstance(items, list) or not items:
        errors.add("mkdocs.yml", "extra.kit.artworks", "phải là một danh sách mẫu in",
                   "must be a list of artworks")
        items = []
    for number, item in enumerate(items, 1):
        item = item if isinstance(item, Mapping) else {}
        name = f"extra.kit.artworks[{number}]"
        file = item.get("file")
        if not isinstance(file, str) or not SLUG.match(file):
            errors.add("mkdocs.yml", f"{name}.file", "tên tệp chỉ gồm chữ thường không dấu, số và '-'",
                       "a file name of lower-case ASCII letters, digits and '-'")
        elif file in seen:
            errors.add("mkdocs.yml", f"{name}.file", f"tên tệp '{file}' bị lặp", f"file name '{file}' is repeated")
        seen.add(file)
        if item.get("kind") not in KINDS:
            errors.add("mkdocs.yml", f"{name}.kind", f"phải là một trong {', '.join(KINDS)}",
                       f"must be one of {', '.join(KINDS)}")
        for key in ("width", "height", "scan_from"):
            if not _positive(item.get(key)):
                errors.add("mkdocs.yml", f"{name}.{key}", "phải là một số dương (mét)",
                           "must be a positive number (metres)")
        for key in ("width", "height"):
            if _positive(item.get(key)) and item[key] > MAX_PAGE_M:
                errors.add("mkdocs.yml", f"{name}.{key}",
                           f"tệp PDF không thể dài quá {MAX_PAGE_M:.2f} m một cạnh",
                           f"a PDF page cannot be longer than {MAX_PAGE_M:.2f} m on a side")
        paper = item.get("paper")
        if paper is not None and not isinstance(paper, str):
            errors.add("mkdocs.yml", f"{name}.paper", "phải là tên khổ giấy, ví dụ A3", "must be a paper name, e.g. A3")
        if not errors.problems:
            artworks.append(Artwork(file, item["kind"], float(item["width"]), float(item["height"]),
                                    float(item["scan_from"]), paper, float(reach)))
    errors.raise_if_any()
    return KitSettings(float(reach), colours["background"].upper(), colours["text"].upper(), tuple(artworks))


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""
    def luminance(colour):
        channels = [c / 255 for c in rgb(colour)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Words ----------------------------------------------------------------------

_envs: dict[int, tuple] = {}
_translators: dict[tuple, Callable[..., str]] = {}


def theme_env(config):
    """The theme's Jinja environment, made once per build configuration (making one is slow)."""
    if id(config) not in _envs or _envs[id(config)][0] is not config:
        _envs.clear()
        _translators.clear()
        _envs[id(config)] = (config, config.theme.get_env())
    return _envs[id(config)][1]


def translator(config, lang: str) -> Callable[..., str]:
    """t(key, **fields): an interface string of `lang`, with {field} placeholders filled."""
    env = theme_env(config)
    if (id(config), lang) in _translators:
        return _translators[(id(config), lang)]
    template = env.from_string(
        '{% import "partials/languages/" ~ lang ~ ".html" as table %}{{ table.t(key) }}')
    cache: dict[str, str] = {}

    def t(key: str, **fields) -> str:
        if key not in cache:
            cache[key] = template.render(lang=lang, key=key).strip()
        text = cache[key]
        if not text:
            errors = BuildErrors("Giao diện / Interface strings")
            errors.add(f"overrides/partials/languages/{lang}.html", key, "thiếu chuỗi", "the string is missing")
            errors.raise_if_any()
        for name, value in fields.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    _translators[(id(config), lang)] = t
    return t


def number(value: float, lang: str) -> str:
    """0,8 in Vietnamese, 0.8 in English; no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def display_address(url: str) -> str:
    """The address as printed for people to read: without 'https://'."""
    return url[len("https://"):] if url.startswith("https://") else url


def artwork_size(artwork: Artwork, lang: str) -> str:
    """Banners as height × width (as they are ordered), others as width × height."""
    first, second = ((artwork.height, artwork.width) if artwork.kind == "banner"
                     else (artwork.width, artwork.height))
    if artwork.paper:
        return f"{artwork.paper} ({round(artwork.width * 1000)} × {round(artwork.height * 1000)} mm)"
    return f"{number(first, lang)} × {number(second, lang)} m"


def length(metres: float, lang: str) -> str:
    """50 cm, 4 m, 1,5 m."""
    if metres < 1:
        return f"{number(round(metres * 100, 1), lang)} cm"
    return f"{number(round(metres, 2), lang)} m"


# Cache ----------------------------------------------------------------------

_memory: dict[str, "Output"] = {}


@dataclass
class Output:
    """Files a generator made, in its cache folder, with what it measured about them."""
    folder: Path
    meta: dict

    def path(self, name: str) -> Path:
        return self.folder / name


def cache_root(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "kit"


_sources: dict[tuple, str] = {}


def _sources_digest(config) -> str:
    """A hash of everything besides settings that shapes the kit's files: its code,
    fonts, templates, interface strings and library versions."""
    root = Path(config.config_file_path).parent
    sources = sorted(HOOKS.glob("kit*.py")) + sorted(HOOKS.glob("share_meta.py"))
    sources += sorted((root / "data" / "fonts").glob("*.ttf")) + sorted((root / "data" / "kit").glob("*"))
    sources += sorted((root / "overrides" / "partials" / "languages").glob("*.html"))
    stamp = tuple((str(s), s.stat().st_mtime_ns, s.stat().st_size) for s in sources)
    if stamp not in _sources:
        digest = hashlib.sha256()
        for source in sources:
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
        for name in LIBRARIES:
            try:
                digest.update(f"{name}={metadata.version(name)}".encode())
            except metadata.PackageNotFoundError:
                pass
        _sources[stamp] = digest.hexdigest()
    return _sources[stamp]


def fingerprint(config, concern: str, inputs) -> str:
    digest = hashlib.sha256(_sources_digest(config).encode())
    digest.update(json.dumps([concern, inputs], sort_keys=True, default=str, ensure_ascii=False).encode())
    return digest.hexdigest()[:20]


def generate(config, concern: str, inputs, make: Callable[[Path], dict]) -> Output:
    """Run `make(folder)` once for these inputs; later calls (and builds) reuse its files.

    `make` writes its files into the folder it is given and returns a JSON-able
    dict describing them. The folder appears under .cache/kit/ atomically, so two
    builds at once never see half a set of files.
    """
    key = f"{concern}-{fingerprint(config, concern, inputs)}"
    if key in _memory and (_memory[key].folder / "meta.json").exists():
        return _memory[key]
    root = cache_root(config)
    folder = root / key
    if not (folder / "meta.json").exists():
        root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{concern}-", dir=root))
        try:
            meta = make(work)
            (work / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
            try:
                os.replace(work, folder)
            except OSError:  # another build made the same folder meanwhile: theirs is identical
                pass
        finally:
            shutil.rmtree(work, ignore_errors=True)
        _prune(root, concern, keep=folder)
    os.utime(folder)
    output = Output(folder, json.loads((folder / "meta.json").read_text(encoding="utf-8")))
    _memory[key] = output
    return output


def _prune(root: Path, concern: str, keep: Path, days: int = 7) -> None:
    """Forget outputs of this concern not used for a week, so the cache stays small."""
    limit = time.time() - days * 86400
    for folder in root.glob(f"{concern}-*"):
        if folder != keep and folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)


def register(files, config, output: Output, names) -> None:
    """Publish these files of an output under tai-lieu/tai-ve/ (same place in every language)."""
    for name in names:
        uri = f"{DOWNLOADS}/{name}"
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, abs_src_path=str(output.path(name))))


def link(target_uri: str, page) -> str:
    """A Markdown link target from this page's source file to a site file (checked by MkDocs)."""
    here = page.file.src_uri.rsplit("/", 1)[0] if "/" in page.file.src_uri else ""
    return os.path.relpath(target_uri, here or ".").replace(os.sep, "/")


def file_size(path: Path, lang: str) -> str:
    size = path.stat().st_size
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{number(round(size / 1e6, 1), lang)} MB"


def render_partial(config, template: str, **context) -> str:
    """Render overrides/partials/kit/<name> (Markdown with Jinja) for a marker."""
    return theme_env(config).get_template(f"partials/kit/{template}").render(config=config, **context)


def page_address(config, src_uri: str, lang: str) -> str:
    """The absolute address of a page (given by its Vietnamese source file) in a language."""
    path = src_uri[: -len(".md")]
    path = path[: -len("index")] if path == "index" or path.endswith("/index") else path + "/"
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return config.site_url + prefix + path


def check_page_setting(config, key: str, src_uri) -> None:
    """A setting that names a page must name one that exists."""
    if not isinstance(src_uri, str) or not (Path(config.docs_dir) / src_uri).is_file():
        errors = BuildErrors("mkdocs.yml")
        errors.add("mkdocs.yml", key, f"không có trang docs/{src_uri}", f"there is no page docs/{src_uri}")
        errors.raise_if_any()
