"""HTML: the main text only (article/main/body minus nav, header, footer, script, style, aside)."""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ingest.readers import RawDocument, decode, read_header

DROP = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template, button"
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre", "div", "section",
          "article", "td", "th", "dd", "dt", "figcaption", "caption"}


def read(data: bytes, path: str) -> RawDocument:
    raw = decode(data, path)
    meta: dict = {}
    m = re.match(r"\s*<!--(.*?)-->", raw, re.DOTALL)
    if m:
        meta, _ = read_header(m.group(1).strip() + "\n\n")
    tree = HTMLParser(raw)
    if "title" not in meta and tree.css_first("title") is not None:
        meta["title"] = tree.css_first("title").text(strip=True)
    for node in tree.css(DROP):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    paragraphs: list[str] = []
    for node in root.traverse(include_text=False):
        if node.tag == "tr":  # a table row is one line, its cells separated by " | " (see ingest/tables.py)
            cells = [re.sub(r"\s+", " ", c.text(separator=" ")).strip() for c in node.iter(include_text=False)
                     if c.tag in ("td", "th")]
            if any(cells):
                paragraphs.append(" | ".join(c or "—" for c in cells))
            continue
        if _inside_row(node):
            continue
        if node.tag in BLOCKS and not any(c.tag in BLOCKS for c in node.iter(include_text=False)):
            t = re.sub(r"\s+", " ", node.text(separator=" ")).strip()
            if t:
                paragraphs.append(t)
    if not paragraphs:
        paragraphs = [re.sub(r"\s+", " ", root.text(separator=" ")).strip()]
    return RawDocument(path, "\n\n".join(p for p in paragraphs if p), meta, 0)


def _inside_row(node) -> bool:
    p = node.parent
    while p is not None:
        if p.tag == "tr":
            return True
        p = p.parent
    return False
