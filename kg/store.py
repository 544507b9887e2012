"""`open_store(spec)`: one small store API over an embedded Oxigraph database or a remote SPARQL server.

About as small as pyoxigraph's `Store`: load, replace_graph, query, update, export, graphs, stats.
Memory (`:memory:`), a directory path, or an `http(s)://` URL are just specs. The default graph of every
query is the union of all named graphs, as the contract requires: a set, each triple once however many
documents state it (kept materialised by the backends, see kg/backends/union.py).
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyoxigraph as ox

from kg import errors, formats
from kg.backends.embedded import EmbeddedBackend
from kg.backends.remote import RemoteBackend
from kg.memo import short_text_cache

DEFAULT_STORE = "./kg-data"
BULK_BYTES = 32 * 1024 * 1024  # files above this are streamed into the embedded store

RDF_FORMATS = {  # extension or name -> pyoxigraph format
    "ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD,
    "json": ox.RdfFormat.JSON_LD, "rdf": ox.RdfFormat.RDF_XML, "xml": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML, "n3": ox.RdfFormat.N3,
}
_FORBIDDEN = re.compile(r"\b(SERVICE|LOAD)\b", re.IGNORECASE)


def term_value(term: Any) -> Any:
    """A Python value for an RDF term: str for IRIs, int/Decimal/bool/str for literals."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        v = term.value
        try:
            if dt.endswith(("#integer", "#int", "#long", "#gYear", "#nonNegativeInteger")) and re.fullmatch(r"-?\d+", v):
                return int(v)
            if dt.endswith(("#decimal", "#double", "#float")):
                d = Decimal(v)
                return int(d) if d == d.to_integral_value() and "E" not in v.upper() and "." not in v else d
            if dt.endswith("#boolean"):
                return v in ("true", "1")
        except Exception:  # a malformed literal stays a string
            return v
        return v
    return term.value


@dataclass
class Result:
    """A query result: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: list[str]
    solutions: list[dict[str, Any]]  # SELECT: var -> pyoxigraph term
    boolean: bool | None = None
    triples: list[Any] | None = None

    def rows(self) -> Iterator[tuple]:
        for sol in self.solutions:
            yield tuple(term_value(sol.get(v)) for v in self.variables)

    def records(self) -> list[dict[str, Any]]:
        return [{v: term_value(sol.get(v)) for v in self.variables if sol.get(v) is not None}
                for sol in self.solutions]

    def serialize_results(self, fmt: ox.QueryResultsFormat) -> bytes:
        if self.kind == "ask":
            doc = b'{"head": {}, "boolean": %s}' % (b"true" if self.boolean else b"false")
            if fmt == ox.QueryResultsFormat.JSON:
                return doc
            return ox.parse_query_results(doc, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
        return _solutions_bytes(self.variables, self.solutions, fmt)

    def serialize(self, name: str) -> bytes:
        fmt = formats.get(name)
        if self.kind == "graph":
            if fmt.kind != "graph":
                raise errors.NotAcceptable(errors.message("format_not_graph", name=name))
            return fmt.write(self.triples or [])
        if fmt.kind != "results":
            raise errors.NotAcceptable(errors.message("format_not_results", name=name))
        return fmt.write(self)


def _solutions_bytes(variables: list[str], solutions: list[dict], fmt: ox.QueryResultsFormat) -> bytes:
    """Serialise solutions through Oxigraph's writer by round-tripping via SPARQL JSON."""
    import json as _json
    bindings = []
    for sol in solutions:
        b = {}
        for v in variables:
            t = sol.get(v)
            if t is not None:
                b[v] = _term_json(t)
        bindings.append(b)
    doc = _json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()
    if fmt == ox.QueryResultsFormat.JSON:
        return doc
    parsed = ox.parse_query_results(doc, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=fmt)


def _term_json(t: Any) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d: dict = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = t.datatype.value
        return d
    return {"type": "literal", "value": str(t)}


