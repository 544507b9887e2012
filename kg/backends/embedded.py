"""The embedded backend: pyoxigraph's RocksDB store on disk (or in memory for tests).

Queries go straight to Oxigraph's engine (never rdflib's evaluator); every write is one transaction,
so a crash or kill leaves either the old or the new state of a graph, never a mix.
"""
from __future__ import annotations

import os
from typing import Any, Iterable

import pyoxigraph as ox

from kg import errors


class EmbeddedBackend:
    """A pyoxigraph.Store; `path=None` keeps it in memory."""

    kind = "embedded"

    def __init__(self, path: str | None = None, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        try:
            if path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = ox.Store.read_only(path)
            else:
                os.makedirs(path, exist_ok=True)
                self.ox = ox.Store(path)
        except OSError as exc:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in detail.lower():
                raise errors.StoreUnavailable(errors.message("store_locked", path=path, detail=detail)) from exc
            raise errors.StoreUnavailable(f"cannot open the store at {path}: {detail}") from exc

    # -- reads
    def query(self, sparql: str, *, union: bool = True, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None, substitutions: dict | None = None) -> Any:
        kw: dict[str, Any] = {}
        if default_graph:
            kw["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        else:
            kw["use_default_graph_as_union"] = union
        if named_graphs:
            kw["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if substitutions:
            kw["substitutions"] = substitutions
        try:
            return self.ox.query(sparql, **kw)
        except SyntaxError as exc:
            raise errors.BadQuery(errors.message("bad_query", detail=str(exc))) from exc

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        g = ox.NamedNode(graph) if graph else None
        return self.ox.quads_for_pattern(None, None, None, g)

    def __len__(self) -> int:
        return len(self.ox)

    # -- writes
    def update(self, sparql: str) -> None:
        try:
            self.ox.update(sparql)
        except SyntaxError as exc:
            raise errors.BadQuery(errors.message("bad_query", detail=str(exc))) from exc

    def add_quads(self, quads: list[ox.Quad]) -> None:
        self.ox.extend(quads)

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        """Drop and refill one named graph in a single transaction."""
        g = ox.NamedNode(graph)
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")

    def drop_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def checkpoint(self, target: str) -> None:
        """A consistent, immutable copy of the store at `target` (hard links on the same file system).

        Other processes may open a checkpoint read-only; opening the live store read-only while this
        process writes it is undefined behaviour in RocksDB (pyoxigraph says so).
        """
        if self.path is None:
            raise errors.StoreUnavailable("an in-memory store has no checkpoints")
        self.ox.backup(target)

    def optimize(self) -> None:
        """Compact every column family: after a batch of writes, scans no longer merge small level-0 files
        (on a million triples that is 2 s once, and scan-heavy queries run about 20% faster after)."""
        if self.path is not None and not self.read_only:
            self.ox.optimize()

    def flush(self) -> None:
        if self.path is not None and not self.read_only and self.ox is not None:
            self.ox.flush()

    def close(self) -> None:
        """Flush and drop the handle, so RocksDB closes and releases the directory's lock now, not at GC."""
        self.flush()
        if self.path is not None:
            self.ox = None

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        return self.ox.dump(format=fmt) if fmt.supports_datasets else self.ox.dump(
            format=fmt, from_graph=ox.DefaultGraph())
