"""The editing app's configuration (Sveltia CMS, site/admin/config.yml), made from the content schema.

Commune staff edit innovators and news items in a web form at /admin/. The
form must ask exactly what the build checks (content/schema.py), so this module
turns each Schema into one Sveltia "entry collection" and each Field into one
form field: kind -> widget, required, allowed values, length limits, and a
Vietnamese help text. A field added to the schema appears in the app with no
other change (tests/browser/test_admin.py adds one).

Plain functions, no MkDocs: admin/app.py passes the few settings below.

settings = {
    "site_url": "https://…/",        # the published site
    "site_name": "…",                 # shown on the sign-in screen
    "repo": "owner/name" or None,     # the GitHub repository; None = not known yet
    "branch": "main" or None,         # None: the repository's default branch
    "docs_dir": "docs",               # content folder, relative to the repository root
    "photo_folder": "anh",            # originals, under docs_dir (photos.py reads them there)
    "photo_types": ["image/jpeg", …], # what the photo pipeline reads
    "max_bytes": 5000000,             # extra.photos.max_bytes
    "labels": {"showcase.kind.business": "Doanh nghiệp", …},  # interface strings (vi)
    "logo": "/…/assets/favicon.svg",  # absolute path
    "languages": ["vi", "en"],        # the site's languages (mkdocs.yml), the default first
}
"""

from __future__ import annotations

from ..content.schema import SCHEMAS, SLUG_MAX, SLUG_RE, Schema
from ..settings import models
from ..settings.schema import COLOUR, EMAIL, REPO, URL, Field, fields_of, is_model, list_item

# News file names start with the item's date (scripts/new.py does the same).
SLUG_TEMPLATES = {"news": "{{fields.date}}-{{title}}"}
HAS_VALUE = "^(?!null$)."


def config(schemas: list[Schema] | tuple[Schema, ...], settings: dict) -> dict:
    """The whole Sveltia CMS configuration, as a dict to dump as YAML."""
    return {
        "backend": backend(settings),
        "publish_mode": "simple",
        "app_title": f"Biên tập · {settings['site_name']}",
        "site_url": settings["site_url"],
        "logo": {"src": settings["logo"]} if settings.get("logo") else None,
        # Originals go where the photo pipeline reads them (see also the photo field).
        "media_folder": photo_folder(settings),
        "media_libraries": {
            "default": {"config": {
                "max_file_size": settings["max_bytes"],
                # File names without spaces or diacritics, like the content's own.
                "slugify_filename": True,
            }},
            # No stock photo services: only the commune's own, consented photos (and no
            # request to their sites).
            "stock_assets": False,
        },
        "slug": {
            "encoding": "ascii",
            "clean_accents": True,
            "sanitize_replacement": "-",
            "lowercase": True,
            "trim": True,
            "maxlength": SLUG_MAX,
        },
        "i18n": {
            # x.md (Vietnamese) beside x.en.md, as mkdocs-static-i18n's suffix layout reads them.
            "structure": "multiple_files",
            "locales": list(settings["languages"]),
            "default_locale": settings["languages"][0],
            "omit_default_locale_from_file_path": True,
        },
        # An optional field left empty is left out of the file, as scripts/new.py's files do.
        "output": {"omit_empty_optional_fields": True},
        "collections": [collection(schema, settings) for schema in schemas] + yearly_collections(settings),
    }


def photo_folder(settings: dict) -> str:
    return f"{settings.get('docs_dir', 'docs').strip('/')}/{settings.get('photo_folder', 'anh')}"


def backend(settings: dict) -> dict:
    result = {
        "name": "github",
        # Blank until the repository is known: the admin page then says which setting to
        # fill in and does not start the app (overrides/admin.html).
        "repo": settings.get("repo") or "",
        # Sign in with a personal access token: no OAuth server of ours, the site stays static.
        "auth_methods": ["token"],
        "commit_messages": {
            "create": "Thêm {{collection}} “{{slug}}” (qua trang biên tập)",
            "update": "Sửa {{collection}} “{{slug}}” (qua trang biên tập)",
            "delete": "Xóa {{collection}} “{{slug}}” (qua trang biên tập)",
            "uploadMedia": "Thêm ảnh “{{path}}” (qua trang biên tập)",
            "deleteMedia": "Xóa ảnh “{{path}}” (qua trang biên tập)",
        },
    }
    if settings.get("branch"):
        result["branch"] = settings["branch"]
    return result


