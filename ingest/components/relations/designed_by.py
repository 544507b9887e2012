"""`aic_designed_by`: chip or cluster → the organisation that designs it.

Strongest when the text writes the vendor with the model ("NVIDIA H100", "Moore Threads' MTT S4000",
"华为昇腾910B", "カンブリアンのMLU370"); otherwise a design/launch trigger in the sentence ties each chip
to the sentence's vendor (the subject), never to a foundry-only, investor-only or research firm.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import (acts_in, add, between, can_be, confidence, cue_spans, cues, distance,
                                                guarded, of_kind)

NAME = "aic_designed_by"
ADJACENT = re.compile(r"^\s*[）)]?(?:'s|’s|'|’|の|的|社の|社製|製の?|公司的?|旗下的?|推出的|发布的|開発の|自研的?|"
                      r"の(?:新|最新|新型)?[^、。「」のがはをに]{0,10}?(?:チップ|半導体|プロセッサー?|アクセラレータ|クラスター?|スパコン|"
                      r"計算基盤)[「『]|"  # カワセミの新チップ「セキレイ」, 同社のデータセンター向けクラスタ「ミナヅキ」
                      # ミズホシ・ラボの省電力型推論プロセッサー「MH-2」, X（Latin）のデータセンター向けGPU「Y」: the owner's product
                      r"[）)]?の(?![^、。「」『』]{0,14}?(?:競合|対抗|顧客|採用|搭載|プロセス|工程|製造|ナノ|nm))"
                      r"[^、。「」『』\s]{0,14}?(?:チップ|半導体|プロセッサー?|アクセラレータ|GPU|NPU|SoC|ASIC)[「『]|"
                      r"の[「『]|"  # 米Korvane Systemsの「KV-9」
                      r"的(?:新款|新一代|最新)?(?:芯片|处理器|加速卡)[“「]|"
                      # 芯屿半导体的首款推理芯片"屿光1号", Lumeq的第二代光计算加速卡LM-Photon 2: the owner's chip, described
                      r"的(?![^，。；]{0,10}?(?:工艺|制程|代工|客户|竞品|对手))[^，。；、的\s“”\"「」0-9A-Za-z]{0,8}?"
                      r"(?:芯片|处理器|加速卡|算力卡|产品)[“「\"]?|"  # (微垣科技的主力产品WY-3)
                      r"(?:首款|新款|最新|新一代|第[一二三四五六七八九十\d]代)[^，。；、的\s“”\"「」0-9A-Za-z]{0,6}?"  # X首款推理芯片Y
                      r"(?:芯片|处理器|加速卡|算力卡)[“「\"]?)?\s*$"
                      r"|^(?:'s|’s)\s+(?:new|latest|flagship|first|second|third|next-generation|upcoming|own|earlier|previous|"
                      r"prior|older|original|current)\s+$"
                      # "the Company's edge AI inference chip "Sorane S2"", "Velko's training accelerator VK-3": the owner's
                      # product named right after the words that describe it
                      r"|^(?:'s|’s)\s+(?:[\w-]+\s+){0,4}?(?i:chips?|accelerators?|processors?|gpus?|npus?|asics?|socs?)"
                      r"\s*[\"“‘']?\s*$")
# an opening quote between an owner's possessive and its product ("meta's  \" mtia v2 \"", "Kestrel's 'K1'")
EN_OPEN_QUOTE = re.compile(r"[\"“‘']\s*$")
# "the previous MTIA v1 of Meta", "the Ascend 910B of Huawei", "the QP-12 from Quillon Semiconductor": the owner after
# "of" or "from" right after the product
_PRODUCT_OF = re.compile(r"\s+(?:of|from)\s+")
# a chip word may stand between the product and its owner: "the Glint-2 chip from Arrowe Micro", "the Pike-4 processor from X"
_CHIP_NOUN = r"(?:chips?|accelerators?|processors?|gpus?|npus?|tpus?|cards?|parts?|socs?|asics?)"
_PRODUCT_WORD_OF = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{_CHIP_NOUN}\s+(?:of|from)\s+", re.I)
# "the Kova K2 is Marle Systems' second chip", "The LX-70 remains Lorne Computing's flagship training chip": the product
# said to be the owner's chip
_IS_OWNERS = re.compile(r"\s+(?:is|was|remains|remained|will be|becomes|became)\s+(?:(?:also|now|still)\s+)?")
_OWNERS_CHIP = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_CHIP_NOUN}\b(?!\s+of\s+choice)", re.I)
# "SMIC manufactures the Qilu-300 for Jinan Xinwei", "TSMC is producing the Arlo-9 for Wendham Computing": a foundry's making
# verb before the product and "for" a company after it (the foundry's customer, who designs the chip)
_FOUNDRY_MAKES = re.compile(r"\s+(?:(?:is|are|was|were|will|would|has|have|had|to|now|also|already|be|been|currently|"
                            r"soon)\s+){0,3}(?:manufactur(?:es|ed|ing|e)|fabricat(?:es|ed|ing|e)|produc(?:es|ed|ing|e)|"
                            r"mak(?:es|ing|e)|made|build(?:s|ing)?|built|fab(?:s|bing|bed)?)\s+(?:the\s+|its\s+)?", re.I)
_FOR_CUSTOMER = re.compile(r"\s+for\s+(?:(?:its|their)\s+(?:customers?|clients?)\s+|(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?)")


# between a user's verb and its object, the chip: "use the Glint-2", "with the Tove-3", "built around the new KX-9" (no
# "to", "for" or "of" between: "used its keynote to show the OM-18", "chose X's SF4X for its Quasar")
_USER_OBJECT = re.compile(r"\s+(?:(?:the|a|an|its|their|our|his|her)\s+)?(?:(?!(?:to|for|of|and|or)\b)[\w-]+\s+){0,2}")


def _used_by(doc: Doc, org, product) -> bool:
    """English: a user's verb (lexicon `_user_verb`) between the organisation and the product takes the product as its
    object ("Venn Robotics is shipping drones that use the Glint-2 chip"): the organisation uses the chip, not designs it."""
    if doc.lang_ != "en" or org.end > product.start:
        return False
    return any(org.end <= s and e <= product.start and _USER_OBJECT.fullmatch(doc.text, e, product.start)
               for s, e in cue_spans(doc, "_user_verb"))


def _made_for(doc: Doc, product, org, orgs: list) -> bool:
    """English: a foundry makes the product "for" the organisation (a foundry's verb right after the foundry and before
    the product; "for" and the organisation, no foundry, right after the product)."""
    if "Foundry" in org.types or product.end > org.start or not _FOR_CUSTOMER.fullmatch(doc.text, product.end, org.start):
        return False
    return any("Foundry" in f.types and f.end <= product.start and _FOUNDRY_MAKES.fullmatch(doc.text, f.end, product.start)
               for f in orgs)


def _owner_of(doc: Doc, product, org) -> bool:
    """English: the organisation follows the product's name as "of <org>" or "from <org>" (a chip word may stand between:
    "the Glint-2 chip from Arrowe Micro"), or the product "is <org>'s … chip", and it is no foundry only (a foundry named
    so makes it: "the 5nm node of TSMC")."""
    if product.end > org.start or not (_PRODUCT_OF.fullmatch(doc.text, product.end, org.start)
                                       or _PRODUCT_WORD_OF.fullmatch(doc.text, product.end, org.start)
                                       or _IS_OWNERS.fullmatch(doc.text, product.end, org.start)
                                       and _OWNERS_CHIP.match(doc.text, org.end)):
        return False
    return not ("Foundry" in org.types and "ChipVendor" not in org.types)


# the possessive between an owner and the name it describes ("Intel's Habana Labs unit")
POSSESSOR_GAP = re.compile(r"['’]s?\s+")
BY = re.compile(r"(?:\bby\b|\bfrom\b|由|が|により|によって|を手掛ける)")


EXAMPLES_AFTER = re.compile(r"\s?(?:など|等|といった|をはじめ)")


def _listed_before(doc: Doc, orgs: list, last) -> list:
    """The organisation and those listed right before it ("マイクロソフト、メタ、OpenAI")."""
    out = [last]
    for o in sorted((o for o in orgs if o.end <= last.start), key=lambda o: -o.start):
        if not re.fullmatch(r"\s*(?:、|，|,|と|や|和|及|与)\s*", doc.text[o.end:out[-1].start]):
            break
        out.append(o)
    return out


def _by_before(doc: Doc, p, o) -> bool:
    """"by"/"由"/"が" between the product and the organisation; in Japanese and Chinese right before the name
    ("由华为设计"), not the "由" of its parts ("由384颗昇腾910C…组成，对标英伟达的…")."""
    gap = between(doc, p, o)
    if doc.lang_ not in ("ja", "zh"):
        return bool(BY.search(gap))
    return any(len(gap) - m.end() <= 6 for m in BY.finditer(gap))


def vendor_like(m) -> bool:
    if m.extra.get("unknown"):
        return True
    if not m.types:
        return True
    return "ChipVendor" in m.types or "Organization" in m.types


_FAB_AFTER = re.compile(r"^\s*(?:晶圆|晶圓|が|に|で)?\s*$")
_FAB_BEFORE = re.compile(r"^\s*(?:(?:(?<=\s)|^)(?:by|by the|由|于|於)|を|は|も)?\s*$", re.I)  # ("built by Samsung": the cue holds "by")
# (Japanese: the making noun as the topic or object, the maker right after it: "製造をインテルに切り替え", "生産はXが担う")


def fabricating(doc: Doc, org) -> bool:
    """The organisation is named as the maker here ("由三星晶圆代工", "manufactured by TSMC", "TSMCが製造"),
    so it is not the designer of that clause's chip."""
    for s, e in cue_spans(doc, "fabricatedBy"):
        if s >= org.end and _FAB_AFTER.match(doc.text[org.end:s]):
            return True
        if e <= org.start and _FAB_BEFORE.match(doc.text[e:org.start]):
            return True
        if org.start <= s and e <= org.end:  # "三星晶圆代工" named as one
            return True
    # "サムスン電子の8ナノで生産", "三星4nm": a foundry named with its own process node is named as the maker
    # (and in English "Samsung's 5 nanometer process", "on TSMC N6")
    return any(
        n.kind == "node" and (n.start <= org.start and org.end <= n.end or n.start >= org.end and re.fullmatch(
            r"\s?(?:の|的)?\s?" if doc.lang_ in ("ja", "zh") else r"(?:['’]s)?\s", doc.text[org.end:n.start]))
        for n in mentions(doc) if doc.lang_ in ("ja", "zh") or "Foundry" in org.types)


