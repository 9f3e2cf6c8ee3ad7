#!/usr/bin/env python3
"""Runs the CLI over an evaluation set and scores it (see ../shared/eval/README.md).

    python3 scripts/eval.py                       # dev-social-nl, summary
    python3 scripts/eval.py presidio-research-synth
    python3 scripts/eval.py dev-social-nl --errors person   # missed and false spans
    python3 scripts/eval.py tests/data/generalisation.jsonl  # any gold file by path

Builds target/release/weglakker first unless --no-build. Development aid only: the
figures it prints go into issue notes, never into tests.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, "..", "shared", "eval")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set", nargs="?", default="dev-social-nl")
    ap.add_argument("--errors", metavar="KIND", help="print missed (FN) and false (FP) spans")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()

    # A set name from ../shared/eval, or a path to any gold JSONL file.
    gold_path = args.set if args.set.endswith(".jsonl") else os.path.join(EVAL, args.set + ".jsonl")
    binary = os.path.join(ROOT, "target", "release", "weglakker")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--bin", "weglakker"], cwd=ROOT, check=True)
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    tmp = tempfile.mkdtemp(prefix="weglakker-eval-")
    inp = os.path.join(tmp, "input.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for r in gold:
            f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    pred_path = os.path.join(tmp, "pred.jsonl")
    with open(pred_path, "w", encoding="utf-8") as out:
        subprocess.run([binary, "scan", inp], stdout=out, check=True)
    subprocess.run([sys.executable, os.path.join(EVAL, "score.py"), gold_path, pred_path, "--summary"])
    if args.errors:
        print_errors(gold, pred_path, args.errors, args.limit)


def print_errors(gold, pred_path, kind, limit):
    preds = {}
    for line in open(pred_path, encoding="utf-8"):
        r = json.loads(line)
        preds.setdefault(r["id"], []).extend(r["findings"])
    shown = 0
    for g in gold:
        scope = g.get("scope")
        if scope is not None and kind not in scope:
            continue
        text = g["text"]
        raw = text.encode("utf-8")
        gspans = {(s["start"], s["end"]) for s in g["spans"] if s["kind"] == kind}
        pspans = set()
        for f in preds.get(g["id"], []):
            if f["kind"] == kind:
                # byte offsets -> code points
                s = len(raw[: f["start"]].decode("utf-8", "replace"))
                e = len(raw[: f["end"]].decode("utf-8", "replace"))
                pspans.add((s, e))
        for s, e in sorted(gspans - pspans):
            print(f"FN {g['id']}: [{text[s:e]}] in: {text[max(0, s - 50):e + 50]!r}")
            shown += 1
        for s, e in sorted(pspans - gspans):
            print(f"FP {g['id']}: [{text[s:e]}] in: {text[max(0, s - 50):e + 50]!r}")
            shown += 1
        if shown >= limit:
            break


if __name__ == "__main__":
    main()
