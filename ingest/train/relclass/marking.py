"""The classifier's input: the sentence with the pair's two mentions replaced by role markers and every other
entity by its kind, split into tokens the same way for all three languages.

Masking the names makes the model learn the context ("HEAD_CHIP … manufactured by … TAIL_NODE") rather than
the names, so it applies to names no vocabulary or training document has seen."""
from __future__ import annotations

import re

KINDS = {"org": "ORG", "chip": "CHIP", "node": "NODE", "cluster": "CLUSTER", "arch": "ARCH", "money": "MONEY",
         "round": "ROUND", "year": "YEAR"}
# Latin/digit runs and markers stay whole; every other non-space character (kana, kanji, hanzi, punctuation)
# is a token of its own, as in the recognisers' `cjk_char` split.
TOKEN = re.compile(r"(?:HEAD|TAIL)_[A-Z]+|[A-Za-z0-9]+(?:['’][a-z]+)?|\S")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def marked(text: str, spans: list[tuple[int, int, str]], head: int, tail: int) -> list[str]:
    """Tokens of `text` with spans[head] → HEAD_<KIND>, spans[tail] → TAIL_<KIND>, and other spans → <KIND>
    (spans are (start, end, kind) with offsets into `text`; a span overlapping one already placed is dropped,
    head and tail placed first)."""
    order = [head, tail] + sorted((i for i in range(len(spans)) if i not in (head, tail)),
                                  key=lambda i: spans[i][0] - spans[i][1])
    placed: list[tuple[int, int, str]] = []
    for i in order:
        s, e, kind = spans[i]
        if any(s < pe and ps < e for ps, pe, _ in placed):
            if i in (head, tail):
                raise ValueError("head and tail overlap")
            continue
        label = KINDS.get(kind, kind.upper())
        placed.append((s, e, f"HEAD_{label}" if i == head else f"TAIL_{label}" if i == tail else label))
    out, pos = [], 0
    for s, e, label in sorted(placed):
        out += tokens(text[pos:s])
        out.append(label)
        pos = e
    return out + tokens(text[pos:])
