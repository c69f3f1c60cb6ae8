"""Shared fixtures. Tests that need ``../shared`` (seeds, bench data) skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

pytest.register_assert_rewrite("tests.helpers")  # their asserts explain a failure too

# The one Hypothesis profile: no per-example deadline (a wall-clock limit fails on a busy
# machine, not on a bug), and a slow data generator is not an error. Tests choose their own
# numbers of examples; everything else comes from here.
settings.register_profile("wiredesk", deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("wiredesk")

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture
def ws_dir(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture(autouse=True)
def _no_frozen_loads_between_tests():
    """A command run in-process sets the command line's "freeze after loads"; the next test
    (an app, say) must start as a fresh process would."""
    yield
    from tui.core import gcpause

    gcpause._freeze = False
