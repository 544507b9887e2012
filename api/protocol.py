"""SPARQL 1.1 Protocol as plain functions: read a request's query, cap its rows, run it, serialise it.

`run_query(store, job)` is what a query worker (process or thread) executes: it runs the query in
Oxigraph's engine and serialises the answer with Oxigraph's own writers, so no SELECT row passes through
Python objects on the common path. The routers only parse HTTP and call these.

Caps are honest: a SELECT answer longer than the row cap is cut to it and says so (`X-SPARQL-Truncated`,
`X-SPARQL-Row-Cap`, and `"truncated"`/`"rowCap"` in SPARQL JSON); one that fits says nothing. A graph
(CONSTRUCT/DESCRIBE) is never cut, since a partial graph reads as a complete one: above the triple cap
it is refused whole with a message naming the cap.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
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
# the request parameters a client may name a format in: SPARQLWrapper sends all three, some twice or empty
FORMAT_PARAMS = ("format", "output", "results")
GZIP_LEVEL = 1  # level 1: a 10 KB answer in 0.04 ms (level 5: 0.11 ms) for 12 % more bytes


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
        raise errors.BadQuery(errors.message("missing_query"))
    check_no_outbound(sparql)
    return sparql


# ---------------------------------------------------------------- formats
def format_names(values: str | Sequence[str] | None) -> list[str]:
    """Format names from `format=`-style values: each may be a comma list of names or media types."""
    if isinstance(values, str):
        values = [values]
    names = []
    for value in values or ():
        for part in value.split(","):
            name = part.split(";")[0].strip().lower()
            if name and name not in names:
                names.append(name)
    return names


def choose_format(kind: str, accept: str | None, fmt_param: str | Sequence[str] | None) -> formats.Format:
    """`format=` wins over the Accept header; a name meant for the other result kind maps across.

    Names this service does not know are refused (406) unless another given name is known; names only
    of the other kind with no equivalent (a SELECT asked for as Turtle) leave the choice to Accept.
    """
    fkind = "graph" if kind == "graph" else "results"
    names = format_names(fmt_param)
    known = False
    for name in names:
        try:
            fmt = formats.get(name)
        except errors.KGError:
            continue
        known = True
        if fmt.kind == fkind:
            return fmt
        alt = CROSS_KIND[fkind].get(fmt.name)
        if alt:
            return formats.get(alt)
    if names and not known:
        raise errors.NotAcceptable(errors.message(
            "format_cannot_carry", names=", ".join(names), known=", ".join(formats.names(fkind))))
    try:
        return formats.negotiate(accept, fkind, DEFAULT[fkind])
    except errors.NotAcceptable:
        if fkind != "graph" or not accept:
            raise
        # a client that only lists SPARQL results types (rdflib's SPARQLStore, SPARQLWrapper) asked a
        # CONSTRUCT/DESCRIBE: answer in the nearest RDF syntax rather than refusing
        for media in formats.accepted(accept):
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
    """An answer with no cap applied (ASK, or a caller that checked the size itself)."""
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


# ---------------------------------------------------------------- caps
_CSV_RECORD = re.compile(rb'(?:[^"\r\n]|"(?:[^"]|"")*")*\r\n')


def _row_bound(body: bytes, name: str) -> int:
    """At least the number of rows in an Oxigraph-written answer (exact for XML and TSV), counted in C.

    JSON: every solution but the first follows `,{` (a term object follows `:`); XML: `<result>` cannot
    occur in escaped text; CSV/TSV: a header line, then one line per row (TSV escapes line breaks).
    """
    if name == "json":
        return body.count(b",{") + 1
    if name == "xml":
        return body.count(b"<result>")
    return body.count(b"\n") - 1


def _nth_end(body: bytes, sep: bytes, n: int) -> int:
    """The offset just past the n-th `sep`, or -1 if there are fewer."""
    pos = 0
    for _ in range(n):
        found = body.find(sep, pos)
        if found < 0:
            return -1
        pos = found + len(sep)
    return pos


def cut_rows(body: bytes, name: str, cap: int) -> bytes | None:
    """The answer's first `cap` rows, or None if it has no more than `cap` (then it is sent as it is)."""
    if _row_bound(body, name) <= cap:
        return None
    if name == "json":
        doc = json.loads(body)
        rows = doc["results"]["bindings"]
        if len(rows) <= cap:
            return None
        out = {"head": doc["head"], "truncated": True, "rowCap": cap, "results": {"bindings": rows[:cap]}}
        return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if name == "xml":
        at = _nth_end(body, b"<result>", cap + 1)
        return None if at < 0 else body[:at - len(b"<result>")] + b"</results></sparql>"
    if name == "tsv":
        at = _nth_end(body, b"\n", cap + 1)
        return None if at < 0 or at >= len(body) else body[:at]
    if name == "csv":
        ends = [m.end() for _, m in zip(range(cap + 2), _CSV_RECORD.finditer(body))]
        return body[:ends[cap]] if len(ends) == cap + 2 else None
    raise ValueError(f"no row cutter for {name}")


