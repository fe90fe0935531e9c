"""Placeholder: the `reference` command is being written (replace this module)."""
