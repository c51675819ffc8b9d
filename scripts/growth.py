#!/usr/bin/env python3
"""A decade of ordinary content, measured: how the build, the site and the tests grow.

In a throwaway copy of the project (never in the working tree), the script

1. builds the copy as it is, from a cold cache (as the deploy builds: no .cache),
   and measures it;
2. adds a decade of ordinary content: editions up to ten years (`scripts/new.py
   edition`, blanks where the year's plan is not out), news items (three short
   paragraphs in each language, chains of the site's own word pairs, so they compress like
   real text; dated over the last ten years) and innovators with a
   photo each (drawn with Pillow at a phone photo's size);
3. builds it again, cold, and measures it the same way;
4. prints a growth table (Markdown): each figure before and after, and its cost
   per added item (news item or innovator pair; editions counted apart).

Figures: the build's wall time (`mkdocs build --strict`, cold), the site's size
on disk and its number of pages, the largest first view in Chromium's headless
shell (tests/support/page_walk.py's walk: a phone-sized first view until no request is left
in flight) over one page of each kind in each language, each language's search index
(gzip) and, with --suite, the wall time of a pytest run on the copy (its tests read
the copy's site).

Run it from the repository root, as a module (it uses the tests' page walk, tests/support/):

    python -m scripts.growth                  # the decade: 10 editions, 240 news, 60 innovators
    python -m scripts.growth --suite "-m 'not browser' -q"   # and time those tests on the copy
    python -m scripts.growth --keep /tmp/decade              # keep the copy there, to look at it

The README's growth table is this script's output (see its "Growth" section).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from PIL import Image, ImageDraw, ImageFilter

from innovation_day.content.schema import FIELDS, INNOVATOR, KINDS, NEWS, slugify
from innovation_day.output.search_index import INDEX
from innovation_day.settings.mkdocs_file import site_from_file

from innovation_day.content import site_index
from innovation_day.preview import gzipped

ROOT = Path(__file__).resolve().parent.parent

# What a copy needs to build and to run its tests.
COPIED = ("mkdocs.yml", "docs", "overrides", "data", "tests", "pytest.ini", "pyproject.toml", "Makefile", "scripts")
LINKED = ("node_modules", ".venv", "innovation_day")
PHOTO_SIZE = (2016, 1512)   # a 3-megapixel phone photo, 4:3


@dataclass
class Figures:
    build_s: float = 0.0          # cold cache
    warm_build_s: float = 0.0     # with the cache of the build before
    site_bytes: int = 0
    pages: int = 0
    first_view: dict[str, int] = field(default_factory=dict)     # page -> bytes
    index_gzip: dict[str, int] = field(default_factory=dict)     # language -> bytes
    index_pages: dict[str, int] = field(default_factory=dict)    # language -> pages indexed
    suite_s: float | None = None

    @property
    def largest_first_view(self) -> tuple[str, int]:
        return max(self.first_view.items(), key=lambda item: item[1])


# The copy -------------------------------------------------------------------

def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        elif source.exists():
            shutil.copy2(source, dest / name)
    for name in LINKED:   # installed tools and the build's own package: shared, not copied
        if (ROOT / name).exists():
            (dest / name).symlink_to((ROOT / name).resolve(), target_is_directory=True)
    return dest


# Ordinary content -----------------------------------------------------------

# What is not prose in a page's source: front matter, passages in the other language (lang="…"),
# code, HTML tags, link addresses, markers, tables.
_NOT_PROSE = re.compile(r"\A---\n.*?\n---\n|<(\w+)\b[^>]*\blang=\"[^\"]+\"[^>]*>.*?</\1>|```.*?```|`[^`]*`|<[^>]+>"
                        r"|\]\([^)]*\)|\{[{%#].*?[}%#]\}|^\|.*$|https?://\S+", re.DOTALL | re.MULTILINE)
# Words that give away an English sentence in Vietnamese text (and the reverse: a Vietnamese letter).
_ENGLISH = re.compile(r"^(?:the|of|and|with|for|is|are|by|from|made|page)$", re.IGNORECASE)
_VIETNAMESE = re.compile(r"[^\x00-\x7f]")


def sentences(root: Path, lang: str) -> list[list[str]]:
    """The sentences of the site's own pages in one language, as lists of words: not the editor's
    guide (field names, technical words), nothing marked as the other language, and in English no
    Vietnamese word (names are marked or written whole on real pages; a chain of words would split them)."""
    found = []
    for path in sorted((root / "docs").rglob("*.md")):
        if path.name.endswith(".en.md") != (lang == "en") or "huong-dan" in path.parts:
            continue
        prose = _NOT_PROSE.sub(" ", path.read_text(encoding="utf-8"))
        for sentence in re.split(r"[.!?;:\n]\s", prose):
            words = re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+", sentence)
            if lang == "en":
                words = [w for w in words if not _VIETNAMESE.search(w)]
            elif any(_ENGLISH.match(w) for w in words):
                continue
            if len(words) >= 4:
                found.append(words)
    return found


class Writer:
    """Ordinary sentences in one language: a chain of the site's own word pairs (each word follows
    one that it follows in the site's pages), so the text repeats phrases and compresses as real
    news does, not as a random word list would."""

    def __init__(self, corpus: list[list[str]], rng: random.Random):
        self.rng = rng
        self.starts = [words[0] for words in corpus]
        self.next: dict[str, list[str]] = {}
        for words in corpus:
            for a, b in zip(words, words[1:]):
                self.next.setdefault(a, []).append(b)

    def sentence(self, low: int, high: int) -> str:
        words = [self.rng.choice(self.starts)]
        for _ in range(self.rng.randint(low, high) - 1):
            words.append(self.rng.choice(self.next.get(words[-1]) or self.starts))
        text = " ".join(words)
        return text[:1].upper() + text[1:]

    def text(self, low: int, high: int) -> str:
        """Text of `low` to `high` characters, ending with a full stop."""
        size = self.rng.randint(low, high)
        text = self.sentence(60, 80)
        while len(text) < size:
            text += " " + self.sentence(10, 20)
        return text[:size].rsplit(" ", 1)[0] + "."   # whole words: a cut one may be another word

    def paragraphs(self, count: int = 3) -> str:
        """`count` short paragraphs of two or three sentences."""
        return "\n\n".join(" ".join(self.sentence(8, 16) + "." for _ in range(self.rng.randint(2, 3)))
                            for _ in range(count))


def write_entry(folder: Path, slug: str, lang: str, default: str, meta: dict, body: str) -> None:
    name = f"{slug}.md" if lang == default else f"{slug}.{lang}.md"
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    (folder / name).write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")


def draw_photo(path: Path, rng: random.Random) -> None:
    """A phone-sized JPEG: a gradient sky, ground and shapes, slightly blurred, with a little grain."""
    width, height = PHOTO_SIZE
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    tint = Image.new("RGB", (width, height), tuple(rng.randint(40, 220) for _ in range(3)))
    image = Image.blend(image, tint, 0.6)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height * 2 // 3, width, height], fill=tuple(rng.randint(30, 160) for _ in range(3)))
    for _ in range(40):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randint(30, 300)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rng.randint(0, 255) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(3))
    grain = Image.effect_noise((width, height), 12).convert("RGB")
    image = Image.blend(image, grain, 0.08)
    image.save(path, "JPEG", quality=88)


def add_decade(root: Path, editions: int, news: int, innovators: int, seed: int = 24) -> dict[str, int]:
    """Add ordinary content to the copy at `root`; returns how many of each were added."""
    from scripts.new import create_edition   # the command staff run for a new year

    site = site_from_file(root / "mkdocs.yml")
    languages, today = site.languages, site.today
    rng = random.Random(seed)
    writers = {lang: Writer(sentences(root, lang), rng) for lang in languages.codes}
    added = {"editions": 0, "news": 0, "innovators": 0}

    years = sorted(edition.year for edition in site.editions)
    for year in range(years[-1] + 1, years[-1] + 1 + max(0, editions - len(years))):
        create_edition(year, root)
        added["editions"] += 1

    folder = root / "docs" / NEWS.section
    low_t, high_t = NEWS.field("title").length
    low_s, high_s = NEWS.field("description").length
    for n in range(news):
        day = today - dt.timedelta(days=int((n + 1) * 3652 / news))   # spread over ten years, all past
        slug = f"{day.isoformat()}-{slugify(writers[languages.default].sentence(4, 7), 40)}-{n}"
        for lang in languages.codes:
            w = writers[lang]
            meta = {"title": w.text(max(low_t, 50), min(high_t, 100)), "description": w.text(low_s + 40, high_s),
                    "date": day}
            write_entry(folder, slug, lang, languages.default, meta, w.paragraphs())
        added["news"] += 1

    folder = root / "docs" / INNOVATOR.section
    photos = root / "docs" / "anh"
    photos.mkdir(exist_ok=True)
    low_s, high_s = INNOVATOR.field("description").length
    for n in range(innovators):
        slug = f"{slugify(writers[languages.default].sentence(3, 5), 40)}-{n}"
        draw_photo(photos / f"{slug}.jpg", rng)
        shared = {"kind": rng.choice(KINDS), "field": rng.choice(FIELDS),
                  "year": rng.randint(today.year - 9, today.year), "photo": f"{slug}.jpg", "example": False}
        for lang in languages.codes:
            w = writers[lang]
            meta = {"title": w.text(20, 60), "description": w.text(low_s + 40, high_s),
                    "kind": shared["kind"], "field": shared["field"], "area": w.text(10, 30),
                    "year": shared["year"], "achievement": w.text(100, 240), "recognition": w.text(30, 90),
                    "photo": shared["photo"], "photo_alt": w.text(40, 110), "example": False}
            write_entry(folder, slug, lang, languages.default, meta, w.paragraphs())
        added["innovators"] += 1
    return added


# Measuring ------------------------------------------------------------------

def build(root: Path, site_dir: Path, cold: bool) -> float:
    """Wall time of `mkdocs build --strict`: from a cold cache, or with the cache (.cache/: photos
    and print files, keyed by their content) the last build left, as the deploy restores it."""
    if cold:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    shutil.rmtree(site_dir, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    env.pop("SITE_URL", None)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
                            cwd=root, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"The build of {root} failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return seconds


def kinds_of_page(root: Path) -> list[str]:
    """One page of each kind, in each language: home, news list, newest item, innovators, the
    newest innovator, plans, the newest plan, the site's index (site-relative paths)."""
    site = site_from_file(root / "mkdocs.yml")
    newest = {}
    for section in (NEWS.section, INNOVATOR.section):
        stems = sorted(p.stem for p in (root / "docs" / section).glob("*.md")
                       if "." not in p.stem and p.stem not in ("index", "de-cu"))
        newest[section] = f"{section}/{stems[-1]}/" if stems else f"{section}/"
    plan = f"ke-hoach/{max(edition.year for edition in site.editions)}/"
    paths = ["", f"{NEWS.section}/", newest[NEWS.section], f"{INNOVATOR.section}/", newest[INNOVATOR.section],
             "ke-hoach/", plan, f"{site_index.PAGE}/"]
    return [site.languages.prefix(lang) + path for lang in site.languages.codes for path in paths]


