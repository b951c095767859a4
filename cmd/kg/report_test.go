package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
)

func TestProgressLine(t *testing.T) {
	p := graph.Progress{Read: 500, Rejected: 10, Skipped: 90, Loaded: 300, Entities: 42, Relations: 1234, Elapsed: 4 * time.Second}
	tests := []struct {
		name  string
		p     graph.Progress
		total int
		tty   bool
		want  string
	}{
		{"terminal, total known", p, 1000, true,
			"[#########...............]  40%  400/1000 articles  100/s  ETA 6s  10 rejected  90 skipped"},
		{"terminal, total unknown", p, -1, true,
			"400 articles  100/s  4s  10 rejected  90 skipped"},
		{"log, total known", p, 1000, false,
			"400/1000 articles (40%), 100 articles/s, ETA 6s; 300 loaded, 90 skipped (loaded before), 10 rejected; 42 entities, 1234 relations; 4s elapsed"},
		{"log, total unknown", p, -1, false,
			"400 articles, 100 articles/s; 300 loaded, 90 skipped (loaded before), 10 rejected; 42 entities, 1234 relations; 4s elapsed"},
		{"terminal, nothing done yet", graph.Progress{Elapsed: time.Second}, 10, true,
			"[........................]   0%  0/10 articles  0/s  ETA ?"},
		{"terminal, count below what was done", graph.Progress{Loaded: 20, Elapsed: time.Second}, 10, true,
			"[########################] 100%  20/20 articles  20/s  ETA 0s"},
		{"terminal, empty input", graph.Progress{Elapsed: time.Second}, 0, true,
			"[########################] 100%  0/0 articles  0/s  ETA ?"},
	}
	for _, tt := range tests {
		if got := progressLine(tt.p, tt.total, tt.tty); got != tt.want {
			t.Errorf("%s: progressLine = %q, want %q", tt.name, got, tt.want)
		}
	}
}

type fixedCount int

func (n fixedCount) Count(context.Context) (int, bool) { return int(n), n >= 0 }

func TestReporterProgress(t *testing.T) {
	p := graph.Progress{Loaded: 5, Elapsed: time.Second}
	var buf bytes.Buffer
	r, err := newReporter(&buf, false, "")
	if err != nil {
		t.Fatal(err)
	}
	r.update(p)
	r.count(context.Background(), fixedCount(10))()
	r.update(p)
	r.close()
	want := "progress: 5 articles, 5 articles/s; 5 loaded, 0 skipped (loaded before), 0 rejected; 0 entities, 0 relations; 1s elapsed\n" +
		"progress: 5/10 articles (50%), 5 articles/s, ETA 1s; 5 loaded, 0 skipped (loaded before), 0 rejected; 0 entities, 0 relations; 1s elapsed\n"
	if got := buf.String(); got != want {
		t.Errorf("progress printed:\n%s\nwant:\n%s", got, want)
	}

	buf.Reset()
	quiet, err := newReporter(&buf, true, "")
	if err != nil {
		t.Fatal(err)
	}
	quiet.count(context.Background(), fixedCount(10))()
	quiet.update(p)
	quiet.close()
	if buf.Len() != 0 {
		t.Errorf("quiet reporter printed %q", buf.String())
	}
}

// TestBuildPrintsProgress checks the plain progress lines of a build whose
// stderr is not a terminal, and the summary's counts.
func TestBuildPrintsProgress(t *testing.T) {
	code, stdout, stderr := kg(t, "", "build", "--out", t.TempDir()+"/g.json", seed)
	if code != 0 {
		t.Fatalf("kg build = %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"articles read", "articles rejected", "articles skipped (loaded before)", "articles loaded", "elapsed"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stderr, "\r") || strings.Contains(stderr, "\033[") {
		t.Errorf("terminal control characters on a stderr that is not a terminal: %q", stderr)
	}
}
