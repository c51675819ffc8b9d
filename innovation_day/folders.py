"""Cache folders that appear whole or not at all, and cache entries forgotten when unused.

The kit's files (kit/cache.py) and the photos' sizes (content/photos.py) are made
once and reused by later builds, which may run at the same time (the tests'
parallel workers, a `mkdocs serve` beside a build): a folder is filled aside,
then renamed into place, so no build ever sees, or deletes, half of one.

The kit's files, the critical CSS (output/critical.py) and the compiled templates
(templates.py) renew an entry's time at each use, and remove one unused for a week
(`remove_unused`): the cache holds what recent builds used, not all they ever made.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

KEEP_DAYS = 7


def make_whole(folder: Path, marker: str, make: Callable[[Path], None]) -> bool:
    """Unless `folder/marker` exists, run `make(work)` in a new folder beside it (`make` writes
    the marker last), then rename that into place. True when this call made the folder."""
    if (folder / marker).exists():
        return False
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        make(work)
        try:
            os.replace(work, folder)
        except OSError:  # another build made the same folder meanwhile: theirs is identical
            pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return True


def due(stamp: Path, hours: int = 24) -> bool:
    """Whether a periodic clean-up marked by the file `stamp` is due (none in the last `hours`);
    if so, it is marked as done now. A folder of thousands of entries (a developer's compiled
    templates) is then read once a day, not at every build."""
    try:
        if stamp.stat().st_mtime > time.time() - hours * 3600:
            return False
    except OSError:
        pass   # never done here
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.touch()
    return True


def remove_unused(entries: Iterable[Path], days: int = KEEP_DAYS) -> None:
    """Remove the entries (files or folders) not used for `days`: each use renews an entry's
    time. Another build may remove or renew one meanwhile, which is no error."""
    limit = time.time() - days * 86400
    for entry in entries:
        try:
            if entry.stat().st_mtime < limit:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        except OSError:
            pass
