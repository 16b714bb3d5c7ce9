"""casecoder's terminal screens (Textual). `casecoder tui` opens the professional's coding screen.

Modules stay small: `app` composes, `screens/` hold one screen each with its key bindings, `widgets/` one
widget each, `messages` the background-work messages, `settings` who is coding.
`coder` never imports from here.
"""
