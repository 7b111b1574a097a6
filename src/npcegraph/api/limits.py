"""Maximum request size: a pure ASGI middleware that answers 413 past ``max_bytes``.

A declared ``Content-Length`` over the limit is refused before the route runs; a chunked body
is counted as it arrives and refused when it passes the limit. Either way the rest of the body
is read and discarded (up to a cap) so the client sees the 413 rather than a reset connection.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from npcegraph.api.errors import PayloadTooLarge, render_error

_DRAIN_CAP = 64 * 1024 * 1024


async def _drain(receive: Receive) -> None:
    drained = 0
    while drained < _DRAIN_CAP:
        message = await receive()
        if message["type"] != "http.request":
            return
        drained += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes`` with the error envelope (413)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _error(self) -> PayloadTooLarge:
        return PayloadTooLarge(f"the request body is larger than {self.max_bytes} bytes")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _drain(receive)
            body, media_type = render_error(413, self._error().detail, headers.get("accept"))
            await send({"type": "http.response.start", "status": 413,
                        "headers": [(b"content-type", media_type.encode()),
                                    (b"content-length", str(len(body)).encode()),
                                    (b"connection", b"close")]})
            await send({"type": "http.response.body", "body": body})
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    if message.get("more_body", False):
                        await _drain(receive)
                    raise self._error()
            return message

        await self.app(scope, limited, send)
