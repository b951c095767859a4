package extract_test

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

// TestRules checks the extractor's rules on made-up sentences: each case
// lists relations that must be found and relations that must not.
func TestRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "Subject TYPE Object"
		not  []string
	}{
		{
			name: "title and country owner",
			text: "Brazilian Foreign Minister Ana Costa met Argentine President Luis Pereyra in Geneva on Monday.",
			want: []string{"Ana Costa HOLDS_ROLE Brazil", "Luis Pereyra HOLDS_ROLE Argentina", "Ana Costa MEETS Luis Pereyra"},
		},
		{
			name: "apposition role",
			text: "Maria Lopez, a spokeswoman for the Chilean Foreign Ministry, said Chile would send aid.",
			want: []string{"Maria Lopez HOLDS_ROLE Chilean Foreign Ministry", "Chilean Foreign Ministry PART_OF Chile"},
		},
		{
			name: "negation gives nothing",
			text: "Norway did not threaten Sweden. Denmark ruled out talks with Finland.",
			not:  []string{"Norway WARNS Sweden", "Denmark MEETS Finland"},
		},
		{
			name: "passive voice",
			text: "The decision by Kenya was condemned by Uganda on Tuesday.",
			want: []string{"Uganda CRITICIZES Kenya"},
		},
		{
			name: "coordinated subjects and objects",
			text: "France and Germany urged Iran and Iraq to show restraint.",
			want: []string{"France REQUESTS Iran", "Germany REQUESTS Iran", "France REQUESTS Iraq", "Germany REQUESTS Iraq"},
		},
		{
			name: "capital as actor, capital as place",
			text: "Tokyo accused Beijing of espionage. Talks will be held in Paris.",
			want: []string{"Japan ACCUSES China"},
			not:  []string{"Japan MEETS France"},
		},
		{
			name: "denial answers the accusation",
			text: "Poland accused Belarus of pushing migrants across the border. Minsk denied the accusation.",
			want: []string{"Poland ACCUSES Belarus", "Belarus DENIES Poland"},
		},
		{
			name: "reported claims are not facts",
			text: "Ghana accused Togo of arming the rebels.",
			want: []string{"Ghana ACCUSES Togo"},
			not:  []string{"Togo SUPPORTS *"},
		},
		{
			name: "mutual agreement",
			text: "Peru and Chile agreed on Friday to restore diplomatic ties.",
			want: []string{"Peru AGREES Chile", "Chile AGREES Peru"},
		},
		{
			name: "possessive organization",
			text: "Canada's Defence Ministry warned Russia against further incursions.",
			want: []string{"Canada's Defence Ministry WARNS Russia", "Canada's Defence Ministry PART_OF Canada"},
		},
		{
			name: "pronoun subject",
			text: "Prime Minister Kofi Mensah arrived in Lagos. He urged Nigeria to reopen the border.",
			want: []string{"Kofi Mensah REQUESTS Nigeria"},
		},
		{
			name: "description refers to the titled person",
			text: "Foreign Minister Anna Berg arrived in Oslo. The minister urged Russia to withdraw its troops.",
			want: []string{"Anna Berg REQUESTS Russia"},
		},
		{
			name: "attack on a city is on its state",
			text: "Russian forces shelled Kharkiv overnight.",
			want: []string{"Russia FIGHTS Ukraine"},
		},
		{
			name: "owner acts when no name follows the title",
			text: "The Czech president praised Poland for its support.",
			want: []string{"Czech Republic SUPPORTS Poland"},
		},
		{
			name: "membership from appositions",
			text: "Greece, a NATO member, protested. Croatia, which joined the European Union in 2013, agreed.",
			want: []string{"Greece MEMBER_OF NATO", "Croatia MEMBER_OF European Union"},
		},
		{
			name: "readiness to host is an offer to the parties",
			text: "Oman said it was ready to host talks between Iran and Saudi Arabia.",
			want: []string{"Oman PROPOSES Iran", "Oman PROPOSES Saudi Arabia"},
		},
		{
			name: "publisher is not an entity",
			text: "OSLO, March 3 (Reuters) - Norway sanctioned Iran, a ministry official told Reuters.",
			want: []string{"Norway SANCTIONS Iran"},
			not:  []string{"* * Reuters"},
		},
	}
	x := newExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := extractOf(t, x, schema.Article{Ref: tt.name, Text: tt.text, Published: "2025-03-03", Source: sourceOf(tt.text)})
			got := relationStrings(ex)
			for _, w := range tt.want {
				if !matchAny(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			for _, n := range tt.not {
				if matchAny(got, n) {
					t.Errorf("unexpected %q in %q", n, got)
				}
			}
		})
	}
}

