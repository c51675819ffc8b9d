"""The site's settings as the tests read them: mkdocs.yml, `!ENV` tags at their defaults.

Expected themes, slogans, dates and status lines come from here, so next year's
settings need no test change.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _Loader(yaml.SafeLoader):
    pass


# `!ENV [NAME, default]` (or `!ENV NAME`) in mkdocs.yml: the tests read the default.
_Loader.add_constructor("!ENV", lambda loader, node: (
    loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))


@lru_cache(maxsize=None)
def settings() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def extra() -> dict:
    return settings()["extra"]
