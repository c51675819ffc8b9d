"""The commune's plan as it published it (tests/fixtures/ke-hoach-goc.txt), split into sentences."""

from __future__ import annotations

import re
import unicodedata

from .sites import ROOT

ORIGINAL = ROOT / "tests" / "fixtures" / "ke-hoach-goc.txt"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def original_sentences() -> list[str]:
    """Every sentence of the original, split at sentence ends and line breaks."""
    text = ORIGINAL.read_text(encoding="utf-8").replace("**", "").replace("*", "")
    sentences = []
    for line in text.splitlines():
        line = re.sub(r"^\s*-\s+", "", line).strip()
        for sentence in re.split(r"(?<=[.;:!?])\s+", line):
            if sentence.strip():
                sentences.append(normalise(sentence))
    return sentences
