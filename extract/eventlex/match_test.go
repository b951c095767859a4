package eventlex

import (
	"strings"
	"testing"
)

// entry parses one events.tsv line for a test.
func entry(t *testing.T, line string) Entry {
	t.Helper()
	l, err := Parse(strings.NewReader("&arms\tgun|guns|rifle\n" + line))
	if err != nil {
		t.Fatal(err)
	}
	return l.Entries()[0]
}

func word(lemma string) *Word { return &Word{Lemma: lemma} }

func TestMatch(t *testing.T) {
	russia := Word{Lemma: "russia", Ref: 1}
	tests := []struct {
		name  string
		entry string
		frame Frame
		ok    bool
		want  []string // target lemma and argument, in order
	}{
		{
			name:  "free object",
			entry: "accuse\tV\t-\tACCUSES\tobj,prep:against\tfwd\t112\tcameo\tBLAME",
			frame: Frame{Lemma: "accuse", Object: &russia},
			ok:    true, want: []string{"russia obj"},
		},
		{
			name:  "fixed object, target on the verb",
			entry: "impose\tV\tobj=sanctions|sanction\tSANCTIONS\tprep:on,prep:against\tfwd\t163\tcameo\tIMPOSE",
			frame: Frame{Lemma: "impose", Object: word("sanction"), Preps: []Prep{{Case: "on", Word: russia}}},
			ok:    true, want: []string{"russia prep:on"},
		},
		{
			name:  "fixed object, target on the object",
			entry: "impose\tV\tobj=sanctions|sanction\tSANCTIONS\tprep:on,prep:against\tfwd\t163\tcameo\tIMPOSE",
			frame: Frame{Lemma: "impose", Object: &Word{Lemma: "sanction", Preps: []Prep{{Case: "against", Word: russia}}}},
			ok:    true, want: []string{"russia prep:against"},
		},
		{
			name:  "fixed object absent",
			entry: "impose\tV\tobj=sanctions|sanction\tSANCTIONS\tprep:on\tfwd\t163\tcameo\tIMPOSE",
			frame: Frame{Lemma: "impose", Object: word("tariff"), Preps: []Prep{{Case: "on", Word: russia}}},
			ok:    false,
		},
		{
			name:  "fixed object is never the target",
			entry: "impose\tV\tobj=sanctions|sanction\tSANCTIONS\tobj,prep:on\tfwd\t163\tcameo\tIMPOSE",
			frame: Frame{Lemma: "impose", Object: word("sanction")},
			ok:    true, want: nil,
		},
		{
			name:  "call on X parsed as a prepositional phrase",
			entry: "call\tV\tpp=on:*\tREQUESTS\tprep:on\tfwd\t020\tcameo\tCALL",
			frame: Frame{Lemma: "call", Preps: []Prep{{Case: "on", Word: russia}}},
			ok:    true, want: []string{"russia prep:on"},
		},
		{
			name:  "call on X parsed with a particle",
			entry: "urge\tV\t-\tREQUESTS\tprep:on\tfwd\t020\tcameo\tCALL",
			frame: Frame{Lemma: "urge", Particle: "on", Object: &russia},
			ok:    true, want: []string{"russia prep:on"},
		},
		{
			name:  "particle not in the pattern",
			entry: "call\tV\t-\tMEETS\tobj\tfwd\t041\tcameo\tCALL",
			frame: Frame{Lemma: "call", Particle: "off", Object: word("talks")},
			ok:    false,
		},
		{
			name:  "particle required",
			entry: "turn\tV\tprt=down\tREJECTS\tobj,poss\tfwd\t120\tcurated\t-",
			frame: Frame{Lemma: "turn", Particle: "down", Object: &Word{Lemma: "offer", Poss: &russia}},
			ok:    true, want: []string{"offer obj", "russia poss"},
		},
		{
			name:  "particle missing",
			entry: "turn\tV\tprt=down\tREJECTS\tobj\tfwd\t120\tcurated\t-",
			frame: Frame{Lemma: "turn", Object: word("offer")},
			ok:    false,
		},
		{
			name:  "required phrase with a head is not a target",
			entry: "put\tV\tpp=on:trial|trials\tACCUSES\tobj,prep:on\tfwd\t173\tcameo\tARRANGE",
			frame: Frame{Lemma: "put", Object: &russia, Preps: []Prep{{Case: "on", Word: Word{Lemma: "trial"}}}},
			ok:    true, want: []string{"russia obj"},
		},
		{
			name:  "required phrase missing",
			entry: "put\tV\tpp=on:trial|trials\tACCUSES\tobj\tfwd\t173\tcameo\tARRANGE",
			frame: Frame{Lemma: "put", Object: &russia},
			ok:    false,
		},
		{
			name:  "object modifier and synonym set",
			entry: "send\tV\tobj=&arms~small|light\tSUPPORTS\tprep:to\tfwd\t072\tcameo\tSEND",
			frame: Frame{Lemma: "send", Object: &Word{Lemma: "rifle", Mods: []string{"light"}}, Preps: []Prep{{Case: "to", Word: russia}}},
			ok:    true, want: []string{"russia prep:to"},
		},
		{
			name:  "object modifier missing",
			entry: "send\tV\tobj=&arms~small\tSUPPORTS\tprep:to\tfwd\t072\tcameo\tSEND",
			frame: Frame{Lemma: "send", Object: word("rifle"), Preps: []Prep{{Case: "to", Word: russia}}},
			ok:    false,
		},
		{
			name:  "subject test",
			entry: "pound\tV\tsubj=&arms\tFIGHTS\tobj\tfwd\t194\tcameo\tPOUND",
			frame: Frame{Lemma: "pound", Subject: word("guns"), Object: &russia},
			ok:    true, want: []string{"russia obj"},
		},
		{
			name:  "case alternatives and slot order",
			entry: "fire\tV\tpp=on|at:*\tFIGHTS\tprep:on,prep:at\tfwd\t190\tcurated\t-",
			frame: Frame{Lemma: "fire", Preps: []Prep{{Case: "at", Word: russia}, {Case: "on", Word: Word{Lemma: "border"}}}},
			ok:    true, want: []string{"border prep:on", "russia prep:at"},
		},
		{
			name:  "indirect object",
			entry: "give\tV\t-\tSUPPORTS\tiobj,obj\tfwd\t070\tcameo\tGRANT",
			frame: Frame{Lemma: "give", IObj: &russia, Object: word("aid")},
			ok:    true, want: []string{"russia iobj", "aid obj"},
		},
		{
			name:  "noun with a prepositional target",
			entry: "talks\tN\t-\tMEETS\tprep:with,prep:between\tfwd\t-\tcurated\t-",
			frame: Frame{Lemma: "talks", Preps: []Prep{{Case: "with", Word: russia}}},
			ok:    true, want: []string{"russia prep:with"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := entry(t, tt.entry)
			got, ok := e.Match(&tt.frame)
			if ok != tt.ok {
				t.Fatalf("Match = %v, want %v", ok, tt.ok)
			}
			var gs []string
			for _, g := range got {
				gs = append(gs, g.Word.Lemma+" "+g.Arg.String())
			}
			if strings.Join(gs, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("targets = %q, want %q", gs, tt.want)
			}
		})
	}
}

