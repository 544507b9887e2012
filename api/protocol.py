"""SPARQL 1.1 Protocol as plain functions: read a request's query, cap its rows, run it, serialise it.

`run_query(store, job)` is what a query worker (process or thread) executes: it runs the query in
Oxigraph's engine and serialises the answer with Oxigraph's own writers, so no result passes through
Python objects on the common path. The routers only parse HTTP and call these.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg import errors, formats
from kg.memo import short_text_cache
from kg.store import check_no_outbound

RESULTS_OX = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
              "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_OX = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
            "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
# a `format=` name meant for the other kind of result, mapped to its nearest equivalent
CROSS_KIND = {"graph": {"json": "jsonld", "xml": "rdfxml", "csv": "ntriples", "tsv": "ntriples", "table": "turtle"},
              "results": {}}
DEFAULT = {"results": "json", "graph": "turtle"}
# answers at least this big are gzip-compressed for clients that accept it (here in the worker, off the
# event loop; api.app's GZipMiddleware uses the same threshold for everything else and passes these through)
GZIP_MIN_BYTES = 2048
GZIP_LEVEL = 5


@dataclass
class Output:
    """What a worker hands back: a body with its media type, or an error."""

    status: int = 200
    media_type: str = "application/sparql-results+json"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    def as_tuple(self) -> tuple:
        return (self.status, self.media_type, self.body, self.headers)


# ---------------------------------------------------------------- query text
_MASK = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                   r'|<[^<>\s"{}|^`\\]*>|#[^\n]*')


@short_text_cache()
def mask(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out, keeping every offset."""
    return _MASK.sub(lambda m: " " * len(m.group(0)), sparql)


@short_text_cache()
def query_form(sparql: str) -> str | None:
    m = re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", mask(sparql), re.IGNORECASE)
    return m.group(1).upper() if m else None


def _top_groups(masked: str, start: int) -> list[tuple[int, int]] | None:
    groups, depth, open_at = [], 0, 0
    for i in range(start, len(masked)):
        c = masked[i]
        if c == "{":
            if depth == 0:
                open_at = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                groups.append((open_at, i + 1))
    return groups if depth == 0 else None


@short_text_cache()
def cap_rows(sparql: str, max_rows: int) -> str:
    """Make the outermost solution sequence stop at `max_rows`: add `LIMIT n` or lower a larger LIMIT.

    The engine then never computes more rows than the cap (a `SELECT *` over a million triples stays
    cheap). Queries whose shape is not recognised are returned unchanged.
    """
    if max_rows <= 0:
        return sparql
    masked = mask(sparql)
    m = re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", masked, re.IGNORECASE)
    if not m or m.group(1).upper() == "ASK":
        return sparql
    groups = _top_groups(masked, m.end())
    if not groups:
        return sparql
    where, tail_end = groups[-1], len(masked)
    if len(groups) >= 2:
        between = masked[groups[-2][1]:groups[-1][0]]
        vm = list(re.finditer(r"\bVALUES\b", between, re.IGNORECASE))
        if vm:  # a trailing VALUES block: the modifiers come before it
            where, tail_end = groups[-2], groups[-2][1] + vm[-1].start()
    tail = masked[where[1]:tail_end]
    lm = re.search(r"\bLIMIT\s+(\d+)", tail, re.IGNORECASE)
    if lm:
        if int(lm.group(1)) <= max_rows:
            return sparql
        s, e = where[1] + lm.start(1), where[1] + lm.end(1)
        return sparql[:s] + str(max_rows) + sparql[e:]
    return sparql[:tail_end].rstrip() + f"\nLIMIT {max_rows}\n" + sparql[tail_end:]


@short_text_cache()
def has_dataset_clause(sparql: str) -> bool:
    return re.search(r"\bFROM\b", mask(sparql), re.IGNORECASE) is not None


def check_query(sparql: str | None) -> str:
    if sparql is None or not sparql.strip():
        raise errors.BadQuery("missing query: pass it as the query parameter or as an application/sparql-query body")
    check_no_outbound(sparql)
    return sparql


