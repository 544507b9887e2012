"""Extraction on a Dask cluster: `cluster_runner(scheduler)` plugs into `ingest.run.ingest_paths`.

Only the CPU work moves: workers read and extract documents in batches and send back each document's
triples; the client keeps doing what a local ingest does (hash check before, one atomic replacement of each
document's graph as its result arrives, inference once at the end, progress bar and summary). A batch's
results reach the client only when the whole batch is done, so a worker killed mid-batch leaves nothing
written: the scheduler reruns that batch on another worker, and a rewrite of a graph already written is
the same replacement again.

Workers must see the documents at the same absolute paths as the client (one machine, or a shared
filesystem); the source recorded for each document is the path as the user gave it, as locally.
"""
from __future__ import annotations

import asyncio
import math
import os
import threading
from pathlib import Path
from typing import Iterator

from distributed import Client, WorkerPlugin, as_completed
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from kg import errors

ENV = "KG_SCHEDULER"
MAX_BATCH = 32  # documents per task: enough to make the scheduler's ~1 ms per task negligible
TASKS_PER_THREAD = 4  # batches in flight per worker thread: keeps workers busy, bounds client memory
_LOCK = threading.Lock()  # one extraction at a time per worker process (the pipelines are shared)


def _warm(lang: str | None) -> None:
    from ingest.run import _warm as warm_pipelines
    with _LOCK:
        warm_pipelines(lang)


def extract_batch(batch: list[tuple[str, str]], lang: str | None) -> list[dict]:
    """On a worker: `process_file` for each (absolute path, name as given) with the process's pipelines."""
    from ingest.run import process_file
    with _LOCK:
        return [process_file(path, lang, name) for path, name in batch]


class WarmPipelines(WorkerPlugin):
    """Loads the spaCy pipelines once per worker process, when the worker joins, off its event loop."""

    name = "aichip-kg-pipelines"

    def __init__(self, lang: str | None):
        self.lang = lang

    async def setup(self, worker) -> None:  # type: ignore[override]
        await asyncio.to_thread(_warm, self.lang)


def batch_size(n_docs: int, threads: int) -> int:
    """Enough batches for every thread to get several (load balance), at most MAX_BATCH documents each."""
    return max(1, min(MAX_BATCH, math.ceil(n_docs / max(1, threads * 8))))


def connect(address: str, timeout: float = 20.0) -> Client:
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise errors.StoreUnavailable(errors.message("scheduler_unreachable", address=address, detail=exc)) from exc
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, asyncio.TimeoutError) as exc:
        client.close()
        raise errors.StoreUnavailable(errors.message("scheduler_no_workers", address=address)) from exc
    return client


def cluster_runner(address: str, batch: int | None = None):
    """A `runner(todo, lang)` for `ingest_paths` that extracts on the cluster at `address`."""
    def run(todo: list[str], lang: str | None) -> Iterator[dict]:
        client = connect(address)
        try:
            yield from _run(client, todo, lang, batch)
        finally:
            client.close()
    return run


def _run(client: Client, todo: list[str], lang: str | None, batch: int | None) -> Iterator[dict]:
    client.register_plugin(WarmPipelines(lang))
    threads = sum(client.nthreads().values()) or 1
    size = batch or batch_size(len(todo), threads)
    items = [(str(Path(f).resolve()), f) for f in todo]
    batches = [items[i:i + size] for i in range(0, len(items), size)]
    pending = iter(batches)
    window = as_completed(loop=client.loop)
    owner = {}

    def submit_next() -> bool:
        b = next(pending, None)
        if b is None:
            return False
        fut = client.submit(extract_batch, b, lang, pure=False)
        owner[fut.key] = b
        window.add(fut)
        return True

    for _ in range(threads * TASKS_PER_THREAD):
        if not submit_next():
            break
    for fut in window:
        b = owner.pop(fut.key)
        try:
            results = fut.result()
        except KilledWorker as exc:  # the batch killed every worker it was given to
            results = [{"path": name, "error": f"{name}: the worker extracting it died ({exc})"} for _, name in b]
        except FutureCancelledError:
            results = [{"path": name, "error": f"{name}: cancelled on the cluster"} for _, name in b]
        except Exception as exc:  # the task itself failed (process_file catches document errors)
            results = [{"path": name, "error": f"{name}: could not be processed on the cluster "
                                               f"({type(exc).__name__}: {exc})"} for _, name in b]
        fut.release()
        submit_next()
        yield from results


def scheduler_from_env(option: str | None) -> str | None:
    return option or os.environ.get(ENV) or None
