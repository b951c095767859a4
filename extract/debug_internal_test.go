package extract

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// TestDebugSentence prints the parse and the relations of KG_DEBUG_TEXT.
func TestDebugSentence(t *testing.T) {
	text := os.Getenv("KG_DEBUG_TEXT")
	if text == "" {
		t.Skip("KG_DEBUG_TEXT not set")
	}
	x, _ := New(Options{})
	d := &doc{ctx: context.Background(), parser: x.parser, toks: tokenize(text)}
	d.sents = splitSentences(d.toks)
	d.parseAll()
	var g grammar
	for _, s := range d.sents {
		g.load(d, s)
		for i, w := range g.words {
			fmt.Printf("%2d %-14s %-10s %-6s %2d %s\n", i, d.toks[g.tok(i)].text, w.Lemma, w.POS, w.Head, w.Rel)
		}
	}
	defer func(p int) { passes = p }(passes)
	passes = passGrammar
	ex := x.Extract(schema.Article{ID: "d", Published: "2025-03-10", Text: text})
	names := map[string]string{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
		fmt.Printf("entity %s (%s) %s\n", e.Name, e.Type, strings.Join(e.Aliases, "|"))
	}
	for _, r := range ex.Relations {
		fmt.Printf("%s %s %s %s\n", names[r.Subject], r.Type, names[r.Object], r.Tense)
	}
}
