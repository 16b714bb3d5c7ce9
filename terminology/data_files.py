"""Reading the JSON data files shipped inside the `terminology` package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_json(name: str) -> Any:
    return json.loads(resources.files("terminology").joinpath("data", name).read_text(encoding="utf-8"))
