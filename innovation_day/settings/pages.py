"""Let pages quote the site settings instead of copying them.

A page writes `{{ edition.theme | t }}` or `{{ edition.response.start | date }}`
and gets this edition's value in its own language, so next year's edition
changes mkdocs.yml only. Rendering is strict: an unknown name fails the build
and names the page. `{{ edition_status() }}` is the edition's status line
(templates/edition-status.html).

Jinja comments are remapped to `{##` ... `##}` because `{#` starts an
attribute list in Markdown (attr_list).
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from ..errors import BuildErrors
from .dates import format_date
from .timeline import phase, status


def environment() -> jinja2.Environment:
    """The strict Jinja of pages and of the kit's texts, with the `t` and `date` filters."""
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


def edition_status(site, env, lang: str) -> Markup:
    """The status line of the edition on the build's date; the reader's browser corrects it
    between builds (templates/edition-status.js)."""
    edition = site.edition
    dates = {
        "start": format_date(edition["response"]["start"], lang),
        "end": format_date(edition["response"]["end"], lang),
        "expo_start": format_date(edition["expo"]["start"], lang),
        "expo_end": format_date(edition["expo"]["end"], lang),
    }
    now = status(edition, site.today, site.t(lang), lang)
    return Markup(env.get_template("edition-status.html").render(edition=edition, dates=dates, t=site.t(lang),
                                                                 status=now, today=site.today.isoformat()))


def render_page(page_env, markdown: str, site, status_env, lang: str, where: str) -> str:
    """A page's Markdown with its `{{ … }}` settings filled in, in its language."""
    if "{{" not in markdown and "{%" not in markdown:
        return markdown
    context = dict(site.extra)
    # `phase`: before, during or after the edition's campaign period on the build's date, so a
    # page can say what was said then in the past once it is over ({% if phase == "after" %}).
    context.update(lang=lang, edition_status=lambda: edition_status(site, status_env, lang),
                   phase=phase(site.today, site.edition["response"]["start"], site.edition["response"]["end"]))
    try:
        return page_env.from_string(markdown).render(context)
    except jinja2.TemplateError as error:
        errors = BuildErrors("Nội dung / Content")
        errors.add(where, "{{ … }}", f"không hiểu biến cài đặt ({error})",
                   f"unknown setting in the page ({error})")
        errors.raise_if_any()
