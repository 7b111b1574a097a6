"""FastAPI dependencies: the application state, its settings, the update token check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from npcegraph.api.errors import Forbidden, Unauthorized
from npcegraph.api.state import AppState
from npcegraph.settings import Settings


def app_state(request: Request) -> AppState:
    """The running application's :class:`AppState`."""
    return request.app.state.npcegraph


State = Annotated[AppState, Depends(app_state)]


def app_settings(state: State) -> Settings:
    """The settings the application was created with."""
    return state.settings


AppSettings = Annotated[Settings, Depends(app_settings)]


def check_update_token(authorization: str | None, settings: Settings) -> None:
    """Refuse an update unless ``Authorization: Bearer <update_token>`` matches.

    No configured token: updates are off (403). Missing or wrong token: 401.
    """
    if not settings.update_token:
        raise Forbidden("updates are switched off on this server "
                        "(start it with NPCEGRAPH_UPDATE_TOKEN set to allow them)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("updates need an 'Authorization: Bearer <token>' header")
    if not hmac.compare_digest(given.strip().encode(), settings.update_token.encode()):
        raise Unauthorized("the bearer token is not the update token")


def require_update_token(request: Request, settings: AppSettings) -> None:
    """Dependency form of :func:`check_update_token` for write routes."""
    check_update_token(request.headers.get("authorization"), settings)
