"""A remote SPARQL 1.1 server (Oxigraph server, Fuseki, Virtuoso, GraphDB) over the SPARQL Protocol.

`--store http://host:port` means Oxigraph server's layout (`/query`, `/update`, `/store`);
a URL ending in `/sparql` or `/query` is taken as the query endpoint, with `/update` beside it.
The server's default graph must be its own, not a union view (Oxigraph: `oxigraph serve` without
`--union-default-graph`; Fuseki without `tdb:unionDefaultGraph`): every write here keeps it equal to the set
union of the named graphs in the same update request (kg/backends/union.py), so a fact stated by many
documents is counted once.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox

from kg import errors
from kg.backends import union


def endpoints(url: str) -> tuple[str, str, str]:
    """(query, update, graph store) URLs for a store spec."""
    base = url.rstrip("/")
    for tail in ("/query", "/sparql"):
        if base.endswith(tail):
            root = base[: -len(tail)]
            return base, root + "/update", root + "/store"
    return base + "/query", base + "/update", base + "/store"


class RemoteBackend:
    kind = "remote"

    def __init__(self, url: str, timeout: float = 60.0, token: str | None = None):
        self.url = url
        self.query_url, self.update_url, self.store_url = endpoints(url)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.http = httpx.Client(timeout=timeout, headers=headers)

    def _post(self, url: str, **kw: Any) -> httpx.Response:
        try:
            resp = self.http.post(url, **kw)
        except httpx.HTTPError as exc:
            raise errors.StoreUnavailable(errors.message("store_unreachable", url=self.url, detail=exc)) from exc
        if resp.status_code == 400:
            raise errors.BadQuery(errors.message("bad_query", detail=resp.text.strip()[:500]))
        if resp.status_code >= 300:
            raise errors.StoreUnavailable(errors.message(
                "remote_error", url=self.url, status=resp.status_code, detail=resp.text.strip()[:300]))
        return resp

    # -- reads
    def query(self, sparql: str, *, union: bool = True, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None, substitutions: dict | None = None) -> Any:
        """Run a query remotely and parse the answer into pyoxigraph result objects."""
        if substitutions:
            values = " ".join(f"?{k.value if hasattr(k, 'value') else k}" for k in substitutions)
            row = " ".join(str(v) for v in substitutions.values())
            sparql = _inject_values(sparql, f"VALUES ({values}) {{ ({row}) }}")
        params = [("query", sparql)]
        params += [("default-graph-uri", g) for g in default_graph or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        resp = self._post(self.query_url, content=urlencode(params).encode(), headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
        if resp.headers.get("x-sparql-truncated", "").lower() == "true":
            cap = resp.headers.get("x-sparql-row-cap") or resp.headers.get("x-sparql-maxrows") or "its"
            raise errors.StoreUnavailable(errors.message("remote_truncated", url=self.url, cap=cap))
        ctype = resp.headers.get("content-type", "").split(";")[0].strip()
        if ctype == "application/n-triples" or ctype == "text/turtle":
            fmt = ox.RdfFormat.N_TRIPLES if ctype == "application/n-triples" else ox.RdfFormat.TURTLE
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(resp.content, format=fmt)]
        return ox.parse_query_results(resp.content, format=ox.QueryResultsFormat.JSON)

    def graphs(self) -> list[str]:
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(sol["g"].value for sol in res)

    def quads(self, graph: str | None = None):
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)" if graph else "GRAPH ?g { ?s ?p ?o }"
        for sol in self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}"):
            yield ox.Quad(sol["s"], sol["p"], sol["o"], sol["g"])

    def __len__(self) -> int:
        """Quads in named graphs (as the embedded store counts them)."""
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(res))["n"].value)

    # -- writes
    def update(self, sparql: str) -> None:
        """A free-form update; the default graph stays the set union of the named graphs."""
        from kg.backends.embedded import check_update_syntax
        if union.is_empty_update(sparql):
            return
        check_update_syntax(sparql)
        self._update(union.wrap_update(sparql))

    def _update(self, sparql: str) -> None:
        self._post(self.update_url, data={"update": sparql})

    def add_quads(self, quads: list[ox.Quad]) -> None:
        """One update request: the quads in their graphs and in the default graph."""
        if quads:
            self._update(union.insert(quads))

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        self._update(union.replace(graph, quads))

    def drop_graph(self, graph: str) -> None:
        self._update(union.drop(graph))

    def rebuild_union(self) -> None:
        self._update(union.REBUILD)

    def close(self) -> None:
        self.flush()

    def flush(self) -> None:
        return None

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        quads = list(self.quads())
        if fmt.supports_datasets:
            return ox.serialize(quads, format=fmt)
        return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=fmt)


def _inject_values(sparql: str, values: str) -> str:
    """Put a VALUES block at the start of the outermost WHERE group."""
    idx = sparql.upper().find("WHERE")
    brace = sparql.find("{", idx if idx >= 0 else 0)
    return sparql[: brace + 1] + " " + values + " " + sparql[brace + 1:]
