"""The site's house style, as plain functions: text in, problems out.

The list of forms is written for editors in docs/huong-dan/ ("Cách viết"); this
module keeps the site to it. It checks only the site's own words. It skips:

- the plan's text, published word for word: the `<div class="plan-text">` block
  of docs/ke-hoach/ (and its English translation), up to the end of the file;
- quotations: Markdown blockquotes (lines starting with `>`) and anything
  between “curly quotes” (or "straight quotes" in English and in HTML attributes);
- code (`backticks`, fenced blocks), comments, link addresses and, in English
  text, the parts marked `lang="vi"`.

Staff content (news and innovators, the files the editing app writes: `staff_file`)
is never stopped by style: where the house form is mechanical (a spelling, a date's
zeros, capitals) the build publishes it in place of what was typed (`house_forms`,
on the page's source and the lists' fields); where only a person can choose (advice,
technical words) it warns and publishes as written. Everything else the site says
is the team's own and must already keep the style: a departure fails the build.

No MkDocs here: the content plugin runs it on every build (`check_site`, and
`house_forms` on each staff page), and tests/unit/test_house_style.py calls it directly.
A problem is a tuple (file, line or field, Vietnamese message, English message).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import yaml_text
from ..errors import BuildErrors
from .schema import SCHEMAS

log = logging.getLogger("innovation_day.house_style")   # not under "mkdocs": --strict does not stop on it

Problem = tuple[str, str, str, str]

# Vietnamese letters, for "the syllable ends here".
_LETTER = r"[^\W\d_]"

# One spelling per word: the tone mark on the first vowel of "oa", "oe", "uy" when
# nothing follows (hòa, hóa, tỏa, khỏe, Ủy, thủy), as state bodies write them today
# (Ủy ban nhân dân, văn hóa). After "q" the mark stays on "y" (quý): not checked.
_OLD_STYLE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_SPELLING = re.compile(
    rf"(?<![qQ])({'|'.join(_OLD_STYLE)})(?!{_LETTER})", re.IGNORECASE)

_REGISTER = ("~gọi người dân là “bà con” (hoặc “người dân”), không gọi “bạn” / "
             "address residents as “bà con” (or “người dân”), not “bạn”")

# Fixed phrases: (pattern, the form to use). Case matters where it is the point.
VI_PHRASES = [
    (re.compile(r"\b[Tt]rạm [yY] tế|\bTRẠM Y TẾ"), "Trạm Y tế"),
    (re.compile(r"Ngày hội đổi mới sáng tạo|ngày hội [Đđ]ổi mới sáng tạo"), "Ngày hội Đổi mới sáng tạo"),
    (re.compile(r"để ai cũng thấy mình sắp mở trang nào trước khi tin"), "~viết lại cho rõ / rewrite it plainly"),
    (re.compile(r"những gì được giới thiệu ở đó gắn với từng nhóm như sau"), "~viết lại cho rõ / rewrite it plainly"),
    (re.compile(r"\bĐược đề nghị\b"), "Tham gia theo đề nghị"),
    # The commune speaks to residents as "bà con" (or "người dân" where more formal), never
    # "bạn" ("bạn bè", friends, is not a form of address).
    (re.compile(r"(?<!\w)(?:[Cc]ác )?[Bb]ạn(?!\w)(?! bè)"), _REGISTER),
    (re.compile(r"\bgian hàng\b"), "gian trưng bày"),   # an expo's booths, one word for them
]
EN_PHRASES = [
    (re.compile(r"(?<![\w/-])01-10(?![\w/-])"), "1 October"),
    (re.compile(r"\bresponse period\b", re.IGNORECASE), "campaign period / the commune's programme"),
    (re.compile(r"\bnational innovation day\b", re.IGNORECASE), "National Innovation Day"),
    (re.compile(r"Culture[- ]Social|Office (?:of|for) Culture|Culture and Society Office|"
                r"Cultural and Social Affairs", re.IGNORECASE), "Culture and Social Affairs Office"),
    (re.compile(r"\b(?:safe|clean)[ -]vegetables? co-?operative", re.IGNORECASE), "safe-vegetable cooperative"),
    (re.compile(r"\bvillage (?:culture house|hall)s?\b|\bvillage and residential-group halls\b"
                r"|\bcultural houses? of the village", re.IGNORECASE), "village cultural house"),
    (re.compile(r"The expo is over; here is how what it showed relates to each group"), "~viết lại cho rõ / rewrite it plainly"),
    (re.compile(r"People with results to show"), "~viết lại cho rõ / rewrite it plainly"),
    (re.compile(r"\|\s*Asked to\s*\|"), "Invited to take part"),
    (re.compile(r"\b(?:High|Hi)[- ]?[Tt]ech [Pp]ark\b"), "Hi-tech Park"),
]
# Technical words: for the editor's guide, not for citizens.
VI_TECHNICAL = re.compile(r"tệp \.ics|nguồn tin Atom|mức sửa lỗi|vùng trắng", re.IGNORECASE)
EN_TECHNICAL = re.compile(r"\.ics file|Atom feed|error correction|quiet zone", re.IGNORECASE)

_TECHNICAL_ADVICE = ("~dùng lời thường; chi tiết kỹ thuật để ở Hướng dẫn biên tập / "
                     "use plain words; technical detail belongs in the editor's guide")

# Dates as Decree 30/2020/NĐ-CP writes them: a day below 10 and the months 1 and 2
# take a leading zero (05/10/2025, 13/01/2025); other months do not (22/9/2025).
_DATE = re.compile(r"(?<![\d/.,-])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")


def decree_date(day: int, month: int, year: int | None = None) -> str:
    """A day and month (and year) as Decree 30/2020/NĐ-CP writes them."""
    text = f"{day:02d}/{month:02d}" if month <= 2 else f"{day:02d}/{month}"
    return f"{text}/{year}" if year else text


def _date_problems(text: str) -> Iterator[tuple[str, str]]:
    for match in _DATE.finditer(text):
        day, month = int(match[1]), int(match[2])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        good = decree_date(day, month, int(match[3]) if match[3] else None)
        if match[0] != good:
            yield match[0], good


# What is not the site's own words, blanked out (kept as spaces so columns stay put).
_CODE = re.compile(r"`[^`]*`")
_COMMENTS = re.compile(r"<!--.*?-->|\{##.*?##\}|\{#.*?#\}")
_URLS = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+|\bmailto:\S+|^\s*\[[^\]]+\]:\s*\S+.*$")
_CURLY = re.compile(r"“[^”]*”")
_STRAIGHT = re.compile(r'"[^"\n]*"')
_ATTRIBUTE = re.compile(r'=\s*"[^"\n]*"')
_YAML_QUOTED = re.compile(r'^(\w+: )"(.*)"\s*$')
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_LANG_VI = re.compile(r"<(\w+)[^>]*\blang=\"vi\"[^>]*>.*?</\1>")


def _blank(pattern: re.Pattern, text: str) -> str:
    return pattern.sub(lambda m: " " * len(m[0]), text)


def own_words(line: str, lang: str) -> str:
    """The line with quotations, code, addresses and (in English) Vietnamese parts blanked."""
    for pattern in (_CODE, _COMMENTS, _JINJA, _URLS, _CURLY):
        line = _blank(pattern, line)
    line = _YAML_QUOTED.sub(r"\1 \2 ", line)  # a front-matter value in quotes is still ours
    if lang == "en":
        line = _blank(_LANG_VI, line)
    line = _blank(_ATTRIBUTE, line)
    if lang == "en":
        line = _blank(_STRAIGHT, line)  # English quotations
    return line


def check_line(text: str, lang: str, technical_ok: bool = False) -> Iterator[tuple[str, str]]:
    """(what was found, the form to use) for each departure from the house style."""
    text = own_words(text, lang)
    if lang == "vi":
        for match in _SPELLING.finditer(text):
            word = re.search(rf"{_LETTER}*{re.escape(match[0])}", text[:match.end()])[0]
            fixed = word[:-2] + _fix_case(match[0])
            yield word, fixed
        for pattern, good in VI_PHRASES:
            for match in pattern.finditer(text):
                if match[0] != good:
                    yield match[0], good
        yield from _date_problems(text)
        if not technical_ok:
            for match in VI_TECHNICAL.finditer(text):
                yield match[0], _TECHNICAL_ADVICE
    else:
        for pattern, good in EN_PHRASES:
            for match in pattern.finditer(text):
                if match[0] not in (good, good[:1].upper() + good[1:]):
                    yield match[0], good
        if not technical_ok:
            for match in EN_TECHNICAL.finditer(text):
                yield match[0], _TECHNICAL_ADVICE


def _fix_case(pair: str) -> str:
    good = _OLD_STYLE[pair.lower()]
    return "".join(g.upper() if p.isupper() else g for p, g in zip(pair, good))


def _message(found: str, good: str) -> tuple[str, str]:
    if good.startswith("~"):  # advice, not a form to copy
        vi, en = good[1:].split(" / ")
        return (f"“{found}”: {vi} (xem Hướng dẫn biên tập, mục Cách viết)",
                f"“{found}”: {en} (see the editor's guide, House style)")
    return (f"viết “{good}” thay cho “{found}” (xem Hướng dẫn biên tập, mục Cách viết)",
            f"write “{good}” instead of “{found}” (see the editor's guide, House style)")


_VI_BLOCK = re.compile(r'^\s*<(section|div)\b[^>]*\blang="vi"')


def _markdown_lines(text: str, lang: str = "vi") -> Iterator[tuple[int, str]]:
    """(line number, line) of the site's own Markdown, without fences, quotes and the plan's text."""
    fenced, vi_block = False, None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if lang == "en":
            # A Vietnamese block in an English page (the nomination form): not English text.
            if vi_block:
                if f"</{vi_block}>" in line:
                    vi_block = None
                continue
            opened = _VI_BLOCK.match(line)
            if opened and f"</{opened[1]}>" not in line:
                vi_block = opened[1]
                continue
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or stripped.startswith(">"):
            continue
        if re.search(r'<div[^>]*class="[^"]*\bplan-text\b', line):
            return  # the plan's own text runs to the end of its page
        yield number, line


def markdown_language(path: str) -> str:
    return "en" if path.endswith((".en.md", ".en.txt", "/en.yml")) else "vi"


def check_text(path: str, text: str, lang: str | None = None, technical_ok: bool = False) -> list[Problem]:
    """Problems in one file's text; `path` is how the file is named in messages."""
    lang = lang or markdown_language(path)
    problems = []
    for number, line in _markdown_lines(text, lang):
        for found, good in check_line(line, lang, technical_ok):
            problems.append((path, f"dòng {number} / line {number}", *_message(found, good)))
    return problems


