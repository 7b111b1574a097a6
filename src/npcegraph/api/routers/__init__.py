"""One APIRouter per concern: ``sparql`` (SPARQL 1.1 Protocol), ``graph_store`` (GSP)."""
