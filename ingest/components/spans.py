"""Bookkeeping shared by the name finders (`unknown`, `cjk_names`): the mentions found so far (`out`) and the
character spans they hold (`taken`), kept in step so that a later pattern sees what an earlier one claimed."""
from __future__ import annotations

from ingest.model import Mention


def overlaps(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) crosses a span already claimed."""
    return any(a < e and s < b for a, b in taken)


def drop(out: list[Mention], taken: list[tuple[int, int]], m: Mention) -> None:
    """Withdraw a mention and free its span."""
    if m in out:
        out.remove(m)
    if (m.start, m.end) in taken:
        taken.remove((m.start, m.end))
