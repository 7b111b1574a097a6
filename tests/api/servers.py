"""Real servers for the API tests: ``npcegraph serve`` as uvicorn subprocesses on free ports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

TOKEN = "test-update-token"
ORIGIN = "https://dashboard.example"
NPCE = "https://w3id.org/npcegraph/def/"
LETTER = "https://w3id.org/npcegraph/id/letter/"
LETTERS = ("kst-32813-1397", "kst-32852-249", "kst-32852-352", "kst-32852-392")
COUNT_LETTERS = (f"PREFIX npce: <{NPCE}> "
                 "SELECT (COUNT(DISTINCT ?letter) AS ?n) WHERE { ?letter a npce:Letter }")


@dataclass(frozen=True)
class Server:
    """A running ``npcegraph serve``."""

    url: str
    process: subprocess.Popen[bytes]
    store: Path
    log: Path

    @property
    def sparql(self) -> str:
        """The SPARQL endpoint."""
        return self.url + "/sparql"

    @property
    def graphs(self) -> str:
        """The Graph Store Protocol service."""
        return self.url + "/rdf-graphs/service"

    def descendants(self) -> list[int]:
        """Process ids of every process below the server (workers, fork server, ...)."""
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
        found, todo = [], [self.process.pid]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        return found


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(store: Path, token: str | None = None,
                   env: dict[str, str] | None = None) -> Iterator[Server]:
    """Start ``python -m npcegraph serve`` on ``store``; stop it (terminate, then kill)."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NPCEGRAPH_")}
    environment.update(env or {})
    if token:
        environment["NPCEGRAPH_UPDATE_TOKEN"] = token
    log = store.parent / f"server-{port}.log"
    command = [sys.executable, "-m", "npcegraph", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--store", str(store)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=environment, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", process, store, log)
    try:
        _wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _wait_until_up(server: Server, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited ({server.process.returncode}):\n"
                        + server.log.read_text(errors="replace"))
        try:
            if httpx.get(server.sparql, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail("the server did not answer in time:\n" + server.log.read_text(errors="replace"))


def select_values(response: httpx.Response, variable: str) -> list[str]:
    """The values of ``variable`` in a SPARQL JSON results response."""
    assert response.status_code == 200, response.text
    bindings = response.json()["results"]["bindings"]
    return [b[variable]["value"] for b in bindings if variable in b]


def letter_count(server: Server) -> int:
    """How many letters the server's default graph holds."""
    response = httpx.get(server.sparql, params={"query": COUNT_LETTERS},
                         headers={"Accept": "application/sparql-results+json"})
    return int(select_values(response, "n")[0])
