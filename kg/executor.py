"""Where queries run: a small pool of worker processes (on-disk store) or threads (memory/remote store).

pyoxigraph cannot cancel a running query, so for an on-disk store queries run in worker processes and
a worker that exceeds the time limit is killed and replaced; the event loop never blocks and other
requests keep being answered. Workers never open the live store (RocksDB leaves a read-only open of a
store another process writes undefined): they read a checkpoint, an immutable hard-linked copy the
server takes at start and again at the first query after a write. Old checkpoints are deleted once no
worker has them open.

A worker hop costs about 0.3 ms, as much as a cheap query. So the executor remembers which requests (query
text, dataset, format) a worker answered within `inline_ms` on the current checkpoint, and answers those
again in-process, on the event loop, from its own read-only handle on the same checkpoint: the same query
on the same immutable data costs the same, so nothing unbounded ever runs outside a worker. The memory is
dropped whenever a write produces a new checkpoint. For `:memory:` and remote stores a thread pool with a timeout is used (the late
thread finishes in the background; its answer is dropped).
"""
from __future__ import annotations

import asyncio
import importlib
import multiprocessing as mp
import os
import pickle
import shutil
import signal
import socket
import struct
import tempfile
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any, Callable

from kg import errors

DEFAULT_RUNNER = "api.protocol:run_query"
"""What a job means is the caller's: the HTTP layer names its protocol function (a dotted path, so a spawned
worker can import it and this store-level module imports nothing above `kg`)."""


@lru_cache(maxsize=4)
def _runner(ref: str) -> Callable[[Any, dict], Any]:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def _outcome(store: Any, job: dict, runner: str = DEFAULT_RUNNER) -> tuple:
    try:
        return _runner(runner)(store, job).as_tuple()
    except errors.KGError as exc:
        return (exc.status, "application/json", exc.message, {})
    except Exception as exc:  # never a traceback to the client
        return (500, "application/json", f"internal error: {type(exc).__name__}", {})


