"""Paragraphs, language per paragraph, and sentences, all as offsets into the original text.

Rule-based on purpose: GiNZA's sentence boundaries break inside lower-cased machine-translated names
("moore | thread"), so sentences are cut on 。！？ and on a full stop followed by space.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {"inc", "corp", "co", "ltd", "u.s", "e.g", "i.e", "vs", "mr", "ms", "dr", "no", "approx", "est",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "st", "jr",
           "u.k", "fig", "al"}
_CJK_END = re.compile(r"[。！？!?；]+[」』）)]*|\.(?=\s|$)|;(?=\s)")
# a letter that names a round, a share class or a plan ("Series B", "Class A", "Plan B"), not a person's initial
_LETTER_NAMED = re.compile(r"\b(?:[Ss]eries|[Cc]lass|[Tt]ranche|[Pp]lan|[Rr]ound|[Pp]hase|[Tt]ype)\s[A-Z]$")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_BRACKETED = re.compile(r"[（(][^()（）\n]*[\u3040-\u30ff\u4e00-\u9fff][^()（）\n]*[）)]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    lang: str
    paragraph: int


def detect_lang(text: str) -> str:
    """ja when kana appears, zh when Han characters dominate without kana, else en.

    An English paragraph whose only Japanese or Chinese stands in brackets ("Hoshikawa Capital (星川キャピタル)",
    machine translation keeping the original names) is English."""
    bare = _BRACKETED.sub(" ", text)
    if bare != text and not _CJK_CHAR.search(bare) and sum(1 for c in bare if c.isascii() and c.isalpha()) >= 20:
        return "en"
    kana = sum(1 for c in text if "\u3040" <= c <= "\u30ff" and c != "・")
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if kana >= 2 or (kana and kana >= han * 0.05):
        return "ja"
    if han >= 2 and han * 2 >= latin * 0.25:
        return "zh"
    return "en"


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Non-empty lines as paragraphs (headings and list items included)."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = m.start() + start, m.end() + start
        chunk = text[s:e]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            out.append((s + lead, e - trail))
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    s = start
    for m in _CJK_END.finditer(text, start, end):
        if m.group(0) == ".":
            word = re.search(r"([A-Za-z.]+)$", text[max(start, m.start() - 12): m.start()])
            if word and word.group(1).lower().rstrip(".") in _ABBREV:
                continue
            if word and "." in word.group(1).rstrip(".") and re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
                continue  # "Holloway Peak Capital, L.P. and Eastmere …", "the U.K. market": a dotted abbreviation
            if word and len(word.group(1).rstrip(".")) == 1 and word.group(1).rstrip(".").isupper() \
                    and not text[max(start, m.start() - len(word.group(1)) - 1):m.start() - len(word.group(1))].isalnum() \
                    and not _LETTER_NAMED.search(text, max(start, m.start() - 24), m.start()):
                continue  # an initial: "J. Smith" (not the end of a code: "… on SF4X. Who builds …"; nor a round's
                # or a class's letter: "… led its $75 million Series B. Less than two years later …")
        e = m.end()
        if text[s:e].strip():
            spans.append((s, e))
        s = e
    if text[s:end].strip():
        spans.append((s, end))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return out


def sentences(text: str, start: int = 0, lang: str | None = None) -> list[Sentence]:
    out = []
    whole = None
    for i, (ps, pe) in enumerate(paragraphs(text, start)):
        plang = lang or detect_lang(text[ps:pe])
        if plang == "zh" and pe - ps <= 80 and not re.search(r"[|｜\t]", text[ps:pe]):
            # a short line without kana in a Japanese document ("株式会社潮見電子工業　1,000,000株", "(1) 払込期日　2027年
            # 3月18日") is Japanese, not a Chinese paragraph (table rows keep their own reading: "| 爱芯元智 | AX650N |")
            whole = whole or detect_lang(text[start:])
            plang = "ja" if whole == "ja" else plang
        for a, b in split_sentences(text, ps, pe):
            out.append(Sentence(a, b, text[a:b], plang, i))
    return out
