package extract

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

// cue is one trigger of a relation: a verb in its forms, or a multi-word
// phrase ("call on", "held talks").
type cue struct {
	words []string
	typ   schema.RelationType
	// noun cues ("talks with", "sanctions against") take their object
	// after a preposition and their subject before.
	noun bool
	// mutual cues with a coordinated subject and no object relate the
	// subjects to each other ("A and B agreed", "the sides held talks").
	mutual bool
	// nounLike forms are also common nouns ("a ban", "sanctions",
	// "an attack"): they count as verbs only after a subject or an
	// auxiliary.
	nounLike bool
}

// nounVerbs are lemmas whose base and -s forms are common nouns.
var nounVerbs = map[string]bool{
	"ban": true, "fine": true, "attack": true, "strike": true, "support": true, "offer": true,
	"sanction": true, "demand": true, "request": true, "appeal": true, "visit": true, "protest": true,
	"charge": true, "aid": true, "arm": true, "back": true, "block": true, "veto": true, "host": true,
	"press": true, "raid": true, "assault": true, "clash": true, "shell": true, "bomb": true,
	"suspend": false, "welcome": true, "praise": true, "threaten": false, "warn": false, "blame": true,
	"call": true, "accept": false, "sign": true, "consult": false, "meet": false, "receive": false,
	"invite": false, "suggest": false, "propose": false, "ram": true, "expel": false, "designate": false,
	"recall": true, "order": true, "address": true, "stand": true, "present": true, "table": true, "arrive": false, "thank": true, "endorse": false, "hail": true, "commend": false,
}

// cueSpec lists relation cues: each line is TYPE then "|"-separated verb
// lemmas or fixed phrases. A lemma written "base/past/participle" gives
// its irregular forms; regular forms are generated.
var cueSpec = []struct {
	typ    schema.RelationType
	verbs  string
	fixed  string
	mutual bool
}{
	{schema.Meets, "meet/met/met|host|consult|negotiate|confer|address|tell/told/told|receive|attend", "held talks|hold talks|holds talks|holding talks|talks with|met with|meet with|meets with|meeting with|spoke by phone|spoke by telephone|spoken by telephone with|spoken by phone with|spoken with|spoken to|brokered by|mediated by|phone call with|telephone call with|telephone conversation with|discussed it by telephone|spoke with|speak with|spoke to|speak to|speaks to|talked to|talked with|consultations with|negotiations with|talks between|summit with|hold consultations|held consultations|held several rounds of consultations|have already held", true},
	{schema.Visits, "visit|arrive", "travel to|travels to|traveled to|travelled to|traveling to|travelling to|trip to|visit to|arrived in|arrive in|arrives in|embark on a visit to|embarked on a visit to|flew to|fly to|flies to|went to|headed to|heading to", false},
	{schema.Proposes, "propose|offer|suggest|invite", "ready to|willing to|prepared to|put forward|puts forward|putting forward|proposal to|offered to|submitted a draft to|handed over|hand over|presented a plan to|proposed to|invitation to|invited", false},
	{schema.Requests, "urge|ask|demand|request|appeal|petition|press|order|instruct", "call on|calls on|called on|calling on|call upon|called upon|appealed to|appeal to|asked|urged|demanded|pressed|pressing", false},
	{schema.Agrees, "agree|sign|accept|approve", "reached a deal|reach a deal|reached an agreement|struck a deal|signed a deal|signed an agreement|will comply|dropped objections|drop objections|dropped his objection|dropped her objection|dropped its objection|restored diplomatic ties|restore diplomatic ties|restored ties|restore ties|restore full diplomatic relations|restored full diplomatic relations|restored diplomatic relations|restore diplomatic relations|normalise relations|normalize relations|normalised relations|normalized relations", true},
	{schema.Rejects, "reject|refuse|rebuff|veto|block|appeal|resist|dismiss", "turned down|turn down|turns down|vetoed|blocked", false},
	{schema.Denies, "deny/denied/denied", "dismissed the|dismissed as|castigated|rejected the charge|rejected the accusation|rejected the accusations|rejected the allegations|rejected the claims|rejected claims|rejected accusations|rejected allegations|called the accusations|called the claims|brushed off", false},
	{schema.Accuses, "accuse|allege|blame|charge|sue|indict", "accusations against|accused|allegations about|allegations against|spreading allegations|spread allegations|accusing", false},
	{schema.Criticizes, "criticize|criticise|condemn|denounce|slam|decry|deplore|protest|rebuke|censure|lambast|chastise|summon", "expressed concern about|expressed concern over|lodged a protest|called the incursion|strike against|strike over", false},
	{schema.Warns, "warn|threaten|caution", "", false},
	{schema.Supports, "support|back|endorse|praise|welcome|thank|aid|arm|commend|hail|applaud|reassure|stand/stood/stood", "stood shoulder to shoulder|stands with|stand with|stood by|expressed support for|supply weapons to|supplied weapons to|sent aid to|provide aid to|transfer to|will transfer|stood \"shoulder to shoulder\"", false},
	{schema.Sanctions, "sanction|expel|fine|ban|blacklist|suspend|designate|recall", "imposed sanctions on|impose sanctions on|imposed sanctions against|sanctions against|sanctions on|cut ties with|cut diplomatic ties|severed ties|added to the entity list|added to its entity list|imposed tariffs on|export controls on|banned|fined|expelled|blacklisted|suspended", false},
	{schema.PartOf, "", "controlled by|is controlled by|a subsidiary of|a unit of|an arm of|a division of|a branch of", false},
	{schema.Proposes, "publish|present|submit/submitted/submitted|unveil|table|circulate", "submitting", false},
	{schema.Fights, "", "exchanged fire|exchange fire|traded fire|clashed", true},
	{schema.MemberOf, "", "a member of|member of|members of|member states of|member state of|a member state of", false},
	{schema.Fights, "attack|invade|shell|bomb|strike/struck/struck|clash|raid|assault|ram", "armed confrontation with|launched strikes on|launched an attack on|carried out strikes|water cannon|fired on|opened fire on|war with|war against|fighting between|war between|clashes between|clashes with|attack on|attacks on|strike on|strikes on|offensive against|invasion of|full-scale invasion of|invaded|airstrikes on|air strikes on|drone attack on|missile attack on", false},
}