// TestMatchTargetIsFramesWord checks a target points into the frame, so a
// caller can read its Ref.
func TestMatchTargetIsFramesWord(t *testing.T) {
	e := entry(t, "meet\tV\t-\tMEETS\tobj,prep:with\tfwd\t040\tcameo\tMEET")
	f := Frame{Lemma: "meet", Preps: []Prep{{Case: "with", Word: Word{Lemma: "x", Ref: 7}}}}
	got, ok := e.Match(&f)
	if !ok || len(got) != 1 || got[0].Word != &f.Preps[0].Word || got[0].Word.Ref != 7 {
		t.Fatalf("Match = %+v, %v", got, ok)
	}
}

func TestMatchDefaultLexicon(t *testing.T) {
	// "Russia rejected Ukraine's proposal": the first target that is an
	// actor is the possessor.
	f := Frame{Lemma: "reject", Subject: word("russia"),
		Object: &Word{Lemma: "proposal", Poss: &Word{Lemma: "ukraine"}}}
	var types []string
	for _, e := range Default().Verb("reject") {
		if ts, ok := e.Match(&f); ok {
			for _, tg := range ts {
				if tg.Word.Lemma == "ukraine" {
					types = append(types, string(e.Type))
				}
			}
		}
	}
	if len(types) == 0 || types[0] != "REJECTS" {
		t.Errorf("reject X's proposal: types toward ukraine %v, want REJECTS first", types)
	}
	// "rejected the accusations by Ukraine" is DENIES.
	f = Frame{Lemma: "reject", Object: &Word{Lemma: "accusation", Preps: []Prep{{Case: "by", Word: Word{Lemma: "ukraine"}}}}}
	for _, e := range Default().Verb("reject") {
		if ts, ok := e.Match(&f); ok && len(ts) > 0 {
			if e.Type != "DENIES" {
				t.Errorf("reject accusations by X: first matching entry %v, want DENIES", e.Fields())
			}
			break
		}
	}
}

// TestMatchLooseParticle checks that a particle blocks the particle-free
// patterns of a verb with a phrasal reading of its own ("call off") but not
// those of a verb without one ("beat up", "kidnapped up to 16"), and that a
// synonym block's phrasal pattern does not count as the verb's own.
func TestMatchLooseParticle(t *testing.T) {
	l, err := Parse(strings.NewReader(strings.Join([]string{
		"call\tV\t-\tMEETS\tobj\tfwd\t041\tcameo\tCALL",
		"call\tV\tprt=off\tSANCTIONS\tobj\tfwd\t160\tcameo\tCALL",
		"beat\tV\t-\tFIGHTS\tobj\tfwd\t182\tcameo\tDESTROY",
		"beat|destroy\tV\tprt=up obj=car\tFIGHTS\tprep:on\tfwd\t190\tsynonym\tDESTROY",
	}, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	x := Word{Lemma: "x"}
	bare := func(lemma string) *Entry {
		for _, e := range l.Verb(lemma) {
			if e.Pattern.String() == "-" {
				return &e
			}
		}
		t.Fatalf("%s: no bare entry", lemma)
		return nil
	}
	if _, ok := bare("call").Match(&Frame{Lemma: "call", Particle: "off", Object: &x}); ok {
		t.Error("call off X matched call's particle-free reading")
	}
	if ts, ok := bare("beat").Match(&Frame{Lemma: "beat", Particle: "up", Object: &x}); !ok || len(ts) != 1 {
		t.Errorf("beat up X: Match = %v, %v; want the bare reading with target x", ts, ok)
	}
	if _, ok := bare("beat").Match(&Frame{Lemma: "beat", Particle: "down", Object: &x}); ok {
		t.Error("beat down X matched: only up and back are loose")
	}
	// Entries outside a lexicon's Verb lists keep the strict reading.
	strict := entry(t, "beat\tV\t-\tFIGHTS\tobj\tfwd\t182\tcameo\tDESTROY")
	if _, ok := strict.Match(&Frame{Lemma: "beat", Particle: "up", Object: &x}); ok {
		t.Error("an entry from Entries matched with a particle")
	}
}
