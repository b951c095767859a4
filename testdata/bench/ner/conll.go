package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// span is a half-open token range [From, To) with an entity type.
type span struct {
	From, To int
	Type     string
}

// doc is one document of a CoNLL file rebuilt as text: its tokens with
// their byte offsets in Text, its sentences as token ranges, and the gold
// entities as token spans (MISC included: the scorer leaves it out).
type doc struct {
	ID     string
	Text   string
	Tokens []string
	Start  []int // byte offset of each token in Text
	End    []int
	Sents  [][2]int // token ranges
	Gold   []span
}

// readCoNLL reads a CoNLL-2003 style file: one token a line with its tag in
// the last column, blank lines between sentences, "-DOCSTART-" lines
// between documents. Tags may be IOB1 (I- opens an entity unless it
// continues one of the same type) or IOB2 (B- opens every entity).
func readCoNLL(r io.Reader, spaced bool) ([]doc, error) {
	var docs []doc
	var toks, tags [][]string // sentences of the current document
	var cur []string
	var curTags []string
	line := 0
	flushSent := func() {
		if len(cur) > 0 {
			toks = append(toks, cur)
			tags = append(tags, curTags)
		}
		cur, curTags = nil, nil
	}
	flushDoc := func() error {
		flushSent()
		if len(toks) == 0 {
			return nil
		}
		docs = append(docs, buildDoc(fmt.Sprintf("doc%03d", len(docs)+1), toks, tags, spaced))
		toks, tags = nil, nil
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flushSent()
		case f[0] == "-DOCSTART-":
			if err := flushDoc(); err != nil {
				return nil, err
			}
		case len(f) < 2:
			return nil, fmt.Errorf("line %d: want a token and a tag, got %q", line, sc.Text())
		default:
			tag := f[len(f)-1]
			if tag != "O" && !(len(tag) > 2 && (tag[:2] == "B-" || tag[:2] == "I-")) {
				return nil, fmt.Errorf("line %d: tag %q is not O, B-X or I-X", line, tag)
			}
			cur = append(cur, f[0])
			curTags = append(curTags, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flushDoc(); err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no tokens")
	}
	return docs, nil
}

// noSpaceBefore are tokens written against the preceding token.
var noSpaceBefore = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "?": true, "!": true, "%": true,
	")": true, "]": true, "}": true, "'s": true, "'S": true, "n't": true, "N'T": true,
	"'re": true, "'ve": true, "'ll": true, "'d": true, "'m": true,
}

// noSpaceAfter are tokens written against the following token.
var noSpaceAfter = map[string]bool{"(": true, "[": true, "{": true, "$": true}

// buildDoc lays a document out as text, one sentence a line. Tokens are
// detokenized the way news copy is written ("Japan's", "(AFP)", "2-1."),
// or separated by single spaces when spaced is set.
func buildDoc(id string, sents, tags [][]string, spaced bool) doc {
	d := doc{ID: id}
	var b strings.Builder
	for si, s := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		from := len(d.Tokens)
		var open string // type of the entity being read
		for i, t := range s {
			if i > 0 && (spaced || (!noSpaceBefore[t] && !noSpaceAfter[s[i-1]])) {
				b.WriteByte(' ')
			}
			d.Start = append(d.Start, b.Len())
			b.WriteString(t)
			d.End = append(d.End, b.Len())
			d.Tokens = append(d.Tokens, t)
			k := len(d.Tokens) - 1
			tag := tags[si][i]
			switch {
			case tag == "O":
				open = ""
			case tag[:2] == "B-" || tag[2:] != open:
				d.Gold = append(d.Gold, span{From: k, To: k + 1, Type: tag[2:]})
				open = tag[2:]
			default:
				d.Gold[len(d.Gold)-1].To = k + 1
			}
		}
		d.Sents = append(d.Sents, [2]int{from, len(d.Tokens)})
	}
	d.Text = b.String()
	return d
}

// tokenIndex maps byte offsets to token indexes: starts and ends.
func (d *doc) tokenIndex() (byStart, byEnd map[int]int) {
	byStart = make(map[int]int, len(d.Tokens))
	byEnd = make(map[int]int, len(d.Tokens))
	for i := range d.Tokens {
		byStart[d.Start[i]] = i
		byEnd[d.End[i]] = i
	}
	return byStart, byEnd
}

// sentOf returns the index of the sentence holding token k.
func (d *doc) sentOf(k int) int {
	for i, s := range d.Sents {
		if k >= s[0] && k < s[1] {
			return i
		}
	}
	return -1
}

// text returns the document text of a token span.
func (d *doc) text(s span) string {
	return d.Text[d.Start[s.From]:d.End[s.To-1]]
}
