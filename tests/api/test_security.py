"""Safety of the service: no outbound requests, token-gated writes, time limit, body limit, no tracebacks."""
from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def count(server) -> int:
    r = httpx.get(server.url + "/sparql", params={"query": COUNT})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


class Listener:
    """A local TCP listener that records every connection it accepts."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                continue

    def close(self):
        self.stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "select * where {{ ?x ?y ?z . service <http://127.0.0.1:{port}/> {{ ?x ?q ?r }} }} LIMIT 1",
])
def test_security_service_makes_no_connection(server, template):
    listener = Listener()
    try:
        r = httpx.get(server.url + "/sparql", params={"query": template.format(port=listener.port)})
        time.sleep(0.5)
        assert r.status_code == 403
        assert "SERVICE" in r.json()["error"]
        assert listener.connections == 0
    finally:
        listener.close()


@pytest.mark.parametrize("path", ["/update", "/sparql"])
def test_security_load_refused(server, path):
    listener = Listener()
    try:
        r = httpx.post(server.url + path, data={"update": f"LOAD <http://127.0.0.1:{listener.port}/data.ttl>"},
                       headers=server.auth)
        time.sleep(0.3)
        assert r.status_code == 403 and "LOAD" in r.json()["error"]
        assert listener.connections == 0
    finally:
        listener.close()


@pytest.mark.parametrize("headers,status", [({}, 401), ({"Authorization": "Bearer wrong"}, 403),
                                            ({"Authorization": "Basic dXNlcjpwYXNz"}, 401)])
@pytest.mark.parametrize("path", ["/update", "/sparql"])
def test_security_update_without_token_changes_nothing(server, headers, status, path):
    before = count(server)
    r = httpx.post(server.url + path, data={"update": "CLEAR ALL"}, headers=headers)
    assert r.status_code == status
    assert count(server) == before


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_security_graph_store_writes_need_token(server, method):
    before = count(server)
    r = httpx.request(method, server.url + "/store", params={"graph": "https://w3id.org/aichip/graph/reference"},
                      content=b"<http://x/s> <http://x/p> 1 .", headers={"Content-Type": "application/n-triples"})
    assert r.status_code == 401
    assert count(server) == before


def test_security_readonly_service_refuses_updates(readonly_server):
    r = httpx.post(readonly_server.url + "/update", data={"update": "CLEAR ALL"},
                   headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert "read-only" in r.json()["error"]
    assert httpx.get(readonly_server.url + "/health").json()["read_only"] is True


@pytest.mark.parametrize("srv", ["server", "readonly_server"])
def test_security_runaway_query_stopped_while_others_answer(request, srv):
    """A query that would run for minutes gets an error within the limit; a concurrent query still answers."""
    server = request.getfixturevalue(srv)
    outcome = {}

    def runaway():
        t = time.perf_counter()
        r = httpx.get(server.url + "/sparql", params={"query": RUNAWAY}, timeout=60)
        outcome["runaway"] = (r.status_code, time.perf_counter() - t, r.json())

    th = threading.Thread(target=runaway)
    th.start()
    time.sleep(0.3)
    t = time.perf_counter()
    r = httpx.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
    quick = time.perf_counter() - t
    th.join(60)
    assert r.status_code == 200 and r.json()["boolean"] is True
    assert quick < 1.0
    status, elapsed, body = outcome["runaway"]
    assert status == 503
    assert "limit" in body["error"]
    assert elapsed < server.timeout + 1.5
    # the service keeps serving afterwards
    assert httpx.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_security_worker_replaced_after_timeouts(server):
    for _ in range(3):  # more runaways than workers, one after another
        r = httpx.get(server.url + "/sparql", params={"query": RUNAWAY}, timeout=60)
        assert r.status_code == 503
    r = httpx.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert r.status_code == 200


@pytest.mark.parametrize("ctype,path", [("application/sparql-query", "/sparql"),
                                        ("application/x-www-form-urlencoded", "/sparql"),
                                        ("application/sparql-update", "/update"),
                                        ("text/turtle", "/store?graph=http://x/big")])
def test_security_ten_megabyte_body_refused(server, ctype, path):
    body = b"#" + b"x" * (10 * 1024 * 1024)
    r = httpx.post(server.url + path, content=body, headers={**server.auth, "Content-Type": ctype}, timeout=60)
    assert r.status_code == 413
    assert "limit" in r.json()["error"]
    assert httpx.get(server.url + "/health").status_code == 200


def test_security_chunked_body_over_limit_refused(server):
    def chunks():
        for _ in range(10):
            yield b"#" + b"x" * (1024 * 1024)
    r = httpx.post(server.url + "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"},
                   timeout=60)
    assert r.status_code == 413


@pytest.mark.parametrize("path,params", [("/sparql", {"query": "SELECT * WHERE { ?s ?p "}),
                                         ("/entity/%00bad", {}), ("/graph", {"focus": "<>"}),
                                         ("/search", {"q": ""}), ("/store", {"graph": "not an iri"})])
def test_security_errors_are_short_json(server, path, params):
    r = httpx.get(server.url + path, params=params)
    assert 400 <= r.status_code < 500
    assert "Traceback" not in r.text and "File \"" not in r.text


def test_security_cors_preflight(server):
    r = httpx.options(server.url + "/sparql", headers={"Origin": "http://example.org",
                                                        "Access-Control-Request-Method": "POST"})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] in ("*", "http://example.org")


def test_security_static_vendor_no_traversal(server):
    for path in ["/static/vendor/x/..%2F..%2F..%2Fkg%2Fstore.py", "/static/vendor/..%2F..%2Fapi/app.py",
                 "/static/vendor/x/%2Fetc%2Fpasswd"]:
        r = httpx.get(server.url + path)
        assert r.status_code == 404, path
        assert "import" not in r.text and "root:" not in r.text
