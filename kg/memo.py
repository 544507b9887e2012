"""Memoise pure functions of short texts (query strings, Accept headers), which clients repeat.

Texts longer than `max_len` are computed every time, so a few huge queries cannot pin memory.
"""
from __future__ import annotations

from functools import lru_cache, wraps
from typing import Callable, TypeVar

T = TypeVar("T")


def short_text_cache(maxsize: int = 512, max_len: int = 8192) -> Callable[[Callable[..., T]], Callable[..., T]]:
    def decorate(fn: Callable[..., T]) -> Callable[..., T]:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def wrapper(text, *args):
            if isinstance(text, str) and len(text) <= max_len:
                return cached(text, *args)
            return fn(text, *args)
        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return wrapper
    return decorate
