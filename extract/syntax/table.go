package syntax

import (
	"math"
	"sort"
)

// sparseTable maps feature hashes to sparse rows of class weights. It is an
// open-addressing hash table of 16-byte slots: a 32-bit fingerprint of the
// hash, the first two entries of the row inline (most rows have two: a
// perceptron update adds to one class and takes from another), and the
// offset in ent of the rest (ent[off] is their number n and the n entries
// follow), or -1. An entry packs a class in the top 8 bits and a signed
// 24-bit weight in the rest; 0 is no entry (class 0 is never scored).
type sparseTable struct {
	mask  uint64
	slots []sslot
	ent   []int32
}

type sslot struct {
	fp     uint32
	e0, e1 int32
	off    int32
}

func addEntry(e int32, scores []int32) {
	if e != 0 {
		scores[uint32(e)>>24] += e << 8 >> 8
	}
}

// dense3Table maps feature hashes to dense rows of three 16-bit weights,
// one for each unlabelled transition, stored inline with a 32-bit
// fingerprint: twelve bytes a feature, so that the table stays small.
type dense3Table struct {
	mask  uint64
	slots []d3slot
}

type d3slot struct {
	fp uint32
	w  [3]int16
}

// Only the top 48 bits of a feature hash are kept in model files: bits 16
// and up choose the home slot, bits 32 to 63 are the fingerprint.
func fingerprint(h uint64) uint32 { return uint32(h>>32) | 1 }

const hashDrop = 16 // low bits of a hash not stored

// tableSize returns a power of two at least twice n.
func tableSize(n int) int {
	s := 16
	for s < 2*n {
		s <<= 1
	}
	return s
}

// slot returns the slot index of the row of feature h, or -1.
func (t *sparseTable) slot(h uint64) int32 {
	fp := fingerprint(h)
	i := (h >> 16) & t.mask
	for {
		s := &t.slots[i]
		if s.fp == 0 {
			return -1
		}
		if s.fp == fp {
			return int32(i)
		}
		i = (i + 1) & t.mask
	}
}

// addRow adds the row in slot i to scores.
func (t *sparseTable) addRow(i int32, scores []int32) {
	s := &t.slots[i]
	addEntry(s.e0, scores)
	addEntry(s.e1, scores)
	if s.off >= 0 {
		n := t.ent[s.off]
		for _, e := range t.ent[s.off+1 : s.off+1+n] {
			scores[uint32(e)>>24] += e << 8 >> 8
		}
	}
}

// add adds the row of feature h to scores.
func (t *dense3Table) add(h uint64, scores *[3]int32) {
	fp := fingerprint(h)
	i := (h >> 16) & t.mask
	for {
		s := &t.slots[i]
		if s.fp == fp {
			scores[0] += int32(s.w[0])
			scores[1] += int32(s.w[1])
			scores[2] += int32(s.w[2])
			return
		}
		if s.fp == 0 {
			return
		}
		i = (i + 1) & t.mask
	}
}

// row is one feature's quantised weights, as stored in a model file.
type row struct {
	h   uint64
	cls []uint8 // for sparse rows; nil for dense rows (all classes)
	w   []int32
}

func buildSparse(rows []row) sparseTable {
	t := sparseTable{}
	size := 16
	for float64(size)*0.7 < float64(len(rows)) {
		size <<= 1
	}
	t.mask = uint64(size - 1)
	t.slots = make([]sslot, size)
	for _, r := range rows {
		e := make([]int32, len(r.w))
		for k, w := range r.w {
			e[k] = int32(uint32(r.cls[k])<<24 | uint32(w)&0xFFFFFF)
		}
		sl := sslot{fp: fingerprint(r.h), off: -1}
		if len(e) > 0 {
			sl.e0 = e[0]
		}
		if len(e) > 1 {
			sl.e1 = e[1]
		}
		if len(e) > 2 {
			sl.off = int32(len(t.ent))
			t.ent = append(t.ent, int32(len(e)-2))
			t.ent = append(t.ent, e[2:]...)
		}
		i := (r.h >> 16) & t.mask
		for t.slots[i].fp != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = sl
	}
	return t
}

func buildDense3(rows []row) dense3Table {
	t := dense3Table{}
	size := 16
	for float64(size)*0.7 < float64(len(rows)) {
		size <<= 1
	}
	t.mask = uint64(size - 1)
	t.slots = make([]d3slot, size)
	for _, r := range rows {
		fp := fingerprint(r.h)
		i := (r.h >> 16) & t.mask
		for t.slots[i].fp != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = d3slot{fp: fp, w: [3]int16{int16(r.w[0]), int16(r.w[1]), int16(r.w[2])}}
	}
	return t
}

// u64Map maps feature hashes to small values (a tag, an index).
type u64Map struct {
	mask uint64
	keys []uint64
	vals []uint32
}