def _verb_follows(doc: Doc, org) -> bool:
    """The organisation is the subject of a design/launch verb (by the parse, or the verb follows it)."""
    return acts_in(doc, org, "_design_verb")


# "… of its second-generation training chip vx-500": the possessive right before the product's description
_ITS = re.compile(r"\b(?:its|their)\s+(?:[\w-]+,?\s+){0,5}$", re.I)


_ITS_OPENS = re.compile(r"^\W*(?:Its|Their)\s+(?:[\w-]+\s+){0,3}$")


def _owner_subject(doc: Doc, org, product) -> bool:
    """The name opens the sentence as its subject and the product is written as "its …" after it, with no
    other organisation between ("veltrix technology said … its training chip vx-500")."""
    from ingest.components.context import DESCRIBED
    before = doc.text[:org.start]
    if not ((not before.strip() or bool(DESCRIBED.match(before))) and org.end <= product.start):
        return False
    # "Lattix AI, which raised money from Greyfield Ventures, also an early Quillfire backer, began sampling its
    # NX-Core 3": the names inside the asides after the subject are not between it and its product
    asides = _ASIDES.match(doc.text, org.end, product.start) if doc.lang_ == "en" else None
    start = asides.end() if asides else org.end
    return bool(_ITS.search(doc.text[start:product.start])) and not any(
        m.kind == "org" and start <= m.start and m.end <= product.start for m in mentions(doc))


