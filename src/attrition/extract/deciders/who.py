"""Who claims a figure: the speaker of its statement.

Rules, in order:
0. a line quoted under a lead that names its author ("The UK Defence Ministry wrote:" and the
   bullets after it) is the author's, whatever sources it cites (`attribution.quoted_block`);
1. an attribution in the same sentence, the nearest to the number (`attribution.<form>`;
   `+anaphor` when "the ministry"/"he" stands for the last actor named);
2. when the writer infers from the speaker ("..., meaning 300 more"), the speaker before
   (`attribution.inference`);
3. the speaker of the running statement, named within the last few sentences
   (`attribution.carried`);
4. with no running statement (or in a headline), a speaker named in the next sentences; with
   only a stale one, a speaker named in the very next sentence ("... . Про це повідомляє
   Генштаб"; `attribution.lookahead`);
5. the speaker of a source line below, the next sentence that attributes if it gives no figure
   of its own ("Інформацію оприлюднив Генштаб ЗСУ." under the list; `attribution.source_line`);
6. otherwise the outlet itself (`attribution.none`, claimant `media`).
"""

from __future__ import annotations

from attrition.extract.attribution import ActorRef
from attrition.extract.layers import SentenceLayers
from attrition.extract.rules import code_rule
from attrition.extract.state import CARRY_SENTENCES, DocState
from attrition.lexicon import Lexicon

INFERENCE = code_rule("attribution.inference")
CARRIED = code_rule("attribution.carried")
LOOKAHEAD = code_rule("attribution.lookahead")
NONE = code_rule("attribution.none")
SOURCE_LINE = code_rule("attribution.source_line")
QUOTED_BLOCK = code_rule("attribution.quoted_block")
LOOKAHEAD_SENTENCES = 3


def decide_who(
    doc: DocState, layers: SentenceLayers, following: list[SentenceLayers], pos: int, lex: Lexicon
) -> tuple[ActorRef | None, str]:
    """(speaker, rule id) of a figure at `pos`; `following` are the next sentences' layers."""
    if (author := doc.quote_author(layers.sentence.index)) is not None:
        return author, QUOTED_BLOCK
    atts = layers.attributions
    if atts:
        best = min(atts, key=lambda a: abs(a.start - pos))
        earlier = [a for a in atts if a.start < best.start]
        if best.start < pos and earlier and lex.patterns["attribution.inference"].search(doc.text, best.end, pos):
            return earlier[-1].actor, INFERENCE
        return best.actor, best.rule
    ctx = doc.ctx
    i = layers.sentence.index
    fresh = i - ctx.renewed <= CARRY_SENTENCES
    if ctx.actor is not None and fresh:
        return ctx.actor, CARRIED
    for k, nxt in enumerate(following[:LOOKAHEAD_SENTENCES]):
        # a stale speaker does not stop "... . Про це повідомляє Генштаб" right after the figures
        if nxt.attributions and (ctx.actor is None or layers.sentence.headline or (k == 0 and ctx.actor is not None)):
            return nxt.attributions[0].actor, LOOKAHEAD
    if i < len(doc.source_after) and (source := doc.source_after[i]) is not None:
        return source, SOURCE_LINE
    return None, NONE
