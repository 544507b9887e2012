"""`kg ingest` over a real on-disk store: unchanged documents skipped, changed ones replaced, removal,
and bad files reported one line each while the rest of the batch lands."""
from __future__ import annotations

import json

from tests.conftest import run_kg

DOC_A = "title: a\n\nMoore Threads unveiled the MTT S4000 accelerator for training.\n"
DOC_B = "title: a\n\nBiren Technology launched the BR100 GPU, made by TSMC on its 7nm process.\n"


def count(store: str, sparql: str) -> int:
    out = run_kg("query", sparql, "--store", store, "--format", "json")
    return int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"])


def test_ingest_skips_unchanged_and_replaces_changed(tmp_path, store_path):
    doc = tmp_path / "a.txt"
    doc.write_text(DOC_A)
    first = run_kg("ingest", str(doc), "--store", store_path)
    assert first.returncode == 0 and "1 document(s) ingested" in first.stderr
    again = run_kg("ingest", str(doc), "--store", store_path)
    assert "0 document(s) ingested, 1 unchanged" in again.stderr
    doc.write_text(DOC_B)
    run_kg("ingest", str(doc), "--store", store_path)
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?c <https://w3id.org/aichip/ontology#designedBy> ?v }"
    assert count(store_path, q) == 1
    assert count(store_path, "SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/aichip/id/moore-threads-mtt-s4000> ?p ?o }") == 0


def test_ingest_bad_files_reported_rest_ingested(tmp_path, store_path):
    good = tmp_path / "good.txt"
    good.write_text(DOC_A)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 \xff\xfe\x80".encode("latin-1"))
    out = run_kg("ingest", str(tmp_path), "--store", store_path)
    assert "1 document(s) ingested" in out.stderr
    assert out.stderr.count("skipped:") >= 2
    assert "Traceback" not in out.stderr


def test_ingest_evidence_and_remove(tmp_path, store_path):
    doc = tmp_path / "b.txt"
    doc.write_text(DOC_B)
    run_kg("ingest", str(doc), "--store", store_path)
    q = ("SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/aichip/ontology#Evidence> ; "
         "<https://w3id.org/aichip/ontology#sentence> ?s ; <https://w3id.org/aichip/ontology#charStart> ?a }")
    assert count(store_path, q) >= 2
    assert run_kg("remove", str(doc), "--store", store_path).returncode == 0
    assert count(store_path, q) == 0
    assert run_kg("validate", "--store", store_path).returncode == 0
