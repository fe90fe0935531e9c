"""From article text to raw claims: numbers, lexicon phrases, triggers, attribution."""
