"""What the application holds while it runs: settings, the store, its writer and query pool."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from npcegraph.api.executor.pool import QueryPool
from npcegraph.api.executor.snapshots import Snapshots, snapshot_root
from npcegraph.api.executor.tasks import Layout
from npcegraph.api.updates import GraphWriter
from npcegraph.namespaces import Iris
from npcegraph.settings import Settings
from npcegraph.store import EmbeddedStore

log = logging.getLogger("npcegraph.api")


@dataclass
class AppState:
    """The running server's resources (``app.state.npcegraph``)."""

    settings: Settings
    store: EmbeddedStore
    snapshots: Snapshots
    writer: GraphWriter
    pool: QueryPool

    @classmethod
    def open(cls, settings: Settings) -> AppState:
        """Open the store for writing, checkpoint it and start the query workers."""
        iris = Iris(settings.base_iri)
        store = EmbeddedStore(settings.store, iris)
        snapshots = Snapshots(store.native, snapshot_root(settings.store.resolve()))
        layout = Layout(store.union_iri, store.quarantine_iri(""))
        pool = QueryPool(settings.query_workers, snapshots, layout)
        try:
            pool.start()
            snapshots.listeners.append(pool.warm)
        except (RuntimeError, OSError):
            pool.close()
            snapshots.close()
            store.close()
            raise
        log.info("serving %s with %d query workers", settings.store, pool.size)
        return cls(settings, store, snapshots, GraphWriter(store, snapshots), pool)

    @property
    def updates_enabled(self) -> bool:
        """Whether an update token is configured."""
        return bool(self.settings.update_token)

    def public_graphs(self) -> list[str]:
        """Named graphs of the public dataset (live store)."""
        return [g.value for g in self.store.public_graphs()]

    def close(self) -> None:
        """Stop the workers, delete the checkpoints, close the store."""
        self.pool.close()
        self.snapshots.close()
        self.store.close()
