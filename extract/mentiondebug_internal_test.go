package extract

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/kgraph/kg/schema"
)

// TestDebugMentions prints the mentions the mention pass finds in
// KG_MENTION_TEXT: span, entity, type and kind.
func TestDebugMentions(t *testing.T) {
	text := os.Getenv("KG_MENTION_TEXT")
	if text == "" {
		t.Skip("KG_MENTION_TEXT not set")
	}
	x, _ := New(Options{})
	d, _ := x.newDoc(context.Background(), schema.Article{ID: "d", Published: "2025-03-10", Text: text})
	d.run()
	for _, m := range d.ments {
		en := d.ents[m.ent]
		fmt.Printf("%-40q -> %-40s %-12s kind=%d mod=%v title=%q class=%q owner=%d\n", d.span(m.from, m.to), en.name, en.typ, m.kind, m.mod, m.title, m.tclass, m.owner)
	}
}
