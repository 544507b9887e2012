"""The test documents as an older pipeline saw them: `python -m ingest.train.relclass.snapshot COMMIT SET…`
writes data/<sets>_at_<commit>.jsonl, then `python -m ingest.train.relclass.measure --data that.jsonl` scores it.

Why: the current cue rules were tuned on the test sets (heldout3/4 since 2026-11-27, dev_invented2 since
2026-12-06 16:42), so those sets are not unseen text for them. The project as of a commit before a set existed
never saw it; its rules on that set are rules on unseen text. The commit's tree is unpacked with `git archive`
into a temporary folder (the working tree and the repository are not touched), the test fixtures and this
package are copied in, and dataset.py runs there with the same interpreter."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ingest.evaluate import ROOT
from ingest.train.relclass.dataset import DATA, HERE, SETS


def snapshot(commit: str, sets: list[str]) -> Path:
    out = DATA / f"{'+'.join(sets)}_at_{commit[:7]}.jsonl"
    with tempfile.TemporaryDirectory(prefix="relclass_") as tmp:
        tree = Path(tmp)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        for name in sets:
            dest = tree / SETS[name].relative_to(ROOT)
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(SETS[name], dest)
        pkg = tree / "ingest" / "train" / "relclass"
        shutil.rmtree(pkg, ignore_errors=True)
        (pkg.parent / "__init__.py").parent.mkdir(parents=True, exist_ok=True)
        (pkg.parent / "__init__.py").touch()
        shutil.copytree(HERE, pkg, ignore=shutil.ignore_patterns("data", "model", "corpus", "results*", "__pycache__"))
        code = f"from pathlib import Path\nfrom ingest.train.relclass.dataset import build\nbuild({sets!r}, Path({str(out)!r}))"
        subprocess.run(["nice", "-n", "15", sys.executable, "-c", code], cwd=tree, check=True)
    return out


if __name__ == "__main__":
    print(snapshot(sys.argv[1], sys.argv[2:] or ["heldout3", "heldout4", "dev_invented2"]))