// verbForms returns the inflected forms of a regular lemma.
func verbForms(lemma string) []string {
	if i := strings.IndexByte(lemma, '/'); i >= 0 {
		parts := strings.Split(lemma, "/")
		base := parts[0]
		out := []string{base, thirdPerson(base), ing(base)}
		out = append(out, parts[1:]...)
		return out
	}
	return []string{lemma, thirdPerson(lemma), past(lemma), ing(lemma)}
}

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && !strings.HasSuffix(v, "ay") && !strings.HasSuffix(v, "ey"):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

func past(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && !strings.HasSuffix(v, "ay") && !strings.HasSuffix(v, "ey"):
		return v[:len(v)-1] + "ied"
	case v == "ban" || v == "slam" || v == "ram":
		return v + v[len(v)-1:] + "ed"
	}
	return v + "ed"
}

func ing(v string) string {
	switch {
	case v == "ban" || v == "slam" || v == "ram":
		return v + v[len(v)-1:] + "ing"
	case strings.HasSuffix(v, "ee"):
		return v + "ing"
	case strings.HasSuffix(v, "e"):
		return v[:len(v)-1] + "ing"
	}
	return v + "ing"
}

// cueIndex maps a first word to the cues starting with it, longest first.
type cueIndex map[string][]cue

func buildCues() cueIndex {
	idx := cueIndex{}
	add := func(c cue) {
		idx[c.words[0]] = append(idx[c.words[0]], c)
	}
	for _, s := range cueSpec {
		for _, l := range strings.Split(s.verbs, "|") {
			if l == "" {
				continue
			}
			base := strings.SplitN(l, "/", 2)[0]
			for _, f := range verbForms(l) {
				nl := nounVerbs[base] && (f == base || f == thirdPerson(base))
				add(cue{words: []string{f}, typ: s.typ, mutual: s.mutual, nounLike: nl})
			}
		}
		for _, f := range strings.Split(s.fixed, "|") {
			if f == "" {
				continue
			}
			w := strings.Fields(strings.ToLower(f))
			noun := false
			switch w[0] {
			case "talks", "proposal", "phone", "telephone", "consultations", "negotiations", "summit",
				"accusations", "allegations", "sanctions", "export", "war", "fighting", "clashes",
				"attack", "attacks", "strike", "strikes", "offensive", "trip", "visit", "invitation":
				noun = true
			}
			add(cue{words: w, typ: s.typ, noun: noun, mutual: s.mutual})
		}
	}
	for k, cs := range idx {
		// longest first, then by type for determinism
		for i := 1; i < len(cs); i++ {
			for j := i; j > 0 && (len(cs[j].words) > len(cs[j-1].words) || len(cs[j].words) == len(cs[j-1].words) && cs[j].typ < cs[j-1].typ); j-- {
				cs[j], cs[j-1] = cs[j-1], cs[j]
			}
		}
		idx[k] = cs
	}
	return idx
}

// match returns the longest cue starting at toks[i].
func (ci cueIndex) match(toks []token, i, end int) (cue, bool) {
	for _, c := range ci[toks[i].lower] {
		if i+len(c.words) > end {
			continue
		}
		ok := true
		for k := 1; k < len(c.words); k++ {
			if toks[i+k].lower != c.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return c, true
		}
	}
	return cue{}, false
}
