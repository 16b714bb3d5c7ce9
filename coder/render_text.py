"""`suggest --format text`: suggestions for people, with the evidence marked in its sentence.

On a terminal the evidence is bold and trigger words underlined; elsewhere evidence is [[like this]] and
triggers {{like this}}, so the output still reads in a file or a pipe.
"""

from __future__ import annotations

from coder.model import Analysis, ReadError, Suggestion

BOLD, UNDERLINE, DIM, RESET = "\x1b[1m", "\x1b[4m", "\x1b[2m", "\x1b[0m"


def render(item: Analysis | ReadError, colour: bool) -> str:
    if isinstance(item, ReadError):
        return f"== {item.note_id or item.origin}\n   fout: {item}\n"
    lines = [f"== {item.note.id}"]
    asserted = [s for s in item.suggestions if s.asserted]
    overwogen = [s for s in item.suggestions if not s.asserted]
    if not asserted:
        lines.append("   geen suggesties")
    for suggestion in asserted:
        lines.extend(_suggestion(item.note.text, suggestion, colour))
    if overwogen or item.considered:
        lines.append("   overwogen, niet voorgesteld:")
        for suggestion in overwogen:
            q = suggestion.qualifiers
            label = f"{suggestion.code} {suggestion.display}"
            lines.append(f"     - {label} ({q.polarity}, {q.temporality}): {suggestion.why}")
        for considered in item.considered:
            f = considered.finding
            lines.append(f"     - ‘{f.evidence.text}’ ({f.concept}): {considered.reason}")
    return "\n".join(lines) + "\n"


def _suggestion(text: str, s: Suggestion, colour: bool) -> list[str]:
    q = s.qualifiers
    value = f" = {s.value}" if s.value else ""
    where = f"{q.certainty}; {q.polarity}, {q.temporality}, {q.experiencer}, bron {q.source}"
    head = f"   {s.code}{value}  {s.display}  [{where}]"
    lines = [head, f"     waarom: {s.why}", f"     regel: {s.rule}"]
    for span in s.evidence:
        lines.append(f"     bewijs: {_in_context(text, s, span.start, span.end, colour)}")
    for trigger in s.triggers:
        lines.append(f"     ‘{trigger.span.text}’ zet {trigger.sets}")
    return lines


def _in_context(text: str, s: Suggestion, start: int, end: int, colour: bool) -> str:
    left = max(0, text.rfind("\n", 0, start) + 1, start - 60)
    right = min(len(text), end + 60)
    newline = text.find("\n", end)
    if newline != -1:
        right = min(right, newline)
    marks = [(start, end, "evidence")] + [
        (t.span.start, t.span.end, "trigger")
        for t in s.triggers
        if left <= t.span.start and t.span.end <= right
    ]
    out, position = [], left
    for m_start, m_end, kind in sorted(marks):
        if m_start < position:
            continue
        out.append(text[position:m_start])
        out.append(_mark(text[m_start:m_end], kind, colour))
        position = m_end
    out.append(text[position:right])
    snippet = "".join(out).replace("\n", " ")
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def _mark(words: str, kind: str, colour: bool) -> str:
    if colour:
        return f"{BOLD if kind == 'evidence' else UNDERLINE}{words}{RESET}"
    return f"[[{words}]]" if kind == "evidence" else f"{{{{{words}}}}}"
