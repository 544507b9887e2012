"""English news constructions found on real-world development text (issue 12, session 7), each checked on own
sentences of another style and invented names: a round's letter that ends a sentence, a recogniser's guess that
runs on into the sentence, a thing compared with, a figure's year across a clause break, an owner written
around its quoted product or after "of", chips pointed back at in the plural, and the foundry in view for a bare
process size."""
from __future__ import annotations

from ingest.components.ner import _kind_word_end, _lower_word_inside
from ingest.segment import split_sentences
from tests.ingest.test_rel_open_en import facts_of


def test_a_round_letter_ends_its_sentence_but_an_initial_does_not():
    text = "Morrow Silicon closed a $40 million Series C. Two months later Haldane Group bought it. J. Smith agreed."
    spans = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert spans[0] == "Morrow Silicon closed a $40 million Series C.", spans
    assert spans[1].startswith("Two months later"), spans
    text = "The Class A. Brenner shares were sold by J. Smith at noon."
    assert len(split_sentences(text, 0, len(text))) == 2  # (a share class's letter ends it; J. stays an initial)


def test_round_of_the_company_not_of_the_buyer_in_the_next_sentence():
    fs = facts_of("Morrow Silicon was tiny when Pike Ventures led its $40 million Series C. Two months later, "
                  "in March 2021, Haldane Group bought the whole company for $900 million.")
    assert any(s.startswith("round:") and p == "leadInvestor" and o == "Pike Ventures" for s, p, o in fs), fs
    assert not any(s.startswith("round:") and "Haldane" in s for s, _, _ in fs), fs


def test_guess_running_into_the_sentence_is_no_name():
    assert _lower_word_inside("Then came", "en") and _lower_word_inside("Kernel coverage differs", "en")
    assert not _lower_word_inside("Bank of America", "en") and not _lower_word_inside("Frost & Sullivan", "en")
    assert not _lower_word_inside("memo writer", "en")  # (lower-cased machine translation: no case to read)
    text = "Ostrava brought its Kestrelmoor cluster to the show."
    s = text.index("Kestrelmoor")
    assert text[s:_kind_word_end(text, s, s + len("Kestrelmoor cluster"), "en")] == "Kestrelmoor"
    assert _kind_word_end("the same cluster", 4, 16, "en") == 16  # (no name before the kind word)


def test_what_a_chip_is_compared_with_is_not_its_architecture():
    fs = facts_of("Loomis Labs ships the LX-3, which is cheaper per query than a GPU.")
    assert not any(s == "LX-3" and p == "usesArchitecture" for s, p, _ in fs), fs
    fs = facts_of("Loomis Labs pitches the LX-3 as an alternative to the GPU.")
    assert not any(s == "LX-3" and p == "usesArchitecture" for s, p, _ in fs), fs
    fs = facts_of("Loomis Labs builds the LX-3 as an ASIC for recommendation models.")
    assert ("LX-3", "usesArchitecture", "ASIC") in fs, fs


def test_year_after_a_clause_break_dates_the_next_figure():
    fs = facts_of("According to Halden Research, the global AI chip market stood at $12.5 billion in 2024, and in "
                  "2026 it is expected to reach $20 billion.")
    years = {}
    for s, p, o in fs:
        if s.startswith("est:"):
            years.setdefault(s, {})[p] = o
    by_value = {v["value"]: v["year"] for v in years.values()}
    assert by_value.get("12500000000") == "2024" and by_value.get("20000000000") == "2026", years


def test_owner_around_a_quoted_product_or_after_of():
    fs = facts_of("The analysts expect Veyra Compute's  \" VC-2 \"  to ship in 2026, on TSMC 5nm.")
    assert ("VC-2", "designedBy", "Veyra Compute") in fs, fs
    fs = facts_of("The earlier Kirra K2 of Halvard Devices used a TSMC 12nm process.")
    assert ("Kirra K2", "designedBy", "Halvard Devices") in fs, fs
    fs = facts_of("The Kirra K3 runs on the 5nm node of TSMC.")
    assert not any(p == "designedBy" and o == "TSMC" for s, p, o in fs), fs


