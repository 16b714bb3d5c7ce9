"""One clinlp measurement, run by run.py with the interpreter of benchmarks/.venv-clinlp (never casecoder's).

    python measure_clinlp.py NOTES.jsonl PHRASES.json

The pipeline is clinlp's own: normalizer, sentencizer, rule-based entity matcher with the phrases of
casecoder's vocabulary (PHRASES.json: {concept: [phrase, ...]}), fuzzy with one edit for words of 7 letters or
more (as casecoder's vocabulary matches typos), and the context algorithm with its default Dutch rules. Prints
one JSON object: load_s (imports and pipeline until ready), process_s (every note through nlp.pipe, each
entity with its qualifiers written as a jsonl line to /dev/null), notes, entities. Single process.
"""

from __future__ import annotations

import json
import os
import sys
import time

FUZZY_EDITS = 1
FUZZY_MIN_LEN = 7


def main() -> int:
    notes_path, phrases_path = sys.argv[1:3]
    with open(notes_path, encoding="utf-8") as lines:
        notes = [json.loads(line) for line in lines if line.strip()]
    with open(phrases_path, encoding="utf-8") as file:
        phrases_by_concept = json.load(file)

    started = time.perf_counter()
    import clinlp  # noqa: F401  (registers the clinlp language and components)
    import spacy
    from clinlp.ie.qualifier.qualifier import get_qualifiers

    nlp = spacy.blank("clinlp")
    normalizer = nlp.add_pipe("clinlp_normalizer")
    nlp.add_pipe("clinlp_sentencizer")
    matcher = nlp.add_pipe(
        "clinlp_rule_based_entity_matcher",
        config={"attr": "NORM", "fuzzy": FUZZY_EDITS, "fuzzy_min_len": FUZZY_MIN_LEN},
    )
    # Fuzzy terms are matched token by token on NORM, so give the matcher phrases in normalised form.
    normalised = {c: [normalizer.normalize(p) for p in ps] for c, ps in phrases_by_concept.items()}
    matcher.add_terms_from_dict(normalised)
    nlp.add_pipe("clinlp_context_algorithm", config={"phrase_matcher_attr": "NORM"})
    loaded = time.perf_counter()
    cpu_before = time.process_time()

    entities = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for note, doc in zip(notes, nlp.pipe(note["text"] for note in notes), strict=True):
            found = [
                {
                    "concept": ent.label_,
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "text": ent.text,
                    "qualifiers": sorted(str(q) for q in (get_qualifiers(ent) or ())),
                }
                for ent in doc.spans.get("ents", ())
            ]
            entities += len(found)
            sink.write(json.dumps({"note_id": note["id"], "entities": found}, ensure_ascii=False) + "\n")
    finished = time.perf_counter()
    cpu = time.process_time() - cpu_before

    json.dump(
        {
            "load_s": loaded - started,
            "process_s": finished - loaded,
            "cpu_s": cpu,
            "notes": len(notes),
            "entities": entities,
            "clinlp_version": clinlp.__version__,
            "phrases": sum(len(p) for p in phrases_by_concept.values()),
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
