"""casecoder engine: notes in, explained suggestions out, accepted decisions stored, exports.

Data flows one way: readers -> engine (matching, context, codebook) -> decision -> store -> export.
Nothing in this package imports from `tui`.
"""

__version__ = "0.1.0"
