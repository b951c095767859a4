package extract

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/kgraph/kg/extract/eval"
)

var passesDir = flag.String("passes.gold", "", "compare the relation passes on the gold files of this directory")

// TestComparePasses scores each relation pass alone and both together on a
// gold directory: go test ./extract -run ComparePasses -passes.gold DIR.
func TestComparePasses(t *testing.T) {
	if *passesDir == "" {
		t.Skip("no -passes.gold directory")
	}
	golds, err := eval.LoadGoldDir(*passesDir)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func(p int) { passes = p }(passes)
	for _, m := range []struct {
		name string
		p    int
	}{{"grammar", passGrammar}, {"rules", passRules}, {"both", passGrammar | passRules}} {
		passes = m.p
		r, err := eval.Score(context.Background(), golds, x.Extract)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("== %s\n", m.name)
		if os.Getenv("KG_PASSES_VERBOSE") == m.name {
			r.WriteVerbose(os.Stdout)
		}
		r.WriteTable(os.Stdout)
	}
}

// KG_PASSES=grammar or rules runs every test of the package with one
// relation pass only (the construction suite, for one).
func init() {
	switch os.Getenv("KG_PASSES") {
	case "grammar":
		passes = passGrammar
	case "rules":
		passes = passRules
	case "both":
		passes = passGrammar | passRules
	}
}
