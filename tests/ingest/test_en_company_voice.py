"""English documents where a company speaks for itself without saying "we" means it: a prospectus, a founder's
post, a letter to shareholders, an interview's labelled answers, a podcast guest's turns. Its "we" and "our" are the
company its first (else last) lines name; a reviewer's "we tested" and a quoted partner's "we" are not.
Sentences and names are our own."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.en_texts import facts as _facts, orgs as _orgs


INTERVIEW = """Inside Velloran Devices: an interview with its founder

Velloran Devices designs inference accelerators for hospitals. We talked to chief executive Mara Quist.

Q: What are you shipping?
A: Our first chip, the VD-10, is built by TSMC on its N5 process.

Q: And funding?
A: We raised a $14 million Series A led by Parlow Ventures, and Osk Capital joined.
"""


def test_an_interviews_answers_speak_for_the_company_its_title_names():
    fs = _facts(INTERVIEW)
    assert ("new:chip:VD-10", "designedBy", "new:org:Velloran Devices") in fs, fs
    assert ("round:new:org:Velloran Devices:Series A", "leadInvestor", "new:org:Parlow Ventures") in fs, fs


PROSPECTUS = """Harth Microsystems Inc.
Preliminary Prospectus

This is the initial public offering of Harth Microsystems Inc. We are offering 8,000,000 shares of common stock.

We design chips for AI inference. Our lead product, the HM-2, is fabricated by Samsung on its SF4 process.

Our Series B of $60 million in 2023 was led by Crossmoor Capital.
"""


def test_a_prospectus_without_a_defined_company_is_its_we():
    fs = _facts(PROSPECTUS)
    assert ("new:chip:HM-2", "designedBy", "new:org:Harth Microsystems Inc") in fs, fs
    assert ("round:new:org:Harth Microsystems Inc:Series B", "leadInvestor", "new:org:Crossmoor Capital") in fs, fs


POST = """Tape-out day

Posted March 3, 2026

Last Friday we taped out Brannock, our second-generation inference chip, on TSMC N3E.

We also have news on the money side: our $40 million Series B was led by Hollin Reach Partners.

Thanks to everyone at Kelso Silicon who made this happen.
"""


def test_a_post_signed_by_its_company_at_the_end_and_a_time_is_no_company():
    fs = _facts(POST)
    assert ("new:chip:Brannock", "designedBy", "new:org:Kelso Silicon") in fs, fs
    assert ("round:new:org:Kelso Silicon:Series B", "leadInvestor", "new:org:Hollin Reach Partners") in fs, fs
    assert "Last Friday" not in _orgs(POST)


LETTER = """To our shareholders,

2026 was the year our accelerators left the lab. We shipped 40,000 Ardent A2 cards, all built by TSMC on its N4P process.

In September we closed a $150 million Series D. Pellworth Growth led the round; Corvey Capital also took part.

Ines Marlow
Chief Executive Officer, Trevanion Devices
"""


def test_a_letters_signature_names_its_we_without_the_signers_title():
    fs = _facts(LETTER)
    assert ("new:chip:Ardent A2", "designedBy", "new:org:Trevanion Devices") in fs, fs
    assert ("round:new:org:Trevanion Devices:Series D", "leadInvestor", "new:org:Pellworth Growth") in fs, fs


PODCAST = """Silicon Sidebar, episode 88: building a chip company in Leeds

This week Dana Price talks to Ivo Lind, co-founder of Farrant Compute.

Dana Price: Ivo, what does Farrant make?

Ivo Lind: We make a small inference chip called the FC-4. It is built by GlobalFoundries on its 12nm process.

Dana Price: And who backs you?

Ivo Lind: Last year we raised a $12 million Series A led by Tarn Moor Capital.

Dana Price: We will link to the FC-4 datasheet in the show notes.
"""


def test_a_podcast_guests_turns_speak_for_the_company_the_intro_ties_him_to():
    fs = _facts(PODCAST)
    assert ("new:chip:FC-4", "designedBy", "new:org:Farrant Compute") in fs, fs
    assert ("round:new:org:Farrant Compute:Series A", "leadInvestor", "new:org:Tarn Moor Capital") in fs, fs
    assert not any("Ivo Lind" in s or "Ivo Lind" in o or "Dana Price" in s for s, _, o in fs), fs


REVIEW = """Hands-on: the Corbel X-1 accelerator

Corbel Systems sent us an X-1 card for two weeks. We tested it against last year's parts. In our tests the card ran
cooler than expected, and we measured 410 tokens per second.

Our verdict: good silicon, thin software. We ran our own models on it.
"""


def test_a_reviewers_we_is_nobodys_company():
    fs = _facts(REVIEW)
    assert not any(p == "designedBy" and o != "new:org:Corbel Systems" for _, p, o in fs), fs


QUOTED = """Quorrel AI closes seed

