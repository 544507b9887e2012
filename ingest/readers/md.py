"""Markdown: the text as written (offsets stay the file's); emphasis marks are blanked for matching."""
from __future__ import annotations

import re

from ingest.readers import RawDocument, decode, read_header

_MARKS = re.compile(r"(\*\*|__|`|^#{1,6}\s|^\s*[-*+]\s|\[|\]\([^)]*\))", re.MULTILINE)


def read(data: bytes, path: str) -> RawDocument:
    text = decode(data, path).replace("\r\n", "\n")
    meta, start = read_header(text)
    # blank markup with spaces of equal length so offsets into the file are preserved
    clean = _MARKS.sub(lambda m: " " * len(m.group(0)), text)
    return RawDocument(path, clean, meta, start)