def test_chips_pointed_back_at_in_the_plural_and_the_foundry_in_view():
    fs = facts_of("Pellow Systems introduced the PX-1 and the PX-2 last spring. Both accelerators are built on the "
                  "CDNA 3 architecture, and TSMC fabricates them; the PX-2 combines 3nm logic tiles with 5nm I/O tiles.")
    for chip in ("PX-1", "PX-2"):
        assert (chip, "fabricatedBy", "TSMC") in fs, fs
        assert (chip, "usesArchitecture", "CDNA 3") in fs, fs
    made = {o for s, p, o in fs if s == "PX-2" and p == "manufacturedOn"}
    assert len(made) == 2, fs
    fs = facts_of("Pellow Systems introduced the PX-1 last spring, and TSMC fabricates it. Rival Quarro's QR-9 "
                  "uses 5nm tiles.")
    assert not any(s == "QR-9" and p == "manufacturedOn" for s, p, _ in fs), fs


def test_a_planned_successor_the_vocabulary_knows_is_that_chip():
    from tests.ingest.test_cjk_names import facts
    fs = facts("Groq said on Tuesday that its next-generation LPU will come off Samsung Foundry's 4nm line in Texas.")
    assert ("id:groq-lpu-next", "fabricatedBy", "id:samsung") in fs, fs
    assert ("id:groq-lpu", "fabricatedBy", "id:samsung") not in fs, fs
    fs = facts("Groq picks Samsung fab for next LPU")  # (a headline drops the article)
    assert ("id:groq-lpu-next", "fabricatedBy", "id:samsung") in fs, fs


def test_a_chip_in_an_appositive_about_the_company_is_not_what_the_clause_makes():
    fs = facts_of("Tessaly, the start-up behind the TX-1 processor, will have its TX-2 built by TSMC on a 3nm process.")
    assert ("TX-2", "fabricatedBy", "TSMC") in fs, fs
    assert ("TX-1", "fabricatedBy", "TSMC") not in fs and not any(
        s == "TX-1" and p == "manufacturedOn" for s, p, _ in fs), fs


def test_a_relative_clause_that_denies_something_else_leaves_the_round():
    fs = facts_of("Vellum AI designs inference chips for cameras. In its 2019 funding round, which was not priced "
                  "publicly, Harwick Capital and Osprey Ventures joined as new investors.")
    parties = {(p, o) for s, p, o in fs if s.startswith("round:") and p in ("investor", "leadInvestor")}
    assert ("investor", "Harwick Capital") in parties and ("investor", "Osprey Ventures") in parties, fs
    fs = facts_of("Vellum AI designs inference chips for cameras. Harwick Capital did not join its 2019 round.")
    assert not any(p in ("investor", "leadInvestor", "investedIn") and "Harwick" in (s, o) for s, p, o in fs), fs


def test_names_joined_among_the_round_s_investors_back_the_round_in_view():
    fs = facts_of("Corra Labs closed a $50 million Series B in May 2024. Halden Holdings put money in, joining Teal "
                  "Ventures and Rook Partners among the round's investors.")
    parties = {o for s, p, o in fs if s.startswith("round:") and p == "investor"}
    assert {"Teal Ventures", "Rook Partners"} <= parties, fs
    assert not any(p == "investedIn" and o in ("Teal Ventures", "Rook Partners") for s, p, o in fs), fs


def test_the_last_item_of_a_list_of_backers_is_a_name():
    fs = facts_of("Kessler Micro, which counts Harlan Capital, Orrin Ventures and GV among its backers, raised $90 "
                  "million in a Series C round in 2023.")
    parties = {o for s, p, o in fs if s.startswith("round:") and p == "investor"}
    assert {"Harlan Capital", "Orrin Ventures", "GV"} <= parties, fs


