"""Allow ``python -m npcegraph``."""

from npcegraph.cli import main

main()
