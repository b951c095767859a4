package extract

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/schema"
)

// TestDebugSentence prints the parse and the relations of KG_DEBUG_TEXT.
func TestDebugSentence(t *testing.T) {
	text := os.Getenv("KG_DEBUG_TEXT")
	if text == "" {
		t.Skip("KG_DEBUG_TEXT not set")
	}
	x, _ := New(Options{})
	d, _ := x.newDoc(context.Background(), schema.Article{ID: "d", Published: "2025-03-10", Text: text})
	d.run()
	var g grammar
	for _, s := range d.sents {
		g.load(d, s)
		for i, w := range g.words {
			fmt.Printf("%2d %-14s %-10s %-6s %2d %s\n", i, d.toks[g.tok(i)].text, w.Lemma, w.POS, w.Head, w.Rel)
		}
	}
	if os.Getenv("KG_PASSES") == "" {
		defer func(p int) { passes = p }(passes)
		passes = passGrammar
	}
	ex, _ := x.Extract(context.Background(), schema.Article{ID: "d", Published: "2025-03-10", Text: text})
	names := map[string]string{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
		fmt.Printf("entity %s (%s) %s\n", e.Name, e.Type, strings.Join(e.Aliases, "|"))
	}
	for _, r := range ex.Relations {
		fmt.Printf("%s %s %s %s\n", names[r.Subject], r.Type, names[r.Object], r.Tense)
	}
}

// TestDebugArticle prints, sentence by sentence, the parse of the text of
// gold file KG_DEBUG_FILE and the relations the grammar pass finds in it.
func TestDebugArticle(t *testing.T) {
	path := os.Getenv("KG_DEBUG_FILE")
	if path == "" {
		t.Skip("KG_DEBUG_FILE not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	gd, err := eval.ParseGold(data, path)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := New(Options{})
	defer func(p int) { passes = p }(passes)
	passes = passGrammar
	a := schema.Article{ID: gd.ID, Published: gd.Published, Source: gd.Source, Text: gd.Text}
	ex, _ := x.Extract(context.Background(), a)
	names := map[string]string{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
	}
	d, _ := x.newDoc(context.Background(), a)
	d.run()
	for si, s := range d.sents {
		var b strings.Builder
		for k := s.from; k < s.to; k++ {
			w := d.syn[k]
			fmt.Fprintf(&b, "%s/%d:%s>%d ", d.toks[k].text, k-s.from, w.Rel, w.Head)
		}
		fmt.Printf("\n[%d] %s\n", si, b.String())
		for _, r := range ex.Relations {
			if r.Sentence == si {
				fmt.Printf("    => %s %s %s %s\n", names[r.Subject], r.Type, names[r.Object], r.Tense)
			}
		}
	}
}
