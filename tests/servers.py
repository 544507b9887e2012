"""Throwaway servers for tests and benchmarks: Virtuoso, and a Dask scheduler with workers.

Each binds 127.0.0.1 on free ports and keeps its data in a directory the caller owns; `stop` ends only the
processes started here, by pid.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_VSP = Path("/var/lib/virtuoso-opensource-7/vsp")
DASK = Path(sys.executable).parent / "dask"

VIRTUOSO_INI = """[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = .
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 1G
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {vsp}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def start_oxigraph(location: Path, tries: int = 300) -> tuple[subprocess.Popen, str]:
    """`oxigraph serve` (no union view: the default graph is its own) on a free port; returns the process and
    its base URL once it answers."""
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(tries):
        try:
            if httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("oxigraph serve did not start")


def stop(proc: subprocess.Popen, timeout: float = 20) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)


def virtuoso_missing() -> str | None:
    """Why Virtuoso cannot run here (None when it can)."""
    if not VIRTUOSO:
        return "virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource)"
    if not VIRTUOSO_VSP.is_dir():
        return f"{VIRTUOSO_VSP} is missing (install Debian's virtuoso-opensource)"
    return None


def start_virtuoso(location: Path, buffers: int = 20000) -> tuple[subprocess.Popen, str]:
    """A fresh Virtuoso database in `location`; returns the process and the store URL (the digest-auth
    SPARQL endpoint as the database's administrator, who may update)."""
    location.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    (location / "virtuoso.ini").write_text(VIRTUOSO_INI.format(
        sql_port=sql_port, http_port=http_port, vsp=VIRTUOSO_VSP, buffers=buffers, dirty=buffers * 3 // 4))
    log = (location / "stdout.log").open("wb")
    proc = subprocess.Popen([VIRTUOSO, "-c", "virtuoso.ini", "+foreground"], cwd=location,
                            stdout=log, stderr=subprocess.STDOUT)
    probe = f"http://127.0.0.1:{http_port}/sparql"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"virtuoso exited: {(location / 'virtuoso.log').read_text(errors='replace')[-500:]}")
        try:
            if httpx.get(probe, params={"query": "ASK { ?s ?p ?o }"}, timeout=2).status_code == 200:
                return proc, f"http://dba:dba@127.0.0.1:{http_port}/sparql-auth"
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    stop(proc)
    raise RuntimeError("virtuoso did not start within 120 s")


@dataclass
class DaskCluster:
    """A scheduler and workers started with `.venv/bin/dask`, as a user would."""

    address: str
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen] = field(default_factory=list)

    def stop(self) -> None:
        for w in self.workers:
            stop(w)
        stop(self.scheduler)


def start_dask(workers: int, logdir: Path, nanny: bool = False) -> DaskCluster:
    """A scheduler and `workers` single-threaded worker processes; waits until all have joined.

    Without a nanny a worker killed with SIGKILL stays dead, so its tasks must move to another worker."""
    logdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    sched = subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                              "--no-dashboard"], stdout=subprocess.DEVNULL,
                             stderr=(logdir / "scheduler.log").open("wb"), cwd=logdir)
    cluster = DaskCluster(address, sched)
    for i in range(workers):
        cluster.workers.append(subprocess.Popen(
            [str(DASK), "worker", address, "--nthreads", "1", "--memory-limit", "0", "--no-dashboard",
             "--name", f"w{i}", "--nanny" if nanny else "--no-nanny"], stdout=subprocess.DEVNULL,
            stderr=(logdir / f"worker{i}.log").open("wb"), cwd=logdir))
    from distributed import Client
    try:
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)
    except Exception:
        cluster.stop()
        raise
    return cluster


def clear_virtuoso(url: str) -> None:
    """Drop every graph but Virtuoso's own (the union graph too), so a shared server starts each test empty."""
    from kg.backends.remote import VIRTUOSO_UNION, RemoteBackend
    backend = RemoteBackend(url)
    try:
        drops = [f"DROP SILENT GRAPH <{g}>" for g in [*backend.graphs(), VIRTUOSO_UNION]]
        backend._post(backend.query_url, data={"update": " ;\n".join(drops)})
    finally:
        backend.http.close()


_SESSION: dict[str, str] = {}


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """One throwaway Virtuoso (Debian's virtuoso-opensource) for the whole test process, on free 127.0.0.1
    ports. Modules import this fixture, and pytest keeps a session fixture per defining module, so the server
    itself is kept here and stopped when the process exits."""
    why = virtuoso_missing()
    if why:
        pytest.skip(why)
    if "url" not in _SESSION:
        import atexit
        proc, _SESSION["url"] = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
        atexit.register(stop, proc)
    return _SESSION["url"]


@pytest.fixture
def virtuoso_url(virtuoso_server):
    """The session's Virtuoso, emptied of every graph the project wrote."""
    clear_virtuoso(virtuoso_server)
    return virtuoso_server
