"""Shared fixtures for the paper converter tests.

`pytest --update-golden` (or MINUTES_UPDATE_GOLDEN=1) rewrites the golden files in
tests/fixtures/golden/ instead of comparing against them; never done silently.
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def update_golden(request) -> bool:
    return (
        bool(request.config.getoption("--update-golden", default=False))
        or os.environ.get("MINUTES_UPDATE_GOLDEN") == "1"
    )
