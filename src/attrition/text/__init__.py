"""Text preparation: character folding, page furniture, sentences and datelines.

Everything here keeps character offsets: the extractor reports spans into the text the
user gave, so no step may change the length of the text it hands on.
"""
