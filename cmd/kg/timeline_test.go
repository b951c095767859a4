package main

import (
	"strings"
	"testing"
)

func TestTimeline(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	file := devFile(t)
	code, stdout, stderr := kg(t, "", "timeline", "--graph", file, "China")
	if code != 0 {
		t.Fatalf("kg timeline = %d, stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "China (Country): ") || !strings.HasPrefix(lines[2], "DATE") {
		t.Fatalf("kg timeline China:\n%s", stdout)
	}
	var dates []string
	for _, l := range lines[4:] {
		if strings.HasPrefix(l, "(") {
			continue
		}
		dates = append(dates, strings.TrimSuffix(strings.Fields(l)[0], "*"))
	}
	for i := 1; i < len(dates); i++ {
		if dates[i] < dates[i-1] {
			t.Errorf("timeline out of order: %s after %s", dates[i], dates[i-1])
		}
	}
	if len(dates) < 3 {
		t.Errorf("timeline of China: %d rows", len(dates))
	}
	if strings.Contains(stdout, "* ") && !strings.Contains(stdout, "(* the article's publication date") {
		t.Errorf("starred dates without their note:\n%s", stdout)
	}

	var rep timelineReport
	kgJSON(t, &rep, "timeline", "--graph", file, "--format", "json", "--since", "2025-06", "--until", "2025-12", "China")
	for _, r := range rep.Relations {
		if r.When[:7] < "2025-06" || r.When[:7] > "2025-12" {
			t.Errorf("--since 2025-06 --until 2025-12 kept a relation of %s", r.When)
		}
	}
	if code, _, _ := kg(t, "", "timeline", "--graph", file); code != exitUsage {
		t.Errorf("kg timeline without a name = %d, want %d", code, exitUsage)
	}
}
