package main

import (
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	file := devFile(t)
	code, stdout, stderr := kg(t, "", "path", "--graph", file, "Dmitry Peskov", "NATO")
	if code != 0 {
		t.Fatalf("kg path = %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"shortest path", " between Dmitry Peskov (Person) and NATO (Organization)\n", "\npath 1: Dmitry Peskov -- ", " -- NATO\n", "  HOP  DATE ", "  1    "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("kg path: output lacks %q:\n%s", want, stdout)
		}
	}

	var rep pathReport
	kgJSON(t, &rep, "path", "--graph", file, "--format", "json", "--limit", "1", "Dmitry Peskov", "NATO")
	if len(rep.Paths) != 1 || rep.MaxHops != defaultMaxHops {
		t.Errorf("--limit 1: %d paths, max hops %d", len(rep.Paths), rep.MaxHops)
	}
	code, stdout, _ = kg(t, "", "path", "--graph", file, "--max-hops", "1", "Dmitry Peskov", "NATO")
	if code != 0 || !strings.HasPrefix(stdout, "no path of at most 1 hop between Dmitry Peskov") {
		t.Errorf("kg path --max-hops 1 = %d, %q", code, stdout)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"path", "--graph", file, "--max-hops", "0", "Russia", "NATO"}, "--max-hops"},
		{[]string{"path", "--graph", file, "--max-hops", "16", "Russia", "NATO"}, "--max-hops"},
		{[]string{"path", "--graph", file, "--limit", "-1", "Russia", "NATO"}, "--limit"},
		{[]string{"path", "--graph", file, "--since", "2024", "Russia", "NATO"}, "flag provided but not defined"},
		{[]string{"path", "--graph", file, "Russia", "Moscow"}, "same entity"},
		{[]string{"path", "--graph", file, "Russia"}, "want two entity names"},
	} {
		code, _, stderr := kg(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("kg %q = %d, stderr %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.want)
		}
	}
}
