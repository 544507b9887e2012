"""The `kg` command line, the composition root: each command parses options and calls one library function.

`--store` and `--format` are declared once; user mistakes print one line on stderr and exit 2
(never a traceback). `kg ingest`, `kg ask`, `kg serve` import their packages inside the command so
graph commands stay light.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg import errors

app = typer.Typer(help="aichip-kg: a knowledge graph of the AI chip industry.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
analyze_app = typer.Typer(help="Supply-chain analytics: exposure, chokepoints, paths, co-investment.",
                          no_args_is_help=True)
app.add_typer(analyze_app, name="analyze")

StoreOpt = Annotated[str, typer.Option("--store", "-s", envvar="KG_STORE",
                                       help="store: a directory (embedded), :memory:, or an http(s):// SPARQL server")]
DEFAULT_STORE = "./kg-data"


def fail(msg: str, code: int = 2) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(code)


def _open(spec: str, read_only: bool = False):
    from kg.store import open_store
    return open_store(spec, read_only=read_only)


def _open_existing(spec: str):
    """A store for a command that only reads: a path must hold a store already (a typo is an error, not a
    new empty store), and a store held by a running `kg serve` is read through that server's /sparql."""
    from kg.store import open_store, server_of, is_local_path
    if is_local_path(spec) and not _looks_like_store(Path(spec)):
        raise errors.NotFound(errors.message("no_store", path=spec))
    try:
        return open_store(spec)
    except errors.StoreUnavailable:
        url = server_of(spec) if is_local_path(spec) else None
        if not url:
            raise
        typer.echo(f"note: the store is held by `kg serve`; reading it through {url}", err=True)
        return open_store(url)


def _looks_like_store(path: Path) -> bool:
    return path.is_dir() and (path / "CURRENT").is_file()


def _run(fn):
    """Call fn, turning user errors into one stderr line and exit status 2."""
    try:
        return fn()
    except errors.KGError as exc:
        fail(exc.message)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except BrokenPipeError:
        raise typer.Exit(0)


def _write(data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode()
    sys.stdout.buffer.write(data)
    if data and not data.endswith(b"\n"):
        sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


@app.command()
def load(files: Annotated[list[Path], typer.Argument(help="RDF files: .ttl .nt .nq .trig .jsonld .rdf")],
         store: StoreOpt = DEFAULT_STORE,
         fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="override the format guessed from the extension")] = None,
         graph: Annotated[Optional[str], typer.Option(help="named graph for triples (default: one per file)")] = None) -> None:
    """Load RDF files as they are (each file in one transaction)."""
    def go():
        for f in files:
            if not f.is_file():
                raise errors.BadInput(errors.message("missing_file", path=f))
        with _open(store) as st:
            total = 0
            for f in files:
                n = st.load(f, fmt=fmt, graph=graph)
                total += n
                typer.echo(f"loaded {n} quads from {f}", err=True)
            st.optimize()
        return total
    _run(go)


@app.command()
def query(sparql: Annotated[str, typer.Argument(help="a SPARQL query, or - to read it from stdin")],
          store: StoreOpt = DEFAULT_STORE,
          fmt: Annotated[str, typer.Option("--format", "-f", help="json|xml|csv|tsv|table (SELECT/ASK); turtle|ntriples|jsonld|rdfxml (CONSTRUCT)")] = "table",
          max_rows: Annotated[int, typer.Option("--max-rows", help="print at most N SELECT rows, and a line on stderr when rows were cut (0: all)")] = 0) -> None:
    """Run a SPARQL query over the union of all graphs."""
    def go():
        text = sys.stdin.read() if sparql == "-" else sparql
        if Path(text).suffix == ".rq" and Path(text).is_file():
            text = Path(text).read_text(encoding="utf-8")
        from kg import formats
        with _open_existing(store) as st:
            from api.protocol import query_capped, truncation_note
            res, cut = query_capped(st, text, max_rows)
            name = fmt
            if res.kind == "graph" and formats.get(fmt).kind != "graph":
                name = "turtle"
            _write(res.serialize(name))
        if cut:
            typer.echo(truncation_note(max_rows) + f" (--max-rows {max_rows})", err=True)
    _run(go)


