"""PDF: the text layer in reading order (pdfminer.six's layout analysis), one paragraph per text box.

Analyst reports are mostly PDFs. What a PDF adds to plain text, and what this reader undoes:
- lines broken inside a paragraph (joined with a space, or nothing between CJK characters), and words broken
  with a hyphen at a line end ("manu-" + "factured" → "manufactured");
- headers and footers repeated on every page (a running title, a URL, "Page 3 of 9"): a line near the top or
  bottom edge that recurs, digits aside, on most pages is dropped, as is a bare page number there;
- a paragraph running over a page break in mid-sentence is joined again.
The page each paragraph came from is kept: `meta["pages"]` lists the character offset where each page's
text starts, so evidence can say on which page its sentence stands (ingest/graph.py writes aic:page).
A PDF without a text layer (a scan) is refused with one clear line instead of becoming an empty document.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from ingest.readers import RawDocument
from kg import errors

LINE_MARGIN = 1.0  # lines closer than one line height are one paragraph (pdfminer's 0.5 splits 1.5-spaced text)
EDGE = 0.1  # the top and bottom tenth of a page is where running headers and footers stand
REPEAT = 0.6  # a line on at least this share of pages (and on two or more) is a running header or footer
_PAGE_NO = re.compile(r"^\W*(?:(?:page|p\.|s\.|頁|页|ページ)\s*)?\d{1,4}(?:\s*(?:/|of|de|von|／)\s*\d{1,4})?\s*(?:頁|页)?\W*$",
                      re.I)
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st", "\u00ad": ""})  # typeset ligatures, soft hyphens
_HYPHEN_END = re.compile(r"[A-Za-z\u00C0-\u024F]-$")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_SENTENCE_END = re.compile(r"[.!?。！？:：;；)）」』\"”]$")


@dataclass
class Line:
    text: str
    top: float  # distance from the page's top edge, as a share of its height
    bottom: float


@dataclass
class Box:
    lines: list[Line]


def read(data: bytes, path: str) -> RawDocument:
    pages = _layout(data, path)
    if not any(line.text.strip() for page in pages for box in page for line in box.lines):
        raise errors.BadInput(errors.message("pdf_no_text", path=path))
    running = _running_lines(pages)
    paras: list[str] = []
    marks: list[tuple[int, int, int]] = []  # (page index, paragraph index, offset in it) where a page's text begins
    for p, page in enumerate(pages):
        first = True
        for box in page:
            para = _join_lines([ln.text for ln in box.lines if not _is_running(ln, running)])
            if not para:
                continue
            if first and paras and marks[-1][0] == p - 1 and _continues(paras[-1], para):
                joined = _join_lines([paras[-1], para])  # a paragraph cut by the page break
                marks.append((p, len(paras) - 1, len(joined) - len(para)))
                paras[-1] = joined
            else:
                if first:
                    marks.append((p, len(paras), 0))
                paras.append(para)
            first = False
    offsets, pos = [], 0
    for para in paras:
        offsets.append(pos)
        pos += len(para) + 2  # the "\n\n" between paragraphs
    begins = {p: offsets[i] + off for p, i, off in marks}
    starts, nxt = [0] * len(pages), max(0, pos - 2)
    for p in range(len(pages) - 1, -1, -1):  # a page without text begins where the next text does
        nxt = begins.get(p, nxt)
        starts[p] = nxt
    starts[0] = 0
    meta: dict = {"pages": starts}
    title = _title(data)
    if title:
        meta["title"] = title
    return RawDocument(path, "\n\n".join(paras), meta, 0)


def page_of(meta: dict, offset: int) -> int | None:
    """The 1-based page on which the character at `offset` of the reader's text stands (None: not a PDF)."""
    starts = meta.get("pages")
    if not starts:
        return None
    from bisect import bisect_right
    return max(1, bisect_right(starts, offset))


# ---------------------------------------------------------------------------------------------- layout

def _layout(data: bytes, path: str) -> list[list[Box]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    pages: list[list[Box]] = []
    try:
        for lt_page in extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=LINE_MARGIN)):
            height = (lt_page.y1 - lt_page.y0) or 1.0
            boxes: list[Box] = []
            for el in lt_page:  # pdfminer orders the boxes in reading order (columns, then down)
                if not isinstance(el, LTTextBox):
                    continue
                lines = [Line(re.sub(r"\s+", " ", ln.get_text().translate(LIGATURES)).strip(), (lt_page.y1 - ln.y1) / height,
                              (ln.y0 - lt_page.y0) / height)
                         for ln in el if isinstance(ln, LTTextLine)]
                lines = [ln for ln in lines if ln.text]
                if lines:
                    boxes.append(Box(lines))
            pages.append(boxes)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise errors.BadInput(errors.message("pdf_encrypted", path=path, detail=exc)) from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise errors.BadInput(errors.message("pdf_unreadable", path=path, detail=f"{type(exc).__name__}: {exc}")) from exc
    if not pages:
        raise errors.BadInput(errors.message("pdf_no_pages", path=path))
    return pages


def _title(data: bytes) -> str | None:
    """The document information dictionary's Title, when it holds a real one."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.utils import decode_text
    try:
        info = PDFDocument(PDFParser(io.BytesIO(data))).info
        raw = info[0].get("Title") if info else None
        if hasattr(raw, "resolve"):
            raw = raw.resolve()
        title = decode_text(raw) if isinstance(raw, bytes) else (raw if isinstance(raw, str) else None)
    except Exception:  # a broken info dictionary only costs the title
        return None
    title = (title or "").strip()
    return title if title and not title.lower().startswith(("untitled", "microsoft word -")) else None


# ---------------------------------------------------------------------------------------------- headers, footers

def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text).strip().casefold())


def _at_edge(line: Line) -> bool:
    return line.top < EDGE or line.bottom < EDGE


def _running_lines(pages: list[list[Box]]) -> set[str]:
    """Keys of the lines that stand near the top or bottom edge of most pages."""
    if len(pages) < 2:
        return set()
    seen: Counter = Counter()
    for page in pages:
        seen.update({_key(ln.text) for box in page for ln in box.lines if _at_edge(ln)})
    need = max(2, REPEAT * len(pages))
    return {k for k, n in seen.items() if n >= need}


def _is_running(line: Line, running: set[str]) -> bool:
    return _at_edge(line) and (_key(line.text) in running or bool(_PAGE_NO.match(line.text)))


# ---------------------------------------------------------------------------------------------- joining lines

def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif _HYPHEN_END.search(out) and line[:1].islower():
            out = out[:-1] + line  # "manu-" + "factured"
        elif out.endswith("-") and not out.endswith(" -") and line[:1].isalnum():
            out += line  # a hyphen of the name itself: "GPT-" + "4", "X-" + "Ray"
        elif _CJK.match(out[-1]) and _CJK.match(line[0]):
            out += line
        else:
            out += " " + line
    return out


def _continues(prev: str, para: str) -> bool:
    """A paragraph cut by a page break: the last one did not end a sentence and this one goes on in lower case
    (or in CJK text, which has no case)."""
    if not prev or _SENTENCE_END.search(prev):
        return False
    return para[:1].islower() or (bool(_CJK.match(prev[-1])) and bool(_CJK.match(para[:1])))
