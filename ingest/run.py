"""`ingest_paths(paths, store)`: documents → one named graph each, then the inferred graph.

A document's IRI comes from its resolved path, so re-ingesting it replaces exactly its facts; an
unchanged document (same content hash and pipeline version) is skipped. Each document's graph is
written in one transaction, so a crash or kill leaves whole documents only. Bad files are reported and
skipped; the rest of the batch goes on.
"""
from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kg import errors
from kg.namespace import AIC_IRI, DOC_IRI

PIPELINE_VERSION = "1"


def doc_iri_for(path: str) -> str:
    return DOC_IRI + hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:16]


def collect_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    from ingest.readers import SUPPORTED
    files, errs = [], []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED and not any(
                        part.startswith(".") for part in f.relative_to(path).parts):
                    if "gold" in f.relative_to(path).parts:
                        continue
                    files.append(str(f))
        elif path.is_file():
            files.append(str(path))
        else:
            errs.append(f"{p}: no such file or folder")
    return files, errs


def _content_hash(data: bytes) -> str:
    return hashlib.sha256(data + PIPELINE_VERSION.encode()).hexdigest()


def process_file(path: str, lang: str | None = None, name: str | None = None) -> dict:
    """Read and extract one file (runs in a worker process); returns triples as N-Triples text.

    `name` is the path as the user gave it (recorded as the source and reported), when `path` is the
    absolute path a cluster worker opens."""
    import pyoxigraph as ox

    from ingest.extract import extract
    from ingest.graph import document_triples
    from ingest.readers import read
    name = name or path
    try:
        raw = read(path)
        if not raw.text[raw.body_start:].strip():
            raise errors.BadInput(errors.message("no_text", path=name))
        digest = _content_hash(Path(path).read_bytes())
        ex = extract(raw, lang)
        iri = doc_iri_for(path)
        triples = document_triples(ex, iri, str(Path(name)), digest)
        nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
        facts = sum(len(r.facts) for r in ex.results)
        return {"path": name, "iri": iri, "nt": nt, "facts": facts, "tokens": ex.tokens,
                "entities": len({t.subject.value for t in triples if t.predicate.value.endswith("#label")}),
                "hash": digest}
    except errors.KGError as exc:
        return {"path": name, "error": exc.message}
    except Exception as exc:  # one bad document must not stop the batch
        return {"path": name, "error": f"{name}: could not be processed ({type(exc).__name__}: {exc})"}


def known_hashes(store) -> dict[str, str]:
    rows = store.select(f"SELECT ?d ?h WHERE {{ GRAPH ?d {{ ?d a <{AIC_IRI}Document> ; <{AIC_IRI}contentHash> ?h }} }}")
    return {r["d"]: r["h"] for r in rows if "d" in r and "h" in r}


def ingest_paths(paths: list[str], store, workers: int = 1, force: bool = False, lang: str | None = None,
                 progress: bool = False, infer: bool = True, runner=None) -> dict:
    """`runner(todo, lang)`, when given, yields `process_file` results computed elsewhere (a Dask cluster,
    `ingest.cluster`); writing, hashes, inference and the summary stay here, the same for every path."""
    import pyoxigraph as ox

    from kg.bootstrap import ensure_ontology
    from kg.infer import materialize
    t0 = time.time()
    ensure_ontology(store)
    files, errs = collect_paths(paths)
    have = {} if force else known_hashes(store)
    todo, unchanged = [], 0
    for f in files:
        try:
            digest = _content_hash(Path(f).read_bytes())
        except OSError as exc:
            errs.append(f"{f}: cannot read ({exc.strerror})")
            continue
        if have.get(doc_iri_for(f)) == digest:
            unchanged += 1
        else:
            todo.append(f)
    done = facts = entities = tokens = 0
    bar = None
    if progress and todo:
        from rich.progress import Progress
        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("ingesting", total=len(todo))

    def handle(res: dict) -> None:
        nonlocal done, facts, entities, tokens
        if "error" in res:
            errs.append(res["error"])
        else:
            triples = [ox.Triple(q.subject, q.predicate, q.object)
                       for q in ox.parse(res["nt"].encode(), format=ox.RdfFormat.N_TRIPLES)]
            store.replace_graph(res["iri"], triples)
            done += 1
            facts += res["facts"]
            entities += res["entities"]
            tokens += res["tokens"]
        if bar is not None:
            bar.advance(task)

    if runner is not None and todo:
        for res in runner(todo, lang):
            handle(res)
    elif workers > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=workers, initializer=_warm, initargs=(lang,)) as pool:
            for res in pool.map(process_file, todo, [lang] * len(todo), chunksize=1):
                handle(res)
    else:
        for f in todo:
            handle(process_file(f, lang))
    if bar is not None:
        bar.stop()
    counts = materialize(store) if infer and (done or force) else {}
    store.flush()
    secs = time.time() - t0
    text = (f"{done} document(s) ingested, {unchanged} unchanged, {len(errs)} skipped; {facts} facts, "
            f"{entities} entities, {sum(counts.values())} inferred; {secs:.1f} s")
    return {"documents": done, "unchanged": unchanged, "errors": errs, "facts": facts, "entities": entities,
            "tokens": tokens, "inferred": counts, "seconds": secs, "text": text}


def _warm(lang: str | None) -> None:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from ingest.pipeline import build
    for lg in ([lang] if lang else ["en", "zh", "ja"]):
        build(lg)


def remove_documents(docs: list[str], store) -> int:
    from kg.infer import materialize
    rows = store.select(f"SELECT ?d ?src WHERE {{ GRAPH ?d {{ ?d a <{AIC_IRI}Document> ; <http://purl.org/dc/terms/source> ?src }} }}")
    n = 0
    for d in docs:
        cands = {d, doc_iri_for(d)} if not d.startswith("http") else {d}
        for r in rows:
            if r["d"] in cands or r.get("src") == d:
                store.drop_graph(r["d"])
                n += 1
    if n:
        materialize(store)
    return n
