"""The years on the plan page and the home page: the current edition and the archive.

`<!-- insert: editions.current -->` presents the current edition (settings/editions.py):
its status on the build's date, what is known and what is not published yet, and its
plan. `<!-- insert: editions.archive -->` lists the earlier ones, newest first, with
their plans, kits and expos at their own addresses; `editions.archive short` is the
one-line form of the home page. Both render templates/editions.md; links are Markdown,
checked by the strict build.
"""

from __future__ import annotations

from ..settings.dates import format_date, format_period
from ..settings.page_templating import edition_status
from ..templates import source_link


def summary(site, edition, lang: str, link) -> dict:
    """What the list says of one edition, in one language."""
    unknown = site.t(lang)("edition.unknown")
    expo = edition.expo
    return {
        "edition": edition,
        "theme": f"“{edition.theme[lang]}”" if edition.theme else unknown,
        "day": format_date(edition.day, lang),
        "dates": format_period(edition.response["start"], edition.response["end"], lang) if edition.response
        else unknown,
        "plan": link(site.languages.source(edition.plan_page, lang)),
        "kit": link(site.languages.source("tai-lieu/index.md", lang)) + f"#nam-{edition.year}",
        "expo": expo and {"name": expo["name"], "page": link(site.languages.source(expo["page"], lang)),
                          "dates": format_period(expo["start"], expo["end"], lang, start_year=False)},
        "missing": [site.t(lang)(f"edition.missing.{part}") for part in edition.missing],
    }


def markers(site, env, status_env, lang: str, src_uri: str) -> dict:
    def link(target: str) -> str:
        return source_link(target, src_uri)

    t = site.t(lang)

    def current(arg):
        return env.get_template("editions.md").render(
            current=summary(site, site.edition, lang, link), archive=None, t=t,
            status=edition_status(site, site.edition, status_env, lang))

    def archive(arg):
        return env.get_template("editions.md").render(
            current=None, archive=[summary(site, e, lang, link) for e in site.past_editions],
            short=arg == "short", t=t)

    return {"editions.current": current, "editions.archive": archive}
