"""Query evaluation in worker processes that can be killed on timeout.

``tasks`` (what travels over the pipe), ``worker`` (the process: Oxigraph, read-only),
``snapshots`` (checkpoints the workers open), ``pool`` (checkout, timeout, kill, replace).
None of these import FastAPI.
"""
