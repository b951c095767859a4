package main

// Reliability and security tests (issue 6): bad input, hostile strings,
// faults of Neo4j, read-only queries. README.md (Reliability) says what
// each proves.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/schema"
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

	g := readGraph(t, out)
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

// closedURI returns the bolt URI of a loopback port where nothing listens.
func closedURI(t *testing.T) string {
	t.Helper()
	port, err := neo4jtest.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("bolt://127.0.0.1:%d", port)
}

// silentURI returns the bolt URI of a loopback port that accepts
// connections and never answers, like a hung server or a firewall that
// swallows packets.
func silentURI(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return "bolt://" + l.Addr().String()
}

// dirEntries lists what dir holds, recursively, as slash paths.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

// TestNeo4jNotRunning points every command that needs Neo4j at a closed
// port and at a port that never answers: each fails within seconds with
// exit status 1 and an error naming the URI, and leaves nothing behind in
// the working directory (no graph file, no rejects file).
func TestNeo4jNotRunning(t *testing.T) {
	seedAbs, err := filepath.Abs(seed)
	if err != nil {
		t.Fatal(err)
	}
	xs := filepath.Join(t.TempDir(), "x.jsonl")
	if code, _, stderr := kg(t, "", "extract", "-q", "--out", xs, seedAbs); code != 0 {
		t.Fatalf("kg extract = %d: %s", code, stderr)
	}
	commands := [][]string{
		{"build", "--rejects", "rejects.jsonl", seedAbs},
		{"load", "--rejects", "rejects.jsonl", xs},
		{"query", "RETURN 1"},
		{"schema", "apply"},
		{"entity", "Dmitry Peskov"},
		{"between", "Dmitry Peskov", "Ukraine"},
		{"export", "--seed", "Dmitry Peskov"},
	}
	for _, server := range []struct {
		name  string
		uri   func(*testing.T) string
		limit time.Duration
	}{
		{"closed port", closedURI, 5 * time.Second},
		{"silent port", silentURI, 30 * time.Second}, // the connect timeout is 10s
	} {
		for _, args := range commands {
			if server.name == "silent port" && args[0] != "build" {
				continue // ten seconds each: one command shows it
			}
			t.Run(server.name+"/"+args[0], func(t *testing.T) {
				uri := server.uri(t)
				t.Setenv("NEO4J_URI", uri)
				wd := t.TempDir()
				t.Chdir(wd)
				start := time.Now()
				code, stdout, stderr := kg(t, "", args...)
				took := time.Since(start)
				if code != exitFailure {
					t.Errorf("kg %s = %d, want %d; stderr:\n%s", args[0], code, exitFailure, stderr)
				}
				if took > server.limit {
					t.Errorf("kg %s took %s to fail, want at most %s", args[0], took.Round(time.Millisecond), server.limit)
				}
				if !strings.Contains(stderr, uri) {
					t.Errorf("kg %s: error does not name %s:\n%s", args[0], uri, stderr)
				}
				if left := dirEntries(t, wd); len(left) > 0 {
					t.Errorf("kg %s left %v in the working directory", args[0], left)
				}
				t.Logf("%s after %s: %s%s", args[0], took.Round(time.Millisecond), stdout, strings.TrimSpace(stderr))
			})
		}
	}
}

