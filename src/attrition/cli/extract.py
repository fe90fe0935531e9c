"""Placeholder for the extract command (being written)."""
