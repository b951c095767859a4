package syntax

// The tagger is a greedy left-to-right averaged perceptron over the
// templates in tagFeats.

const (
	noneTag  = uint64(numPOS)     // before the first or after the last word
	rootTag  = uint64(numPOS + 1) // the artificial root
	startVal = 0x5354415254       // word value before the first word
	endVal   = 0x454E44           // word value after the last word
)

// tagFeats appends the tagger features of word i to f; p1 and p2 are the
// tags of the two words before it. The features of the tags alone (see
// tagSmall) are not among them.
func tagFeats(f []uint64, info []wordInfo, i int, p1, p2 uint64) []uint64 {
	n := len(info)
	w := &info[i]
	var wm1, wm2, sm1, wp1, wp2, sp1, shm1, shp1 uint64 = startVal, startVal, startVal, endVal, endVal, endVal, startVal, endVal
	var am1, ap1, ap2 uint64 = startVal, endVal, endVal
	if i > 0 {
		wm1, sm1, shm1, am1 = info[i-1].norm, info[i-1].suf3, info[i-1].shape, info[i-1].amb
		if i > 1 {
			wm2 = info[i-2].norm
		}
	}
	if i+1 < n {
		wp1, sp1, shp1, ap1 = info[i+1].norm, info[i+1].suf3, info[i+1].shape, info[i+1].amb
		if i+2 < n {
			wp2, ap2 = info[i+2].norm, info[i+2].amb
		}
	}
	return append(f,
		f1(2, w.norm),
		f1(3, w.suf3),
		f1(4, w.suf2),
		f1(5, w.suf1),
		f1(6, w.pre2),
		f1(7, w.shape),
		f1(8, w.exact),
		f2(11, p1, w.norm),
		f1(12, wm1),
		f1(13, sm1),
		f1(14, wm2),
		f1(15, wp1),
		f1(16, sp1),
		f1(17, wp2),
		f2(18, shm1, w.shape),
		f2(19, w.shape, shp1),
		f2(20, wm1, w.norm),
		f2(21, w.norm, wp1),
		f2(22, p1, w.suf3),
		f3(23, p1, w.shape, shp1),
		f1(24, w.suf4),
		f1(25, w.pre1),
		f1(26, w.pre3),
		f2(27, wm1, w.suf3),
		f2(28, w.norm, sp1),
		f1(29, w.amb),
		f1(30, ap1),
		f2(31, w.amb, ap1),
		f2(32, p1, ap1),
		f1(33, ap2),
		f3(34, p1, w.amb, ap1),
		f2(35, am1, w.amb),
	)
}

// tagSmall appends the features over the previous tags alone: the bias,
// p1, and p1 with p2. At run time their rows come from dense arrays.
func tagSmall(f []uint64, p1, p2 uint64) []uint64 {
	return append(f, f1(1, 0), f1(9, p1), f2(10, p1, p2))
}

// tagSmallRows fills the dense rows of the tagSmall features: index 0 the
// bias, 1+p1, then 1+nTag+p1*nTag+p2.
func (p *Parser) tagSmallRows() {
	p.tagD = make([][numPOS]int32, 1+nTag+nTag*nTag)
	add := func(k int, h uint64) {
		if i := p.tagW.slot(h); i >= 0 {
			p.tagW.addRow(i, p.tagD[k][:])
		}
	}
	add(0, f1(1, 0))
	for a := 0; a < nTag; a++ {
		add(1+a, f1(9, uint64(a)))
		for b := 0; b < nTag; b++ {
			add(1+nTag+a*nTag+b, f2(10, uint64(a), uint64(b)))
		}
	}
}

// fillAmb sets the ambiguity class of each word from the lexicon.
func (p *Parser) fillAmb(info []wordInfo) {
	for i := range info {
		a, _ := p.lex.get(info[i].norm)
		info[i].amb = uint64(a)
	}
}

// tag assigns a tag to every word of info.
func (p *Parser) tag(info []wordInfo, tags []POS, f []uint64) []uint64 {
	var scores [numPOS]int32
	var tmp [maxFeats]sslot
	for i := range info {
		if t, ok := p.tagDict.get(info[i].exact); ok {
			tags[i] = POS(t)
			continue
		}
		p1, p2 := noneTag, noneTag
		if i > 0 {
			p1 = uint64(tags[i-1])
			if i > 1 {
				p2 = uint64(tags[i-2])
			}
		}
		f = tagFeats(f[:0], info, i, p1, p2)
		scores = p.tagD[0]
		for c, w := range p.tagD[1+p1] {
			scores[c] += w
		}
		for c, w := range p.tagD[1+nTag+int(p1)*nTag+int(p2)] {
			scores[c] += w
		}
		p.tagW.score(f, tmp[:], scores[:])
		best := 1
		for c := 2; c < numPOS; c++ {
			if scores[c] > scores[best] {
				best = c
			}
		}
		tags[i] = POS(best)
	}
	return f
}
