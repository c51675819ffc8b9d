"""`mkdocs build --strict` for the tests, without paying for Python's start and imports each time.

Each build in a run (about 45) used to be `python -m mkdocs build` in a new interpreter, which
imported MkDocs, Material, mkdocs-static-i18n, the Markdown extensions and this package again:
about a sixth of a warm build's CPU (scratch measurement: 1.95 against 1.73 CPU-s a build).

Here each test worker starts one server process (multiprocessing's forkserver) that imports the
modules mkdocs.yml names (support/build_imports.py) and does nothing else; each build is a child
forked from it. So every build still runs in a process of its own, with the build's environment,
working folder and arguments, and its parent has built nothing: no build sees another's state.
The child runs MkDocs's own command line; its exit status and output are the build's, as from
the command. The deploy, `make build` and scripts/growth.py run the command itself.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path


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


class Builds:
    """The worker's builds, each a child of one forkserver that has imported what a build needs."""

    def __init__(self, preload: list[str]):
        self.preload = preload
        self._context = None

    def _started(self):
        if self._context is None:
            self._context = multiprocessing.get_context("forkserver")
            self._context.set_forkserver_preload(self.preload)
        return self._context

    def run(self, args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
        """`python -m mkdocs ARGS` in `cwd` with `env`: its status, standard output and error."""
        with tempfile.TemporaryDirectory(prefix="build-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            child = self._started().Process(target=_build, args=(args, env, str(cwd), str(out), str(err)))
            child.start()
            child.join()
            return subprocess.CompletedProcess(
                [sys.executable, "-m", "mkdocs", *args], child.exitcode,
                out.read_text(encoding="utf-8", errors="replace") if out.exists() else "",
                err.read_text(encoding="utf-8", errors="replace") if err.exists() else "")


BUILDS = Builds(["support.build_imports"])
