"""Entries: an innovator's or a news item's two language files, read and checked against its schema.

Every problem is reported in Vietnamese and English, naming the file and the
field, one message per problem; `load_or_fail` raises them all at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import yaml_text
from ..errors import BuildErrors
from ..settings.dates import today_in_vietnam
from .house_style import house_forms
from .schema import SLUG_RE, Field, Schema, slugify

# Front matter: a YAML block between two '---' lines at the top (as MkDocs reads it).
YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


# Entries --------------------------------------------------------------------

@dataclass
class Entry:
    """One innovator or news item: its two language files, read and checked."""

    schema: Schema
    slug: str
    default: str                                          # the default language: shared fields live there
    src: dict[str, str] = field(default_factory=dict)     # lang -> "guong-sang-tao/x.md"
    meta: dict[str, dict] = field(default_factory=dict)   # lang -> front matter
    body: dict[str, str] = field(default_factory=dict)    # lang -> Markdown after the front matter

    def get(self, lang: str, key: str, default: Any = None) -> Any:
        value = self.meta.get(lang, {}).get(key, default)
        return value.strip() if isinstance(value, str) else value

    def shared(self, key: str, default: Any = None) -> Any:
        return self.get(self.default, key, default)

    @property
    def example(self) -> bool:
        return self.shared("example") is True


class Problems:
    """Problems found in content: (where, field, vi, en), in the order found."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str, str]] = []

    def add(self, where: str, field_name: str, vi: str, en: str) -> None:
        self.items.append((where, field_name, vi, en))

    def __bool__(self) -> bool:
        return bool(self.items)


