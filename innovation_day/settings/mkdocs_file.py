"""mkdocs.yml read as plain data, for the scripts and tests (and any renderer but MkDocs).

The build reads mkdocs.yml through MkDocs; a script or a unit test that needs
the languages or a `Site` reads the same file here, without MkDocs: `!ENV`
tags give the variable's value when it is set, else their default.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .languages import Languages
from .site import Site, language_texts, load_site


class _Loader(yaml.SafeLoader):
    pass


def _env(loader, node):
    # `!ENV [NAME, default]` or `!ENV NAME`, as MkDocs (pyyaml_env_tag) reads it.
    items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in items[:-1] if len(items) > 1 else items:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return items[-1] if len(items) > 1 else None


_Loader.add_constructor("!ENV", _env)
# Python-specific tags some plugins use are not ours; keep them unparsed.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def i18n_languages(config: dict) -> list[dict]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise ValueError("mkdocs.yml: the i18n plugin is not configured")


def languages_of(config: dict) -> Languages:
    return Languages.from_i18n(i18n_languages(config))


def site_from_file(path: Path, site_url: str | None = None) -> Site:
    """The `Site` the build would read from this mkdocs.yml (site_url as given, or as set)."""
    config = read_config(path)
    root = path.parent
    entries = i18n_languages(config)
    texts = language_texts(entries, config["site_name"], config.get("site_description"), config.get("copyright"))
    return load_site(root, root / config.get("docs_dir", "docs"), site_url or config["site_url"], texts,
                     Languages.from_i18n(entries))
