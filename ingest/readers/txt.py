"""Plain text: the file's text, with an optional `title:/date:/source:` header."""
from __future__ import annotations

from ingest.readers import RawDocument, decode, read_header


def read(data: bytes, path: str) -> RawDocument:
    text = decode(data, path).replace("\r\n", "\n")
    meta, start = read_header(text)
    return RawDocument(path, text, meta, start)
