"""FHIR R4B resources for a research export: one Condition (or safety-plan Observation) and one Provenance per
accepted code, and one AuditEvent for the export itself. Shared by the `fhir` (Bundle) and `ndjson` formats.

What goes in: codes, qualifiers, keyed pseudonyms, evidence offsets, registration numbers, times and versions.
What never goes in: client or note ids, names of the people who accepted codes, note text, the key.
Resource ids are derived from the decision id with the pseudonym key, so one key gives stable ids across
exports and the store's own decision ids stay in the store.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir_core.fhirabstractmodel import FHIRAbstractModel

from coder import __version__
from coder.decision import Decision, Reviewer
from coder.export import ExportRequest
from coder.pseudonym import pseudonym

Json = dict[str, Any]
Reference = Callable[[str, str], str]  # (resource type, id) -> the reference string used in this format

CASECODER = "https://w3id.org/casecoder"
CLIENT_PSEUDONYM_SYSTEM = f"{CASECODER}/NamingSystem/client-pseudonym"
NOTE_PSEUDONYM_SYSTEM = f"{CASECODER}/NamingSystem/note-pseudonym"
EXPORT_ID_SYSTEM = f"{CASECODER}/NamingSystem/export"
EXTENSION = f"{CASECODER}/StructureDefinition"
BIG_SYSTEM = "http://fhir.nl/fhir/NamingSystem/big"

DERIVATION_REFERENCE = "http://hl7.org/fhir/StructureDefinition/derivation-reference"
VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
SNOMED = "http://snomed.info/sct"
YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136"
DICOM = "http://dicom.nema.org/resources/ontology/DCM"

SDV_LABEL: Json = {
    "system": ACT_CODE,
    "code": "SDV",
    "display": "sexual assault, abuse, or domestic violence information sensitivity",
}
HRESCH: Json = {"system": ACT_REASON, "code": "HRESCH", "display": "healthcare research"}

# Nictiz VerificatieStatus ConceptMap (codes.md): FHIR status and the SNOMED certainty qualifier, if any.
_VERIFICATION: dict[str, tuple[str, tuple[str, str] | None]] = {
    "feit": ("confirmed", ("410605003", "Confirmed present")),
    "vermoeden": ("provisional", ("415684004", "Suspected")),
    "mening": ("unconfirmed", None),
    "absent": ("refuted", ("410516002", "Known absent")),
}
_CLINICAL = {"current": "active", "historical": "resolved"}  # future/hypothetical: no clinical status
_YES_NO = {"ja": ("Y", "Yes"), "nee": ("N", "No")}
_AGENT_TYPE = {"professional": "author", "registratie": "verifier"}


def certainty_key(decision: Decision) -> str:
    """feit, vermoeden or mening; "absent" when the note says the finding is not there."""
    return "absent" if decision.polarity == "absent" else decision.certainty


def verification_status(decision: Decision) -> tuple[str, tuple[str, str] | None]:
    """The FHIR condition-ver-status code and the SNOMED (code, display) certainty qualifier or None."""
    return _VERIFICATION[certainty_key(decision)]


def bundle_reference(resource_type: str, resource_id: str) -> str:
    return f"urn:uuid:{resource_id}"


def relative_reference(resource_type: str, resource_id: str) -> str:
    return f"{resource_type}/{resource_id}"


@dataclass(frozen=True)
class Built:
    """A validated resource and the JSON it serialises to."""

    resource_type: str
    id: str
    model: FHIRAbstractModel

    def json(self) -> str:
        return self.model.model_dump_json(exclude_none=True)


def build(resource: Json) -> Built:
    """Validate a resource dict with fhir.resources R4B (raises pydantic's ValidationError when invalid)."""
    model = get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    return Built(resource["resourceType"], resource["id"], model)


def resource_id(request: ExportRequest, kind: str, value: str) -> str:
    digest = hmac.new(request.key, f"fhir-{kind}\x00{value}".encode(), hashlib.sha256).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def research_resources(request: ExportRequest, reference: Reference) -> Iterator[Built]:
    """Per accepted decision its coded resource then its Provenance; last the AuditEvent of this export."""
    codes = 0
    for decision in request.accepted:
        coded = build(coded_resource(request, decision))
        yield coded
        yield build(provenance(request, decision, coded, reference))
        codes += 1
    yield build(export_audit_event(request, codes, reference))


def coded_resource(request: ExportRequest, decision: Decision) -> Json:
    return observation(request, decision) if decision.value is not None else condition(request, decision)


def condition(request: ExportRequest, decision: Decision) -> Json:
    status, qualifier = verification_status(decision)
    codings = [{"system": VER_STATUS, "code": status}]
    if qualifier is not None:
        codings.append({"system": SNOMED, "code": qualifier[0], "display": qualifier[1]})
    resource: Json = {
        "resourceType": "Condition",
        "id": resource_id(request, "coded", decision.id),
        "meta": {"security": [SDV_LABEL]},
        "extension": [*_evidence_extensions(request, decision), *_qualifier_extensions(decision)],
        "verificationStatus": {"coding": codings, "text": certainty_key(decision)},
        "code": _code(decision),
        "subject": _subject(request, decision),
        "recordedDate": decision.accepted_at,
    }
    clinical = _CLINICAL.get(decision.temporality)
    if clinical is not None and status != "refuted":
        resource["clinicalStatus"] = {"coding": [{"system": CLINICAL, "code": clinical}]}
    return resource


def observation(request: ExportRequest, decision: Decision) -> Json:
    """The safety plan ("is er een veiligheidsplan aanwezig, ja/nee") as an Observation, value yes/no."""
    value = decision.value or ""
    answer: Json = {"text": value}
    if value in _YES_NO:
        answer["coding"] = [{"system": YES_NO, "code": _YES_NO[value][0], "display": _YES_NO[value][1]}]
    return {
        "resourceType": "Observation",
        "id": resource_id(request, "coded", decision.id),
        "meta": {"security": [SDV_LABEL]},
        "extension": [*_evidence_extensions(request, decision), *_qualifier_extensions(decision)],
        "status": "final",
        "code": _code(decision),
        "subject": _subject(request, decision),
        "issued": decision.accepted_at,
        "valueCodeableConcept": answer,
    }


def provenance(request: ExportRequest, decision: Decision, target: Built, reference: Reference) -> Json:
    """Who accepted the code (registration number and role, never the name), when, with which engine."""
    reviewer = decision.accepted_by
    return {
        "resourceType": "Provenance",
        "id": resource_id(request, "provenance", decision.id),
        "meta": {"security": [SDV_LABEL]},
        "extension": [
            {"url": f"{EXTENSION}/engine-version", "valueString": decision.engine_version},
            {"url": f"{EXTENSION}/rule", "valueString": decision.rule},
        ],
        "target": [{"reference": reference(target.resource_type, target.id)}],
        "recorded": decision.accepted_at,
        "agent": [
            {
                "type": {"coding": [{"system": PARTICIPANT_TYPE, "code": _AGENT_TYPE[reviewer.role]}]},
                "role": [{"text": reviewer.role}],
                "who": _reviewer_reference(request, reviewer),
            }
        ],
        "entity": [
            {
                "role": "source",
                "what": _note_reference(request, decision),
            },
            {
                "role": "derivation",
                "what": {"display": f"casecoder engine {decision.engine_version}"},
            },
        ],
    }


def export_audit_event(request: ExportRequest, codes: int, reference: Reference) -> Json:
    """The export itself: who, when, for research (HRESCH), how many codes and resources."""
    resources = codes * 2 + 1  # a coded resource and a Provenance per code, and this AuditEvent
    return {
        "resourceType": "AuditEvent",
        "id": resource_id(request, "audit", f"{request.exported_by}\x00{request.exported_at}"),
        "meta": {"security": [SDV_LABEL]},
        "type": {"system": DICOM, "code": "110106", "display": "Export"},
        "action": "R",
        "recorded": request.exported_at,
        "outcome": "0",
        "purposeOfEvent": [{"coding": [HRESCH]}],
        "agent": [
            {
                "who": {"display": request.exported_by},
                "requestor": True,
                "purposeOfUse": [{"coding": [HRESCH]}],
            }
        ],
        "source": {"observer": {"display": f"casecoder {__version__}"}},
        "entity": [
            {
                "description": "research export of accepted codes (pseudonymised, no free text)",
                "detail": [
                    {"type": "codes", "valueString": str(codes)},
                    {"type": "resources", "valueString": str(resources)},
                ],
            }
        ],
    }


def _code(decision: Decision) -> Json:
    return {
        "coding": [{"system": decision.system, "code": decision.code, "display": decision.display}],
        "text": decision.display,
    }


def _subject(request: ExportRequest, decision: Decision) -> Json:
    client = request.client_pseudonym(decision)
    if not client:
        return {"type": "Patient", "display": "client unknown"}
    return {"type": "Patient", "identifier": {"system": CLIENT_PSEUDONYM_SYSTEM, "value": client}}


def _note_reference(request: ExportRequest, decision: Decision) -> Json:
    return {
        "type": "DocumentReference",
        "identifier": {"system": NOTE_PSEUDONYM_SYSTEM, "value": request.note_pseudonym(decision)},
    }


def _evidence_extensions(request: ExportRequest, decision: Decision) -> list[Json]:
    """Where in the note the evidence is: note pseudonym, offset and length in characters. Never the words."""
    return [
        {
            "url": DERIVATION_REFERENCE,
            "extension": [
                {"url": "reference", "valueReference": _note_reference(request, decision)},
                {"url": "offset", "valueInteger": span.start},
                {"url": "length", "valueInteger": span.end - span.start},
            ],
        }
        for span in decision.evidence
    ]


def _qualifier_extensions(decision: Decision) -> list[Json]:
    """The note's own qualifiers as the engine and reviewer kept them (mening keeps its source here)."""
    return [
        {"url": f"{EXTENSION}/{name}", "valueCode": value}
        for name, value in (
            ("certainty", decision.certainty),
            ("polarity", decision.polarity),
            ("temporality", decision.temporality),
            ("experiencer", decision.experiencer),
            ("source", decision.source),
        )
    ]


def _reviewer_reference(request: ExportRequest, reviewer: Reviewer) -> Json:
    """By registration number (SKJ, BIG...); without one, by a keyed pseudonym of the person."""
    if reviewer.registration is None:
        return {
            "type": "Practitioner",
            "identifier": {
                "system": f"{CASECODER}/NamingSystem/reviewer-pseudonym",
                "value": _reviewer_pseudonym(request, reviewer),
            },
        }
    register, number = reviewer.registration.split(":", 1)
    register = register.lower()
    system = BIG_SYSTEM if register == "big" else f"{CASECODER}/NamingSystem/{register}"
    return {
        "type": "Practitioner",
        "identifier": {"system": system, "value": number, "type": {"text": register.upper()}},
    }


def _reviewer_pseudonym(request: ExportRequest, reviewer: Reviewer) -> str:
    return pseudonym(request.key, "reviewer", reviewer.name)
