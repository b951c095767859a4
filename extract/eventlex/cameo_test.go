package eventlex

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

func TestCAMEOMap(t *testing.T) {
	tab := DefaultCAMEO()
	tests := []struct {
		code, block, lemma string
		want               []Mapping
		key                string
	}{
		{"0231", "ASK", "ask", []Mapping{{Type: schema.Requests}}, "02"},
		{"042", "VISIT", "visit", []Mapping{{Type: schema.Visits}}, "042"},
		{"043", "VISIT", "visit", []Mapping{{Type: schema.Visits, Reverse: true}}, "043"},
		{"043", "HOST", "host", []Mapping{{Type: schema.Visits, Reverse: true}, {Type: schema.Meets}}, "043@HOST"},
		{"060", "AID", "aid", []Mapping{{Type: schema.Supports}}, "060@AID"},
		{"060", "AID", "benefit", []Mapping{}, "060@AID/benefit"},
		{"060", "TRADE", "trade", []Mapping{}, "06"},
		// A block key at a root code wins over a bare key at a longer code.
		{"042", "CANCEL", "end", []Mapping{}, "04@CANCEL"},
		{"1124", "BLAME", "accuse", []Mapping{{Type: schema.Accuses}}, "112"},
		{"016", "REFUSE", "deny", []Mapping{{Type: schema.Denies}}, "016"},
		{"172", "PROHIBIT", "veto", []Mapping{{Type: schema.Rejects}}, "172@PROHIBIT/veto"},
		{"173", "APPREHEND", "arrest", []Mapping{{Type: schema.Sanctions}}, "17"},
		{"173", "SUE", "sue", []Mapping{{Type: schema.Accuses}}, "173@SUE"},
		{"195", "X", "bomb", []Mapping{{Type: schema.Fights}}, "19"},
		{"150", "X", "patrol", []Mapping{}, "15"},
	}
	for _, tt := range tests {
		got, key, ok := tab.Map(tt.code, tt.block, tt.lemma)
		if !ok || key != tt.key || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Map(%s, %s, %s) = %v, %q, %v, want %v, %q", tt.code, tt.block, tt.lemma, got, key, ok, tt.want, tt.key)
		}
		if tab.Note(key) == "" {
			t.Errorf("key %s has no decision", key)
		}
	}
	if _, _, ok := tab.Map("99", "X", "y"); ok {
		t.Error("Map(99) found a key")
	}
}

// TestCAMEOCoversEveryRoot checks the table decides every CAMEO root.
func TestCAMEOCoversEveryRoot(t *testing.T) {
	tab := DefaultCAMEO()
	for r := 1; r <= 20; r++ {
		code := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if _, _, ok := tab.Map(code, "", ""); !ok {
			t.Errorf("root %s is not in the table", code)
		}
	}
	for _, s := range schema.Relations {
		if s.Structural {
			continue
		}
		if len(tab.FreeSlot[s.Type]) == 0 || len(tab.FixedSlot[s.Type]) == 0 {
			t.Errorf("%s has no default slots", s.Type)
		}
	}
}

func TestCAMEORewrite(t *testing.T) {
	tab := DefaultCAMEO()
	if got := tab.Rewrite(schema.Rejects, []string{"accusation", "accusations"}); got != schema.Denies {
		t.Errorf("Rewrite(REJECTS, accusation) = %s, want DENIES", got)
	}
	if got := tab.Rewrite(schema.Rejects, []string{"proposal"}); got != schema.Rejects {
		t.Errorf("Rewrite(REJECTS, proposal) = %s, want REJECTS", got)
	}
	if got := tab.Rewrite(schema.Sanctions, []string{"visit"}); got != "" {
		t.Errorf("Rewrite(SANCTIONS, visit) = %s, want dropped", got)
	}
}

func TestParseCAMEOErrors(t *testing.T) {
	slots := ""
	for _, s := range schema.Relations {
		if !s.Structural {
			slots += "slot\t" + string(s.Type) + "\tfree\tobj\td\nslot\t" + string(s.Type) + "\tfixed\tobj\td\n"
		}
	}
	if _, err := ParseCAMEO(strings.NewReader(slots)); err != nil {
		t.Fatalf("slots alone: %v", err)
	}
	tests := []struct{ in, want string }{
		{"mapp\t01\t-\td", `kind "mapp"`},
		{"map\t01\t-", "map line has 3 fields, want 4"},
		{"map\t01\t-\t ", "map line without a decision"},
		{"map\t1\t-\td", `code "1" is not 2 to 4 digits`},
		{"map\t01@foo\t-\td", `block "foo" is not an upper-case block name`},
		{"map\t01@FOO/Bar\t-\td", `word "Bar"`},
		{"map\t01\tHUGS\td", `type "HUGS"`},
		{"map\t01\tMEETS:back\td", `direction "back", want rev`},
		{"map\t01\t-\td\nmap\t01\tMEETS\td", "line 2: key 01 given twice"},
		{"slot\tMEETS\tloose\tobj\td", `slot kind "loose"`},
		{"slot\tMEETS\tfree\twith\td", `slot "with"`},
		{"slot\tMEETS\tfree\tobj\td\nslot\tMEETS\tfree\tobj\td", "free slot of MEETS given twice"},
		{"rewrite\tREJECTS\tHUGS\tclaim\td", `type "HUGS"`},
		{"map\t01\t-\td", "no free slot for MEETS"},
	}
	for _, tt := range tests {
		in := tt.in
		if !strings.HasPrefix(tt.want, "no free slot") {
			in += "\n" + slots
		}
		_, err := ParseCAMEO(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCAMEO(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}
