package extract

import (
	"github.com/kgraph/kg/extract/syntax"
	"github.com/kgraph/kg/schema"
)

// actNouns name an act or a document by the verb that does it: "the
// ruling" is what someone ruled, "the proposal" what someone proposed.
// Judging such a noun ("welcomed the ruling", "criticised the decision",
// "appealed the ruling") judges whoever did it.
var actNouns = map[string][]string{
	"rule": {"ruling", "verdict", "judgment", "judgement", "decision"}, "decide": {"decision"},
	"find": {"finding", "findings"}, "report": {"report"}, "propose": {"proposal", "plan"},
	"plan": {"plan"}, "announce": {"announcement", "decision", "move"}, "order": {"order"},
	"sanction": {"sanction", "sanctions"}, "ban": {"ban"}, "veto": {"veto"}, "offer": {"offer"},
	"demand": {"demand", "demands"}, "request": {"request"}, "warn": {"warning"},
	"threaten": {"threat"}, "accuse": {"accusation", "accusations", "allegation", "allegations", "charge", "charges"},
	"allege": {"allegation", "allegations"}, "claim": {"claim", "claims"}, "impose": {"sanctions", "ban", "tariffs", "measures", "restrictions"},
	"expel": {"expulsion", "expulsions"}, "suspend": {"suspension"}, "adopt": {"resolution", "decision", "measures"},
	"pass": {"law", "bill", "resolution"}, "approve": {"decision", "law", "bill", "plan", "deal"},
	"sign": {"deal", "agreement", "accord", "treaty", "pact"}, "conclude": {"deal", "agreement", "accord", "treaty"},
	"reach": {"deal", "agreement", "accord", "truce"}, "launch": {"offensive", "attack", "strikes", "operation", "launch"},
	"fire": {"launch", "launches", "test", "salvo"}, "test": {"test", "launch"},
	"attack": {"attack", "attacks"}, "strike": {"strike", "strikes"}, "recommend": {"recommendation", "recommendations"},
	"call": {"call"}, "arrest": {"arrest", "arrests"}, "award": {"award"}, "sentence": {"sentence"},
}

// actAuthors remembers who did the acts of sentence c, by the nouns that
// name them: "the panel ruled" makes the panel the author of "the ruling".
func (d *doc) actAuthors(c *clause) {
	g := c.g
	d.noteDeed(c)
	for p := range g.words {
		if g.words[p].POS != syntax.VERB {
			continue
		}
		nouns := actNouns[g.words[p].Lemma]
		if len(nouns) == 0 {
			continue
		}
		if md, _ := d.moodOf(c, p); md != moodAssert {
			continue
		}
		subjs := d.subjectsOf(c, p)
		if len(subjs) == 0 {
			continue
		}
		if d.acts == nil {
			d.acts = map[string][]int{}
		}
		for _, n := range nouns {
			d.acts[n] = subjs
		}
	}
}

// actAuthor returns who did the act noun w names, from the acts read so
// far, leaving out the entities in not.
func (d *doc) actAuthor(c *clause, w int, not []int) []int {
	g := c.g
	if g.words[w].POS != syntax.NOUN {
		return nil
	}
	if as := d.acts[g.words[w].Lemma]; len(as) > 0 {
		return without(append([]int(nil), as...), not, d)
	}
	// "the two ministers met ... China criticised the deal": a deal no
	// one was read to make is the last meeting's sides'
	if dealNouns[g.words[w].Lemma] && len(d.lastMeet) == 2 && referringBack(g, w) {
		return without(append([]int(nil), d.lastMeet...), not, d)
	}
	return d.deedAuthor(c, w, not)
}

// deedAuthor returns who did the act that noun w names by what it is to
// others ("Japan released the water. China called the decision ..."):
// the previous sentence's main act.
func (d *doc) deedAuthor(c *clause, w int, not []int) []int {
	g := c.g
	if !deedNouns[g.words[w].Lemma] || !referringBack(g, w) {
		return nil
	}
	if d.deed.sent != c.si-1 {
		return nil
	}
	return without(append([]int(nil), d.deed.subjs...), not, d)
}

// typeActs are the nouns that name an act of each type: a request turned
// down later is the requester's.
var typeActs = map[schema.RelationType][]string{
	schema.Requests:   {"request", "appeal", "call", "demand", "plea"},
	schema.Proposes:   {"proposal", "offer", "plan", "initiative", "invitation"},
	schema.Accuses:    {"accusation", "allegation", "charge", "claim"},
	schema.Sanctions:  {"sanctions", "ban", "measures", "restrictions", "penalty"},
	schema.Warns:      {"warning", "threat", "ultimatum"},
	schema.Criticizes: {"criticism", "condemnation"},
	schema.Agrees:     {"deal", "agreement", "accord", "pact", "treaty", "truce", "ceasefire"},
	schema.Fights:     {"attack", "attacks", "offensive", "strike", "strikes", "invasion", "assault"},
	schema.Meets:      {"talks", "meeting", "summit"},
}

// lastActNouns name whatever act was stated last: "criticised the move".
var lastActNouns = []string{"move", "step"}

// rememberAct notes subjs as the authors of the acts of type typ.
func (d *doc) rememberAct(typ schema.RelationType, subjs []int) {
	nouns := typeActs[typ]
	if len(subjs) == 0 {
		return
	}
	if d.acts == nil {
		d.acts = map[string][]int{}
	}
	for _, n := range nouns {
		d.acts[n] = subjs
	}
	for _, n := range lastActNouns {
		d.acts[n] = subjs
	}
}
