"""Placeholder: the `claims` command is being written (replace this module)."""
