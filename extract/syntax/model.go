package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// model is the content of a model file.
type model struct {
	tag      []row // sparse rows over POS tags
	dictKeys []uint64
	dictTags []uint32
	lexKeys  []uint64 // lower-cased words seen twice or more
	lexAmb   []uint32 // their ambiguity classes: the set of their tags, a bit each
	arc      []row    // dense rows over the three transitions
	rel      []row    // sparse rows over relations
	excKeys  []uint64
	excLemma []string
	ruleKeys []uint64
	rules    []lemmaRule
}

const modelMagic = "kg-syntax-model\x00v2"

func (m *model) parser() *Parser {
	p := &Parser{
		tagW:    buildSparse(m.tag),
		tagDict: buildU64Map(m.dictKeys, m.dictTags),
		lex:     buildU64Map(m.lexKeys, m.lexAmb),
		relW:    buildSparse(m.rel),
	}
	p.tagSmallRows()
	// the rows of small templates go to dense arrays, the others to the
	// hash table
	small := make(map[uint64]int32)
	n := int32(0)
	for j, dims := range arcSmall {
		p.arcOff[j] = n
		for x := int32(0); x < int32(dims[0]*dims[1]*dims[2]); x++ {
			small[smallHash(j, x)>>hashDrop<<hashDrop] = n + x
		}
		n += int32(dims[0] * dims[1] * dims[2])
	}
	p.arcD = make([][4]int16, n)
	hashed := make([]row, 0, len(m.arc))
	for _, r := range m.arc {
		if i, ok := small[r.h]; ok {
			p.arcD[i] = [4]int16{int16(r.w[0]), int16(r.w[1]), int16(r.w[2])}
			continue
		}
		hashed = append(hashed, r)
	}
	p.arcW = buildDense3(hashed)
	n = 0
	for j, dims := range relSmall {
		p.relOff[j] = n
		n += int32(dims[0] * dims[1] * dims[2])
	}
	p.relD = make([]int32, n)
	for j, dims := range relSmall {
		for x := int32(0); x < int32(dims[0]*dims[1]*dims[2]); x++ {
			p.relD[p.relOff[j]+x] = p.relW.slot(relSmallHash(j, x))
		}
	}
	idx := make([]uint32, max(len(m.excKeys), len(m.ruleKeys)))
	for i := range idx {
		idx[i] = uint32(i)
	}
	p.lem = lemmatizer{
		exc:      buildU64Map(m.excKeys, idx[:len(m.excKeys)]),
		excLemma: m.excLemma,
		rules:    buildU64Map(m.ruleKeys, idx[:len(m.ruleKeys)]),
		ruleList: m.rules,
	}
	return p
}

type modelWriter struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (w *modelWriter) uvarint(x uint64) {
	w.w.Write(w.buf[:binary.PutUvarint(w.buf[:], x)])
}
func (w *modelWriter) varint(x int64) { w.w.Write(w.buf[:binary.PutVarint(w.buf[:], x)]) }
func (w *modelWriter) u64(x uint64) {
	binary.LittleEndian.PutUint64(w.buf[:8], x)
	w.w.Write(w.buf[:8])
}
func (w *modelWriter) str(s string) { w.uvarint(uint64(len(s))); w.w.WriteString(s) }

func (w *modelWriter) rows(rs []row, dense bool) {
	w.uvarint(uint64(len(rs)))
	var prev uint64
	for _, r := range rs {
		// rows are sorted by hash: store the difference of the kept bits
		w.uvarint(r.h>>hashDrop - prev)
		prev = r.h >> hashDrop
		if !dense {
			w.uvarint(uint64(len(r.w)))
		}
		for k, x := range r.w {
			if !dense {
				w.w.WriteByte(r.cls[k])
			}
			w.varint(int64(x))
		}
	}
}

// write writes m uncompressed.
func (m *model) write(out io.Writer) error {
	w := &modelWriter{w: bufio.NewWriter(out)}
	w.w.WriteString(modelMagic)
	w.rows(m.tag, false)
	w.uvarint(uint64(len(m.dictKeys)))
	for i, k := range m.dictKeys {
		w.u64(k)
		w.uvarint(uint64(m.dictTags[i]))
	}
	w.uvarint(uint64(len(m.lexKeys)))
	for i, k := range m.lexKeys {
		w.u64(k)
		w.uvarint(uint64(m.lexAmb[i]))
	}
	w.rows(m.arc, true)
	w.rows(m.rel, false)
	w.uvarint(uint64(len(m.excKeys)))
	for i, k := range m.excKeys {
		w.u64(k)
		w.str(m.excLemma[i])
	}
	w.uvarint(uint64(len(m.ruleKeys)))
	for i, k := range m.ruleKeys {
		w.u64(k)
		w.uvarint(uint64(m.rules[i].strip))
		w.str(m.rules[i].add)
	}
	return w.w.Flush()
}

