package eventlex

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/kgraph/kg/schema"
)

// Mapping is one relation a CAMEO code gives: its type and whether it runs
// from the event's target to its source ("X hosted Y": Y VISITS X).
type Mapping struct {
	Type    schema.RelationType
	Reverse bool
}

// Rewrite changes the type of a derived entry whose pattern fixes its object
// to one of Objects: rejecting an accusation is DENIES, not REJECTS. An
// empty To drops the entry.
type Rewrite struct {
	From, To schema.RelationType
	Objects  []string
	Note     string
}

// CAMEOTable maps CAMEO codes to kg relation types, with the default target
// slots of derived entries. It is read from cameo.tsv; see [ParseCAMEO].
// It is read-only once parsed and safe for concurrent use.
type CAMEOTable struct {
	maps  map[string][]Mapping // key -> mappings; an empty slice means none
	notes map[string]string
	keys  []string
	// Rewrites apply in order to derived entries with a fixed object.
	Rewrites []Rewrite
	// FreeSlot is the target slot of an entry whose pattern leaves the
	// object free ("accuse X"); FixedSlot of one whose pattern fixes it
	// ("impose sanctions ON X").
	FreeSlot, FixedSlot map[schema.RelationType]Slot
}

// Map returns the relations of a CAMEO code for a verb of a dictionary
// block, and the table key that decided it. A key qualified by block and
// lemma ("080@COMPROMISE/settle") wins over one qualified by block
// ("080@COMPROMISE"), which wins over a bare code; among keys of one kind
// the most specific code wins (0231, then 023, then 02). ok is false when
// no key covers the code; an empty result with ok true means the code
// gives no relation.
func (t *CAMEOTable) Map(code, block, lemma string) (ms []Mapping, key string, ok bool) {
	for _, q := range []string{"@" + block + "/" + lemma, "@" + block, ""} {
		for c := code; len(c) >= 2; c = c[:len(c)-1] {
			if ms, ok := t.maps[c+q]; ok {
				return ms, c + q, true
			}
		}
	}
	return nil, "", false
}

// Keys returns the table's keys in file order.
func (t *CAMEOTable) Keys() []string { return t.keys }

// Note returns the decision written for key.
func (t *CAMEOTable) Note(key string) string { return t.notes[key] }

// Mappings returns the relations of key exactly as the table gives them.
func (t *CAMEOTable) Mappings(key string) []Mapping { return t.maps[key] }

// Rewrite returns the type of a derived entry of type typ whose pattern
// fixes its object to one of objs; "" means the entry is dropped.
func (t *CAMEOTable) Rewrite(typ schema.RelationType, objs []string) schema.RelationType {
	for _, r := range t.Rewrites {
		if r.From != typ {
			continue
		}
		for _, o := range objs {
			for _, w := range r.Objects {
				if o == w {
					return r.To
				}
			}
		}
	}
	return typ
}

var (
	cameoOnce sync.Once
	cameoTab  *CAMEOTable
)

// DefaultCAMEO returns the embedded code table, parsed once. It panics only
// if the embedded file is invalid, which the package tests rule out.
func DefaultCAMEO() *CAMEOTable {
	cameoOnce.Do(func() {
		t, err := ParseCAMEO(bytes.NewReader(cameoTSV))
		if err != nil {
			panic("eventlex: embedded cameo.tsv: " + err.Error())
		}
		cameoTab = t
	})
	return cameoTab
}

