package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/graph/ingest"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// helperArgs names the environment variable that makes TestHelperKG run
// kg with the JSON-encoded arguments it holds, in a process of its own.
const helperArgs = "KG_TEST_HELPER_ARGS"

// TestHelperKG is not a test: it is kg run in a subprocess by tests that
// need to kill kg (see kgProcess).
func TestHelperKG(t *testing.T) {
	raw := os.Getenv(helperArgs)
	if raw == "" {
		t.Skip("helper process for other tests")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(run(context.Background(), append([]string{"kg"}, args...), os.Stdin, os.Stdout, os.Stderr))
}

// kgProcess starts kg args in a subprocess (the test binary running
// TestHelperKG) with NEO4J_URI set to uri.
func kgProcess(t *testing.T, uri string, args ...string) *exec.Cmd {
	t.Helper()
	raw, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperKG$")
	cmd.Env = append(os.Environ(), helperArgs+"="+string(raw), "NEO4J_URI="+uri)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd
}

// devCorpus writes the dev articles (testdata/gold) copies times, each
// copy with ids of its own, as one JSON Lines file.
func devCorpus(t *testing.T, copies int) (path string, n int) {
	t.Helper()
	golds, err := eval.LoadGoldDir("../../testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for c := range copies {
		for _, g := range golds {
			a := map[string]string{"id": fmt.Sprintf("%s-%d", g.ID, c), "title": g.Title, "source": g.Source, "published": g.Published, "text": g.Text}
			if err := enc.Encode(a); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, n
}

// neo4jState is what a load must reproduce: node and relationship counts
// and the set of relation keys.
type neo4jState struct {
	Articles, Nodes, Rels int64
	Keys                  []string
}

func stateOf(t *testing.T, d neo4j.DriverWithContext) neo4jState {
	t.Helper()
	ctx := context.Background()
	one := func(q string) int64 {
		res, err := neo4j.ExecuteQuery(ctx, d, q, nil, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res.Records[0].Values[0].(int64)
	}
	st := neo4jState{
		Articles: one("MATCH (a:Article) RETURN count(a)"),
		Nodes:    one("MATCH (n) RETURN count(n)"),
		Rels:     one("MATCH ()-[r]->() RETURN count(r)"),
	}
	res, err := neo4j.ExecuteQuery(ctx, d, "MATCH ()-[r]->() WHERE r.key IS NOT NULL RETURN r.key", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Records {
		st.Keys = append(st.Keys, r.Values[0].(string))
	}
	slices.Sort(st.Keys)
	return st
}

// skipped returns the number of articles a build's summary says it
// skipped as loaded before.
func skipped(t *testing.T, stdout string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^articles skipped \(loaded before\)\s+(\d+)$`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no skipped articles in the summary:\n%s", stdout)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestNeo4jBuildKilledAndResumed kills `kg build` (SIGKILL, in a process
// of its own) in the middle of a load, runs it again and checks that the
// graph is that of an uninterrupted build: the articles loaded before the
// kill are skipped, the rest loaded, nothing twice.
func TestNeo4jBuildKilledAndResumed(t *testing.T) {
	uri := neo4jtest.URI(t)
	d := neo4jtest.Driver(t)
	corpus, n := devCorpus(t, 12)
	args := []string{"build", "--quiet", "--batch-size", "10", corpus}

	neo4jtest.Reset(t, d)
	if code, _, stderr := neo4jKG(t, uri, args...); code != 0 {
		t.Fatalf("kg build = %d; stderr:\n%s", code, stderr)
	}
	clean := stateOf(t, d)
	if clean.Articles != int64(n) {
		t.Fatalf("clean build loaded %d articles, want %d", clean.Articles, n)
	}

	neo4jtest.Reset(t, d)
	cmd := kgProcess(t, uri, args...)
	deadline := time.Now().Add(2 * time.Minute)
	for stateOf(t, d).Articles < 20 {
		if time.Now().After(deadline) {
			t.Fatal("fewer than 20 articles loaded after 2 minutes")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	// A commit kg sent before it died may still be under way.
	killed := stateOf(t, d)
	for {
		time.Sleep(300 * time.Millisecond)
		now := stateOf(t, d)
		if now.Articles == killed.Articles {
			break
		}
		killed = now
	}
	if killed.Articles >= int64(n) || killed.Articles%10 != 0 {
		t.Fatalf("killed with %d of %d articles loaded; want a part, in whole batches of 10", killed.Articles, n)
	}

	code, stdout, stderr := neo4jKG(t, uri, "build", "--batch-size", "10", corpus)
	if code != 0 {
		t.Fatalf("kg build after the kill = %d; stderr:\n%s", code, stderr)
	}
	if got := skipped(t, stdout); int64(got) != killed.Articles {
		t.Errorf("resumed build skipped %d articles, want the %d loaded before the kill", got, killed.Articles)
	}
	if got := stateOf(t, d); !reflect.DeepEqual(got, clean) {
		t.Errorf("killed and resumed: %d articles, %d nodes, %d relationships, %d keys; uninterrupted: %d, %d, %d, %d",
			got.Articles, got.Nodes, got.Rels, len(got.Keys), clean.Articles, clean.Nodes, clean.Rels, len(clean.Keys))
	}

	// --force loads everything again, and changes nothing.
	code, stdout, stderr = neo4jKG(t, uri, "build", "--force", "--batch-size", "50", corpus)
	if code != 0 || skipped(t, stdout) != 0 {
		t.Fatalf("kg build --force = %d, skipped %d; stderr:\n%s", code, skipped(t, stdout), stderr)
	}
	if got := stateOf(t, d); !reflect.DeepEqual(got, clean) {
		t.Errorf("after --force: %d articles, %d nodes, %d relationships; want %d, %d, %d", got.Articles, got.Nodes, got.Rels, clean.Articles, clean.Nodes, clean.Rels)
	}
}

// TestBuildFileSkipsLoaded checks resumption with the graph file: a
// second build into the same file (--append) skips what the file holds.
func TestBuildFileSkipsLoaded(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.json")
	if code, _, stderr := kg(t, "", "build", "--out", out, seed); code != 0 {
		t.Fatalf("kg build = %d; stderr:\n%s", code, stderr)
	}
	before, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := kg(t, "", "build", "--append", "--out", out, seed)
	if code != 0 || skipped(t, stdout) != 1 {
		t.Fatalf("second kg build = %d, skipped %d, want 0, 1; stderr:\n%s", code, skipped(t, stdout), stderr)
	}
	code, stdout, _ = kg(t, "", "build", "--force", "--append", "--out", out, seed)
	if code != 0 || skipped(t, stdout) != 0 {
		t.Fatalf("kg build --force = %d, skipped %d, want 0, 0", code, skipped(t, stdout))
	}
	after, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Errorf("graph file changed on loading the same article again")
	}
}

// TestNeo4jBuildMixedInput builds a directory of good and bad input into
// Neo4j: the good articles land, and each bad one is in the rejects file
// with its file, line and reason.
func TestNeo4jBuildMixedInput(t *testing.T) {
	uri := neo4jtest.URI(t)
	d := neo4jtest.Driver(t)
	neo4jtest.Reset(t, d)
	long := strings.Repeat("Lloyd Austin met NATO allies. ", 40)
	dir := files(t, map[string]string{
		"mixed.jsonl": strings.Join([]string{
			`{"id":"good1","text":"WASHINGTON, February 2. /TASS/. Lloyd Austin met NATO allies."}`,
			`{"id":"trunc","text":"Cut sho`,
			"{\"id\":\"utf\",\"text\":\"bad \xff\"}",
			`{"id":"empty","text":""}`,
			`{"id":"notext","title":"no text field"}`,
			`{"id":"big","text":"` + long + `"}`,
			`{"id":"good2","text":"MOSCOW, February 3. /TASS/. Dmitry Peskov met Antony Blinken."}`,
			`["not", "an", "article"]`,
		}, "\n"),
		"binary.txt": "\x00\x01\x02\x03",
		"good3.txt":  "KYIV, March 1. Volodymyr Zelensky met Lloyd Austin.",
	})
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	code, stdout, stderr := neo4jKG(t, uri, "build", "--rejects", rejects, "--max-article-size", "1000", dir)
	if code != 0 {
		t.Fatalf("kg build = %d, want 0 (rejects are not fatal); stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "articles rejected") {
		t.Errorf("summary lacks the rejected count:\n%s", stdout)
	}
	res, err := neo4j.ExecuteQuery(context.Background(), d, "MATCH (a:Article) RETURN a.ref ORDER BY a.ref", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, r := range res.Records {
		refs = append(refs, r.Values[0].(string))
	}
	if want := []string{"good1", "good2", "good3"}; !reflect.DeepEqual(refs, want) {
		t.Errorf("articles in Neo4j = %v, want %v", refs, want)
	}

	data, err := os.ReadFile(rejects)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var r ingest.Reject
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("rejects file line %q: %v", line, err)
		}
		reason := r.Reason // up to the detail the reader adds
		for _, known := range []string{ingest.ReasonInvalidUTF8, ingest.ReasonBinary, ingest.ReasonEmpty, ingest.ReasonOversized, ingest.ReasonMalformed, ingest.ReasonMissingText} {
			if strings.HasPrefix(reason, known) {
				reason = known
			}
		}
		got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(r.Source), r.Line, reason))
	}
	want := []string{
		"binary.txt:0 " + ingest.ReasonBinary,
		"mixed.jsonl:2 " + ingest.ReasonMalformed,
		"mixed.jsonl:3 " + ingest.ReasonInvalidUTF8,
		"mixed.jsonl:4 " + ingest.ReasonEmpty,
		"mixed.jsonl:5 " + ingest.ReasonMissingText,
		"mixed.jsonl:6 " + ingest.ReasonOversized,
		"mixed.jsonl:8 " + ingest.ReasonMalformed,
	}
	slices.Sort(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rejects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, w := range want {
		file, _, _ := strings.Cut(w, ":")
		if !strings.Contains(stderr, "reject: "+filepath.Join(dir, file)) {
			t.Errorf("stderr does not report the rejects of %s:\n%s", file, stderr)
		}
	}
}
