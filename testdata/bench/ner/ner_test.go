package main

import (
	"reflect"
	"strings"
	"testing"
)

const sample = `-DOCSTART- -X- -X- O

RURITANIA NNP I-NP I-LOC
WINS VBZ I-VP O
. . O O

Anna NNP I-NP I-PER
Karenina NNP I-NP I-PER
Boris NNP I-NP B-PER
of IN I-PP O
Ruritania NNP I-NP I-LOC
's POS B-NP O
( ( O O
Acme NNP I-NP I-ORG
) ) O O
. . O O
-DOCSTART- -X- -X- O

Acme NNP B-ORG
Corp NNP I-ORG
Euro NNP B-MISC
`

func TestReadCoNLL(t *testing.T) {
	docs, err := readCoNLL(strings.NewReader(sample), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	d := docs[0]
	if want := "RURITANIA WINS.\nAnna Karenina Boris of Ruritania's (Acme)."; d.Text != want {
		t.Errorf("text = %q, want %q", d.Text, want)
	}
	for i, tok := range d.Tokens {
		if got := d.Text[d.Start[i]:d.End[i]]; got != tok {
			t.Errorf("token %d at its offsets reads %q, want %q", i, got, tok)
		}
	}
	wantGold := []span{{0, 1, "LOC"}, {3, 5, "PER"}, {5, 6, "PER"}, {7, 8, "LOC"}, {10, 11, "ORG"}}
	if !reflect.DeepEqual(d.Gold, wantGold) {
		t.Errorf("gold = %v, want %v (IOB1: B- splits adjacent names)", d.Gold, wantGold)
	}
	if !reflect.DeepEqual(d.Sents, [][2]int{{0, 3}, {3, 13}}) {
		t.Errorf("sentences = %v", d.Sents)
	}
	if !reflect.DeepEqual(docs[1].Gold, []span{{0, 2, "ORG"}, {2, 3, "MISC"}}) {
		t.Errorf("IOB2 gold = %v", docs[1].Gold)
	}
	spaced, err := readCoNLL(strings.NewReader(sample), true)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Anna Karenina Boris of Ruritania 's ( Acme ) ."; !strings.HasSuffix(spaced[0].Text, want) {
		t.Errorf("spaced text = %q", spaced[0].Text)
	}
	for _, bad := range []string{"Anna\n", "Anna X-PER\n", ""} {
		if _, err := readCoNLL(strings.NewReader(bad), false); err == nil {
			t.Errorf("readCoNLL(%q) gave no error", bad)
		}
	}
}

func TestCount(t *testing.T) {
	d := &doc{Gold: []span{{0, 2, "PER"}, {3, 4, "LOC"}, {5, 6, "MISC"}, {7, 8, "ORG"}}}
	r := docResult{d: d, pred: []span{{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "LOC"}, {7, 9, "ORG"}}}
	byType := map[string]*prf{"PER": {}, "ORG": {}, "LOC": {}}
	count(r, byType)
	want := map[string]prf{"PER": {tp: 1}, "ORG": {fp: 2, fn: 1}, "LOC": {fp: 1, fn: 1}}
	for k, w := range want {
		if *byType[k] != w {
			t.Errorf("%s = %+v, want %+v", k, *byType[k], w)
		}
	}
}

func TestAllCaps(t *testing.T) {
	docs, err := readCoNLL(strings.NewReader(sample), false)
	if err != nil {
		t.Fatal(err)
	}
	if !allCaps(&docs[0], 0) || allCaps(&docs[0], 1) {
		t.Errorf("allCaps: want the first sentence only")
	}
}
