"""One Settings object, read from ``NPCEGRAPH_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_BASE_IRI = "https://w3id.org/npcegraph/"


class Settings(BaseSettings):
    """Runtime configuration; CLI flags override these values."""

    model_config = SettingsConfigDict(env_prefix="NPCEGRAPH_")

    store: Path = Path("data/store")
    base_iri: str = DEFAULT_BASE_IRI
    query_timeout: float = 30.0
    max_rows: int = 100_000
    update_token: str | None = None
    corpus: Path = Path("../shared/corpus")
    validator: Literal["pyshacl", "turbo"] = "pyshacl"
    query_workers: int = 2
    max_request_bytes: int = 1_048_576
    allow_service: bool = False
    allow_load: bool = False
    cors_origins: str = ""


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (cached)."""
    return Settings()
