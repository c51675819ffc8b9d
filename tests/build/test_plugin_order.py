"""The build's order is set by event priorities, not by the order of `plugins:` in mkdocs.yml.

The package's plugins listed in reverse must build the same site, byte for byte apart from
the build's date (scripts/compare_sites.py, which CI also runs to compare ProperDocs' build).
"""

import subprocess
import sys

from support.sites import ROOT  # noqa: E402

COMPARE = ROOT / "scripts" / "compare_sites.py"


def test_plugins_listed_in_reverse_build_the_same_site(built_site, reordered_site):
    result = subprocess.run([sys.executable, str(COMPARE), str(built_site), str(reordered_site)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
