"""One way to report an editor's mistake: bilingual, naming the file and the field.

Every check collects its problems in a `BuildErrors` and raises them together,
so an editor sees all of them in one build rather than one per run.
"""

from __future__ import annotations

import re

try:  # MkDocs reports its PluginError as a clean build failure (no traceback).
    from mkdocs.exceptions import PluginError as _Base
except ImportError:  # the generators run without MkDocs too
    _Base = Exception


# One problem as `add` writes it: read back by scripts/publishing_issue.py from a failed run's log.
PROBLEM_LINE = re.compile(r"(?P<where>\S[^›]*?) › (?P<field>[^:›]+?): (?P<message>.+ / .+)")


class BuildError(_Base):
    """Problems an editor must fix, listed in one message."""


class BuildErrors:
    def __init__(self, topic: str):
        self.topic = topic
        self.problems: list[str] = []

    def add(self, where: str, field: str, vi: str, en: str) -> None:
        """Record one problem: `where` is a file, `field` the setting or front-matter key."""
        self.problems.append(f"{where} › {field}: {vi} / {en}")

    def extend(self, other: "BuildErrors") -> None:
        self.problems.extend(other.problems)

    def message(self) -> str:
        lines = "\n".join(f"  - {p}" for p in self.problems)
        return (f"{self.topic}: {len(self.problems)} lỗi cần sửa / "
                f"{len(self.problems)} problem(s) to fix:\n{lines}")

    def raise_if_any(self) -> None:
        if self.problems:
            raise BuildError(self.message())
