package extract

import (
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// frame is one reading of a predicate: the relation it states and where
// its object is.
type frame struct {
	typ schema.RelationType
	// obj and iobj say the direct or indirect object is the target;
	// preps are the prepositions whose objects are ("with", "on"), tried
	// after them.
	obj, iobj bool
	preps     []string
	// prt is a particle the verb must have ("down" in "turn down").
	prt string
	// noun is the direct object a light verb needs ("talks" in "hold
	// talks"): the noun carries the event.
	noun string
	// mutual frames relate coordinated subjects to each other when no
	// object is named ("A and B agreed").
	mutual bool
}

// frameLexicon holds the frames of verbs and event nouns by lemma.
type frameLexicon struct {
	verbs, nouns map[string][]frame
}

func (fx *frameLexicon) verb(lemma string) []frame { return fx.verbs[lemma] }
func (fx *frameLexicon) noun(lemma string) []frame { return fx.nouns[lemma] }

// mood is what the context of a predicate does to its event.
type mood uint8

const (
	moodAssert  mood = iota // the event is stated
	moodDrop                // negated, conditional, asked, hoped for, cancelled, denied
	moodRejects             // refused: "refused to meet X" rejects X
	moodWarns               // threatened: "threatened to attack X" warns X
)

// clause is what grammarRelations knows of one sentence while it reads it.
type clause struct {
	si  int
	s   sentence
	g   *grammar
	ask bool // the sentence is a question
}

// grammarRelations reads the relations of sentence si from its parse.
func (d *doc) grammarRelations(c *clause) {
	g := c.g
	d.recordTopic(c)
	for p := range g.words {
		w := g.words[p]
		var frames []frame
		switch w.POS {
		case syntax.VERB:
			frames = d.fx.verb(w.Lemma)
		case syntax.NOUN:
			frames = d.fx.noun(w.Lemma)
		default:
			continue
		}
		for _, f := range frames {
			if !d.frameFits(g, p, f) {
				continue
			}
			d.applyFrame(c, p, f)
		}
		if w.POS == syntax.VERB && reportVerbs[w.Lemma] {
			d.reportedDemand(c, p)
		}
	}
}

// frameFits checks what a frame needs besides its predicate: a particle,
// a light verb's noun.
func (d *doc) frameFits(g *grammar, p int, f frame) bool {
	if f.prt != "" && !g.hasDepLemma(p, syntax.Compound, f.prt) {
		return false
	}
	if f.noun != "" {
		o := g.depBase(p, syntax.Obj)
		if o < 0 || g.words[o].Lemma != f.noun {
			return false
		}
	}
	return true
}

// applyFrame adds the relations that frame f of predicate p states.
func (d *doc) applyFrame(c *clause, p int, f frame) {
	g := c.g
	md, tense := d.moodOf(c, p)
	if md == moodDrop {
		return
	}
	typ := f.typ
	switch md {
	case moodRejects:
		typ = schema.Rejects
	case moodWarns:
		typ = schema.Warns
	}
	subjs := d.subjectsOf(c, p)
	if len(subjs) == 0 {
		// "talks between Japan and France": the parties relate to each
		// other.
		if f.mutual && md == moodAssert {
			d.pairwise(c, typ, d.prepObjects(c, p, []string{"between"}), tense)
		}
		return
	}
	objs := d.objectsOf(c, p, f)
	if typ == schema.Rejects || typ == schema.Denies {
		typ, objs = d.rejectOrDeny(c, p, typ, objs, subjs)
	}
	objs = without(objs, subjs, d)
	conf := 0.7
	if g.words[p].POS == syntax.NOUN {
		conf = 0.65
	}
	if len(objs) == 0 {
		if (f.mutual || typ.Symmetric()) && md == moodAssert {
			d.pairwise(c, typ, subjs, tense)
		}
		return
	}
	for _, sj := range subjs {
		for _, oj := range objs {
			d.addRel(rel{typ: typ, subj: sj, obj: oj, sent: c.si, tense: tense, confidence: conf})
		}
	}
}

// without drops from objs the subjects and what they speak for.
func without(objs, subjs []int, d *doc) []int {
	out := objs[:0]
next:
	for _, o := range objs {
		for _, s := range subjs {
			if o == s || d.belongsTo(s, o) {
				continue next
			}
		}
		out = append(out, o)
	}
	return out
}

// recordTopic notes the subject of the sentence's main clause: what a
// pronoun in the next sentence most likely refers to.
func (d *doc) recordTopic(c *clause) {
	for len(d.topics) <= c.si {
		d.topics = append(d.topics, nil)
	}
	g := c.g
	for w := range g.words {
		if g.words[w].Head >= 0 {
			continue
		}
		if k := g.depBase(w, syntax.NSubj); k >= 0 && g.words[k].POS != syntax.PRON {
			d.topics[c.si] = d.argEntities(c, k)
		} else if k >= 0 && c.si > 0 && c.si-1 < len(d.topics) {
			// "He said ...": the topic carries on
			d.topics[c.si] = d.topics[c.si-1]
		}
	}
}

// pairwise relates each of the parties to each other: "Japan and France
// agreed" (both ways), "talks between Japan and France".
func (d *doc) pairwise(c *clause, typ schema.RelationType, parties []int, tense string) {
	if len(parties) < 2 {
		return
	}
	for a := range parties {
		for b := range parties {
			if a != b && (!typ.Symmetric() || a < b) {
				d.addRel(rel{typ: typ, subj: parties[a], obj: parties[b], sent: c.si, tense: tense, confidence: 0.6})
			}
		}
	}
}
