"""One module per `casecoder` command: `register(subparsers)` adds its parser, `run(args) -> int` runs it."""
