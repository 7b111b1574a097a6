"""npcegraph: NPCE policy letters as a validated, queryable knowledge graph."""

__version__ = "0.1.0"
