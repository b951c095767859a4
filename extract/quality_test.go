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

// Floors for the dev gold set. They only ever rise: raise them when the
// extractor improves, never lower them to make a change pass.
const (
	floorEntityTypedF1 = 0.93
	floorRelationF1    = 0.72
	maxAbsent          = 0
)

func TestQualityFloor(t *testing.T) {
	golds, err := eval.LoadGoldDir("../testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.Options{})
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
	if f := r.Entities.Typed.F1(); f < floorEntityTypedF1 {
		t.Errorf("entity typed F1 = %.4f, want >= %.2f", f, floorEntityTypedF1)
	}
	if f := r.Relations.Overall.F1(); f < floorRelationF1 {
		t.Errorf("relation F1 = %.4f, want >= %.2f", f, floorRelationF1)
	}
	if r.AbsentViolations > maxAbsent {
		t.Errorf("absent violations = %d, want <= %d", r.AbsentViolations, maxAbsent)
	}
}
