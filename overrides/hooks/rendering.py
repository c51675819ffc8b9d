"""Render generated parts of pages from Jinja templates that sit beside the hooks.

As in Material's own overrides/hooks/translations.py, generated HTML comes from
a template (showcase.html, news.html, news.xml), not from strings in Python.
The templates see the theme's templates too, so they take their words from the
one translation table per language (overrides/partials/languages/*.html) with
`lang.t("showcase.…")`. Output is HTML-escaped unless marked safe.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

HERE = Path(__file__).parent


def environment(config) -> jinja2.Environment:
    theme = config.theme.get_env()
    return theme.overlay(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(HERE)), theme.loader]),
        autoescape=jinja2.select_autoescape(("html", "xml"), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def macros(env: jinja2.Environment, template: str, config):
    """The macros of a template, with the build's config (and so its language) in context."""
    return env.get_template(template).make_module({"config": config})


def translator(env: jinja2.Environment, config):
    """t("news.title") -> the interface string in this build's language."""
    language = env.get_template("partials/language.html").make_module({"config": config})
    return lambda key: str(language.t(key))
