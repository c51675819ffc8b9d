"""Fail the build early when a site setting in mkdocs.yml is missing or wrong.

The dates, theme, slogan and site address live once in mkdocs.yml; every page,
template and generated file reads them from there, so a bad value would spread
silently. Checked once per language build (cheap).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import urlsplit

from build_errors import BuildErrors

LANGUAGES = ("vi", "en")
BILINGUAL_TEXTS = ("edition.name", "edition.theme", "edition.slogan", "commune.name")
DATES = ("edition.day",)
PERIODS = ("edition.response", "edition.expo")


def _lookup(extra: dict, dotted: str):
    value = extra
    for key in dotted.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def check_settings(config) -> None:
    errors = BuildErrors("mkdocs.yml")
    url = config.site_url or ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or not url.endswith("/"):
        errors.add(
            "mkdocs.yml", "site_url",
            f"phải là địa chỉ đầy đủ, kết thúc bằng '/' (hiện là {url!r})",
            f"must be a full address ending in '/' (now {url!r})",
        )
    extra = config.extra
    for key in BILINGUAL_TEXTS:
        value = _lookup(extra, key)
        for lang in LANGUAGES:
            text = value.get(lang) if isinstance(value, Mapping) else None
            if not isinstance(text, str) or not text.strip():
                errors.add("mkdocs.yml", f"extra.{key}.{lang}", "thiếu nội dung", "missing text")
    for key in DATES:
        if not isinstance(_lookup(extra, key), dt.date):
            errors.add("mkdocs.yml", f"extra.{key}", "thiếu hoặc không phải ngày (YYYY-MM-DD)",
                       "missing or not a date (YYYY-MM-DD)")
    for key in PERIODS:
        start, end = _lookup(extra, f"{key}.start"), _lookup(extra, f"{key}.end")
        if not isinstance(start, dt.date) or not isinstance(end, dt.date):
            errors.add("mkdocs.yml", f"extra.{key}.start/end", "thiếu hoặc không phải ngày (YYYY-MM-DD)",
                       "missing or not a date (YYYY-MM-DD)")
        elif start > end:
            errors.add("mkdocs.yml", f"extra.{key}", "ngày bắt đầu sau ngày kết thúc",
                       "the start date is after the end date")
    errors.raise_if_any()


# Hooks ----------------------------------------------------------------------

def on_config(config):
    check_settings(config)
    return config
