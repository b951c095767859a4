package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/graph/query"
)

// What an analyst sees of resolution, on both stores, end to end: the
// seed and its twin in the dev corpus (the same text under another id)
// load as one story with two articles, spellings of one name are one
// entity, country codes and names resolve to the country, and --via-roles
// counts what a state's officials did.

// seedTwin is the dev article whose text the seed is.
const seedTwin = "tass-2022-02-02-austin-nato"

// resolutionStore is a store to run the checks on: how to build into it
// and the flags that read it.
type resolutionStore struct {
	name  string
	build func(t *testing.T, args ...string) (int, string, string)
	read  []string
}

func TestResolutionGraphFile(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	// In one build, too, the seed is a copy of its twin.
	code, stdout, stderr := kg(t, "", "build", "--out", t.TempDir()+"/one.json", gold, seed)
	if code != 0 {
		t.Fatalf("kg build %s %s = %d; stderr:\n%s", gold, seed, code, stderr)
	}
	if loaded, copies := summaryCount(t, stdout, "articles loaded", 0), summaryCount(t, stdout, "  copies of earlier articles", 0); loaded != 26 || copies != 1 {
		t.Errorf("one build: %d loaded, %d copies; want 26, 1:\n%s", loaded, copies, stdout)
	}
	out := t.TempDir() + "/g.json"
	checkResolution(t, resolutionStore{
		name: "graph file",
		build: func(t *testing.T, args ...string) (int, string, string) {
			return kg(t, "", append([]string{"build", "--append", "--out", out}, args...)...)
		},
		read: []string{"--graph", out},
	})
}

func TestNeo4jResolution(t *testing.T) {
	uri := neo4jtest.URI(t)
	neo4jtest.Reset(t, neo4jtest.Driver(t))
	checkResolution(t, resolutionStore{
		name: "neo4j",
		build: func(t *testing.T, args ...string) (int, string, string) {
			return neo4jKG(t, uri, append([]string{"build"}, args...)...)
		},
		read: []string{"--neo4j-uri", uri},
	})
}

// summaryCount returns the count of the summary line that label starts,
// the n-th such line (from 0).
func summaryCount(t *testing.T, stdout, label string, n int) int {
	t.Helper()
	ms := regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(label)+`\s+(\d+)$`).FindAllStringSubmatch(stdout, -1)
	if len(ms) <= n {
		t.Fatalf("no line %d %q in the summary:\n%s", n, label, stdout)
	}
	v, _ := strconv.Atoi(ms[n][1])
	return v
}