// TestRejectsFileUnwritable: a rejects file that cannot be created fails
// kg build and kg load before any work, and no graph file is written.
func TestRejectsFileUnwritable(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := t.TempDir()
	xs := filepath.Join(dir, "x.jsonl")
	if code, _, stderr := kg(t, "", "extract", "-q", "--out", xs, seed); code != 0 {
		t.Fatalf("kg extract = %d: %s", code, stderr)
	}
	for _, args := range [][]string{{"build", seed}, {"load", xs}} {
		out := filepath.Join(dir, "g.json")
		code, _, stderr := kg(t, "", args[0], "--out", out, "--rejects", dir, args[1]) // a directory
		if code != exitFailure || !strings.Contains(stderr, "rejects file") {
			t.Errorf("kg %s --rejects DIR = %d, want %d and an error about the rejects file; stderr:\n%s", args[0], code, exitFailure, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("kg %s --rejects DIR wrote the graph file", args[0])
		}
	}
}

// startServer starts a Neo4j of its own for t (about ten seconds), stopped
// when t ends. It skips or fails t as the other Neo4j tests do when Neo4j
// is unavailable.
func startServer(t *testing.T, port int, env ...string) *neo4jtest.Server {
	t.Helper()
	neo4jtest.URI(t) // skips, or fails when Neo4j is required, without one
	ctx, cancel := context.WithTimeout(context.Background(), neo4jtest.StartTimeout)
	defer cancel()
	srv, err := neo4jtest.Start(ctx, port, env)
	if err != nil {
		neo4jtest.Unavailable(t, "start a second Neo4j: %v", err)
	}
	t.Cleanup(srv.Stop)
	return srv
}

// TestNeo4jWrongPassword runs every Neo4j command against a server with
// authentication, with a wrong password given by the environment, by the
// flag and inside the URI: each fails with a clear authentication error,
// and neither the wrong nor the right password appears in anything kg
// prints, progress and summaries included.
func TestNeo4jWrongPassword(t *testing.T) {
	const right, wrong = "kg-R1ght-pa55word", "kg-Wr0ng-pa55word"
	srv := startServer(t, 0, "NEO4J_AUTH=neo4j/"+right)
	uri := srv.URI()
	host := strings.TrimPrefix(uri, "bolt://")
	seedAbs, _ := filepath.Abs(seed)
	dir := t.TempDir()
	xs := filepath.Join(dir, "x.jsonl")
	if code, _, stderr := kg(t, "", "extract", "-q", "--out", xs, seedAbs); code != 0 {
		t.Fatalf("kg extract = %d: %s", code, stderr)
	}
	secretFree := func(t *testing.T, what, out string) {
		t.Helper()
		for _, pw := range []string{right, wrong} {
			if strings.Contains(out, pw) {
				t.Errorf("%s printed a password:\n%s", what, out)
			}
		}
	}

	// The right password works (first: Neo4j locks a user out for a few
	// seconds after repeated failures), and is not printed.
	t.Setenv("NEO4J_URI", uri)
	t.Setenv("NEO4J_PASSWORD", right)
	for _, args := range [][]string{{"build", seedAbs}, {"query", "MATCH (n) RETURN count(n) AS n"}, {"entity", "Dmitry Peskov"}} {
		code, stdout, stderr := kg(t, "", args...)
		if code != 0 {
			t.Fatalf("kg %s with the right password = %d; stderr:\n%s", args[0], code, stderr)
		}
		secretFree(t, "kg "+args[0], stdout+stderr)
	}

	commands := [][]string{
		{"build", seedAbs},
		{"load", xs},
		{"query", "RETURN 1"},
		{"schema", "apply"},
		{"entity", "Dmitry Peskov"},
		{"between", "Dmitry Peskov", "Ukraine"},
		{"export", "--seed", "Dmitry Peskov"},
	}
	for _, how := range []struct {
		name string
		env  map[string]string
		flag []string
	}{
		{"environment", map[string]string{"NEO4J_PASSWORD": wrong}, nil},
		{"flag", map[string]string{"NEO4J_PASSWORD": ""}, []string{"--neo4j-password", wrong}},
		{"flag over right environment", map[string]string{"NEO4J_PASSWORD": right}, []string{"--neo4j-password", wrong}},
		{"in the URI", map[string]string{"NEO4J_PASSWORD": wrong, "NEO4J_URI": "bolt://neo4j:" + wrong + "@" + host}, nil},
		{"none", map[string]string{"NEO4J_PASSWORD": ""}, nil},
	} {
		for _, args := range commands {
			t.Run(how.name+"/"+args[0], func(t *testing.T) {
				t.Setenv("NEO4J_URI", uri)
				for k, v := range how.env {
					t.Setenv(k, v)
				}
				wd := t.TempDir()
				t.Chdir(wd)
				full := append(append([]string{args[0]}, how.flag...), args[1:]...)
				if args[0] == "schema" {
					full = append([]string{"schema", "apply"}, how.flag...)
				}
				code, stdout, stderr := kg(t, "", full...)
				if code != exitFailure {
					t.Errorf("kg %s = %d, want %d; stderr:\n%s", args[0], code, exitFailure, stderr)
				}
				low := strings.ToLower(stderr)
				if !strings.Contains(low, "authentication") && !strings.Contains(low, "unauthorized") {
					t.Errorf("kg %s: error does not say authentication failed:\n%s", args[0], stderr)
				}
				if !strings.Contains(stderr, host) {
					t.Errorf("kg %s: error does not name the server %s:\n%s", args[0], host, stderr)
				}
				secretFree(t, "kg "+args[0], stdout+stderr)
				if left := dirEntries(t, wd); len(left) > 0 {
					t.Errorf("kg %s left %v in the working directory", args[0], left)
				}
			})
		}
	}
}

// TestNeo4jUnknownDatabase gives --neo4j-database nosuchdb to the commands
// that use Neo4j: each fails with an error naming the database, and
// nothing is written.
func TestNeo4jUnknownDatabase(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Driver(t) // skips or fails when Neo4j is unavailable
	t.Setenv("NEO4J_URI", uri)
	seedAbs, _ := filepath.Abs(seed)
	for _, args := range [][]string{
		{"build", "--neo4j-database", "nosuchdb", seedAbs},
		{"query", "--neo4j-database", "nosuchdb", "RETURN 1"},
		{"query", "--write", "--neo4j-database", "nosuchdb", "CREATE (:Intruder)"},
		{"schema", "apply", "--neo4j-database", "nosuchdb"},
		{"entity", "--neo4j-database", "nosuchdb", "Dmitry Peskov"},
		{"between", "--neo4j-database", "nosuchdb", "Dmitry Peskov", "Ukraine"},
		{"export", "--neo4j-database", "nosuchdb", "--seed", "Dmitry Peskov"},
	} {
		t.Run(args[0], func(t *testing.T) {
			wd := t.TempDir()
			t.Chdir(wd)
			code, _, stderr := kg(t, "", args...)
			if code != exitFailure {
				t.Errorf("kg %s = %d, want %d; stderr:\n%s", strings.Join(args, " "), code, exitFailure, stderr)
			}
			if !strings.Contains(stderr, "nosuchdb") || !strings.Contains(strings.ToLower(stderr), "not") {
				t.Errorf("kg %s: error does not say database nosuchdb does not exist:\n%s", args[0], stderr)
			}
			if left := dirEntries(t, wd); len(left) > 0 {
				t.Errorf("kg %s left %v in the working directory", args[0], left)
			}
			t.Logf("%s", strings.TrimSpace(stderr))
		})
	}
}

// buildKG builds the kg binary into a temp dir and returns its path.
func buildKG(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kg")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeCorpus writes copies of the dev articles (testdata/gold) as a JSON
// Lines corpus of n articles with distinct ids.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	golds, err := eval.LoadGoldDir("../../testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		g := golds[i%len(golds)]
		enc.Encode(map[string]string{"id": fmt.Sprintf("copy%d-%s", i/len(golds), g.ID), "title": g.Title, "text": g.Text, "published": g.Published, "source": g.Source})
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// fingerprint describes the whole graph of a Neo4j: its counts, the keys
// of its relations, and a checksum of every node and relationship with all
// their properties.
type fingerprint struct {
	Nodes, Rels int
	Keys        []string
	Sum         string
}

func graphPrint(t *testing.T, uri string) fingerprint {
	t.Helper()
	var lines []string
	var fp fingerprint
	for _, q := range []string{
		"MATCH (n) RETURN labels(n) AS labels, properties(n) AS props",
		"MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, properties(r) AS props, b.id AS to",
	} {
		code, stdout, stderr := kg(t, "", "query", "--neo4j-uri", uri, "--format", "json", q)
		if code != 0 {
			t.Fatalf("kg query %q = %d: %s", q, code, stderr)
		}
		var rows []map[string]any
		if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if l, ok := r["labels"].([]any); ok {
				slices.SortFunc(l, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
				fp.Nodes++
			} else {
				fp.Rels++
				if k, ok := r["props"].(map[string]any)["key"].(string); ok {
					fp.Keys = append(fp.Keys, k)
				}
			}
			b, _ := json.Marshal(r) // map keys sorted
			lines = append(lines, string(b))
		}
	}
	slices.Sort(lines)
	slices.Sort(fp.Keys)
	h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	fp.Sum = hex.EncodeToString(h[:])
	return fp
}

// TestNeo4jKilledMidLoad kills Neo4j (SIGKILL, as in a crash) while kg
// build loads a corpus into it: the build fails with a clear error. Neo4j
// is restarted on the same data and port, and the same command is run
// again: the graph is then exactly the graph of an uninterrupted build
// (counts, relation keys, every property), built for comparison in the
// test binary's own Neo4j.
func TestNeo4jKilledMidLoad(t *testing.T) {
	home := t.TempDir()
	port, err := neo4jtest.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, port, "KG_NEO4J_HOME="+home)
	uri := srv.URI()
	corpus := writeCorpus(t, 60)
	args := []string{"build", "--quiet", "--batch-size", "3", "--neo4j-uri", uri, corpus}

	// The interrupted build is a process of its own (kg's flag parsing is
	// not safe for concurrent use in one process), and a real one: its exit
	// status is the shell's.
	bin := buildKG(t)
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel) // kills the build if the test ends first
	go func() {
		cmd := exec.CommandContext(ctx, bin, args...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		code := cmd.ProcessState.ExitCode()
		if err != nil && code < 0 {
			errb.WriteString(err.Error())
		}
		done <- result{code, errb.String()}
	}()
	// Kill as soon as the first articles are in.
	deadline := time.Now().Add(2 * time.Minute)
	var loaded string
	for {
		var out, errb bytes.Buffer
		run(context.Background(), []string{"kg", "query", "--neo4j-uri", uri, "--format", "csv", "MATCH (a:Article) RETURN count(a)"}, strings.NewReader(""), &out, &errb)
		if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) == 2 && lines[1] != "0" {
			loaded = lines[1]
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no article loaded after 2 minutes")
		}
		time.Sleep(20 * time.Millisecond)
	}
	killed := time.Now()
	srv.Kill()

	// While the build retries (the driver retries for 30s), the
	// uninterrupted build, in the test binary's Neo4j, for comparison.
	ref := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	refArgs := slices.Clone(args)
	refArgs[slices.Index(refArgs, uri)] = ref
	if code, _, stderr := kg(t, "", refArgs...); code != 0 {
		t.Fatalf("uninterrupted kg build = %d; stderr:\n%s", code, stderr)
	}
	want := graphPrint(t, ref)

	var res result
	select {
	case res = <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("kg build still running 3 minutes after Neo4j was killed")
	}
	t.Logf("killed with %s articles in; kg build failed %s later (exit %d): %s", loaded, time.Since(killed).Round(time.Millisecond), res.code, strings.TrimSpace(res.stderr))
	if res.code != exitFailure {
		t.Fatalf("kg build with Neo4j killed = %d, want %d; stderr:\n%s", res.code, exitFailure, res.stderr)
	}
	if !strings.Contains(res.stderr, "kg: ") || !strings.Contains(res.stderr, "load") {
		t.Errorf("kg build with Neo4j killed: unclear error:\n%s", res.stderr)
	}

	// Restart on the same data and port: the same URI, the same command.
	srv2 := startServer(t, port, "KG_NEO4J_HOME="+home)
	restarted := time.Now()
	if srv2.URI() != uri {
		t.Fatalf("restarted on %s, want %s", srv2.URI(), uri)
	}
	partial := graphPrint(t, uri)
	code, _, stderr := kg(t, "", args...)
	if code != 0 {
		t.Fatalf("kg build rerun = %d; stderr:\n%s", code, stderr)
	}
	got := graphPrint(t, uri)
	t.Logf("after the crash: %d nodes, %d relationships; after the rerun: %d, %d; uninterrupted: %d, %d (restart to end %s)",
		partial.Nodes, partial.Rels, got.Nodes, got.Rels, want.Nodes, want.Rels, time.Since(restarted).Round(time.Second))
	if partial.Nodes >= want.Nodes {
		t.Errorf("the crash left %d nodes of %d: the kill came after the load", partial.Nodes, want.Nodes)
	}
	if got.Nodes != want.Nodes || got.Rels != want.Rels {
		t.Errorf("rerun after the crash: %d nodes, %d relationships; uninterrupted: %d, %d", got.Nodes, got.Rels, want.Nodes, want.Rels)
	}
	if !slices.Equal(got.Keys, want.Keys) {
		t.Errorf("rerun after the crash has %d relation keys, uninterrupted %d, and they differ", len(got.Keys), len(want.Keys))
	}
	if got.Sum != want.Sum {
		t.Errorf("rerun after the crash: properties checksum %s, uninterrupted %s", got.Sum, want.Sum)
	}
}

