"""Shared fixtures: one strict build, one Pages-like server, one Chromium.

Tests read what a reader gets: the built HTML, and pages opened in Debian's
Chromium (no downloaded browser) served under the site_url sub-path.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from support.chromium import CHROMIUM_FLAGS, chromium_path
from support.page_walk import Tabs, Visit, Walk
from support.tiers import OWN_SITES, UNIT_DIR, misplaced
from support.sites import (DEFAULT_SITE_URL, EXAMPLE_REPO, OTHER_SITE_URL, ROOT, add_longest_innovators,  # noqa: F401
                           add_model_innovators, edit, html_pages, make_site_copy, run_build)

from innovation_day import preview as serve


# The scripts run as subprocesses import this checkout's package (the builds, forked from a server
# started with this worker's sys.path, do: support/build_runner.py): the shared virtualenv's
# editable install may point at another checkout of it.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
# And they keep its compiled bytecode, as Python does by default: where the machine sets
# PYTHONDONTWRITEBYTECODE, each script run and each worker's build server would compile the
# package again (a third of a build's CPU once: 2.9 against 2.0 CPU-s, scratch measurement).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

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


# A misplaced test fails its module's collection, naming why (a collection error, which pytest-xdist
# reports from its workers as it reports any other).
@pytest.hookimpl(wrapper=True)
def pytest_pycollect_makeitem(collector, name, obj):
    made = yield
    items = [i for i in (made if isinstance(made, list) else [made]) if isinstance(i, pytest.Item)]
    wrong = [f"{item.nodeid}: {why}" for item in items if (why := misplaced(item))]
    if wrong:
        raise collector.CollectError("a test in another tier's folder (tests/conftest.py):\n" + "\n".join(wrong))
    return made


# tryfirst: before `-m unit` selects (and before pytest-xdist reads the xdist_group marks).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if UNIT_DIR in item.path.parents:
            item.add_marker(pytest.mark.unit)
        # Every check of one page on one worker: the page is walked once (tests/support/page_walk.py),
        # and the pages are shared out between the workers.
        walked = getattr(item, "callspec", None) and item.callspec.params.get("walked")
        if walked is not None:
            item.add_marker(pytest.mark.xdist_group(f"page:{walked or '/'}"))
        own = [name for name in OWN_SITES if name in getattr(item, "fixturenames", ())]
        if own:
            item.add_marker(pytest.mark.xdist_group(own[0]))


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


@pytest.fixture(scope="session")
def site_with_repo(tmp_path_factory) -> Path:
    """A copy of the site built with mkdocs.yml's repo_url and edit_uri set (EXAMPLE_REPO)."""
    tmp = tmp_path_factory.mktemp("repo-url")
    repo = make_site_copy(tmp)
    edit(repo / "mkdocs.yml", "# repo_url: https://github.com/OWNER/REPO", f"repo_url: {EXAMPLE_REPO}")
    edit(repo / "mkdocs.yml", "# edit_uri: edit/main/docs/", "edit_uri: edit/main/docs/")
    site = tmp / "site"
    run_build(site, config=repo / "mkdocs.yml")
    return site


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


@pytest.fixture(scope="session")
def showcase_site(tmp_path_factory) -> Path:
    """The site built with the model innovators added (add_model_innovators)."""
    tmp = tmp_path_factory.mktemp("showcase")
    repo = make_site_copy(tmp)
    add_model_innovators(repo)
    site_dir = tmp / "site"
    run_build(site_dir, config=repo / "mkdocs.yml")
    return site_dir


@pytest.fixture(scope="session")
def paged_showcase(tmp_path_factory):
    """(site folder, sources folder, slugs) of a copy whose innovators' list takes two pages and a card
    (showcase.per_page in data/site.yml), each innovator as heavy as the schema allows
    (sites.add_longest_innovators), plus one ordinary page added to docs/ (hoi-dap/), kept
    out of the menu as mkdocs.yml's not_in_nav allows: what a new page looks like to the site's index."""
    from support.site_settings import site

    tmp = tmp_path_factory.mktemp("paged-showcase")
    repo = make_site_copy(tmp)
    slugs = add_longest_innovators(repo, 2 * site().showcase.per_page + 1)
    (repo / "docs" / "hoi-dap").mkdir()
    for name, title, words in (("index.md", "Hỏi đáp", "Những câu bà con hay hỏi về Ngày hội và cách xã hưởng ứng."),
                               ("index.en.md", "Questions", "Questions residents often ask about the Day and the commune.")):
        (repo / "docs" / "hoi-dap" / name).write_text(
            f"---\ntitle: {title}\ndescription: {words}\n---\n\n# {title}\n\n{words}\n", encoding="utf-8")
    edit(repo / "mkdocs.yml", "not_in_nav: |\n", "not_in_nav: |\n  /hoi-dap/*.md\n")
    site_dir = tmp / "site"
    run_build(site_dir, config=repo / "mkdocs.yml")
    return site_dir, repo, slugs


@pytest.fixture(scope="session")
def showcase_soup(showcase_site):
    """showcase_soup(path) -> the parsed page of the site with model innovators."""
    def load(page: str) -> BeautifulSoup:
        return BeautifulSoup((showcase_site / page / "index.html").read_text(encoding="utf-8"), "lxml")

    return load


@pytest.fixture(scope="session")
def showcase_server(showcase_site, base_path):
    httpd, url = serve.start(showcase_site, base_path)
    yield url
    httpd.shutdown()


# Browser --------------------------------------------------------------------

@pytest.fixture(scope="session")
def server(built_site, base_path):
    httpd, url = serve.start(built_site, base_path)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            executable = chromium_path()
        except FileNotFoundError as missing:
            pytest.fail(str(missing))
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
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
