"""English constructions that name swapping (--swap-names) showed the pipeline read only through known names:
an unknown company that announces a chip in an infinitive after a control verb ('X used the show to announce
Y'). Own sentences, invented names."""
from __future__ import annotations

from tests.ingest.test_rel_open_en import facts_of


def test_subject_of_a_control_verb_announces_the_chip():
    fs = facts_of("Tizel Semiconductors used the SC23 supercomputing show in November 2023 to announce the Qis 4, "
                  "an updated version of its ZX-5 accelerator.")
    assert ("Qis 4", "designedBy", "Tizel Semiconductors") in fs
    fs = facts_of("Marrowind Systems took the stage at Computex to announce the Orla 7 accelerator.")
    assert ("Orla 7", "designedBy", "Marrowind Systems") in fs


def test_an_organisation_between_control_verb_and_infinitive_is_the_one_who_acts():
    fs = facts_of("Brellan Devices paid Vexor Labs to design the QX-4.")
    assert ("QX-4", "designedBy", "Brellan Devices") not in fs


def test_first_word_of_a_coined_two_word_company_is_its_short_form():
    fs = facts_of("Chip designer Orrin Halcyx listed on Thursday. Orrin's flagship QX-4 carries 32 gigabytes of HBM2 memory.")
    assert ("QX-4", "designedBy", "Orrin Halcyx") in fs
    assert not any(o == "Orrin" for _, _, o in fs)
    fs = facts_of("Graphics chip designer Velka Nimbra raised money in May. Velka's newest card, the Tarn 3, "
                  "ships in the autumn.")
    assert ("Tarn 3", "designedBy", "Velka Nimbra") in fs


def test_rather_than_denies_only_what_follows_it():
    fs = facts_of("Brasound Technologies builds its accelerators from Lyra cores. Its current Houm X9 cards ship "
                  "with GDDR6 rather than HBM.")
    assert ("Houm X9", "designedBy", "Brasound Technologies") in fs
    assert ("Houm X9", "memoryType", "HBM") not in fs
    fs = facts_of("The Kettle K2 uses GDDR6 memory rather than HBM3.")
    assert ("Kettle K2", "memoryType", "GDDR6") in fs
    assert ("Kettle K2", "memoryType", "HBM3") not in fs