func sourceOf(text string) string {
	if strings.Contains(text, "(Reuters)") {
		return "Reuters"
	}
	return ""
}

func relationStrings(ex schema.Extraction) []string {
	names := map[string]string{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
	}
	var out []string
	for _, r := range ex.Relations {
		out = append(out, names[r.Subject]+" "+string(r.Type)+" "+names[r.Object])
	}
	sort.Strings(out)
	return out
}

// matchAny reports whether a relation string matches pattern, where "*"
// stands for any subject, type or object.
func matchAny(got []string, pattern string) bool {
	pf := strings.Fields(pattern)
	for _, g := range got {
		parts := splitRelation(g)
		if len(parts) != 3 {
			continue
		}
		ok := true
		pp := splitRelation(pattern)
		if len(pp) != 3 {
			pp = pf
		}
		for i := range parts {
			if pp[i] != "*" && pp[i] != parts[i] {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// splitRelation splits "Subject Name TYPE Object Name" around the type.
func splitRelation(s string) []string {
	f := strings.Fields(s)
	for i, w := range f {
		if w != "*" && schema.RelationType(w).Valid() || w == "*" && i > 0 && i < len(f)-1 {
			return []string{strings.Join(f[:i], " "), w, strings.Join(f[i+1:], " ")}
		}
	}
	return nil
}

func TestVerbForms(t *testing.T) {
	tests := map[string]string{"shell": "shell shells shelled shelling", "ban": "ban bans banned banning", "veto": "veto vetoes vetoed vetoing", "deny/denied/denied": "deny denies denying denied denied"}
	for lemma, want := range tests {
		if got := strings.Join(extract.VerbFormsForTest(lemma), " "); got != want {
			t.Errorf("verbForms(%q) = %q, want %q", lemma, got, want)
		}
	}
}

// TestSeed checks what the seed article must yield: its main actors typed,
// and the meeting, proposal, denial and role it states.
func TestSeed(t *testing.T) {
	text, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	ex := extractOf(t, newExtractor(t), schema.Article{Ref: "seed", Text: string(text)})
	types := map[string]schema.EntityType{}
	for _, e := range ex.Entities {
		types[e.Name] = e.Type
	}
	for name, typ := range map[string]schema.EntityType{
		"Lloyd Austin": schema.Person, "Dmitry Peskov": schema.Person, "NATO": schema.Organization,
		"Russia": schema.Country, "United States": schema.Country, "Ukraine": schema.Country,
	} {
		if types[name] != typ {
			t.Errorf("entity %q has type %q, want %q", name, types[name], typ)
		}
	}
	got := relationStrings(ex)
	for _, w := range []string{"Lloyd Austin MEETS NATO", "Dmitry Peskov DENIES Ukraine", "Dmitry Peskov HOLDS_ROLE Kremlin"} {
		if !matchAny(got, w) {
			t.Errorf("missing %q in %q", w, got)
		}
	}
	if !matchAny(got, "Russia PROPOSES United States") && !matchAny(got, "Russian Foreign Ministry PROPOSES United States") &&
		!matchAny(got, "Russia PROPOSES NATO") && !matchAny(got, "Russian Foreign Ministry PROPOSES NATO") {
		t.Errorf("no proposal by Russia or its Foreign Ministry to the United States or NATO in %q", got)
	}
	for _, r := range ex.Relations {
		if r.Evidence == "" || !strings.Contains(string(text), r.Evidence) {
			t.Errorf("relation %s has evidence %q, not a sentence of the article", r.Type, r.Evidence)
		}
	}
}

// A sentence that opens with a participle and its agent ("Backed by X, Y
// attacked Z") once indexed the token before the sentence.
func TestOpeningParticiple(t *testing.T) {
	x := newExtractor(t)
	for _, text := range []string{"Backed by Chile, Peru attacked Bolivia.", "Supported by Japan, Korea criticized Russia."} {
		if _, err := x.Extract(context.Background(), schema.Article{ID: "p", Text: text}); err != nil {
			t.Errorf("Extract(%q): %v", text, err)
		}
	}
}
