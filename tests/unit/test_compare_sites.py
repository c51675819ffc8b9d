"""scripts/compare_sites.py: two builds are the same apart from when they were made."""

from __future__ import annotations

import gzip

from scripts import compare_sites


def site(folder, built: str, clock: str, words: str = "Kế hoạch"):
    folder.mkdir()
    (folder / "sitemap.xml").write_text(f"<url><lastmod>{built}</lastmod></url>", encoding="utf-8")
    (folder / "sitemap.xml.gz").write_bytes(gzip.compress(f"<lastmod>{built}</lastmod>".encode(), mtime=0))
    (folder / "index.html").write_text(f'<p data-built="{built}">{words}</p>', encoding="utf-8")
    (folder / "lich.ics").write_text(f"DTSTAMP:{built.replace('-', '')}T{clock}Z\n", encoding="utf-8")
    # As fpdf2 writes them: no space before the value.
    (folder / "bang-ron.pdf").write_bytes(
        f"/CreationDate(D:{built.replace('-', '')}{clock}Z)/ID[<{clock}AB><{clock}CD>]".encode())
    return folder


def test_builds_of_two_days_are_the_same_apart_from_their_dates(tmp_path):
    a = site(tmp_path / "a", "2026-12-06", "235745")
    b = site(tmp_path / "b", "2026-12-07", "000102")
    assert compare_sites.differences(a, b) == []


def test_a_changed_word_is_a_difference(tmp_path):
    a = site(tmp_path / "a", "2026-12-06", "235745")
    b = site(tmp_path / "b", "2026-12-06", "235745", words="Kế hoạch năm")
    assert compare_sites.differences(a, b) == ["differs: index.html"]