// ParseCAMEO reads a code table. Lines are tab-separated, by kind:
//
//	map      KEY       MAPPINGS         decision
//	slot     TYPE      free|fixed SLOT  decision
//	rewrite  FROM TO   WORD|WORD        decision (TO "-" drops the entry)
//
// KEY is a CAMEO code of 2 to 4 digits, optionally qualified by a
// dictionary block (@BLOCK) and a verb (@BLOCK/lemma). MAPPINGS is "-" for
// no relation or comma-separated TYPE or TYPE:rev. Every line needs its
// decision. Errors name the line and the reason.
func ParseCAMEO(r io.Reader) (*CAMEOTable, error) {
	t := &CAMEOTable{
		maps: map[string][]Mapping{}, notes: map[string]string{},
		FreeSlot: map[schema.RelationType]Slot{}, FixedSlot: map[schema.RelationType]Slot{},
	}
	err := lines(r, func(n int, f []string) error {
		want := map[string]int{"map": 4, "slot": 5, "rewrite": 5}[f[0]]
		if want == 0 {
			return fmt.Errorf("kind %q: want map, slot or rewrite", f[0])
		}
		if len(f) != want {
			return fmt.Errorf("%s line has %d fields, want %d", f[0], len(f), want)
		}
		if strings.TrimSpace(f[len(f)-1]) == "" {
			return fmt.Errorf("%s line without a decision", f[0])
		}
		switch f[0] {
		case "map":
			if err := checkKey(f[1]); err != nil {
				return err
			}
			if _, dup := t.maps[f[1]]; dup {
				return fmt.Errorf("key %s given twice", f[1])
			}
			ms, err := parseMappings(f[2])
			if err != nil {
				return err
			}
			t.maps[f[1]] = ms
			t.notes[f[1]] = f[3]
			t.keys = append(t.keys, f[1])
		case "slot":
			typ, err := interaction(f[1])
			if err != nil {
				return err
			}
			s, err := ParseSlot(f[3])
			if err != nil {
				return fmt.Errorf("slot %q: %w", f[3], err)
			}
			var m map[schema.RelationType]Slot
			switch f[2] {
			case "free":
				m = t.FreeSlot
			case "fixed":
				m = t.FixedSlot
			default:
				return fmt.Errorf("slot kind %q: want free or fixed", f[2])
			}
			if _, dup := m[typ]; dup {
				return fmt.Errorf("%s slot of %s given twice", f[2], typ)
			}
			m[typ] = s
		case "rewrite":
			from, err := interaction(f[1])
			if err != nil {
				return err
			}
			var to schema.RelationType
			if f[2] != "-" {
				if to, err = interaction(f[2]); err != nil {
					return err
				}
			}
			objs, err := parseAlts(f[3])
			if err != nil {
				return fmt.Errorf("rewrite objects: %w", err)
			}
			t.Rewrites = append(t.Rewrites, Rewrite{From: from, To: to, Objects: objs, Note: f[4]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, s := range schema.Relations {
		if s.Structural {
			continue
		}
		if _, ok := t.FreeSlot[s.Type]; !ok {
			return nil, fmt.Errorf("no free slot for %s", s.Type)
		}
		if _, ok := t.FixedSlot[s.Type]; !ok {
			return nil, fmt.Errorf("no fixed slot for %s", s.Type)
		}
	}
	return t, nil
}

func interaction(s string) (schema.RelationType, error) {
	t := schema.RelationType(s)
	if spec, ok := t.Spec(); !ok || spec.Structural {
		return "", fmt.Errorf("type %q: not an interaction type of the ontology", s)
	}
	return t, nil
}

func checkKey(k string) error {
	code, qual, hasQual := strings.Cut(k, "@")
	if !validCode(code) {
		return fmt.Errorf("key %q: code %q is not 2 to 4 digits", k, code)
	}
	if !hasQual {
		return nil
	}
	block, lemma, hasLemma := strings.Cut(qual, "/")
	if block == "" || strings.ToUpper(block) != block || strings.ContainsAny(block, " \t") {
		return fmt.Errorf("key %q: block %q is not an upper-case block name", k, block)
	}
	if hasLemma {
		if err := checkWord(lemma); err != nil {
			return fmt.Errorf("key %q: %w", k, err)
		}
	}
	return nil
}

func parseMappings(s string) ([]Mapping, error) {
	ms := []Mapping{}
	if s == "-" {
		return ms, nil
	}
	for _, p := range strings.Split(s, ",") {
		name, dir, rev := strings.Cut(p, ":")
		if rev && dir != "rev" {
			return nil, fmt.Errorf("mapping %q: direction %q, want rev", p, dir)
		}
		t, err := interaction(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Mapping{Type: t, Reverse: rev})
	}
	return ms, nil
}

// ParseForms reads a forms file: form<TAB>lemma per line, lower case. A form
// given twice with different lemmas is an error.
func ParseForms(r io.Reader) (map[string]string, error) {
	m := map[string]string{}
	err := lines(r, func(n int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("%d fields, want 2 (form lemma)", len(f))
		}
		for _, w := range f {
			if err := checkWord(w); err != nil {
				return err
			}
		}
		if old, ok := m[f[0]]; ok {
			if old != f[1] {
				return fmt.Errorf("form %q has lemma %q and %q", f[0], old, f[1])
			}
			return fmt.Errorf("form %q given twice", f[0])
		}
		m[f[0]] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// WriteForms writes a forms map sorted by form.
func WriteForms(w io.Writer, header []string, forms map[string]string) error {
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	for _, h := range header {
		fmt.Fprintf(&b, "# %s\n", h)
	}
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%s\n", k, forms[k])
	}
	_, err := w.Write(b.Bytes())
	return err
}
