"""PDF input: the same article as HTML and as PDF gives the same facts; reading order, hyphenation at line ends,
running headers and footers, page numbers on the evidence, and a scan without a text layer refused in one line.

The PDFs are made here: by a tiny writer (tests/ingest/minipdf.py, runs everywhere) and, where Debian's chromium
is installed, printed from the HTML article by headless chromium (with its date/title header and URL/page footer).
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ingest.readers import pdf, read
from kg import errors
from kg.store import open_store
from tests.ingest import minipdf

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "fixtures" / "docs" / "article.html"
AIC = "https://w3id.org/aichip/ontology#"
HEADER, FOOTER = "AI Chip Weekly - fixture edition", "aichip-kg.example/article"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def article_paragraphs() -> list[str]:
    return read(ARTICLE).text.split("\n\n")


def article_pdf(width: int = 45, lines_per_page: int = 9) -> bytes:
    return minipdf.article(article_paragraphs(), HEADER, FOOTER, width=width, lines_per_page=lines_per_page,
                           title="Who makes the accelerators")


# ------------------------------------------------------------------------------------------ the reader alone
def test_pdf_text_is_the_articles_text():
    """Lines joined, words hyphenated at line ends joined, header and footer of every page dropped."""
    paras = article_paragraphs()
    lines = [ln for p in paras for ln in minipdf.wrap(p, 45)]
    assert sum(ln.endswith("-") and ln[-2].isalpha() for ln in lines) >= 3  # the PDF does hyphenate words
    raw = pdf.read(article_pdf(), "article.pdf")
    assert raw.text == "\n\n".join(paras)
    assert HEADER not in raw.text and FOOTER not in raw.text and "page 1 of" not in raw.text
    assert raw.meta["title"] == "Who makes the accelerators"


def test_pdf_page_offsets_point_at_each_pages_text():
    data = article_pdf()
    raw = pdf.read(data, "article.pdf")
    starts = raw.meta["pages"]
    assert len(starts) >= 4 and starts[0] == 0 and starts == sorted(starts)
    for n, start in enumerate(starts[1:], 2):  # the first body line of page n begins at starts[n-1]
        first_line = _body_lines(n)[0]
        assert raw.text[start:].startswith(first_line.rstrip("-")), (n, first_line, raw.text[start:start + 40])
        assert pdf.page_of(raw.meta, start) == n and pdf.page_of(raw.meta, start - 1) == n - 1


def _body_lines(n: int) -> list[str]:
    """The body lines article_pdf() puts on page n, top first (laid out again as minipdf.article does)."""
    body: list = []
    for p in article_paragraphs():
        body += minipdf.wrap(p, 45) + [None]
    return [t for t in body[(n - 1) * 9: n * 9] if t is not None]


def test_pdf_reading_order_follows_columns():
    left = ["The left column comes first.", "It has three lines of text,", "all read before the right one."]
    right = ["The right column comes second.", "Its lines follow the left ones", "in the text the reader gives."]
    page = [(50, 700 - 14 * i, t) for i, t in enumerate(left)] + [(330, 700 - 14 * i, t) for i, t in enumerate(right)]
    raw = pdf.read(minipdf.write([page]), "columns.pdf")
    assert raw.text.index("left column") < raw.text.index("three lines") < raw.text.index("right column")
    assert raw.text.index("right column") < raw.text.index("in the text the reader gives")


def test_pdf_paragraph_cut_by_a_page_break_mid_sentence_is_joined():
    pages = [[(72, 700, "The first page ends in the middle of a sen-")], [(72, 700, "tence that the second page ends.")]]
    raw = pdf.read(minipdf.write(pages), "cut.pdf")
    assert raw.text == "The first page ends in the middle of a sentence that the second page ends."
    assert raw.meta["pages"] == [0, raw.text.index("tence")]


def test_pdf_hyphen_of_a_name_at_a_line_end_is_kept():
    page = [(72, 700, "OpenAI trained GPT-"), (72, 686, "4 on clusters of A100 and H100 chips; the Instinct"),
            (72, 672, "accelerators compete with the Hop-"), (72, 658, "per generation.")]
    raw = pdf.read(minipdf.write([page]), "names.pdf")
    assert raw.text == ("OpenAI trained GPT-4 on clusters of A100 and H100 chips; the Instinct accelerators compete "
                        "with the Hopper generation.")


def test_pdf_without_text_layer_is_one_clear_error():
    with pytest.raises(errors.BadInput) as exc:
        pdf.read(minipdf.scan(3), "scan.pdf")
    assert str(exc.value) == "scan.pdf: no text layer; OCR it first"


@pytest.mark.parametrize("data,word", [(b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
                                       (b"hello, not a pdf at all", "not a readable PDF")])
def test_pdf_broken_file_is_refused(data, word):
    with pytest.raises(errors.BadInput) as exc:
        pdf.read(data, "broken.pdf")
    assert word in str(exc.value)


# ------------------------------------------------------------------------------------------ through ingest
FACTS = f"""SELECT ?s ?p ?o WHERE {{ GRAPH <%s> {{ ?s ?p ?o
    FILTER(?p IN (<{AIC}designedBy>, <{AIC}manufacturedOn>)) }} }}"""


def facts(store, doc: str) -> set[tuple[str, str, str]]:
    return {(r["s"], r["p"], r["o"]) for r in store.select(FACTS % doc)}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One batch: the HTML article, the same article as a PDF, and a scanned PDF without text."""
    from ingest.run import doc_iri_for, ingest_paths
    d = tmp_path_factory.mktemp("pdf")
    shutil.copy(ARTICLE, d / "article.html")
    (d / "article.pdf").write_bytes(article_pdf())
    (d / "scan.pdf").write_bytes(minipdf.scan(2))
    store = open_store(str(d / "store"))
    res = ingest_paths([str(d)], store)
    yield store, res, {n: doc_iri_for(str(d / n)) for n in ("article.html", "article.pdf", "scan.pdf")}
    store.close()