// hostileNames are entity names that would break Cypher built by splicing
// strings: quotes, backticks, comments, line breaks, parameters, keywords.
var hostileNames = []string{
	"x'})-[:R]->() DETACH DELETE n //",
	"a`b",
	"` DETACH DELETE n //",
	"Line\nbreak\r\nMATCH (n) DETACH DELETE n",
	`"quoted" \ backslash`,
	"$name {id: 1}",
	"'; CALL db.clearQueryCaches(); //",
	"MATCH (n) DETACH DELETE n",
	"Esc\x1b[2J\x1b]0;owned\x07 \u009b31m Name",
}

// hostileExtraction is one article whose ids, names, aliases, evidence and
// role are the hostile names, built directly (the extractor does not make
// names with backticks or line breaks).
func hostileExtraction() schema.Extraction {
	const art = "art'}) DETACH DELETE n //"
	types := []schema.EntityType{schema.Person, schema.Organization, schema.Group, schema.Person, schema.Organization, schema.Country, schema.Group, schema.Country, schema.Person}
	x := schema.Extraction{Article: schema.Article{ID: art, Ref: "a`b", Title: hostileNames[3], Source: hostileNames[6], URL: "javascript:alert('x')", Published: "2024-03-05", Text: "not stored"}}
	for i, name := range hostileNames {
		x.Entities = append(x.Entities, schema.Entity{
			ID: schema.EntityID(types[i], name), Name: name, Type: types[i], Count: 1,
			Aliases: []string{hostileNames[(i+1)%len(hostileNames)] + " alias"},
		})
	}
	rel := func(s int, t schema.RelationType, o int, sentence int) schema.Relation {
		return schema.Relation{
			Key: schema.RelationKey(art, sentence, x.Entities[s].ID, t, x.Entities[o].ID), Type: t,
			Subject: x.Entities[s].ID, Object: x.Entities[o].ID, Article: art, Sentence: sentence,
			Evidence: hostileNames[s] + " met " + hostileNames[o] + ";", Start: 0, End: 10, Confidence: 0.75, Date: "2024-03-05",
		}
	}
	x.Relations = []schema.Relation{
		rel(0, schema.Meets, 1, 0),
		rel(2, schema.Criticizes, 3, 1),
		rel(3, schema.HoldsRole, 4, 2),
		rel(5, schema.Accuses, 7, 3),
		rel(6, schema.Warns, 0, 4),
		rel(1, schema.Supports, 6, 5),
		rel(8, schema.Denies, 0, 6),
	}
	x.Relations[2].Role = "Minister'}) SET n.pwned = true //"
	return x
}