func checkResolution(t *testing.T, s resolutionStore) {
	// The dev corpus first, then the seed: a copy of a loaded article,
	// found through the fingerprints the store holds.
	code, stdout, stderr := s.build(t, gold)
	if code != 0 {
		t.Fatalf("%s: kg build %s = %d; stderr:\n%s", s.name, gold, code, stderr)
	}
	if n := summaryCount(t, stdout, "  copies of earlier articles", 0); n != 0 {
		t.Errorf("%s: the dev corpus has %d copies, want 0:\n%s", s.name, n, stdout)
	}
	code, stdout, stderr = s.build(t, seed)
	if code != 0 {
		t.Fatalf("%s: kg build %s = %d; stderr:\n%s", s.name, seed, code, stderr)
	}
	if loaded, copies := summaryCount(t, stdout, "articles loaded", 0), summaryCount(t, stdout, "  copies of earlier articles", 0); loaded != 1 || copies != 1 {
		t.Errorf("%s: the seed after the dev corpus: %d loaded, %d copies; want 1, 1:\n%s", s.name, loaded, copies, stdout)
	}
	if merged := summaryCount(t, stdout, "  stated by copies, counted for the originals", 0); merged == 0 {
		t.Errorf("%s: no relation of the seed counted for its twin:\n%s", s.name, stdout)
	}
	if held, copies := summaryCount(t, stdout, "articles", 0), summaryCount(t, stdout, "  copies of earlier articles", 1); held != 26 || copies != 1 {
		t.Errorf("%s: the store holds %d articles, %d copies; want 26, 1:\n%s", s.name, held, copies, stdout)
	}

	read := func(args ...string) (int, string, string) {
		t.Helper()
		return kg(t, "", append(args[:1:1], append(s.read, args[1:]...)...)...)
	}
	readJSON := func(v any, args ...string) string {
		t.Helper()
		code, stdout, stderr := read(append(args[:1:1], append([]string{"--format", "json"}, args[1:]...)...)...)
		if code != 0 {
			t.Fatalf("%s: kg %s = %d; stderr:\n%s", s.name, strings.Join(args, " "), code, stderr)
		}
		decode(t, stdout, v)
		return stderr
	}

	t.Run("one story, two articles", func(t *testing.T) {
		var rep query.BetweenReport
		readJSON(&rep, "between", "Lloyd Austin", "NATO")
		if len(rep.Relations) == 0 {
			t.Fatalf("%s: no relation between Lloyd Austin and NATO", s.name)
		}
		supported := 0
		for _, r := range rep.Relations {
			if r.Article.Ref != seedTwin {
				t.Errorf("%s: relation %s %s %s cites %s, want %s only (the seed is its copy)", s.name, r.Subject.Name, r.Type, r.Object.Name, r.Article.Ref, seedTwin)
			}
			if r.Support == 2 && len(r.Copies) == 1 {
				supported++
			}
		}
		if supported == 0 {
			t.Errorf("%s: no relation between Lloyd Austin and NATO is supported by the seed: %+v", s.name, rep.Relations)
		}
	})

	t.Run("spellings of one name", func(t *testing.T) {
		var a, b query.EntityReport
		readJSON(&a, "entity", "Volodymyr Zelensky")
		stderr := readJSON(&b, "entity", "Zelenskiy")
		if a.Entity.ID != b.Entity.ID || !strings.Contains(strings.Join(a.Entity.Aliases, "|"), "Zelenskiy") {
			t.Errorf("%s: Zelensky is %s (aliases %q), Zelenskiy %s (%s); want one entity", s.name, a.Entity.ID, a.Entity.Aliases, b.Entity.ID, stderr)
		}
	})

	t.Run("country codes and names", func(t *testing.T) {
		var us query.EntityReport
		readJSON(&us, "entity", "United States")
		for _, name := range []string{"USA", "U.S.", "America"} {
			var rep query.EntityReport
			stderr := readJSON(&rep, "entity", name)
			if rep.Entity.ID != us.Entity.ID || rep.Entity.Type != "Country" {
				t.Errorf("%s: kg entity %s = %s (%s), want United States", s.name, name, rep.Entity.Name, rep.Entity.Type)
			}
			if name != "U.S." && !strings.Contains(stderr, "taken to be United States") {
				t.Errorf("%s: kg entity %s says nothing of what it took on stderr: %q", s.name, name, stderr)
			}
		}
		for name, want := range map[string]string{"UK": "United Kingdom", "DPRK": "North Korea"} {
			var rep query.EntityReport
			readJSON(&rep, "entity", name)
			if rep.Entity.Name != want {
				t.Errorf("%s: kg entity %s = %s, want %s", s.name, name, rep.Entity.Name, want)
			}
		}
	})

	t.Run("via roles", func(t *testing.T) {
		var direct, via query.NeighborsReport
		readJSON(&direct, "neighbors", "--types", "ACCUSES", "Russia")
		readJSON(&via, "neighbors", "--types", "ACCUSES", "--via-roles", "Russia")
		found := false
		for _, n := range via.Neighbors {
			for _, r := range n.Relations {
				for _, v := range r.Via {
					if v.For.Name != "Russia" || v.Member.ID != r.Subject.ID {
						continue
					}
					if strings.Contains(strings.ToLower(v.Role), "ambassador") && r.Type == "ACCUSES" {
						found = true
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: kg neighbors --via-roles --types ACCUSES Russia finds no accusation by Russia's ambassador: %+v", s.name, via.Neighbors)
		}
		count := func(rep query.NeighborsReport) (n int) {
			for _, nb := range rep.Neighbors {
				n += nb.Count
			}
			return n
		}
		if count(via) <= count(direct) {
			t.Errorf("%s: --via-roles counts %d accusations, without %d: want more", s.name, count(via), count(direct))
		}
		code, stdout, _ := read("between", "--via-roles", "Russia", "Ukraine")
		if code != 0 || !strings.Contains(stdout, "VIA") || !strings.Contains(stdout, "for Russia: ") {
			t.Errorf("%s: kg between --via-roles Russia Ukraine = %d, no VIA column naming who acted:\n%s", s.name, code, stdout)
		}
	})
}

// decode decodes JSON output into v.
func decode(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
}
