package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph/query"
	"github.com/kgraph/kg/schema"
)

// The analysts' commands end to end, on the graph file of the dev corpus:
// their tables, flags and usage errors. Their answers are graph/query's,
// tested there on every store.

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

// TestAnalysts runs each analysts' command on the graph file of the dev
// corpus, built once.
func TestAnalysts(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	file := devFile(t)
	t.Run("entity", func(t *testing.T) { testEntity(t, file) })
	t.Run("between", func(t *testing.T) { testBetween(t, file) })
	t.Run("neighbors", func(t *testing.T) { testNeighbors(t, file) })
	t.Run("path", func(t *testing.T) { testPath(t, file) })
	t.Run("timeline", func(t *testing.T) { testTimeline(t, file) })
	t.Run("ambiguous and unknown names", func(t *testing.T) { testAmbiguousAndUnknownNames(t, file) })
}

func testEntity(t *testing.T, file string) {
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

func testBetween(t *testing.T, file string) {
	code, stdout, stderr := kg(t, "", "between", "--graph", file, "Dmitry Peskov", "ukraine")
	if code != 0 {
		t.Fatalf("kg between = %d, stderr:\n%s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	if !strings.HasPrefix(lines[0], "1 relation between Dmitry Peskov (Person) and Ukraine (Country)") &&
		!strings.Contains(lines[0], "relations between Dmitry Peskov (Person) and Ukraine (Country)") {
		t.Errorf("kg between: first line %q", lines[0])
	}
	if len(lines) < 5 || !strings.HasPrefix(lines[2], "DATE") || !strings.HasPrefix(lines[3], "----") ||
		!strings.Contains(lines[2], "SUBJECT") || !strings.HasSuffix(lines[2], "EVIDENCE") {
		t.Fatalf("kg between: no aligned table:\n%s", stdout)
	}
	// Columns are aligned: every row has the header's column starts.
	col := strings.Index(lines[2], "EVIDENCE")
	for _, l := range lines[4:] {
		if l != "" && !strings.HasPrefix(l, "(") && (len(l) <= col || l[col-2:col] != "  ") {
			t.Errorf("row not aligned with the header at column %d:\n%s\n%s", col, lines[2], l)
		}
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"between", "--graph", file, "Russia"}, exitUsage, "want two entity names"},
		{[]string{"between", "--graph", file, "Russia", "Moscow"}, exitUsage, "same entity"},
		{[]string{"between", "--graph", file, "Russia", "Ukraine", "--format", "json"}, exitUsage, "give flags first"},
		{[]string{"between", "--graph", file, "--since", "May", "Russia", "Ukraine"}, exitUsage, "since"},
		{[]string{"between", "--graph", file, "--types", "LIKES", "Russia", "Ukraine"}, exitUsage, "LIKES"},
		{[]string{"between", "--graph", file, "--min-confidence", "2", "Russia", "Ukraine"}, exitUsage, "--min-confidence"},
	} {
		code, _, stderr := kg(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("kg %q = %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

func testNeighbors(t *testing.T, file string) {
	code, stdout, stderr := kg(t, "", "neighbours", "--graph", file, "Russia") // either spelling
	if code != 0 {
		t.Fatalf("kg neighbours = %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"Russia (Country): ", " neighbours\n", "NEIGHBOUR", "RELATIONS  FIRST", "RELATION TYPES\n", "Ukraine ", "(-> Russia is the subject, <- the object)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("kg neighbours Russia: output lacks %q:\n%s", want, stdout)
		}
	}

	// --types takes any case, and - for _.
	var some query.NeighborsReport
	kgJSON(t, &some, "neighbors", "--graph", file, "--format", "json", "--types", "accuses,part-of", "Russia")
	if len(some.Neighbors) == 0 {
		t.Errorf("--types accuses,part-of: no neighbours")
	}
	for _, n := range some.Neighbors {
		for _, r := range n.Relations {
			if r.Type != "ACCUSES" && r.Type != "PART_OF" {
				t.Errorf("--types accuses,part-of kept a %s", r.Type)
			}
		}
	}
	if code, _, stderr := kg(t, "", "neighbors", "--graph", file, "--until", "2020", "--since", "2024", "Russia"); code != exitUsage {
		t.Errorf("since after until = %d, want %d; stderr %s", code, exitUsage, stderr)
	}
}

func testPath(t *testing.T, file string) {
	code, stdout, stderr := kg(t, "", "path", "--graph", file, "Dmitry Peskov", "NATO")
	if code != 0 {
		t.Fatalf("kg path = %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"shortest path", " between Dmitry Peskov (Person) and NATO (Organization)\n", "\npath 1: Dmitry Peskov -- ", " -- NATO\n", "  HOP  DATE ", "  1    "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("kg path: output lacks %q:\n%s", want, stdout)
		}
	}

	var rep query.PathReport
	kgJSON(t, &rep, "path", "--graph", file, "--format", "json", "--limit", "1", "Dmitry Peskov", "NATO")
	if len(rep.Paths) != 1 || rep.MaxHops != query.DefaultMaxHops {
		t.Errorf("--limit 1: %d paths, max hops %d", len(rep.Paths), rep.MaxHops)
	}
	code, stdout, _ = kg(t, "", "path", "--graph", file, "--max-hops", "1", "Dmitry Peskov", "NATO")
	if code != 0 || !strings.HasPrefix(stdout, "no path of at most 1 hop between Dmitry Peskov") {
		t.Errorf("kg path --max-hops 1 = %d, %q", code, stdout)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"path", "--graph", file, "--max-hops", "0", "Russia", "NATO"}, "--max-hops"},
		{[]string{"path", "--graph", file, "--max-hops", "16", "Russia", "NATO"}, "--max-hops"},
		{[]string{"path", "--graph", file, "--limit", "-1", "Russia", "NATO"}, "--limit"},
		{[]string{"path", "--graph", file, "--since", "2024", "Russia", "NATO"}, "flag provided but not defined"},
		{[]string{"path", "--graph", file, "Russia", "Moscow"}, "same entity"},
		{[]string{"path", "--graph", file, "Russia"}, "want two entity names"},
	} {
		code, _, stderr := kg(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("kg %q = %d, stderr %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.want)
		}
	}
}

func testTimeline(t *testing.T, file string) {
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

	var rep query.TimelineReport
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

// testAmbiguousAndUnknownNames runs every analysts' command with a name
// that several entities share, in two cases, and with a name that nothing
// has: each fails with a clear message on stderr (the candidates listed,
// aligned), and the ID of a candidate picks it. (The answers themselves
// are graph/query's, tested there on every store.)
func testAmbiguousAndUnknownNames(t *testing.T, file string) {
	name, want := ambiguousName(t, file)
	for _, cmd := range [][]string{
		{"entity", "%s"}, {"between", "%s", "Russia"}, {"between", "Russia", "%s"}, {"neighbors", "%s"},
		{"path", "%s", "Russia"}, {"timeline", "%s"}, {"export", "--seed", "%s"},
	} {
		cmd = append(cmd[:1:1], append([]string{"--graph", file}, cmd[1:]...)...)
		for _, name := range []string{name, strings.ToUpper(name)} {
			args := slices.Clone(cmd)
			args[slices.Index(args, "%s")] = name
			code, stdout, stderr := kg(t, "", args...)
			if code != exitFailure || stdout != "" {
				t.Errorf("kg %q = %d, stdout %q; want %d and nothing", args, code, stdout, exitFailure)
			}
			heads := []string{fmt.Sprintf("matches %d entities", len(want)/2), "  NAME  ", "TYPE", "ID", "MENTIONS", "is ambiguous", "give one of their IDs"}
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
	_, _, stderr := kg(t, "", "entity", "--graph", file, name)
	ids := uuidRE.FindAllString(stderr, -1)
	if len(ids) != len(want)/2 {
		t.Fatalf("candidates of %s: %q, want %d IDs", name, ids, len(want)/2)
	}
	for _, id := range ids {
		var rep query.EntityReport
		kgJSON(t, &rep, "entity", "--graph", file, "--format", "json", id)
		if rep.Entity.ID != id {
			t.Errorf("kg entity %s = %+v, want that entity", id, rep.Entity)
		}
	}
}

// ambiguousName returns a name that several entities of the graph file
// have (as name or alias, once folded), and the IDs and types of those
// entities: the test of ambiguous names looks for one in the dev corpus
// rather than rely on one the extractor happens to make today.
func ambiguousName(t *testing.T, file string) (string, []string) {
	t.Helper()
	g := readGraph(t, file)
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

func TestAnalystsHelp(t *testing.T) {
	for _, cmd := range []string{"entity", "between", "neighbors", "neighbours", "path", "timeline", "export"} {
		code, stdout, stderr := kg(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(stdout, "USAGE") || !strings.Contains(stdout, "--format") ||
			!strings.Contains(stdout, "--graph") || !strings.Contains(stdout, "--neo4j-uri") {
			t.Errorf("kg %s --help = %d, stdout:\n%s\nstderr:\n%s", cmd, code, stdout, stderr)
		}
	}
}
