package syntax

// The parser is a greedy arc-hybrid transition system (Kuhlmann, Gómez-
// Rodríguez and Satta 2011) with the artificial root at the end of the
// buffer, so that exactly one word attaches to it. An averaged perceptron
// picks the unlabelled transition; a second one labels each arc when it is
// made, from the head, the complete dependent and their context.

// The unlabelled transitions.
const (
	actShift = iota // move the front of the buffer onto the stack
	actLeft         // the front of the buffer becomes the head of the stack top, which is popped
	actRight        // the word under the stack top becomes its head; the top is popped
)

// state is a parser configuration over n words and the root (index n).
type state struct {
	n     int
	info  []wordInfo
	tags  []POS
	heads []int32
	rels  []Rel
	lc1   []int32 // leftmost child
	lc2   []int32 // second leftmost child
	rc1   []int32 // rightmost child
	rc2   []int32 // second rightmost child
	nl    []uint8 // number of left children
	nr    []uint8 // number of right children
	lset  []uint64
	rset  []uint64
	stack []int32
	b     int32 // front of the buffer; the buffer is b..n, n the root
	d3tmp [maxFeats]d3slot
	tmp   [maxFeats]sslot
}

// maxFeats bounds the number of features of one decision.
const maxFeats = 128

func (s *state) reset(n int) {
	s.n = n
	m := n + 1
	s.heads = grow32(s.heads, m)
	s.lc1 = grow32(s.lc1, m)
	s.lc2 = grow32(s.lc2, m)
	s.rc1 = grow32(s.rc1, m)
	s.rc2 = grow32(s.rc2, m)
	if cap(s.rels) < m {
		s.rels = make([]Rel, m)
		s.nl = make([]uint8, m)
		s.nr = make([]uint8, m)
		s.lset = make([]uint64, m)
		s.rset = make([]uint64, m)
	}
	s.rels, s.nl, s.nr, s.lset, s.rset = s.rels[:m], s.nl[:m], s.nr[:m], s.lset[:m], s.rset[:m]
	for i := 0; i < m; i++ {
		s.heads[i], s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1, -1
		s.rels[i], s.nl[i], s.nr[i], s.lset[i], s.rset[i] = 0, 0, 0, 0, 0
	}
	s.stack = s.stack[:0]
	s.b = 0
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// valid reports which transitions are allowed.
func (s *state) valid() (shift, left, right bool) {
	k := len(s.stack)
	shift = int(s.b) < s.n
	right = k >= 2
	left = k >= 1 && (int(s.b) < s.n || k == 1)
	return
}

func (s *state) done() bool { return len(s.stack) == 0 && int(s.b) == s.n }

// arc attaches d to h with label r.
func (s *state) arc(h, d int32, r Rel) {
	s.heads[d] = h
	s.rels[d] = r
	if d < h {
		s.lc2[h] = s.lc1[h]
		s.lc1[h] = d
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.lset[h] |= 1 << r
	} else {
		s.rc2[h] = s.rc1[h]
		s.rc1[h] = d
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rset[h] |= 1 << r
	}
}

// Values for missing words.
const (
	noWord  = 0x4E4F4E45
	rootVal = 0x524F4F54
)

func (s *state) word(i int32) uint64 {
	switch {
	case i < 0:
		return noWord
	case int(i) == s.n:
		return rootVal
	}
	return s.info[i].norm
}

func (s *state) tag(i int32) uint64 {
	switch {
	case i < 0:
		return noneTag
	case int(i) == s.n:
		return rootTag
	}
	return uint64(s.tags[i])
}

func (s *state) label(i int32) uint64 {
	if i < 0 {
		return uint64(numRel)
	}
	return uint64(s.rels[i])
}

func (s *state) child(c []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return c[i]
}

func distBucket(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

// Ranges of the small values that the dense templates combine.
const (
	nTag  = numPOS + 2 // tags, noneTag and rootTag
	nLab  = numRel + 1 // relations and none
	nDist = 16
	nVal  = 8 // valency, capped
)

// arcSmall lists the templates of the transition classifier whose values
// are all small (tags, labels, distances, valencies): their weights are
// looked up once at load time into dense arrays indexed by the values. In
// the model file they are hashed like the others, from the template number
// and the flat index of the values.
var arcSmall = [...][3]int{
	{1, 1, 1},           // bias
	{nTag, 1, 1},        // s0t
	{nTag, 1, 1},        // s1t
	{nTag, 1, 1},        // b0t
	{nTag, 1, 1},        // b1t
	{nTag, 1, 1},        // b2t
	{nTag, 1, 1},        // s2t
	{nTag, nTag, 1},     // s0t b0t
	{nTag, nTag, 1},     // b0t b1t
	{nTag, nTag, 1},     // s0t s1t
	{nTag, nTag, nTag},  // b0t b1t b2t
	{nTag, nTag, nTag},  // s0t b0t b1t
	{nTag, nTag, nTag},  // s1t s0t b0t
	{nTag, nTag, nTag},  // s0t s0lt b0t
	{nTag, nTag, nTag},  // s0t s0rt b0t
	{nTag, nTag, nTag},  // s0t b0t b0lt
	{nTag, nTag, nTag},  // s2t s1t s0t
	{nTag, nTag, nTag},  // s1t s1rt s0t
	{nTag, nTag, nDist}, // s0t b0t d
	{nTag, nTag, nDist}, // s1t s0t d(s1, s0)
	{nTag, nVal, 1},     // s0t right valency
	{nTag, nVal, 1},     // s0t left valency
	{nTag, nVal, 1},     // b0t left valency
	{nLab, 1, 1},        // label of s0's leftmost child
	{nLab, 1, 1},        // label of s0's rightmost child
	{nLab, 1, 1},        // label of b0's leftmost child
}

const nArcSmall = len(arcSmall)

// arcSmallBase is the template number of the first small template.
const arcSmallBase = 1000

func idx3(dims [3]int, a, b, c uint64) int32 {
	return int32((int(a)*dims[1]+int(b))*dims[2] + int(c))
}

func capVal(v uint8) uint64 {
	if v >= nVal {
		return nVal - 1
	}
	return uint64(v)
}

// arcFeats appends the hashed features of the configuration to f and sets
// small to the flat indices of the small templates.
func (s *state) arcFeats(f []uint64, small *[nArcSmall]int32) []uint64 {
	k := len(s.stack)
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
			if k > 2 {
				s2 = s.stack[k-3]
			}
		}
	}
	b0 := s.b
	b1, b2 := int32(-1), int32(-1)
	if int(b0)+1 <= s.n {
		b1 = b0 + 1
		if int(b0)+2 <= s.n {
			b2 = b0 + 2
		}
	}
	s0l, s0r := s.child(s.lc1, s0), s.child(s.rc1, s0)
	b0l, b0l2 := s.child(s.lc1, b0), s.child(s.lc2, b0)
	s1r := s.child(s.rc1, s1)

	s0w, s0t := s.word(s0), s.tag(s0)
	s1w, s1t := s.word(s1), s.tag(s1)
	s2t := s.tag(s2)
	b0w, b0t := s.word(b0), s.tag(b0)
	b1w, b1t := s.word(b1), s.tag(b1)
	b2t := s.tag(b2)
	s0lw, s0lt, s0ll := s.word(s0l), s.tag(s0l), s.label(s0l)
	s0rw, s0rt, s0rl := s.word(s0r), s.tag(s0r), s.label(s0r)
	b0lw, b0lt, b0ll := s.word(b0l), s.tag(b0l), s.label(b0l)
	b0l2l := s.label(b0l2)
	s1rt := s.tag(s1r)

	s0wt := s0w*31 + s0t
	s1wt := s1w*31 + s1t
	b0wt := b0w*31 + b0t

	var d, s0vl, s0vr, b0vl, s0sl, s0sr, b0sl uint64 = 15, 0, 0, 0, 0, 0, 0
	if s0 >= 0 {
		if int(b0) == s.n {
			d = 8
		} else {
			d = distBucket(b0 - s0)
		}
		s0vl, s0vr, s0sl, s0sr = capVal(s.nl[s0]), capVal(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	b0vl, b0sl = capVal(s.nl[b0]), s.lset[b0]
	var s0s1d uint64 = 15
	if s1 >= 0 {
		s0s1d = distBucket(s0 - s1)
	}

	*small = [nArcSmall]int32{
		0,
		int32(s0t), int32(s1t), int32(b0t), int32(b1t), int32(b2t), int32(s2t),
		idx3(arcSmall[7], s0t, b0t, 0), idx3(arcSmall[8], b0t, b1t, 0), idx3(arcSmall[9], s0t, s1t, 0),
		idx3(arcSmall[10], b0t, b1t, b2t), idx3(arcSmall[11], s0t, b0t, b1t), idx3(arcSmall[12], s1t, s0t, b0t),
		idx3(arcSmall[13], s0t, s0lt, b0t), idx3(arcSmall[14], s0t, s0rt, b0t), idx3(arcSmall[15], s0t, b0t, b0lt),
		idx3(arcSmall[16], s2t, s1t, s0t), idx3(arcSmall[17], s1t, s1rt, s0t),
		idx3(arcSmall[18], s0t, b0t, d), idx3(arcSmall[19], s1t, s0t, s0s1d),
		idx3(arcSmall[20], s0t, s0vr, 0), idx3(arcSmall[21], s0t, s0vl, 0), idx3(arcSmall[22], b0t, b0vl, 0),
		int32(s0ll), int32(s0rl), int32(b0ll),
	}

	return append(f,
		f1(2, s0w), f1(4, s0wt),
		f1(5, s1w), f1(7, s1wt),
		f1(8, b0w), f1(10, b0wt),
		f1(11, b1w),
		f2(20, s0wt, b0wt), f2(23, s0wt, b0t), f2(24, s0t, b0wt), f2(25, s0w, b0w),
		f2(29, s0w, s1w),
		f2(60, s0w, d), f2(62, b0w, d),
		f1(80, s0lw), f1(83, s0rw), f1(86, b0lw),
		f2(111, s0t, s0sr), f2(113, s0t, s0sl), f2(115, b0t, b0sl),
		f3(100, b0t, b0ll, b0l2l), f3(116, s1t, s.setOf(s1, true), s0t),
	)
}

// appendSmall appends the hashes of the small templates to f, for training.
func appendSmall(f []uint64, small *[nArcSmall]int32) []uint64 {
	for j, x := range small {
		f = append(f, smallHash(j, x))
	}
	return f
}

func smallHash(j int, x int32) uint64 { return f1(uint64(arcSmallBase+j), uint64(x)) }

func (s *state) setOf(i int32, right bool) uint64 {
	if i < 0 {
		return 0
	}
	if right {
		return s.rset[i]
	}
	return s.lset[i]
}

// relFeats appends the features for labelling the arc h -> d to f.
func (s *state) relFeats(f []uint64, h, d int32, small *[nRelSmall]int32) []uint64 {
	var dir uint64
	if d > h {
		dir = 1
	}
	dw, dt := s.word(d), s.tag(d)
	hw, ht := s.word(h), s.tag(h)
	var dist uint64
	if d < h {
		dist = distBucket(h - d)
	} else {
		dist = distBucket(d - h)
	}
	dl := s.lc1[d]
	dr := s.rc1[d]
	dlw, dll := s.word(dl), s.label(dl)
	drl := s.label(dr)
	hll := s.label(s.lc1[h])
	dm1t, dp1t := s.tag(d-1), s.tag(d+1)
	dsuf, dshape := s.info[d].suf3, s.info[d].shape
	*small = [nRelSmall]int32{
		idx3(relSmall[0], dt, ht, dir),
		idx3(relSmall[1], dt, ht, dir*8+dist),
		idx3(relSmall[2], dll, dt, dir),
		idx3(relSmall[3], drl, dt, dir),
		idx3(relSmall[4], hll, ht, dt*2+dir),
		idx3(relSmall[5], dm1t, dt, ht*2+dir),
		idx3(relSmall[6], dp1t, dt, ht*2+dir),
	}
	return append(f,
		f2(2, dw, dir), f3(4, dt, hw, dir), f3(7, dlw, dt, dir),
		f4(10, s.lset[d], dt, ht, dir), f4(11, s.lset[h], ht, dt, dir),
		f3(15, dsuf, dt, dir), f4(16, dshape, dt, ht, dir),
	)
}

// relSmall lists the templates of the label classifier whose values are
// all small; their rows are found once at load time (see arcSmall).
var relSmall = [...][3]int{
	{nTag, nTag, 2},        // dependent tag, head tag, direction
	{nTag, nTag, 16},       // the same and the distance
	{nLab, nTag, 2},        // label of the dependent's leftmost child
	{nLab, nTag, 2},        // label of the dependent's rightmost child
	{nLab, nTag, nTag * 2}, // label of the head's leftmost child
	{nTag, nTag, nTag * 2}, // tag before the dependent
	{nTag, nTag, nTag * 2}, // tag after the dependent
}

const (
	nRelSmall    = len(relSmall)
	relSmallBase = 2000
)

func relSmallHash(j int, x int32) uint64 { return f1(uint64(relSmallBase+j), uint64(x)) }

// appendRelSmall appends the hashes of the small label templates to f.
func appendRelSmall(f []uint64, small *[nRelSmall]int32) []uint64 {
	for j, x := range small {
		f = append(f, relSmallHash(j, x))
	}
	return f
}

// relFeats for the root arc are not needed: it is always labelled Root.
