"""Plain protocol functions: content coding choice and compression (no server)."""
from __future__ import annotations

import gzip

import pytest

from api import protocol


@pytest.mark.parametrize("header,expected", [
    ("gzip", True), ("gzip, deflate, br", True), ("deflate, GZIP;q=0.5", True), ("x-gzip", True),
    ("gzip;q=0", False), ("gzip; q=0.0", False), ("identity", False), ("br, zstd", False), (None, False), ("", False),
])
def test_accepts_gzip(header, expected):
    assert protocol.accepts_gzip(header) is expected


def test_compress_only_large_bodies():
    small = protocol.compress(protocol.Output(body=b"x" * (protocol.GZIP_MIN_BYTES - 1)))
    assert small.body == b"x" * (protocol.GZIP_MIN_BYTES - 1) and "Content-Encoding" not in small.headers
    big_body = b'{"head":{"vars":["s"]}}' * 500
    big = protocol.compress(protocol.Output(body=big_body))
    assert big.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(big.body) == big_body and len(big.body) < len(big_body) / 10
