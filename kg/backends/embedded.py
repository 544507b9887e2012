"""The embedded backend: pyoxigraph's RocksDB store on disk (or in memory for tests).

Queries go straight to Oxigraph's engine (never rdflib's evaluator); every write is one transaction,
so a crash or kill leaves either the old or the new state of a graph, never a mix.
"""
from __future__ import annotations

import os
from typing import Any, Iterable

import pyoxigraph as ox

from kg import errors
from kg.backends import union


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
                self.ensure_union()
        except OSError as exc:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in detail.lower():
                raise errors.StoreUnavailable(errors.message("store_locked", path=path, detail=detail)) from exc
            raise errors.StoreUnavailable(errors.message("store_open_failed", path=path, detail=detail)) from exc

    # -- reads
    def query(self, sparql: str, *, union: bool = True, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None, substitutions: dict | None = None) -> Any:
        """`union` is kept for callers: the default graph *is* the union (a set, see kg.backends.union)."""
        kw: dict[str, Any] = {}
        if default_graph:
            kw["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        if named_graphs:
            kw["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if substitutions:
            kw["substitutions"] = substitutions
        try:
            return self.ox.query(sparql, **kw)
        except SyntaxError as exc:
            raise errors.BadQuery(errors.message("bad_query", detail=str(exc))) from exc

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode)
                      and next(iter(self.ox.quads_for_pattern(None, None, None, g)), None) is not None)

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        """The quads of one named graph, or of every named graph (the default graph is derived from them)."""
        if graph:
            return self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        return (q for q in self.ox if not isinstance(q.graph_name, ox.DefaultGraph))

    def triples(self) -> Iterable[ox.Quad]:
        """The default graph: each distinct triple once."""
        return self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())

    def __len__(self) -> int:
        """Quads in named graphs."""
        return len(self.ox) - self.triple_count()

    def triple_count(self) -> int:
        return sum(1 for _ in self.triples())

    # -- writes
    def update(self, sparql: str) -> None:
        """A free-form update; the default graph stays the set union of the named graphs."""
        if union.is_empty_update(sparql):
            return
        check_update_syntax(sparql)
        self._run(union.wrap_update(sparql))

    def _run(self, sparql: str) -> None:
        try:
            self.ox.update(sparql)
        except SyntaxError as exc:
            raise errors.BadQuery(errors.message("bad_query", detail=str(exc))) from exc

    def add_quads(self, quads: list[ox.Quad]) -> None:
        """Add quads to their graphs and to the default graph in one transaction."""
        if not quads:
            return
        named = [q if isinstance(q.graph_name, ox.NamedNode) else
                 ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(union.UNNAMED_GRAPH)) for q in quads]
        merged = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
        self.ox.extend(named + merged)

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        """Drop and refill one named graph, keeping the default graph's set union, in a single transaction."""
        self._run(union.replace(graph, quads))

    def drop_graph(self, graph: str) -> None:
        self._run(union.drop(graph))

    def ensure_union(self) -> bool:
        """Build the merged default graph of a store written before it existed; True if it was built."""
        if self.ox is None or self.read_only:
            return False
        if next(iter(self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
            return False
        if next(iter(self.ox.quads_for_pattern(None, None, None, None)), None) is None:
            return False
        self.rebuild_union()
        return True

    def rebuild_union(self) -> None:
        """The default graph from scratch, streamed in batches (bulk loads bypass the per-graph upkeep)."""
        self.ox.update("DROP SILENT DEFAULT")
        batch: list[ox.Quad] = []
        for q in self.ox.quads_for_pattern(None, None, None, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            batch.append(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()))
            if len(batch) >= 100_000:
                self.ox.extend(batch)
                batch = []
        if batch:
            self.ox.extend(batch)

    def checkpoint(self, target: str) -> None:
        """A consistent, immutable copy of the store at `target` (hard links on the same file system).

        Other processes may open a checkpoint read-only; opening the live store read-only while this
        process writes it is undefined behaviour in RocksDB (pyoxigraph says so).
        """
        if self.path is None:
            raise errors.StoreUnavailable(errors.message("memory_no_checkpoint"))
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
        if fmt.supports_datasets:
            return ox.serialize(self.quads(), format=fmt)
        return self.ox.dump(format=fmt, from_graph=ox.DefaultGraph())


def check_update_syntax(sparql: str) -> None:
    """Parse the user's update alone first, so a syntax error points into their text, not the wrapper."""
    if "LOAD" in sparql.upper():  # never let the check itself fetch anything
        return
    try:
        ox.Store().update(sparql)
    except SyntaxError as exc:
        raise errors.BadQuery(errors.message("bad_query", detail=str(exc))) from exc
    except Exception:  # anything else (e.g. CREATE of an existing graph) is judged on the real store
        pass