func buildU64Map(keys []uint64, vals []uint32) u64Map {
	size := tableSize(len(keys))
	m := u64Map{mask: uint64(size - 1), keys: make([]uint64, size), vals: make([]uint32, size)}
	for j, k := range keys {
		if k == 0 {
			k = 1
		}
		i := k & m.mask
		for m.keys[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.keys[i] = k
		m.vals[i] = vals[j]
	}
	return m
}

func (m *u64Map) get(k uint64) (uint32, bool) {
	if k == 0 {
		k = 1
	}
	i := k & m.mask
	for {
		x := m.keys[i]
		if x == k {
			return m.vals[i], true
		}
		if x == 0 {
			return 0, false
		}
		i = (i + 1) & m.mask
	}
}

// perceptron is an averaged perceptron under training: a dense row of
// nclass integer weights per feature, created on its first update.
type perceptron struct {
	nclass int
	index  map[uint64]int32
	w      []int32
	tot    []int64
	ts     []int32
	clock  int32
}

func newPerceptron(nclass int) *perceptron {
	return &perceptron{nclass: nclass, index: make(map[uint64]int32)}
}

// score adds the current weights of feats to scores.
func (p *perceptron) score(feats []uint64, scores []int32) {
	for _, h := range feats {
		r, ok := p.index[h]
		if !ok {
			continue
		}
		ws := p.w[int(r)*p.nclass : int(r+1)*p.nclass]
		for c, w := range ws {
			scores[c] += w
		}
	}
}

// tick advances the clock by one training instance.
func (p *perceptron) tick() { p.clock++ }

// update moves the weights of feats towards class truth and away from guess.
func (p *perceptron) update(feats []uint64, truth, guess int) {
	for _, h := range feats {
		r, ok := p.index[h]
		if !ok {
			r = int32(len(p.index))
			p.index[h] = r
			for c := 0; c < p.nclass; c++ {
				p.w = append(p.w, 0)
				p.tot = append(p.tot, 0)
				p.ts = append(p.ts, 0)
			}
		}
		base := int(r) * p.nclass
		p.bump(base+truth, 1)
		p.bump(base+guess, -1)
	}
}

func (p *perceptron) bump(i int, d int32) {
	p.tot[i] += int64(p.clock-p.ts[i]) * int64(p.w[i])
	p.ts[i] = p.clock
	p.w[i] += d
}

// rows returns the averaged weights quantised so that the largest magnitude
// becomes limit; averaged weights smaller in magnitude than prune are
// dropped, and rows left empty with them. Rows are sorted by hash.
func (p *perceptron) rows(limit, prune float64, dense bool) []row {
	avg := make([]float64, len(p.w))
	maxAbs := 0.0
	for i := range p.w {
		a := float64(p.tot[i]+int64(p.clock-p.ts[i])*int64(p.w[i])) / float64(max(p.clock, 1))
		avg[i] = a
		maxAbs = math.Max(maxAbs, math.Abs(a))
	}
	scale := 0.0
	if maxAbs > 0 {
		scale = limit / maxAbs
	}
	var out []row
	for h, r := range p.index {
		base := int(r) * p.nclass
		var rw row
		rw.h = h
		keep := false
		for c := 0; c < p.nclass; c++ {
			q := int32(math.Round(avg[base+c] * scale))
			if math.Abs(avg[base+c]) < prune {
				q = 0
			}
			if q != 0 {
				keep = true
			}
			if dense {
				rw.w = append(rw.w, q)
			} else if q != 0 {
				rw.cls = append(rw.cls, uint8(c))
				rw.w = append(rw.w, q)
			}
		}
		if keep {
			out = append(out, rw)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].h < out[j].h })
	return out
}

// score adds the rows of all features f to scores. It first loads the home
// slot of every feature, with no branch between the loads so that the
// processor fetches them from memory in parallel, and then resolves each
// one; tmp must hold len(f) slots.
func (t *dense3Table) score(f []uint64, tmp []d3slot, scores *[3]int32) {
	tmp = tmp[:len(f)]
	for k, h := range f {
		tmp[k] = t.slots[(h>>16)&t.mask]
	}
	var s0, s1, s2 int32
	for k, h := range f {
		fp := fingerprint(h)
		s := tmp[k]
		if s.fp != fp {
			if s.fp == 0 {
				continue
			}
			i := (h >> 16) & t.mask
			for {
				i = (i + 1) & t.mask
				s = t.slots[i]
				if s.fp == fp || s.fp == 0 {
					break
				}
			}
			if s.fp == 0 {
				continue
			}
		}
		s0 += int32(s.w[0])
		s1 += int32(s.w[1])
		s2 += int32(s.w[2])
	}
	scores[0] += s0
	scores[1] += s1
	scores[2] += s2
}

// score adds the rows of all features f to scores, loading the home slots
// of all features before using them (see dense3Table.score); tmp must
// hold len(f) slots.
func (t *sparseTable) score(f []uint64, tmp []sslot, scores []int32) {
	tmp = tmp[:len(f)]
	for k, h := range f {
		tmp[k] = t.slots[(h>>16)&t.mask]
	}
	for k, h := range f {
		fp := fingerprint(h)
		s := &tmp[k]
		if s.fp != fp {
			if s.fp == 0 {
				continue
			}
			i := (h >> 16) & t.mask
			for {
				i = (i + 1) & t.mask
				*s = t.slots[i]
				if s.fp == fp || s.fp == 0 {
					break
				}
			}
			if s.fp == 0 {
				continue
			}
		}
	}
	// touch the longer rows so that their loads overlap
	var touch int32
	for k := range tmp {
		if s := &tmp[k]; s.fp != 0 && s.off >= 0 {
			touch += t.ent[s.off]
		}
	}
	_ = touch
	for k := range tmp {
		s := &tmp[k]
		if s.fp == 0 {
			continue
		}
		addEntry(s.e0, scores)
		addEntry(s.e1, scores)
		if s.off >= 0 {
			n := t.ent[s.off]
			for _, e := range t.ent[s.off+1 : s.off+1+n] {
				scores[uint32(e)>>24] += e << 8 >> 8
			}
		}
	}
}
