"""Building and breaking copies of the site, and reading what a reader gets: the tests' shared helpers.

Imported by the tests and by tests/conftest.py (whose fixtures build the site once a run).
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .build_runner import BUILDS

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_SITE_URL = "http://127.0.0.1:8000/ngay-hoi-dmst/"
# A repository for mkdocs.yml's repo_url in the tests (conftest.site_with_repo): an example one.
EXAMPLE_REPO = "https://github.com/vi-du/ngay-hoi-dmst"
# Another address, to check that everything follows site_url (one build serves all such tests).
OTHER_SITE_URL = "https://example.github.io/thu-nghiem/"


def run_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", site_url: str | None = None,
              check: bool = True, github_repository: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, as the deploy runs it, into site_dir.

    GITHUB_REPOSITORY (which GitHub Actions sets, and the editing app falls back on) only
    when given: the same build on a computer and in CI. Refused to a unit test (tests/unit/:
    `make test-fast` builds nothing)."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "")
    if test.startswith("tests/unit/"):
        pytest.fail(f"{test.rsplit(' (', 1)[0]} builds the site, and a unit test builds nothing: "
                    "move it to tests/build/ and mark it slow", pytrace=False)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    else:
        env.pop("SITE_URL", None)
    env.pop("GITHUB_REPOSITORY", None)
    if github_repository:
        env["GITHUB_REPOSITORY"] = github_repository
    # As `python -m mkdocs build …` would, in a process of its own (support/build_runner.py).
    result = BUILDS.run(["build", "--strict", "-f", str(config), "-d", str(site_dir)], env, config.parent)
    if check and result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}")
    return result


# The first round trip's bytes (gzip): what a page may need before its first paint (issue 23).
FIRST_FLIGHT = 14 * 1024
ROOT_404 = "404.html"


def page_file(site: Path, page: str) -> Path:
    """A page's HTML file in a built site: 'x/' is x/index.html, ROOT_404 is itself."""
    return site / (page + "index.html" if page != ROOT_404 else page)


