package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
	"github.com/kgraph/kg/schema"
)

var uuidRE = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// gold is the dev corpus: 25 annotated articles.
const gold = "../../testdata/gold"

// devFile builds the dev corpus into a graph file and returns its path.
func devFile(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "dev.json")
	if code, _, stderr := kg(t, "", "build", "-q", "--out", out, gold); code != 0 {
		t.Fatalf("kg build --out %s %s = %d, stderr:\n%s", out, gold, code, stderr)
	}
	return out
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

// kgJSON runs kg with args and decodes its standard output as JSON into
// v; it fails t unless kg exits 0.
func kgJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	code, stdout, stderr := kg(t, "", args...)
	if code != 0 {
		t.Fatalf("kg %s = %d, stderr:\n%s", strings.Join(args, " "), code, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), v); err != nil {
		t.Fatalf("kg %s: output is not JSON: %v\n%s", strings.Join(args, " "), err, stdout)
	}
}

// TestNeo4jAnalysts runs every analysts' command on the dev corpus in
// Neo4j, and the same command on the graph file of the same corpus: the
// answers must be the same, byte for byte, in JSON and in tables. Then
// each answer is checked for what it must hold, and an ambiguous name and
// a name that matches nothing fail every command with a clear message.
func TestNeo4jAnalysts(t *testing.T) {
	file := devFile(t)
	uri := devNeo4j(t)

	cases := [][]string{
		{"entity", "Dmitry Peskov"},
		{"entity", "russia"},
		{"entity", "Peskof"}, // close enough
		{"between", "Dmitry Peskov", "Ukraine"},
		{"between", "Ukraine", "Russia"},
		{"between", "--since", "2025", "--types", "MEETS,ACCUSES,FIGHTS", "Ukraine", "Russia"},
		{"neighbors", "Russia"},
		{"neighbors", "--types", "ACCUSES,DENIES,WARNS", "--since", "2024", "--min-confidence", "0.7", "Russia"},
		{"neighbors", "--until", "2024-12", "China"},
		{"path", "Dmitry Peskov", "NATO"},
		{"path", "--max-hops", "6", "--types", "MEETS,HOLDS_ROLE,PART_OF", "Sergei Lavrov", "Ukraine"},
		{"path", "--max-hops", "1", "Dmitry Peskov", "China"},
		{"timeline", "China"},
		{"timeline", "--types", "HOLDS_ROLE", "--min-confidence", "0.8", "Russia"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			for _, format := range []string{"json", "table"} {
				a := append([]string{args[0], "--format", format}, args[1:]...)
				t.Setenv("NEO4J_URI", uri)
				nCode, nOut, nErr := kg(t, "", a...)
				fCode, fOut, fErr := kg(t, "", append([]string{a[0], "--graph", file}, a[1:]...)...)
				if nCode != 0 || fCode != 0 {
					t.Fatalf("kg %s = %d (neo4j), %d (file); stderr:\n%s\n%s", strings.Join(a, " "), nCode, fCode, nErr, fErr)
				}
				if nOut != fOut {
					t.Errorf("kg %s: Neo4j and the graph file disagree:\nneo4j:\n%s\nfile:\n%s", strings.Join(a, " "), nOut, fOut)
				}
				if nErr != fErr {
					t.Errorf("kg %s: stderr differs:\nneo4j: %s\nfile:  %s", strings.Join(a, " "), nErr, fErr)
				}
				if format == "json" {
					checkAnswer(t, args, nOut)
				}
			}
		})
	}

	t.Run("ambiguous and unknown names", func(t *testing.T) {
		t.Setenv("NEO4J_URI", uri)
		name, want := ambiguousName(t, file)
		for _, cmd := range [][]string{
			{"entity", "%s"}, {"between", "%s", "Russia"}, {"between", "Russia", "%s"}, {"neighbors", "%s"},
			{"path", "%s", "Russia"}, {"timeline", "%s"}, {"export", "--seed", "%s"},
		} {
			for _, name := range []string{name, strings.ToUpper(name)} {
				args := slices.Clone(cmd)
				args[slices.Index(args, "%s")] = name
				code, stdout, stderr := kg(t, "", args...)
				if code != exitFailure || stdout != "" {
					t.Errorf("kg %q = %d, stdout %q; want %d and nothing", args, code, stdout, exitFailure)
				}
				heads := []string{fmt.Sprintf("matches %d entities", len(want)/2), "NAME", "TYPE", "ID", "MENTIONS", "is ambiguous", "give one of their IDs"}
				for _, w := range append(heads, want...) {
					if !strings.Contains(stderr, w) {
						t.Errorf("kg %q: stderr lacks %q:\n%s", args, w, stderr)
					}
				}
			}
			args := slices.Clone(cmd)
			args[slices.Index(args, "%s")] = "Zyxwvut Qqq"
			code, stdout, stderr := kg(t, "", args...)
			if code != exitFailure || stdout != "" || !strings.Contains(stderr, `no entity matches "Zyxwvut Qqq"`) {
				t.Errorf("kg %q = %d, stdout %q, stderr %q; want %d and no entity matches", args, code, stdout, stderr, exitFailure)
			}
		}
		// The ID of a candidate picks it.
		_, _, stderr := kg(t, "", "entity", name)
		ids := uuidRE.FindAllString(stderr, -1)
		if len(ids) != len(want)/2 {
			t.Fatalf("candidates of %s: %q, want %d IDs", name, ids, len(want)/2)
		}
		for _, id := range ids {
			var rep entityReport
			kgJSON(t, &rep, "entity", "--format", "json", id)
			if rep.Entity.ID != id {
				t.Errorf("kg entity %s = %+v, want that entity", id, rep.Entity)
			}
		}
	})
}