def test_a_company_or_a_chip_named_by_its_appositive():
    fs = facts_of("Quillet, a Lisbon-based chip start-up, has raised $30 million in a Series A round led by Tagus "
                  "Ventures, the company said on Monday.")
    assert any(s.startswith("round:") and p == "fundedCompany" and o == "Quillet" for s, p, o in fs), fs
    fs = facts_of("Quillet makes Mirra, an ASIC for speech models, and has TSMC build it on a 6nm process.")
    assert ("Mirra", "usesArchitecture", "ASIC") in fs, fs
    fs = facts_of("Nvidia, a GPU maker, reported results on Wednesday.")
    assert not any(s == "Nvidia" and p == "usesArchitecture" for s, p, _ in fs), fs


def test_a_listing_venue_is_no_chip_and_lower_case_words_open_no_name():
    fs = facts_of("Corvane Labs, the maker of the CV-3 processor, has filed for an initial public offering on the "
                  "Nasdaq, the company said.")
    assert not any("Nasdaq" in (s, o) for s, _, o in fs), fs
    from ingest.components.ner import _lower_words_start
    text = "The round values Quillet at $200 million."
    s = text.index("values")
    assert text[_lower_words_start(text, s, s + len("values Quillet")):s + len("values Quillet")] == "Quillet"
    assert _lower_words_start("the Groq LPU", 0, 12) == 0  # (a connector stays)


def test_a_subject_relative_clause_closes_before_the_main_verb():
    fs = facts_of("The Arlo X2, which TSMC builds on its 5nm process, succeeded the Arlo X1, a 7nm part.")
    assert ("Arlo X2", "manufacturedOn", "TSMC 5nm") in fs or any(
        s == "Arlo X2" and p == "manufacturedOn" and "5" in o for s, p, o in fs), fs
    assert any(s == "Arlo X1" and p == "manufacturedOn" and "7" in o for s, p, o in fs), fs


def test_designed_by_the_unit_an_owner_s_possessive_describes():
    from tests.ingest.test_cjk_names import facts
    fs = facts("The Kunlun 2, designed by Baidu's Kunlunxin unit, is made on a 7nm process.")
    designers = {o for s, p, o in fs if p == "designedBy"}
    assert designers == {"id:kunlunxin"}, fs


def test_widely_believed_and_unconfirmed_by_either_company_is_hearsay():
    fs = facts_of("The Pyxis P4 is widely believed to be built by SMIC on its N+2 process, although neither company has "
                  "confirmed it.")
    assert not any(p in ("fabricatedBy", "manufacturedOn") for _, p, _ in fs), fs
    fs = facts_of("A trade-press report on Monday claimed the Pyxis P5 will be produced by Samsung on its SF3 process.")
    assert not any(p in ("fabricatedBy", "manufacturedOn") for _, p, _ in fs), fs


def test_backers_in_a_whose_clause_hold_the_company_but_take_no_part_in_the_listing():
    fs = facts_of("Norrland Silicon, whose early backers included Fjord Capital and Tallin Ventures, listed on the "
                  "Nasdaq in May 2024, raising $400 million.")
    assert ("Fjord Capital", "investedIn", "Norrland Silicon") in fs, fs
    assert not any(s.startswith("round:") and p in ("investor", "leadInvestor") for s, p, _ in fs), fs


def test_holders_from_before_the_listing_are_no_pre_ipo_round():
    fs = facts_of("enflame listed on the star market , raising 3 billion yuan . before the listing , "
                  "shareholders include tencent and hillhouse capital .")
    assert ("tencent", "investedIn", "enflame") in fs or any(
        s == "tencent" and p == "investedIn" for s, p, _ in fs), fs
    assert not any(s.startswith("round:") and p == "roundName" and o == "Pre-IPO" for s, p, o in fs), fs
