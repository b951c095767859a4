package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

func TestFoldInvisible(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"none", "Vladimir Putin", "Vladimir Putin"},
		{"zero-width space", "Pu\u200btin", "Putin"},
		{"bidi override", "Pu\u202etin", "Putin"},
		{"isolates", "\u2066Putin\u2069", "Putin"},
		{"joiner", "Pu\u200dtin", "Putin"},
		{"soft hyphen", "Pu\u00adtin", "Putin"},
		{"bom", "\ufeffPutin", "Putin"},
		{"tag characters", "Pu\U000E0041tin", "Putin"},
		{"kept", "Zelensky’s café", "Zelensky’s café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := foldInvisible(tt.in)
			if f.text != tt.want {
				t.Fatalf("foldInvisible(%q) = %q, want %q", tt.in, f.text, tt.want)
			}
			// Every whole span of the folded text maps to a span of the
			// original that holds the same visible text.
			for i := 0; i <= len(f.text); i++ {
				for j := i; j <= len(f.text); j++ {
					if !onBoundary(f.text, i) || !onBoundary(f.text, j) {
						continue
					}
					s, e := f.start(i), f.end(j)
					if i == j {
						continue
					}
					got := foldInvisible(tt.in[s:e]).text
					if got != f.text[i:j] {
						t.Fatalf("span [%d,%d) %q maps to [%d,%d) %q", i, j, f.text[i:j], s, e, tt.in[s:e])
					}
				}
			}
		})
	}
}

// An invisible character inside a name neither splits the name nor moves
// the offsets off the original text.
func TestExtractInvisibleInName(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"\u200b", "\u202e", "\u2066", "\u200d"} {
		text := "Russian President Vladimir Pu" + c + "tin met Chinese President Xi Jinping in Beijing on Monday."
		ex, err := x.Extract(context.Background(), schema.Article{ID: "a", Published: "2025-03-10", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var putin *schema.Entity
		for i := range ex.Entities {
			e := &ex.Entities[i]
			if strings.HasPrefix(e.Name, "Vladimir Pu") {
				putin = e
			}
		}
		if putin == nil || putin.Name != "Vladimir Putin" {
			t.Fatalf("%U: entities = %+v, want Vladimir Putin", []rune(c)[0], ex.Entities)
		}
		for _, sp := range putin.Mentions {
			if got := foldInvisible(text[sp.Start:sp.End]).text; got != "Vladimir Putin" && got != "Putin" {
				t.Errorf("%U: mention %v slices %q", []rune(c)[0], sp, text[sp.Start:sp.End])
			}
		}
		met := false
		for _, r := range ex.Relations {
			if r.Type == schema.Meets && r.Subject == putin.ID || r.Object == putin.ID && r.Type == schema.Meets {
				met = true
				if text[r.Start:r.End] != strings.TrimSpace(text) || r.Evidence != text {
					t.Errorf("%U: evidence %q at [%d,%d)", []rune(c)[0], r.Evidence, r.Start, r.End)
				}
			}
		}
		if !met {
			t.Errorf("%U: no MEETS of Putin in %+v", []rune(c)[0], ex.Relations)
		}
	}
}