// ambiguousName returns a name that several entities of the graph file
// have (as name or alias, once folded), and the IDs and types of those
// entities: the test of ambiguous names looks for one in the dev corpus
// rather than rely on one the extractor happens to make today.
func ambiguousName(t *testing.T, file string) (string, []string) {
	t.Helper()
	g, err := graph.ReadGraph(file)
	if err != nil {
		t.Fatal(err)
	}
	byName := make(map[string][]schema.Entity)
	spelling := make(map[string]string)
	for _, e := range g.Entities {
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			f := schema.NormalizeName(n)
			if f != "" && !seen[f] {
				seen[f] = true
				byName[f] = append(byName[f], e)
				if spelling[f] == "" || n == e.Name {
					spelling[f] = n
				}
			}
		}
	}
	var names []string
	for f, es := range byName {
		if len(es) > 1 {
			names = append(names, f)
		}
	}
	if len(names) == 0 {
		t.Fatal("no name of the dev corpus is ambiguous: the test needs one")
	}
	slices.Sort(names)
	var want []string
	for _, e := range byName[names[0]] {
		want = append(want, e.ID, string(e.Type))
	}
	return spelling[names[0]], want
}

// checkAnswer checks the JSON answer of an analysts' command on the dev
// corpus for what it must hold whatever the extractor finds.
func checkAnswer(t *testing.T, args []string, out string) {
	t.Helper()
	checkRel := func(r relationOut) {
		t.Helper()
		if r.Key == "" || r.Subject.ID == "" || r.Object.ID == "" || r.Evidence == "" || r.Article.ID == "" || r.Confidence <= 0 {
			t.Errorf("kg %q: relation without its provenance: %+v", args, r)
		}
	}
	name := args[len(args)-1]
	switch args[0] {
	case "entity":
		var rep entityReport
		mustJSON(t, out, &rep)
		total := 0
		for _, n := range rep.RelationCounts {
			total += n
		}
		sum := 0
		for _, g := range rep.Relations {
			sum += g.Count
		}
		if rep.Entity.ID == "" || rep.Entity.Mentions < 1 || total == 0 || sum != total {
			t.Errorf("kg entity %s = %+v; want an entity with mentions and relations counted alike", name, rep)
		}
		if rep.Entity.Name == "Dmitry Peskov" {
			found := false
			for _, r := range rep.Roles {
				found = found || (strings.EqualFold(r.Role, "spokesman") && r.At.Name == "Kremlin")
			}
			if !found {
				t.Errorf("kg entity %s: roles %+v lack Spokesman at the Kremlin", name, rep.Roles)
			}
		}
	case "between":
		var rep betweenReport
		mustJSON(t, out, &rep)
		ends := []string{rep.A.ID, rep.B.ID}
		if len(rep.Relations) == 0 {
			t.Errorf("kg %q: no relations", args)
		}
		for _, r := range rep.Relations {
			checkRel(r)
			if !slices.Contains(ends, r.Subject.ID) || !slices.Contains(ends, r.Object.ID) || r.Subject.ID == r.Object.ID {
				t.Errorf("kg %q: relation %s %s %s is not between the two", args, r.Subject.Name, r.Type, r.Object.Name)
			}
		}
		checkDateOrder(t, args, rep.Relations)
	case "neighbors":
		var rep neighborsReport
		mustJSON(t, out, &rep)
		if len(rep.Neighbors) == 0 {
			t.Errorf("kg %q: no neighbours", args)
		}
		for i, n := range rep.Neighbors {
			if n.Count != len(n.Relations) || (i > 0 && n.Count > rep.Neighbors[i-1].Count) {
				t.Errorf("kg %q: neighbour %s: count %d, %d relations, or out of order", args, n.Entity.Name, n.Count, len(n.Relations))
			}
			for _, r := range n.Relations {
				checkRel(r)
				if (r.Subject.ID != rep.Entity.ID || r.Object.ID != n.Entity.ID) && (r.Object.ID != rep.Entity.ID || r.Subject.ID != n.Entity.ID) {
					t.Errorf("kg %q: relation %s %s %s does not join %s and %s", args, r.Subject.Name, r.Type, r.Object.Name, rep.Entity.Name, n.Entity.Name)
				}
				if slices.Contains(args, "--since") && r.When < "2024" {
					t.Errorf("kg %q: relation dated %s", args, r.When)
				}
				if slices.Contains(args, "--until") && r.When[:7] > "2024-12" {
					t.Errorf("kg %q: relation dated %s", args, r.When)
				}
				if slices.Contains(args, "--types") && !slices.Contains([]string{"ACCUSES", "DENIES", "WARNS"}, r.Type) {
					t.Errorf("kg %q: relation of type %s", args, r.Type)
				}
				if slices.Contains(args, "--min-confidence") && r.Confidence < 0.7 {
					t.Errorf("kg %q: relation of confidence %v", args, r.Confidence)
				}
			}
		}
	case "path":
		var rep pathReport
		mustJSON(t, out, &rep)
		if slices.Contains(args, "1") { // --max-hops 1: Peskov and China are further apart
			if len(rep.Paths) != 0 {
				t.Errorf("kg %q: %d paths, want none", args, len(rep.Paths))
			}
			return
		}
		if len(rep.Paths) == 0 || rep.Hops < 1 || rep.Hops > rep.MaxHops {
			t.Errorf("kg %q: %d paths of %d hops", args, len(rep.Paths), rep.Hops)
		}
		for _, p := range rep.Paths {
			if len(p.Entities) != rep.Hops+1 || p.Entities[0].ID != rep.From.ID || p.Entities[rep.Hops].ID != rep.To.ID || len(p.Hops) != rep.Hops {
				t.Errorf("kg %q: path %+v does not lead from %s to %s in %d hops", args, p.Entities, rep.From.Name, rep.To.Name, rep.Hops)
			}
			for _, h := range p.Hops {
				if len(h.Relations) == 0 {
					t.Errorf("kg %q: hop %s - %s without relations", args, h.From.Name, h.To.Name)
				}
				for _, r := range h.Relations {
					checkRel(r)
				}
			}
		}
	case "timeline":
		var rep timelineReport
		mustJSON(t, out, &rep)
		if len(rep.Relations) == 0 {
			t.Errorf("kg %q: no relations", args)
		}
		for _, r := range rep.Relations {
			checkRel(r)
			if r.Subject.ID != rep.Entity.ID && r.Object.ID != rep.Entity.ID {
				t.Errorf("kg %q: relation %s %s %s is not the entity's", args, r.Subject.Name, r.Type, r.Object.Name)
			}
		}
		checkDateOrder(t, args, rep.Relations)
	}
}

