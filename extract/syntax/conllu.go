package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is a sentence of a treebank: the syntactic words with their
// gold analysis. Head is -1 for the root.
type Sentence struct {
	ID    string // the sent_id comment, if any
	Form  []string
	Lemma []string
	POS   []POS
	Head  []int
	Rel   []Rel
}

// ReadCoNLLU reads the sentences of a CoNLL-U file. Multiword-token lines
// and empty nodes are skipped: the sentence is its syntactic words. name
// is used in error messages.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	flush := func() error {
		if len(cur.Form) == 0 {
			cur = Sentence{}
			return nil
		}
		for i, h := range cur.Head {
			if h < -1 || h >= len(cur.Form) {
				return fmt.Errorf("%s: sentence ending at line %d: word %d has head %d out of range", name, line, i+1, h+1)
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if t[0] == '#' {
			if v, ok := strings.CutPrefix(t, "# sent_id = "); ok {
				cur.ID = v
			}
			continue
		}
		col := strings.Split(t, "\t")
		if len(col) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", name, line, len(col))
		}
		if strings.ContainsAny(col[0], "-.") {
			continue
		}
		id, err := strconv.Atoi(col[0])
		if err != nil || id != len(cur.Form)+1 {
			return nil, fmt.Errorf("%s:%d: word id %q, want %d", name, line, col[0], len(cur.Form)+1)
		}
		pos, ok := ParsePOS(col[3])
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown UPOS %q", name, line, col[3])
		}
		head, err := strconv.Atoi(col[6])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: head %q: not a number", name, line, col[6])
		}
		rel, ok := ParseRel(col[7])
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown relation %q", name, line, col[7])
		}
		if head == 0 {
			rel = Root
		}
		cur.Form = append(cur.Form, col[1])
		cur.Lemma = append(cur.Lemma, col[2])
		cur.POS = append(cur.POS, pos)
		cur.Head = append(cur.Head, head-1)
		cur.Rel = append(cur.Rel, rel)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}
