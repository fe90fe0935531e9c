"""Rule data: the lexicons and pattern tables under `attrition/data/`, validated on load.

Every rule the extractor applies is either an entry in one of these files or a named
pattern in code; both carry an id that ends up in the claim's provenance (`Claim.rules`).
"""

from attrition.lexicon.load import Lexicon, load_lexicon

__all__ = ["Lexicon", "load_lexicon"]
