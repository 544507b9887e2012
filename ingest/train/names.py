"""Invented names of a given kind, in the scripts each language writes them in (data: data/names.json).

Mention replacement (augment.py) swaps every known name of a training sentence for one of these, so the
recogniser learns the contexts and shapes names come in ("X Semiconductor announced the QX-7 …",
"由天枢资本领投", "株式会社ゾルブラックス"), not the names themselves.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "names.json"
ROLES = ("vendor", "investor", "foundry", "research", "org")


@lru_cache(maxsize=1)
def parts() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@dataclass
class Bundle:
    """One invented entity: how it is written in Latin letters and in the document language's own script."""

    latin: str
    native: str


class NameGenerator:
    """Invented names per label (ORG with a role, CHIP, CLUSTER, ARCH), seeded for reproducible data."""

    def __init__(self, lang: str, rng: random.Random):
        self.lang = lang
        self.rng = rng
        self.p = parts()

    # ------------------------------------------------------------------ pieces
    def pick(self, seq):
        return self.rng.choice(seq)

    def latin_root(self) -> str:
        lat = self.p["latin"]
        if self.rng.random() < 0.25:
            return self.pick(lat["words"]) + (" " + self.pick(lat["words"]) if self.rng.random() < 0.4 else "")
        syll = "".join(self.pick(lat["onsets"]) + self.pick(lat["vowels"]) for _ in range(self.rng.randint(1, 2)))
        root = (syll + self.pick(lat["codas"])).capitalize()
        if len(root) < 3:
            root += self.pick(["x", "on", "ia", "ar"])
        if self.rng.random() < 0.1:
            root = root.upper()[:4]  # acronym-like: "ZORB", "QNT"
        return root

    def kana_root(self) -> str:
        """Katakana: a Japanese word (カスミ, ヒイラギ — most invented Japanese names are such words) or
        made-up syllables (a rendering of a foreign name)."""
        ja = self.p["ja"]
        if self.rng.random() < 0.5:
            return self.pick(ja["kana_words"])
        return "".join(self.pick(ja["kana"]) for _ in range(self.rng.randint(2, 3))) + self.pick(ja["kana_tails"])

    def hanzi_root(self) -> str:
        zh = self.p["zh"]
        return "".join(self.pick(zh["hanzi"]) for _ in range(self.rng.randint(2, 2 if self.rng.random() < 0.8 else 3)))

    def ja_org(self, role: str, key: str) -> str:
        """A Japanese company or fund: katakana with a suffix (ヒイラギ・セミコンダクター), Japanese kanji
        (白峰電子, 朝霧研究所, 東雲インベストメント), hiragana (ほたる計算機), a Chinese company (北辰科技);
        株式会社/合同会社 before or after, a fund's 投資事業有限責任組合."""
        ja = self.p["ja"]
        r = self.rng.random()
        investor = role == "investor"
        if r < 0.15:  # a Chinese company in Japanese text: 北辰科技
            kkey = "kanji_investor_suffixes" if investor else "kanji_vendor_suffixes"
            return self.pick(ja["kanji_roots"]) + self.pick(ja[kkey])
        if r < 0.4:
            root = self.pick(ja["ja_kanji_roots"]) if r < 0.34 else self.pick(ja["hira_words"])
            suf = self.pick(ja["kanji_investor_suffixes_ja"] if investor else
                            ja[key] if key in ja and role in ("research", "foundry") and self.rng.random() < 0.5 else
                            ja["kanji_company_suffixes"])
            native = root + ("・" if self.rng.random() < 0.1 and not suf[0] in "電半研総精工技製計情" else "") + suf
        else:
            jkey = key if key in ja else "vendor_suffixes"
            sep = "・" if self.rng.random() < 0.45 else ""
            native = self.kana_root() + sep + self.pick(ja[jkey])
            if role == "vendor" and self.rng.random() < 0.1:  # two suffix words: ミソラ・ニューラル・テクノロジーズ
                native += sep + self.pick(ja["vendor_suffixes"])
        r = self.rng.random()
        if r < 0.12:
            native = self.pick(ja["company_prefixes"]) + native
        elif r < 0.24:
            native += self.pick([w for w in ja["company_suffixes"] if investor or not w.startswith("投資")])
        return native

    # ------------------------------------------------------------------ kinds
    def org(self, role: str) -> Bundle:
        lat, ja, zh = self.p["latin"], self.p["ja"], self.p["zh"]
        key = {"vendor": "vendor_suffixes", "investor": "investor_suffixes", "foundry": "foundry_suffixes",
               "research": "research_suffixes"}.get(role, "org_suffixes")
        root = self.latin_root()
        latin = root if self.rng.random() < 0.15 and role != "investor" else f"{root} {self.pick(lat[key])}"
        if self.lang == "ja":
            native = self.ja_org(role, key)
        elif self.lang == "zh":
            zkey = key if key in zh else "vendor_suffixes"
            native = self.hanzi_root() + self.pick(zh[zkey])
            r = self.rng.random()
            if r < 0.15:
                native = self.pick(zh["cities"]) + native
            elif r < 0.25:
                native = native + self.pick(zh["company_suffixes"])
        else:
            native = latin
        return Bundle(latin, native)

    def chip(self) -> Bundle:
        c = self.p["chip"]
        r = self.rng.random()
        if r < 0.4:
            code = self.pick(c["letters"]) + self.pick(c["separators"]) + str(self.rng.choice(
                [self.rng.randint(1, 9), self.rng.randint(10, 99), self.rng.randint(100, 990), self.rng.randint(1000, 9900)]))
            code += self.pick(c["tails"]) if not code[-1].isalpha() else ""
        elif r < 0.5:  # "HC-Q3", "YZ-E1", "TL-G2"
            code = self.pick(c["letters"]) + "-" + self.pick("ABCDEGHKLMNPQRSTVXZ") + str(self.rng.randint(1, 12))
        elif r < 0.6:  # "KS-Rin 3", "MS-Sora", "NK-Aurora 2"
            code = self.pick(c["letters"]) + "-" + self.pick(c["words"])
            code += self.pick(["", "", f" {self.rng.randint(1, 5)}", str(self.rng.randint(1, 5))])
        elif r < 0.75:  # "NX-Core 3", "Zorb Tensor 2"
            code = f"{self.latin_root().split()[0]}{self.pick(['-', ' '])}{self.pick(self.p['latin']['chip_words'])} {self.rng.randint(1, 9)}"
        else:  # "Kestrel 2", "Vora X1"
            code = f"{self.latin_root().split()[0]} {self.pick([str(self.rng.randint(1, 5)), 'X' + str(self.rng.randint(1, 9)), 'v' + str(self.rng.randint(1, 4))])}"
        latin = code.strip()
        native = latin
        if self.lang == "zh" and self.rng.random() < 0.5:  # 天枢T20, 思元 590
            native = self.pick(self.p["zh"]["chip_words"] + [self.hanzi_root()]) + self.pick(["", "", " "]) + \
                self.pick(self.p["chip"]["letters"])[:1] + str(self.rng.randint(10, 990))
            if self.rng.random() < 0.3:
                native = self.hanzi_root() + str(self.rng.randint(1, 9)) + self.pick(["号", "代", ""])
        elif self.lang == "ja" and self.rng.random() < 0.35:  # ホタルビ3, セキレイ, ヒイラギ X2
            native = self.kana_root() + self.pick(["", " ", "", ""]) + self.pick(
                [str(self.rng.randint(1, 9)), "", "", "X" + str(self.rng.randint(1, 5))])
        return Bundle(latin, native)

    def cluster(self) -> Bundle:
        lat = self.p["latin"]
        root = self.latin_root().split()[0]
        latin = self.pick([f"{root} {self.pick(lat['cluster_words'])}", f"{root} {self.rng.randint(100, 9000)}",
                           f"{root}-{self.rng.randint(1, 9)}", f"{root} {self.pick(lat['cluster_words'])} {self.rng.randint(1, 9)}"])
        native = latin
        if self.lang == "zh" and self.rng.random() < 0.5:
            native = self.hanzi_root() + self.pick(self.p["zh"]["cluster_words"])
        elif self.lang == "ja" and self.rng.random() < 0.4:
            native = self.kana_root() + self.pick(self.p["ja"]["cluster_words"])
        return Bundle(latin, native)

    def arch(self) -> Bundle:
        latin = self.pick(self.p["latin"]["arch_words"] + [self.latin_root().split()[0]])
        if self.rng.random() < 0.2:
            latin += f" {self.rng.randint(2, 5)}"
        native = latin
        if self.lang == "zh" and self.rng.random() < 0.4:
            native = self.pick(self.p["zh"]["arch_words"]) + self.pick(["", "架构"])
        elif self.lang == "ja" and self.rng.random() < 0.4:
            native = self.pick(self.p["ja"]["arch_words"])
        return Bundle(latin, native)

    def make(self, label: str, role: str = "org") -> Bundle:
        if label in ("ORG", "RESEARCH"):
            return self.org("research" if label == "RESEARCH" else role)
        if label == "CHIP":
            return self.chip()
        if label == "CLUSTER":
            return self.cluster()
        return self.arch()


