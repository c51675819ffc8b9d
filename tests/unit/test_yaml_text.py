"""YAML read with libyaml (innovation_day/yaml_text.py): the same values as PyYAML's own parser
on every data file and front matter of the project, and PyYAML's own error on a fault."""

from __future__ import annotations

import pytest
import yaml

from innovation_day import yaml_text
from innovation_day.content.entries import YAML_RE
from support.sites import ROOT


def project_yaml() -> list[tuple[str, str]]:
    texts = [(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data").rglob("*.yml"))]
    for page in sorted((ROOT / "docs").rglob("*.md")):
        match = YAML_RE.match(page.read_text(encoding="utf-8"))
        if match:
            texts.append((page.relative_to(ROOT).as_posix(), match.group(1)))
    return texts


def test_every_file_reads_as_pyyaml_reads_it():
    texts = project_yaml()
    assert len(texts) > 20
    for where, text in texts:
        assert yaml_text.load(text) == yaml.load(text, Loader=yaml.SafeLoader), where
        assert yaml_text.load_plain(text) == yaml.load(text, Loader=yaml.BaseLoader), where


@pytest.mark.parametrize("read", [yaml_text.load, yaml_text.load_plain])
def test_a_fault_is_reported_by_pyyamls_own_parser_with_the_line_shown(read):
    with pytest.raises(yaml.YAMLError) as caught:
        read("commune:\n  name: \"Thuận An\n  phone: 1\n")
    # PyYAML's own message quotes the faulty line and marks the place under it.
    assert "^" in str(caught.value) and caught.value.problem_mark.line == 3
