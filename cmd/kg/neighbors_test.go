package main

import (
	"strings"
	"testing"
)

func TestNeighbors(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	file := devFile(t)
	code, stdout, stderr := kg(t, "", "neighbours", "--graph", file, "Russia") // either spelling
	if code != 0 {
		t.Fatalf("kg neighbours = %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"Russia (Country): ", " neighbours\n", "NEIGHBOUR", "RELATIONS  FIRST", "RELATION TYPES\n", "Ukraine ", "(-> Russia is the subject, <- the object)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("kg neighbours Russia: output lacks %q:\n%s", want, stdout)
		}
	}

	// Filters narrow the neighbours.
	var all, some neighborsReport
	kgJSON(t, &all, "neighbors", "--graph", file, "--format", "json", "Russia")
	kgJSON(t, &some, "neighbors", "--graph", file, "--format", "json", "--types", "accuses,part-of", "Russia")
	if len(some.Neighbors) == 0 || len(some.Neighbors) >= len(all.Neighbors) {
		t.Errorf("--types ACCUSES,PART_OF: %d neighbours of %d", len(some.Neighbors), len(all.Neighbors))
	}
	for _, n := range some.Neighbors {
		for _, r := range n.Relations {
			if r.Type != "ACCUSES" && r.Type != "PART_OF" {
				t.Errorf("--types ACCUSES,PART_OF kept a %s", r.Type)
			}
		}
	}
	var none neighborsReport
	kgJSON(t, &none, "neighbors", "--graph", file, "--format", "json", "--since", "2099", "Russia")
	if len(none.Neighbors) != 0 || none.Entity.Name != "Russia" {
		t.Errorf("--since 2099: %+v, want Russia without neighbours", none)
	}
	if code, _, stderr := kg(t, "", "neighbors", "--graph", file, "--until", "2020", "--since", "2024", "Russia"); code != exitUsage {
		t.Errorf("since after until = %d, want %d; stderr %s", code, exitUsage, stderr)
	}
}
