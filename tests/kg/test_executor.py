"""Query workers over checkpoints of a live on-disk store: writes are seen, checkpoints are cleaned up,
and a runaway query is stopped while the pool keeps answering."""
from __future__ import annotations

import asyncio
import json
import os
from types import SimpleNamespace

import pytest

from kg.executor import ProcessExecutor, make_executor
from kg.store import open_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def job(query: str) -> dict:
    return {"query": query, "default_graph": [], "named_graphs": [], "accept": "application/sparql-results+json",
            "format": None, "max_rows": 1000}


def count(out: tuple) -> int:
    status, _, body, _ = out
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def insert(store, i: int) -> None:
    store.update(f"INSERT DATA {{ GRAPH <urn:g:{i % 3}> {{ <urn:s:{i}> <urn:p> {i} }} }}")


@pytest.fixture()
def store(tmp_path):
    s = open_store(str(tmp_path / "live"))
    insert(s, 0)
    yield s
    s.close()


def test_workers_read_checkpoints_and_see_writes(store, tmp_path):
    async def scenario() -> None:
        ex = make_executor(store, SimpleNamespace(workers=2, inline_ms=0))
        assert isinstance(ex, ProcessExecutor)
        await ex.start()
        try:
            root = ex.checkpoints.root
            assert root == str(tmp_path / ".live.checkpoints")
            assert count(await ex.run(job(COUNT), 30)) == 1
            for i in range(1, 25):  # writes interleaved with queries on both workers
                insert(store, i)
                ex.bump()
                assert count(await ex.run(job(COUNT), 30)) == i + 1
                assert count(await ex.run(job(COUNT), 30)) == i + 1
            assert all(w.path.startswith(root + os.sep) for w in ex._all)  # never the live store
            assert len(os.listdir(root)) <= 3  # the newest, plus at most one per worker
        finally:
            await ex.close()
        assert not os.path.exists(root)

    asyncio.run(scenario())


def test_stale_checkpoints_removed_at_start(store, tmp_path):
    stale = tmp_path / ".live.checkpoints" / "99"
    stale.mkdir(parents=True)

    async def scenario() -> None:
        ex = make_executor(store, SimpleNamespace(workers=1, inline_ms=0))
        await ex.start()
        try:
            assert not stale.exists()
            assert count(await ex.run(job(COUNT), 30)) == 1
        finally:
            await ex.close()

    asyncio.run(scenario())


def test_runaway_query_stopped_pool_keeps_answering(store):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?t }"
    for i in range(1, 60):
        insert(store, i)

    async def scenario() -> None:
        ex = make_executor(store, SimpleNamespace(workers=2, inline_ms=0))
        await ex.start()
        try:
            slow = asyncio.ensure_future(ex.run(job(runaway), 1.0))
            assert count(await ex.run(job(COUNT), 30)) == 60  # the other worker answers meanwhile
            from kg import errors
            with pytest.raises(errors.QueryTimeout):
                await slow
            for _ in range(4):  # the killed worker is replaced
                assert count(await ex.run(job(COUNT), 30)) == 60
        finally:
            await ex.close()

    asyncio.run(scenario())


def test_cheap_repeats_answered_in_process_until_a_write(store):
    """A request a worker answered fast is answered in-process when repeated on the same checkpoint, with
    the same bytes; after a write the next answer comes from a worker again and sees the write."""
    async def scenario() -> None:
        ex = make_executor(store, SimpleNamespace(workers=1, inline_ms=1000))
        await ex.start()
        try:
            first = await ex.run(job(COUNT), 30)
            assert ex.answered == {"worker": 1, "in_process": 0}
            again = await ex.run(job(COUNT), 30)
            assert ex.answered == {"worker": 1, "in_process": 1}
            assert again == first
            other = dict(job(COUNT), format="csv")  # another format is another request
            await ex.run(other, 30)
            assert ex.answered["worker"] == 2
            insert(store, 1)
            ex.bump()
            assert count(await ex.run(job(COUNT), 30)) == 2
            assert ex.answered == {"worker": 3, "in_process": 1}
            assert count(await ex.run(job(COUNT), 30)) == 2
            assert ex.answered["in_process"] == 2
        finally:
            await ex.close()

    asyncio.run(scenario())


def test_slow_or_runaway_queries_never_run_in_process(store):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?t }"
    for i in range(1, 60):
        insert(store, i)

    async def scenario() -> None:
        from kg import errors
        ex = make_executor(store, SimpleNamespace(workers=1, inline_ms=0.001))  # nothing is that fast
        await ex.start()
        try:
            for _ in range(2):
                await ex.run(job(COUNT), 30)
            assert ex.answered == {"worker": 2, "in_process": 0}
            ex.inline_ms = 1000
            for _ in range(2):
                with pytest.raises(errors.QueryTimeout):
                    await ex.run(job(runaway), 0.5)
            assert ex.answered["in_process"] == 0
        finally:
            await ex.close()

    asyncio.run(scenario())
