"""What the pipeline passes around: mentions found in a sentence and facts stated by it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_KINDS = ("org", "chip", "cluster", "arch", "node")


@dataclass
class Mention:
    """A span of the sentence (offsets relative to the sentence) and what it denotes."""

    start: int
    end: int
    text: str
    kind: str  # org | chip | cluster | arch | node | money | year | percent | round | coref
    ids: tuple[str, ...] = ()  # vocabulary ids (several when ambiguous); empty for new entities
    types: tuple[str, ...] = ()  # vocabulary classes
    value: Any = None  # nm for nodes, (amount, currency) for money, int for years, fraction for percents
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The entity this mention stands for, as a document-independent key."""
        if self.extra.get("key"):
            return self.extra["key"]
        if self.ids:
            return "id:" + self.ids[0]
        return f"new:{self.kind}:{self.text}"


@dataclass
class Fact:
    """subject --predicate--> object, stated in one sentence; object is a key or a literal value."""

    subject: str
    predicate: str
    object: Any
    start: int  # offsets relative to the sentence
    end: int
    confidence: float
    extractor: str
    literal: bool = False
    datatype: str | None = None


@dataclass
class Entity:
    """An entity as written to a document's graph."""

    key: str
    kind: str
    labels: dict[str, set] = field(default_factory=dict)  # lang -> labels ("" = alt)
    alt: set = field(default_factory=set)
    types: set = field(default_factory=set)
    attrs: dict = field(default_factory=dict)
