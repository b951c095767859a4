package eventlex

import (
	"fmt"
	"io"
	"strings"
)

// Effect is what a modality cue does to the event it governs.
type Effect uint8

// The effects of modality cues.
const (
	// Future: the event is asserted, as planned or expected (tense future).
	Future Effect = iota + 1
	// Unasserted: the event is not asserted (tried, hoped, sought, may):
	// no relation from it.
	Unasserted
	// Negated: the event is said not to have happened, or is denied: no
	// relation from it, and a candidate for the gold file's absent list.
	Negated
	// Cancelled: the event was called off or put off: no relation from it.
	Cancelled
	// Asserted: the event happened (managed to, went on to): the cue changes
	// nothing but does not block it either.
	Asserted
	// Rejects: the event is not asserted; the cue's subject REJECTS the
	// event's addressee or whoever proposed it ("refused to meet X").
	Rejects
	// Warns: the event is not asserted; the cue's subject WARNS the event's
	// target ("threatened to strike X").
	Warns
	// Proposes: the event is not asserted; the cue's subject PROPOSES it to
	// the event's target ("offered to host X").
	Proposes
)

var effectNames = [...]string{"", "future", "unasserted", "negated", "cancelled", "asserted", "rejects", "warns", "proposes"}

// String returns the name of e as written in modality.tsv.
func (e Effect) String() string {
	if e > 0 && int(e) < len(effectNames) {
		return effectNames[e]
	}
	return fmt.Sprintf("Effect(%d)", e)
}

// Complement is how a modality cue takes the event it governs.
type Complement uint8

// The complements of modality cues.
const (
	// ToInf: a to-infinitive ("refused to meet"; xcomp).
	ToInf Complement = iota + 1
	// Gerund: an -ing clause ("denied meeting"; xcomp or ccomp with VBG).
	Gerund
	// That: a finite clause ("denied that it met"; ccomp).
	That
	// Object: an event noun as direct object ("cancelled the talks").
	Object
	// Bare: a bare infinitive after a modal ("will meet"; aux).
	Bare
)

var complementNames = [...]string{"", "to", "ing", "that", "obj", "bare"}

// String returns the name of c as written in modality.tsv.
func (c Complement) String() string {
	if c > 0 && int(c) < len(complementNames) {
		return complementNames[c]
	}
	return fmt.Sprintf("Complement(%d)", c)
}

// Modality is a cue verb, adjective or modal that changes the status of the
// event it governs.
type Modality struct {
	// Lemma is the cue's lemma ("refuse", "ready", "will").
	Lemma string
	// Pos is V (verb), A (adjective after be: "ready to"), or M (modal
	// auxiliary).
	Pos string
	// Particle is the particle the cue needs ("call off"), or "".
	Particle string
	// Complement is how the cue takes the event.
	Complement Complement
	// Effect is what the cue does to the event.
	Effect Effect
	// Note explains the entry.
	Note string
}

// ParseModality reads a modality file: lemma, pos (V, A, M), particle or -,
// complement (to, ing, that, obj, bare), effect, note; tab-separated, #
// comments. A lemma may have one line per particle and complement.
func ParseModality(r io.Reader) ([]Modality, error) {
	var out []Modality
	seen := map[string]int{}
	err := lines(r, func(n int, f []string) error {
		if len(f) != 6 {
			return fmt.Errorf("%d fields, want 6 (lemma pos particle complement effect note)", len(f))
		}
		if err := checkWord(f[0]); err != nil {
			return fmt.Errorf("lemma: %w", err)
		}
		m := Modality{Lemma: f[0], Pos: f[1], Note: f[5]}
		switch f[1] {
		case "V", "A", "M":
		default:
			return fmt.Errorf("pos %q: want V, A or M", f[1])
		}
		if f[2] != "-" {
			if err := checkWord(f[2]); err != nil {
				return fmt.Errorf("particle: %w", err)
			}
			m.Particle = f[2]
		}
		for i, name := range complementNames {
			if i > 0 && name == f[3] {
				m.Complement = Complement(i)
			}
		}
		if m.Complement == 0 {
			return fmt.Errorf("complement %q: want %s", f[3], strings.Join(complementNames[1:], ", "))
		}
		for i, name := range effectNames {
			if i > 0 && name == f[4] {
				m.Effect = Effect(i)
			}
		}
		if m.Effect == 0 {
			return fmt.Errorf("effect %q: want %s", f[4], strings.Join(effectNames[1:], ", "))
		}
		if strings.TrimSpace(f[5]) == "" {
			return fmt.Errorf("no note")
		}
		key := f[0] + "\t" + f[2] + "\t" + f[3]
		if m, dup := seen[key]; dup {
			return fmt.Errorf("%s %s %s given twice (line %d)", f[0], f[2], f[3], m)
		}
		seen[key] = n
		out = append(out, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
