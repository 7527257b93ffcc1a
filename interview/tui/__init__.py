"""The Textual app: the interview on a shared screen.

Only this package imports textual. It turns key presses into engine calls and renders the engine's
state; it never writes SQL and never formats documents.
"""