@pytest.mark.slow
def test_pdf_and_html_give_the_same_facts(batch):
    store, res, docs = batch
    html, got = facts(store, docs["article.html"]), facts(store, docs["article.pdf"])
    designed = {s.rsplit("/", 1)[-1] for s, p, _ in html if p.endswith("designedBy")}
    assert {"nvidia-h100", "amd-mi300x", "huawei-ascend-910b", "intel-gaudi-3"} <= designed, html
    assert any(p.endswith("manufacturedOn") for _, p, _ in html)
    assert got == html


@pytest.mark.slow
def test_pdf_scan_is_one_error_line_and_the_batch_lands(batch):
    store, res, docs = batch
    assert res["documents"] == 2
    assert len(res["errors"]) == 1 and res["errors"][0].endswith("scan.pdf: no text layer; OCR it first")
    assert not store.select(f"SELECT * WHERE {{ GRAPH <{docs['scan.pdf']}> {{ ?s ?p ?o }} }} LIMIT 1")


@pytest.mark.slow
def test_pdf_evidence_carries_its_page(batch):
    store, _, docs = batch
    rows = store.select(f"""SELECT ?sentence ?page ?start WHERE {{ GRAPH <{docs['article.pdf']}> {{
        ?e a <{AIC}Evidence> ; <{AIC}sentence> ?sentence ; <{AIC}charStart> ?start ; <{AIC}page> ?page }} }}""")
    raw = pdf.read(article_pdf(), "article.pdf")
    assert rows and len({int(r["page"]) for r in rows}) >= 3
    for r in rows:
        assert int(r["page"]) == pdf.page_of(raw.meta, raw.text.index(str(r["sentence"])))
    html_pages = store.select(f"SELECT * WHERE {{ GRAPH <{docs['article.html']}> {{ ?e <{AIC}page> ?p }} }}")
    assert not html_pages  # only paged documents have pages


# ------------------------------------------------------------------------------------------ printed by chromium
@pytest.mark.slow
@pytest.mark.browser
def test_pdf_printed_by_chromium_gives_the_html_facts(batch, tmp_path):
    exe = shutil.which("chromium")
    if exe is None:
        pytest.skip("chromium is not installed (the system program; Debian package chromium)")
    out = tmp_path / "printed.pdf"
    subprocess.run([exe, *CHROMIUM_ARGS, f"--print-to-pdf={out}", ARTICLE.as_uri()], capture_output=True,
                   timeout=120, check=False)
    assert out.is_file() and out.stat().st_size > 1000, "chromium printed nothing"
    raw = pdf.read(out.read_bytes(), str(out))
    assert raw.text == read(ARTICLE).text  # chromium's date/title header and URL/page footer are gone
    from ingest.run import doc_iri_for, ingest_paths
    store, _, docs = batch
    res = ingest_paths([str(out)], store)
    assert res["documents"] == 1 and not res["errors"], res
    assert facts(store, doc_iri_for(str(out))) == facts(store, docs["article.html"])
