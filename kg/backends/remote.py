"""A remote SPARQL 1.1 server (Oxigraph server, Fuseki, Virtuoso, GraphDB) over the SPARQL Protocol.

`--store http://host:port` means Oxigraph server's layout (`/query`, `/update`, `/store`);
a URL ending in `/sparql` or `/query` is taken as the query endpoint, with `/update` beside it.
The server's default graph must be its own, not a union view (Oxigraph: `oxigraph serve` without
`--union-default-graph`; Fuseki without `tdb:unionDefaultGraph`): every write here keeps it equal to the set
union of the named graphs in the same update request (kg/backends/union.py), so a fact stated by many
documents is counted once.

Virtuoso (detected by its `Server` header; `http://user:password@host:8890/sparql-auth` for its digest-auth
endpoint, or `/sparql` where the SPARQL user may update) differs, and the differences stay here: updates go
to the same `/sparql` endpoint; its default graph is every graph (as a bag) and an update needs a graph, so
the set union lives in the named graph `VIRTUOSO_UNION`, which every request names as its default graph
and which graph listings and the union bookkeeping skip; its system graphs are excluded; blank nodes are
written as Skolem IRIs (`INSERT DATA` refuses blank nodes); `nodeID://` blank node labels and its ASK
answers (a `__ASK_RETVAL` row) are read as SPARQL results.
"""
from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox

from kg import errors
from kg.backends import union

VIRTUOSO_UNION = "https://w3id.org/aichip/graph/union"
VIRTUOSO_SYSTEM_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                          "http://localuriqaserver/sparql")
GENID = "https://w3id.org/aichip/.well-known/genid/"


def endpoints(url: str) -> tuple[str, str, str]:
    """(query, update, graph store) URLs for a store spec."""
    base = url.rstrip("/")
    for tail in ("/query", "/sparql", "/sparql-auth"):
        if base.endswith(tail):
            root = base[: -len(tail)]
            return base, root + "/update", root + "/store"
    return base + "/query", base + "/update", base + "/store"