def collection(schema: Schema, settings: dict) -> dict:
    docs_dir = settings.get("docs_dir", "docs").strip("/")
    label = schema.topic.split(" / ")[0]
    marker = entry_marker(schema)
    return {
        "name": schema.name,
        "label": label,
        "label_singular": label.lower() if schema.name != "innovator" else "gương điển hình",
        "description": (f"Mỗi mục là hai tệp trong {docs_dir}/{schema.section}/: "
                        "tiếng Việt (x.md) và tiếng Anh (x.en.md). Điền đủ cả hai thứ tiếng rồi mới lưu."),
        "folder": f"{docs_dir}/{schema.section}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "i18n": True,
        # The folder also holds ordinary pages (schema.pages: index, de-cu…), which have
        # no such field: they are not entries and must not be edited as entries. (The app
        # tests the pattern against the text "null" when the field is missing.)
        "filter": {"field": marker, "pattern": HAS_VALUE},
        "identifier_field": "title",
        "slug": slug_options(schema),
        **sorting(schema),
        "fields": [field(spec, settings) for spec in schema.fields] + [body_field()],
    }


def sorting(schema: Schema) -> dict:
    """Newest first when entries have a date or a year (news, innovators), as the site lists them."""
    dated = [f.name for f in schema.fields if f.type in ("date", "year")]
    if not dated:
        return {}
    return {"sortable_fields": {"fields": ["title", *dated],
                                "default": {"field": dated[0], "direction": "descending"}}}


def entry_marker(schema: Schema) -> str:
    """A required field every entry has and the section's ordinary pages do not."""
    return next(f.name for f in schema.fields if f.required and f.name not in ("title", "description"))


def slug_options(schema: Schema) -> dict:
    template = SLUG_TEMPLATES.get(schema.name, "{{title}}")
    example = "2025-10-02-xa-phat-dong-hoi-thi" if schema.name == "news" else "hop-tac-xa-rau-sach"
    return {
        "template": template,
        # Chosen when the entry is created; changing it later would change its address.
        "editable": ["create"],
        "hint": (f"Tên tệp và địa chỉ trang: chữ thường không dấu, số, dấu gạch ngang, "
                 f"tối đa {SLUG_MAX} ký tự (ví dụ: {example}). Tự điền từ tiêu đề; "
                 "không đổi được sau khi lưu."),
        "pattern": [SLUG_RE.pattern,
                    "Chỉ dùng chữ thường không dấu (a-z), số và dấu gạch ngang, không bắt đầu hay "
                    "kết thúc bằng dấu gạch ngang"],
    }


def field(spec: Field, settings: dict) -> dict:
    """One form field from one schema field."""
    result: dict = {"name": spec.name, "label": _capitalised(spec.vi)}
    result.update(_widget(spec, settings))
    # A shared value (kind, year, date, photo…) is typed once, in Vietnamese, and copied into
    # the English file: the build requires both files to hold the same value.
    result["i18n"] = "duplicate" if spec.shared else True
    result["required"] = spec.required
    result["hint"] = hint(spec, settings)
    return result