@app.command()
def update(sparql: Annotated[str, typer.Argument(help="a SPARQL Update, or - for stdin")],
           store: StoreOpt = DEFAULT_STORE) -> None:
    """Run a SPARQL 1.1 Update against the store."""
    def go():
        text = sys.stdin.read() if sparql == "-" else sparql
        with _open(store) as st:
            st.update(text)
    _run(go)


@app.command()
def export(store: StoreOpt = DEFAULT_STORE,
           fmt: Annotated[str, typer.Option("--format", "-f", help="nq|trig|ttl|nt|jsonld|rdfxml")] = "nq") -> None:
    """Write every quad (facts, evidence, inferences) to stdout."""
    def go():
        with _open_existing(store) as st:
            _write(st.export(fmt))
    _run(go)


@app.command()
def stats(store: StoreOpt = DEFAULT_STORE,
          as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Distinct triples, counts per class, quads per named graph."""
    def go():
        with _open_existing(store) as st:
            s = st.stats()
        if as_json:
            typer.echo(json.dumps(s, indent=1))
            return
        from rich.console import Console
        from rich.table import Table
        c = Console()
        c.print(f"triples: {s['triples']} distinct (the default graph)   quads: {s['quads']} (in named graphs)")
        t = Table("class", "entities")
        for k, v in s["classes"].items():
            t.add_row(k, str(v))
        c.print(t)
        t = Table("graph", "quads")
        for k, v in s["graphs"].items():
            t.add_row(k, str(v))
        c.print(t)
    _run(go)


@app.command()
def validate(store: StoreOpt = DEFAULT_STORE,
             shapes: Annotated[Optional[Path], typer.Option(help="SHACL shapes (default: ontology/shapes.ttl)")] = None) -> None:
    """Check the store against the SHACL shapes; exit 1 on violations, naming the shapes."""
    def go():
        from kg.validate import validate_store
        with _open_existing(store) as st:
            report = validate_store(st, shapes)
        typer.echo(report.text)
        if not report.conforms:
            raise typer.Exit(1)
    _run(go)


@app.command()
def init(store: StoreOpt = DEFAULT_STORE,
         with_vocab: Annotated[bool, typer.Option("--with-vocab", help="also load the vocabulary (names and types, no relations) as graph/vocab")] = False) -> None:
    """Load the ontology into its own named graph (done by ingest and serve too)."""
    def go():
        from kg.bootstrap import ensure_ontology, load_vocab_graph
        with _open(store) as st:
            n = ensure_ontology(st, force=True)
            typer.echo(f"ontology: {n} quads", err=True)
            if with_vocab:
                typer.echo(f"vocabulary: {load_vocab_graph(st)} quads", err=True)
            st.optimize()
    _run(go)


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="documents or folders (.txt .md .html .pdf)")],
           store: StoreOpt = DEFAULT_STORE,
           workers: Annotated[int, typer.Option(help="worker processes")] = 1,
           force: Annotated[bool, typer.Option(help="re-extract unchanged documents too")] = False,
           lang: Annotated[Optional[str], typer.Option(help="force a language (ja|zh|en) instead of detecting it")] = None,
           scheduler: Annotated[Optional[str], typer.Option(
               envvar="KG_SCHEDULER", help="extract on a Dask cluster: its scheduler, tcp://HOST:PORT")] = None) -> None:
    """Extract facts from documents into the store, one named graph per document."""
    def go():
        from ingest.run import ingest_paths
        runner = None
        if scheduler:
            from ingest.cluster import cluster_runner
            runner = cluster_runner(scheduler)
        with _open(store) as st:
            summary = ingest_paths([str(p) for p in paths], st, workers=workers, force=force, lang=lang,
                                   progress=sys.stderr.isatty(), runner=runner)
            if summary.get("documents", 0):
                st.optimize()
        for line in summary.get("errors", []):
            typer.echo(f"skipped: {line}", err=True)
        typer.echo(summary["text"], err=True)
        if summary.get("documents", 0) == 0 and summary.get("errors") and not summary.get("unchanged"):
            raise typer.Exit(1)
    _run(go)


@app.command()
def remove(documents: Annotated[list[str], typer.Argument(help="document path, IRI or source as ingested")],
           store: StoreOpt = DEFAULT_STORE) -> None:
    """Delete the named graph of ingested documents and recompute inferences."""
    def go():
        from ingest.run import remove_documents
        with _open(store) as st:
            n = remove_documents(documents, st)
            if n:
                st.optimize()
        typer.echo(f"removed {n} document(s)", err=True)
        if n == 0:
            raise errors.NotFound(errors.message("no_document_match", documents=", ".join(documents)))
    _run(go)


@app.command()
def infer(store: StoreOpt = DEFAULT_STORE) -> None:
    """Recompute the inferred named graph from the contract's rules."""
    def go():
        from kg.infer import materialize
        with _open(store) as st:
            counts = materialize(st)
            st.optimize()
        typer.echo(json.dumps(counts), err=True)
    _run(go)


@app.command()
def ask(question: Annotated[str, typer.Argument(help="a question in English, Japanese or Chinese")],
        store: StoreOpt = DEFAULT_STORE,
        as_json: Annotated[bool, typer.Option("--json", help="print the answer object as JSON")] = False) -> None:
    """Answer a question from the graph, with the SPARQL and the evidence."""
    def go():
        from api.ask import answer
        with _open_existing(store) as st:
            res = answer(question, st)
        if as_json:
            typer.echo(json.dumps(res, ensure_ascii=False))
            return
        if not res.get("understood"):
            typer.echo(res.get("message", "not understood"))
            return
        for a in res.get("answers", []):
            typer.echo(f"- {a.get('label')}  <{a.get('iri')}>")
        if res.get("summary"):
            typer.echo(res["summary"])  # what the answer is: how many, unit or currency, year, forecast, source
        elif res.get("value") is not None:
            typer.echo(f"{res['value']}")
        for ev in res.get("evidence", [])[:5]:
            typer.echo(f"  \u201c{ev.get('sentence')}\u201d ({ev.get('document')})")
    _run(go)


@app.command()
def serve(store: StoreOpt = DEFAULT_STORE,
          host: Annotated[str, typer.Option(help="interface to bind")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="TCP port")] = 8000,
          timeout: Annotated[float, typer.Option(help="per-query time limit in seconds")] = 30.0,
          max_rows: Annotated[int, typer.Option("--max-rows", help="result row cap")] = 10000) -> None:
    """Serve the SPARQL endpoint, the question API and the web page."""
    def go():
        from api.app import serve as run_server
        from kg.store import announce_server
        with announce_server(store, f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/sparql"):
            run_server(store=store, host=host, port=port, timeout=timeout, max_rows=max_rows)
    _run(go)


def _analyze(kind: str, as_json: bool, **kw) -> None:
    def go():
        from kg import analytics
        with _open_existing(kw.pop("store")) as st:
            res = analytics.run(kind, st, **kw)
        if as_json:
            typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        else:
            typer.echo(analytics.render(kind, res))
    _run(go)


JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]