// allowedLabels and allowedTypes are the node labels and relationship
// types kg may create: the ontology's, Entity, Article and MENTIONS.
func allowedLabels() map[string]bool {
	m := map[string]bool{"Entity": true, "Article": true}
	for _, t := range schema.EntityTypes {
		l, _ := schema.Label(t)
		m[l] = true
	}
	return m
}

func allowedTypes() map[string]bool {
	m := map[string]bool{"MENTIONS": true}
	for _, t := range schema.RelationTypes() {
		rt, _ := schema.RelType(t)
		m[rt] = true
	}
	return m
}

// checkVocabulary fails t when the graph holds a label or relationship
// type outside kg's schema, or a property named by the data.
func checkVocabulary(t *testing.T, uri string) {
	t.Helper()
	labels, types := allowedLabels(), allowedTypes()
	for _, q := range []string{
		"MATCH (n) UNWIND labels(n) AS x RETURN DISTINCT 'label' AS kind, x",
		"MATCH ()-[r]->() RETURN DISTINCT 'type' AS kind, type(r) AS x",
		"MATCH (n) UNWIND keys(n) AS x RETURN DISTINCT 'key' AS kind, x",
		"MATCH ()-[r]->() UNWIND keys(r) AS x RETURN DISTINCT 'key' AS kind, x",
	} {
		for _, row := range queryJSON(t, uri, q) {
			x, _ := row["x"].(string)
			switch row["kind"] {
			case "label":
				if !labels[x] {
					t.Errorf("node label %q is not kg's", x)
				}
			case "type":
				if !types[x] {
					t.Errorf("relationship type %q is not kg's", x)
				}
			case "key":
				if strings.ContainsAny(x, " '`\"\n$;") || x == "pwned" {
					t.Errorf("property %q came from the data", x)
				}
			}
		}
	}
}

