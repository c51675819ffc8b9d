"""`mkdocs build --strict` for the tests, without paying for Python's start and imports each time.

Each build in a run (about 45) used to be `python -m mkdocs build` in a new interpreter, which
imported MkDocs, Material, mkdocs-static-i18n, the Markdown extensions and this package again:
about a sixth of a warm build's CPU (scratch measurement: 1.95 against 1.73 CPU-s a build).

Here each test worker starts one server process (multiprocessing's forkserver) that imports what
a build imports (support/build_imports.py) and does nothing else; each build is a child
forked from it. So every build still runs in a process of its own, with the build's environment,
working folder and arguments, and its parent has built nothing: no build sees another's state.
The child runs MkDocs's own command line; its exit status and output are the build's, as from
the command. The deploy, `make build` and scripts/growth.py run the command itself.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.forkserver
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Where the package `support` is found: tests/.
TESTS = str(Path(__file__).resolve().parent.parent)


def _build(args: list[str], env: dict[str, str], cwd: str, out: str, err: str) -> None:
    """In the forked child: become `python -m mkdocs ARGS` run in `cwd` with `env`."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    for fd, path in ((1, out), (2, err)):
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(handle, fd)
        os.close(handle)
    import mkdocs.__main__

    sys.argv = [mkdocs.__main__.__file__, *args]
    # Exits with the command's status (SystemExit), which multiprocessing makes the child's.
    mkdocs.__main__.cli.main(args=args, prog_name="python -m mkdocs")


def _imported(names: list[str], out: str) -> None:
    """In a forked child: which of `names` it started with, imported (Builds.imported)."""
    Path(out).write_text(json.dumps({name: name in sys.modules for name in names}), encoding="utf-8")


class Builds:
    """The worker's builds, each a child of one forkserver that has imported what a build needs."""

    def __init__(self, preload: list[str]):
        self.preload = preload
        self._context = None

    def _started(self):
        if self._context is None:
            self._context = multiprocessing.get_context("forkserver")
            self._context.set_forkserver_preload(self.preload)
            # Python 3.11's server is handed this worker's sys.path but does not apply it: it finds
            # the preloaded module through PYTHONPATH, extended for its start only. Not found, the
            # module would be skipped in silence and every build would import it all again
            # (tests/build/test_build_runner.py checks what a build starts with).
            saved = os.environ.get("PYTHONPATH")
            os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [TESTS, saved]))
            try:
                multiprocessing.forkserver.ensure_running()
            finally:
                if saved is None:
                    del os.environ["PYTHONPATH"]
                else:
                    os.environ["PYTHONPATH"] = saved
        return self._context

    def _child(self, target, *args) -> int:
        """Run `target(*args)` in a child forked from the server; its exit status."""
        child = self._started().Process(target=target, args=args)
        child.start()
        child.join()
        return child.exitcode

    def imported(self, names: list[str]) -> dict[str, bool]:
        """Which of these modules a build's process starts with, already imported."""
        with tempfile.TemporaryDirectory(prefix="build-") as folder:
            out = Path(folder, "imported.json")
            self._child(_imported, names, str(out))
            return json.loads(out.read_text(encoding="utf-8"))

    def run(self, args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
        """`python -m mkdocs ARGS` in `cwd` with `env`: its status, standard output and error."""
        with tempfile.TemporaryDirectory(prefix="build-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            status = self._child(_build, args, env, str(cwd), str(out), str(err))
            return subprocess.CompletedProcess(
                [sys.executable, "-m", "mkdocs", *args], status,
                out.read_text(encoding="utf-8", errors="replace") if out.exists() else "",
                err.read_text(encoding="utf-8", errors="replace") if err.exists() else "")


BUILDS = Builds(["support.build_imports"])
