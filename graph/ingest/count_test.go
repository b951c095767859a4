package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// TestCount checks that Count finds as many items as Read goes through:
// articles read plus inputs rejected.
func TestCount(t *testing.T) {
	long := strings.Repeat("x", 300)
	dir := write(t, map[string]string{
		"a.txt":         "WASHINGTON, Feb. 2. Lloyd Austin met NATO allies.",
		"bin.txt":       "\x00\x01",
		"lines.jsonl":   "{\"id\":\"1\",\"text\":\"one\"}\n\n  \n{\"id\":\"2\",\"text\":\"two\"}\n{\"id\":\"3\",\"text\":\"\"}\n{\"id\":\"4\",\"text\":\"cut\n{\"id\":\"5\",\"text\":\"" + long + "\"}",
		"nl.ndjson.gz":  "{\"id\":\"6\",\"text\":\"six\"}\n{\"id\":\"7\",\"text\":\"seven\"}\n",
		"arr.json":      `[{"id":"8","text":"eight"}, {"id":"9","text":"nine"}, 3, {"id":"10"}]`,
		"objs.json":     `{"id":"11","text":"eleven"} {"id":"12","text":"twelve"}`,
		"cut.json":      `[{"id":"13","text":"thirteen"}, {"id":"14","te`,
		"sub/deep.json": `[]`,
		"sub/skip.csv":  "not read",
		"sniffed":       "{\"id\":\"15\",\"text\":\"fifteen\"}\n{\"id\":\"16\",\"text\":\"sixteen\"}\n",
	})
	for _, tt := range []struct {
		name   string
		inputs []string
	}{
		{"directory", []string{dir}},
		{"glob", []string{filepath.Join(dir, "*.json")}},
		{"files", []string{filepath.Join(dir, "lines.jsonl"), filepath.Join(dir, "sniffed"), filepath.Join(dir, "a.txt")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{MaxSize: 100}
			arts, rejects := read(t, dir, tt.inputs, opts)
			n, ok := NewReader(tt.inputs, opts).Count(context.Background())
			if !ok || n != len(arts)+len(rejects) {
				t.Errorf("Count(%v) = %d, %v; want %d (%d articles, %d rejects), true", tt.inputs, n, ok, len(arts)+len(rejects), len(arts), len(rejects))
			}
		})
	}

	if _, ok := NewReader([]string{dir, Stdin}, Options{}).Count(context.Background()); ok {
		t.Errorf("Count with standard input: ok, want not countable")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, ok := NewReader([]string{dir}, Options{}).Count(ctx); ok {
		t.Errorf("Count with a cancelled context: ok, want not counted")
	}
}

func TestCountExtractions(t *testing.T) {
	x := `{"article":{"id":"a1","text":"t"},"entities":[],"relations":[]}`
	dir := write(t, map[string]string{
		"x.jsonl":    x + "\n\n" + x + "\nnot json\n",
		"y.jsonl.gz": x + "\n",
		"z.txt":      "not an extraction file",
	})
	r := NewExtractionReader([]string{dir}, Options{})
	var got int
	if err := r.Read(context.Background(), func(schema.Extraction) error { got++; return nil }); err != nil {
		t.Fatal(err)
	}
	n, ok := NewExtractionReader([]string{dir}, Options{}).Count(context.Background())
	if !ok || n != got+r.Rejected() || n != 4 {
		t.Errorf("Count = %d, %v; want %d read + %d rejected = 4", n, ok, got, r.Rejected())
	}
}
