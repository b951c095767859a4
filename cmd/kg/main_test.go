package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// TestMain provides a Neo4j to the integration tests (see neo4jtest).
func TestMain(m *testing.M) { neo4jtest.Main(m) }

const seed = "../../testdata/seed.txt"

// kg runs the command line args with stdin and returns the exit status
// and what was printed.
func kg(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"kg"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// files creates files (name -> content) in a temp dir and returns it.
func files(t *testing.T, fs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range fs {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readGraph reads the graph file at path as kg's readers do, checked
// (filestore.Read): every graph file the tests build must pass.
func readGraph(t *testing.T, path string) *graph.Graph {
	t.Helper()
	g, err := filestore.Read(path)
	if err != nil {
		t.Fatalf("graph file: %v", err)
	}
	return g
}

// checkGraph checks the structure of a graph file: the articles given,
// relations whose ends are entities of the file, every relation with its
// evidence.
func checkGraph(t *testing.T, path string, articles int) *graph.Graph {
	t.Helper()
	g := readGraph(t, path)
	if len(g.Articles) != articles {
		t.Errorf("graph file has %d articles, want %d", len(g.Articles), articles)
	}
	ids := map[string]bool{}
	for _, e := range g.Entities {
		if e.ID == "" || e.Name == "" || !e.Type.Valid() {
			t.Errorf("entity %+v: want id, name and an ontology type", e)
		}
		ids[e.ID] = true
	}
	for _, r := range g.Relations {
		if !ids[r.Subject] || !ids[r.Object] {
			t.Errorf("relation %s %s: subject %s or object %s is not an entity of the file", r.Key, r.Type, r.Subject, r.Object)
		}
		if r.Evidence == "" || !r.Type.Valid() {
			t.Errorf("relation %+v: want evidence and an ontology type", r)
		}
	}
	return g
}

func TestBuildFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sub", "dir", "g.json")
	code, stdout, stderr := kg(t, "", "build", "--out", out, seed)
	if code != 0 {
		t.Fatalf("kg build = %d, stderr:\n%s", code, stderr)
	}
	checkGraph(t, out, 1)
	for _, want := range []string{"articles read", "articles loaded", "entities", "relations", "graph file " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}

	// Building again into the file is refused, and changes nothing;
	// with --append it loads nothing new: the file is byte-identical.
	before, _ := os.ReadFile(out)
	code, stdout, stderr = kg(t, "", "build", "--quiet", "--out", out, seed)
	if code != 2 || stdout != "" || !strings.Contains(stderr, "graph file "+out+" exists: give --append") {
		t.Errorf("second kg build without --append = %d, stdout %q, stderr %q; want a usage error naming the file and --append", code, stdout, stderr)
	}
	if code, _, stderr := kg(t, "", "build", "--quiet", "--append", "--out", out, seed); code != 0 {
		t.Fatalf("second kg build --append = %d, stderr:\n%s", code, stderr)
	}
	after, _ := os.ReadFile(out)
	if !bytes.Equal(before, after) {
		t.Errorf("building the seed twice changed the graph file")
	}
}

func TestBuildDefaultOut(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := t.TempDir()
	abs, _ := filepath.Abs(seed)
	t.Chdir(dir)
	if code, _, stderr := kg(t, "", "build", "--quiet", abs); code != 0 {
		t.Fatalf("kg build = %d, stderr:\n%s", code, stderr)
	}
	checkGraph(t, filepath.Join(dir, "kg-out", "graph.json"), 1)
}

func TestBuildQuiet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.json")
	code, stdout, stderr := kg(t, "", "build", "-q", "--out", out, seed)
	if code != 0 || stdout != "" || stderr != "" {
		t.Errorf("kg build -q = %d, stdout %q, stderr %q; want 0 and no output", code, stdout, stderr)
	}
}

func TestBuildRejects(t *testing.T) {
	dir := files(t, map[string]string{
		"mixed.jsonl": strings.Join([]string{
			`{"id":"good1","text":"WASHINGTON, February 2. /TASS/. Lloyd Austin met NATO allies."}`,
			`{"id":"trunc","text":"Cut sho`,
			"{\"id\":\"utf\",\"text\":\"bad \xff\"}",
			`{"id":"empty","text":""}`,
			`{"id":"good2","text":"MOSCOW, February 3. /TASS/. Dmitry Peskov spoke."}`,
		}, "\n"),
		"binary.txt": "\x00\x01\x02\x03",
	})
	out := filepath.Join(dir, "g.json")
	rejects := filepath.Join(dir, "rejects", "r.jsonl")
	code, _, stderr := kg(t, "", "build", "--out", out, "--rejects", rejects, dir)
	if code != 0 {
		t.Fatalf("kg build = %d, want 0 (rejects are not fatal); stderr:\n%s", code, stderr)
	}
	checkGraph(t, out, 2)
	wantStderr := []string{
		"reject: " + filepath.Join(dir, "binary.txt") + ": binary content",
		"reject: " + filepath.Join(dir, "mixed.jsonl") + ":2: malformed JSON",
		"reject: " + filepath.Join(dir, "mixed.jsonl") + ":3: invalid UTF-8",
		"reject: " + filepath.Join(dir, "mixed.jsonl") + ":4 [empty]: empty text",
	}
	for _, w := range wantStderr {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	f, err := os.Open(rejects)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []ingest.Reject
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r ingest.Reject
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("rejects file line %q: %v", sc.Text(), err)
		}
		if r.Source == "" || r.Reason == "" {
			t.Errorf("reject %+v: want source and reason", r)
		}
		got = append(got, r)
	}
	if len(got) != 4 {
		t.Errorf("rejects file has %d rejects, want 4: %+v", len(got), got)
	}

	// --strict: the same input exits 1.
	if code, _, _ := kg(t, "", "build", "--strict", "-q", "--append", "--out", out, dir); code != 1 {
		t.Errorf("kg build --strict with rejects = %d, want 1", code)
	}
	// --strict with clean input exits 0.
	if code, _, stderr := kg(t, "", "build", "--strict", "-q", "--append", "--out", out, seed); code != 0 {
		t.Errorf("kg build --strict with clean input = %d, want 0; stderr:\n%s", code, stderr)
	}
}

