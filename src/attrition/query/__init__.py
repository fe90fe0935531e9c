"""Reading the store for people and programs: filters, cursor pages, single records.

The REST API, the web pages and the CLI all read through here, so a filter means the same
thing in a URL, a JSON request and a command line, and the web layer stays a thin shell that
parses parameters and renders what these functions return. Nothing here writes extracted
rows; `overlay` writes annotations and reviews, which live beside the extracted data.
"""

from attrition.query.claims import ClaimFilter, get_claim, iter_claims, page_claims
from attrition.query.figures import stated_figure
from attrition.query.pages import BadCursor, Page

__all__ = ["BadCursor", "ClaimFilter", "Page", "get_claim", "iter_claims", "page_claims", "stated_figure"]
