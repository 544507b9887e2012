"""Where queries run: a small pool of worker processes (on-disk store) or threads (memory/remote store).

pyoxigraph cannot cancel a running query, so for an on-disk store each worker process opens the store
read-only and a worker that exceeds the time limit is killed and replaced; the event loop never blocks
and other requests keep being answered. After a write the generation counter goes up and each worker
reopens its read-only view before its next query. For `:memory:` and remote stores a thread pool with
a timeout is used (the late thread finishes in the background; its answer is dropped).
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import pickle
import signal
import socket
import struct
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from kg import errors


def _outcome(store: Any, job: dict) -> tuple:
    from api.protocol import run_query
    try:
        return run_query(store, job).as_tuple()
    except errors.KGError as exc:
        return (exc.status, "application/json", exc.message, {})
    except Exception as exc:  # never a traceback to the client
        return (500, "application/json", f"internal error: {type(exc).__name__}", {})


def worker_main(conn: Any, path: str) -> None:
    """A query worker: reopen the read-only store when the generation moves, run jobs until EOF.

    Jobs and answers are pickled frames in `multiprocessing.connection` framing, so the parent can read
    them with a plain asyncio protocol (`_Channel`) instead of a blocking `recv` per request.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from kg.store import open_store
    store, generation = None, -1
    try:
        store, generation = open_store(path, read_only=True), 0
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
        if job.get("generation", 0) != generation:
            store = None
            store, generation = open_store(path, read_only=True), job.get("generation", 0)
        conn.send_bytes(pickle.dumps(_outcome(store, job), protocol=pickle.HIGHEST_PROTOCOL))


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
    def __init__(self, proc: Any, conn: Any):
        self.proc, self.conn = proc, conn
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


class ProcessExecutor:
    """N worker processes over a read-only view of an on-disk store."""

    kind = "process"

    def __init__(self, path: str, workers: int):
        self.path, self.size = path, workers
        self.generation = 0
        self._ctx = mp.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._closed = False

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main, args=(child, self.path), daemon=True,
                                 name="kg-query-worker")
        proc.start()
        child.close()
        if not parent.poll(60):
            proc.kill()
            raise errors.StoreUnavailable("a query worker did not start")
        msg = parent.recv()
        if msg[0] != "ready":
            proc.kill()
            raise errors.StoreUnavailable(f"a query worker could not open the store: {msg[1]}")
        return _Worker(proc, parent)

    async def start(self) -> None:
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
        try:
            w = self._idle.get_nowait() if not self._idle.empty() else await asyncio.wait_for(self._idle.get(), timeout)
        except asyncio.TimeoutError:
            raise errors.QueryTimeout(f"every query worker stayed busy for the limit of {timeout:g} s; try again") from None
        payload = pickle.dumps(dict(job, generation=self.generation), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            async with asyncio.timeout_at(deadline):
                out = pickle.loads(await w.channel.call(payload))
        except TimeoutError:
            loop.create_task(self._replace(w))
            raise errors.QueryTimeout(errors.message("timeout", seconds=f"{timeout:g}")) from None
        except (EOFError, OSError, pickle.UnpicklingError):
            loop.create_task(self._replace(w))
            raise errors.StoreUnavailable("the query worker stopped unexpectedly (out of memory?); try again") from None
        except BaseException:  # cancelled mid-query: the worker's state is unknown
            loop.create_task(self._replace(w))
            raise
        self._idle.put_nowait(w)
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


class ThreadExecutor:
    """Queries on the shared store in a few threads, with a timeout on the answer."""

    kind = "thread"

    def __init__(self, store: Any, workers: int):
        self.store = store
        self.generation = 0
        self.pool = ThreadPoolExecutor(max_workers=max(2, workers * 2), thread_name_prefix="kg-query")

    async def start(self) -> None:
        return None

    def bump(self) -> None:
        self.generation += 1

    async def run(self, job: dict, timeout: float) -> tuple:
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(self.pool, _outcome, self.store, job)
        try:
            return await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError:
            raise errors.QueryTimeout(errors.message("timeout", seconds=f"{timeout:g}")) from None

    async def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def make_executor(store: Any, settings: Any):
    spec = store.spec
    if store.is_remote or spec == ":memory:":
        return ThreadExecutor(store, settings.workers)
    return ProcessExecutor(os.path.abspath(spec), settings.workers)


