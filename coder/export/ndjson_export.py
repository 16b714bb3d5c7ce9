"""NDJSON export in the FHIR bulk-data layout: a folder with one `<ResourceType>.ndjson` file per resource
type (Condition, Observation, Provenance, AuditEvent), one resource per line, references as `Type/id`.

The folder appears complete or not at all: it is written under a temporary name next to `out` and renamed.
An existing empty folder is replaced; a non-empty one is refused (the rename fails) rather than mixed into.
"""

from __future__ import annotations

import os
import secrets
import shutil
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from coder.export import ExportRequest
from coder.export.fhir_resources import relative_reference, research_resources

CODED_TYPES = ("Condition", "Observation")


def write(request: ExportRequest) -> int:
    """The number of accepted codes written."""
    out = Path(request.out)
    folder = out.with_name(f".{out.name}.{secrets.token_hex(8)}.tmp")
    folder.mkdir(mode=0o700)
    try:
        codes = _write_files(request, folder)
        os.replace(folder, out)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return codes


def _write_files(request: ExportRequest, folder: Path) -> int:
    codes = 0
    with ExitStack() as stack:
        files: dict[str, IO[str]] = {}
        for resource in research_resources(request, relative_reference):
            handle = files.get(resource.resource_type)
            if handle is None:
                handle = stack.enter_context(_private_file(folder / f"{resource.resource_type}.ndjson"))
                files[resource.resource_type] = handle
            handle.write(resource.json())
            handle.write("\n")
            codes += resource.resource_type in CODED_TYPES
        for handle in files.values():
            handle.flush()
            os.fsync(handle.fileno())
    return codes


def _private_file(path: Path) -> IO[str]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n")
