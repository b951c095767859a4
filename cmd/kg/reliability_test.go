package main

// Reliability and security tests (issue 6): bad input, hostile strings,
// faults of Neo4j, read-only queries. README.md (Reliability) says what
// each proves.

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kg/graph"
	"kg/graph/ingest"
)

var updateBad = flag.Bool("update-bad", false, "rewrite testdata/bad/outcome.golden")

const badDir = "../../testdata/bad"

// printableLines reports the first line of s that holds a character that
// is not printable (a terminal escape, a lone carriage return), or "".
func printableLines(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.IndexFunc(line, func(c rune) bool { return !strconv.IsPrint(c) && c != '\t' }) >= 0 {
			return line
		}
	}
	return ""
}

// TestBadInputCorpus builds testdata/bad (binary, invalid UTF-8, empty
// files, deep and truncated JSON, wrong shapes, a truncated gzip stream,
// hostile names) into a graph file: exit status 0, one clear reject per
// bad item on stderr and in the rejects file, every good item loaded, and
// hostile names kept verbatim. testdata/bad/outcome.golden holds the
// outcome (go test ./cmd/kg -run BadInputCorpus -update-bad rewrites it).
func TestBadInputCorpus(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := t.TempDir()
	out := filepath.Join(dir, "g.json")
	rejects := filepath.Join(dir, "rejects.jsonl")
	code, _, stderr := kg(t, "", "build", "-q", "--out", out, "--rejects", rejects, badDir)
	if code != 0 {
		t.Fatalf("kg build testdata/bad = %d, want 0 (rejects are not fatal); stderr:\n%s", code, stderr)
	}
	if line := printableLines(stderr); line != "" {
		t.Errorf("stderr holds unprintable characters (a terminal escape from the data?): %q", line)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# kg build testdata/bad: exit status %d\n# rejects, in input order\n", code)
	var rejectLines []string
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(line, "reject: ") {
			t.Errorf("stderr line that is not a reject: %q", line)
			continue
		}
		line = strings.ReplaceAll(line, badDir+"/", "testdata/bad/")
		rejectLines = append(rejectLines, line)
		b.WriteString(line + "\n")
	}

	// The rejects file says the same, as JSON Lines.
	f, err := os.Open(rejects)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); n++ {
		var r ingest.Reject
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("rejects file line %d: %v", n+1, err)
		}
		r.Source = strings.ReplaceAll(r.Source, badDir+"/", "testdata/bad/")
		if n < len(rejectLines) && "reject: "+r.String() != rejectLines[n] {
			t.Errorf("rejects file line %d = %q, stderr says %q", n+1, r.String(), rejectLines[n])
		}
	}
	if n != len(rejectLines) {
		t.Errorf("rejects file has %d rejects, stderr %d", n, len(rejectLines))
	}

	g, err := graph.ReadGraph(out)
	if err != nil {
		t.Fatal(err)
	}
	checkGraph(t, out, len(g.Articles)) // ends of relations, evidence
	// The golden holds what the readers decide (rejects, articles), not
	// what the extractor finds, which improves.
	var refs []string
	gz := 0
	for _, a := range g.Articles {
		if strings.HasPrefix(a.Ref, "gz-") {
			gz++ // the readable half of truncated.jsonl.gz
			continue
		}
		refs = append(refs, strconv.Quote(a.Ref))
	}
	slices.Sort(refs)
	fmt.Fprintf(&b, "# articles loaded: %d: gz-0 to gz-%d from truncated.jsonl.gz, and by ref\n%s\n", len(g.Articles), gz-1, strings.Join(refs, "\n"))
	golden(t, filepath.Join(badDir, "outcome.golden"), b.String())

	// Names with quotes and Cypher keywords are extracted verbatim.
	for _, name := range []string{"Dermot O'Brien", "MERGE Holdings"} {
		found := false
		for _, e := range g.Entities {
			found = found || e.Name == name
		}
		if !found {
			t.Errorf("no entity named %q in the graph file", name)
		}
	}

	// Hostile article fields are kept verbatim.
	want := map[string]string{
		"x'})-[:R]->() DETACH DELETE n //": "a`b\nMATCH (n) DETACH DELETE n",
		"a`b":                              `"quoted" \ backslash $param {x:1}`,
		"newline\nid":                      "line\r\nbreak\u2028sep",
	}
	for _, a := range g.Articles {
		if title, ok := want[a.Ref]; ok {
			if a.Title != title {
				t.Errorf("article %q: title %q, want %q", a.Ref, a.Title, title)
			}
			delete(want, a.Ref)
		}
	}
	for ref := range want {
		t.Errorf("hostile article %q not loaded", ref)
	}
}

// golden compares got with the file at path, or rewrites the file with
// -update-bad.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *updateBad {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/kg -run %s -update-bad)", err, t.Name())
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s differs at line %d:\ngot  %q\nwant %q\n(go test ./cmd/kg -run %s -update-bad rewrites it)", path, i+1, g, w, t.Name())
				break
			}
		}
	}
}
