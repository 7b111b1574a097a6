"""The web API: ``create_app(settings)`` builds the FastAPI application.

Importing this package loads nothing heavy: the query worker processes import
``npcegraph.api.executor`` without FastAPI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from npcegraph.api.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from npcegraph.api.app import create_app

        return create_app
    raise AttributeError(name)
