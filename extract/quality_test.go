package extract_test

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/eval"
)

var verbose = flag.Bool("eval.verbose", false, "print the eval's misses and false positives")

// Floors for the three gold sets. They only ever rise: raise them when the
// extractor improves, never lower them to make a change pass. testdata/gold
// and testdata/dev2 are the sets rules are developed on; testdata/heldout is
// never read to write rules (only its totals are looked at), and its floor
// guards against changes that help the others at its expense.
var floors = []struct {
	dir                       string
	entityTypedF1, relationF1 float64
	maxAbsent                 int
}{
	{"../testdata/gold", 0.96, 0.78, 0},
	{"../testdata/dev2", 0.94, 0.66, 1},
	{"../testdata/heldout", 0.90, 0.57, 3},
}

func TestQualityFloor(t *testing.T) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, fl := range floors {
		t.Run(fl.dir[len("../testdata/"):], func(t *testing.T) {
			golds, err := eval.LoadGoldDir(fl.dir)
			if err != nil {
				t.Fatal(err)
			}
			r, err := eval.Score(context.Background(), golds, x.Extract)
			if err != nil {
				t.Fatal(err)
			}
			if *verbose {
				r.WriteVerbose(os.Stdout)
			}
			r.WriteTable(os.Stdout)
			if f := r.Entities.Typed.F1(); f < fl.entityTypedF1 {
				t.Errorf("entity typed F1 = %.4f, want >= %.2f", f, fl.entityTypedF1)
			}
			if f := r.Relations.Overall.F1(); f < fl.relationF1 {
				t.Errorf("relation F1 = %.4f, want >= %.2f", f, fl.relationF1)
			}
			if r.AbsentViolations > fl.maxAbsent {
				t.Errorf("absent violations = %d, want <= %d", r.AbsentViolations, fl.maxAbsent)
			}
		})
	}
}
