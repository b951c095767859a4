package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// goldJSON builds a gold file around the given entities, relations and
// absent entries (JSON array bodies).
func goldJSON(id, entities, relations, absent string) string {
	return `{"id": "` + id + `", "text": "Some text.",
	"entities": [` + entities + `],
	"relations": [` + relations + `],
	"absent": [` + absent + `]}`
}

func mustGold(t *testing.T, data string) Gold {
	t.Helper()
	g, err := ParseGold([]byte(data), "test.json")
	if err != nil {
		t.Fatalf("ParseGold: %v", err)
	}
	return g
}

// ent is a predicted entity whose ID is its name.
func ent(name string, typ schema.EntityType, aliases ...string) schema.Entity {
	return schema.Entity{ID: name, Name: name, Type: typ, Aliases: aliases}
}

// rel is a predicted relation between entity IDs.
func rel(s string, t schema.RelationType, o string) schema.Relation {
	return schema.Relation{Subject: s, Type: t, Object: o, Evidence: s + " " + string(t) + " " + o + "."}
}

// fixed returns an ExtractFunc that returns x whatever the article.
func fixed(x schema.Extraction) ExtractFunc {
	return func(context.Context, schema.Article) (schema.Extraction, error) { return x, nil }
}

// score scores extract on golds, failing t on an error.
func score(t *testing.T, golds []Gold, extract ExtractFunc) Report {
	t.Helper()
	r, err := Score(context.Background(), golds, extract)
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	return r
}

// Entities shared by the scoring cases.
const baseEntities = `
	{"name": "Russia", "type": "Country", "aliases": ["Moscow"]},
	{"name": "United States", "type": "Country", "aliases": ["US", "Washington"]},
	{"name": "Kremlin", "type": "Organization", "aliases": []},
	{"name": "Dmitry Peskov", "type": "Person", "aliases": ["Peskov"]},
	{"name": "Ukraine", "type": "Country", "aliases": ["Kiev"]},
	{"name": "the West", "type": "Group", "aliases": []},
	{"name": "U.S. Navy", "type": "Organization", "aliases": []}`