def worker_main(conn: Any, path: str, runner: str = DEFAULT_RUNNER) -> None:
    """A query worker: open the checkpoint each job names (reopening when it changes), run jobs until EOF.

    Jobs and answers are pickled frames in `multiprocessing.connection` framing, so the parent can read
    them with a plain asyncio protocol (`_Channel`) instead of a blocking `recv` per request.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from kg.store import open_store
    store = None
    try:
        store = open_store(path, read_only=True)
        conn.send(("ready", os.getpid()))
    except Exception as exc:
        conn.send(("failed", str(exc)))
        return
    while True:
        try:
            job = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        if job is None:
            return
        if job.get("path", path) != path:
            store = None
            path = job["path"]
            store = open_store(path, read_only=True)
        start = time.perf_counter()
        out = _outcome(store, job, runner)
        elapsed_ms = (time.perf_counter() - start) * 1000
        conn.send_bytes(pickle.dumps((out, elapsed_ms), protocol=pickle.HIGHEST_PROTOCOL))


def frame(payload: bytes) -> bytes:
    """`payload` in `multiprocessing.connection` framing (what the worker's `recv_bytes` reads)."""
    if len(payload) > 0x7FFFFFFF:
        return struct.pack("!i", -1) + struct.pack("!Q", len(payload)) + payload
    return struct.pack("!i", len(payload)) + payload


class _Channel(asyncio.Protocol):
    """The parent's end of one worker's socket: writes jobs, parses answer frames, resolves the waiter."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buf = bytearray()
        self.waiter: asyncio.Future | None = None
        self.lost = False

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while len(self.buf) >= 4:
            (size,), head = struct.unpack_from("!i", self.buf), 4
            if size == -1:
                if len(self.buf) < 12:
                    return
                (size,), head = struct.unpack_from("!Q", self.buf, 4), 12
            if len(self.buf) < head + size:
                return
            payload = bytes(self.buf[head:head + size])
            del self.buf[:head + size]
            if self.waiter is not None and not self.waiter.done():
                self.waiter.set_result(payload)

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(EOFError("the worker closed its end"))

    async def call(self, payload: bytes) -> bytes:
        if self.lost or self.transport is None:
            raise EOFError("the worker is gone")
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(frame(payload))
        return await self.waiter


class _Worker:
    def __init__(self, proc: Any, conn: Any, path: str):
        self.proc, self.conn, self.path = proc, conn, path
        self.channel: _Channel | None = None

    async def attach(self) -> None:
        """Hand the socket to the event loop (a dup, so `conn` stays valid for the blocking handshake)."""
        sock = socket.socket(fileno=os.dup(self.conn.fileno()))
        sock.setblocking(False)
        _, self.channel = await asyncio.get_running_loop().create_unix_connection(_Channel, sock=sock)

    def kill(self) -> None:
        if self.channel is not None and self.channel.transport is not None:
            self.channel.transport.abort()
        try:
            self.proc.kill()
            self.proc.join(2)
        except Exception:
            pass
        try:
            self.conn.close()
        except Exception:
            pass


class Checkpoints:
    """Numbered checkpoints of the live store in `<store>/../.<name>.checkpoints/` (same file system, so
    taking one is a few hard links and milliseconds); the directory is emptied at start and removed at close.
    """

    def __init__(self, store: Any):
        self.store = store
        live = os.path.abspath(store.spec)
        self.root = os.path.join(os.path.dirname(live), f".{os.path.basename(live)}.checkpoints")
        self.count = 0

    def reset(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        try:
            os.makedirs(self.root)
        except OSError:  # the store's parent is not writable: a temporary directory (copies, not links)
            self.root = tempfile.mkdtemp(prefix="kg-checkpoints-")

    def take(self) -> str:
        self.count += 1
        target = os.path.join(self.root, str(self.count))
        self.store.checkpoint(target)
        return target

    def prune(self, keep: set[str]) -> None:
        for name in os.listdir(self.root):
            path = os.path.join(self.root, name)
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


class ProcessExecutor:
    """N worker processes, each reading a checkpoint of the on-disk store."""

    kind = "process"

    CHEAP_MEMORY = 4096  # requests remembered as cheap (least recently used forgotten first)

    def __init__(self, store: Any, workers: int, inline_ms: float = 0.0, runner: str = DEFAULT_RUNNER):
        self.size = workers
        self.runner = runner
        self.inline_ms = inline_ms
        self._cheap: OrderedDict[tuple, None] = OrderedDict()
        self._local: Any = None  # (checkpoint path, read-only store) for in-process answers
        self.answered = {"worker": 0, "in_process": 0}
        self.generation = 0
        self.checkpoints = Checkpoints(store)
        self.current = ""  # the newest checkpoint's path
        self._current_generation = -1
        self._checkpoint_lock = asyncio.Lock()
        self._ctx = mp.get_context("spawn")
        self._idle: asyncio.LifoQueue[_Worker] = asyncio.LifoQueue()  # the last worker used has warm caches
        self._all: set[_Worker] = set()
        self._closed = False

    def _spawn(self) -> _Worker:
        path = self.current
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main, args=(child, path, self.runner), daemon=True,
                                 name="kg-query-worker")
        proc.start()
        child.close()
        if not parent.poll(60):
            proc.kill()
            raise errors.StoreUnavailable(errors.message("worker_not_started"))
        msg = parent.recv()
        if msg[0] != "ready":
            proc.kill()
            raise errors.StoreUnavailable(errors.message("worker_open_failed", detail=msg[1]))
        return _Worker(proc, parent, path)

    def _checkpoint(self) -> None:
        generation = self.generation
        self.current = self.checkpoints.take()
        self._current_generation = generation
        self._cheap.clear()

    async def _fresh_checkpoint(self) -> str:
        """The checkpoint to query: a new one if the store was written since the last was taken."""
        if self._current_generation != self.generation:
            async with self._checkpoint_lock:
                if self._current_generation != self.generation:
                    try:
                        await asyncio.to_thread(self._checkpoint)
                    except OSError as exc:
                        raise errors.StoreUnavailable(errors.message("checkpoint_failed", detail=exc)) from None
                    self._prune()
        return self.current

    def _prune(self) -> None:
        keep = {self.current} | {w.path for w in self._all} | ({self._local[0]} if self._local else set())
        self.checkpoints.prune(keep)

    @staticmethod
    def _key(job: dict) -> tuple:
        return (job["query"], tuple(job.get("default_graph") or ()), tuple(job.get("named_graphs") or ()),
                job.get("accept"), job.get("format"), job.get("max_rows"), bool(job.get("gzip")))

    async def _local_store(self, path: str) -> Any:
        if self._local is None or self._local[0] != path:
            from kg.store import open_store
            self._local = None
            self._local = (path, await asyncio.to_thread(open_store, path, read_only=True))
        return self._local[1]

    async def _inline(self, key: tuple, job: dict, path: str) -> tuple | None:
        """Answer a request known to be cheap on this checkpoint in-process; None if it is not known."""
        if not self.inline_ms or key not in self._cheap:
            return None
        self._cheap.move_to_end(key)
        store = await self._local_store(path)
        start = time.perf_counter()
        out = _outcome(store, job, self.runner)
        if (time.perf_counter() - start) * 1000 > 4 * self.inline_ms:  # the machine is loaded: back to workers
            self._cheap.pop(key, None)
        return out

    def _remember(self, key: tuple, out: tuple, elapsed_ms: float) -> None:
        if self.inline_ms and out[0] == 200 and elapsed_ms <= self.inline_ms:
            self._cheap[key] = None
            if len(self._cheap) > self.CHEAP_MEMORY:
                self._cheap.popitem(last=False)

    async def start(self) -> None:
        await asyncio.to_thread(self.checkpoints.reset)
        await asyncio.to_thread(self._checkpoint)
        workers = await asyncio.gather(*[asyncio.to_thread(self._spawn) for _ in range(self.size)])
        for w in workers:
            await w.attach()
            self._all.add(w)
            self._idle.put_nowait(w)

    async def _replace(self, dead: _Worker) -> None:
        self._all.discard(dead)
        await asyncio.to_thread(dead.kill)
        if self._closed:
            return
        try:
            w = await asyncio.to_thread(self._spawn)
            await w.attach()
        except (errors.KGError, OSError):
            await asyncio.sleep(1)
            asyncio.get_running_loop().create_task(self._replace(dead))
            return
        self._all.add(w)
        self._idle.put_nowait(w)

    def bump(self) -> None:
        self.generation += 1

    async def run(self, job: dict, timeout: float) -> tuple:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        key = self._key(job)
        if self.inline_ms and key in self._cheap:
            path = await self._fresh_checkpoint()
            out = await self._inline(key, job, path)
            if out is not None:
                self.answered["in_process"] += 1
                return out
        try:
            w = self._idle.get_nowait() if not self._idle.empty() else await asyncio.wait_for(self._idle.get(), timeout)
        except asyncio.TimeoutError:
            raise errors.QueryTimeout(errors.message("workers_busy", seconds=f"{timeout:g}")) from None
        try:
            path = await self._fresh_checkpoint()
        except BaseException:
            self._idle.put_nowait(w)
            raise
        payload = pickle.dumps(dict(job, path=path), protocol=pickle.HIGHEST_PROTOCOL)
        stale = w.path != path
        w.path = path
        try:
            async with asyncio.timeout_at(deadline):
                out, elapsed_ms = pickle.loads(await w.channel.call(payload))
        except TimeoutError:
            loop.create_task(self._replace(w))
            raise errors.QueryTimeout(errors.message("timeout", seconds=f"{timeout:g}")) from None
        except (EOFError, OSError, pickle.UnpicklingError):
            loop.create_task(self._replace(w))
            raise errors.StoreUnavailable(errors.message("worker_died")) from None
        except BaseException:  # cancelled mid-query: the worker's state is unknown
            loop.create_task(self._replace(w))
            raise
        self._idle.put_nowait(w)
        if stale:
            self._prune()
        self.answered["worker"] += 1
        if path == self.current:
            self._remember(key, out, elapsed_ms)
        return out

    async def close(self) -> None:
        self._closed = True
        for w in list(self._all):
            try:
                w.conn.send_bytes(pickle.dumps(None))
            except Exception:
                pass
        await asyncio.sleep(0)
        for w in list(self._all):
            w.proc.join(0.5)
            w.kill()
        self._all.clear()
        self._local = None
        self.checkpoints.remove()


class ThreadExecutor:
    """Queries on the shared store in a few threads, with a timeout on the answer."""

    kind = "thread"

    def __init__(self, store: Any, workers: int, runner: str = DEFAULT_RUNNER):
        self.store = store
        self.runner = runner
        self.generation = 0
        self.pool = ThreadPoolExecutor(max_workers=max(2, workers * 2), thread_name_prefix="kg-query")

    async def start(self) -> None:
        return None

    def bump(self) -> None:
        self.generation += 1

    async def run(self, job: dict, timeout: float) -> tuple:
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(self.pool, _outcome, self.store, job, self.runner)
        try:
            return await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError:
            raise errors.QueryTimeout(errors.message("timeout", seconds=f"{timeout:g}")) from None

    async def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def make_executor(store: Any, settings: Any, runner: str = DEFAULT_RUNNER):
    """Worker processes over checkpoints for an on-disk store; threads for memory and remote stores.
    `runner` ("module:function") turns (store, job) into an answer with `as_tuple()`."""
    spec = store.spec
    if store.is_remote or spec == ":memory:":
        return ThreadExecutor(store, settings.workers, runner)
    return ProcessExecutor(store, settings.workers, settings.inline_ms, runner)


