"""Shared fixtures: one strict build, one Pages-like server, one Chromium.

Tests read what a reader gets: the built HTML, and pages opened in Debian's
Chromium (no downloaded browser) served under the site_url sub-path.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from page_walk import InFlight, Tabs, Walk, watch

from innovation_day import preview as serve

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_SITE_URL = "http://127.0.0.1:8000/ngay-hoi-dmst/"
# Chromium's headless shell (Debian's chromium-headless-shell): the same Blink and V8 as the
# chromium package without the desktop browser around them, which is what Playwright itself
# runs headless. It loads and lays out a page for about half the CPU (scratch measurement:
# the 44-page walk took 55 CPU-s against 80 in chromium --headless=new on 2 cores).
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


# The builds and other scripts run as subprocesses import this checkout's package: the shared
# virtualenv's editable install may point at another checkout of it.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
# And they keep its compiled bytecode, as Python does by default: where the machine sets
# PYTHONDONTWRITEBYTECODE, each of the run's builds (28 in all) would compile the package
# again: a third of a build's CPU (2.9 against 2.0 CPU-s, scratch measurement).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Fixtures that build the site or open a browser: a test using none of them is a unit test.
BUILD_FIXTURES = {"built_site", "other_site", "reordered_site", "server", "browser", "visit", "soup_of", "pages", "walk", "tabs"}


# Fixtures that build (or copy) a site of their own: the tests using one share a worker, so that
# site is made once in the run. They are session-scoped: under xdist a worker runs other modules'
# tests in between, which would tear a module-scoped one down and build it again.
OWN_SITES = ("other_site", "reordered_site", "admin_repo", "site_with_repo", "filled_site", "original_site")


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_auto_num_workers(config) -> int:
    """`-n auto`: one worker more than the machine has cores.

    A worker spends about a quarter of its time waiting on a browser, a build or the
    validator (a serial run keeps 1.25 of 2 cores busy): a third worker on 2 cores fills
    that time (scratch measurement, 868 tests: 194-207 s with 2 workers, 181 s with 3).
    PYTEST_XDIST_AUTO_NUM_WORKERS still decides when it is set, as in pytest-xdist.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "").isdigit():
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    return len(os.sched_getaffinity(0)) + 1


# tryfirst: before `-m unit` selects (and before pytest-xdist reads the xdist_group marks).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        needs_build = BUILD_FIXTURES & set(getattr(item, "fixturenames", ()))
        if not needs_build and not item.get_closest_marker("slow") and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.unit)
        # Every check of one page on one worker: the page is walked once (tests/page_walk.py),
        # and the pages are shared out between the workers.
        walked = getattr(item, "callspec", None) and item.callspec.params.get("walked")
        if walked is not None:
            item.add_marker(pytest.mark.xdist_group(f"page:{walked or '/'}"))
        own = [name for name in OWN_SITES if name in getattr(item, "fixturenames", ())]
        if own:
            item.add_marker(pytest.mark.xdist_group(own[0]))


# trylast: after pytest-xdist's own (no longer working) grouping; a second implementation of
# pytest_collection_modifyitems (specname), apart from the one above that must run first.
@pytest.hookimpl(trylast=True, specname="pytest_collection_modifyitems")
def pytest_collection_modifyitems_xdist_groups(config, items) -> None:
    """Send the tests of one xdist_group to one worker under --dist loadgroup.

    pytest-xdist 3.8 marks a test's group by appending "@group" to `item._nodeid`,
    which pytest 9 no longer reads (the node id is `item._id`): every group was
    silently spread over the workers, each starting Firefox and WebKit and building
    the sites of its own. This does what xdist means to, where it did not
    (pytest-dev/pytest-xdist#1386, fix proposed in #1388; tests/test_suite.py checks it).
    """
    if not getattr(config.option, "loadgroup", False):  # set on xdist workers only
        return
    from _pytest.nodeid import coerce_node_id

    for item in items:
        names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                        for m in item.iter_markers("xdist_group")})
        if names and "@" not in item.nodeid.rpartition("]")[2] and hasattr(item, "_id"):
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(names)}")