def first_views(root: Path, site_dir: Path) -> dict[str, int]:
    """Bytes of each kind of page's first view, walked as tests/support/page_walk.py walks pages."""
    from tests.support.chromium import CHROMIUM_FLAGS, chromium_path
    from tests.support.page_walk import Tabs, Walk
    from playwright.sync_api import sync_playwright

    from innovation_day import preview

    base_path = urlsplit(site_from_file(root / "mkdocs.yml").site_url).path
    httpd, url = preview.start(site_dir, base_path)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            tabs = Tabs(browser, url)
            walk = Walk(tabs, url)
            sizes = {path: walk(path).first_view_bytes for path in kinds_of_page(root)}
            tabs.close()
            browser.close()
    finally:
        httpd.shutdown()
    return sizes


def measure(root: Path, site_dir: Path, suite: str | None) -> Figures:
    figures = Figures(build_s=build(root, site_dir, cold=True), warm_build_s=build(root, site_dir, cold=False))
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    figures.site_bytes = sum(p.stat().st_size for p in files)
    figures.pages = sum(1 for p in files if p.name == "index.html")
    languages = site_from_file(root / "mkdocs.yml").languages
    for lang in languages.codes:
        raw = (site_dir / languages.prefix(lang) / INDEX).read_bytes()
        figures.index_gzip[lang] = len(gzipped(raw))
        docs = json.loads(raw)["docs"]
        figures.index_pages[lang] = len({doc["location"].split("#")[0] for doc in docs})
    figures.first_view = first_views(root, site_dir)
    if suite is not None:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root))
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "pytest", *shlex.split(suite)], cwd=root, env=env,
                                capture_output=True, text=True)
        figures.suite_s = time.perf_counter() - start
        if result.returncode != 0:
            print(result.stdout[-6000:], file=sys.stderr)
            raise SystemExit(f"pytest {suite} failed on the copy at {root}")
    return figures