# Staff content ---------------------------------------------------------------

def staff_file(rel: str) -> bool:
    """Whether a project path (docs/…) is an entry the commune's staff write: a news item or
    an innovator (not the sections' own pages, index and de-cu, which the team writes)."""
    folder, _, name = rel.removeprefix("docs/").partition("/")
    stem = name.split(".")[0]
    return any(folder == schema.section and "/" not in name and name.endswith(".md")
               and stem not in schema.pages for schema in SCHEMAS.values())


def _house_form(found: str, good: str) -> str | None:
    """What replaces `found` when the change is mechanical; None when a person must choose."""
    if good.startswith("~") or " / " in good:
        return None   # advice, or a choice between forms
    if found == good[:1].upper() + good[1:]:
        return None   # the house form, starting a sentence
    if found.lower() == good.lower() or good == "1 October":
        return good   # capitals, the Day's date in English
    return None


def _line_fixes(line: str, lang: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, found, house form) of each mechanical departure in the line's own words;
    the spans are the line's own (own_words keeps columns), so what is quoted stays as written."""
    text = own_words(line, lang)
    if lang == "vi":
        for match in _SPELLING.finditer(text):
            yield match.start(), match.end(), match[0], _fix_case(match[0])
        for match in _DATE.finditer(text):
            good = next((g for f, g in _date_problems(match[0]) if f == match[0]), None)
            if good:
                yield match.start(), match.end(), match[0], good
    for pattern, good in VI_PHRASES if lang == "vi" else EN_PHRASES:
        for match in pattern.finditer(text):
            form = _house_form(match[0], good)
            if form and match[0] != form:
                yield match.start(), match.end(), match[0], form


