"""The web face of the store: a FastAPI app serving the JSON API and the dashboard pages.

`attrition serve` runs it; `create_app(engine)` builds it for tests or for another ASGI server.
"""

from attrition.web.app import create_app

__all__ = ["create_app"]
