"""Table tests: one function and rows of (given, expected), one test case a row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest


def table(fn: Callable[[Any], Any], rows: Sequence[tuple[Any, Any]]) -> Callable[..., None]:
    """A test that ``fn(given) == expected`` for every row; bind it to a ``test_`` name."""

    @pytest.mark.parametrize(("given", "expected"), rows)
    def test(given: Any, expected: Any) -> None:
        assert fn(given) == expected

    return test
