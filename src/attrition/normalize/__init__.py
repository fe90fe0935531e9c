"""Normalization: actors, sides, places and periods in one canonical form each."""
