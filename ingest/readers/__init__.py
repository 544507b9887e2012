"""Document readers keyed by extension: each returns a `RawDocument` with the main text and metadata.

Offsets of evidence point into `RawDocument.text`, the text a reader extracted (for .txt/.md it is the
file's own text minus nothing, so offsets are offsets into the file; for .pdf, `meta["pages"]` says where
each page's text begins).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg import errors

MAX_BYTES = 20 * 1024 * 1024
_HEADER = re.compile(r"^(title|date|source|lang|language|author)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass
class RawDocument:
    path: str
    text: str
    meta: dict = field(default_factory=dict)
    body_start: int = 0  # where the body begins (after a metadata header)


def read_header(text: str) -> tuple[dict, int]:
    """`key: value` lines at the top (title/date/source), ended by a blank line."""
    meta: dict = {}
    pos = 0
    for line in text.splitlines(keepends=True):
        m = _HEADER.match(line.strip())
        if not m:
            if line.strip() == "" and meta:
                pos += len(line)
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        pos += len(line)
    return meta, pos if meta else 0


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise errors.BadInput(errors.message("empty_file", path=path))
    if b"\x00" in data[:8192]:
        raise errors.BadInput(errors.message("binary_file", path=path))
    for enc in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    for enc in ("gb18030", "shift_jis", "euc-jp", "big5"):
        try:
            text = data.decode(enc)
            if _looks_like_text(text):
                return text
        except UnicodeDecodeError:
            continue
    raise errors.BadInput(errors.message("bad_encoding", path=path))


def _looks_like_text(text: str) -> bool:
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t") or 0xE000 <= ord(c) <= 0xF8FF)
    return bad < max(3, len(text) // 200)


def read(path: str | Path) -> RawDocument:
    """Read one document by extension (.txt .md .html .htm .pdf; anything else as plain text if it decodes)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise errors.BadInput(errors.message("file_too_large", path=p, size=size, limit=MAX_BYTES))
        data = p.read_bytes()
    except OSError as exc:
        raise errors.BadInput(errors.message("unreadable_file", path=p, detail=exc.strerror or exc)) from exc
    ext = p.suffix.lower()
    if ext in (".html", ".htm", ".xhtml"):
        from ingest.readers import html
        return html.read(data, str(p))
    if ext == ".pdf":
        from ingest.readers import pdf
        return pdf.read(data, str(p))
    if ext == ".md":
        from ingest.readers import md
        return md.read(data, str(p))
    from ingest.readers import txt
    return txt.read(data, str(p))


SUPPORTED = (".txt", ".md", ".html", ".htm", ".xhtml", ".text", ".pdf")
