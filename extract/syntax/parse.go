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
}

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
		return 0xFF
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

// arcFeats appends the features of the configuration to f.
func (s *state) arcFeats(f []uint64) []uint64 {
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
	s0l, s0l2, s0r, s0r2 := s.child(s.lc1, s0), s.child(s.lc2, s0), s.child(s.rc1, s0), s.child(s.rc2, s0)
	b0l, b0l2 := s.child(s.lc1, b0), s.child(s.lc2, b0)
	s1r, s1l := s.child(s.rc1, s1), s.child(s.lc1, s1)

	s0w, s0t := s.word(s0), s.tag(s0)
	s1w, s1t := s.word(s1), s.tag(s1)
	s2w, s2t := s.word(s2), s.tag(s2)
	b0w, b0t := s.word(b0), s.tag(b0)
	b1w, b1t := s.word(b1), s.tag(b1)
	b2w, b2t := s.word(b2), s.tag(b2)
	s0lw, s0lt, s0ll := s.word(s0l), s.tag(s0l), s.label(s0l)
	s0rw, s0rt, s0rl := s.word(s0r), s.tag(s0r), s.label(s0r)
	s0l2t, s0l2l := s.tag(s0l2), s.label(s0l2)
	s0r2t, s0r2l := s.tag(s0r2), s.label(s0r2)
	b0lw, b0lt, b0ll := s.word(b0l), s.tag(b0l), s.label(b0l)
	b0l2t, b0l2l := s.tag(b0l2), s.label(b0l2)
	s1rw, s1rt, s1rl := s.word(s1r), s.tag(s1r), s.label(s1r)
	s1lt := s.tag(s1l)

	s0wt := s0w*31 + s0t
	s1wt := s1w*31 + s1t
	b0wt := b0w*31 + b0t
	b1wt := b1w*31 + b1t

	var d, s0vl, s0vr, b0vl, s0sl, s0sr, b0sl uint64 = 15, 0, 0, 0, 0, 0, 0
	if s0 >= 0 {
		if int(b0) == s.n {
			d = 8
		} else {
			d = distBucket(b0 - s0)
		}
		s0vl, s0vr, s0sl, s0sr = uint64(s.nl[s0]), uint64(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	b0vl, b0sl = uint64(s.nl[b0]), s.lset[b0]
	var s0s1d uint64 = 15
	if s1 >= 0 {
		s0s1d = distBucket(s0 - s1)
	}

	return append(f,
		f1(1, 0),
		// single words
		f1(2, s0w), f1(3, s0t), f1(4, s0wt),
		f1(5, s1w), f1(6, s1t), f1(7, s1wt),
		f1(8, b0w), f1(9, b0t), f1(10, b0wt),
		f1(11, b1w), f1(12, b1t), f1(13, b1wt),
		f1(14, b2w), f1(15, b2t),
		f1(16, s2t), f1(17, s2w),
		// pairs
		f2(20, s0wt, b0wt), f2(21, s0wt, b0w), f2(22, s0w, b0wt),
		f2(23, s0wt, b0t), f2(24, s0t, b0wt), f2(25, s0w, b0w),
		f2(26, s0t, b0t), f2(27, b0t, b1t), f2(28, s0t, s1t),
		f2(29, s0w, s1w), f2(30, s1t, b0t), f2(31, s1wt, s0wt),
		f2(32, s1w, b0w), f2(33, s0t, b1t), f2(34, s0w, b1w),
		// triples of tags
		f3(40, b0t, b1t, b2t), f3(41, s0t, b0t, b1t), f3(42, s1t, s0t, b0t),
		f3(43, s0t, s0lt, b0t), f3(44, s0t, s0rt, b0t), f3(45, s0t, b0t, b0lt),
		f3(46, s0t, s0lt, s0l2t), f3(47, s0t, s0rt, s0r2t), f3(48, b0t, b0lt, b0l2t),
		f3(49, s2t, s1t, s0t), f3(50, s1t, s1rt, s0t), f3(51, s1t, s1lt, s0t),
		f3(52, s1t, s0t, b1t),
		// distance
		f2(60, s0w, d), f2(61, s0t, d), f2(62, b0w, d), f2(63, b0t, d),
		f3(64, s0w, b0w, d), f3(65, s0t, b0t, d), f3(66, s1t, s0t, s0s1d),
		// valency
		f2(70, s0w, s0vr), f2(71, s0t, s0vr), f2(72, s0w, s0vl),
		f2(73, s0t, s0vl), f2(74, b0w, b0vl), f2(75, b0t, b0vl),
		// children
		f1(80, s0lw), f1(81, s0lt), f1(82, s0ll),
		f1(83, s0rw), f1(84, s0rt), f1(85, s0rl),
		f1(86, b0lw), f1(87, b0lt), f1(88, b0ll),
		f1(89, s0l2t), f1(90, s0l2l), f1(91, s0r2t), f1(92, s0r2l),
		f1(93, b0l2t), f1(94, b0l2l),
		f1(95, s1rw), f1(96, s1rt), f1(97, s1rl),
		f3(98, s0t, s0ll, s0l2l), f3(99, s0t, s0rl, s0r2l), f3(100, b0t, b0ll, b0l2l),
		// label sets
		f2(110, s0w, s0sr), f2(111, s0t, s0sr), f2(112, s0w, s0sl),
		f2(113, s0t, s0sl), f2(114, b0w, b0sl), f2(115, b0t, b0sl),
		f3(116, s0t, s0sl, b0t), f3(117, s1t, s.setOf(s1, true), s0t),
	)
}

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
func (s *state) relFeats(f []uint64, h, d int32) []uint64 {
	var dir uint64 = 1
	if d > h {
		dir = 2
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
	dlw, dlt, dll := s.word(dl), s.tag(dl), s.label(dl)
	drt, drl := s.tag(dr), s.label(dr)
	hl := s.lc1[h]
	hll := s.label(hl)
	dm1t, dp1t := s.tag(d-1), s.tag(d+1)
	if d+1 > int32(s.n) {
		dp1t = noneTag
	}
	dsuf, dshape := s.info[d].suf3, s.info[d].shape
	return append(f,
		f1(1, dir),
		f2(2, dw, dir), f2(3, dt, dir), f3(4, dw, dt, dir),
		f2(5, hw, dir), f2(6, ht, dir), f3(7, hw, ht, dir),
		f3(8, dt, ht, dir), f3(9, dw, ht, dir), f3(10, dt, hw, dir), f3(11, dw, hw, dir),
		f4(12, dt, ht, dir, dist),
		f3(13, dlw, dt, dir), f3(14, dlt, dt, dir), f3(15, dll, dt, dir),
		f3(16, drt, dt, dir), f3(17, drl, dt, dir),
		f4(18, s.lset[d], dt, ht, dir), f3(19, s.rset[d], dt, dir),
		f4(20, s.lset[h], ht, dt, dir), f4(21, hll, ht, dt, dir),
		f4(22, dm1t, dt, ht, dir), f4(23, dp1t, dt, ht, dir),
		f3(24, dsuf, dt, dir), f4(25, dshape, dt, ht, dir),
		f4(26, dlw, dt, ht, dir), f3(27, s.rset[h], ht, dt),
		f3(28, uint64(s.nl[d]), uint64(s.nr[d]), dt),
	)
}

// relFeats for the root arc are not needed: it is always labelled Root.
