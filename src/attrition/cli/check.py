"""Placeholder: the `check` command is being written (replace this module)."""