# ---------------------------------------------------------------- formats
def choose_format(kind: str, accept: str | None, fmt_param: str | None) -> formats.Format:
    """`format=` wins over the Accept header; a name meant for the other result kind maps across."""
    fkind = "graph" if kind == "graph" else "results"
    if fmt_param:
        name = fmt_param.strip().lower()
        fmt = None
        try:
            fmt = formats.get(name)
        except errors.KGError:
            pass
        if fmt is not None and fmt.kind != fkind:
            alt = CROSS_KIND[fkind].get(fmt.name)
            fmt = formats.get(alt) if alt else None
        if fmt is None:
            raise errors.NotAcceptable(
                f"format {fmt_param!r} cannot carry this result; use one of {', '.join(formats.names(fkind))}")
        return fmt
    try:
        return formats.negotiate(accept, fkind, DEFAULT[fkind])
    except errors.NotAcceptable:
        if fkind != "graph" or not accept:
            raise
        # a client that only lists SPARQL results types (rdflib's SPARQLStore, SPARQLWrapper) asked a
        # CONSTRUCT/DESCRIBE: answer in the nearest RDF syntax rather than refusing
        for media in (m.split(";")[0].strip().lower() for m in accept.split(",")):
            try:
                fmt = formats.get(media)
            except errors.KGError:
                continue
            alt = CROSS_KIND["graph"].get(fmt.name)
            if alt:
                return formats.get(alt)
        raise


def _kind(raw: Any) -> str:
    name = type(raw).__name__
    if name == "QuerySolutions":
        return "select"
    if name == "QueryBoolean" or isinstance(raw, bool):
        return "ask"
    return "graph"


def serialize(raw: Any, fmt: formats.Format) -> bytes:
    kind = _kind(raw)
    if kind == "graph":
        oxf = GRAPH_OX.get(fmt.name)
        if oxf is not None and hasattr(raw, "serialize"):
            return raw.serialize(format=oxf)
        return fmt.write([ox.Triple(t.subject, t.predicate, t.object) for t in raw])
    oxf = RESULTS_OX.get(fmt.name)
    if oxf is not None and hasattr(raw, "serialize"):
        return raw.serialize(format=oxf)
    from kg.store import collect
    return fmt.write(collect(raw))


def media_type(fmt: formats.Format) -> str:
    if fmt.media_type.startswith("text/") or fmt.name in ("json", "jsonld", "xml", "rdfxml"):
        return fmt.media_type + "; charset=utf-8"
    return fmt.media_type


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an Accept-Encoding header admits gzip (`gzip;q=0` refuses it)."""
    for part in (accept_encoding or "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() in ("gzip", "x-gzip"):
            q = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") else "1"
            try:
                return float(q) > 0
            except ValueError:
                return True
    return False


def compress(out: "Output") -> "Output":
    if len(out.body) >= GZIP_MIN_BYTES:
        out.body = gzip.compress(out.body, compresslevel=GZIP_LEVEL, mtime=0)
        out.headers["Content-Encoding"] = "gzip"
        out.headers["Vary"] = "Accept, Accept-Encoding"
    return out


def run_query(store: Any, job: dict) -> Output:
    """Execute one protocol request (`job`: query, default_graph, named_graphs, accept, format, max_rows, gzip)."""
    sparql = job["query"]
    capped = cap_rows(sparql, int(job.get("max_rows") or 0))
    kw = dict(default_graph=job.get("default_graph") or None, named_graphs=job.get("named_graphs") or None,
              union=not has_dataset_clause(sparql))
    try:
        raw = _evaluate(store, capped, kw)
    except errors.BadQuery:
        if capped == sparql:
            raise
        raw = _evaluate(store, sparql, kw)  # the user's own query gives the user's own parser message
    kind = _kind(raw)
    fmt = choose_format(kind, job.get("accept"), job.get("format"))
    try:
        body = serialize(raw, fmt)
    except (OSError, RuntimeError, ValueError, TypeError) as exc:  # results are computed lazily
        raise errors.BadQuery(f"the query could not be evaluated: {exc}") from exc
    headers = {"Vary": "Accept"}
    if kind != "ask" and job.get("max_rows"):
        headers["X-SPARQL-MaxRows"] = str(job["max_rows"])
    out = Output(200, media_type(fmt), body, headers)
    return compress(out) if job.get("gzip") else out


def _evaluate(store: Any, sparql: str, kw: dict) -> Any:
    try:
        return store.raw_query(sparql, **kw)
    except errors.KGError:
        raise
    except SyntaxError as exc:
        raise errors.BadQuery(errors.message("bad_query", detail=exc)) from exc
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise errors.BadQuery(f"the query could not be evaluated: {exc}") from exc


def run_update(store: Any, sparql: str | None) -> None:
    if sparql is None or not sparql.strip():
        raise errors.BadQuery("missing update: pass it as the update parameter or an application/sparql-update body")
    check_no_outbound(sparql)
    try:
        store.update(sparql)
    except errors.KGError:
        raise
    except SyntaxError as exc:
        raise errors.BadQuery(errors.message("bad_query", detail=exc)) from exc
    except (OSError, RuntimeError, ValueError) as exc:
        raise errors.BadQuery(f"the update could not be applied: {exc}") from exc