class RemoteBackend:
    kind = "remote"

    def __init__(self, url: str, timeout: float = 60.0, token: str | None = None):
        parsed = httpx.URL(url)
        auth = _PasswordAuth(parsed.username, parsed.password) if parsed.username else None
        self.url = url = str(parsed.copy_with(userinfo=b"")) if auth else url  # no password in messages
        self.query_url, self.update_url, self.store_url = endpoints(url)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.http = httpx.Client(timeout=timeout, headers=headers, auth=auth)
        self._virtuoso: bool | None = None

    @property
    def virtuoso(self) -> bool:
        """Whether the server is Virtuoso (asked once, from its Server header)."""
        if self._virtuoso is None:
            try:
                resp = self.http.get(self.query_url, params={"query": "ASK { }"})
            except httpx.HTTPError as exc:
                raise errors.StoreUnavailable(errors.message("store_unreachable", url=self.url, detail=exc)) from exc
            self._virtuoso = "virtuoso" in resp.headers.get("server", "").lower()
        return self._virtuoso

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
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        if self.virtuoso:  # it takes the first type it can write, whatever the q values say
            graph_form = _VIRTUOSO_GRAPH_FORM.match(_VIRTUOSO_NOISE.sub(" ", sparql))
            accept = "application/n-triples" if graph_form else "application/sparql-results+json"
            sparql = _virtuoso_query(sparql, default=not default_graph, named=bool(named_graphs))
        params = [("query", sparql)]
        params += [("default-graph-uri", g) for g in default_graph or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        resp = self._post(self.query_url, content=urlencode(params).encode(), headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        if resp.headers.get("x-sparql-truncated", "").lower() == "true":
            cap = resp.headers.get("x-sparql-row-cap") or resp.headers.get("x-sparql-maxrows") or "its"
            raise errors.StoreUnavailable(errors.message("remote_truncated", url=self.url, cap=cap))
        ctype = resp.headers.get("content-type", "").split(";")[0].strip()
        if ctype == "application/n-triples" or ctype == "text/turtle":
            fmt = ox.RdfFormat.N_TRIPLES if ctype == "application/n-triples" else ox.RdfFormat.TURTLE
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(resp.content, format=fmt)]
        if self.virtuoso:
            return _virtuoso_results(resp.content)
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
        self._update(union.wrap_update(sparql), user=sparql)

    def _update(self, sparql: str, user: str | None = None) -> None:
        if self.virtuoso:
            self._post(self.query_url, data={"update": _virtuoso_update(sparql, user)})
        else:
            self._post(self.update_url, data={"update": sparql})

    def add_quads(self, quads: list[ox.Quad]) -> None:
        """One update request: the quads in their graphs and in the default graph."""
        if quads:
            self._update(union.insert(_skolemize(quads) if self.virtuoso else quads))

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        self._update(union.replace(graph, _skolemize(quads) if self.virtuoso else quads))

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


class _PasswordAuth(httpx.Auth):
    """User and password from the store URL, sent as the server's challenge asks: Digest (Virtuoso's
    /sparql-auth) or Basic (Fuseki, GraphDB)."""

    requires_request_body = True

    def __init__(self, user: str, password: str):
        self.basic, self.digest = httpx.BasicAuth(user, password), httpx.DigestAuth(user, password)
        self.scheme: httpx.Auth | None = None

    def auth_flow(self, request):
        if self.scheme is not None:
            yield from self.scheme.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("www-authenticate", "").lower()
        self.scheme = self.digest if challenge.startswith("digest") else self.basic
        flow = self.scheme.auth_flow(request)
        req = next(flow)
        if self.scheme is self.digest:  # it sends the request bare first to read the challenge: ours
            req = flow.send(response)
        response = yield req
        try:
            flow.send(response)
        except StopIteration:
            pass


_HIDDEN = ", ".join(f"<{g}>" for g in (VIRTUOSO_UNION, *VIRTUOSO_SYSTEM_GRAPHS))
_GRAPH_VAR = re.compile(r"\bGRAPH\s+([?$][A-Za-z_]\w*)\s*\{", re.IGNORECASE)
_GRAPH_IRI = re.compile(r"\bGRAPH\s*<([^<>\s]*)>\s*\{", re.IGNORECASE)


def _hide(match: re.Match) -> str:
    """`GRAPH ?g {` that never binds ?g to the union graph or a system graph (Virtuoso sees ?g inside)."""
    return f"GRAPH {match[1]} {{ FILTER({match[1]} NOT IN ({_HIDDEN})) "


def _virtuoso_query(sparql: str, default: bool = True, named: bool = False) -> str:
    """A query as Virtuoso must see it: the union graph as its default graph, `GRAPH ?g` over the project's
    graphs only, and `GRAPH <iri>` still matching (once a query names a default graph, Virtuoso matches a
    constant graph only if it is declared a named graph, while `GRAPH ?g` still ranges over every graph)."""
    pre = f"define input:default-graph-uri <{VIRTUOSO_UNION}>\n" if default else ""
    iris = _GRAPH_IRI.findall(sparql)
    if iris and not named and not _GRAPH_VAR.search(sparql):
        pre += "".join(f"define input:named-graph-uri <{g}>\n" for g in dict.fromkeys(iris))
    elif iris and not named:  # both kinds: a constant becomes a variable held to it
        n = iter(range(1, 10 ** 6))
        sparql = _GRAPH_IRI.sub(lambda m: (lambda v: f"GRAPH {v} {{ FILTER({v} = <{m[1]}>) ")(f"?_kg_g{next(n)}"),
                                sparql)
    return pre + _GRAPH_VAR.sub(_hide, sparql)


_FORGET_WHERE = re.compile(r"WHERE \{ GRAPH (<[^<>\s]*>) \{ \?s \?p \?o \}")


def _virtuoso_update(sparql: str, user: str | None = None) -> str:
    """kg.backends.union's bookkeeping as Virtuoso must see it (the user's own part of a free-form update is
    left as written): the union graph is the default graph; `GRAPH ?g` in a WHERE skips it and the system
    graphs; forget's `GRAPH <g>` becomes a variable held to <g>, for the reason given in `_virtuoso_query`."""
    def ours(text: str) -> str:
        text = _FORGET_WHERE.sub(lambda m: f"WHERE {{ GRAPH ?_kg_f {{ FILTER(?_kg_f = {m[1]}) ?s ?p ?o }}", text)
        return _GRAPH_VAR.sub(_hide, text)
    head, body, tail = sparql, "", ""
    if user is not None:
        body = user.rstrip().rstrip(";")
        at = sparql.find(body)
        if at >= 0:
            head, tail = sparql[:at], sparql[at + len(body):]
        else:
            body = ""
    # Virtuoso refuses DROP GRAPH of a graph that INSERT made (not CREATE GRAPH); a graph with triples exists
    body = _DROP_GRAPH.sub("DROP SILENT GRAPH", body)
    return f"define input:default-graph-uri <{VIRTUOSO_UNION}>\n" + ours(head) + body + ours(tail)


_DROP_GRAPH = re.compile(r"\bDROP\s+GRAPH\b", re.IGNORECASE)


_VIRTUOSO_NOISE = re.compile(r'#[^\n]*|<[^<>\s]*>|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_VIRTUOSO_GRAPH_FORM = re.compile(r"^(?:\s|(?:PREFIX|BASE)\s+(?:[\w.-]*:\s*)?\S*)*(CONSTRUCT|DESCRIBE)\b",
                                  re.IGNORECASE)
_VIRTUOSO_BNODE = re.compile(rb'("type": "bnode", "value": ")nodeID://')


def _virtuoso_results(body: bytes) -> Any:
    res = ox.parse_query_results(_VIRTUOSO_BNODE.sub(rb"\1", body), format=ox.QueryResultsFormat.JSON)
    if [v.value for v in res.variables] == ["__ASK_RETVAL"]:  # Virtuoso answers ASK as a one-row SELECT
        rows = list(res)
        answer = bool(rows) and rows[0]["__ASK_RETVAL"] is not None and rows[0]["__ASK_RETVAL"].value not in ("0", "false")
        return ox.parse_query_results(b'{"head": {}, "boolean": %s}' % (b"true" if answer else b"false"),
                                      format=ox.QueryResultsFormat.JSON)
    return res


def _skolemize(quads: list[ox.Quad]) -> list[ox.Quad]:
    """Blank nodes as Skolem IRIs (RDF 1.1 §3.5), one per label within this write."""
    if not any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads):
        return quads
    prefix = GENID + uuid.uuid4().hex + "-"

    def term(t):
        return ox.NamedNode(prefix + t.value) if isinstance(t, ox.BlankNode) else t
    return [ox.Quad(term(q.subject), q.predicate, term(q.object), q.graph_name) for q in quads]


def _inject_values(sparql: str, values: str) -> str:
    """Put a VALUES block at the start of the outermost WHERE group."""
    idx = sparql.upper().find("WHERE")
    brace = sparql.find("{", idx if idx >= 0 else 0)
    return sparql[: brace + 1] + " " + values + " " + sparql[brace + 1:]
