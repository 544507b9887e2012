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


@dataclass
class RoundInView:
    """The funding round a paragraph is describing ("The round was led by X." adds to it)."""

    key: str
    company: str
    year: int | None = None
    amount: bool = False  # an amount was given for it
    values: set = field(default_factory=set)  # the amounts given for it, to know it again when restated


@dataclass
class MarketInView:
    """The market a paragraph's figures belong to, and the research firm that gave them."""

    region: str
    paragraph: int


@dataclass
class ChipsInView:
    """The chips of the previous sentence, for a sentence that leaves its chip implicit."""

    paragraph: int
    chips: list
    carried: bool = False


@dataclass
class NameInView:
    """A name no vocabulary knows, found earlier in the document: later bare mentions of it are the same
    entity ("announced the ZX-9 AI training chip … The ZX-9 is manufactured by …")."""

    text: str
    kind: str
    key: str
    label: str = ""
    short: bool = False  # a short form ("澜汀" of 澜汀智算): never the brand inside a chip's name ("星垣SY-2")


@dataclass
class DocContext:
    """What carries from one sentence to the next, declared in one place (spaCy's `Doc.set_extension`
    declares `doc._.context`; the `aic_context` stage updates it after each sentence's components)."""

    year: int | None = None  # the document's date, for "in March" without a year
    paragraph: int = -1  # the paragraph of the sentence being read
    topic: str | None = None  # key of the organisation the paragraph is about
    topic_paragraph: int | None = None
    last_round: RoundInView | None = None
    recent_round: tuple | None = None  # (paragraph, RoundInView) of the round last described, for a list line after it
    table: tuple | None = None  # (cell count, column roles) of the table whose rows are being read
    defined: str | None = None  # key of the company a definition names "公司"/"发行人" for the whole document
    issuer: str | None = None  # key of the company a disclosure's header line (else a headline) names: its 当社 (Japanese)
    people: set = field(default_factory=set)  # words of the people a text named with a job title ("chief executive
    # Elise Marchand"): "Marchand said …" later is that person, never an organisation (English)
    question: int | None = None  # the last paragraph that asked a question (an interview's "――…", "Q."), Japanese
    rounds: dict = field(default_factory=dict)  # company key -> the rounds the document has described (RoundInView)
    last_market: MarketInView | None = None
    last_firm: Any = None  # the research firm of the market figures in view (a Mention)
    firm_paragraph: int | None = None
    author_firm: Any = None  # a research firm a note names as its author (byline): the "we" of its figures
    author_investor: str | None = None  # key of a fund that writes the document (a letter to its partners): the "we" of its deals
    author_company: tuple | None = None  # (key, vocabulary ids) of a company whose team writes the document: its "we"
    voice: frozenset | None = None  # paragraphs where the author company speaks (an interview's answers); None: all
    voice_quoted: bool = True  # whether a "we" inside quotation marks is the author company's too (not where only
    # the document's own voice, outside quotes, made it the author: a quoted partner speaks for himself)
    foundries: set = field(default_factory=set)  # vocabulary ids of the foundries named so far
    maker: tuple | None = None  # (paragraph, foundry id, chip keys, foundry key): the one foundry a sentence said makes those chips (en)
    previous: ChipsInView | None = None
    paragraph_chips: ChipsInView | None = None  # every chip the paragraph has named so far ("両チップとも…")
    section: ChipsInView | None = None  # the chips a section heading names ("■ AWSのInferentia2"), for its body
    names: dict = field(default_factory=dict)  # folded surface -> NameInView
    year_in_view: tuple | None = None  # (paragraph, year, month or None) of the last sentence that gave a date
    subject: tuple | None = None  # (paragraph, key) of the organisation that opened the last sentence (English)
    text: str = ""  # the whole document, for what one sentence cannot tell (words it writes in lower case elsewhere)

    def topic_here(self) -> str | None:
        """The topic company, when it was set in the current paragraph."""
        return self.topic if self.topic_paragraph == self.paragraph else None
