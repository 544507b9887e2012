"""Train one language's recogniser with `spacy train` and install the best checkpoint as ingest/models/<lang>.

    .venv/bin/python -m ingest.train.fit ja [--steps 4000]

Reads ingest/train/configs/<lang>.cfg and the data written by `python -m ingest.train.corpus`; the
checkpoint is picked on the dev documents (heldout4, dev_invented4) as written plus their invented-name copy. Writes the training time
and the model's size to ingest/models/<lang>/training.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from spacy.cli.train import train

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ROOT / "ingest" / "train" / "configs"
MODELS = ROOT / "ingest" / "models"


def size_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def fit(lang: str, corpus: Path, steps: int | None = None, models: Path = MODELS) -> dict:
    overrides = {"paths.train": str(corpus / lang / "train.spacy")}
    if steps:
        overrides["training.max_steps"] = steps
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as pick:
        # the checkpoint is picked on the dev documents as written and with every name invented, together
        for part in ("dev", "dev_invented"):
            (Path(pick) / f"{part}.spacy").symlink_to((corpus / lang / f"{part}.spacy").resolve())
        overrides["paths.dev"] = pick
        t0, c0 = time.perf_counter(), time.process_time()
        train(CONFIGS / f"{lang}.cfg", Path(tmp), overrides=overrides)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        dest = models / lang
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(Path(tmp) / "model-best", dest)
    meta = json.loads((dest / "meta.json").read_text())
    info = {"lang": lang, "steps": steps or "config", "train_wall_seconds": round(secs, 1),
            "train_cpu_seconds": round(cpu, 1), "model_bytes": size_bytes(dest),
            "dev_pick": meta.get("performance", {}), "overrides": overrides}
    (dest / "training.json").write_text(json.dumps(info, indent=1) + "\n")
    return info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lang", nargs="+")
    ap.add_argument("--corpus", default=str(ROOT / "ingest" / "train" / "corpus"))
    ap.add_argument("--steps", type=int)
    ap.add_argument("--models", default=str(MODELS), help="where <lang>/ goes (default ingest/models); another "
                    "folder lets a new model be compared with the installed one before it replaces it")
    args = ap.parse_args()
    for lang in args.lang:
        info = fit(lang, Path(args.corpus), args.steps, Path(args.models))
        print(json.dumps({k: v for k, v in info.items() if k != "overrides"}))


if __name__ == "__main__":
    main()
