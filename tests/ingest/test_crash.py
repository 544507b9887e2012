"""A kill -9 in the middle of a 80-document ingest leaves a valid store, and a rerun completes it."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, run_kg

TEMPLATE = ("title: note {i}\n\nVendor{i} Technologies unveiled the X{i}00 accelerator for training. "
            "Moore Threads launched the MTT S{i}000 chip. The MTT S4000 is manufactured by TSMC on its 7nm process.\n")


@pytest.mark.slow
def test_ingest_kill9_leaves_valid_store_and_rerun_completes(tmp_path, store_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(80):
        (docs / f"d{i:03}.txt").write_text(TEMPLATE.format(i=i) + "\n".join(
            f"Paragraph {j}: Biren Technology launched the BR{j}00 GPU, made by TSMC on its 7nm process." for j in range(6)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    proc = subprocess.Popen([sys.executable, "-m", "aichip_kg", "ingest", str(docs), "--store", store_path],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(600):  # the store exists once the command has opened it (slow to start on a loaded machine)
        if os.path.exists(os.path.join(store_path, "CURRENT")) or proc.poll() is not None:
            break
        time.sleep(0.1)
    time.sleep(3)
    assert proc.poll() is None, "ingest finished before it could be killed; make the batch larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert run_kg("validate", "--store", store_path).returncode == 0
    rerun = run_kg("ingest", str(docs), "--store", store_path)
    assert rerun.returncode == 0, rerun.stderr
    out = run_kg("query", "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/aichip/ontology#Document> }",
                 "--store", store_path, "--format", "json")
    assert int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"]) == 80
    assert run_kg("validate", "--store", store_path).returncode == 0
