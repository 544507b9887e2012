"""`aic_nodes`: process nodes written as sizes or foundry codes: 4nm, 4 nm, N4, 4N, 4NP, 4ナノ, 4纳米,
7nm-class, N+2, SF4X, Intel 18A, 22FDX — wherever the vocabulary did not already name them."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.model import Mention

SIZE = re.compile(
    r"(?:(?<![A-Za-z0-9.])|(?<=(?-i:[A-Z]{3})))(\d{1,2}(?:\.\d)?)(?:\s?(?:nm|ｎｍ|ナノメートル|ナノ|纳米|納米|奈米)|[\s-]?(?:nanometers?|nanometres?)|\s?nano(?=[\s-]+(?:process|node|technology|tech|line)\b|\s*[.,;)]|$))"
    r"(?:[\s-]?(?:class|级|級|クラス|級別))?(?![a-z])", re.IGNORECASE)
CODE = re.compile(r"(?<![A-Za-z0-9+])(?:N(\d)(?:[PEX]|\+)?|(\d)NP?|SF(\d)[A-Z]?|Intel\s?(\d{2})A|(\d{2})FDX)(?![A-Za-z0-9+])")


class NodeRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        out = mentions(doc)
        taken = [(m.start, m.end) for m in out]
        text = doc.text
        found = []
        for m in SIZE.finditer(text):
            found.append((m.start(), m.end(), float(m.group(1))))
        for m in CODE.finditer(text):
            nm = next(g for g in m.groups() if g)
            size = float(nm) / 10 if m.group(4) else float(nm)
            found.append((m.start(), m.end(), size))
        for s, e, nm in found:
            if any(a < e and s < b for a, b in taken):
                continue
            value = int(nm) if nm == int(nm) else nm
            out.append(Mention(s, e, text[s:e], "node", (), ("ProcessNode",), value, {"foundry": ""}))
            taken.append((s, e))
        out.sort(key=lambda m: (m.start, -m.end))
        return doc


@Language.factory("aic_nodes", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_nodes(nlp: Language, name: str) -> NodeRecognizer:
    return NodeRecognizer()
