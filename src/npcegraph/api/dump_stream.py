"""Stream a dump while Oxigraph writes it: a producer thread serialises into a bounded pipe,
the response reads 64 KiB chunks from it.

Oxigraph's serialiser pushes bytes into a file-like object; the response pulls. The pipe holds
at most a few chunks, so a slow client slows the serialiser instead of filling memory, and a
client that goes away (or stops reading for :data:`STALL_SECONDS`) stops it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger("npcegraph.api")
CHUNK = 64 * 1024
STALL_SECONDS = 120.0
_END = b""


class PipeClosed(Exception):
    """The reader went away; the writer should stop."""


class ChunkPipe:
    """A bounded, binary, write-only file for the producer and an iterator for the reader."""

    def __init__(self, depth: int = 8) -> None:
        self._queue: queue.Queue[bytes] = queue.Queue(maxsize=depth)
        self._buffer = bytearray()
        self._closed = threading.Event()

    # the producer's side (a file-like object for pyoxigraph) -------------------------------
    def write(self, data: Any) -> int:
        """Buffer ``data``; hand on full chunks (blocks while the reader is behind)."""
        self._buffer += bytes(data)
        while len(self._buffer) >= CHUNK:
            self._put(bytes(self._buffer[:CHUNK]))
            del self._buffer[:CHUNK]
        return len(data)

    def flush(self) -> None:
        """Chunks are handed on by :meth:`write` and :meth:`finish`."""

    def finish(self) -> None:
        """Hand on what is buffered and mark the end."""
        if self._buffer:
            self._put(bytes(self._buffer))
            self._buffer.clear()
        self._put(_END)

    def _put(self, chunk: bytes) -> None:
        waited = 0.0
        while not self._closed.is_set():
            try:
                self._queue.put(chunk, timeout=0.5)
                return
            except queue.Full:
                waited += 0.5
                if waited >= STALL_SECONDS:
                    self._closed.set()
        raise PipeClosed

    # the reader's side ----------------------------------------------------------------------
    def chunks(self) -> Iterator[bytes]:
        """The chunks until the end; closing the iterator stops the producer."""
        try:
            while True:
                chunk = self._queue.get()
                if chunk == _END:
                    return
                yield chunk
        finally:
            self.close()

    def close(self) -> None:
        """The reader is done (or gone): make the producer's next write fail."""
        self._closed.set()

    @property
    def closed(self) -> bool:
        """Whether the reader has gone."""
        return self._closed.is_set()


def produce(pipe: ChunkPipe, write: Callable[[ChunkPipe], None],
            done: Callable[[], None]) -> threading.Thread:
    """Run ``write(pipe)`` in a thread, then ``done()`` whatever happens."""
    def run() -> None:
        try:
            write(pipe)
            pipe.finish()
        except Exception:  # noqa: BLE001 - the response has started: log, end the stream
            # PipeClosed raised in ``write`` reaches us through Oxigraph as an OSError
            if pipe.closed:
                log.info("dump abandoned by the client")
            else:
                log.exception("writing a dump failed; the client gets a truncated body")
                try:
                    pipe.finish()
                except PipeClosed:
                    pass
        finally:
            done()

    thread = threading.Thread(target=run, name="npcegraph-dump", daemon=True)
    thread.start()
    return thread
