"""Every key of the coding screen, driven with a pilot against a fake engine and a real (temporary) store."""

from __future__ import annotations

import pytest
from tui_helpers import NOTES, TEST_USER, coding_screen, make_app, ready, until

from tui.screens.help import HelpScreen
from tui.screens.identity import IdentityScreen
from tui.screens.search import CodeSearchScreen
from tui.settings import UserSettings
from tui.widgets.suggestion_list import SuggestionList

pytestmark = pytest.mark.anyio


def state(screen, key: str) -> str:
    return screen.choices.choice(key).state


def highlighted(screen) -> str | None:
    return screen.query_one(SuggestionList).highlighted_key


async def test_first_suggestion_is_highlighted_and_nothing_is_accepted(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        assert highlighted(screen) == "s0"
        assert all(state(screen, c.key) == "not-coded" for c in screen.choices.candidates())
        assert app.store.decisions() == []


async def test_down_up_and_j_k_move_between_suggestions(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("down")
        assert highlighted(screen) == "s1"
        await pilot.press("up")
        assert highlighted(screen) == "s0"
        await pilot.press("j", "j")
        assert highlighted(screen) == "s2"  # past the "overwogen" header, which cannot be highlighted
        await pilot.press("k")
        assert highlighted(screen) == "s1"


async def test_a_accepts_as_shown_and_stores_it_at_once(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("a")
        assert state(screen, "s0") == "accepted"
        [stored] = app.store.decisions(status="accepted")
        assert (stored.code, stored.certainty, stored.note_id, stored.client_id) == (
            "Z16.01",
            "vermoeden",
            "N1",
            "C-17",
        )
        assert stored.accepted_by.name == "Test Tester"
        assert stored.accepted_by.registration == "skj:12345678"
        assert stored.engine_version == "fake-engine 0.0 + terminology test"
        assert [s.text for s in stored.evidence] == ["lichamelijke mishandeling", "striemen"]


@pytest.mark.parametrize(("key", "certainty"), [("f", "feit"), ("v", "vermoeden"), ("m", "mening")])
async def test_f_v_m_set_certainty_then_accept(tmp_path, key, certainty):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("down", key)
        assert state(screen, "s1") == "accepted"
        [stored] = app.store.decisions(status="accepted")
        assert (stored.code, stored.certainty, stored.suggested_certainty) == (
            "397940009",
            certainty,
            "vermoeden",
        )


async def test_registration_staff_cannot_raise_certainty(tmp_path):
    staff = UserSettings(name="Reg Istratie", registration=None, role="registratie")
    app = make_app(tmp_path / "t.db", settings=staff)
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("f")
        assert state(screen, "s0") == "not-coded"
        assert app.store.decisions() == []
        await pilot.press("m")  # lowering is allowed
        assert app.store.decisions(status="accepted")[0].certainty == "mening"


async def test_x_rejects_and_keeps_nothing(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("x")
        assert state(screen, "s0") == "rejected"
        assert app.store.decisions() == []
        assert [e.event for e in app.store.audit_events()] == []


async def test_x_on_an_accepted_code_withdraws_it(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "x")
        assert state(screen, "s0") == "rejected"
        [withdrawn] = app.store.decisions()
        assert withdrawn.status == "entered-in-error"
        assert withdrawn.entered_in_error_by.name == "Test Tester"


async def test_u_undoes_an_acceptance_as_entered_in_error(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "u")
        assert state(screen, "s0") == "not-coded"
        [undone] = app.store.decisions()
        assert undone.status == "entered-in-error"
        assert app.store.decisions(status="accepted") == []


async def test_u_undoes_a_rejection_and_then_reports_nothing_left(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("x", "u")
        assert state(screen, "s0") == "not-coded"
        await pilot.press("u")  # nothing left to undo: a notice, no change, no crash
        assert state(screen, "s0") == "not-coded"
        assert app.store.decisions() == []


async def test_u_after_withdrawal_accepts_again(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("v", "x", "u")
        assert state(screen, "s0") == "accepted"
        accepted = app.store.decisions(status="accepted")
        assert [d.certainty for d in accepted] == ["vermoeden"]
        assert len(app.store.decisions()) == 2  # the withdrawn one stays, marked entered-in-error


async def test_accepting_twice_stores_once(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a", "a", "f")
        assert len(app.store.decisions()) == 1


async def test_considered_findings_cannot_be_accepted(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "j")
        assert highlighted(screen) == "s2"  # Z16.02, absent: listed under "overwogen"
        await pilot.press("a", "x", "f")
        assert state(screen, "s2") == "not-coded"
        assert app.store.decisions() == []


@pytest.mark.parametrize("key", ["plus", "slash"])
async def test_plus_and_slash_add_a_code_by_search(tmp_path, key):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press(key)
        assert isinstance(app.screen, CodeSearchScreen)
        await pilot.press(*"Z16.02")
        await pilot.press("enter")
        assert app.screen is screen
        key_added = highlighted(screen)
        added = screen.choices.candidate(key_added)
        assert (added.kind, added.suggestion.code, added.suggestion.qualifiers.certainty) == (
            "manual",
            "Z16.02",
            "vermoeden",
        )
        assert state(screen, key_added) == "not-coded"  # added is not accepted
        assert app.store.decisions() == []
        await pilot.press("f")
        [stored] = app.store.decisions()
        assert (stored.code, stored.certainty, stored.rule, stored.evidence) == (
            "Z16.02",
            "feit",
            "handmatig",
            (),
        )


async def test_search_escape_adds_nothing(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        before = len(screen.choices.candidates())
        await pilot.press("plus", "z", "1", "6", "escape")
        assert app.screen is screen
        assert len(screen.choices.candidates()) == before


async def test_search_offers_safety_plan_yes_and_no(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"veiligheidsplan", "down", "enter")
        added = screen.choices.candidate(highlighted(screen)).suggestion
        assert (added.code, added.value) == ("veiligheidsplan", "nee")


async def test_n_and_p_move_between_notes_and_keep_decisions(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "n")
        await until(pilot, lambda: screen.note.id == "N2" and screen.choices is not None)
        assert highlighted(screen) == "s0"
        assert screen.choices.candidate("s0").suggestion.value == "ja"
        await pilot.press("n")
        await until(pilot, lambda: screen.note.id == "N3" and screen.choices is not None)
        assert highlighted(screen) is None  # no suggestions for this note
        await pilot.press("n")  # last note: stays
        assert screen.note.id == "N3"
        await pilot.press("p", "p")
        assert screen.note.id == "N1"
        assert state(screen, "s0") == "accepted"
        await pilot.press("p")  # first note: stays
        assert screen.note.id == "N1"


async def test_undo_is_per_note(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "n")
        await until(pilot, lambda: screen.note.id == "N2" and screen.choices is not None)
        await pilot.press("u")  # nothing decided on N2
        assert len(app.store.decisions(status="accepted")) == 1


async def test_question_mark_opens_help_and_escape_closes_it(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is screen


async def test_q_quits(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_keys_are_in_the_command_palette(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        titles = [command.title for command in app.get_system_commands(screen)]
        for title in (
            "Aannemen (a)",
            "Afwijzen (x)",
            "Aannemen als feit (f)",
            "Aannemen als vermoeden (v)",
            "Aannemen als mening (m)",
            "Code zoeken en toevoegen (+  /)",
            "Ongedaan maken (u)",
            "Volgende notitie (n)",
            "Vorige notitie (p)",
            "Waarom groot (w)",
            "Tekst groot (t)",
            "Help (?)",
            "Stoppen (q)",
        ):
            assert title in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"aannemen als feit")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: app.store.decisions() != [])
        assert app.store.decisions()[0].certainty == "feit"


async def test_first_screen_asks_who_is_coding_and_saves_it(tmp_path):
    config = tmp_path / "config" / "config.toml"
    app = make_app(tmp_path / "t.db", settings=UserSettings(), settings_path=config)
    async with app.run_test(size=(80, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        await pilot.press(*"Anna de Vries", "enter")
        await pilot.press(*"SKJ:1234567", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, IdentityScreen)
        assert app.settings == UserSettings("Anna de Vries", "skj:1234567", "professional")
        assert 'name = "Anna de Vries"' in config.read_text()
        assert config.stat().st_mode & 0o777 == 0o600


async def test_invalid_registration_is_refused_on_the_first_screen(tmp_path):
    app = make_app(tmp_path / "t.db", settings=UserSettings())
    async with app.run_test(size=(80, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        await pilot.press(*"Anna", "enter", *"12345", "enter")
        assert isinstance(app.screen, IdentityScreen)
        assert app.settings == UserSettings()


async def test_accept_without_identity_asks_first_then_accepts(tmp_path):
    app = make_app(tmp_path / "t.db", settings=UserSettings())
    async with app.run_test(size=(80, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        await pilot.press("escape")  # later: reading is allowed
        screen = await ready(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, IdentityScreen)
        assert app.store.decisions() == []
        await pilot.press(*"Anna", "enter", *"big:19012345678", "enter")
        await until(pilot, lambda: app.store.decisions() != [])
        assert app.screen is screen
        assert app.store.decisions()[0].accepted_by.registration == "big:19012345678"


async def test_read_errors_are_notifications_not_crashes(tmp_path):
    from coder.model import ReadError

    notes = (ReadError("bad.jsonl", 3, "missing text", "X9"), *NOTES)
    app = make_app(tmp_path / "t.db", notes=notes)
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await until(pilot, lambda: screen.notebook.reading_done)
        messages = [n.message for n in app._notifications]
        assert "bad.jsonl:3: missing text" in messages
        assert screen.note.id == "N1"


async def test_earlier_acceptances_show_as_accepted_when_the_note_opens_again(tmp_path):
    db = tmp_path / "t.db"
    app = make_app(db)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a")
    app.store.close()
    again = make_app(db)
    async with again.run_test() as pilot:
        screen = await ready(pilot)
        assert state(screen, "s0") == "accepted"
        assert state(screen, "s1") == "not-coded"
        await pilot.press("a")  # already accepted: nothing doubles
        assert len(again.store.decisions()) == 1


async def test_engine_failure_is_shown_not_raised(tmp_path):
    def broken():
        raise RuntimeError("terminology missing")

    app = make_app(tmp_path / "t.db", engine_factory=broken)
    async with app.run_test() as pilot:
        screen = coding_screen(app)
        await until(pilot, lambda: any("terminology missing" in n.message for n in app._notifications))
        await pilot.press("a")
        assert app.store.decisions() == []
        assert screen.note.id == "N1"


def test_settings_used_in_tests_are_complete():
    assert TEST_USER.complete


async def test_w_and_t_show_why_or_text_full_screen_and_escape_returns(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("w")
        assert screen.maximized is screen.query_one("#why") and screen.focused is screen.maximized
        await pilot.press("j")  # still moves the suggestion whose explanation is shown
        assert highlighted(screen) == "s1"
        await pilot.press("w")
        assert screen.maximized is None and screen.focused is screen.query_one(SuggestionList)
        await pilot.press("t")
        assert screen.maximized is screen.query_one("#note")
        await pilot.press("escape")
        assert screen.maximized is None and screen.focused is screen.query_one(SuggestionList)


async def test_tab_focuses_the_why_panel_and_keys_still_decide(tmp_path):
    app = make_app(tmp_path / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await pilot.press("tab")
        assert screen.focused is not screen.query_one(SuggestionList)
        await pilot.press("a")
        assert state(screen, "s0") == "accepted"


async def test_the_note_scrolls_to_evidence_out_of_view_and_starts_at_the_top_otherwise(tmp_path):
    from tui_helpers import LONG_NOTE

    from tui.widgets.note_view import NoteView

    app = make_app(tmp_path / "t.db", notes=(LONG_NOTE, *NOTES))
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        view = screen.query_one(NoteView)
        await until(pilot, lambda: view.scroll_y > 0)
        await pilot.press("n")
        await until(pilot, lambda: screen.note.id == "N1" and screen.choices is not None)
        await pilot.pause()
        assert view.scroll_y == 0


async def test_a_note_the_engine_cannot_analyse_is_reported_and_the_rest_goes_on(tmp_path):
    from coder.model import Note

    bad = Note("BAD", "Een notitie waar de engine over struikelt.")
    app = make_app(tmp_path / "t.db", notes=(bad, *NOTES))
    async with app.run_test() as pilot:
        screen = coding_screen(app)
        await until(pilot, lambda: any("analyse mislukt" in n.message for n in app._notifications))
        assert screen.choices is None
        await pilot.press("a")  # nothing to accept: a notice, no crash
        await pilot.press("n")
        await until(pilot, lambda: screen.note.id == "N1" and screen.choices is not None)
        await pilot.press("p")
        assert screen.note.id == "BAD"


async def test_a_crash_report_holds_no_local_variables(tmp_path, capsys):
    app = make_app(tmp_path / "t.db")
    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            screen = await ready(pilot)

            def crash() -> None:
                secret_note_text = NOTES[0].text  # noqa: F841  (a local a crash report must not show)
                raise RuntimeError("crash")

            screen.action_help = crash
            await pilot.press("question_mark")
            await pilot.pause()
    report = capsys.readouterr().err
    assert "RuntimeError" in report
    assert "Er bestaat een vermoeden" not in report  # the local's value, the note text