@analyze_app.command("exposure")
def analyze_exposure(target: Annotated[str, typer.Argument(help="a foundry, process node or vendor name")],
                     store: StoreOpt = DEFAULT_STORE,
                     max_nm: Annotated[Optional[float], typer.Option("--max-nm", help="only nodes of at most this size")] = None,
                     as_json: JsonOpt = False) -> None:
    """Which chips and vendors lose their only supply path if TARGET is cut off."""
    _analyze("exposure", as_json, store=store, target=target, max_nm=max_nm)


@analyze_app.command("chokepoints")
def analyze_chokepoints(store: StoreOpt = DEFAULT_STORE,
                        region: Annotated[Optional[str], typer.Option(help="vendors' country code, e.g. CN")] = None,
                        as_json: JsonOpt = False) -> None:
    """Rank foundries, processes and vendors by how much depends on them."""
    _analyze("chokepoints", as_json, store=store, region=region)


@analyze_app.command("path")
def analyze_path(source: str, target: str, store: StoreOpt = DEFAULT_STORE, as_json: JsonOpt = False) -> None:
    """How two entities are connected (shortest paths with relations named)."""
    _analyze("path", as_json, store=store, source=source, target=target)


@analyze_app.command("coinvest")
def analyze_coinvest(store: StoreOpt = DEFAULT_STORE,
                     foundry: Annotated[Optional[str], typer.Option(help="rank investors by exposure to this foundry")] = None,
                     as_json: JsonOpt = False) -> None:
    """Co-investment network of investors."""
    _analyze("coinvest", as_json, store=store, foundry=foundry)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
