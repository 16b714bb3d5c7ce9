"""CSV export: one row per accepted code, with keyed pseudonyms instead of client and note ids, no text."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from coder.export import ExportRequest, private_output

COLUMNS = (
    "client_pseudonym",
    "note_pseudonym",
    "system",
    "code",
    "display",
    "value",
    "certainty",
    "polarity",
    "temporality",
    "accepted_at",
    "role",
)


def rows(request: ExportRequest) -> Iterator[dict[str, str]]:
    for decision in request.accepted:
        yield {
            "client_pseudonym": request.client_pseudonym(decision),
            "note_pseudonym": request.note_pseudonym(decision),
            "system": decision.system,
            "code": decision.code,
            "display": decision.display,
            "value": decision.value or "",
            "certainty": decision.certainty,
            "polarity": decision.polarity,
            "temporality": decision.temporality,
            "accepted_at": decision.accepted_at,
            "role": decision.accepted_by.role,
        }


def write(request: ExportRequest) -> int:
    count = 0
    with private_output(request.out, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows(request):
            writer.writerow(row)
            count += 1
    return count
