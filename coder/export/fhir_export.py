"""FHIR export: one R4B Bundle (type collection) of the accepted codes, their Provenance and the export's
AuditEvent, validated with fhir.resources before it is written."""

from __future__ import annotations

from coder.export import ExportRequest, private_output
from coder.export.fhir_resources import SDV_LABEL, build, bundle_reference, research_resources, resource_id


def write(request: ExportRequest) -> int:
    """The number of accepted codes written (the Bundle also holds their Provenance and an AuditEvent)."""
    resources = list(research_resources(request, bundle_reference))
    bundle = build(
        {
            "resourceType": "Bundle",
            "id": resource_id(request, "bundle", f"{request.exported_by}\x00{request.exported_at}"),
            "meta": {"security": [SDV_LABEL]},
            "type": "collection",
            "timestamp": request.exported_at,
            "entry": [
                {"fullUrl": bundle_reference(r.resource_type, r.id), "resource": r.model} for r in resources
            ],
        }
    )
    with private_output(request.out) as handle:
        handle.write(bundle.json())
        handle.write("\n")
    return sum(1 for r in resources if r.resource_type in ("Condition", "Observation"))
