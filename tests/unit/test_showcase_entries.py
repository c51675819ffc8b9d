"""The innovators' entries as the build checks them: the published site lists no
illustrative example, the model entries are labelled examples and invent nothing, every
interface key exists in both languages, and a broken entry is named by file and field, in
both languages (the checks the build runs first, as functions; that the build stops on them:
tests/build/test_showcase_cards.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from support.showcase import ENTRY, entries
from support.sites import ROOT, add_model_innovators, assert_one_problem, edit, make_site_copy

from innovation_day.content.schema import FIELDS, KINDS


def test_the_published_site_lists_no_illustrative_example():
    published = entries(ROOT / "docs" / "guong-sang-tao")
    assert not [slug for slug, meta in published.items() if meta["vi"]["example"] is True]


def test_the_model_entries_are_labelled_examples_and_invent_nothing():
    items = entries()
    examples = [slug for slug, meta in items.items() if meta["vi"]["example"] is True]
    assert 2 <= len(examples) <= 3
    for slug in examples:
        assert slug.endswith("-vi-du"), slug
        for lang, meta in items[slug].items():
            assert "contact" not in meta, slug
            assert re.search(r"\((ví dụ|example)\)", meta["title"]), meta["title"]
            assert not re.search(r"\d{3}[ .]?\d{3}[ .]?\d{3,4}", yaml.safe_dump(meta)), "a phone-like number"


def test_every_interface_key_exists_in_both_tables():
    package = ROOT / "innovation_day"
    used = set()
    for path in [*package.rglob("*.html"), *package.rglob("*.py"), *package.rglob("*.xml"), *package.rglob("*.md")]:
        used |= set(re.findall(r"""\bt\(["']((?:showcase|news|kit|glossary|status)\.[a-z_.]+)["']""",
                               path.read_text(encoding="utf-8")))
    used |= {f"showcase.kind.{k}" for k in KINDS} | {f"showcase.field.{f}" for f in FIELDS}
    assert len(used) > 40, used
    for lang in ("vi", "en"):
        table = yaml.safe_load((ROOT / f"data/strings/{lang}.yml").read_text(encoding="utf-8"))["site"]
        missing = {key for key in used if key not in table and not key.endswith(".")
                   and not (lang == "vi" and key == "glossary.default")}
        assert not missing, (lang, missing)


@pytest.mark.parametrize("breaking, where, vi, en", [
    (lambda r: edit(r / f"{ENTRY}.md", "kind: cooperative\n", ""),
     f"{ENTRY}.md › kind", "thiếu loại", "missing the kind"),
    (lambda r: edit(r / f"{ENTRY}.en.md", "area: Example village (illustrative)\n", "area: ''\n"),
     f"{ENTRY}.en.md › area", "thiếu thôn hoặc tổ dân phố", "missing the village or residential group"),
    (lambda r: (edit(r / f"{ENTRY}.md", "kind: cooperative", "kind: hop-tac-xa"),
                edit(r / f"{ENTRY}.en.md", "kind: cooperative", "kind: hop-tac-xa")),
     f"{ENTRY}.md › kind", "giá trị không hợp lệ 'hop-tac-xa'; chọn một trong: business, cooperative",
     "unknown value 'hop-tac-xa'; use one of: business, cooperative"),
    (lambda r: edit(r / f"{ENTRY}.md", "year: 2025", "year: năm nay"),
     f"{ENTRY}.md › year", "không phải năm hợp lệ", "not a valid year"),
    (lambda r: edit(r / f"{ENTRY}.en.md", "field: agriculture", "field: education"),
     f"{ENTRY}.en.md › field", "khác với tệp tiếng Việt", "differs from the Vietnamese file"),
    (lambda r: edit(r / f"{ENTRY}.md", "example: true", "example: yes please"),
     f"{ENTRY}.md › example", "phải là true hoặc false", "must be true or false"),
    (lambda r: edit(r / f"{ENTRY}.md", "kind: cooperative", "kinds: cooperative\nkind: cooperative"),
     f"{ENTRY}.md › kinds", "trường lạ", "unknown field"),
    (lambda r: edit(r / f"{ENTRY}.md", "example: true", "example: true\ncontact: \"Hộp thư ví dụ\""),
     f"{ENTRY}.md › contact", "chỉ đăng thông tin liên hệ khi người được giới thiệu đã đồng ý",
     "a contact is published only with consent"),
    (lambda r: (r / f"{ENTRY}.en.md").unlink(),
     f"{ENTRY}.md › twin", "thiếu trang song ngữ", "the other-language twin"),
    (lambda r: [(r / f"{ENTRY}/").mkdir(),
                (r / f"{ENTRY}/index.md").write_bytes((r / f"{ENTRY}.md").read_bytes()),
                (r / f"{ENTRY}/index.en.md").write_bytes((r / f"{ENTRY}.en.md").read_bytes())],
     f"{ENTRY}/index.md › slug", "trùng địa chỉ (slug) với docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du.md",
     "same address (slug) as docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du.md"),
    (lambda r: [(r / "docs/guong-sang-tao/Hợp-tác-xã.md").write_bytes((r / f"{ENTRY}.md").read_bytes()),
                (r / "docs/guong-sang-tao/Hợp-tác-xã.en.md").write_bytes((r / f"{ENTRY}.en.md").read_bytes())],
     "docs/guong-sang-tao/Hợp-tác-xã.md › slug", "tên tệp chỉ được dùng chữ thường không dấu",
     "lower-case letters without diacritics"),
    (lambda r: edit(r / f"{ENTRY}.md", "title: Hợp tác xã rau sạch (ví dụ)", "title: [Hợp tác xã"),
     f"{ENTRY}.md › front matter", "không đọc được phần thông tin đầu trang", "cannot read the front matter"),
], ids=["missing-field", "empty-field-en", "unknown-kind", "bad-year", "twin-differs", "bad-flag",
        "unknown-field", "contact-without-consent", "missing-twin", "duplicate-slug", "slug-with-diacritics",
        "broken-front-matter"])
def test_a_broken_innovator_fails_the_build_naming_file_and_field(tmp_path, breaking, where, vi, en):
    # The checks the build runs first, called as functions (one build each was most of this
    # file's time); that the build stops on them is the next test.
    repo = make_site_copy(tmp_path)
    add_model_innovators(repo)
    breaking(repo)
    assert_one_problem(repo, where, vi, en)
