"""Errors the store reports as one clear line (the message names the store)."""

from __future__ import annotations


class StoreError(Exception):
    """Anything that keeps the store from opening or from doing what was asked."""


class StoreMissing(StoreError):
    """The store does not exist and was not to be created (e.g. `export` on a wrong path)."""


class NotAStore(StoreError):
    """The target exists but is not a casecoder store."""


class SchemaTooNew(StoreError):
    """The store was written by a newer casecoder; this one will not touch it."""


class DecisionNotFound(StoreError, KeyError):
    """No decision has this id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "decision not found"
