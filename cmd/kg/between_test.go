package main

import (
	"strings"
	"testing"
)

func TestBetween(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	file := devFile(t)
	code, stdout, stderr := kg(t, "", "between", "--graph", file, "Dmitry Peskov", "ukraine")
	if code != 0 {
		t.Fatalf("kg between = %d, stderr:\n%s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	if !strings.HasPrefix(lines[0], "1 relation between Dmitry Peskov (Person) and Ukraine (Country)") &&
		!strings.Contains(lines[0], "relations between Dmitry Peskov (Person) and Ukraine (Country)") {
		t.Errorf("kg between: first line %q", lines[0])
	}
	if len(lines) < 5 || !strings.HasPrefix(lines[2], "DATE") || !strings.HasPrefix(lines[3], "----") ||
		!strings.Contains(lines[2], "SUBJECT") || !strings.HasSuffix(lines[2], "EVIDENCE") {
		t.Fatalf("kg between: no aligned table:\n%s", stdout)
	}
	// Columns are aligned: every row has the header's column starts.
	col := strings.Index(lines[2], "EVIDENCE")
	for _, l := range lines[4:] {
		if l != "" && !strings.HasPrefix(l, "(") && (len(l) <= col || l[col-2:col] != "  ") {
			t.Errorf("row not aligned with the header at column %d:\n%s\n%s", col, lines[2], l)
		}
	}

	// Both directions: A B and B A give the same relations.
	_, ab, _ := kg(t, "", "between", "--graph", file, "--format", "json", "Ukraine", "Russia")
	_, ba, _ := kg(t, "", "between", "--graph", file, "--format", "json", "Russia", "Ukraine")
	var x, y betweenReport
	mustJSON(t, ab, &x)
	mustJSON(t, ba, &y)
	dirs := map[string]bool{}
	for _, r := range x.Relations {
		dirs[r.Subject.Name] = true
	}
	if len(x.Relations) != len(y.Relations) || len(x.Relations) == 0 || !dirs["Ukraine"] || !dirs["Russia"] {
		t.Errorf("kg between Ukraine Russia: %d relations, Russia Ukraine %d; subjects %v; want both directions alike", len(x.Relations), len(y.Relations), dirs)
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"between", "--graph", file, "Russia"}, exitUsage, "want two entity names"},
		{[]string{"between", "--graph", file, "Russia", "Moscow"}, exitUsage, "same entity"},
		{[]string{"between", "--graph", file, "Russia", "Ukraine", "--format", "json"}, exitUsage, "give flags first"},
		{[]string{"between", "--graph", file, "--since", "May", "Russia", "Ukraine"}, exitUsage, "since"},
		{[]string{"between", "--graph", file, "--types", "LIKES", "Russia", "Ukraine"}, exitUsage, "LIKES"},
		{[]string{"between", "--graph", file, "--min-confidence", "2", "Russia", "Ukraine"}, exitUsage, "--min-confidence"},
	} {
		code, _, stderr := kg(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("kg %q = %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}