Today is a big day for everyone at Quorrel AI. We have closed a $22 million seed round led by Fenwick Lane Partners.

Our team will use the money to bring the QR-1 inference chip to production on TSMC N6.

"We are proud to lead a round for a team that ships," said Tom Ashby of Fenwick Lane Partners.
"""


def test_a_quoted_partners_we_is_not_the_company():
    fs = _facts(QUOTED)
    assert ("round:new:org:Quorrel AI:Seed", "leadInvestor", "new:org:Fenwick Lane Partners") in fs, fs
    assert ("new:chip:QR-1", "designedBy", "new:org:Quorrel AI") in fs, fs
    assert not any(s == "new:org:Quorrel AI" and p == "investedIn" for s, p, _ in fs), fs


BLOG = """Notes from the lab: first silicon

At Pellary, we spend most days staring at waveforms. This week was different: our PL-3 chip came back from TSMC, built on its N4P process, and it booted on the first try.

Our customers have been patient. Vinton Robotics will get the first boards in May.

We thank the Pellary team for a long year.
"""


def test_a_post_whose_writers_say_at_x_we_speaks_for_x():
    fs = _facts(BLOG)
    assert ("new:chip:PL-3", "designedBy", "new:org:Pellary") in fs, fs
    assert not any(s == "new:chip:PL-3" and p == "designedBy" and "Vinton" in o for s, p, o in fs), fs


NOTE = """Harrowgate Research — sector note

We estimate that the market for edge inference accelerators reached $4 billion in 2025. Our forecast assumes that Tessing Micro ships the TM-9, which TSMC builds on N5, in volume next year. We rate the company a buy.
"""


def test_an_analysts_we_is_no_company():
    fs = _facts(NOTE)
    assert not any(p == "designedBy" and "Harrowgate" in o for _, p, o in fs), fs


PORTFOLIO = """Portfolio news from Ashcombe Ventures

We are pleased to share that we led the $18 million Series A of Tellwick Devices, a maker of low-power vision chips. Pendle Capital joined the round.
"""


def test_a_funds_announcement_names_the_fund_as_its_we():
    fs = _facts(PORTFOLIO)
    assert ("round:new:org:Tellwick Devices:Series A", "leadInvestor", "new:org:Ashcombe Ventures") in fs, fs
    assert ("round:new:org:Tellwick Devices:Series A", "investor", "new:org:Pendle Capital") in fs, fs


CURRENT_REPORT = """FORM 8-K
CURRENT REPORT

Brannoch Microdevices, Inc.

Item 1.01 Entry into a Material Definitive Agreement.

On March 4, 2026, Brannoch Microdevices, Inc. (the "Registrant") entered into a Series C Preferred Stock Purchase Agreement with Holloway Peak Capital, L.P. and Eastmere Ventures, pursuant to which the Registrant sold shares of its Series C Preferred Stock for aggregate gross proceeds of $72.5 million.

Item 8.01 Other Events.

The Registrant also announced that its BM-8 inference accelerator, manufactured by TSMC using its N4 process, entered volume production.
"""


def test_a_current_reports_registrant_is_the_company_and_a_dotted_legal_form_ends_no_sentence():
    ex = extract(RawDocument("<t>", CURRENT_REPORT))
    assert any("L.P. and Eastmere" in r.sentence.text for r in ex.results)
    fs = {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}
    assert any(s == "new:chip:BM-8" and p == "designedBy" and o.startswith("new:org:Brannoch Microdevices")
               for s, p, o in fs), fs
    assert not any("Registrant" in s or "L.P." == o.split(":")[-1] for s, _, o in fs), fs


MT_NOTICE = """Notice concerning the completion of the fund raising

Kurobane Arithmetic Co., Ltd. (head office: Kyoto city, below "our company") completed the Series A round of 800 million yen. Our company develops the KA-2 inference chip.

Moreover, the business tie-up with Hiyoshi Electric Co., Ltd. which our company announced last year does not include the capital contribution, and Hiyoshi Electric Co., Ltd. is not the shareholder of our company.
"""


def test_a_text_that_defines_its_own_we_gets_no_guessed_voice():
    from ingest.components.context import first_person_company
    from ingest.model import DocContext
    from ingest.segment import sentences
    ctx = DocContext()
    first_person_company(MT_NOTICE, sentences(MT_NOTICE, 0, None), ctx, "en")
    assert ctx.author_company is None or "Hiyoshi" not in ctx.author_company[0]
    fs = _facts(MT_NOTICE)
    assert not any("Hiyoshi" in o and p in ("designedBy", "fundedCompany") for _, p, o in fs), fs
