"""Let pages quote the site settings instead of copying them.

A page writes `{{ edition.theme | t }}` or `{{ edition.response.start | date }}`
and gets this edition's value in its own language, so next year's edition
changes mkdocs.yml only. Rendering is strict: an unknown name fails the build
and names the page.

Jinja comments are remapped to `{##` ... `##}` because `{#` starts an
attribute list in Markdown (attr_list).
"""

from __future__ import annotations

import datetime as dt

import jinja2
from markupsafe import Markup

from build_errors import BuildErrors

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


def page_language(page) -> str:
    # mkdocs-static-i18n sets `locale` on each file; the suffix is the fallback.
    return getattr(page.file, "locale", None) or (
        "en" if page.file.src_uri.endswith(".en.md") else "vi")


def format_date(day: dt.date, lang: str, year: bool = True) -> str:
    """22/9/2025, 05/10/2025, 13/01/2025 in Vietnamese (Decree 30/2020/NĐ-CP, as the plan writes them:
    a day below 10 and the months 1 and 2 take a leading zero), 22 September 2025 in English."""
    if lang == "vi":
        text = f"{day.day:02d}/{day.month:02d}" if day.month <= 2 else f"{day.day:02d}/{day.month}"
        return f"{text}/{day.year}" if year else text
    text = f"{day.day} {MONTHS_EN[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        comment_start_string="{##",
        comment_end_string="##}",
        keep_trailing_newline=True,
        autoescape=False,
    )

    @jinja2.pass_context
    def translate(context, value):
        if isinstance(value, dict):
            return value[context["lang"]]
        return value

    @jinja2.pass_context
    def date(context, value, year=True):
        return format_date(value, context["lang"], year)

    env.filters["t"] = translate
    env.filters["date"] = date
    return env


ENV = _environment()


def _edition_status(config, lang: str) -> Markup:
    """The status line of the edition, worked out in the reader's browser."""
    edition = config.extra["edition"]
    dates = {
        "start": format_date(edition["response"]["start"], lang),
        "end": format_date(edition["response"]["end"], lang),
        "expo_start": format_date(edition["expo"]["start"], lang),
        "expo_end": format_date(edition["expo"]["end"], lang),
    }
    template = config.theme.get_env().get_template("partials/edition-status.html")
    return Markup(template.render(config=config, edition=edition, dates=dates))


# Hooks ----------------------------------------------------------------------

def on_page_markdown(markdown, page, config, files):
    if "{{" not in markdown and "{%" not in markdown:
        return markdown
    lang = page_language(page)
    context = dict(config.extra)
    context.update(lang=lang, edition_status=lambda: _edition_status(config, lang))
    try:
        return ENV.from_string(markdown).render(context)
    except jinja2.TemplateError as error:
        errors = BuildErrors("Nội dung / Content")
        errors.add(f"docs/{page.file.src_uri}", "{{ … }}",
                   f"không hiểu biến cài đặt ({error})",
                   f"unknown setting in the page ({error})")
        errors.raise_if_any()