# ---------------------------------------------------------------------- renderings
def is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) >= len(letters) / 2


def render(bundle: Bundle, original: str, lang: str, rng: random.Random) -> str:
    """The invented name written the way the original surface was: same script, plus the variants machine
    translation and bilingual writing produce (lower case, odd spacing, 'Native (Latin)')."""
    if is_latin(original) or lang == "en":
        name = bundle.latin
        r = rng.random()
        if original.islower() or (lang == "en" and r < 0.08):
            name = name.lower()
        elif r < 0.12 and " " in name:
            name = name.replace(" ", "", 1) if rng.random() < 0.5 else name.replace(" ", "  ", 1)
        elif r < 0.16 and "-" in name:
            name = name.replace("-", " - " if rng.random() < 0.5 else " ")
        return name
    name = bundle.native
    if bundle.latin == bundle.native:
        return name
    r = rng.random()
    latin = bundle.latin.lower() if rng.random() < 0.3 else bundle.latin  # machine translation lower-cases
    open_, close = ("（", "）") if rng.random() < 0.6 else ("(", ")")
    if r < 0.12:  # 青苍半导体（Qingcang Semiconductor）
        name = f"{bundle.native}{open_}{latin}{close}"
    elif r < 0.18:  # tovrin tek （トヴリン テック）
        name = f"{latin}{rng.choice(['', ' '])}{open_}{_spaced(bundle.native, rng)}{close}"
    elif r < 0.26:  # a foreign company written in Latin letters inside Japanese or Chinese text
        name = latin
    elif r < 0.3:
        name = _spaced(bundle.native, rng)
    return name


def _spaced(native: str, rng: random.Random) -> str:
    """Machine translation spaces the words of a name: "トヴリン テック", "ヒイラギ ・ セミコンダクター"."""
    if "・" in native:
        return native.replace("・", rng.choice([" ", " ・ ", "・"]))
    return native
