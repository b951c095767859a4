package syntax

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// TestDenseTemplatesMatchHashes checks that the runtime scoring of the
// transition classifier (dense arrays for the small templates, the hash
// table for the rest) gives the scores of the model file's hashed rows.
func TestDenseTemplatesMatchHashes(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	m, err := readModel(zr)
	if err != nil {
		t.Fatal(err)
	}
	rows := make(map[uint64][]int32, len(m.arc))
	for _, r := range m.arc {
		rows[r.h] = r.w
	}
	p := m.parser()
	checked := 0
	for _, tc := range constructions {
		words := strings.Fields(tc.text)
		info := make([]wordInfo, len(words))
		tags := make([]POS, len(words))
		fillInfo(words, info, nil)
		p.fillAmb(info)
		p.tag(info, tags, nil)
		var st state
		st.info, st.tags = info, tags
		st.reset(len(words))
		var f []uint64
		for !st.done() {
			var small [nArcSmall]int32
			f = st.arcFeats(f[:0], &small)
			var got [3]int32
			for j, x := range small {
				w := p.arcD[p.arcOff[j]+x]
				got[0] += int32(w[0])
				got[1] += int32(w[1])
				got[2] += int32(w[2])
			}
			p.arcW.score(f, st.d3tmp[:], &got)
			var want [3]int32
			for _, h := range appendSmall(f, &small) {
				if w, ok := rows[h>>hashDrop<<hashDrop]; ok {
					want[0] += w[0]
					want[1] += w[1]
					want[2] += w[2]
				}
			}
			if got != want {
				t.Fatalf("%q at stack %v buffer %d: scores %v, want %v", tc.text, st.stack, st.b, got, want)
			}
			checked++
			shift, left, right := st.valid()
			act := actShift
			switch {
			case right && (!shift || len(st.stack) > 2):
				act = actRight
			case left && !shift:
				act = actLeft
			}
			f = p.apply(&st, act, f)
		}
	}
	if checked == 0 {
		t.Fatal("no configuration checked")
	}
}

// TestTaggerRowsMatchHashes checks the runtime scoring of the tagger (dense
// rows for the previous tags, the hash table for the rest) against the
// model file's hashed rows.
func TestTaggerRowsMatchHashes(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	m, err := readModel(zr)
	if err != nil {
		t.Fatal(err)
	}
	rows := make(map[uint64]row, len(m.tag))
	for _, r := range m.tag {
		rows[r.h] = r
	}
	p := m.parser()
	for _, tc := range constructions {
		words := strings.Fields(tc.text)
		info := make([]wordInfo, len(words))
		tags := make([]POS, len(words))
		fillInfo(words, info, nil)
		p.fillAmb(info)
		p.tag(info, tags, nil)
		var tmp [maxFeats]sslot
		for i := range words {
			p1, p2 := prevTag(tags, i, 1), prevTag(tags, i, 2)
			f := tagFeats(nil, info, i, p1, p2)
			got := p.tagD[0]
			for c, w := range p.tagD[1+p1] {
				got[c] += w
			}
			for c, w := range p.tagD[1+nTag+int(p1)*nTag+int(p2)] {
				got[c] += w
			}
			p.tagW.score(f, tmp[:], got[:])
			var want [numPOS]int32
			for _, h := range tagSmall(f, p1, p2) {
				if r, ok := rows[h>>hashDrop<<hashDrop]; ok {
					for k, c := range r.cls {
						want[c] += r.w[k]
					}
				}
			}
			if got != want {
				t.Fatalf("%q word %d: scores %v, want %v", tc.text, i, got, want)
			}
		}
	}
}
