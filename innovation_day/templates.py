"""Jinja environments for the package's own templates, and site-relative links.

As in Material's own overrides/hooks/translations.py, generated HTML comes from
a template beside the code that fills it (content/templates/, kit/templates/,
settings/templates/), never from strings in Python. The templates sit in the
package, not in the theme's folder, so their sources are never published.
Their words come from the site's interface strings (`t`, settings.strings).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from .folders import due, remove_unused

PACKAGE = Path(__file__).resolve().parent
# Under the project's .cache/, which the deploy keeps and the tests' copies share.
COMPILED = ".cache/jinja"


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled once and kept between builds. Each language build, and each
    environment made from the theme, compiled Material's templates again: about a fifth
    of a build's time. Jinja checks a kept file against the template's source and its
    own version; the key adds the environment's options, since one file read with other
    options (trim_blocks, autoescape…) compiles to other code. The key names the template's
    file too, so each of the tests' copies of the site keeps its own: each use renews a kept
    compilation, and one unused for a week is removed (`prune`), as the kit's files and the
    critical CSS are."""

    def __init__(self, root: Path):
        folder = root / COMPILED
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def get_bucket(self, environment, name, filename, source):
        escape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        options = repr((self.get_cache_key(name, filename), escape, environment.trim_blocks,
                        environment.lstrip_blocks, environment.keep_trailing_newline, environment.newline_sequence,
                        environment.block_start_string, environment.variable_start_string,
                        environment.comment_start_string, environment.line_statement_prefix,
                        environment.line_comment_prefix, environment.finalize is not None, environment.optimized,
                        environment.is_async, sorted(environment.extensions)))
        bucket = Bucket(environment, hashlib.sha1(options.encode("utf-8")).hexdigest(),
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        if bucket.code is not None:
            try:
                os.utime(self._get_cache_filename(bucket))   # used: kept another week
            except OSError:
                pass   # another build removed it meanwhile
        return bucket

    def prune(self) -> None:
        """Remove the compilations no build has used for a week, once a day."""
        if due(Path(self.directory) / ".pruned"):
            remove_unused(Path(self.directory).glob(self.pattern % "*"))


def environment(concern: str, *, html_layout: bool, root: Path | None = None) -> jinja2.Environment:
    """The templates of one concern. `html_layout` trims block tags' lines (HTML and XML
    templates); Markdown templates keep their lines as written. With the project's `root`,
    compiled templates are kept in its .cache/ (CompiledTemplates)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PACKAGE / concern / "templates")),
        autoescape=jinja2.select_autoescape(("html", "xml"), default_for_string=True),
        trim_blocks=html_layout,
        lstrip_blocks=html_layout,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        bytecode_cache=CompiledTemplates(root) if root else None,
    )


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path)[1:]
    return path.split("/") if path else []


def source_link(target: str, page_source: str) -> str:
    """A Markdown link from the page whose docs/ source is `page_source` to the docs/ file
    `target`: MkDocs checks it under --strict and rewrites it for the built page."""
    return posixpath.relpath(target, posixpath.dirname(page_source) or ".")


def relative_url(url: str, other: str) -> str:
    """`url` (site-relative) as a link from the page at `other`, as MkDocs writes links."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    link = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return link + "/" if url.endswith("/") else link