// TestNeo4jInjection loads an extraction whose ids, names, aliases,
// evidence and role are hostile strings, and then runs the analysts'
// commands on those names: kg load creates exactly the nodes and
// relationships of the extraction, with kg's labels and types only and
// every string verbatim; kg query --param, kg entity, kg between and
// kg export find the entities and change nothing (counts and a checksum
// of every property before and after).
func TestNeo4jInjection(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	t.Setenv("NEO4J_URI", uri)
	x := hostileExtraction()
	line, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	xs := filepath.Join(t.TempDir(), "hostile.jsonl")
	if err := os.WriteFile(xs, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := kg(t, "", "load", "-q", xs); code != 0 {
		t.Fatalf("kg load = %d; stderr:\n%s", code, stderr)
	}
	before := graphPrint(t, uri)
	if want := 1 + len(x.Entities); before.Nodes != want {
		t.Errorf("kg load made %d nodes, want %d (the article and its entities)", before.Nodes, want)
	}
	if want := len(x.Entities) + len(x.Relations); before.Rels != want {
		t.Errorf("kg load made %d relationships, want %d (MENTIONS and relations)", before.Rels, want)
	}
	checkVocabulary(t, uri)

	// Every string is stored verbatim, found by parameter.
	param := func(k, v string) string {
		b, _ := json.Marshal(v) // JSON, so that kg query reads a string whatever v holds
		return k + "=" + string(b)
	}
	for _, name := range hostileNames {
		code, stdout, stderr := kg(t, "", "query", "--format", "json", "--param", param("name", name),
			"MATCH (e:Entity {name: $name}) RETURN e.name AS name, e.aliases AS aliases")
		var rows []struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
		}
		if code != 0 || json.Unmarshal([]byte(stdout), &rows) != nil || len(rows) != 1 || rows[0].Name != name {
			t.Errorf("kg query --param name=%q = %d, %s %s; want the one entity of that name", name, code, stdout, stderr)
		}
	}
	rows := queryJSON(t, uri, "MATCH (a:Article) RETURN a.id AS id, a.title AS title, a.source AS source")
	if len(rows) != 1 || rows[0]["id"] != x.Article.ID || rows[0]["title"] != x.Article.Title || rows[0]["source"] != x.Article.Source {
		t.Errorf("article = %v, want id %q, title %q, source %q", rows, x.Article.ID, x.Article.Title, x.Article.Source)
	}
	rows = queryJSON(t, uri, "MATCH ()-[r:HOLDS_ROLE]->() RETURN r.role AS role, r.evidence AS evidence")
	if len(rows) != 1 || rows[0]["role"] != x.Relations[2].Role || rows[0]["evidence"] != x.Relations[2].Evidence {
		t.Errorf("HOLDS_ROLE = %v, want role %q, evidence %q", rows, x.Relations[2].Role, x.Relations[2].Evidence)
	}

	// The analysts' commands find the entities by their hostile names.
	out := t.TempDir()
	for _, name := range hostileNames {
		code, stdout, stderr := kg(t, "", "entity", "--format", "json", name)
		var e struct {
			Entity struct {
				Name string `json:"name"`
			} `json:"entity"`
		}
		if code != 0 || json.Unmarshal([]byte(stdout), &e) != nil || e.Entity.Name != name {
			t.Errorf("kg entity %q = %d, name %q; stderr:\n%s", name, code, e.Entity.Name, stderr)
		}
		// Tables show control characters escaped: data cannot drive the
		// terminal.
		for _, args := range [][]string{
			{"entity", name},
			{"timeline", name},
			{"query", "--param", param("name", name), "MATCH (e:Entity {name: $name})-[r]-(o) RETURN e.name, r.evidence, o.name"},
		} {
			code, stdout, stderr := kg(t, "", args...)
			if line := printableLines(stdout + stderr); code != 0 || line != "" {
				t.Errorf("kg %s %q = %d, unprintable line %q; stderr:\n%s", args[0], name, code, line, stderr)
			}
		}
	}
	for _, r := range x.Relations {
		var a, b string
		for _, e := range x.Entities {
			if e.ID == r.Subject {
				a = e.Name
			}
			if e.ID == r.Object {
				b = e.Name
			}
		}
		code, stdout, stderr := kg(t, "", "between", "--format", "json", a, b)
		if code != 0 || !strings.Contains(stdout, string(r.Type)) {
			t.Errorf("kg between %q %q = %d, want the %s relation; stdout:\n%s\nstderr:\n%s", a, b, code, r.Type, stdout, stderr)
		}
		code, stdout, stderr = kg(t, "", "between", a, b)
		if line := printableLines(stdout + stderr); code != 0 || line != "" {
			t.Errorf("kg between %q %q = %d, unprintable line %q", a, b, code, line)
		}
	}
	for _, format := range exportFormats {
		for i, name := range hostileNames {
			dest := filepath.Join(out, fmt.Sprintf("%d.%s", i, format))
			code, _, stderr := kg(t, "", "export", "--seed", name, "--format", format, "-o", dest)
			if code != 0 {
				t.Errorf("kg export --seed %q --format %s = %d; stderr:\n%s", name, format, code, stderr)
			}
		}
	}
	if after := graphPrint(t, uri); !reflect.DeepEqual(after, before) {
		t.Errorf("the analysts' commands changed the graph: %+v, before %+v", after, before)
	}

	// Loading the same extraction again changes nothing either.
	if code, _, stderr := kg(t, "", "load", "-q", xs); code != 0 {
		t.Fatalf("second kg load = %d; stderr:\n%s", code, stderr)
	}
	if after := graphPrint(t, uri); !reflect.DeepEqual(after, before) {
		t.Errorf("loading the hostile extraction again changed the graph")
	}
}

