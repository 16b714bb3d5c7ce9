"""Shared fixtures for the engine and command-line tests: one Engine for the whole session (building one
imports spaCy and compiles the terminology, ~1-2 s)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coder.model import Analysis, Note


@pytest.fixture(scope="session")
def engine():
    from coder.engine import Engine

    return Engine()


@pytest.fixture(scope="session")
def analyse(engine) -> Callable[[str], Analysis]:
    """Text in, Analysis out (the note id is "n")."""

    def run(text: str) -> Analysis:
        return engine.analyse(Note(id="n", text=text))

    return run
