"""A query that overruns its timeout ends with 504, frees its CPU, and blocks nobody else."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
from servers import COUNT_LETTERS, Server, select_values

CARTESIAN = ("SELECT (COUNT(*) AS ?n) WHERE "
             "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
VALUES_PRODUCT = ("SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"VALUES ?v{i} {{ {' '.join(str(n) for n in range(1000))} }}" for i in range(4)) + " }")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / 100  # utime, stime in clock ticks


def busiest(pids: list[int]) -> tuple[int, float]:
    """The process that used the most CPU over half a second, and how much it used."""
    before = {pid: cpu_seconds(pid) for pid in pids}
    time.sleep(0.5)
    return max(((pid, cpu_seconds(pid) - before[pid]) for pid in pids), key=lambda p: p[1])


def exists(pid: int) -> bool:
    """Whether ``pid`` is a live (not zombie) process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("expensive", [CARTESIAN, VALUES_PRODUCT], ids=["cartesian", "values"])
def test_api_timeout_kills_the_query_and_others_still_answer(server: Server,
                                                             expensive: str) -> None:
    workers_before = len(server.descendants())
    outcome: dict[str, object] = {}

    def run_expensive() -> None:
        started = time.monotonic()
        response = httpx.get(server.sparql, params={"query": expensive, "timeout": "2"},
                             headers={"Accept": "application/json"}, timeout=30)
        outcome["seconds"] = time.monotonic() - started
        outcome["response"] = response

    thread = threading.Thread(target=run_expensive)
    thread.start()
    time.sleep(0.3)
    cheap_started = time.monotonic()
    cheap = httpx.get(server.sparql, params={"query": COUNT_LETTERS},
                      headers={"Accept": "application/sparql-results+json"})
    cheap_seconds = time.monotonic() - cheap_started
    worker, used = busiest(server.descendants())
    thread.join(10)

    assert select_values(cheap, "n") == ["4"]
    assert cheap_seconds < 1.0
    assert used > 0.3  # the expensive query was burning CPU in worker ``worker``
    response = outcome["response"]
    assert isinstance(response, httpx.Response)
    assert response.status_code == 504
    assert response.json()["error"]["status"] == 504
    assert 2.0 <= float(str(outcome["seconds"])) < 3.0
    deadline = time.monotonic() + 1.0
    while exists(worker) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not exists(worker)
    deadline = time.monotonic() + 5.0  # a replacement worker takes its place
    while len(server.descendants()) < workers_before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(server.descendants()) == workers_before
    again = httpx.get(server.sparql, params={"query": COUNT_LETTERS},
                      headers={"Accept": "application/sparql-results+json"})
    assert select_values(again, "n") == ["4"]


def test_api_timeout_parameter_cannot_raise_the_limit(server: Server) -> None:
    started = time.monotonic()  # the test server's NPCEGRAPH_QUERY_TIMEOUT is 3 s
    response = httpx.get(server.sparql, params={"query": CARTESIAN, "timeout": "3600"},
                         headers={"Accept": "application/json"}, timeout=30)
    assert 3.0 <= time.monotonic() - started < 4.0
    assert response.json()["error"] == {
        "status": 504, "title": "Gateway Timeout", "detail": "the query did not finish within "
        "3 s and was stopped; make it cheaper or narrow it down"}
