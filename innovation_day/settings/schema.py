"""One declaration of every field the commune's staff can change, and the one check of it.

Every settings file under data/ (the commune, nominations, the kit, each
year's edition…) and every kind of content (innovators, news: content/schema.py)
is declared here as fields: a `Field` says what the value is (its kind: text,
date, phone…), whether it is required, whether readers see it in both
languages, its limits and how to write it. From that one declaration come:

- the build's check (`read`): every mistake of a file in one pass, as
  `file › field: what is wrong — how to fix it`, in Vietnamese and English;
- the editing app's forms (admin/config.py);
- the scaffolds (scripts/new.py) and the editor's guide's table of fields.

A settings file is a frozen dataclass whose fields carry their declaration
(`setting(...)`), so the checked value is typed (`site.commune.phone`) and a
field exists once. YAML is read without its implicit typing (`yaml.BaseLoader`):
every value arrives as the text the editor typed and is converted by its
declared kind, so a phone number typed without quotes keeps its leading 0 and a
date is a date only when it is written as one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import yaml_text
from ..errors import BuildErrors

NULLS = ("", "~", "null", "Null", "NULL")
TRUE, FALSE = ("true", "True", "TRUE"), ("false", "False", "FALSE")

# Vietnamese numbers: 0 or +84, then 9 or 10 digits (mobile 09x…, Hanoi landlines 024…),
# spaces, dots or dashes allowed between groups as people write them.
PHONE = re.compile(r"^(?:0|\+84)\d{9,10}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTEGER = re.compile(r"^[+-]?\d+$")
NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")

# What each kind is called in messages, and an example of it: (vi, en).
KINDS = {
    "text": ("chữ", "text"),
    "choice": ("một trong các giá trị cho sẵn", "one of the given values"),
    "integer": ("số nguyên, ví dụ 10", "a whole number, e.g. 10"),
    "number": ("số, ví dụ 0.9 (dấu chấm thập phân)", "a number, e.g. 0.9"),
    "bool": ("true (có) hoặc false (không)", "true or false"),
    "date": ("ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2026-10-01", "a date as YYYY-MM-DD, e.g. 2026-10-01"),
    "year": ("năm bốn chữ số, ví dụ 2026", "a four-digit year, e.g. 2026"),
    "phone": ("số điện thoại Việt Nam: 0 hoặc +84 rồi 9 đến 10 chữ số, dạng 024 xxxx xxxx hoặc 09xx xxx xxx",
              "a Vietnamese phone number: 0 or +84, then 9 or 10 digits, as 024 xxxx xxxx or 09xx xxx xxx"),
    "email": ("địa chỉ thư điện tử, dạng ten@mien.vn", "an e-mail address as name@domain.vn"),
    "url": ("địa chỉ web đầy đủ, bắt đầu bằng https://", "a full web address starting with https://"),
    "repo": ("kho GitHub dạng chu-so-huu/ten-kho", "a GitHub repository as owner/name"),
    "colour": ("mã màu dạng #RRGGBB, ví dụ #A4161A", "a colour as #RRGGBB, e.g. #A4161A"),
    "slug": ("chữ thường không dấu, số và dấu '-'", "lower-case ASCII letters, digits and '-'"),
    "photo": ("tên tệp ảnh trong docs/anh/", "a photo's file name in docs/anh/"),
    "page": ("trang trong docs/, ví dụ viie-2025/index.md", "a page in docs/, e.g. viie-2025/index.md"),
    "list": ("danh sách", "a list"),
    "group": ("nhóm các mục con", "a group of fields"),
}


@dataclass(frozen=True)
class Field:
    """What one field is. `type` is one of KINDS; a `list` holds `item`s (a Field, or a
    declared dataclass for a list of groups), a `group` is the declared dataclass `of`."""
    name: str
    type: str
    required: bool
    vi: str                   # what the field is, in Vietnamese (messages, the app, the guide)
    en: str
    bilingual: bool = False   # readers see it: one text per language (vi:, en:)
    shared: bool = False      # content: the same in both language files
    choices: tuple = ()
    required_with: str = ""   # content: required when this other field is set
    past_only: bool = False   # content: a date that must not be in the future
    length: tuple[int, int] = (0, 0)   # text length in characters (min, max), when set
    minimum: float | None = None
    maximum: float | None = None
    items: Any = None         # list: a Field (no name needed) or a declared dataclass
    of: Any = None            # group: a declared dataclass
    long: bool = False        # several sentences: a multi-line box in the app
    hint: tuple[str, str] = ("", "")   # how to fill it in (vi, en), shown in the app and the guide

    @property
    def kind_text(self) -> tuple[str, str]:
        return KINDS[self.type]


def setting(type: str, vi: str, en: str, *, required: bool = False, **options) -> Any:
    """A settings dataclass's field with its declaration (its name is the attribute's)."""
    return dataclasses.field(default=None, metadata={"field": dict(type=type, vi=vi, en=en,
                                                                   required=required, **options)})


def is_model(thing) -> bool:
    """A declared settings class (not a Field, which is a dataclass instance)."""
    return isinstance(thing, type) and dataclasses.is_dataclass(thing)


def list_item(spec: Field):
    """What a list holds: a declared class, or a Field (a list of plain values declares their kind)."""
    if isinstance(spec.items, Mapping):
        return Field(name=spec.name, vi=spec.vi, en=spec.en, required=True, **spec.items)
    return spec.items


def fields_of(model) -> tuple[Field, ...]:
    """The declared fields of a settings dataclass, in order (the order of the file and the form)."""
    return tuple(Field(name=f.name, **f.metadata["field"]) for f in dataclasses.fields(model)
                 if "field" in f.metadata)


@dataclass(frozen=True)
class SettingsFile:
    """A settings file under data/ and what it holds."""
    path: str            # relative to the repository, e.g. data/commune.yml
    model: type          # the declared dataclass
    vi: str              # its name in the app and the guide
    en: str
    attribute: str       # where the checked value lives on `Site`


# Reading ---------------------------------------------------------------------------------

def load_text(text: str):
    """YAML as the editor typed it: maps, lists and strings, no implicit types."""
    return yaml_text.load_plain(text)


def load_file(path: Path, where: str, errors: BuildErrors):
    try:
        return load_text(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        errors.add(where, "(tệp / file)", "thiếu tệp cài đặt này", "this settings file is missing")
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        where_line = getattr(error, "problem_mark", None)
        line = f" (dòng {where_line.line + 1})" if where_line else ""
        line_en = f" (line {where_line.line + 1})" if where_line else ""
        errors.add(where, "YAML", f"không đọc được{line}: kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép",
                   f"cannot be read{line_en}: check the colons, the indentation and the quotes")
    return None


def is_null(raw) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() in NULLS)


def read(model, raw, where: str, errors: BuildErrors, languages, prefix: str = ""):
    """A declared dataclass from raw YAML (load_text), or None after adding every problem to
    `errors`. A missing optional field is None."""
    found = len(errors.problems)
    if is_null(raw):
        raw = {}
    if not isinstance(raw, Mapping):
        errors.add(where, prefix or "YAML", "phải là các cặp tên: giá trị", "must be name: value pairs")
        return None
    known = {f.name for f in fields_of(model)}
    for key in raw:
        if key not in known:
            errors.add(where, _join(prefix, key), f"không có mục này; các mục được dùng: {', '.join(sorted(known))}",
                       f"no such field; the fields are: {', '.join(sorted(known))}")
    values = {f.name: value(f, raw.get(f.name), where, _join(prefix, f.name), errors, languages)
              for f in fields_of(model)}
    if len(errors.problems) > found:
        return None
    return model(**values)


def value(spec: Field, raw, where: str, name: str, errors: BuildErrors, languages):
    """One field's value, converted by its kind (None when empty and optional)."""
    if is_null(raw):
        if spec.required:
            how = _how(spec)
            errors.add(where, name, f"bắt buộc, đang để trống: ghi {how[0]}", f"required, now empty: write {how[1]}")
        return None
    if spec.bilingual:
        if not isinstance(raw, Mapping):
            errors.add(where, name, "ghi cho từng ngôn ngữ, mỗi dòng một thứ tiếng: vi: …, en: …",
                       "write one text per language, one line each: vi: …, en: …")
            return None
        texts = {}
        for lang in languages.codes:
            text = raw.get(lang)
            if is_null(text) or not isinstance(text, str):
                errors.add(where, f"{name}.{lang}", "thiếu nội dung", "missing text")
                continue
            texts[lang] = _text(spec, text, where, f"{name}.{lang}", errors)
        return texts if len(texts) == len(languages.codes) else None
    return _scalar(spec, raw, where, name, errors, languages)