func TestBuildStdin(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.json")
	in := `{"id":"a","text":"MOSCOW, February 3. /TASS/. Dmitry Peskov spoke."}` + "\n" +
		`{"id":"b","text":"WASHINGTON, February 2. /TASS/. Lloyd Austin met NATO allies."}` + "\n"
	if code, _, stderr := kg(t, in, "build", "-q", "--out", out, "-"); code != 0 {
		t.Fatalf("kg build - = %d, stderr:\n%s", code, stderr)
	}
	checkGraph(t, out, 2)
}

func TestUsageErrors(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := t.TempDir()
	out := filepath.Join(dir, "never.json")
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"build no inputs", []string{"build", "--out", out}, "no inputs"},
		{"build missing path", []string{"build", "--out", out, seed, filepath.Join(dir, "missing.txt")}, "no such file"},
		{"build glob matches nothing", []string{"build", "--out", out, filepath.Join(dir, "*.jsonl")}, "matches nothing"},
		{"build bad flag", []string{"build", "--no-such-flag", seed}, "flag provided but not defined"},
		{"build bad fields", []string{"build", "--out", out, "--fields", "colour=red", seed}, "--fields"},
		{"build missing gazetteer", []string{"build", "--out", out, "--gazetteer", filepath.Join(dir, "gaz.tsv"), seed}, "--gazetteer"},
		{"build bad batch size", []string{"build", "--out", out, "--batch-size", "0", seed}, "--batch-size"},
		{"extract bad shard", []string{"extract", "--out", out, "--shard", "2/2", seed}, "--shard"},
		{"extract missing path", []string{"extract", "--out", out, filepath.Join(dir, "missing.txt")}, "no such file"},
		{"load no inputs", []string{"load", "--out", out}, "no inputs"},
		{"load missing path", []string{"load", "--out", out, filepath.Join(dir, "x.jsonl")}, "no such file"},
		{"query without neo4j", []string{"query", "RETURN 1"}, "NEO4J_URI"},
		{"query no cypher", []string{"query"}, "CYPHER"},
		{"query bad format", []string{"query", "--format", "xml", "RETURN 1"}, "--format"},
		{"query bad param", []string{"query", "--param", "novalue", "RETURN 1"}, "--param"},
		{"schema apply without neo4j", []string{"schema", "apply"}, "NEO4J_URI"},
		{"eval without gold", []string{"eval"}, "gold"},
		{"eval missing gold dir", []string{"eval", "--gold", filepath.Join(dir, "nogold")}, "--gold"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := kg(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("kg %s = %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("kg %s: stderr lacks %q:\n%s", strings.Join(tt.args, " "), tt.want, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("kg %s wrote %s; usage errors must be found before any work", strings.Join(tt.args, " "), out)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"help"}, {"build", "--help"}, {"extract", "--help"}, {"load", "--help"},
		{"query", "--help"}, {"schema", "--help"}, {"schema", "apply", "--help"}, {"schema", "show", "--help"},
		{"eval", "--help"}, {"help", "build"},
	} {
		code, stdout, stderr := kg(t, "", args...)
		if code != 0 || !strings.Contains(stdout, "USAGE") {
			t.Errorf("kg %s = %d, stdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, stdout, stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := kg(t, "", "--version")
	if code != 0 || !strings.HasPrefix(stdout, "kg version ") {
		t.Errorf("kg --version = %d, %q", code, stdout)
	}
}

// TestPasswordNeverPrinted runs the commands that connect to Neo4j with
// URIs that hold the password, well-formed or not, and with the password
// given as a flag: whatever fails, nothing kg prints shows any part of it.
func TestPasswordNeverPrinted(t *testing.T) {
	const secret = "s3cr3t-pa55"
	uris := []string{
		"bolt://neo4j:" + secret + "@127.0.0.1:1",
		"bolt://neo4j:s%zz" + secret + "@127.0.0.1:1", // a bad escape
		"neo4j:" + secret + "@127.0.0.1:1",            // no scheme
		"bolt://neo4j:" + secret + "@",                // no host
		"bolt://neo4j:" + secret,                      // no @: the password reads as a port
		"bolt://neo4j:" + secret + "@[::1:1",          // broken IPv6
		"neo4j+s://neo4j:" + secret + "@127.0.0.1:1?password=" + secret,
	}
	commands := [][]string{
		{"schema", "apply"},
		{"query", "RETURN 1"},
		{"build", seed},
		{"entity", "Russia"},
		{"export", "--seed", "Russia"},
	}
	for _, uri := range uris {
		for _, cmd := range commands {
			args := append([]string{cmd[0], "--neo4j-uri", uri, "--neo4j-password", secret}, cmd[1:]...)
			t.Chdir(t.TempDir())
			code, stdout, stderr := kg(t, "", args...)
			if code == exitOK {
				t.Errorf("kg %s --neo4j-uri %q = 0, want a failure (no server)", cmd[0], uri)
			}
			for _, part := range []string{secret, "s3cr3t", "pa55"} {
				if strings.Contains(stdout+stderr, part) {
					t.Errorf("kg %s --neo4j-uri %q printed the password:\n%s%s", cmd[0], uri, stdout, stderr)
					break
				}
			}
		}
	}
}

func TestExtractLoad(t *testing.T) {
	dir := files(t, map[string]string{
		"a.jsonl": `{"id":"a","text":"MOSCOW, February 3. /TASS/. Kremlin spokesman Dmitry Peskov denied the claims."}` + "\n" +
			`{"id":"b","text":"WASHINGTON, February 2. /TASS/. Lloyd Austin will meet NATO allies."}` + "\n",
	})
	inputs := []string{seed, filepath.Join(dir, "a.jsonl")}

	built := filepath.Join(dir, "built.json")
	if code, _, stderr := kg(t, "", append([]string{"build", "-q", "--out", built}, inputs...)...); code != 0 {
		t.Fatalf("kg build = %d, stderr:\n%s", code, stderr)
	}

	// One extraction per article, one JSON object a line.
	xs := filepath.Join(dir, "x.jsonl.gz")
	if code, _, stderr := kg(t, "", append([]string{"extract", "-q", "--out", xs}, inputs...)...); code != 0 {
		t.Fatalf("kg extract = %d, stderr:\n%s", code, stderr)
	}
	f, err := os.Open(xs)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for sc := bufio.NewScanner(zr); sc.Scan(); n++ {
		var x struct {
			Article struct {
				ID string `json:"id"`
			} `json:"article"`
			Entities  []json.RawMessage `json:"entities"`
			Relations []json.RawMessage `json:"relations"`
		}
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil || x.Article.ID == "" || x.Entities == nil || x.Relations == nil {
			t.Errorf("extraction line %d = %.200s: %v", n+1, sc.Text(), err)
		}
	}
	f.Close()
	if n != 3 {
		t.Errorf("kg extract wrote %d lines, want 3", n)
	}

	// Loading the extractions gives the graph of the build.
	loaded := filepath.Join(dir, "loaded.json")
	if code, _, stderr := kg(t, "", "load", "-q", "--out", loaded, xs); code != 0 {
		t.Fatalf("kg load = %d, stderr:\n%s", code, stderr)
	}
	a, _ := os.ReadFile(built)
	b, _ := os.ReadFile(loaded)
	if !bytes.Equal(a, b) {
		t.Errorf("kg extract | kg load differs from kg build:\n%s\nvs\n%s", a, b)
	}
}

func TestExtractShards(t *testing.T) {
	var lines []string
	for i := range 40 {
		lines = append(lines, `{"id":"art`+strings.Repeat("x", i)+`","text":"Lloyd Austin met NATO allies."}`)
	}
	dir := files(t, map[string]string{"in.jsonl": strings.Join(lines, "\n")})
	in := filepath.Join(dir, "in.jsonl")
	seen := map[string]int{}
	for _, sh := range []string{"0/3", "1/3", "2/3"} {
		code, stdout, stderr := kg(t, "", "extract", "-q", "--shard", sh, in)
		if code != 0 {
			t.Fatalf("kg extract --shard %s = %d, stderr:\n%s", sh, code, stderr)
		}
		got := strings.Count(stdout, "\n")
		if got == 0 || got == 40 {
			t.Errorf("shard %s has %d of 40 articles", sh, got)
		}
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			var x struct {
				Article struct {
					Ref string `json:"ref"`
				} `json:"article"`
			}
			json.Unmarshal([]byte(line), &x)
			seen[x.Article.Ref]++
		}
	}
	if len(seen) != 40 {
		t.Errorf("shards cover %d of 40 articles", len(seen))
	}
	for ref, n := range seen {
		if n != 1 {
			t.Errorf("article %s in %d shards", ref, n)
		}
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{usagef("bad"), exitUsage},
		{errRejected, exitFailure},
		{context.Canceled, exitInterrupted},
		{os.ErrNotExist, exitFailure},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestCancelledBuildSaysWhatWasLoaded(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(t.TempDir(), "g.json")
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"kg", "build", "--out", out, seed}, strings.NewReader(""), &stdout, &stderr)
	if code != exitInterrupted {
		t.Errorf("cancelled kg build = %d, want %d; stderr:\n%s", code, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted after loading") || !strings.Contains(stdout.String(), "articles loaded") {
		t.Errorf("cancelled build: stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
}
