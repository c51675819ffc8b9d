"""One cache for the kit's files, keyed on everything they are made from.

mkdocs-static-i18n builds every language, and `mkdocs serve` rebuilds on every
save: each generator names what it draws from (the words it prints, already
formatted: dates, theme, address; sizes and colours) as its inputs. The key
hashes those inputs with the kit's own code, the fonts and the drawing
libraries' versions, so a change to any of them (a date format, a string, a
font) makes new files, and an unchanged build makes none. Files live under
.cache/kit/<concern>-<key>/; a folder appears atomically, so two builds at once
never see half a set of files (folders.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..folders import make_whole, remove_unused

CODE = Path(__file__).resolve().parent
LIBRARIES = ("segno", "fpdf2", "pypdfium2", "pillow", "fonttools", "icalendar")


@dataclass
class Output:
    """Files a generator made, in its cache folder, with what it measured about them."""
    folder: Path
    meta: dict

    def path(self, name: str) -> Path:
        return self.folder / name


class Cache:
    def __init__(self, root: Path, fonts_dir: Path):
        self.root = root
        self.sources = self._digest(sorted(CODE.glob("*.py")) + sorted(fonts_dir.glob("*.ttf")))

    @staticmethod
    def _digest(sources: list[Path]) -> str:
        digest = hashlib.sha256()
        for source in sources:
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
        for name in LIBRARIES:
            try:
                digest.update(f"{name}={metadata.version(name)}".encode())
            except metadata.PackageNotFoundError:
                pass
        return digest.hexdigest()

    def key(self, concern: str, inputs) -> str:
        digest = hashlib.sha256(self.sources.encode())
        digest.update(json.dumps([concern, inputs], sort_keys=True, default=str, ensure_ascii=False).encode())
        return digest.hexdigest()[:20]

    def generate(self, concern: str, inputs, make: Callable[[Path], dict]) -> Output:
        """Run `make(folder)` once for these inputs; later calls (and builds) reuse its files.

        `make` writes its files into the folder it is given and returns a JSON-able
        dict describing them.
        """
        folder = self.root / f"{concern}-{self.key(concern, inputs)}"

        def fill(work: Path) -> None:
            meta = make(work)
            (work / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")

        if make_whole(folder, "meta.json", fill):
            self._prune(concern, keep=folder)
        os.utime(folder)
        return Output(folder, json.loads((folder / "meta.json").read_text(encoding="utf-8")))

    def _prune(self, concern: str, keep: Path) -> None:
        """Forget outputs of this concern not used for a week, so the cache stays small."""
        remove_unused(folder for folder in self.root.glob(f"{concern}-*") if folder != keep and folder.is_dir())
