"""The default graph is a set: each fact once, however many documents state it (issue 16).

Driven through the library and the CLI, embedded and on a real `oxigraph serve` (without its union mode).
"""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from tests.kg.test_store import kg, query_json, store_spec, oxigraph_url  # noqa: F401  (fixtures)
from tests.servers import virtuoso_server, virtuoso_url  # noqa: F401  (fixtures)

AIC = "https://w3id.org/aichip/ontology#"
AID = "https://w3id.org/aichip/id/"
FACT = ox.Triple(ox.NamedNode(AID + "h100"), ox.NamedNode(AIC + "designedBy"), ox.NamedNode(AID + "nvidia"))
TYPE = ox.Triple(ox.NamedNode(AID + "h100"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                 ox.NamedNode(AIC + "Chip"))
OTHER = ox.Triple(ox.NamedNode(AID + "mi300x"), ox.NamedNode(AIC + "designedBy"), ox.NamedNode(AID + "amd"))
COUNT_FACT = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{AID}h100> <{AIC}designedBy> ?v }}"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT *) AS ?d) WHERE { ?s ?p ?o }"


def count(st, q: str = COUNT_FACT) -> int:
    return int(st.select(q)[0]["n"])


def test_a_fact_from_two_documents_is_counted_once_and_removed_with_the_last(store_spec):
    from kg.store import open_store
    with open_store(store_spec) as st:
        st.replace_graph("https://w3id.org/aichip/doc/a", [FACT, TYPE, OTHER])
        st.replace_graph("https://w3id.org/aichip/doc/b", [FACT, TYPE])
        assert count(st) == 1
        row = st.select(COUNT_ALL)[0]
        assert row["n"] == row["d"] == 3
        assert len(st) == 5  # quads: each document keeps its own copy
        st.drop_graph("https://w3id.org/aichip/doc/a")
        assert count(st) == 1
        assert count(st, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{AID}mi300x> ?p ?o }}") == 0
        st.drop_graph("https://w3id.org/aichip/doc/b")
        assert count(st) == 0
        assert st.select(COUNT_ALL)[0]["n"] == 0


def test_replacing_a_graph_keeps_facts_other_graphs_state(store_spec):
    from kg.store import open_store
    with open_store(store_spec) as st:
        st.replace_graph("https://w3id.org/aichip/doc/a", [FACT, OTHER])
        st.replace_graph("https://w3id.org/aichip/doc/b", [FACT])
        st.replace_graph("https://w3id.org/aichip/doc/a", [OTHER])  # a no longer states FACT
        assert count(st) == 1
        st.replace_graph("https://w3id.org/aichip/doc/b", [])
        assert count(st) == 0
        assert count(st, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{AID}mi300x> ?p ?o }}") == 1


def test_free_form_updates_keep_the_union(store_spec):
    from kg.store import open_store
    with open_store(store_spec) as st:
        st.replace_graph("https://w3id.org/aichip/doc/a", [FACT])
        st.update(f"INSERT DATA {{ GRAPH <https://w3id.org/aichip/doc/c> {{ {FACT.subject} {FACT.predicate} {FACT.object} }} }}")
        assert count(st) == 1
        # a triple written to the default graph joins the union (kept in graph/default) …
        st.update(f"INSERT DATA {{ {OTHER.subject} {OTHER.predicate} {OTHER.object} }}")
        assert count(st, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{AID}mi300x> ?p ?o }}") == 1
        # … and deleting it from the default graph deletes it
        st.update(f"DELETE DATA {{ {OTHER.subject} {OTHER.predicate} {OTHER.object} }}")
        assert count(st, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{AID}mi300x> ?p ?o }}") == 0
        st.update("DROP GRAPH <https://w3id.org/aichip/doc/a>")
        assert count(st) == 1
        st.update("DROP GRAPH <https://w3id.org/aichip/doc/c>")
        assert count(st) == 0


def test_a_bad_update_changes_nothing_and_names_the_users_text(tmp_path):
    from kg import errors
    from kg.store import open_store
    with open_store(str(tmp_path / "s")) as st:
        st.replace_graph("https://w3id.org/aichip/doc/a", [FACT])
        with pytest.raises(errors.BadQuery) as exc:
            st.update("INSERT DATA { oops }")
        assert "1:" in exc.value.message
        assert count(st) == 1 and len(st) == 1


def test_a_store_written_before_the_union_existed_gets_it_on_open(tmp_path):
    path = str(tmp_path / "old")
    raw = ox.Store(path)
    raw.extend([ox.Quad(FACT.subject, FACT.predicate, FACT.object, ox.NamedNode("https://w3id.org/aichip/doc/a")),
                ox.Quad(FACT.subject, FACT.predicate, FACT.object, ox.NamedNode("https://w3id.org/aichip/doc/b"))])
    raw.flush()
    del raw
    from kg.store import open_store
    with open_store(path) as st:
        assert count(st) == 1


def test_ingest_two_documents_then_remove_them_one_by_one(tmp_path):
    """The whole path a user takes: kg ingest, kg query, kg remove."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "one.txt").write_text("NVIDIA designed the H100 accelerator. The H100 is manufactured by TSMC "
                                  "on its 4N process.\n", encoding="utf-8")
    (docs / "two.txt").write_text("Analysts expect strong demand this year. The H100, designed by NVIDIA, is "
                                  "made by TSMC on the 4N process.\n", encoding="utf-8")
    store = str(tmp_path / "kg")
    res = kg("ingest", str(docs), "--store", store)
    assert res.returncode == 0, res.stderr
    q = (f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?c) AS ?d) WHERE {{ ?c <{AIC}designedBy> ?v }}")
    row = query_json(store, q)[0]
    assert row["n"]["value"] == row["d"]["value"] == "1"
    per_graph = query_json(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?c <{AIC}designedBy> ?v }} }}")
    assert per_graph[0]["n"]["value"] == "2"
    assert kg("remove", str(docs / "one.txt"), "--store", store).returncode == 0
    assert query_json(store, q)[0]["n"]["value"] == "1"
    assert kg("remove", str(docs / "two.txt"), "--store", store).returncode == 0
    assert query_json(store, q)[0]["n"]["value"] == "0"


def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path):
    missing = tmp_path / "typo"
    for args in (["stats"], ["query", "ASK {}"], ["export"]):
        res = kg(*args, "--store", str(missing))
        assert res.returncode == 2
        assert "no store at" in res.stderr
    assert not missing.exists()


def test_stats_count_distinct_triples(tmp_path):
    from kg.store import open_store
    with open_store(str(tmp_path / "s")) as st:
        st.replace_graph("https://w3id.org/aichip/doc/a", [FACT, TYPE])
        st.replace_graph("https://w3id.org/aichip/doc/b", [FACT, TYPE])
    res = kg("stats", "--json", "--store", str(tmp_path / "s"))
    assert res.returncode == 0, res.stderr
    s = json.loads(res.stdout)
    assert s["triples"] == 2 and s["quads"] == 4
    assert s["classes"][AIC + "Chip"] == 1