class Store:
    """The graph store. Use `open_store(spec)`; close it (or use `with`) to release the disk lock."""

    def __init__(self, backend: EmbeddedBackend | RemoteBackend, spec: str):
        self.backend = backend
        self.spec = spec

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    def flush(self) -> None:
        """Write buffered changes to disk files (the store stays open)."""
        self.backend.flush()

    def optimize(self) -> None:
        """Compact an embedded store after a batch of writes (no-op for remote stores)."""
        if not self.is_remote:
            self.backend.optimize()

    def checkpoint(self, target: str) -> None:
        """Write an immutable point-in-time copy of an embedded store to `target` (must not exist)."""
        if self.is_remote:
            raise errors.StoreUnavailable(errors.message("remote_no_checkpoint"))
        self.backend.checkpoint(target)

    @property
    def is_remote(self) -> bool:
        return isinstance(self.backend, RemoteBackend)

    # ------------------------------------------------------------------ queries
    def query(self, sparql: str, *, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None, substitutions: dict[str, Any] | None = None,
              allow_outbound: bool = False) -> Result:
        """Run a SPARQL query in Oxigraph's engine (or the remote server's) and collect the result."""
        if not allow_outbound:
            check_no_outbound(sparql)
        subs = {ox.Variable(k): to_term(v) for k, v in (substitutions or {}).items()}
        raw = self.backend.query(sparql, default_graph=default_graph, named_graphs=named_graphs,
                                 substitutions=subs or None)
        return collect(raw)

    def raw_query(self, sparql: str, **kw: Any) -> Any:
        """The backend's own result object (pyoxigraph QuerySolutions/QueryTriples/QueryBoolean)."""
        return self.backend.query(sparql, **kw)

    def select(self, sparql: str, **kw: Any) -> list[dict[str, Any]]:
        """SELECT rows as dicts of Python values."""
        return self.query(sparql, **kw).records()

    def update(self, sparql: str, *, allow_outbound: bool = False) -> None:
        if not allow_outbound:
            check_no_outbound(sparql)
        self.backend.update(sparql)

    # ------------------------------------------------------------------ graphs
    def graphs(self) -> list[str]:
        return self.backend.graphs()

    def replace_graph(self, graph: str, quads_or_triples: Iterable[Any]) -> int:
        """Atomically replace one named graph with the given triples/quads (their graph is ignored)."""
        g = ox.NamedNode(graph)
        quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in quads_or_triples]
        self.backend.replace_graph(graph, quads)
        return len(quads)

    def drop_graph(self, graph: str) -> None:
        self.backend.drop_graph(graph)

    def add(self, quads: Iterable[ox.Quad]) -> None:
        self.backend.add_quads(list(quads))

    def load(self, source: str | Path | bytes, fmt: str | None = None, graph: str | None = None) -> int:
        """Parse a file (or bytes) entirely, then add it in one transaction; returns the quad count.

        Triples without a graph go to `graph` or, when none is given, a named graph for the file, so that
        the default graph stays the union of named graphs.
        """
        if isinstance(source, bytes):
            data, name = source, "<data>"
        else:
            path = Path(source)
            if not path.is_file():
                raise errors.BadInput(errors.message("missing_file", path=source))
            if path.stat().st_size > BULK_BYTES and not self.is_remote:
                return self._bulk_load(path, fmt, graph)
            data, name = path.read_bytes(), str(path)
        oxfmt = rdf_format(fmt or (name.rsplit(".", 1)[-1] if "." in name else "ttl"))
        if graph is None and not oxfmt.supports_datasets and name != "<data>":
            graph = "file://" + str(Path(name).resolve())
        target = ox.NamedNode(graph) if graph else None
        try:
            parsed = list(ox.parse(data, format=oxfmt, base_iri=None))
        except (SyntaxError, ValueError) as exc:
            raise errors.BadInput(errors.message("bad_rdf", path=name, fmt=oxfmt.name, detail=exc)) from exc
        quads = []
        for q in parsed:
            gname = q.graph_name
            if target is not None and (isinstance(gname, ox.DefaultGraph)):
                gname = target
            quads.append(ox.Quad(q.subject, q.predicate, q.object, gname))
        self.backend.add_quads(quads)
        return len(quads)

    def _bulk_load(self, path: Path, fmt: str | None, graph: str | None) -> int:
        """Big files: check the whole file parses (streaming, nothing kept), then let Oxigraph bulk-load
        it without holding it in memory. A file that fails the check loads nothing."""
        oxfmt = rdf_format(fmt or path.suffix.lstrip(".") or "ttl")
        if graph is None and not oxfmt.supports_datasets:
            graph = "file://" + str(path.resolve())
        n = 0
        try:
            with path.open("rb") as fh:
                for _ in ox.parse(fh, format=oxfmt):
                    n += 1
        except (SyntaxError, ValueError) as exc:
            raise errors.BadInput(errors.message("bad_rdf", path=path, fmt=oxfmt.name, detail=exc)) from exc
        kw = {"to_graph": ox.NamedNode(graph)} if graph and not oxfmt.supports_datasets else {}
        self.backend.ox.bulk_load(path=str(path), format=oxfmt, **kw)
        self.backend.rebuild_union()
        self.backend.flush()
        return n

    def export(self, fmt: str = "nquads") -> bytes:
        f = formats.get(fmt, "graph")
        return f.write(self.backend.quads())

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        return self.backend.quads(graph)

    def __len__(self) -> int:
        """Quads in named graphs (each document's copy of a fact counts)."""
        return len(self.backend)

    def triple_count(self) -> int:
        """Distinct triples: the size of the default graph, the set union of the named graphs."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"]) if rows else 0

    def stats(self) -> dict[str, Any]:
        """Distinct triples and counts per class (the default graph, a set), quads per named graph."""
        classes = self.select("SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n)")
        graphs = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
        return {
            "triples": self.triple_count(),
            "quads": len(self),
            "classes": {r["c"]: int(r["n"]) for r in classes if "c" in r},
            "graphs": {r["g"]: int(r["n"]) for r in graphs if "g" in r},
        }

    def rdflib_dataset(self):
        """An rdflib Dataset over the same embedded Oxigraph store (oxrdflib), for rdflib users."""
        if self.is_remote:
            from rdflib import Dataset
            from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
            st = SPARQLUpdateStore(self.backend.query_url, self.backend.update_url)
            return Dataset(store=st)
        from oxrdflib import OxigraphStore
        from rdflib import Dataset
        return Dataset(store=OxigraphStore(store=self.backend.ox))


def collect(raw: Any) -> Result:
    if isinstance(raw, bool) or type(raw).__name__ == "QueryBoolean":
        return Result("ask", [], [], boolean=bool(raw))
    if type(raw).__name__ == "QuerySolutions":
        variables = [v.value for v in raw.variables]
        sols = [{v: sol[v] for v in variables if sol[v] is not None} for sol in raw]
        return Result("select", variables, sols)
    triples = [ox.Triple(t.subject, t.predicate, t.object) for t in raw]
    return Result("graph", [], [], triples=triples)


def check_no_outbound(sparql: str) -> None:
    """Refuse SERVICE, LOAD and remote FROM: a query never causes an outbound request."""
    stripped = _strip_strings_and_iris(sparql)
    m = _FORBIDDEN.search(stripped)
    if m:
        raise errors.Forbidden(errors.message("outbound", what=m.group(1).upper()))


@short_text_cache()
def _strip_strings_and_iris(sparql: str) -> str:
    text = re.sub(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', sparql)
    text = re.sub(r"<[^<>\s]*>", "<>", text)
    return re.sub(r"#[^\n]*", "", text)


def to_term(value: Any, iri_strings: bool = True) -> Any:
    """A pyoxigraph term for a Python value; strings that look like http(s) IRIs become IRIs only when
    `iri_strings` (never for text a user typed)."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, (float, Decimal)):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    s = str(value)
    if iri_strings and re.match(r"^https?://\S+$", s):
        return ox.NamedNode(s)
    return ox.Literal(s)