def run_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", site_url: str | None = None,
              check: bool = True, github_repository: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, as the deploy runs it, into site_dir.

    GITHUB_REPOSITORY (which GitHub Actions sets, and the editing app falls back on) only
    when given: the same build on a computer and in CI."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    else:
        env.pop("SITE_URL", None)
    env.pop("GITHUB_REPOSITORY", None)
    if github_repository:
        env["GITHUB_REPOSITORY"] = github_repository
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )
    if check and result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as the deploy builds it, made once in the run and only read by the tests.

    Under pytest-xdist the workers share it (its documented recipe for a session fixture
    made once): the first to get here builds it in the run's common temporary folder
    while the others wait on the lock, then they all read the same files.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    site_dir, done = base / "built" / "site", base / "built" / "done"
    done.parent.mkdir(parents=True, exist_ok=True)
    with open(base / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            run_build(site_dir)
            done.touch()
    return site_dir


# Another address, to check that everything follows site_url (one build serves all such tests).
OTHER_SITE_URL = "https://example.github.io/thu-nghiem/"


@pytest.fixture(scope="session")
def other_site(tmp_path_factory) -> Path:
    """The site built strictly for OTHER_SITE_URL."""
    site_dir = tmp_path_factory.mktemp("other") / "site"
    run_build(site_dir, site_url=OTHER_SITE_URL)
    return site_dir


@pytest.fixture(scope="session")
def reordered_site(tmp_path_factory) -> Path:
    """The site built strictly with the package's plugins listed in mkdocs.yml in reverse order."""
    copy = make_site_copy(tmp_path_factory.mktemp("reordered"))
    config = copy / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    ours = [i for i, line in enumerate(lines) if line.startswith("  - innovation-day/")]
    assert len(ours) > 1, "mkdocs.yml lists the package's plugins one a line"
    for i, line in zip(ours, [lines[i] for i in reversed(ours)]):
        lines[i] = line
    config.write_text("".join(lines), encoding="utf-8")
    site_dir = copy / "site"
    run_build(site_dir, config=config)
    return site_dir


@pytest.fixture(scope="session")
def site_url() -> str:
    return DEFAULT_SITE_URL


@pytest.fixture(scope="session")
def base_path(site_url) -> str:
    return urlsplit(site_url).path


def html_pages(site_dir: Path) -> list[str]:
    """Every page of the site as a path relative to the site root ('' is home)."""
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        # Not citizen pages: assets, the search index, the editing app (tests/test_admin.py).
        if rel.startswith(("assets", "search", "admin")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


@pytest.fixture(scope="session")
def pages(built_site) -> list[str]:
    return html_pages(built_site)


@pytest.fixture(scope="session")
def soup_of(built_site):
    cache: dict[str, BeautifulSoup] = {}

    def load(page: str) -> BeautifulSoup:
        if page not in cache:
            path = built_site / page / "index.html" if not page.endswith(".html") else built_site / page
            cache[page] = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        return cache[page]

    return load


@pytest.fixture(scope="session")
def built_on(soup_of):
    """The date the site was built for (the status line says it: data-built)."""
    import datetime as dt

    return dt.date.fromisoformat(soup_of("").select_one("[data-edition-status]")["data-built"])


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
    # The same cache of generated files (photos, kit): a copy makes only what it changes.
    (ROOT / ".cache").mkdir(exist_ok=True)
    (copy / ".cache").symlink_to(ROOT / ".cache")
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


# Browser --------------------------------------------------------------------

def chromium_path() -> str:
    if Path(HEADLESS_SHELL).exists():
        return HEADLESS_SHELL
    pytest.fail(f"{HEADLESS_SHELL} not found: run `make test`, which installs Debian's chromium-headless-shell.")


@pytest.fixture(scope="session")
def server(built_site, base_path):
    httpd, url = serve.start(built_site, base_path)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def tabs(browser, server):
    """tabs(**context options) -> a kept Chromium tab, emptied as a new one (page_walk.Tabs)."""
    kept = Tabs(browser, server)
    yield kept
    kept.close()


@pytest.fixture(scope="session")
def walk(tabs, server):
    """walk(path) -> page_walk.Record: every page opened once in the session, for every per-page check."""
    return Walk(tabs, server)


class Visit:
    """A page opened in Chromium, with what the reader's browser did on the way."""

    def __init__(self, page, server_url: str, scripts: bool = True):
        self.page = page
        self.in_flight = InFlight(page, scripts)
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(server_url))
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self._unwatch = watch(page, lambda: self)

    def close(self) -> None:
        """Stop recording (the tab may be kept for another test)."""
        self._unwatch()
        self.in_flight.stop()

    @property
    def third_party(self) -> list[str]:
        return [u for u in self.requests
                if not u.startswith(self.origin) and not u.startswith(("data:", "blob:"))]


@pytest.fixture
def visit(server, tabs):
    """visit(path, **context options) -> Visit; path is relative to the site root.

    The page opens in a kept tab, emptied as a new one would be (page_walk.Tabs); with
    `clock`, in one whose clock is fixed at that time.
    """
    visits = []

    def open_page(path: str = "", wait: str = "settled", clock=None, init_script: str | None = None,
                  **options) -> Visit:
        page = tabs(init_script=init_script, clock=clock is not None, **options)
        if clock is not None:
            page.clock.set_fixed_time(clock)
        v = Visit(page, server, options.get("java_script_enabled", True))
        visits.append(v)
        # "settled": loaded, and no request left in flight (page_walk.InFlight).
        v.response = page.goto(server + path, wait_until="load" if wait == "settled" else wait)
        if wait == "settled":
            v.in_flight.settle()
        return v

    yield open_page
    for v in visits:
        v.close()
