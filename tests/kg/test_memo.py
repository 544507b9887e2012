"""short_text_cache: repeated short texts are computed once; long ones every time."""
from __future__ import annotations

from kg.memo import short_text_cache


def test_short_texts_cached_long_ones_not():
    calls: list[str] = []

    @short_text_cache(maxsize=8, max_len=10)
    def upper(text: str, n: int = 1) -> str:
        calls.append(text)
        return text.upper() * n

    assert upper("abc") == "ABC" and upper("abc") == "ABC"
    assert upper("abc", 2) == "ABCABC"  # other arguments are another entry
    assert calls == ["abc", "abc"]
    long = "x" * 11
    upper(long)
    upper(long)
    assert calls[-2:] == [long, long]


def test_exceptions_are_not_cached():
    calls = []

    @short_text_cache()
    def check(text: str) -> str:
        calls.append(text)
        if text == "bad":
            raise ValueError(text)
        return text

    for _ in range(2):
        try:
            check("bad")
        except ValueError:
            pass
    assert calls == ["bad", "bad"]
