"""Who is coding: command line over environment over config file; invalid values are one clear line."""

from __future__ import annotations

import pytest

from tui.settings import (
    SettingsError,
    UserSettings,
    load_settings,
    parse_registration,
    save_settings,
    with_answers,
)

ENV = {
    "CASECODER_USER": "Env User",
    "CASECODER_REGISTRATION": "big:19012345678",
    "CASECODER_ROLE": "registratie",
}


def test_command_line_wins_over_environment_and_file(tmp_path):
    config = tmp_path / "config.toml"
    save_settings(UserSettings("File User", "skj:1", "professional"), config)
    settings = load_settings("Cli User", "skj:42", "professional", environ=ENV, path=config)
    assert settings == UserSettings("Cli User", "skj:42", "professional")


def test_environment_wins_over_file(tmp_path):
    config = tmp_path / "config.toml"
    save_settings(UserSettings("File User", "skj:1", "professional"), config)
    assert load_settings(environ=ENV, path=config) == UserSettings(
        "Env User", "big:19012345678", "registratie"
    )


def test_file_is_used_when_nothing_else_says(tmp_path):
    config = tmp_path / "sub" / "config.toml"
    save_settings(UserSettings('Anna "A" de Vries', "skj:1234567", "professional"), config)
    assert load_settings(environ={}, path=config) == UserSettings('Anna "A" de Vries', "skj:1234567")
    assert config.stat().st_mode & 0o777 == 0o600


def test_nothing_known_is_incomplete(tmp_path):
    settings = load_settings(environ={}, path=tmp_path / "missing.toml")
    assert settings == UserSettings()
    assert not settings.complete
    assert settings.reviewer() is None


def test_registration_staff_may_have_no_registration():
    staff = UserSettings("Reg", None, "registratie")
    assert staff.complete
    assert staff.reviewer().registration is None
    assert not UserSettings("Prof", None, "professional").complete


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("skj:12345678", "skj:12345678"),
        ("SKJ: 12345678", "skj:12345678"),
        (" big:1 ", "big:1"),
        ("skj 123", "skj:123"),
    ],
)
def test_registration_is_normalised(given, normal):
    assert parse_registration(given) == normal


@pytest.mark.parametrize("given", ["12345678", "skj:", "nip:123", "skj:12a", "skj-12 3"])
def test_bad_registration_is_refused_with_an_example(given):
    with pytest.raises(SettingsError, match="skj:12345678"):
        parse_registration(given)


def test_bad_role_and_empty_name_are_refused(tmp_path):
    with pytest.raises(SettingsError, match="rol"):
        load_settings("A", "skj:1", "boss", environ={}, path=tmp_path / "x.toml")
    with pytest.raises(SettingsError, match="naam"):
        with_answers(UserSettings(), "   ", "skj:1", "professional")


def test_a_broken_config_file_is_one_line(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("name = [unclosed\n", encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings(environ={}, path=config)
    assert str(config) in str(raised.value)
    assert "\n" not in str(raised.value)


def test_answers_from_the_first_screen():
    answered = with_answers(
        UserSettings(name="Anna"), "  Anna   de Vries ", "BIG:19012345678", "professional"
    )
    assert answered == UserSettings("Anna de Vries", "big:19012345678", "professional")
