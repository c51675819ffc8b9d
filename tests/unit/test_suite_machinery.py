"""The test suite's own machinery: what makes `make test` fast must keep working."""

from __future__ import annotations

import pytest


@pytest.mark.xdist_group("suite-self-check")
def test_xdist_groups_reach_the_scheduler(request):
    # --dist loadgroup sends a group to one worker only if "@group" ends the node id
    # (pytest-xdist does it where pytest is below 9: requirements-dev.in says why).
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("only under pytest -n … --dist loadgroup")
    assert request.node.nodeid.endswith("@suite-self-check")