def _opens(doc: Doc, org) -> bool:
    """The name opens the sentence ("Corvo Systems, backed by A and B, launched …")."""
    from ingest.components.context import DESCRIBED
    before = doc.text[:org.start]
    return not before.strip() or bool(DESCRIBED.match(before))


_ASIDES = re.compile(r"(?:\s*,\s*(?:which|who|whose|an?|the|also|one of|founded|based|headquartered|backed)\b[^,;]*)+"
                     r"\s*,\s*")


# "the new edge inference chip from Ambrel Computing", "an accelerator designed by Corvane": the maker
# written after its product, as the agent of the product phrase
_MAKER_AFTER = re.compile(r"^(?:,?\s*(?:an?|the)\s+)?(?:[\w-]+\s+){0,4}?(?:chips?|accelerators?|processors?|gpus?|"
                          r"npus?|cards?|parts?|products?|socs?)\s+(?:from|by)\s+$|"
                          r"^\s*(?:[\w-]+\s+){0,2}?(?:designed|developed|built)\s+(?:in-house\s+)?by\s+$|"
                          # "The OBR-7 is the 3rd generation product of the company": the owner of the product
                          r"^\s*(?:is|was|are|were)\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?products?\s+of\s+(?:the\s+)?$", re.I)


# "the MV-Spire, Maraval's flagship training chip": the owner in an appositive after the product
_OWNER_APPOSITIVE = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,3}?(?:chips?|accelerators?|processors?|gpus?|npus?|"
                               r"cards?|parts?|products?|socs?)\b", re.I)
