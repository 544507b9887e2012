"""Big files stream into the embedded store; a broken big file loads nothing."""
from __future__ import annotations

import pytest

import kg.store
from kg import errors
from kg.store import open_store

ROW = '<https://w3id.org/aichip/id/c{i}> <http://www.w3.org/2000/01/rdf-schema#label> "chip {i}" <https://w3id.org/aichip/doc/d> .\n'


@pytest.mark.parametrize("broken", [False, True])
def test_store_bulk_load_all_or_nothing(tmp_path, monkeypatch, broken):
    monkeypatch.setattr(kg.store, "BULK_BYTES", 1000)
    src = tmp_path / "big.nq"
    text = "".join(ROW.format(i=i) for i in range(500))
    if broken:
        text += '<a> <b> "unterminated .\n'
    src.write_text(text)
    st = open_store(str(tmp_path / "store"))
    if broken:
        with pytest.raises(errors.BadInput):
            st.load(src)
        assert len(st) == 0
    else:
        assert st.load(src) == 500
        assert len(st) == 500
    st.close()
