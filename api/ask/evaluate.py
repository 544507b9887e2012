"""Score the question answerer on a question file with `../shared/tools/kgeval.py`'s judge, over a graph file.

    python -m api.ask.evaluate QUESTIONS.jsonl [--graph ../shared/eval/reference-graph.trig] [-v | --counts]

`-v` prints every miss (question, gold, answer): for development sets only. `--counts` prints, per language,
how many were right, declined and answered wrongly, and how many must-decline questions were answered, without
any question text: the way to score a sealed set without reading it.
"""
from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from api.ask import answer
from ingest.evaluate import load_kgeval
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def score(questions: Path, graph: Path, verbose: bool = False) -> dict[str, collections.Counter]:
    kgeval = load_kgeval(SHARED / "tools" / "kgeval.py")
    store = open_store(":memory:")
    store.load(str(graph))
    per: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in questions.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        res = answer(item["q"], store)
        ok, why = kgeval.judge(item, res)
        kind = "right" if ok else ("declined" if not res.get("understood") else "wrong")
        c = per[item["lang"]]
        c[kind] += 1
        c["total"] += 1
        if item.get("understood", True) is False:
            c["must_decline"] += 1
            c["must_decline_answered"] += not ok
        if verbose and not ok:
            got = res.get("message") if not res.get("understood") else \
                [a.get("label") for a in res.get("answers", [])][:8] or res.get("value")
            print(f"--- {item['id']} {item['q']}\n  gold={item.get('answers') or item.get('value') or 'decline'}"
                  f"\n  got={got}\n  why={why}")
    return per


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions", type=Path)
    ap.add_argument("--graph", type=Path, default=SHARED / "eval" / "reference-graph.trig")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss (development sets only)")
    ap.add_argument("--counts", action="store_true", help="right/declined/wrong per language, no question text")
    args = ap.parse_args()
    per = score(args.questions, args.graph, verbose=args.verbose and not args.counts)
    for lang in sorted(per):
        c = per[lang]
        line = f"{lang}: {c['right']}/{c['total']}"
        if args.counts:
            line += (f"  declined {c['declined']}, wrong {c['wrong']}, "
                     f"must-decline answered {c['must_decline_answered']} of {c['must_decline']}")
        print(line)
    print(f"total: {sum(c['right'] for c in per.values())}/{sum(c['total'] for c in per.values())}")


if __name__ == "__main__":
    main()