# "Draycott Silicon, the designer of the DS-9 training chip": the maker described before its product
_DESIGNER_OF = re.compile(r"^,\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:(?:designer|developer|maker|creator)\s+of|"
                          # "Pennock Logic, the small startup behind the PL-2 edge NPU": the company behind its product
                          r"(?:start-?up|company|firm|team|outfit|chipmaker|chip designer|designer|developer|vendor)\s+behind)\s+"
                          r"(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}$", re.I)


# "Brisco Labs takes a different route: the BL-Wren is …": the sentence's opening subject, then a colon that
# introduces its product
_COLON_PRODUCT = re.compile(r"^[^:;.]{0,80}:\s*(?:the|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _colon_owner(doc: Doc, org, product) -> bool:
    """The name opens the sentence and the product opens the clause after its colon, no other organisation
    between them."""
    from ingest.components.context import DESCRIBED
    before = doc.text[:org.start]
    return (not before.strip() or bool(DESCRIBED.match(before))) and org.end <= product.start \
        and bool(_COLON_PRODUCT.match(doc.text[org.end:product.start])) and not any(
            m.kind == "org" and org.end <= m.start and m.end <= product.start for m in mentions(doc))


def _maker_after(doc: Doc, product, org) -> bool:
    text = doc.text
    if product.end <= org.start:
        return bool(_MAKER_AFTER.match(text[product.end:org.start])) or (
            re.fullmatch(r",\s*", text[product.end:org.start]) is not None
            and bool(_OWNER_APPOSITIVE.match(text[org.end:org.end + 60])))
    return org.end <= product.start and (bool(_DESIGNER_OF.match(text[org.end:product.start]))
                                         or bool(_OWNERS_PRODUCT.match(text[org.end:product.start])))


_JA_MAKER_RELATIVE = re.compile(r"[」』]?\s*(?:など|等)?を\s*(?:自社)?(?:開発|設計|手がけ|手掛け)(?:する|した|している|してきた|る)\s*"
                                r"(?:米国?|中国|英国?|日本|新興|(?:\S{1,6}の)?(?:新興|スタートアップ|企業|会社)、?)?\s*")
_LISTED = re.compile(r"\s*(?:,|and|, and|or|&)\s*")
# "Xは、…チップ「Y」を設計・開発するファブレス企業です": the subject is the company a relative clause says makes the product
_JA_MAKER_SUBJECT = re.compile(r"\s*(?:[（(][^（）()]{1,30}[）)])?\s*は[、，]?")
_JA_MAKES_IT = re.compile(r"[」』]?\s*を\s*(?:自社で)?(?:設計|開発|手がけ|手掛け)(?:・(?:設計|開発|製造|販売))*(?:する|している)\s*"
                          r"[^。、「」]{0,12}?(?:企業|会社|スタートアップ|メーカー|ベンダー)")
# "Ashgrove AI's first product, the AG-1": the owner's product described, then named in apposition
_OWNERS_PRODUCT = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,3}?(?:chips?|accelerators?|processors?|products?|parts?|"
                             r"gpus?|npus?|cards?|socs?)\s*,\s+(?:the\s+)?$", re.I)


