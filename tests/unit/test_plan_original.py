"""The commune's plan as it published it: the yardstick of the plan page's "word for word"
(tests/build/test_plan.py compares the built page with it)."""

from __future__ import annotations

import hashlib

from support.plan_text import ORIGINAL, original_sentences

# sha256 of the plan as the commune published it (the project's seed text). The
# fixture is the yardstick of "word for word": a fix to the page must never be
# made to the fixture too, so any change to it fails here.
PUBLISHED_SHA256 = "db69f244e1cc06990c34cc44e1acc41227b76f5c8052a176c9e8423f813e5ed6"


def test_the_original_is_the_published_plan_byte_for_byte():
    assert hashlib.sha256(ORIGINAL.read_bytes()).hexdigest() == PUBLISHED_SHA256
    assert len(original_sentences()) > 80, "the sentence splitter no longer splits"
