"""Which Chromium the tests and scripts/growth.py drive, and how it is started."""

from __future__ import annotations

from pathlib import Path

# Chromium's headless shell (Debian's chromium-headless-shell): the same Blink and V8 as the
# chromium package without the desktop browser around them, which is what Playwright itself
# runs headless. It loads and lays out a page for about half the CPU (scratch measurement:
# the 44-page walk took 55 CPU-s against 80 in chromium --headless=new on 2 cores).
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def chromium_path() -> str:
    if Path(HEADLESS_SHELL).exists():
        return HEADLESS_SHELL
    raise FileNotFoundError(f"{HEADLESS_SHELL} not found: run `make test`, which installs Debian's "
                            "chromium-headless-shell.")
