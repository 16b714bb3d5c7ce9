"""Stats: counts per code, certainty and month; counts below K shown as "<K", without a bar."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from test_export_fhir import AUTHOR, NOTE, casecoder, suggestion

from coder.decision import build_decision
from coder.model import Note
from coder.stats import count_codes, render_chart, render_table, shown
from coder.store import open_store


def _accepted(code: str, certainty: str, month: int, times: int, polarity: str = "present") -> list:
    """`times` acceptances of one code, each for its own note (the store keeps one per note and evidence)."""
    at = datetime(2026, month, 15, tzinfo=UTC)
    item = suggestion("slaat", code, certainty, polarity=polarity)
    notes = (Note(f"{code}-{certainty}-{month}-{i}", NOTE.text, NOTE.fields) for i in range(times))
    return [build_decision(note, item, AUTHOR, "e", at=at) for note in notes]


def _decisions() -> list:
    return [
        *_accepted("code-a", "feit", 1, 12),
        *_accepted("code-a", "vermoeden", 1, 3),
        *_accepted("code-a", "vermoeden", 2, 10),
        *_accepted("code-b", "feit", 2, 25, polarity="absent"),
        *_accepted("code-b", "feit", 3, 1),
    ]


def test_counts_per_code_certainty_and_month() -> None:
    undone = _accepted("code-c", "feit", 1, 1)[0].entered_in_error(AUTHOR, "t")
    data = count_codes([*_decisions(), undone])
    assert data.months == ("2026-01", "2026-02", "2026-03")
    assert [(s.code, s.certainty) for s in data.series] == [
        ("code-a", "feit"), ("code-a", "vermoeden"), ("code-b", "feit"), ("code-b", "absent")
    ]  # fmt: skip
    a_vermoeden = data.series[1]
    assert [data.count(a_vermoeden, m) for m in data.months] == [3, 10, 0]


def test_shown_suppresses_one_to_k_minus_one() -> None:
    assert [shown(n, 10) for n in (0, 1, 9, 10, 11)] == ["0", "<10", "<10", "10", "11"]
    assert shown(4, 5) == "<5" and shown(5, 5) == "5"


def test_table_suppresses_small_cells_and_has_no_totals() -> None:
    table = render_table(count_codes(_decisions()), 10)
    lines = table.splitlines()
    assert lines[0].split() == ["code", "zekerheid", "2026-01", "2026-02", "2026-03"]
    cells = {(line.split()[0], line.split()[3]): line.split()[-3:] for line in lines[2:]}
    assert cells == {
        ("code-a", "feit"): ["12", "0", "0"],
        ("code-a", "vermoeden"): ["<10", "10", "0"],
        ("code-b", "feit"): ["0", "0", "<10"],
        ("code-b", "absent"): ["0", "25", "0"],
    }
    assert " 3 " not in f" {table} " and " 1 " not in f" {table} "
    assert "total" not in table.lower() and "totaal" not in table.lower()


def test_min_cell_changes_what_is_suppressed() -> None:
    table = render_table(count_codes(_decisions()), 3)
    vermoeden = [line for line in table.splitlines() if "vermoeden" in line][0].split()[-3:]
    assert vermoeden == ["3", "10", "0"]
    assert "<3" in table  # the single code-b feit in March


def test_chart_draws_no_bar_for_suppressed_cells() -> None:
    chart = render_chart(count_codes(_decisions()), 10, width=25)
    lines = chart.splitlines()
    assert "code-a label code-a (vermoeden)" in lines
    assert any(
        line.strip().startswith("2026-01") and line.endswith("<10") and "#" not in line for line in lines
    )
    biggest = [line for line in lines if line.rstrip().endswith(" 25")]
    assert len(biggest) == 1 and biggest[0].count("#") == 25
    ten = [line for line in lines if line.rstrip().endswith(" 10")][0]
    assert ten.count("#") == 10


def test_empty_store_renders_nothing() -> None:
    data = count_codes([])
    assert data.series == () and render_chart(data, 10) == "\n"


def test_casecoder_stats_end_to_end(tmp_path: Path) -> None:
    db = tmp_path / "casecoder.db"
    with open_store(db) as store:
        for decision in _decisions()[:18]:  # 12 feit + 3 vermoeden in January, 3 vermoeden in February
            store.accept(decision)
    result = casecoder("stats", "--db", db, "--min-cell", "5")
    assert result.returncode == 0, result.stderr
    assert "code-a label code-a" in result.stdout and "<5" in result.stdout and "#" in result.stdout
    assert " 3" not in result.stdout.replace("2026-0", "")
    missing = casecoder("stats", "--db", tmp_path / "absent.db")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert missing.stderr.strip().count("\n") == 0