def html_pages(site_dir: Path) -> list[str]:
    """Every page of the site as a path relative to the site root ('' is home)."""
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        # Not citizen pages: assets, the search index, the editing app (tests/browser/test_admin.py).
        if rel.startswith(("assets", "search", "admin")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def line_naming(output: str, where: str) -> str:
    """The line of an error report that names `where` (a file › field); there must be one."""
    line = next((line for line in output.splitlines() if where in line), None)
    assert line is not None, output
    return line


def build_error_line(repo: Path, tmp_path: Path, where: str) -> str:
    """Build a broken copy: the build must fail, and one line of its output names `where`."""
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    return line_naming(output, where)


def content_error_line(repo: Path, where: str) -> str:
    """The content checks a build runs first (settings, twins, innovators, news, photos), called
    directly on a copy: they must fail, and one line of the message names `where`."""
    from innovation_day.content.news import News
    from innovation_day.content.photos import CACHE, Photos
    from innovation_day.content.showcase import Showcase
    from innovation_day.content.twins import check_twins
    from innovation_day.errors import BuildError
    from innovation_day.settings.mkdocs_file import site_from_file
    from innovation_day.templates import environment

    try:
        site = site_from_file(repo / "mkdocs.yml")
        env = environment("content", html_layout=True)
        photos = Photos(site.docs_dir, site.photos, site.root / CACHE, env)
        check_twins(site.docs_dir, site.languages)
        Showcase(site, photos, env)
        News(site, photos, env)
    except BuildError as error:
        output = str(error)
    else:
        pytest.fail("the content checks found no problem")
    return line_naming(output, where)


def assert_one_problem(repo: Path, where: str, vi: str, en: str) -> None:
    """The content checks name `where` once, in both languages, in one message of its own."""
    line = content_error_line(repo, where)
    assert vi in line and en in line, line
    assert line.count(" › ") == 1, "one message per problem"


def load_script(name: str):
    """scripts/NAME.py as a module (the scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run_new(*args: str, root: Path | None = None) -> subprocess.CompletedProcess:
    """scripts/new.py as commune staff run it; with `root`, in that copy of the sources."""
    extra = ["--root", str(root)] if root else []
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "new.py"), *args, *extra],
                          capture_output=True, text=True)


def share_cache(copy: Path) -> None:
    """The copy uses this checkout's cache of generated files (.cache/: photos, kit, critical CSS):
    it makes only what it changes. The cache is made first: a fresh clone has none yet."""
    (ROOT / ".cache").mkdir(exist_ok=True)
    (copy / ".cache").symlink_to(ROOT / ".cache")


def make_site_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the sources, for tests that break something on purpose."""
    copy = tmp_path / "repo"
    for name in ("mkdocs.yml", "docs", "overrides", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        elif source.exists():
            copy.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    share_cache(copy)
    # The editing app is copied from node_modules at build (innovation_day/admin/files.py).
    (copy / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file of such a copy; `old` must be there."""
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {path}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def text(node) -> str:
    """An element's words, as a reader sees them."""
    return " ".join(node.get_text(" ").split())


def heading(node) -> str:
    """A heading's words (abbreviations included), without its "#" permalink."""
    return " ".join(node.get_text("").split()).removesuffix("#").rstrip()


# Model innovators (two with a photo), for the tests of the showcase: the published site lists
# only real ones, and has none yet (docs/huong-dan/ shows editors the same model).
SHOWCASE_FIXTURES = ROOT / "tests" / "fixtures" / "showcase"


def add_model_innovators(repo: Path) -> list[str]:
    """Copy the model entries and their photos into a copy of the sources; their slugs."""
    for folder in ("guong-sang-tao", "anh"):
        for path in sorted((SHOWCASE_FIXTURES / folder).iterdir()):
            shutil.copy2(path, repo / "docs" / folder / path.name)
    return sorted({p.name.split(".")[0] for p in (SHOWCASE_FIXTURES / "guong-sang-tao").glob("*.md")})


def longest_text(rng: random.Random, length: int, words: list[str]) -> str:
    """Text exactly `length` characters long, of the site's own words in a shuffled order
    (it compresses about as badly as real headlines do)."""
    text = " ".join(rng.choice(words) for _ in range(length))[:length].rstrip()
    return text + "." * (length - len(text))


def add_longest_innovators(repo: Path, count: int, seed: int = 24) -> list[str]:
    """`count` innovators in a copy of the sources, each as heavy on its list as the schema allows:
    the longest name, summary and place, the longest kind and field labels, a photo and the
    example badge (so the list also carries the notice). Kinds and fields take turns, so that
    the list can be filtered. Their slugs, in the list's order."""
    import yaml

    from innovation_day.content.schema import FIELDS, INNOVATOR, KINDS
    from support.site_settings import site

    settings = site()
    rng = random.Random(seed)
    photo = sorted((SHOWCASE_FIXTURES / "anh").iterdir())[0]   # one photo: made once, in the shared cache
    shutil.copy2(photo, repo / "docs" / "anh" / photo.name)
    section = repo / "docs" / INNOVATOR.section
    lengths = {name: INNOVATOR.field(name).length[1] for name in ("title", "description", "area")}
    assert all(lengths.values()), "the innovator schema declares a maximum name, summary and place length"

    def longest(values, lang, prefix):
        labels = {v: settings.t(lang)(f"showcase.{prefix}.{v}") for v in values}
        return sorted(values, key=lambda v: -len(labels[v]))

    slugs = []
    for n in range(count):
        slug = f"guong-dai-nhat-{n:03d}"
        shared = {"kind": longest(KINDS, "vi", "kind")[n % 2], "field": longest(FIELDS, "vi", "field")[n % 2],
                  "year": settings.today.year, "photo": photo.name, "example": True}
        for lang in settings.languages.codes:
            index = "index.md" if lang == settings.languages.default else f"index.{lang}.md"
            words = [w for w in (section / index).read_text(encoding="utf-8").split() if w.isalpha()]
            meta = {**{name: longest_text(rng, length, words) for name, length in lengths.items()},
                    **shared, "achievement": "x", "recognition": "x",
                    "photo_alt": longest_text(rng, 120, words)}
            name = f"{slug}.md" if lang == settings.languages.default else f"{slug}.{lang}.md"
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
            (section / name).write_text(f"---\n{front}---\n\nx\n", encoding="utf-8")
        slugs.append(slug)
    return slugs