func mustJSON(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
}

// checkDateOrder checks that relations are in date order, undated last.
func checkDateOrder(t *testing.T, args []string, rs []relationOut) {
	t.Helper()
	for i := 1; i < len(rs); i++ {
		a, b := rs[i-1].When, rs[i].When
		if (a == "" && b != "") || (a != "" && b != "" && a > b) {
			t.Errorf("kg %q: relations out of date order: %q before %q", args, a, b)
		}
	}
}

func TestEntity(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	file := devFile(t)
	code, stdout, stderr := kg(t, "", "entity", "--graph", file, "Dmitry", "Peskov") // no quotes needed
	if code != 0 {
		t.Fatalf("kg entity = %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"Dmitry Peskov\n", "  type       Person\n", "  aliases    Peskov\n", "  mentions   ",
		"roles held:", "Spokesman  Kremlin", "relations by type (", "TYPE        DIR  COUNTERPARTY", "DENIES      ->   "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("kg entity: output lacks %q:\n%s", want, stdout)
		}
	}
	if stderr != "" {
		t.Errorf("kg entity of an exact name: stderr %q", stderr)
	}

	// A partial name designating one entity is taken, and stderr says so.
	code, stdout, stderr = kg(t, "", "entity", "--graph", file, "Lavrov")
	if code != 0 || !strings.HasPrefix(stdout, "Sergei Lavrov\n") || !strings.Contains(stderr, `"Lavrov" taken to be Sergei Lavrov (Person`) {
		t.Errorf("kg entity Lavrov = %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// Usage errors.
	for _, args := range [][]string{
		{"entity", "--graph", file},
		{"entity", "--graph", file, "--format", "xml", "Russia"},
		{"entity", "--graph", file, "Russia", "--format", "json"},
	} {
		if code, _, stderr := kg(t, "", args...); code != exitUsage {
			t.Errorf("kg %q = %d, want %d; stderr:\n%s", args, code, exitUsage, stderr)
		}
	}
	// No graph file: a clear error.
	code, _, stderr = kg(t, "", "entity", "--graph", filepath.Join(t.TempDir(), "none.json"), "Russia")
	if code != exitFailure || !strings.Contains(stderr, "no graph file") {
		t.Errorf("kg entity without a graph file = %d, stderr %q", code, stderr)
	}
}

func TestAnalystsHelp(t *testing.T) {
	for _, cmd := range []string{"entity", "between", "neighbors", "neighbours", "path", "timeline", "export"} {
		code, stdout, stderr := kg(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(stdout, "USAGE") || !strings.Contains(stdout, "--format") ||
			!strings.Contains(stdout, "--graph") || !strings.Contains(stdout, "--neo4j-uri") {
			t.Errorf("kg %s --help = %d, stdout:\n%s\nstderr:\n%s", cmd, code, stdout, stderr)
		}
	}
}
