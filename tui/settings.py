"""Who is coding: name, role and registration, from the command line, the environment or a config file.

Precedence: command line, then CASECODER_USER / CASECODER_REGISTRATION / CASECODER_ROLE, then the config file
in the platform's config directory. What is still missing is asked once on the first screen and saved.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from coder.decision import ROLES, Reviewer, Role

ENV_USER = "CASECODER_USER"
ENV_REGISTRATION = "CASECODER_REGISTRATION"
ENV_ROLE = "CASECODER_ROLE"
CONFIG_FILE = "config.toml"
REGISTERS = ("skj", "big")  # Stichting Kwaliteitsregister Jeugd, BIG-register
_REGISTRATION = re.compile(r"^\s*([A-Za-z]+)\s*[:\s]?\s*(\d+)\s*$")  # "skj:123", "SKJ 123", "skj123"


class SettingsError(ValueError):
    """A setting that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class UserSettings:
    name: str | None = None
    registration: str | None = None  # normalised "skj:12345678"
    role: Role = "professional"

    @property
    def complete(self) -> bool:
        """Registration staff may have no SKJ/BIG number; a professional records theirs with every code."""
        return bool(self.name) and (self.registration is not None or self.role == "registratie")

    def reviewer(self) -> Reviewer | None:
        return Reviewer(self.name, self.role, self.registration) if self.complete and self.name else None


def parse_registration(text: str) -> str:
    """'SKJ: 12345678' -> 'skj:12345678'; anything else is a SettingsError."""
    match = _REGISTRATION.match(text)
    if not match or match.group(1).lower() not in REGISTERS:
        raise SettingsError(f"registratie {text!r}: verwacht skj:NUMMER of big:NUMMER, bijv. skj:12345678")
    return f"{match.group(1).lower()}:{match.group(2)}"


def parse_role(text: str) -> Role:
    role = text.strip().lower()
    if role not in ROLES:
        raise SettingsError(f"rol {text!r}: verwacht {' of '.join(ROLES)}")
    return role  # type: ignore[return-value]


def parse_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise SettingsError("naam is leeg")
    return name


def config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("casecoder") / CONFIG_FILE


def read_config(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise SettingsError(f"{path}: kan instellingen niet lezen ({err})") from None
    return {key: str(value) for key, value in data.items() if key in ("name", "registration", "role")}


def load_settings(
    user: str | None = None,
    registration: str | None = None,
    role: str | None = None,
    environ: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> UserSettings:
    """The settings from the first place that has each one. Invalid values raise SettingsError."""
    env = os.environ if environ is None else environ
    stored = read_config(path or config_path())

    def first(cli: str | None, env_key: str, file_key: str) -> str | None:
        for value in (cli, env.get(env_key), stored.get(file_key)):
            if value is not None and value.strip():
                return value
        return None

    name = first(user, ENV_USER, "name")
    reg = first(registration, ENV_REGISTRATION, "registration")
    chosen_role = first(role, ENV_ROLE, "role")
    return UserSettings(
        name=None if name is None else parse_name(name),
        registration=None if reg is None else parse_registration(reg),
        role="professional" if chosen_role is None else parse_role(chosen_role),
    )


def save_settings(settings: UserSettings, path: Path | None = None) -> Path:
    """Write the settings as TOML, readable by the owner only (it names a person)."""
    target = path or config_path()
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lines = ["# casecoder: who accepts codes on this computer (edit or delete to change)"]
    for key in ("name", "registration", "role"):
        value = getattr(settings, key)
        if value is not None:
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")  # a JSON string is a TOML string
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.chmod(target, 0o600)
    return target


def with_answers(settings: UserSettings, name: str, registration: str, role: str) -> UserSettings:
    """Settings completed with what the user typed on the first screen (validated)."""
    return replace(
        settings,
        name=parse_name(name),
        registration=parse_registration(registration) if registration.strip() else None,
        role=parse_role(role),
    )
