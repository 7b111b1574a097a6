"""Checkpoints of the writable store that query workers open read-only.

pyoxigraph calls ``Store.read_only`` undefined behaviour while another process writes the same
store, so workers never open the live store: the server makes a ``Store.backup`` checkpoint
(hard links, milliseconds) at start and after every successful write, and each task names the
checkpoint to read. A checkpoint is deleted once it is neither current nor in use.
"""

from __future__ import annotations

import itertools
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox


def snapshot_root(store_path: Path) -> Path:
    """Where the checkpoints of ``store_path`` live: a hidden sibling directory."""
    return store_path.parent / f".{store_path.name}.snapshots"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Snapshots:
    """The current checkpoint and how many running queries still read older ones."""

    def __init__(self, store: ox.Store, root: Path) -> None:
        self._store = store
        self._root = root / str(os.getpid())
        self._lock = threading.Lock()
        self._counter = itertools.count(1)
        self._refs: dict[str, int] = {}
        self._current = ""
        self.listeners: list[Callable[[], None]] = []  # called after each publish
        self._remove_stale(root)
        self._root.mkdir(parents=True, exist_ok=True)
        self.publish()

    @staticmethod
    def _remove_stale(root: Path) -> None:
        """Remove checkpoints left by servers that are no longer running."""
        if not root.is_dir():
            return
        for entry in root.iterdir():
            if entry.name.isdigit() and not _pid_alive(int(entry.name)):
                shutil.rmtree(entry, ignore_errors=True)

    @property
    def current(self) -> str:
        """Path of the newest checkpoint."""
        return self._current

    def publish(self) -> str:
        """Checkpoint the store now; later tasks read this checkpoint."""
        path = str(self._root / str(next(self._counter)))
        self._store.backup(path)
        with self._lock:
            self._current = path
            self._refs.setdefault(path, 0)
            self._collect()
        for listener in self.listeners:
            listener()
        return path

    def acquire(self) -> str:
        """The current checkpoint, held until :meth:`release`."""
        with self._lock:
            self._refs[self._current] += 1
            return self._current

    def release(self, path: str) -> None:
        """A task reading ``path`` has finished."""
        with self._lock:
            self._refs[path] -= 1
            self._collect()

    def _collect(self) -> None:
        for path, refs in list(self._refs.items()):
            if refs == 0 and path != self._current:
                del self._refs[path]
                shutil.rmtree(path, ignore_errors=True)

    def close(self) -> None:
        """Delete every checkpoint of this server."""
        with self._lock:
            self._refs.clear()
            shutil.rmtree(self._root, ignore_errors=True)
        try:
            self._root.parent.rmdir()  # only when no other server keeps checkpoints there
        except OSError:
            pass