// schemaPrint lists the constraints and indexes of a Neo4j by name.
func schemaPrint(t *testing.T, uri string) []string {
	t.Helper()
	var out []string
	for _, q := range []string{"SHOW CONSTRAINTS YIELD name RETURN name", "SHOW INDEXES YIELD name RETURN name"} {
		for _, r := range queryJSON(t, uri, q) {
			out = append(out, fmt.Sprint(r["name"]))
		}
	}
	slices.Sort(out)
	return out
}

// TestNeo4jQueryReadOnly runs queries that write in every form Cypher has
// (clauses, subqueries, batched transactions, FOREACH, LOAD CSV, schema
// and administration commands, writing procedures, a second statement)
// through kg query without --write: each fails with a non-zero status,
// and the graph (every property), its constraints and indexes are
// unchanged. With --write, a query changes what it says and nothing else.
func TestNeo4jQueryReadOnly(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	t.Setenv("NEO4J_URI", uri)
	if code, _, stderr := kg(t, "", "build", "-q", seed); code != 0 {
		t.Fatalf("kg build = %d; stderr:\n%s", code, stderr)
	}
	before, schemaBefore := graphPrint(t, uri), schemaPrint(t, uri)

	refused := []string{ // Neo4j refuses them in a read transaction
		"CREATE (n:Intruder) RETURN n",
		"MERGE (n:Intruder {id: 1}) RETURN n",
		"MATCH (e:Entity) SET e.name = 'pwned'",
		"MATCH (e:Entity) SET e += {pwned: true}",
		"MATCH (e:Entity) SET e:Intruder",
		"MATCH (e:Entity) REMOVE e.name",
		"MATCH (e:Entity) REMOVE e:Person",
		"MATCH (n) DETACH DELETE n",
		"MATCH ()-[r]->() DELETE r",
		"MATCH (a:Article) CALL { WITH a CREATE (a)-[:X]->(:Intruder) } RETURN count(*)",
		"MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS RETURN 1",
		"FOREACH (i IN range(1, 3) | CREATE (:Intruder {i: i}))",
		"UNWIND range(1, 3) AS i CREATE (:Intruder {i: i})",
		"LOAD CSV FROM 'file:///etc/hostname' AS row CREATE (:Intruder {row: row})",
		"MATCH (e:Entity) WITH e LIMIT 1 MERGE (e)-[:MEETS {key: 'intruder'}]->(e)",
		"CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.id)",
		"DROP CONSTRAINT entity_id",
		"DROP INDEX " + schema.FullTextIndex,
		"CALL db.createLabel('Intruder')",
		"CALL db.createRelationshipType('INTRUDES')",
		"CALL db.createProperty('pwned')",
		"CREATE DATABASE intruder",
		"CREATE USER intruder SET PASSWORD 'intruder-pw'",
		"ALTER USER neo4j SET PASSWORD 'intruder-pw'",
		"STOP DATABASE neo4j",
	}
	failing := []string{ // refused before they run
		"RETURN 1; CREATE (:Intruder)",
		"CALL apoc.create.node(['Intruder'], {})",
		"USE system CREATE USER intruder SET PASSWORD 'intruder-pw'",
	}
	for _, q := range append(slices.Clone(refused), failing...) {
		code, _, stderr := kg(t, "", "query", q)
		if code == 0 {
			t.Errorf("kg query %q exited 0", q)
		}
		if slices.Contains(refused, q) && !strings.Contains(stderr, "--write") {
			t.Errorf("kg query %q: error does not say the query writes and --write allows it:\n%s", q, stderr)
		}
	}
	// With --param, a hostile value is only a value.
	code, stdout, stderr := kg(t, "", "query", "--format", "json", "--param", "name=x'}) DETACH DELETE n //",
		"MATCH (e:Entity) WHERE e.name = $name RETURN e.name")
	if code != 0 || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("kg query --param hostile = %d, %s %s; want no rows", code, stdout, stderr)
	}
	if after := graphPrint(t, uri); !reflect.DeepEqual(after, before) {
		t.Errorf("read-only queries changed the graph: %d nodes, %d relationships, sum %s; before %d, %d, %s",
			after.Nodes, after.Rels, after.Sum, before.Nodes, before.Rels, before.Sum)
	}
	if after := schemaPrint(t, uri); !slices.Equal(after, schemaBefore) {
		t.Errorf("read-only queries changed the schema: %v, before %v", after, schemaBefore)
	}

	// --write changes what the query says, and nothing else.
	code, _, stderr = kg(t, "", "query", "--write", "--param", "name=x'}) DETACH DELETE n //", "CREATE (:Probe {name: $name})")
	if code != 0 {
		t.Fatalf("kg query --write = %d; stderr:\n%s", code, stderr)
	}
	rows := queryJSON(t, uri, "MATCH (p:Probe) RETURN p.name AS name")
	if len(rows) != 1 || rows[0]["name"] != "x'}) DETACH DELETE n //" {
		t.Errorf("Probe nodes = %v, want one named by the parameter", rows)
	}
	if code, _, stderr := kg(t, "", "query", "--write", "MATCH (p:Probe) DELETE p"); code != 0 {
		t.Fatalf("kg query --write (delete the probe) = %d; stderr:\n%s", code, stderr)
	}
	if after := graphPrint(t, uri); !reflect.DeepEqual(after, before) {
		t.Errorf("creating and deleting a probe changed the rest of the graph")
	}
}

