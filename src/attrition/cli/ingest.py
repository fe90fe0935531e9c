"""Placeholder: the `ingest` command is being written (replace this module)."""
