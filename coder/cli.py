"""The `casecoder` command line: builds the parser from command modules and runs the chosen one."""

from __future__ import annotations

import argparse
import importlib
import sys
from importlib.metadata import entry_points

from coder import __version__

# Built-in commands, in the order `casecoder --help` lists them.
COMMANDS = ("suggest", "qualify", "evaluate", "terminology", "export", "stats", "sample")
PLUGIN_GROUP = "casecoder.commands"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casecoder",
        description=(
            "Suggests optional, explained codes for Dutch youth-care case notes. "
            "Nothing is stored unless a professional accepts it."
        ),
    )
    parser.add_argument("--version", action="version", version=f"casecoder {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"coder.commands.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"coder.commands.{name}":
                raise
            continue  # a command still being built is simply absent
        module.register(subparsers)
    for plugin in entry_points(group=PLUGIN_GROUP):
        try:
            register = plugin.load()
        except ModuleNotFoundError:
            continue
        register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 1
    try:
        return run(args)
    except KeyboardInterrupt:
        print("casecoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); nothing more to say.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