def _widget(spec: Field, settings: dict) -> dict:
    if spec.type == "text":
        low, high = spec.length
        long = spec.name in LONG_TEXTS or (high > 100 and spec.name not in ONE_LINE)
        options: dict = {"widget": "text" if long else "string"}
        if high:
            options.update(minlength=low, maxlength=high)
        return options
    if spec.type == "choice":
        labels = settings.get("labels", {})
        return {"widget": "select", "options": [
            {"label": labels.get(f"showcase.{spec.name}.{value}", value), "value": value}
            for value in spec.choices]}
    if spec.type == "year":
        return {"widget": "number", "value_type": "int", "min": 1945, "step": 1}
    if spec.type == "date":
        # Stored as YYYY-MM-DD, unquoted: YAML then reads it as a date, as the schema wants.
        return {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD"}
    if spec.type == "bool":
        return {"widget": "boolean", "default": False}
    if spec.type == "photo":
        # Front matter keeps the bare file name, as photos.py requires: only a field-level
        # empty public_folder gives that (a global one falls back to the media folder).
        return {"widget": "image", "choose_url": False, "media_folder": f"/{photo_folder(settings)}",
                "public_folder": "", "accept": ",".join(settings.get("photo_types", ()))}
    raise ValueError(f"content schema field {spec.name!r}: no form widget for type {spec.type!r}")


# Texts of several sentences get a multi-line box.
LONG_TEXTS = ("achievement", "recognition", "contact")
# A headline or a name stays on one line, however long it may be.
ONE_LINE = ("title",)


def hint(spec: Field, settings: dict) -> str:
    """The help text under a form field, in Vietnamese: what the build will check."""
    parts = []
    low, high = spec.length
    if high:
        parts.append(f"Từ {low} đến {high} ký tự.")
    if spec.type == "year":
        parts.append("Bốn chữ số, ví dụ 2025, không quá năm nay.")
    if spec.type == "date":
        parts.append("Không chọn ngày ở tương lai: chỉ đăng tin về việc đã diễn ra.")
    if spec.type == "photo":
        parts.append(f"Ảnh JPEG, PNG hoặc WebP, tối đa {_megabytes(settings['max_bytes'])}. "
                     "Trang chỉ đăng các cỡ thu nhỏ, đã xoá thông tin ẩn (GPS, loại máy); ảnh gốc không được đăng. "
                     "Ảnh có người: chỉ dùng khi họ đã đồng ý.")
    if spec.required_with:
        other = _lookup_vi(spec.required_with)
        parts.append(f"Bắt buộc khi có {other}.")
    if spec.name == "contact":
        parts.append("Chỉ ghi khi người được giới thiệu đã đồng ý, và đánh dấu ô đồng ý bên dưới.")
    if spec.name == "example":
        parts.append("Bật cho ví dụ minh hoạ; tắt cho gương điển hình thật.")
    if spec.shared:
        parts.append("Giống nhau ở hai thứ tiếng: chỉ nhập ở bản tiếng Việt, bản tiếng Anh tự chép theo.")
    elif spec.type == "text":
        parts.append("Nhập ở cả hai thứ tiếng.")
    parts.append(f"Tên trường trong tệp: `{spec.name}`.")
    return " ".join(parts)


def body_field() -> dict:
    """The page's text below the front matter (not a schema field: the build renders it as is)."""
    return {"name": "body", "label": "Nội dung", "widget": "markdown", "i18n": True, "required": False,
            "hint": "Nội dung chi tiết của trang, ở cả hai thứ tiếng. Cuối tin ghi nguồn."}


def _lookup_vi(name: str) -> str:
    for schema in SCHEMAS.values():
        for spec in schema.fields:
            if spec.name == name:
                return spec.vi.split(" trong ")[0] if spec.type == "photo" else spec.vi
    return f"`{name}`"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB".replace(".", ",")


# The commune's yearly parts: its settings, each year's edition and plan, the policy pages' reviews ----

# What the app edits of the settings files (data/site.yml is the technical administrator's).
APP_FILES = ("data/commune.yml", "data/nomination.yml", "data/kit/words.yml")
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "Tiếng Anh"}
# Patterns the app checks before saving, as the build does (settings/schema.py).
PATTERNS = {"email": EMAIL, "url": URL, "repo": REPO, "colour": COLOUR, "slug": SLUG_RE,
            # As typed: 0 or +84 and 9 or 10 more digits, spaces, dots and dashes between.
            "phone": r"^(?:0|\+84)(?:[\s.\-]*\d){9,10}$"}


def yearly_collections(settings: dict) -> list[dict]:
    docs_dir = settings.get("docs_dir", "docs").strip("/")
    by_path = {file.path: file for file in models.FILES}
    return [
        {"name": "settings", "label": "Cài đặt của xã",
         "description": "Thông tin của xã, việc giới thiệu gương sáng tạo và lời của bộ tài liệu truyền thông. "
                        "Chỉ điền khi có nguồn chính thức; chưa có thì để trống.",
         "files": [settings_file(by_path[path], settings) for path in APP_FILES]},
        {"name": "edition", "label": "Các năm Ngày hội", "label_singular": "năm",
         "description": "Mỗi năm một tệp data/editions/NĂM.yml: chủ đề, khẩu hiệu, các mốc ngày, triển lãm. "
                        "Năm mới nhất hiện trên trang chủ. Thêm năm mới ở đây, rồi thêm kế hoạch của năm đó.",
         "folder": models.EDITIONS_FOLDER, "extension": "yml", "format": "yaml", "create": True,
         "identifier_field": "year", "slug": "{{fields.year}}",
         "sortable_fields": {"fields": ["year"], "default": {"field": "year", "direction": "descending"}},
         "fields": [setting_field(spec, settings) for spec in fields_of(models.EditionFile)]},
        {"name": "plan", "label": "Kế hoạch từng năm", "label_singular": "kế hoạch",
         "description": (f"Mỗi năm hai tệp trong {docs_dir}/ke-hoach/: NĂM.md (tiếng Việt) và NĂM.en.md (tiếng Anh). "
                         "Dán nguyên văn kế hoạch; chỗ nào chưa có thì giữ {{ blank }}."),
         "folder": f"{docs_dir}/ke-hoach", "extension": "md", "format": "yaml-frontmatter", "i18n": True,
         "create": True, "filter": {"field": "edition", "pattern": HAS_VALUE},
         "identifier_field": "title", "slug": {"template": "{{fields.edition}}", "editable": ["create"]},
         "fields": [page_field(spec, settings) for spec in fields_of(models.PlanPage)
                    if spec.name in PLAN_FIELDS] + [raw_body()]},
        {"name": "policy", "label": "Rà soát trang chính sách",
         "description": "Sau khi đối chiếu một trang chính sách với nguồn, ghi ngày rà soát.",
         "files": [policy_file(docs_dir, name, title) for name, title in settings.get("reviewed_pages", ())]},
    ]