def _scalar(spec: Field, raw, where, name, errors, languages):
    kind = spec.type
    if kind == "group":
        return read(spec.of, raw, where, errors, languages, prefix=name)
    if kind == "list":
        if not isinstance(raw, list):
            errors.add(where, name, "phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
                       "must be a list (one item per line starting with '- ')")
            return None
        if spec.required and not raw:
            errors.add(where, name, "cần ít nhất một mục", "needs at least one item")
        items, of = [], list_item(spec)
        for index, item in enumerate(raw, 1):
            where_item = f"{name}[{index}]"
            if is_model(of):
                items.append(read(of, item, where, errors, languages, prefix=where_item))
            else:
                items.append(value(of, item, where, where_item, errors, languages))
        return tuple(items)
    if not isinstance(raw, str):
        errors.add(where, name, f"phải là {spec.kind_text[0]}", f"must be {spec.kind_text[1]}")
        return None
    text = raw.strip()
    if kind in ("text", "slug", "photo", "page"):
        result = _text(spec, raw, where, name, errors)
        if kind == "slug" and result is not None and not SLUG.match(result):
            return _wrong(spec, where, name, raw, errors)
        return result
    if kind == "choice":
        if text not in spec.choices:
            errors.add(where, name, f"phải là một trong: {', '.join(spec.choices)} (đang là {text!r})",
                       f"must be one of: {', '.join(spec.choices)} (now {text!r})")
            return None
        return text
    if kind == "bool":
        if text in TRUE or text in FALSE:
            return text in TRUE
        return _wrong(spec, where, name, raw, errors)
    if kind in ("integer", "year"):
        if not INTEGER.match(text) or (kind == "year" and len(text) != 4):
            return _wrong(spec, where, name, raw, errors)
        return _bounded(spec, int(text), where, name, errors)
    if kind == "number":
        if not NUMBER.match(text):
            return _wrong(spec, where, name, raw, errors)
        # 5 stays 5 and 0.9 is 0.9, as YAML would have read them.
        return _bounded(spec, int(text) if INTEGER.match(text) else float(text), where, name, errors)
    if kind == "date":
        try:
            if not DATE.match(text):
                raise ValueError
            return dt.date.fromisoformat(text)
        except ValueError:
            return _wrong(spec, where, name, raw, errors)
    if kind == "phone":
        return text if PHONE.match(re.sub(r"[\s.\-()]", "", text)) else _wrong(spec, where, name, raw, errors)
    patterns = {"email": EMAIL, "url": URL, "repo": REPO, "colour": COLOUR}
    if kind in patterns:
        if not patterns[kind].match(text):
            return _wrong(spec, where, name, raw, errors)
        return text.upper() if kind == "colour" else text
    raise ValueError(f"{name}: no reader for the kind {kind!r}")


