"""`casecoder terminology search TEXT` and `casecoder terminology show CODE`."""

from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "terminology",
        help="search and show the shipped codes",
        description="Search the shipped code systems, or show one code.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    search = actions.add_parser(
        "search",
        help="fuzzy search over codes and labels",
        description="Fuzzy search over codes, Dutch and English labels and definitions.",
    )
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument("--limit", type=int, default=10, help="most results (default 10)")
    search.set_defaults(run=run_search)
    show = actions.add_parser(
        "show",
        help="show one code",
        description="Show one code: CODE (e.g. Z16.01), or SYSTEM:CODE (icpc:, sct:, vp:).",
    )
    show.add_argument("code", metavar="CODE")
    show.set_defaults(run=run_show)
    parser.set_defaults(run=lambda args: (parser.print_help(), 1)[1])


def run_search(args: argparse.Namespace) -> int:
    from terminology.search import search

    hits = search(" ".join(args.text), limit=max(1, args.limit))
    if not hits:
        print("geen codes gevonden")
        return 0
    for hit in hits:
        c = hit.concept
        print(f"{c.short:<32} {c.display}  ({hit.score:.0f})")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from terminology.codesystems import from_short, load_code_systems

    systems = load_code_systems()
    text = args.code.strip()
    concepts = []
    if ":" in text and not text.lower().startswith(("http:", "https:")):
        try:
            system, code, _ = from_short(text)
        except ValueError as err:
            print(f"casecoder terminology show: {err}", file=sys.stderr)
            return 1
        concept = systems.get(system, code)
        concepts = [concept] if concept else []
    else:
        concepts = [c for c in systems.all() if c.code.lower() == text.lower()]
    if not concepts:
        print(
            f"casecoder terminology show: no shipped code {text!r}; try `casecoder terminology search`",
            file=sys.stderr,
        )
        return 1
    for c in concepts:
        print(f"{c.short}\n  systeem: {c.system}\n  label: {c.display}")
        if c.display_en and c.display_en != c.display:
            print(f"  English: {c.display_en}")
        if c.definition:
            print(f"  definitie: {c.definition}")
        parent = systems.parent_of(c.system, c.code)
        if parent:
            print(f"  ouder: {parent.short} {parent.display}")
        children = systems.children_of(c.system, c.code)
        if children:
            print("  kinderen: " + ", ".join(f"{k.code} {k.display}" for k in children))
        print(f"  bron: {c.source}")
    return 0
