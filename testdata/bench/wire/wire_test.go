package main

import (
	"reflect"
	"testing"

	"github.com/kgraph/kg/schema"
)

func TestReadPLOVER(t *testing.T) {
	const data = `[
{"id": "DOC", "event": "DOCUMENT", "text": ""},
{"id": "P1", "event": "CONSULT",
 "source": [{"actorText": "Ruritania", "code": "FRA", "sector": "GOV"}],
 "target": [{"actorText": "Freedonia", "code": "DEU"}, {"actorText": "aid groups", "code": "NGO"}],
 "text": "{Ruritania met Freedonia.}", "textInfo": {"markup": "(SRC: Ruritania) met (TAR: Freedonia)"},
},
{"id": "P2", "event": "AGREE",
 "source": [{"actorText": "Ruritania", "code": "JAP"}, {"actorText": "Freedonia", "code": "ITL"}],
 "target": "",
 "text": "Ruritania and Freedonia agreed.", "textInfo": {"markup": "(SRC/TAR: Ruritania) and (SRC/TAR: Freedonia) agreed"},
},
{"id": "P3", "event": "REJECT", "source": [{"actorText": "Ruritania", "code": "FRA"}],
 "text": "Ruritania refused.", "textInfo": {"markup": "x"}},
]`
	recs, err := readGold([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("read %d records, want 3 (the DOCUMENT entry skipped)", len(recs))
	}
	if recs[0].Text != "Ruritania met Freedonia." {
		t.Errorf("text = %q, want the braces stripped", recs[0].Text)
	}
	got := func(r record) [][3]string {
		var out [][3]string
		for _, e := range r.Events {
			out = append(out, [3]string{e.Src, e.Tgt, e.Code})
		}
		return out
	}
	if g, want := got(recs[0]), [][3]string{{"FRA", "DEU", "04"}}; !reflect.DeepEqual(g, want) {
		t.Errorf("P1 events = %v, want %v", g, want)
	}
	if recs[0].Skipped != 1 {
		t.Errorf("P1 skipped = %d, want 1 (the NGO target)", recs[0].Skipped)
	}
	if g, want := got(recs[1]), [][3]string{{"JPN", "ITA", "03"}, {"ITA", "JPN", "03"}}; !reflect.DeepEqual(g, want) {
		t.Errorf("P2 events = %v, want %v (reciprocal, old codes normalized)", g, want)
	}
	if len(recs[2].Events) != 0 || recs[2].Skipped != 1 {
		t.Errorf("P3 = %d events, %d skipped; want 0 and 1 (no target)", len(recs[2].Events), recs[2].Skipped)
	}
}

func TestReadPETRARCH(t *testing.T) {
	const data = `<Validation><Sentences>
<!-- <Sentence id="COMMENTED" category="AFP"><Text>x</Text></Sentence> -->
<Sentence date="20080101" id ="A1" category="AFP" evaluate="true">
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="chn" >
<EventCoding eventcode="190" sourcecode="---REB" targetcode="SYR" >
<Text>
The US leader
went to China &amp; back.
</Text>
<Parse>...</Parse></Sentence>
<Sentence date = "20080101" id ="A2" category="DEMO"><EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text></Sentence>
<Sentence id="A3" category="ERROR"><EventCoding error="dateline"></EventCoding><Text>X.</Text></Sentence>
</Sentences></Validation>`
	recs, err := readGold([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("read %d records, want 3", len(recs))
	}
	r := recs[0]
	if r.ID != "A1" || r.Category != "AFP" || r.Text != "The US leader went to China & back." {
		t.Errorf("record = %q %q %q", r.ID, r.Category, r.Text)
	}
	if len(r.Events) != 1 || r.Events[0] != (event{Src: "USA", Tgt: "CHN", Code: "042", Label: "042", RawSrc: "USAGOV", RawTgt: "chn"}) {
		t.Errorf("events = %+v", r.Events)
	}
	if r.Skipped != 1 {
		t.Errorf("skipped = %d, want 1 (---REB)", r.Skipped)
	}
	if len(recs[1].Events)+len(recs[2].Events) != 0 {
		t.Errorf("noevents and error records have events")
	}
	if _, err := readGold([]byte("hello")); err == nil {
		t.Error("readGold accepted a file of neither format")
	}
	if _, err := readGold([]byte(`<Sentence id="B"><EventCoding sourcecode="USA" targetcode="RUS"><Text>x</Text></Sentence>`)); err == nil {
		t.Error("readGold accepted an EventCoding without eventcode")
	}
}

func TestSelectRecords(t *testing.T) {
	ev := event{Src: "USA", Tgt: "RUS", Code: "040"}
	recs := []record{
		{ID: "AFP1", Category: "AFP", Text: "a", Events: []event{ev}},
		{ID: "V1", Category: "VERB", Text: "b", Events: []event{ev}},
		{ID: "TEST_2", Category: "TEST", Text: "c", Events: []event{ev}},
		{ID: "G1", Category: "GOLD", Text: "a", Events: []event{ev, {Src: "RUS", Tgt: "USA", Code: "040"}}},
		{ID: "G2", Category: "GOLD", Text: "d"},
	}
	sel, _ := selectRecords(recs, false)
	if len(sel) != 1 || sel[0].ID != "AFP1" || len(sel[0].Events) != 2 {
		t.Fatalf("selected %+v, want AFP1 with the repeated text's new event merged", sel)
	}
	if sel, _ := selectRecords(recs, true); len(sel) != 3 {
		t.Errorf("with all: %d records, want 3", len(sel))
	}
}

func TestNormCode(t *testing.T) {
	for in, want := range map[string]string{
		"USAGOV": "USA", "igoeureec": "IGO", "---REB": "", "NGO": "", "JAP": "JPN",
		"RU": "", "IMGMUSISI": "", "PSEGZA": "PSE",
	} {
		if got := normCode(in); got != want {
			t.Errorf("normCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTypesFor(t *testing.T) {
	for code, want := range map[string][]schema.RelationType{
		"042":  {schema.Visits, schema.Meets},
		"040":  {schema.Meets},
		"1124": {schema.Criticizes, schema.Accuses},
		"0352": {schema.Proposes, schema.Agrees, schema.Supports},
		"057":  {schema.Agrees},
		"090":  nil,
		"04":   {schema.Meets, schema.Visits},
	} {
		if got := typesFor(code); !reflect.DeepEqual(got, want) {
			t.Errorf("typesFor(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestEntityCodes(t *testing.T) {
	x := schema.Extraction{
		Entities: []schema.Entity{
			{ID: "c", Name: "Russia", Type: schema.Country},
			{ID: "p", Name: "Ivan Petrov", Type: schema.Person},
			{ID: "m", Name: "Ministry of Magic", Type: schema.Organization},
			{ID: "a", Name: "Ruritanian Foreign Ministry of Kenya", Type: schema.Organization},
			{ID: "s", Name: "UN Security Council", Type: schema.Organization},
			{ID: "l", Name: "Tokyo", Type: schema.Location},
			{ID: "g", Name: "the West", Type: schema.Group},
			{ID: "u", Name: "Nobody Known", Type: schema.Person},
			{ID: "d", Name: "South Sudanese army", Type: schema.Organization},
		},
		Relations: []schema.Relation{
			{Type: schema.HoldsRole, Subject: "p", Object: "m"},
			{Type: schema.PartOf, Subject: "m", Object: "c"},
		},
	}
	got := newCoder().entityCodes(x)
	want := map[string][]string{
		"c": {"RUS"}, "p": {"RUS"}, "m": {"RUS"}, "a": {"KEN"}, "s": {"IGO"},
		"l": {"JPN"}, "g": nil, "u": nil, "d": {"SSD"},
	}
	for id, w := range want {
		if !reflect.DeepEqual(got[id], w) && !(len(got[id]) == 0 && len(w) == 0) {
			t.Errorf("codes of %s = %v, want %v", id, got[id], w)
		}
	}
}

func TestMatch(t *testing.T) {
	p := func(typ schema.RelationType, s, o string) *pred {
		return &pred{rel: schema.Relation{Type: typ}, subjCs: []string{s}, objCs: []string{o}}
	}
	for _, c := range []struct {
		name          string
		p             *pred
		e             event
		actors, typed bool
	}{
		{"same direction", p(schema.Warns, "USA", "RUS"), event{Src: "USA", Tgt: "RUS", Code: "130"}, true, true},
		{"reversed directed", p(schema.Warns, "RUS", "USA"), event{Src: "USA", Tgt: "RUS", Code: "130"}, false, true},
		{"reversed symmetric", p(schema.Meets, "RUS", "USA"), event{Src: "USA", Tgt: "RUS", Code: "040"}, true, true},
		{"hosted visit", p(schema.Visits, "RUS", "USA"), event{Src: "USA", Tgt: "RUS", Code: "043"}, true, true},
		{"wrong type", p(schema.Supports, "USA", "RUS"), event{Src: "USA", Tgt: "RUS", Code: "130"}, true, false},
	} {
		if got := matchActors(c.p, c.e); got != c.actors {
			t.Errorf("%s: matchActors = %v, want %v", c.name, got, c.actors)
		}
		if got := matchType(c.p, c.e); got != c.typed {
			t.Errorf("%s: matchType = %v, want %v", c.name, got, c.typed)
		}
	}
}
