"""Cache folders that appear whole or not at all.

The kit's files (kit/cache.py) and the photos' sizes (content/photos.py) are made
once and reused by later builds, which may run at the same time (the tests'
parallel workers, a `mkdocs serve` beside a build): a folder is filled aside,
then renamed into place, so no build ever sees, or deletes, half of one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


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
