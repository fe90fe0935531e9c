"""Deciders: one per claim field, each an ordered list of small named rules over the layers.

`what` (the thing counted), `event` (what happened to it), `who` (the claimant), `whose` (the
side that lost it), `when` (the period, a typed decision) and `where` (the place). A decider
reads the sentence's span layers (`extract.layers`) and the document state
(`extract.state`); none imports another, and every rule id it returns is registered
(`extract.rules`).
"""