def serialize_rows(raw: Any, fmt: formats.Format, cap: int) -> tuple[bytes, bool]:
    """A SELECT answer cut to `cap` rows (0: no cap), and whether it was cut."""
    oxf = RESULTS_OX.get(fmt.name)
    if oxf is not None and hasattr(raw, "serialize"):
        body = raw.serialize(format=oxf)
        cut = cut_rows(body, fmt.name, cap) if cap else None
        return (body, False) if cut is None else (cut, True)
    from kg.store import collect
    res = collect(raw)
    over = bool(cap) and len(res.solutions) > cap
    if over:
        res.solutions = res.solutions[:cap]
    body = fmt.write(res)
    if over and fmt.media_type.startswith("text/plain"):  # a table a person reads: say it under the rows
        body = body.rstrip(b"\n") + b"\n" + truncation_note(cap).encode("utf-8") + b"\n"
    return body, over


def serialize_graph(raw: Any, fmt: formats.Format, cap: int) -> bytes:
    """A CONSTRUCT/DESCRIBE graph, whole; refused if it has more than `cap` triples (0: no cap).

    The triples are counted as the engine yields them, so a graph far above the cap stops being built
    at the cap instead of filling memory first.
    """
    if not cap:
        return serialize(raw, fmt)
    triples = []
    for t in raw:
        triples.append(ox.Triple(t.subject, t.predicate, t.object))
        if len(triples) > cap:
            raise errors.ResultTooLarge(errors.message("graph_too_large", cap=cap))
    oxf = GRAPH_OX.get(fmt.name)
    return ox.serialize(triples, format=oxf) if oxf is not None else fmt.write(triples)


def truncation_headers(cap: int) -> dict[str, str]:
    return {"X-SPARQL-Truncated": "true", "X-SPARQL-Row-Cap": str(cap)}


def truncation_note(cap: int) -> str:
    """The line a person reads under a cut answer (text table, `kg query`)."""
    return f"truncated: showing the first {cap:,} rows, the row cap; the query has more"


def query_capped(store: Any, sparql: str, cap: int) -> tuple[Any, bool]:
    """`store.query` with a SELECT row cap, as the endpoint applies it: (the result cut to `cap`, whether it was).

    `kg query --max-rows` uses it; graphs and ASK are returned whole.
    """
    capped = cap_rows(sparql, cap + 1) if cap > 0 and query_form(sparql) == "SELECT" else sparql
    try:
        res = store.query(capped)
    except errors.BadQuery:
        if capped == sparql:
            raise
        res = store.query(sparql)  # the user's own query gives the user's own parser message
    cut = cap > 0 and res.kind == "select" and len(res.solutions) > cap
    if cut:
        res.solutions = res.solutions[:cap]
    return res, cut


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
    """Execute one protocol request.

    `job`: query, default_graph, named_graphs, accept, format (a name or a sequence of `format=`-style
    values), max_rows (SELECT row cap), max_triples (graph cap), gzip.
    """
    sparql = job["query"]
    max_rows = int(job.get("max_rows") or 0)
    # one row past the cap tells an answer that was cut from one that just fits
    capped = cap_rows(sparql, max_rows + 1) if max_rows and query_form(sparql) == "SELECT" else sparql
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
    headers = {"Vary": "Accept"}
    try:  # results are computed lazily, while they are written
        if kind == "graph":
            body = serialize_graph(raw, fmt, int(job.get("max_triples") or 0))
        elif kind == "select":
            body, cut = serialize_rows(raw, fmt, max_rows)
            if cut:
                headers.update(truncation_headers(max_rows))
        else:
            body = serialize(raw, fmt)
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise errors.BadQuery(errors.message("query_failed", detail=exc)) from exc
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
        raise errors.BadQuery(errors.message("query_failed", detail=exc)) from exc


def run_update(store: Any, sparql: str | None) -> None:
    if sparql is None or not sparql.strip():
        raise errors.BadQuery(errors.message("missing_update"))
    check_no_outbound(sparql)
    try:
        store.update(sparql)
    except errors.KGError:
        raise
    except SyntaxError as exc:
        raise errors.BadQuery(errors.message("bad_query", detail=exc)) from exc
    except (OSError, RuntimeError, ValueError) as exc:
        raise errors.BadQuery(errors.message("update_failed", detail=exc)) from exc
