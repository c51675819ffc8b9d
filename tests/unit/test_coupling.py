"""The guard on Material and mkdocs-static-i18n: tested versions only, and no patch on the
theme's output that silently stops working (innovation_day/coupling.py)."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

import pytest

from innovation_day import coupling
from innovation_day.coupling import CHECKLIST, TESTED, AnchorMissing, I18n, check_versions
from innovation_day.errors import BuildError
from innovation_day.output import bundle, csp, html_fixes, stylesheet

from support.sites import ROOT  # noqa: E402
MATERIAL_TEMPLATES = Path(metadata.distribution("mkdocs-material").locate_file("material/templates"))


def test_the_installed_versions_are_the_tested_ones():
    check_versions()  # what every build runs first
    assert coupling.untested() == []


@pytest.mark.parametrize("package", sorted(TESTED))
def test_an_untested_version_is_refused_pointing_to_the_checklist(package):
    def version(name):
        return "99.0.0" if name == package else metadata.version(name)

    with pytest.raises(BuildError) as refused:
        check_versions(version)
    message = str(refused.value)
    assert f"{package} › 99.0.0" in message
    assert message.count(CHECKLIST) == 2, "named in both languages"
    assert "chưa được kiểm thử" in message and "not tested" in message
    for other in set(TESTED) - {package}:
        assert other not in message


def test_a_missing_package_is_refused():
    def version(name):
        raise metadata.PackageNotFoundError(name)

    with pytest.raises(BuildError) as refused:
        check_versions(version)
    assert all(package in str(refused.value) for package in TESTED)


def test_the_checklist_names_each_guarded_package_and_what_to_rerun():
    text = (ROOT / CHECKLIST).read_text(encoding="utf-8")
    for package in TESTED:
        assert package in text
    for rerun in ("make test", "make audit", "compare_sites.py", "coupling.py"):
        assert rerun in text


def test_every_coupling_names_a_file_that_exists():
    for item in coupling.COUPLINGS:
        first = item.where.split(",")[0].split(" ")[0]
        assert (ROOT / first).exists(), item


# Anchors: each patch on the theme's output fails the build, naming itself, when its anchor is gone.

def material_page() -> str:
    """A head and body as Material's templates write them (read from the installed package)."""
    base = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert 'type="checkbox"' in base and 'autocomplete="off"' in base
    return ('<html><head><meta charset="utf-8"><script>var a=1</script></head><body>'
            '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<label class="md-nav__link" for="x" tabindex="">A</label>'
            '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
            '<label class="md-nav__title" for="__toc">B</label></body></html>')


def test_the_csp_goes_after_the_charset():
    html = csp.add_policy(material_page())
    assert '<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy"' in html
    assert "'sha256-" in html


def test_a_page_without_the_csp_anchor_fails_naming_the_csp_insertion_and_the_page():
    with pytest.raises(AnchorMissing) as missing:
        csp.add_policy(material_page().replace('<meta charset="utf-8">', '<meta charset="UTF-8">'), (), "docs/x.md")
    assert "docs/x.md › CSP insertion" in str(missing.value) and CHECKLIST in str(missing.value)


def test_html_fixes_fix_material_markup_and_pass_their_check():
    fixes = html_fixes.Fixes()
    html = fixes.fix(material_page())
    assert 'autocomplete="off"' not in html and 'tabindex=""' not in html
    assert 'for="__toc"' in html and 'id="__toc"' in html, "a table of contents keeps its toggle"
    fixes.check()
    without_toc = html_fixes.Fixes().fix(material_page().replace(' id="__toc"', ' id="__other"'))
    assert 'for="__toc"' not in without_toc, "no label points at a missing toggle"
    no_label = html_fixes.Fixes().fix(material_page().replace('<label class="md-nav__title" for="__toc">B</label>', ""))
    assert 'id="__toc"' not in no_label, "no toggle without a label"


@pytest.mark.parametrize("name, anchor", [
    ("checkbox autocomplete", ' autocomplete="off"'),
    ("empty tabindex", ' tabindex=""'),
    ("table of contents label", ' for="__toc"'),
    ("table of contents toggle", ' id="__toc"'),
])
def test_an_html_fix_whose_anchor_is_on_no_page_fails_naming_itself(name, anchor):
    fixes = html_fixes.Fixes()
    fixes.fix(material_page().replace(anchor, ""))
    fixes.fix(material_page().replace(anchor, ""))
    with pytest.raises(AnchorMissing) as missing:
        fixes.check()
    assert f"html_fixes.py › {name}:" in str(missing.value)


def test_a_bundle_patch_whose_string_is_gone_fails_naming_itself(tmp_path):
    name, old, _ = bundle.PATCHES[1]
    code = "".join(patch[1] for patch in bundle.PATCHES)
    assert all(new in bundle.patch(code, tmp_path / "bundle.x.min.js") for _, _, new in bundle.PATCHES)
    with pytest.raises(AnchorMissing) as missing:
        bundle.patch(code.replace(old, ""), tmp_path / "bundle.x.min.js")
    assert f"› {name}:" in str(missing.value)


def test_a_site_without_materials_bundle_or_stylesheet_fails_naming_the_step(tmp_path):
    with pytest.raises(AnchorMissing, match="bundle patches"):
        bundle.patch_site(tmp_path, {})
    with pytest.raises(AnchorMissing, match="stylesheet trimming"):
        stylesheet.trim(tmp_path)


# mkdocs-static-i18n, through its one wrapper.

def test_the_i18n_wrapper_gives_a_generated_page_what_the_plugin_gives_its_own():
    plugin = SimpleNamespace(building=True, i18n_files_per_language={"vi": [], "en": []})
    i18n = I18n(SimpleNamespace(plugins={"i18n": plugin}))
    file = SimpleNamespace()
    i18n.add_page(file, "en", "tin-tuc/trang-2/", {"vi": "", "en": "en/"})
    assert i18n.building and plugin.i18n_files_per_language["en"] == [file]
    assert I18n.locale(file) == "en" and file.locale_alternate_of == "tin-tuc/trang-2/"
    assert {code: twin.url for code, twin in I18n.alternates(file).items()} == {
        "vi": "tin-tuc/trang-2/", "en": "en/tin-tuc/trang-2/"}
    assert not I18n(SimpleNamespace(plugins={})).building
    assert I18n.alternates(SimpleNamespace()) == {} and I18n.locale(SimpleNamespace()) is None


def test_dependabot_groups_the_guarded_packages_and_proposes_no_minor_or_major_release():
    import yaml

    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    pip = next(update for update in config["updates"] if update["package-ecosystem"] == "pip")
    grouped = [set(group["patterns"]) for group in pip["groups"].values()]
    assert any(set(TESTED) <= patterns for patterns in grouped), "one group for the theme and i18n"
    ignored = {entry["dependency-name"]: set(entry["update-types"]) for entry in pip["ignore"]}
    for package in TESTED:
        assert {"version-update:semver-major", "version-update:semver-minor"} <= ignored[package]