def rdf_format(name: str) -> ox.RdfFormat:
    key = name.lower().lstrip(".")
    if key in RDF_FORMATS:
        return RDF_FORMATS[key]
    try:
        return ox.RdfFormat.from_media_type(key)
    except Exception:
        pass
    raise errors.BadInput(errors.message("unknown_format", fmt=name, known=", ".join(sorted(RDF_FORMATS))))


def is_local_path(spec: str) -> bool:
    return spec != ":memory:" and not spec.startswith(("http://", "https://"))


def _server_file(spec: str) -> Path:
    live = Path(spec).resolve()
    return live.parent / f".{live.name}.server"


def server_of(spec: str) -> str | None:
    """The /sparql URL of the `kg serve` that announced it holds the store at `spec`, if any."""
    try:
        return _server_file(spec).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


@contextmanager
def announce_server(spec: str, url: str):
    """While a server runs, a file beside its store says where, so read commands can go through it."""
    path = _server_file(spec) if is_local_path(spec) else None
    try:
        if path is not None:
            path.write_text(url + "\n", encoding="utf-8")
    except OSError:
        path = None
    try:
        yield
    finally:
        if path is not None:
            path.unlink(missing_ok=True)


def open_store(spec: str | None = None, *, read_only: bool = False, token: str | None = None) -> Store:
    """`None`/a path → embedded on disk; `:memory:` → in memory; `http(s)://…` → remote SPARQL server."""
    spec = spec or os.environ.get("KG_STORE") or DEFAULT_STORE
    if spec == ":memory:":
        return Store(EmbeddedBackend(None), spec)
    if spec.startswith(("http://", "https://")):
        return Store(RemoteBackend(spec, token=token or os.environ.get("KG_REMOTE_TOKEN")), spec)
    return Store(EmbeddedBackend(spec, read_only=read_only), spec)