def read_front_matter(path: Path, lang: str | None = None) -> tuple[dict | None, str, str | None]:
    """(front matter, body, error) of a Markdown file; front matter is None when unreadable.

    With `lang`, the file is staff content, read as it is published: in house style."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, "", f"{error}"
    if lang:
        text = house_forms(text, lang)[0]
    match = YAML_RE.match(text)
    if not match:
        return {}, text, None
    try:
        data = yaml_text.load(match.group(1))
    except Exception as error:  # a YAML error, or a date like 2025-13-40
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return None, "", first_line
    if not isinstance(data, dict):
        return None, "", "not a list of 'key: value' lines"
    return data, text[match.end():].lstrip("\n"), None


def generated_page(front: dict, heading: str, marker: str) -> str:
    """The Markdown of a page the build makes in memory (a list's pages 2…): its front matter,
    its heading, and the insertion marker its body is filled from."""
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{text}---\n\n# {heading}\n\n<!-- insert: {marker} -->\n"


def _address(inner: Path, stem: str) -> str:
    """The address part a file gets; docs/guong-sang-tao/x/index.md would share x.md's."""
    if len(inner.parts) == 1:
        return stem
    return inner.parts[0] if stem == "index" and len(inner.parts) == 2 else "/".join([*inner.parts[:-1], stem])


def _name_problem(schema: Schema, inner: Path, stem: str) -> tuple[str, str] | None:
    """What is wrong with an entry's file name, if anything (Vietnamese, English)."""
    if len(inner.parts) > 1 or not SLUG_RE.match(stem):
        return ("tên tệp chỉ được dùng chữ thường không dấu, số và dấu gạch ngang, "
                f"đặt ngay trong docs/{schema.section}/ (ví dụ: {slugify(stem) or 'ten-tep'}.md)",
                "the file name may only use lower-case letters without diacritics, digits and "
                f"hyphens, directly in docs/{schema.section}/ (e.g. {slugify(stem) or 'name'}.md)")
    if re.fullmatch(r"trang-\d+", stem):
        return ("tên tệp trùng với trang danh sách của hệ thống (trang-2, trang-3…)",
                "the file name is reserved for the list's own pages (trang-2, trang-3…)")
    return None


def load_entries(docs_dir: Path, schema: Schema, languages, today: dt.date | None = None,
                 check_photo=None) -> tuple[list[Entry], Problems]:
    """Read and check every entry of a section. `check_photo(name) -> [(vi, en)]` checks a photo file."""
    today = today or today_in_vietnam()
    problems = Problems()
    folder = docs_dir / schema.section
    entries: dict[str, Entry] = {}
    seen: dict[str, str] = {}  # address as a URL would see it, with the language -> first file
    if not folder.is_dir():
        return [], problems

    def well_named(path: Path) -> bool:
        return path.parent == folder and bool(SLUG_RE.match(languages.split(path.name)[0]))

    # Well-named files first, so a clash is reported on the badly named one.
    for path in sorted(folder.rglob("*.md"), key=lambda p: (not well_named(p), p.as_posix())):
        rel = path.relative_to(docs_dir).as_posix()
        where, inner = f"docs/{rel}", path.relative_to(folder)
        stem, lang = languages.split(path.name)
        if len(inner.parts) == 1 and stem in schema.pages:
            continue
        address = _address(inner, stem)
        url_key = f"{slugify(address.replace('/', '-')) or address}.{lang}"
        if url_key in seen:
            problems.add(where, "slug", f"trùng địa chỉ (slug) với {seen[url_key]}: đổi tên một trong hai tệp",
                         f"same address (slug) as {seen[url_key]}: rename one of the two files")
            continue
        seen[url_key] = where
        problem = _name_problem(schema, inner, stem)
        if problem:
            problems.add(where, "slug", *problem)
            continue
        meta, body, error = read_front_matter(path, lang)
        if meta is None:
            problems.add(where, "front matter", f"không đọc được phần thông tin đầu trang ({error})",
                         f"cannot read the front matter ({error})")
            continue
        entry = entries.setdefault(stem, Entry(schema, stem, languages.default))
        entry.src[lang], entry.meta[lang], entry.body[lang] = rel, meta, body
    checked = []
    for entry in entries.values():
        if set(entry.src) != set(languages.codes):
            continue  # content/twins.py reports the missing twin; an unreadable twin is reported above
        _check_entry(entry, languages.codes, today, problems, check_photo)
        checked.append(entry)
    return checked, problems


def load_or_fail(docs_dir: Path, schema: Schema, languages, check_photo=None) -> tuple[list[Entry], dict[str, Entry]]:
    """Load a section's entries, or fail the build listing every problem (file › field).

    Returns the entries and an index from each language file's path to its entry.
    """
    entries, problems = load_entries(docs_dir, schema, languages, check_photo=check_photo)
    errors = BuildErrors(schema.topic)
    for where, field_name, vi, en in problems.items:
        errors.add(where, field_name, vi, en)
    errors.raise_if_any()
    return entries, {src: entry for entry in entries for src in entry.src.values()}


def _check_entry(entry: Entry, codes: tuple[str, ...], today: dt.date, problems: Problems, check_photo) -> None:
    schema = entry.schema
    known = {f.name for f in schema.fields} | set(schema.extra_keys)
    checked_photos: set[str] = set()
    for lang in codes:
        where = f"docs/{entry.src[lang]}"
        meta = entry.meta[lang]
        for key in meta:
            if key not in known:
                problems.add(where, str(key), "trường lạ, không có trong mẫu (gõ sai tên trường?)",
                             "unknown field, not in the template (a typo in the field name?)")
        for spec in schema.fields:
            value = meta.get(spec.name)
            missing = value is None or (isinstance(value, str) and not value.strip())
            if missing:
                needed = spec.required or (spec.required_with and _present(meta.get(spec.required_with)))
                if needed:
                    problems.add(where, spec.name, f"thiếu {spec.vi}", f"missing {spec.en}")
                continue
            message = _check_value(spec, value, today)
            if message:
                problems.add(where, spec.name, *message)
                continue
            if spec.shared and lang != entry.default:
                other = entry.meta[entry.default].get(spec.name)
                if other != value:
                    twin = f"docs/{entry.src[entry.default]}"
                    problems.add(where, spec.name, f"khác với tệp tiếng Việt {twin} ({other!r} ≠ {value!r})",
                                 f"differs from the Vietnamese file {twin} ({other!r} ≠ {value!r})")
                    continue
            if spec.type == "photo" and check_photo and value not in checked_photos:
                checked_photos.add(value)
                for vi, en in check_photo(value):
                    problems.add(where, spec.name, vi, en)
        if _present(meta.get("contact")) and meta.get("contact_consent") is not True:
            problems.add(where, "contact",
                         "chỉ đăng thông tin liên hệ khi người được giới thiệu đã đồng ý: "
                         "ghi contact_consent: true, hoặc xoá dòng contact",
                         "a contact is published only with consent: set contact_consent: true, "
                         "or remove the contact line")
        for spec in schema.fields:
            if spec.shared and lang != entry.default and spec.name not in meta \
                    and spec.name in entry.meta[entry.default] and not spec.required:
                problems.add(where, spec.name, f"có trong tệp tiếng Việt nhưng thiếu ở đây ({spec.vi})",
                             f"set in the Vietnamese file but missing here ({spec.en})")


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _check_value(spec: Field, value: Any, today: dt.date) -> tuple[str, str] | None:
    if spec.type in ("text", "photo"):
        if not isinstance(value, str):
            return (f"phải là chữ, không phải {value!r} (đặt trong dấu ngoặc kép nếu cần)",
                    f"must be text, not {value!r} (put it in double quotes if needed)")
        low, high = spec.length
        size = len(" ".join(value.split()))
        if high and not low <= size <= high:
            return (f"dài {size} ký tự: cần từ {low} đến {high} ký tự",
                    f"{size} characters long: it needs {low} to {high}")
    elif spec.type == "choice":
        if value not in spec.choices:
            allowed = ", ".join(spec.choices)
            return (f"giá trị không hợp lệ {value!r}; chọn một trong: {allowed}",
                    f"unknown value {value!r}; use one of: {allowed}")
    elif spec.type == "bool":
        if not isinstance(value, bool):
            return (f"phải là true hoặc false, không phải {value!r}",
                    f"must be true or false, not {value!r}")
    elif spec.type == "year":
        if isinstance(value, bool) or not isinstance(value, int) or not 1945 <= value <= today.year:
            return (f"không phải năm hợp lệ {value!r} (viết bốn chữ số, ví dụ 2025, không quá năm nay)",
                    f"not a valid year {value!r} (four digits, e.g. 2025, not after this year)")
    elif spec.type == "date":
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            return (f"không phải ngày hợp lệ {value!r} (viết YYYY-MM-DD, ví dụ 2025-10-01)",
                    f"not a valid date {value!r} (write YYYY-MM-DD, e.g. 2025-10-01)")
        if spec.past_only and value > today:
            return (f"ngày {value.isoformat()} ở tương lai (hôm nay là {today.isoformat()}): "
                    "chỉ đăng tin về việc đã diễn ra",
                    f"the date {value.isoformat()} is in the future (today is {today.isoformat()}): "
                    "publish news only about what has happened")
    return None