def _text(spec: Field, raw: str, where, name, errors) -> str | None:
    text = unicodedata.normalize("NFC", raw).strip()
    low, high = spec.length
    if high and not low <= len(text) <= high:
        errors.add(where, name, f"dài {len(text)} ký tự, cần từ {low} đến {high}",
                   f"is {len(text)} characters long, {low} to {high} are needed")
        return None
    return text


def _bounded(spec: Field, number, where, name, errors):
    low, high = spec.minimum, spec.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        vi = f"từ {_num(low)} đến {_num(high)}" if high is not None else f"từ {_num(low)} trở lên"
        en = f"from {_num(low)} to {_num(high)}" if high is not None else f"{_num(low)} or more"
        errors.add(where, name, f"phải {vi} (đang là {_num(number)})", f"must be {en} (now {_num(number)})")
        return None
    return number


def _wrong(spec: Field, where, name, raw, errors):
    errors.add(where, name, f"“{raw}” không đúng: ghi {spec.kind_text[0]}",
               f"“{raw}” is not right: write {spec.kind_text[1]}")
    return None


def _how(spec: Field) -> tuple[str, str]:
    if spec.bilingual:
        return (f"{spec.vi} cho từng ngôn ngữ (vi:, en:)", f"{spec.en} in each language (vi:, en:)")
    return (f"{spec.vi} ({spec.kind_text[0]})", f"{spec.en} ({spec.kind_text[1]})")


def _join(prefix: str, key) -> str:
    return f"{prefix}.{key}" if prefix else str(key)


def _num(n) -> str:
    return f"{n:g}" if isinstance(n, float) else str(n)


# The editor's guide ---------------------------------------------------------------------

def rows(model, lang: str, prefix: str = ""):
    """(field, what it is, kind, required) for the guide's table of a settings file, nested
    groups and lists of groups flattened as `a.b` and `a[].b`."""
    for spec in fields_of(model):
        name = _join(prefix, spec.name)
        what = spec.vi if lang == "vi" else spec.en
        kind = spec.kind_text[0 if lang == "vi" else 1]
        if spec.bilingual:
            kind += " (vi, en)" if lang == "en" else " (vi, en: hai thứ tiếng)"
        yield name, what, kind, spec.required
        if spec.type == "group":
            yield from rows(spec.of, lang, name)
        elif spec.type == "list" and is_model(spec.items):
            yield from rows(spec.items, lang, f"{name}[]")


# Scaffolds ------------------------------------------------------------------------------

def scaffold(model, values: Mapping) -> str:
    """A settings file to fill in (scripts/new.py): each declared field under a comment that
    says what it is, with its value when known, else null."""
    lines = []
    for spec in fields_of(model):
        lines.append(f"# {spec.vi} / {spec.en}" + ("" if spec.required else " (null: chưa có / not yet known)"))
        value = values.get(spec.name)
        if value is None:
            lines.append(f"{spec.name}: null")
        elif spec.bilingual:
            lines.append(f"{spec.name}:")
            lines += [f"  {lang}: {_quoted(text)}" for lang, text in value.items()]
        else:
            lines.append(f"{spec.name}: {value.isoformat() if isinstance(value, dt.date) else value}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
