"""Where letter graphs live: the embedded Oxigraph store on disk (via oxrdflib)."""

from npcegraph.store.oxigraph import EmbeddedStore, GraphInfo, StoreStats

__all__ = ["EmbeddedStore", "GraphInfo", "StoreStats"]
