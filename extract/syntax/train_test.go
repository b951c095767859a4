package syntax

import (
	"bytes"
	"strings"
	"testing"
)

// tinyBank is a made-up treebank in CoNLL-U.
const tinyBank = `# sent_id = t1
1	Lenz	Lenz	PROPN	NNP	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	Varga	Varga	PROPN	NNP	_	2	obj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t2
1-2	didn't	_	_	_	_	_	_	_	_
1	did	do	AUX	VBD	_	3	aux	_	_
2	n't	not	PART	RB	_	3	advmod	_	_
3	go	go	VERB	VB	_	0	root	_	_

# sent_id = t3
1	The	the	DET	DT	_	2	det	_	_
2	talks	talk	NOUN	NNS	_	3	nsubj	_	_
3	ended	end	VERB	VBD	_	0	root	_	_
4	on	on	ADP	IN	_	5	case	_	_
5	Monday	Monday	PROPN	NNP	_	3	obl:tmod	_	_
5.1	x	x	X	X	_	_	_	_	_
6	.	.	PUNCT	.	_	3	punct	_	_
`

func TestReadCoNLLU(t *testing.T) {
	ss, err := ReadCoNLLU(strings.NewReader(tinyBank), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 3 {
		t.Fatalf("%d sentences, want 3", len(ss))
	}
	if got := strings.Join(ss[1].Form, " "); got != "did n't go" {
		t.Errorf("sentence 2 words %q, want the syntactic words", got)
	}
	if ss[2].Rel[4] != OblUnmarked || ss[2].Head[4] != 2 || ss[2].Head[2] != -1 || ss[2].Rel[2] != Root {
		t.Errorf("sentence 3: heads %v rels %v", ss[2].Head, ss[2].Rel)
	}
	if ss[0].ID != "t1" {
		t.Errorf("ID %q", ss[0].ID)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"columns", "1\tx\tx\tX\n", "tiny:1: 4 columns"},
		{"upos", "1\tx\tx\tFOO\t_\t_\t0\troot\t_\t_\n", `tiny:1: unknown UPOS "FOO"`},
		{"rel", "1\tx\tx\tX\t_\t_\t0\tfoo\t_\t_\n", `tiny:1: unknown relation "foo"`},
		{"head", "1\tx\tx\tX\t_\t_\ta\troot\t_\t_\n", `tiny:1: head "a"`},
		{"id", "2\tx\tx\tX\t_\t_\t0\troot\t_\t_\n", `tiny:1: word id "2", want 1`},
		{"range", "1\tx\tx\tX\t_\t_\t5\troot\t_\t_\n\n", "head 5 out of range"},
	} {
		_, err := ReadCoNLLU(strings.NewReader(tc.in), "tiny")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: ReadCoNLLU error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	ss, err := ReadCoNLLU(strings.NewReader(tinyBank), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	opts := TrainOptions{TagIters: 3, ParseIters: 3, Folds: 2, Seed: 7, Prune: -1}
	a, err := Train(ss, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(ss, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data gave different models")
	}
	p, err := Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(p, ss)
	if s.Words != 13 || s.UPOS < 50 {
		t.Errorf("Evaluate on the training data = %+v", s)
	}
	if _, err := Train([]Sentence{{Form: []string{"x"}}}, opts); err == nil {
		t.Error("Train accepted a sentence with missing columns")
	}
}