func TestScoreRules(t *testing.T) {
	type want struct {
		typed, untyped, rels, pair PRF
		absent                     int
		redundant                  int
	}
	tests := []struct {
		name      string
		relations string // gold relations
		absent    string // gold absent entries
		pred      schema.Extraction
		want      want
	}{
		{
			name: "exact names fold case punctuation and whitespace",
			pred: schema.Extraction{Entities: []schema.Entity{
				ent("RUSSIA", schema.Country),
				ent("US  Navy", schema.Organization),
			}},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}},
		},
		{
			name: "the is not folded",
			pred: schema.Extraction{Entities: []schema.Entity{ent("West", schema.Group)}},
			want: want{typed: PRF{FP: 1, FN: 7}, untyped: PRF{FP: 1, FN: 7}},
		},
		{
			name: "alias alignment through either side's aliases",
			pred: schema.Extraction{Entities: []schema.Entity{
				ent("Washington", schema.Country),
				ent("Dmitri Peskov", schema.Person, "Peskov"),
			}},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}},
		},
		{
			name: "exact matches come before alias matches",
			// Greedy in order, "Moscow" would take Russia by alias and leave
			// the exact "Russia" without a partner.
			pred: schema.Extraction{Entities: []schema.Entity{
				ent("Moscow", schema.Organization, "Kremlin"),
				ent("Russia", schema.Country),
			}},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}},
		},
		{
			name: "missed merge is one TP and one FP",
			pred: schema.Extraction{Entities: []schema.Entity{
				ent("Moscow", schema.Country),
				ent("Russia", schema.Country),
			}},
			want: want{typed: PRF{TP: 1, FP: 1, FN: 6}, untyped: PRF{TP: 1, FP: 1, FN: 6}},
		},
		{
			name:      "wrong type counts untyped but not typed; relations still align",
			relations: `{"subject": "Kremlin", "type": "WARNS", "object": "Ukraine"}`,
			pred: schema.Extraction{
				Entities:  []schema.Entity{ent("Kremlin", schema.Location), ent("Ukraine", schema.Country)},
				Relations: []schema.Relation{rel("Kremlin", schema.Warns, "Ukraine")},
			},
			want: want{
				typed: PRF{TP: 1, FP: 1, FN: 6}, untyped: PRF{TP: 2, FN: 5},
				rels: PRF{TP: 1}, pair: PRF{TP: 1},
			},
		},
		{
			name:      "symmetric type matches in either order",
			relations: `{"subject": "Russia", "type": "MEETS", "object": "United States"}`,
			pred: schema.Extraction{
				Entities:  []schema.Entity{ent("Russia", schema.Country), ent("US", schema.Country)},
				Relations: []schema.Relation{rel("US", schema.Meets, "Russia")},
			},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}, rels: PRF{TP: 1}, pair: PRF{TP: 1}},
		},
		{
			name:      "directed type does not match reversed",
			relations: `{"subject": "Russia", "type": "PROPOSES", "object": "United States"}`,
			pred: schema.Extraction{
				Entities:  []schema.Entity{ent("Russia", schema.Country), ent("US", schema.Country)},
				Relations: []schema.Relation{rel("US", schema.Proposes, "Russia")},
			},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}, rels: PRF{FP: 1, FN: 1}, pair: PRF{FP: 1, FN: 1}},
		},
		{
			name:      "symmetric both ways is one fact",
			relations: `{"subject": "Russia", "type": "MEETS", "object": "United States"}`,
			pred: schema.Extraction{
				Entities: []schema.Entity{ent("Russia", schema.Country), ent("US", schema.Country)},
				Relations: []schema.Relation{
					rel("US", schema.Meets, "Russia"),
					rel("Russia", schema.Meets, "US"),
				},
			},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}, rels: PRF{TP: 1}, pair: PRF{TP: 1}},
		},
		{
			name:      "two predictions through alternatives are one TP and no FP",
			relations: `{"subject": ["Dmitry Peskov", "Kremlin"], "type": "DENIES", "object": "Ukraine"}`,
			pred: schema.Extraction{
				Entities: []schema.Entity{ent("Peskov", schema.Person), ent("Kremlin", schema.Organization), ent("Ukraine", schema.Country)},
				Relations: []schema.Relation{
					rel("Peskov", schema.Denies, "Ukraine"),
					rel("Kremlin", schema.Denies, "Ukraine"),
				},
			},
			want: want{typed: PRF{TP: 3, FN: 4}, untyped: PRF{TP: 3, FN: 4}, rels: PRF{TP: 1}, pair: PRF{TP: 1}, redundant: 1},
		},
		{
			name: "overlapping alternatives are matched as well as they can be",
			// Taken first, Russia -> Ukraine could claim the list relation
			// and leave the person's prediction redundant; the maximum
			// matching gives both a partner.
			relations: `{"subject": "Russia", "type": "WARNS", "object": "Ukraine"},
				{"subject": ["Dmitry Peskov", "Russia"], "type": "WARNS", "object": "Ukraine"}`,
			pred: schema.Extraction{
				Entities: []schema.Entity{ent("Russia", schema.Country), ent("Peskov", schema.Person), ent("Ukraine", schema.Country)},
				Relations: []schema.Relation{
					rel("Russia", schema.Warns, "Ukraine"),
					rel("Peskov", schema.Warns, "Ukraine"),
				},
			},
			want: want{typed: PRF{TP: 3, FN: 4}, untyped: PRF{TP: 3, FN: 4}, rels: PRF{TP: 2}, pair: PRF{TP: 2}},
		},
		{
			name:      "duplicate predictions count once",
			relations: `{"subject": "Russia", "type": "WARNS", "object": "Ukraine"}`,
			pred: schema.Extraction{
				Entities: []schema.Entity{ent("Russia", schema.Country), ent("Ukraine", schema.Country)},
				Relations: []schema.Relation{
					rel("Russia", schema.Warns, "Ukraine"),
					rel("Russia", schema.Warns, "Ukraine"),
					rel("Russia", schema.Warns, "Ukraine"),
				},
			},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}, rels: PRF{TP: 1}, pair: PRF{TP: 1}},
		},
		{
			name:   "absent with wildcard is counted and is a false positive",
			absent: `{"subject": "Russia", "type": "WARNS", "object": "*"}`,
			pred: schema.Extraction{
				Entities: []schema.Entity{ent("Russia", schema.Country), ent("Ukraine", schema.Country), ent("Poland", schema.Country)},
				Relations: []schema.Relation{
					rel("Russia", schema.Warns, "Ukraine"),
					rel("Russia", schema.Warns, "Poland"), // Poland is no gold entity: * still matches
					rel("Russia", schema.Warns, "Ukraine"),
				},
			},
			want: want{typed: PRF{TP: 2, FP: 1, FN: 5}, untyped: PRF{TP: 2, FP: 1, FN: 5}, rels: PRF{FP: 2}, pair: PRF{FP: 2}, absent: 2},
		},
		{
			name:   "absent symmetric matches either order",
			absent: `{"subject": "Ukraine", "type": "FIGHTS", "object": "Russia"}`,
			pred: schema.Extraction{
				Entities:  []schema.Entity{ent("Russia", schema.Country), ent("Ukraine", schema.Country)},
				Relations: []schema.Relation{rel("Russia", schema.Fights, "Ukraine")},
			},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}, rels: PRF{FP: 1}, pair: PRF{FP: 1}, absent: 1},
		},
		{
			name:      "relation with an unaligned entity is a false positive",
			relations: `{"subject": "Russia", "type": "WARNS", "object": "Ukraine"}`,
			pred: schema.Extraction{
				Entities: []schema.Entity{ent("Russia", schema.Country), ent("Ukrainia", schema.Country)},
				Relations: []schema.Relation{
					rel("Russia", schema.Warns, "Ukrainia"),
					rel("Russia", schema.Warns, "no-such-id"),
				},
			},
			want: want{typed: PRF{TP: 1, FP: 1, FN: 6}, untyped: PRF{TP: 1, FP: 1, FN: 6}, rels: PRF{FP: 2, FN: 1}, pair: PRF{FP: 2, FN: 1}},
		},
		{
			name: "pair is the relation score without the type test",
			relations: `{"subject": "Russia", "type": "PROPOSES", "object": "Ukraine"},
				{"subject": "Russia", "type": "REJECTS", "object": "Ukraine"}`,
			pred: schema.Extraction{
				Entities: []schema.Entity{ent("Russia", schema.Country), ent("Ukraine", schema.Country)},
				Relations: []schema.Relation{
					rel("Russia", schema.Requests, "Ukraine"),
					rel("Russia", schema.Rejects, "Ukraine"),
				},
			},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}, rels: PRF{TP: 1, FP: 1, FN: 1}, pair: PRF{TP: 2}},
		},
		{
			name:      "pair: a second type on a found pair is neither true nor false",
			relations: `{"subject": "Russia", "type": "PROPOSES", "object": "Ukraine"}`,
			pred: schema.Extraction{
				Entities: []schema.Entity{ent("Russia", schema.Country), ent("Ukraine", schema.Country)},
				Relations: []schema.Relation{
					rel("Russia", schema.Proposes, "Ukraine"),
					rel("Russia", schema.Requests, "Ukraine"),
					rel("Ukraine", schema.Requests, "Russia"),
				},
			},
			want: want{typed: PRF{TP: 2, FN: 5}, untyped: PRF{TP: 2, FN: 5}, rels: PRF{TP: 1, FP: 2}, pair: PRF{TP: 1, FP: 1}},
		},
		{
			name: "nothing predicted",
			want: want{typed: PRF{FN: 7}, untyped: PRF{FN: 7}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustGold(t, goldJSON("a", baseEntities, tt.relations, tt.absent))
			r := score(t, []Gold{g}, fixed(tt.pred))
			got := want{
				typed: r.Entities.Typed, untyped: r.Entities.Untyped,
				rels: r.Relations.Overall, pair: r.Relations.Pair,
				absent: r.AbsentViolations, redundant: len(r.Details[0].Redundant),
			}
			if got != tt.want {
				t.Errorf("Score = %+v\nwant    %+v", got, tt.want)
				var b bytes.Buffer
				r.WriteVerbose(&b)
				t.Log(b.String())
			}
			d := r.Details[0]
			if n := len(d.FalseRelations); n != got.rels.FP {
				t.Errorf("len(FalseRelations) = %d, want %d", n, got.rels.FP)
			}
			if n := len(d.MissedRelations); n != got.rels.FN {
				t.Errorf("len(MissedRelations) = %d, want %d", n, got.rels.FN)
			}
			if n := len(d.MissedEntities); n != got.untyped.FN {
				t.Errorf("len(MissedEntities) = %d, want %d", n, got.untyped.FN)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"United States", "united states"},
		{"  U.S.  Navy ", "us navy"},
		{"People’s Republic", "peoples republic"},
		{"People's Republic", "peoples republic"},
		{"US-led bloc", "us led bloc"},
		{"the West", "the west"},
		{"Özgür Özel", "özgür özel"},
		{"O\u0308zel", "özel"}, // decomposed: NFC first
		{"U.N. (Security Council)", "un security council"},
		{"...", ""},
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScoreMicroAverage(t *testing.T) {
	ents := `{"name": "Russia", "type": "Country", "aliases": []},
		{"name": "Ukraine", "type": "Country", "aliases": []},
		{"name": "NATO", "type": "Organization", "aliases": []}`
	golds := []Gold{
		mustGold(t, goldJSON("one", ents, `{"subject": "Russia", "type": "WARNS", "object": "Ukraine"}`, "")),
		mustGold(t, goldJSON("two", ents, `{"subject": "NATO", "type": "SUPPORTS", "object": "Ukraine"},
			{"subject": "Russia", "type": "WARNS", "object": "NATO"}`, "")),
	}
	preds := map[string]schema.Extraction{
		// Perfect on relations, one entity.
		"one": {
			Entities:  []schema.Entity{ent("Russia", schema.Country), ent("Ukraine", schema.Country), ent("NATO", schema.Organization)},
			Relations: []schema.Relation{rel("Russia", schema.Warns, "Ukraine")},
		},
		// One right, two wrong, one missed.
		"two": {
			Entities: []schema.Entity{ent("Russia", schema.Country), ent("Ukraine", schema.Country), ent("NATO", schema.Country)},
			Relations: []schema.Relation{
				rel("NATO", schema.Supports, "Ukraine"),
				rel("Russia", schema.Warns, "Ukraine"),
				rel("Ukraine", schema.Supports, "NATO"),
			},
		},
	}
	var refs []string
	extract := func(_ context.Context, a schema.Article) (schema.Extraction, error) {
		refs = append(refs, a.Ref)
		if a.Text == "" {
			t.Errorf("article %q has no text", a.Ref)
		}
		return preds[a.Ref], nil
	}
	r := score(t, golds, extract)
	if strings.Join(refs, ",") != "one,two" {
		t.Errorf("extract called with refs %v, want [one two]", refs)
	}
	if r.Articles != 2 {
		t.Errorf("Articles = %d, want 2", r.Articles)
	}
	if want := (PRF{TP: 2, FP: 2, FN: 1}); r.Relations.Overall != want {
		t.Errorf("Overall = %+v, want %+v", r.Relations.Overall, want)
	}
	// Micro: P = 2/4, R = 2/3 (the macro mean of precisions would be 2/3).
	approx(t, "P", r.Relations.Overall.P(), 0.5)
	approx(t, "R", r.Relations.Overall.R(), 2.0/3)
	approx(t, "F1", r.Relations.Overall.F1(), 4.0/7)
	if want := (PRF{TP: 5, FP: 1, FN: 1}); r.Entities.Typed != want {
		t.Errorf("Typed = %+v, want %+v", r.Entities.Typed, want)
	}
	if want := (PRF{TP: 6}); r.Entities.Untyped != want {
		t.Errorf("Untyped = %+v, want %+v", r.Entities.Untyped, want)
	}
	wantTypes := map[schema.RelationType]TypeScore{
		schema.Warns:    {PRF: PRF{TP: 1, FP: 1, FN: 1}, Gold: 2, Predicted: 2},
		schema.Supports: {PRF: PRF{TP: 1, FP: 1}, Gold: 1, Predicted: 2},
	}
	if len(r.Relations.ByType) != len(wantTypes) {
		t.Errorf("ByType = %+v, want %+v", r.Relations.ByType, wantTypes)
	}
	for k, w := range wantTypes {
		if got := r.Relations.ByType[k]; got != w {
			t.Errorf("ByType[%s] = %+v, want %+v", k, got, w)
		}
	}

	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	const wantJSON = `{
  "articles": 2,
  "entities": {
    "typed": {
      "p": 0.8333,
      "r": 0.8333,
      "f1": 0.8333
    },
    "untyped": {
      "p": 1,
      "r": 1,
      "f1": 1
    }
  },
  "relations": {
    "overall": {
      "p": 0.5,
      "r": 0.6667,
      "f1": 0.5714
    },
    "pair": {
      "p": 0.5,
      "r": 0.6667,
      "f1": 0.5714
    },
    "by_type": {
      "SUPPORTS": {
        "p": 0.5,
        "r": 1,
        "f1": 0.6667,
        "gold": 1,
        "predicted": 2
      },
      "WARNS": {
        "p": 0.5,
        "r": 0.5,
        "f1": 0.5,
        "gold": 2,
        "predicted": 2
      }
    }
  },
  "absent_violations": 0
}
`
	if b.String() != wantJSON {
		t.Errorf("WriteJSON =\n%s\nwant\n%s", b.String(), wantJSON)
	}

	b.Reset()
	if err := r.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"entities typed", "relations pair", "  SUPPORTS", "absent violations"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("WriteTable has no %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := r.WriteVerbose(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"== two",
		"wrong type        NATO: Country, gold Organization",
		"false relation    Ukraine SUPPORTS NATO",
		`"Ukraine SUPPORTS NATO."`,
		"missed relation   Russia WARNS NATO",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("WriteVerbose has no %q:\n%s", want, b.String())
		}
	}
}

func approx(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

func TestEmptyScoresAreZero(t *testing.T) {
	var s PRF
	if s.P() != 0 || s.R() != 0 || s.F1() != 0 {
		t.Errorf("zero PRF = %v %v %v, want 0 0 0", s.P(), s.R(), s.F1())
	}
	var b bytes.Buffer
	if err := (Report{}).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	rels := m["relations"].(map[string]any)
	if _, ok := rels["by_type"].(map[string]any); !ok {
		t.Errorf("by_type = %v, want an object", rels["by_type"])
	}
}

func TestParseGoldErrors(t *testing.T) {
	ents := `{"name": "Russia", "type": "Country", "aliases": ["Moscow"]},
		{"name": "Europe", "type": "Location", "aliases": []},
		{"name": "Sergei Lavrov", "type": "Person", "aliases": ["Lavrov"]}`
	tests := []struct {
		name string
		data string
		want []string // substrings of the error
	}{
		{
			name: "invalid JSON with line and column",
			data: "{\"id\": \"x\",\n  \"text\": }",
			want: []string{"gold/x.json:2:11: invalid JSON"},
		},
		{
			name: "wrong JSON type",
			data: `{"id": "x", "text": 3}`,
			want: []string{"gold/x.json:1:", "text: want string"},
		},
		{
			name: "unknown field",
			data: "{\"id\": \"x\", \"text\": \"t\",\n \"entitys\": []}",
			want: []string{`gold/x.json:2:2: unknown field "entitys"`},
		},
		{
			name: "unknown entity type",
			data: goldJSON("x", `{"name": "Lavrov", "type": "Persn", "aliases": []}`, "", ""),
			want: []string{`gold/x.json: entities[0].type: "Persn" is not an entity type`},
		},
		{
			name: "object names no entity",
			data: goldJSON("x", ents, `{"subject": "Russia", "type": "VISITS", "object": "Europe"},
				{"subject": "Russia", "type": "WARNS", "object": "Foo"}`, ""),
			want: []string{`gold/x.json: relations[1].object: "Foo" names no entity`},
		},
		{
			name: "alternative names no entity",
			data: goldJSON("x", ents, `{"subject": ["Sergei Lavrov", "Rusia"], "type": "WARNS", "object": "Russia"}`, ""),
			want: []string{`relations[0].subject[1]: "Rusia" names no entity`},
		},
		{
			name: "unknown relation type",
			data: goldJSON("x", ents, `{"subject": "Russia", "type": "MEET", "object": "Sergei Lavrov"}`, ""),
			want: []string{`relations[0].type: "MEET" is not a relation type`},
		},
		{
			name: "entity types the relation does not take",
			data: goldJSON("x", ents, `{"subject": "Sergei Lavrov", "type": "HOLDS_ROLE", "object": "Europe"}`, ""),
			want: []string{`relations[0].object: "Europe" is a Location; HOLDS_ROLE takes Organization or Country`},
		},
		{
			name: "empty text",
			data: `{"id": "x", "text": "  ", "entities": [], "relations": []}`,
			want: []string{"gold/x.json: text: empty"},
		},
		{
			name: "missing id",
			data: `{"text": "t", "entities": [], "relations": []}`,
			want: []string{"gold/x.json: id: empty"},
		},
		{
			name: "bad date",
			data: `{"id": "x", "published": "2024-13-01", "text": "t", "entities": [], "relations": []}`,
			want: []string{`published: "2024-13-01" is not a date`},
		},
		{
			name: "duplicate entity name",
			data: goldJSON("x", ents+`, {"name": "russia", "type": "Country", "aliases": []}`, "", ""),
			want: []string{`entities[3].name: "russia" also names entities[0] ("Russia")`},
		},
		{
			name: "alias shared by two entities",
			data: goldJSON("x", ents+`, {"name": "Moscow City", "type": "Location", "aliases": ["Moscow"]}`, "", ""),
			want: []string{`entities[3].aliases[0]: "Moscow" also names entities[0]`},
		},
		{
			name: "subject of the wrong JSON type",
			data: goldJSON("x", ents, `{"subject": 7, "type": "WARNS", "object": "Russia"}`, ""),
			want: []string{"relations[0].subject: want a name or a list of names, got 7"},
		},
		{
			name: "missing object",
			data: goldJSON("x", ents, `{"subject": "Russia", "type": "WARNS"}`, ""),
			want: []string{"relations[0].object: missing"},
		},
		{
			name: "wildcard outside absent",
			data: goldJSON("x", ents, `{"subject": "Russia", "type": "WARNS", "object": "*"}`, ""),
			want: []string{`relations[0].object: "*" is only allowed in absent`},
		},
		{
			name: "absent contradicts a relation",
			data: goldJSON("x", ents, `{"subject": ["Sergei Lavrov", "Russia"], "type": "WARNS", "object": "Russia"}`,
				`{"subject": "Sergei Lavrov", "type": "WARNS", "object": "*"}`),
			want: []string{`absent[0]: Sergei Lavrov WARNS * contradicts relations[0]`},
		},
		{
			name: "absent names no entity",
			data: goldJSON("x", ents, "", `{"subject": "Rusia", "type": "WARNS", "object": "*"}`),
			want: []string{`absent[0].subject: "Rusia" names no entity`},
		},
		{
			name: "every problem of a file at once",
			data: goldJSON("x", `{"name": "A", "type": "Persn", "aliases": []}`,
				`{"subject": "A", "type": "NOPE", "object": "B"}`, ""),
			want: []string{"entities[0].type", "relations[0].type", `relations[0].object: "B" names no entity`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGold([]byte(tt.data), "gold/x.json")
			if err == nil {
				t.Fatalf("ParseGold = nil error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ParseGold error =\n%v\nwant it to contain %q", err, w)
				}
			}
		})
	}
}

func TestParseGoldNames(t *testing.T) {
	g := mustGold(t, goldJSON("x", baseEntities,
		`{"subject": ["Dmitry Peskov", "Kremlin"], "type": "DENIES", "object": "Ukraine", "tense": "future"}`,
		`{"subject": "*", "type": "FIGHTS", "object": ["Russia"]}`))
	r := g.Relations[0]
	if r.Subject.String() != "[Dmitry Peskov|Kremlin]" || r.Object.String() != "Ukraine" || r.Tense != "future" {
		t.Errorf("relation = %+v", r)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"subject":["Dmitry Peskov","Kremlin"],"type":"DENIES","object":"Ukraine","tense":"future"}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	if a := g.Absent[0]; a.Subject.String() != "*" || a.Object.String() != "Russia" {
		t.Errorf("absent = %+v", a)
	}
	if g.File != "test.json" {
		t.Errorf("File = %q, want test.json", g.File)
	}
}

func TestLoadGoldDirCollectsAllErrors(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.json": goldJSON("a", baseEntities, "", ""),
		"b.json": goldJSON("b", `{"name": "X", "type": "Persn", "aliases": []}`, "", ""),
		"c.json": `{"id": "c", `,
		"d.json": goldJSON("not-d", baseEntities, "", ""),
		"e.txt":  "not a gold file",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := LoadGoldDir(dir)
	if err == nil {
		t.Fatal("LoadGoldDir = nil error, want errors for b, c and d")
	}
	for _, w := range []string{
		filepath.Join(dir, "b.json") + `: entities[0].type: "Persn"`,
		filepath.Join(dir, "c.json") + ": invalid JSON",
		filepath.Join(dir, "d.json") + `: id: "not-d" does not match the file name`,
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("LoadGoldDir error =\n%v\nwant it to contain %q", err, w)
		}
	}
	if strings.Contains(err.Error(), "a.json") {
		t.Errorf("LoadGoldDir error names the valid a.json:\n%v", err)
	}

	if err := os.Remove(filepath.Join(dir, "b.json")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "c.json"))
	os.Remove(filepath.Join(dir, "d.json"))
	golds, err := LoadGoldDir(dir)
	if err != nil || len(golds) != 1 || golds[0].ID != "a" {
		t.Errorf("LoadGoldDir = %d golds, %v; want [a], nil", len(golds), err)
	}
	if _, err := LoadGoldDir(t.TempDir()); err == nil {
		t.Error("LoadGoldDir(empty dir) = nil error, want one")
	}
}