# The table ------------------------------------------------------------------

def table(before: Figures, after: Figures, added: dict[str, int]) -> str:
    items = added["news"] + added["innovators"]
    kib = 1024

    def row(name: str, old: float, new: float, unit: str = "", scale: float = 1.0, digits: int = 1) -> str:
        per = (new - old) / items / scale if items else 0.0
        per_digits = 3 if unit == "s" else 2
        cells = [f"{old / scale:,.{digits}f} {unit}", f"{new / scale:,.{digits}f} {unit}", f"{per:+,.{per_digits}f} {unit}"]
        return f"| {name} | " + " | ".join(cell.rstrip() for cell in cells) + " |"

    (page_b, first_b), (page_a, first_a) = before.largest_first_view, after.largest_first_view
    lines = [
        f"Added: {added['editions']} editions, {added['news']} news items and {added['innovators']} innovators "
        f"(each in both languages); cost per added item = (after − before) / {items}.",
        "",
        "| Figure | Now | A decade | Per added item |",
        "| --- | ---: | ---: | ---: |",
        row("Build, cold cache (`mkdocs build --strict`)", before.build_s, after.build_s, "s"),
        row("Build, with the last build's cache (deploy)", before.warm_build_s, after.warm_build_s, "s"),
        row("Site size on disk", before.site_bytes, after.site_bytes, "MiB", kib * kib, 2),
        row("Pages (both languages)", before.pages, after.pages, digits=0),
        row(f"Largest first view (`/{page_b}` → `/{page_a}`)", first_b, first_a, "KiB", kib),
    ]
    for lang in after.index_gzip:
        lines.append(row(f"Search index, {lang} (gzip)", before.index_gzip[lang], after.index_gzip[lang], "KiB", kib))
        lines.append(f"| … per indexed page, {lang} | {before.index_gzip[lang] / before.index_pages[lang]:,.0f} B "
                     f"| {after.index_gzip[lang] / after.index_pages[lang]:,.0f} B | |")
    if after.suite_s is not None:
        lines.append(row("Test suite (as run with --suite)", before.suite_s, after.suite_s, "s"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.growth",
        description="Build a copy of the project with a decade of ordinary content and print a growth table.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--editions", type=int, default=10, help="editions in all, the current ones included (10)")
    parser.add_argument("--news", type=int, default=240, help="news items to add, each in both languages (240)")
    parser.add_argument("--innovators", type=int, default=60, help="innovators to add, with a photo each (60)")
    parser.add_argument("--suite", metavar="PYTEST_ARGS",
                        help="also time `pytest PYTEST_ARGS` on the copy, before and after (e.g. \"-m unit -q\")")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="make the copy in DIR (new) and keep it")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="growth-"))
    if args.keep and args.keep.exists():
        parser.error(f"{args.keep} exists: give a new folder")
    try:
        root = copy_project(work / "repo")
        before = measure(root, work / "site-now", args.suite)
        added = add_decade(root, args.editions, args.news, args.innovators)
        after = measure(root, work / "site-decade", args.suite)
        print(table(before, after, added))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if not __package__:   # run as a file: `scripts` and `tests` are not importable from scripts/
        sys.exit("Run it from the repository root as a module: python -m scripts.growth (--help)")
    sys.exit(main())
