package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// startServe runs kg serve with args in the background and returns its
// base URL; the server is stopped, and must exit 0, when t ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	var stderr strings.Builder
	done := make(chan int, 1)
	go func() {
		code := run(ctx, append([]string{"kg", "serve"}, args...), strings.NewReader(""), w, &stderr)
		w.Close()
		done <- code
	}()
	lines := bufio.NewScanner(out)
	if !lines.Scan() {
		cancel()
		t.Fatalf("kg serve %s printed nothing; exit %d, stderr:\n%s", strings.Join(args, " "), <-done, stderr.String())
	}
	go io.Copy(io.Discard, out)
	m := regexp.MustCompile(`at (http://\S+)/ `).FindStringSubmatch(lines.Text())
	if m == nil {
		cancel()
		t.Fatalf("kg serve: first line %q names no URL", lines.Text())
	}
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("kg serve exited %d after it was stopped, stderr:\n%s", code, stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Errorf("kg serve did not stop")
		}
	})
	return m[1]
}

// fetch requests base+path with the given Host and Origin headers (none
// when empty) and returns the status and body.
func fetch(t *testing.T, base, path, host, origin string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestServeRefusesOtherHosts starts kg serve with its defaults (on the
// default address when it is free) and checks that it answers requests
// for loopback names only: a page elsewhere whose name was made to resolve
// to 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused.
func TestServeRefusesOtherHosts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph.json")
	if code, _, stderr := kg(t, "", "build", "-q", "--out", out, seed); code != 0 {
		t.Fatalf("kg build = %d: %s", code, stderr)
	}
	if host, _, _ := net.SplitHostPort(defaultAddr); net.ParseIP(host) == nil || !net.ParseIP(host).IsLoopback() {
		t.Fatalf("the default address %s is not loopback", defaultAddr)
	}
	if code, help, _ := kg(t, "", "serve", "--help"); code != 0 || !strings.Contains(help, defaultAddr) {
		t.Errorf("kg serve --help does not give the default address %s:\n%s", defaultAddr, help)
	}
	args := []string{"--graph", out}
	if ln, err := net.Listen("tcp", defaultAddr); err == nil {
		ln.Close()
	} else {
		t.Logf("%s is busy (%v): serving on a free port, with the other defaults", defaultAddr, err)
		args = append(args, "--addr", "127.0.0.1:0")
	}
	base := startServe(t, args...)
	u, _ := url.Parse(base)
	_, port, _ := net.SplitHostPort(u.Host)

	tests := []struct {
		host, origin string
		code         int
	}{
		{"", "", http.StatusOK},
		{"localhost:" + port, "", http.StatusOK},
		{"attacker.example:" + port, "", http.StatusForbidden},
		{"attacker.example", "", http.StatusForbidden},
		{"localhost.attacker.example:" + port, "", http.StatusForbidden},
		{"10.0.0.1:" + port, "", http.StatusForbidden},
		{"", "http://attacker.example", http.StatusForbidden},
		{"", "http://127.0.0.1:" + port, http.StatusOK},
	}
	for _, tt := range tests {
		for _, path := range []string{"/", "/api/search?q=Russia"} {
			code, body := fetch(t, base, path, tt.host, tt.origin)
			if code != tt.code {
				t.Errorf("GET %s with Host %q Origin %q = %d, want %d (%s)", path, tt.host, tt.origin, code, tt.code, body)
			}
			if code == http.StatusForbidden && !strings.Contains(body, "refused") {
				t.Errorf("refusal says %q", body)
			}
		}
	}
	if _, body := fetch(t, base, "/api/search?q=Russia", "", ""); !strings.Contains(body, `"name": "Russia"`) {
		t.Errorf("search Russia = %s", body)
	}
	// Names are read as kg entity reads them: a code of a country is the
	// country.
	for _, name := range []string{"USA", "U.S."} {
		if code, body := fetch(t, base, "/api/entity?id="+url.QueryEscape(name), "", ""); code != http.StatusOK || !strings.Contains(body, `"name": "United States"`) {
			t.Errorf("entity %s = %d %.300s, want United States", name, code, body)
		}
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--addr", "nonsense", "--graph", "x.json"},
		{"serve", "extra"},
	} {
		if code, _, stderr := kg(t, "", args...); code != exitUsage {
			t.Errorf("kg %s = %d, want %d; stderr %s", strings.Join(args, " "), code, exitUsage, stderr)
		}
	}
	if code, _, stderr := kg(t, "", "serve", "--graph", filepath.Join(t.TempDir(), "none.json")); code != exitFailure || !strings.Contains(stderr, "no graph file") {
		t.Errorf("kg serve on a missing file = %d, %s", code, stderr)
	}
}

// devNeo4j empties the test Neo4j, builds the dev corpus into it and
// returns its URI.
func devNeo4j(t *testing.T) string {
	t.Helper()
	uri := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	if code, _, stderr := neo4jKG(t, uri, "build", "-q", gold); code != 0 {
		t.Fatalf("kg build %s into Neo4j = %d, stderr:\n%s", gold, code, stderr)
	}
	return uri
}

// TestNeo4jServe serves the dev corpus from Neo4j and from the graph file
// with kg serve, and compares the answers of the API: they must be the
// same, byte for byte.
func TestNeo4jServe(t *testing.T) {
	file := devFile(t)
	uri := devNeo4j(t)
	fromFile := startServe(t, "--graph", file, "--addr", "127.0.0.1:0")
	fromNeo4j := startServe(t, "--neo4j-uri", uri, "--addr", "127.0.0.1:0")
	var russia struct {
		Candidates []struct{ ID string } `json:"candidates"`
	}
	_, body := fetch(t, fromFile, "/api/search?q=Russia", "", "")
	if err := json.Unmarshal([]byte(body), &russia); err != nil || len(russia.Candidates) != 1 {
		t.Fatalf("search Russia = %s", body)
	}
	id := russia.Candidates[0].ID
	for _, path := range []string{
		"/api/search?q=peskov",
		"/api/search?q=Peskof",
		"/api/entity?id=Russia",
		"/api/entity?id=" + id,
		"/api/timeline?id=China&types=MEETS,VISITS&since=2024",
		"/api/expand?id=Russia&limit=5&offset=3",
		"/api/expand?id=Russia&types=ACCUSES,DENIES&visible=" + id,
		"/api/view?seed=Russia,NATO&hops=2&limit=7&sources=Reuters,AFP",
		"/api/view?seed=Peskov&hops=1&expand=Ukraine:2&min_confidence=0.6",
		"/api/relations?a=Ukraine&b=Russia",
		"/api/subgraph?seed=NATO&hops=1&format=graphml",
		"/api/subgraph?seed=NATO&seed=China&hops=1&format=cytoscape",
	} {
		c1, b1 := fetch(t, fromFile, path, "", "")
		c2, b2 := fetch(t, fromNeo4j, path, "", "")
		if c1 != http.StatusOK || c1 != c2 || b1 != b2 {
			t.Errorf("GET %s: graph file %d, Neo4j %d; the answers differ:\n%s", path, c1, c2, firstLineDiff(b1, b2))
		}
	}
}

// firstLineDiff describes where two texts first differ.
func firstLineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n file  " + x + "\n neo4j " + y
		}
	}
	return ""
}
