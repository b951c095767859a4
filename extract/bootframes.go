package extract

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

// defaultFrames builds the frames of the cue lexicon.
func defaultFrames() *frameLexicon {
	fx := &frameLexicon{verbs: map[string][]frame{}, nouns: map[string][]frame{}}
	preps := map[schema.RelationType][]string{
		schema.Meets: {"with"}, schema.Visits: {"to"}, schema.Proposes: {"to"}, schema.Requests: {"on", "upon", "to"},
		schema.Agrees: {"with"}, schema.Warns: {"against"}, schema.Supports: {"to"}, schema.Sanctions: {"on", "against"},
		schema.Fights: {"on", "against"}, schema.Criticizes: {"against"},
	}
	for _, s := range cueSpec {
		for _, l := range strings.Split(s.verbs, "|") {
			if l == "" {
				continue
			}
			base := strings.SplitN(l, "/", 2)[0]
			fx.verbs[base] = append(fx.verbs[base], frame{typ: s.typ, obj: true, preps: preps[s.typ], mutual: s.mutual})
		}
	}
	nouns := []struct {
		typ   schema.RelationType
		words string
		preps string
	}{
		{schema.Meets, "talk|meeting|summit|negotiation|consultation|call", "with|between"},
		{schema.Visits, "visit|trip", "to"},
		{schema.Sanctions, "sanction|ban|embargo|suspension|expulsion|blacklisting", "on|against|of"},
		{schema.Fights, "attack|strike|airstrike|offensive|raid|assault|shelling|bombardment", "on|against"},
		{schema.Fights, "invasion", "of"},
		{schema.Accuses, "accusation|allegation", "against"},
		{schema.Criticizes, "criticism|condemnation", "of"},
		{schema.Supports, "support|aid|assistance", "for|to"},
		{schema.Proposes, "proposal|offer", "to"},
		{schema.Requests, "appeal|request|demand", "to|on"},
		{schema.Agrees, "agreement|deal|accord|truce", "with|between"},
		{schema.Warns, "threat|warning", "to|against"},
	}
	for _, n := range nouns {
		for _, w := range strings.Split(n.words, "|") {
			fx.nouns[w] = append(fx.nouns[w], frame{typ: n.typ, preps: strings.Split(n.preps, "|"), mutual: n.typ == schema.Meets || n.typ == schema.Agrees})
		}
	}
	return fx
}