def house_forms(text: str, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """A staff file's text with the house forms put in, and the (found, form) pairs changed.

    Only the file's own words change: not quotations, code, addresses, fenced blocks, and
    nothing from a plan-text block on (the plan is published word for word)."""
    lines = text.splitlines(keepends=True)
    changed: list[tuple[str, str]] = []
    for number, line in _markdown_lines(text, lang):
        fixes = sorted(_line_fixes(line, lang), reverse=True)
        if not fixes:
            continue
        original = lines[number - 1]
        for start, end, found, form in fixes:   # from the end, so earlier spans stay put
            original = original[:start] + form + original[end:]
            changed.append((found, form))
        lines[number - 1] = original
    return "".join(lines), changed[::-1]


def staff_problems(path: str, text: str) -> list[Problem]:
    """What in a staff file a person must choose (advice, technical words): warned, not fixed."""
    fixed, _ = house_forms(text, markdown_language(path))
    return check_text(path, fixed)


def check_fields(path: str, fields: Iterable[tuple[str, str, str]]) -> list[Problem]:
    """Problems in settings: (field, language, text) each."""
    problems = []
    for field, lang, text in fields:
        for found, good in check_line(text, lang):
            problems.append((path, field, *_message(found, good)))
    return problems


# Where the site's own words are, relative to the project's root.
SOURCES = ("docs/**/*.md", "data/templates/*.md", "data/strings/*.yml")
# The editor's guide may name technical things; citizens' pages may not.
TECHNICAL_OK = ("docs/huong-dan/",)


def _strings(text: str) -> str:
    """The site's own interface strings of a data/strings/ table, one a line (Material's
    keys that the site words differently are checked too: readers see them)."""
    table = yaml_text.load(text) or {}
    return "\n".join(str(value) for part in ("material", "site") for value in (table.get(part) or {}).values())


def check_project(root: Path) -> list[Problem]:
    """Every problem in the project's own words."""
    problems: list[Problem] = []
    for pattern in SOURCES:
        for file in sorted(root.glob(pattern)):
            rel = file.relative_to(root).as_posix()
            if staff_file(rel):
                continue   # staff content: house forms applied, the rest warned (check_site)
            text = file.read_text(encoding="utf-8")
            if rel.startswith("data/strings/"):
                text = _strings(text)
            problems += check_text(rel, text, technical_ok=rel.startswith(TECHNICAL_OK))
    return problems


def settings_fields(site) -> dict[str, list[tuple[str, str, str]]]:
    """The settings readers see as text, by file: {file: [(field, language, text)]}."""
    fields: dict[str, list] = {"mkdocs.yml": [], "data/commune.yml": [], "data/kit/words.yml": []}
    for lang, texts in site.texts.items():
        fields["mkdocs.yml"] += [(f"site_name ({lang})", lang, texts["name"]),
                                 (f"site_description ({lang})", lang, texts["description"])]
        fields["data/commune.yml"].append((f"name.{lang}", lang, site.commune.name[lang]))
    # The kit's words: the loudspeaker text is read out in Vietnamese.
    fields["data/kit/words.yml"].append(("loudspeaker", "vi", site.kit_words.loudspeaker))
    fields["data/kit/words.yml"] += [(f"post.{lang}", lang, text) for lang, text in site.kit_words.post.items()]
    return fields


def edition_fields(edition, languages) -> list[tuple[str, str, str]]:
    """An edition's texts readers see (data/editions/<year>.yml), as (field, language, text)."""
    # Not the theme and slogan: they are quoted word for word from the year's plan.
    texts = {"name": edition.name}
    if edition.expo:
        texts.update({f"expo.{key}": edition.expo[key] for key in ("venue", "title")})
    return [(f"{key}.{lang}", lang, value[lang]) for key, value in texts.items() for lang in languages.codes]


def check_site(site) -> None:
    """The house style over the project's files and settings; every departure at once."""
    errors = BuildErrors("Cách viết / House style")
    problems = check_project(site.root)
    for path, fields in settings_fields(site).items():
        problems += check_fields(path, fields)
    for edition in site.editions:
        problems += check_fields(edition.source, edition_fields(edition, site.languages))
    for problem in problems:
        errors.add(*problem)
    errors.raise_if_any()
    warn_staff(site.root)


def warn_staff(root: Path) -> list[Problem]:
    """Staff content is published; what the build cannot put in house form is named in a warning."""
    problems: list[Problem] = []
    for schema in SCHEMAS.values():
        for file in sorted((root / "docs" / schema.section).glob("*.md")):
            rel = file.relative_to(root).as_posix()
            if staff_file(rel):
                problems += staff_problems(rel, file.read_text(encoding="utf-8"))
    for where, line, vi, en in problems:
        log.warning("Cách viết / House style: %s › %s: %s / %s", where, line, vi, en)
    return problems
