// Command train trains the model of package syntax on Universal
// Dependencies treebanks and reports its scores on held-out files.
//
//	go run ./extract/syntax/train -ud /work/data/ud -out extract/syntax/model/en.bin.gz
//
// reads the CoNLL-U files named by -train (relative to -ud), writes the
// gzip-compressed model to -out, and prints the scores of the written model
// on each file of -eval. The same files and flags give the same model bytes.
// With -train "" it scores the model file -out as it is.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kgraph/kg/extract/syntax"
)

func main() {
	ud := flag.String("ud", "/work/data/ud", "directory of the treebanks")
	train := flag.String("train", "ewt/en_ewt-ud-train.conllu,ewt/en_ewt-ud-dev.conllu,pud/en_pud-ud-test.conllu", "comma-separated CoNLL-U files to train on, relative to -ud")
	eval := flag.String("eval", "ewt/en_ewt-ud-test.conllu", "comma-separated CoNLL-U files to score on, relative to -ud (never one of -train)")
	out := flag.String("out", "extract/syntax/model/en.bin.gz", "model file to write")
	seed := flag.Uint64("seed", 1, "seed of the shuffles")
	tagIters := flag.Int("tag-iters", 0, "tagger passes (0: default)")
	explore := flag.Float64("explore", 0, "probability of following a wrong transition in training (0: default)")
	parseIters := flag.Int("parse-iters", 0, "parser passes (0: default)")
	folds := flag.Int("folds", 0, "jackknife folds (0: default)")
	prune := flag.Float64("prune", 0, "drop averaged parser weights below this (0: default)")
	tagPrune := flag.Float64("tag-prune", 0, "drop averaged tagger weights below this (0: default)")
	flag.Parse()
	if err := run(*ud, *train, *eval, *out, syntax.TrainOptions{
		TagIters: *tagIters, ParseIters: *parseIters, Folds: *folds, Prune: *prune, TagPrune: *tagPrune, Explore: *explore, Seed: *seed, Log: os.Stderr,
	}); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func read(dir, list string) ([]syntax.Sentence, error) {
	var all []syntax.Sentence
	for _, name := range strings.Split(list, ",") {
		if name == "" {
			continue
		}
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		s, err := syntax.ReadCoNLLU(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
		words := 0
		for _, x := range s {
			words += len(x.Form)
		}
		fmt.Fprintf(os.Stderr, "%s: %d sentences, %d words\n", name, len(s), words)
		all = append(all, s...)
	}
	return all, nil
}

func run(dir, trainList, evalList, out string, opts syntax.TrainOptions) error {
	var model []byte
	if trainList == "" {
		// score the model file as it is
		b, err := os.ReadFile(out)
		if err != nil {
			return err
		}
		model = b
	} else {
		sents, err := read(dir, trainList)
		if err != nil {
			return err
		}
		for _, e := range strings.Split(evalList, ",") {
			for _, t := range strings.Split(trainList, ",") {
				if e != "" && filepath.Clean(e) == filepath.Clean(t) {
					return fmt.Errorf("%s is both trained on and scored on", e)
				}
			}
		}
		start := time.Now()
		model, err = syntax.Train(sents, opts)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "trained in %s\n", time.Since(start).Round(time.Second))
		if err := os.WriteFile(out, model, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("model %s: %d bytes\n", out, len(model))
	p, err := syntax.Load(bytes.NewReader(model))
	if err != nil {
		return err
	}
	for _, name := range strings.Split(evalList, ",") {
		if name == "" {
			continue
		}
		gold, err := read(dir, name)
		if err != nil {
			return err
		}
		s := syntax.Evaluate(p, gold)
		fmt.Printf("%s (%d words, gold tokenization): UPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  (no punct: UAS %.2f  LAS %.2f)  LAS base relations %.2f\n",
			name, s.Words, s.UPOS, s.Lemma, s.UAS, s.LAS, s.UASNoPunct, s.LASNoPunct, s.LASBase)
	}
	return nil
}
