package eventlex

// Word is a dependent in a Frame: its lemma (lower case), the lemmas of its
// modifiers (compound, amod, nummod), its possessor and its prepositional
// dependents.
type Word struct {
	Lemma string
	Mods  []string
	Poss  *Word
	Preps []Prep
	// Ref is free for the caller (a token index, a mention); Match does not
	// read it.
	Ref int
}

// Prep is a prepositional dependent: its case word (lower case, "with",
// "on") and its head.
type Prep struct {
	Case string
	Word Word
}

// Frame is the dependency neighbourhood of one verb or event noun: what a
// matcher knows of it.
type Frame struct {
	// Lemma is the verb or noun lemma; Match does not check it (the caller
	// looked the entries up by it).
	Lemma string
	// Particle is the verb's particle (compound:prt), or "".
	Particle string
	// Subject, Object and IObj are the nsubj, obj and iobj dependents.
	Subject, Object, IObj *Word
	// Preps are the prepositional dependents (obl, nmod with a case word).
	Preps []Prep
}

// Target is a word a matched entry takes as its target, and the slot
// argument that gave it.
type Target struct {
	Arg  Arg
	Word *Word
}

// Match applies e's pattern to f. It reports whether the pattern holds and
// returns the candidate targets in the order of e's Slot (a caller keeps
// the first that is an actor). A pattern that names no particle fails on a
// verb with one, unless the particle is "up" or "back" and no entry of the
// verb in its lexicon (synonym entries aside) names a particle, or the
// particle is a slot's preposition: a prep: slot whose
// case word the parser attached as the verb's particle ("call on X",
// parsed as compound:prt) is filled by the direct object. A required
// prepositional dependent is looked for on the verb and on its object; so
// is a prep: slot, on the object only when the pattern fixes the object
// ("sanctions ON X").
func (e *Entry) Match(f *Frame) ([]Target, bool) {
	p := &e.Pattern
	prtIsSlotPrep := false
	switch {
	case len(p.Particle) > 0:
		if !inSet(f.Particle, p.Particle) {
			return nil, false
		}
	case f.Particle != "":
		for _, a := range e.Slot {
			if a.Kind == ArgPrep && a.Case == f.Particle {
				prtIsSlotPrep = true
			}
		}
		if !prtIsSlotPrep && !(e.looseParticle && looseParticles[f.Particle]) {
			return nil, false
		}
	}
	if p.Object != nil && !p.Object.match(f.Object) {
		return nil, false
	}
	if p.Subject != nil && !p.Subject.match(f.Subject) {
		return nil, false
	}
	// used marks prepositional dependents that a required PP consumed, so
	// that "put X (ON TRIAL)" does not take "trial" as a target of prep:on.
	used := map[*Word]bool{}
	for _, pp := range p.Preps {
		w := findPrep(f, pp, used)
		if w == nil {
			return nil, false
		}
		if pp.Head != nil {
			used[w] = true
		}
	}
	var out []Target
	add := func(a Arg, w *Word) {
		if w != nil && !used[w] {
			used[w] = true
			out = append(out, Target{Arg: a, Word: w})
		}
	}
	for _, a := range e.Slot {
		switch a.Kind {
		case ArgObject:
			if p.Object == nil && !prtIsSlotPrep {
				add(a, f.Object)
			}
		case ArgIndirect:
			add(a, f.IObj)
		case ArgPossessor:
			if f.Object != nil {
				add(a, f.Object.Poss)
			}
		case ArgPrep:
			if prtIsSlotPrep && a.Case == f.Particle {
				add(a, f.Object)
				continue
			}
			for i := range f.Preps {
				if f.Preps[i].Case == a.Case {
					add(a, &f.Preps[i].Word)
				}
			}
			if p.Object != nil && f.Object != nil {
				for i := range f.Object.Preps {
					if f.Object.Preps[i].Case == a.Case {
						add(a, &f.Object.Preps[i].Word)
					}
				}
			}
		}
	}
	return out, true
}

// looseParticles are the particles that leave a verb's reading as it is
// when the verb has no phrasal reading of its own: "beat up", "hit back",
// "kidnapped up to 16". Others often turn it round ("strike down a law",
// "stand down", "sign off", "speak out").
var looseParticles = map[string]bool{"up": true, "back": true}

func findPrep(f *Frame, pp PP, used map[*Word]bool) *Word {
	try := func(ps []Prep) *Word {
		for i := range ps {
			w := &ps[i].Word
			if used[w] || !inSet(ps[i].Case, pp.Case) {
				continue
			}
			if pp.Head == nil || pp.Head.match(w) {
				return w
			}
		}
		return nil
	}
	if w := try(f.Preps); w != nil {
		return w
	}
	if f.Object != nil {
		return try(f.Object.Preps)
	}
	return nil
}

func (np *NP) match(w *Word) bool {
	if w == nil {
		return false
	}
	if !inSet(w.Lemma, np.Heads) {
		return false
	}
	for _, alts := range np.Mods {
		ok := false
		for _, m := range w.Mods {
			if inSet(m, alts) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func inSet(s string, set []string) bool {
	for _, x := range set {
		if x == s || x == "*" {
			return true
		}
	}
	return false
}
