"""Let pages quote the site settings instead of copying them.

A page writes `{{ edition.theme | t }}` or `{{ edition.response.start | date }}`
and gets its edition's value in its own language: the edition its front matter
names (`edition: 2025`), else the current one (settings/editions.py), so next
year's edition is data only. A value not known yet (None) shows as "not yet
published" in the page's language. Rendering is strict: an unknown name fails
the build and names the page. `{{ edition_status() }}` is the edition's status
line (templates/edition-status.html); `{{ blank }}` marks what a scaffolded
plan page still waits for (settings/editions.py).

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
        if value is None:
            return context["unknown"]
        if isinstance(value, dict):
            return value[context["lang"]]
        return value

    @jinja2.pass_context
    def date(context, value, year=True):
        return context["unknown"] if value is None else format_date(value, context["lang"], year)

    env.filters["t"] = translate
    env.filters["date"] = date
    return env


def edition_status(site, edition, env, lang: str) -> Markup:
    """The status line of an edition on the build's date; the reader's browser corrects it
    between builds (templates/edition-status.js)."""
    now = status(edition, site.today, site.t(lang), lang)
    return Markup(env.get_template("edition-status.html").render(
        edition=edition, status=now, today=site.today.isoformat()))


def render_page(page_env, markdown: str, site, status_env, lang: str, where: str, edition=None) -> str:
    """A page's Markdown with its `{{ … }}` settings filled in, in its language, for its edition."""
    if "{{" not in markdown and "{%" not in markdown:
        return markdown
    edition = edition or site.edition
    blank = Markup(status_env.get_template("blank.html").render(text=site.t(lang)("edition.blank", year=edition.year)))
    context = site.context()
    # `phase`: before, during or after the edition's period on the build's date, so a page
    # can say what was said then in the past once it is over ({% if phase == "after" %}).
    context.update(lang=lang, edition=edition, unknown=site.t(lang)("edition.unknown"),
                   edition_status=lambda: edition_status(site, edition, status_env, lang),
                   # `{{ blank }}`: a part of a scaffolded plan page the commune has not published yet.
                   blank=blank, phase=phase(site.today, *edition.period))
    try:
        return page_env.from_string(markdown).render(context)
    except jinja2.TemplateError as error:
        errors = BuildErrors("Nội dung / Content")
        errors.add(where, "{{ … }}", f"không hiểu biến cài đặt ({error})",
                   f"unknown setting in the page ({error})")
        errors.raise_if_any()