// goldDirs returns the directories of real gold files: the repository's
// testdata/gold (and its subdirectories) if present, else the shared
// development set.
func goldDirs(t *testing.T) []string {
	t.Helper()
	for _, root := range []string{
		filepath.Join("..", "..", "testdata", "gold"),
		filepath.Join("..", "..", "..", "shared", "gold", "dev"),
	} {
		if _, err := os.Stat(root); err != nil {
			continue
		}
		var dirs []string
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if m, _ := filepath.Glob(filepath.Join(p, "*.json")); len(m) > 0 {
				dirs = append(dirs, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(dirs) > 0 {
			return dirs
		}
	}
	t.Skip("no gold files found")
	return nil
}

// oracle returns each gold article's own entities and relations, taking
// the first alternative of every list.
func oracle(golds []Gold) ExtractFunc {
	byID := make(map[string]Gold, len(golds))
	for _, g := range golds {
		byID[g.ID] = g
	}
	return func(_ context.Context, a schema.Article) (schema.Extraction, error) {
		g := byID[a.Ref]
		x := schema.Extraction{Article: a}
		for _, e := range g.Entities {
			x.Entities = append(x.Entities, schema.Entity{ID: "id:" + e.Name, Name: e.Name, Type: e.Type, Aliases: e.Aliases})
		}
		for i, r := range g.Relations {
			x.Relations = append(x.Relations, schema.Relation{
				Subject: "id:" + r.Subject[0], Type: r.Type, Object: "id:" + r.Object[0], Sentence: i,
			})
		}
		return x, nil
	}
}

func TestGoldFilesAndOracle(t *testing.T) {
	for _, dir := range goldDirs(t) {
		t.Run(dir, func(t *testing.T) {
			golds, err := LoadGoldDir(dir)
			if err != nil {
				t.Fatalf("LoadGoldDir(%s):\n%v", dir, err)
			}
			r := score(t, golds, oracle(golds))
			if r.Articles != len(golds) {
				t.Errorf("Articles = %d, want %d", r.Articles, len(golds))
			}
			if f := r.Entities.Typed.F1(); f != 1 {
				t.Errorf("oracle entity typed F1 = %v, want 1 (%+v)", f, r.Entities.Typed)
			}
			if f := r.Relations.Overall.F1(); f != 1 {
				t.Errorf("oracle relation F1 = %v, want 1 (%+v)", f, r.Relations.Overall)
			}
			if f := r.Relations.Pair.F1(); f != 1 {
				t.Errorf("oracle pair F1 = %v, want 1 (%+v)", f, r.Relations.Pair)
			}
			if r.AbsentViolations != 0 {
				t.Errorf("oracle absent violations = %d, want 0", r.AbsentViolations)
			}
			if t.Failed() {
				var b bytes.Buffer
				r.WriteVerbose(&b)
				t.Log(b.String())
			}
		})
	}
}