def settings_file(file, settings: dict) -> dict:
    return {"name": file.attribute, "label": file.vi, "file": file.path, "format": "yaml",
            "fields": [setting_field(spec, settings) for spec in fields_of(file.model)]}


def setting_field(spec: Field, settings: dict) -> dict:
    """One form field from one declared setting; a text readers see has a box per language."""
    result: dict = {"name": spec.name, "label": _capitalised(spec.vi), "required": spec.required,
                    "hint": setting_hint(spec)}
    if spec.bilingual:
        item = {**_setting_widget(spec, settings), "required": spec.required}
        result.update(widget="object", fields=[{"name": lang, "label": LANGUAGE_NAMES.get(lang, lang), **item}
                                               for lang in settings["languages"]])
        return result
    result.update(_setting_widget(spec, settings))
    return result


def _setting_widget(spec: Field, settings: dict) -> dict:
    if spec.type == "group":
        return {"widget": "object", "fields": [setting_field(f, settings) for f in fields_of(spec.of)]}
    if spec.type == "list":
        item = list_item(spec)
        if is_model(item):
            return {"widget": "list", "fields": [setting_field(f, settings) for f in fields_of(item)]}
        return {"widget": "list", "field": {**setting_field(item, settings), "name": "item"}}
    if spec.type in ("integer", "year"):
        return {"widget": "number", "value_type": "int", **_limits(spec)}
    if spec.type == "number":
        return {"widget": "number", "value_type": "float", **_limits(spec)}
    if spec.type in PATTERNS:
        pattern = PATTERNS[spec.type]
        return {"widget": "string", "pattern": [getattr(pattern, "pattern", pattern),
                                                 f"Ghi {spec.kind_text[0]}"]}
    if spec.type in ("text", "page", "photo"):
        return {"widget": "text" if spec.long else "string"}
    return _widget(spec, settings)


def _limits(spec: Field) -> dict:
    return {key: value for key, value in (("min", spec.minimum), ("max", spec.maximum)) if value is not None}


def setting_hint(spec: Field) -> str:
    parts = [spec.hint[0]] if spec.hint[0] else []
    if spec.bilingual:
        parts.append("Ghi ở cả hai thứ tiếng.")
    if not spec.required and not spec.hint[0]:
        parts.append("Chưa có nguồn chính thức thì để trống: trang ghi “chưa cập nhật”.")
    if spec.type not in ("text", "group"):
        parts.append(f"Ghi {spec.kind_text[0]}.")
    parts.append(f"Tên trường trong tệp: `{spec.name}`.")
    return " ".join(parts)


# What a plan page's form asks (its review date is not the plan's: the plan is a document as issued).
PLAN_FIELDS = ("edition", "title", "description")
# A page's fields as the app edits them: the same value in both files is typed once.
SHARED_PAGE_FIELDS = ("edition", "reviewed")


def page_field(spec: Field, settings: dict) -> dict:
    result = setting_field(spec, settings)
    result["i18n"] = "duplicate" if spec.name in SHARED_PAGE_FIELDS else True
    return result


# A new year's plan page starts as the status line and a blank, in either language: the pages
# say "chưa cập nhật" until the commune's text replaces the blank (settings/editions.py).
NEW_PLAN_BODY = "{{ edition_status() }}\n\n{{ blank }}\n"


def raw_body() -> dict:
    """A page's text kept as written: a plain box, so that {{ … }} values, <!-- insert: … -->
    markers and tables are saved exactly as they were (a rich-text editor would rewrite them)."""
    return {"name": "body", "label": "Nội dung", "widget": "text", "i18n": True, "required": True,
            "default": NEW_PLAN_BODY,
            "hint": ("Dán nguyên văn kế hoạch vào chỗ {{ blank }}. Giữ nguyên các chữ trong {{ }} "
                     "và các dòng <!-- insert: … -->.")}


def policy_file(docs_dir: str, name: str, title: str) -> dict:
    reviewed = next(f for f in fields_of(models.PlanPage) if f.name == "reviewed")
    return {"name": name.removesuffix(".md").replace("/", "-"), "label": title, "file": f"{docs_dir}/{name}",
            "format": "yaml-frontmatter", "i18n": True,
            # Only the review date is edited here; the page's other front matter and text are kept.
            "fields": [page_field(reviewed, {"languages": ()})]}