// TestBadInputCorpusNeo4j builds testdata/bad into Neo4j and into a graph
// file: the two agree on every article (id, ref, title, source, url),
// entity (id, name, type, aliases) and relation (key, evidence), so the
// hostile strings that extraction lets through reach Neo4j verbatim; the
// graph has kg's labels and types only.
func TestBadInputCorpusNeo4j(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	out := filepath.Join(t.TempDir(), "g.json")
	t.Setenv("NEO4J_URI", uri)
	if code, _, stderr := kg(t, "", "build", "-q", "--out", out, badDir); code != 0 {
		t.Fatalf("kg build --out = %d; stderr:\n%s", code, stderr)
	}
	if code, _, stderr := kg(t, "", "build", "-q", badDir); code != 0 {
		t.Fatalf("kg build into Neo4j = %d; stderr:\n%s", code, stderr)
	}
	g := readGraph(t, out)
	var fromFile, fromNeo4j []string
	add := func(dst *[]string, v ...any) {
		b, _ := json.Marshal(v)
		*dst = append(*dst, string(b))
	}
	str := func(v any) string { s, _ := v.(string); return s }
	for _, a := range g.Articles {
		add(&fromFile, "article", a.ID, a.Ref, a.Title, a.Source, a.URL)
	}
	for _, e := range g.Entities {
		aliases := slices.Clone(e.Aliases)
		slices.Sort(aliases)
		add(&fromFile, "entity", e.ID, e.Name, string(e.Type), aliases)
	}
	for _, r := range g.Relations {
		add(&fromFile, "relation", r.Key, string(r.Type), r.Subject, r.Object, r.Evidence)
	}
	for _, r := range queryJSON(t, uri, "MATCH (a:Article) RETURN a.id AS id, a.ref AS ref, a.title AS title, a.source AS source, a.url AS url") {
		add(&fromNeo4j, "article", str(r["id"]), str(r["ref"]), str(r["title"]), str(r["source"]), str(r["url"]))
	}
	for _, r := range queryJSON(t, uri, "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases") {
		var aliases []string
		for _, a := range r["aliases"].([]any) {
			aliases = append(aliases, a.(string))
		}
		slices.Sort(aliases)
		add(&fromNeo4j, "entity", str(r["id"]), str(r["name"]), str(r["type"]), aliases)
	}
	for _, r := range queryJSON(t, uri, "MATCH (s:Entity)-[r]->(o:Entity) RETURN r.key AS key, type(r) AS type, s.id AS s, o.id AS o, r.evidence AS evidence") {
		add(&fromNeo4j, "relation", str(r["key"]), str(r["type"]), str(r["s"]), str(r["o"]), str(r["evidence"]))
	}
	slices.Sort(fromFile)
	slices.Sort(fromNeo4j)
	if !slices.Equal(fromFile, fromNeo4j) {
		for _, l := range fromFile {
			if !slices.Contains(fromNeo4j, l) {
				t.Errorf("in the graph file, not in Neo4j: %s", l)
			}
		}
		for _, l := range fromNeo4j {
			if !slices.Contains(fromFile, l) {
				t.Errorf("in Neo4j, not in the graph file: %s", l)
			}
		}
	}
	checkVocabulary(t, uri)
}