type modelReader struct {
	r   *bufio.Reader
	err error
}

var errCorrupt = errors.New("corrupt model")

func (r *modelReader) fail(what string, err error) {
	if r.err == nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		r.err = fmt.Errorf("%s: %w", what, err)
	}
}

func (r *modelReader) uvarint(what string, limit uint64) uint64 {
	if r.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.fail(what, err)
		return 0
	}
	if x > limit {
		r.fail(what, fmt.Errorf("%w: %d > %d", errCorrupt, x, limit))
		return 0
	}
	return x
}

func (r *modelReader) varint(what string, limit int64) int64 {
	if r.err != nil {
		return 0
	}
	x, err := binary.ReadVarint(r.r)
	if err != nil {
		r.fail(what, err)
		return 0
	}
	if x > limit || x < -limit {
		r.fail(what, fmt.Errorf("%w: %d out of range", errCorrupt, x))
		return 0
	}
	return x
}

func (r *modelReader) u64(what string) uint64 {
	if r.err != nil {
		return 0
	}
	var b [8]byte
	if _, err := io.ReadFull(r.r, b[:]); err != nil {
		r.fail(what, err)
		return 0
	}
	return binary.LittleEndian.Uint64(b[:])
}

func (r *modelReader) byte1(what string, limit int) uint8 {
	if r.err != nil {
		return 0
	}
	c, err := r.r.ReadByte()
	if err != nil {
		r.fail(what, err)
		return 0
	}
	if int(c) >= limit {
		r.fail(what, fmt.Errorf("%w: class %d out of range", errCorrupt, c))
	}
	return c
}

func (r *modelReader) str(what string) string {
	n := r.uvarint(what, 1<<16)
	if r.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r.r, b); err != nil {
		r.fail(what, err)
	}
	return string(b)
}

const maxRows = 1 << 26

func (r *modelReader) rows(what string, nclass int, dense bool, limit int64) []row {
	n := r.uvarint(what, maxRows)
	rs := make([]row, 0, min(n, 1<<16))
	var prev uint64
	for i := uint64(0); i < n && r.err == nil; i++ {
		var rw row
		prev += r.uvarint(what, 1<<(64-hashDrop)-1-prev)
		rw.h = prev << hashDrop
		k := uint64(nclass)
		if !dense {
			k = r.uvarint(what, uint64(nclass))
			rw.cls = make([]uint8, k)
		}
		rw.w = make([]int32, k)
		for j := range rw.w {
			if !dense {
				rw.cls[j] = r.byte1(what, nclass)
			}
			rw.w[j] = int32(r.varint(what, limit))
		}
		rs = append(rs, rw)
	}
	return rs
}

func readModel(in io.Reader) (*model, error) {
	r := &modelReader{r: bufio.NewReader(in)}
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r.r, magic); err != nil || string(magic) != modelMagic {
		return nil, fmt.Errorf("%w: bad header", errCorrupt)
	}
	m := &model{}
	m.tag = r.rows("tagger weights", numPOS, false, 1<<23-1)
	n := r.uvarint("tag dictionary", maxRows)
	for i := uint64(0); i < n && r.err == nil; i++ {
		m.dictKeys = append(m.dictKeys, r.u64("tag dictionary"))
		m.dictTags = append(m.dictTags, uint32(r.uvarint("tag dictionary", uint64(X))))
	}
	n = r.uvarint("lexicon", maxRows)
	for i := uint64(0); i < n && r.err == nil; i++ {
		m.lexKeys = append(m.lexKeys, r.u64("lexicon"))
		m.lexAmb = append(m.lexAmb, uint32(r.uvarint("lexicon", 1<<numPOS-1)))
	}
	m.arc = r.rows("transition weights", 3, true, 1<<15-1)
	m.rel = r.rows("label weights", numRel, false, 1<<23-1)
	n = r.uvarint("lemma exceptions", maxRows)
	for i := uint64(0); i < n && r.err == nil; i++ {
		m.excKeys = append(m.excKeys, r.u64("lemma exceptions"))
		m.excLemma = append(m.excLemma, r.str("lemma exceptions"))
	}
	n = r.uvarint("lemma rules", maxRows)
	for i := uint64(0); i < n && r.err == nil; i++ {
		m.ruleKeys = append(m.ruleKeys, r.u64("lemma rules"))
		strip := r.uvarint("lemma rules", 64)
		m.rules = append(m.rules, lemmaRule{strip: int(strip), add: r.str("lemma rules")})
	}
	if r.err != nil {
		return nil, r.err
	}
	if _, err := r.r.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%w: trailing data", errCorrupt)
	}
	return m, nil
}