# "… that the company designed with its hosting partner Nordvann Data": a partner in the design
_DESIGNED_WITH = re.compile(r"\b(?:designed|developed|built|co-developed|co-designed|created)\s+(?:jointly\s+|together\s+)?"
                            r"with\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_JOINTLY = re.compile(r"^\s+(?:jointly|together|co-)", re.I)


def _ja_maker_subject(doc: Doc, org, product) -> bool:
    """The name opens a Japanese sentence as its topic and the product is the object of a relative clause that
    describes that company ("株式会社X（以下「X」）は、推論チップ「Y」を設計・開発するファブレス企業です")."""
    if doc.lang_ != "ja" or org.end > product.start or doc.text[:org.start].strip(" 　・「"):
        return False
    head = _JA_MAKER_SUBJECT.match(doc.text, org.end)
    return bool(head) and head.end() <= product.start and bool(_JA_MAKES_IT.match(doc.text, product.end)) \
        and not any(m.kind == "org" and m.key != org.key and org.end <= m.start < product.start for m in mentions(doc))


def _partners(doc: Doc, orgs: list, designer, product) -> list:
    """Organisations that design the product together with its designer: "X and Y jointly built Z", "Z, which
    X designed with its partner Y" (English); "AがBと共同で設計した", "AとBが共同で開発した" (Japanese)."""
    if doc.lang_ == "ja":
        text = doc.text
        out = [o for o in orgs if o is not designer and o.end <= designer.start and "Foundry" not in o.types and (
            re.fullmatch(r"\s*[がは]\s*\S{0,2}", text[o.end:designer.start])
            and re.match(r"\s*と(?:共同|一緒|協力)", text[designer.end:designer.end + 8])
            or re.fullmatch(r"\s*と\s*", text[o.end:designer.start])
            and re.match(r"\s*[がは]\s*(?:共同|一緒|協力)", text[designer.end:designer.end + 8]))]
        return [o for o in out if not guarded(doc, min(o.start, product.start), max(o.end, product.end))]
    if doc.lang_ != "en":
        return []
    from ingest.components.relations.common import coordinated
    out = [o for o in orgs if o is not designer and o.start >= product.end
           and _DESIGNED_WITH.search(doc.text[product.end:o.start])]
    group = coordinated(doc, [o for o in orgs if o.end <= product.start], designer)
    if len(group) > 1 and _JOINTLY.match(doc.text[max(o.end for o in group):]):
        out += [o for o in group if o is not designer]
    return [o for o in out if not guarded(doc, min(o.start, product.start), max(o.end, product.end))]


# between a design verb and its object: "introduced Gaudi", "unveiled the new X", "launched its Y"
_VERB_TO_OBJECT = re.compile(r"\s+(?:(?:the|its|a|an)\s+)?(?:(?:new|latest|first|flagship)\s+)?")


def _pronoun_designer(doc: Doc, product, orgs: list) -> str | None:
    """The product is the object of a design verb whose subject is a pronoun ("it", "the company"; lexicon
    `_pronoun_subject`) and the sentence names no organisation before it: the company in view designs it, not a
    name of a later clause (English)."""
    if any(o.end <= product.start and not o.extra.get("coref") for o in orgs):
        return None
    verb = next((s for s, e in cue_spans(doc, "_design_verb") if _VERB_TO_OBJECT.fullmatch(doc.text, e, product.start)), None)
    if verb is None or not any(re.fullmatch(r"\s+(?:also\s+|then\s+|\w+ly\s+)?", doc.text[e:verb])
                               for _, e in cue_spans(doc, "_pronoun_subject")):
        return None
    from ingest.components.context import context_of
    ctx = context_of(doc)
    return ctx.topic if not guarded(doc, product.start, product.end) else None


def _designs_by_parse(doc: Doc, org) -> bool:
    """Japanese, by the parse: the organisation is the subject of a design verb ("同製品は当社が開発した"), up the
    verb's head chain within its clause; no parse, no answer either way (True)."""
    from ingest.components.relations.common import governing_verb
    gov = governing_verb(doc, org)
    if gov is None:
        return True
    verb, dep = gov
    if not dep.startswith("nsubj"):
        return False
    spans = cue_spans(doc, "_design_verb")
    for _ in range(4):
        if any(s <= verb.idx < e or verb.idx <= s < verb.idx + len(verb) for s, e in spans):
            return True
        if verb.head is verb or verb.dep_.removesuffix("_bunsetu") in ("acl", "advcl", "ccomp", "csubj", "conj", "parataxis"):
            return False
        verb = verb.head
    return False


class DesignedBy:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        products = of_kind(ms, "chip", "cluster")
        if not products and cue_spans(doc, "_this_chip"):
            from ingest.components.relations.manufactured_on import implicit_chips
            products = implicit_chips(doc, ms)  # "这款由摩尔线程设计的GPU…"
            named_again = {p.key for p in products}
        else:
            named_again = set()
        orgs = [m for m in of_kind(ms, "org") if vendor_like(m)]
        if not products and doc.lang_ == "ja":
            self._codeveloped(doc, orgs)
        if doc.lang_ == "en":  # "raised $22 million from Grange Ventures and Ardmore Capital": a fund designs nothing
            from ingest.components.context import _INVESTOR_WORD
            orgs = [m for m in orgs if not (m.extra.get("unknown") and _INVESTOR_WORD.search(m.text))]
        if products and not of_kind(ms, "org") and doc.lang_ in ("ja", "zh"):
            self._topic_designs(doc, products)
        if products and doc.lang_ == "en" and not any("Foundry" not in o.types for o in of_kind(ms, "org")):
            self._subject_owns(doc, products)  # (a foundry named with the product is no owner: "… adopts SMIC's 12nm")
            self._funds_develop(doc, products)
        if not products or not orgs:
            return doc
        triggered = bool(cue_spans(doc, "designedBy")) or bool(cue_spans(doc, "_operate")) and any(
            p.kind == "cluster" for p in products)  # "Caddon also runs Longbarrow, a … cluster"
        base = confidence(doc, "designedBy")
        adjacent: list = []  # (product, owner) written together: "Gant Micro's GM-2"
        for p in sorted(products, key=lambda m: m.start):
            best, conf = None, 0.0
            for o in orgs:
                gap = doc.text[o.end:p.start] if o.end <= p.start else ""
                if doc.lang_ == "en":  # "meta's \" mtia v2 \"": the product quoted after its owner's possessive
                    gap = EN_OPEN_QUOTE.sub("", gap)
                if o.end <= p.start and ADJACENT.match(gap) \
                        or o.start == p.start and o.end < p.end and o.extra.get("inside") \
                        or doc.lang_ == "en" and (_owner_of(doc, p, o) or _made_for(doc, p, o, of_kind(ms, "org"))):  # "昆仑芯1代", "Google TPU v4", "the MTIA v1 of Meta"
                    best, conf = o, 0.95
                    adjacent.append((p, o))
                    break
            if best is None and doc.lang_ == "en":  # "Gant Micro's GM-2 and GM-3 accelerators": the list shares it
                listed = [o for q, o in adjacent if q.end <= p.start and _LISTED.fullmatch(doc.text[q.end:p.start])]
                if listed:
                    best, conf = listed[-1], 0.95
                    adjacent.append((p, best))
            if best is None and doc.lang_ == "en":
                colon = [o for o in orgs if "Foundry" not in o.types and _colon_owner(doc, o, p)]
                if colon:
                    best, conf = colon[0], base * 0.9
            if best is None and triggered and doc.lang_ == "en":
                topic = _pronoun_designer(doc, p, orgs)
                if topic is not None:  # "In June 2019 it introduced Gaudi, …, and … Intel bought the company"
                    add(doc, p, "designedBy", topic, base * 0.85, NAME + "_pronoun", spans=[p])
                    continue
            if best is None and triggered:
                # the sentence's vendor: prefer one right after "by"/"由", else the closest preceding one
                named = [o for o in orgs if not ("Foundry" in o.types and fabricating(doc, o))]
                if doc.lang_ == "en":  # "The T3 is cheaper than Nvidia's H100": the vendor compared with designs no other chip
                    from ingest.components.relations.common import compared_target
                    named = [o for o in named if not compared_target(doc, o)]
                # "マイクロソフト、メタ、OpenAIなどのデータセンター": names given as examples (customers) design nothing
                examples = [x for o in named if doc.lang_ in ("ja", "zh") and EXAMPLES_AFTER.match(doc.text, o.end)
                            for x in _listed_before(doc, named, o)]
                after = [o for o in named if o.start >= p.end and _by_before(doc, p, o) and distance(p, o) < 40
                         and not any(p.end <= q.start and q.end <= o.start for q in orgs)]  # the first one after "by"
                before = [o for o in named if o.end <= p.start and o not in examples and not _used_by(doc, o, p)]
                if doc.lang_ == "en":  # "kunlunxin , the chip subsidiary of baidu , manufactured …": the owner designs nothing
                    owners = [o for o in before for s, e, row in cues(doc, "_parent")
                              if row.get("agent") == "after" and 0 <= o.start - e <= 3]
                    before = [o for o in before if o not in owners] or before
                if doc.lang_ == "ja":  # "「LPU」を開発するグロック": the company a relative clause says makes the product
                    after = [o for o in named if o.start >= p.end and _JA_MAKER_RELATIVE.fullmatch(doc.text[p.end:o.start])] \
                        or after
                if after and doc.lang_ == "en":  # "designed by Intel's Habana Labs unit": Habana Labs, Intel's unit
                    after = [next((n for n in named if n.start > o.end and POSSESSOR_GAP.fullmatch(doc.text, o.end, n.start)), o)
                             for o in after]
                if after:
                    best, conf = min(after, key=lambda o: distance(p, o)), base
                elif before:
                    subject = [o for o in before if not o.extra.get("inside")]
                    owner = [o for o in subject if doc.lang_ == "en" and o.extra.get("unknown")
                             and "Foundry" not in o.types and (_owner_subject(doc, o, p) or _opens(doc, o)
                                                               and _verb_follows(doc, o))]
                    if owner:  # "X, which …, also an early Y backer, began sampling its P": X, not Y
                        best, conf = owner[0], base * 0.95
                    elif subject:
                        best, conf = max(subject, key=lambda o: o.end), base * 0.95
                elif len(named) == 1 and not _used_by(doc, named[0], p) and not (doc.lang_ == "ja" and any(s >= named[0].end for s, _ in cue_spans(doc, "_adopt"))):
                    best, conf = named[0], base * 0.85  # (not "Yは…量産され、当社のモジュールにも搭載されております")
            if best is None or not can_be(best, "ChipVendor") and not best.extra.get("unknown") \
                    and "Organization" not in best.types:
                continue
            if conf < 0.95 and best.extra.get("unknown") and not _verb_follows(doc, best) and not _ja_maker_subject(doc, best, p) \
                    and not (p.kind == "cluster" and acts_in(doc, best, "_operate")) \
                    and not _owner_subject(doc, best, p) and not _maker_after(doc, p, best) \
                    and not _colon_owner(doc, best, p) \
                    and not (doc.lang_ == "ja" and best.start >= p.end  # "「X」を開発するY": the maker a relative clause names
                             and _JA_MAKER_RELATIVE.fullmatch(doc.text[p.end:best.start])) \
                    and not any(o.key == best.key and o.extra.get("launches") for o in orgs):  # cjk_names._launches
                continue  # a name GiNZA or a suffix pattern guessed is a designer only when it acts as one
            if conf < 0.95 and doc.lang_ == "ja" and p.end <= best.start and not of_kind(ms, "node", "arch") \
                    and acts_in(doc, best, "_adopt"):
                continue  # "YG-2はXが自社のデータセンターで採用を決めている": a customer adopts the chip
            if conf < 0.95 and "Foundry" in best.types and not cue_spans(doc, "_design_verb"):
                continue  # "Samsung makes the Kunlun 1": a foundry sentence, not a design one
            written_as_one = doc.lang_ == "zh" and best.ids and p.ids and (  # "华为昇腾910B"
                best.end == p.start or p.start <= best.start and best.end < p.end) or \
                doc.lang_ == "en" and conf >= 0.95 and best.end <= p.start and bool(
                    re.fullmatch(r"['’]s?\s+", doc.text[best.end:p.start]))  # "She would not comment on Intel's Gaudi 3"
            written_as_one = written_as_one or doc.lang_ == "ja" and conf >= 0.95 and best.end <= p.start \
                and doc.text[best.end:p.start] == "の"  # "カタバミのKB-9…より速いらしい": the owner's chip, whatever the hearsay
            if guarded(doc, min(p.start, best.start), max(p.end, best.end)) and not written_as_one:
                continue  # (a maker written into the chip's known name is no part of the hearsay around it)
            if p.key in named_again and doc.lang_ == "ja" and not _designs_by_parse(doc, best):
                continue  # "当社は…同製品の搭載を見込んでおります": a chip in view, named again by a company that uses it
            add(doc, p, "designedBy", best, conf, NAME)
            if p.kind == "chip" and any(q.kind == "cluster" for q in products):
                continue  # a partner in the design of a system built from the chip designed the system
            for other in _partners(doc, orgs, best, p):
                add(doc, p, "designedBy", other, conf * 0.9, NAME)
        return doc


    @staticmethod
    def _codeveloped(doc: Doc, orgs: list) -> None:
        """"開発は米ブロードコム（Broadcom）と共同で進めた" after a sentence about a chip (lexicon `_codevelop`): the partner
        named before と共同 designs the chip in view too (Japanese)."""
        from ingest.components.relations.manufactured_on import previous_chips
        for s, e in cue_spans(doc, "_codevelop"):
            partners = [o for o in orgs if o.start >= s and o.end <= e and "Foundry" not in o.types]
            if not partners or guarded(doc, s, e):
                continue
            for c in previous_chips(doc):
                add(doc, c, "designedBy", partners[-1], confidence(doc, "designedBy") * 0.85, NAME + "_partner",
                    spans=[partners[-1]])

    @staticmethod
    def _subject_owns(doc: Doc, products: list) -> None:
        """"Stratomind has not disclosed a foundry. Its SM-Edge inference chip targets cameras": a sentence that
        opens on "Its"/"Their" and a product, naming no organisation, speaks of the one that opened the sentence
        before it in the paragraph."""
        from ingest.components.context import context_of
        ctx = context_of(doc)
        if ctx.subject is None or ctx.subject[0] != ctx.paragraph:
            return
        for p in products:
            if p.kind == "chip" and _ITS_OPENS.match(doc.text[:p.start]) and not guarded(doc, p.start, p.end):
                add(doc, p, "designedBy", ctx.subject[1], confidence(doc, "designedBy") * 0.8, NAME + "_subject")

    @staticmethod
    def _funds_develop(doc: Doc, products: list) -> None:
        """"The funds will be used for the development of the LX-200 chip": the company of the round in view (else
        the paragraph's company) develops the chips its money goes to (English)."""
        from ingest.components.context import context_of
        ctx = context_of(doc)
        funded = {r.company for rs in ctx.rounds.values() for r in rs}
        owner = ctx.last_round.company if ctx.last_round else next(iter(funded)) if len(funded) == 1 else ctx.topic_here()
        if not owner or not cue_spans(doc, "_proceeds"):
            return
        for p in products:
            if p.kind == "chip" and not guarded(doc, p.start, p.end):
                add(doc, p, "designedBy", owner, confidence(doc, "designedBy") * 0.75, NAME + "_proceeds")

    @staticmethod
    def _topic_designs(doc: Doc, products: list) -> None:
        """"調達資金は「Blackhole」の量産と「Quasar」の開発に充てます": a sentence that names no organisation
        but develops or launches known chips speaks for the company the document is about."""
        from ingest.components.context import context_of
        ctx = context_of(doc)
        topic = ctx.defined or ctx.topic  # (a filing's own products: "…用于新一代LP-300芯片研发项目")
        if not topic or not (cue_spans(doc, "_design_verb") or cue_spans(doc, "_proceeds")):
            return  # ("調達資金は「YG-2」の量産に充てる": the money goes to the company's own chip)
        for p in products:
            if (p.ids or p.extra.get("quoted") or ctx.defined) and p.kind == "chip" and not guarded(doc, p.start, p.end):
                add(doc, p, "designedBy", topic, confidence(doc, "designedBy") * 0.7, NAME + "_topic")


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> DesignedBy:
    return DesignedBy()
