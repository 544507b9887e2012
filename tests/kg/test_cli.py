"""The `kg` CLI over a real on-disk store: load, query, export round trip, validate, clear errors."""
from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, run_kg

FLAGSHIP = (FIXTURES / "flagship.rq").read_text(encoding="utf-8")


def test_cli_load_then_flagship_query_finds_vendor(store_path):
    assert run_kg("load", str(FIXTURES / "flagship.ttl"), "--store", store_path).returncode == 0
    out = run_kg("query", FLAGSHIP, "--store", store_path, "--format", "json")
    assert out.returncode == 0, out.stderr
    names = {b["name"]["value"] for b in json.loads(out.stdout)["results"]["bindings"]}
    assert names == {"NVIDIA"}


def test_cli_query_reads_stdin(store_path):
    run_kg("load", str(FIXTURES / "flagship.ttl"), "--store", store_path)
    out = run_kg("query", "-", "--store", store_path, "--format", "csv", input="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "n"


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_cli_export_roundtrips_through_load(store_path, tmp_path, fmt):
    run_kg("load", str(FIXTURES / "flagship.ttl"), "--store", store_path)
    dump = tmp_path / f"dump.{fmt}"
    out = run_kg("export", "--format", fmt, "--store", store_path)
    assert out.returncode == 0
    dump.write_text(out.stdout)
    other = str(tmp_path / "other")
    assert run_kg("load", str(dump), "--store", other).returncode == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    a = json.loads(run_kg("query", count, "--store", store_path, "--format", "json").stdout)
    b = json.loads(run_kg("query", count, "--store", other, "--format", "json").stdout)
    assert a["results"]["bindings"][0]["n"]["value"] == b["results"]["bindings"][0]["n"]["value"]


@pytest.mark.parametrize("args,needle", [
    (["query", "SELECT * WHERE { ?s ?p }"], "malformed SPARQL"),
    (["load", "/nonexistent/file.ttl"], "no such file"),
    (["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "refused"),
    (["export", "--format", "bogus"], "unknown format"),
])
def test_cli_user_errors_are_one_line(store_path, args, needle):
    assert run_kg("init", "--store", store_path).returncode == 0  # read commands need an existing store
    out = run_kg(*args, "--store", store_path)
    assert out.returncode != 0
    assert needle in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_cli_load_bad_rdf_changes_nothing(store_path, tmp_path):
    run_kg("load", str(FIXTURES / "flagship.ttl"), "--store", store_path)
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix aic: <https://w3id.org/aichip/ontology#> .\n<a> <b> <c> .\n<a> aic:x \"unterminated .\n")
    out = run_kg("load", str(bad), "--store", store_path)
    assert out.returncode != 0 and "cannot parse" in out.stderr
    n = json.loads(run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", store_path,
                          "--format", "json").stdout)["results"]["bindings"][0]["n"]["value"]
    assert int(n) > 0


def test_cli_validate_passes_on_ontology_and_vocabulary(store_path):
    assert run_kg("init", "--with-vocab", "--store", store_path).returncode == 0
    out = run_kg("validate", "--store", store_path)
    assert out.returncode == 0, out.stdout


def test_cli_validate_fails_naming_the_shape(store_path):
    run_kg("load", str(FIXTURES / "broken-shapes.ttl"), "--store", store_path)
    out = run_kg("validate", "--store", store_path)
    assert out.returncode == 1
    assert "Shape" in out.stdout


@pytest.mark.parametrize("command", ["load", "query", "export", "stats", "validate", "ingest", "remove", "ask",
                                     "serve", "infer", "analyze"])
def test_cli_every_command_has_help_and_readme_line(command):
    from tests.conftest import ROOT
    assert run_kg(command, "--help").returncode == 0
    assert f"kg {command}" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("query,cut", [
    ("SELECT ?c WHERE { ?c a <https://w3id.org/aichip/ontology#Chip> }", True),  # 3 chips, 2 shown
    ("SELECT ?c WHERE { ?c a <https://w3id.org/aichip/ontology#Chip> } LIMIT 2", False),
    ("SELECT ?c WHERE { ?c a <https://w3id.org/aichip/ontology#Foundry> }", False),  # 2 foundries: they fit
])
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_cli_query_max_rows_says_when_it_cut(store_path, query, cut, fmt):
    run_kg("load", str(FIXTURES / "flagship.ttl"), "--store", store_path)
    out = run_kg("query", query, "--store", store_path, "--format", fmt, "--max-rows", "2")
    assert out.returncode == 0, out.stderr
    assert ("truncated: showing the first 2 rows" in out.stderr) is cut
    if fmt == "json":  # stdout stays plain SPARQL JSON: the line is on stderr
        assert len(json.loads(out.stdout)["results"]["bindings"]) == 2
