package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/neo4jstore"
	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// seedArgs cut the whole graph of the seed article: its relations form
// two components, around Russia and around Carla Babb. README.md shows
// the picture docs/seed.svg made with them.
var seedArgs = []string{"--seed", "Russia", "--seed", "Carla Babb", "--hops", "3"}

// cyGraph is the part of the json export the tests read.
type cyGraph struct {
	Elements struct {
		Nodes []struct {
			Data map[string]any `json:"data"`
		} `json:"nodes"`
		Edges []struct {
			Data map[string]any `json:"data"`
		} `json:"edges"`
	} `json:"elements"`
}

func readCy(t *testing.T, path string) cyGraph {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g cyGraph
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

func (g cyGraph) ids(which string) []string {
	var out []string
	items := g.Elements.Nodes
	if which == "edges" {
		items = g.Elements.Edges
	}
	for _, it := range items {
		out = append(out, it.Data["id"].(string))
	}
	slices.Sort(out)
	return out
}

// TestExportFileNoNeo4j exports the seed article's graph from the local
// graph file in every format, with no Neo4j configured.
func TestExportFileNoNeo4j(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := t.TempDir()
	abs, _ := filepath.Abs(seed)
	t.Chdir(dir)
	if code, _, stderr := kg(t, "", "build", "-q", abs); code != 0 { // writes kg-out/graph.json
		t.Fatalf("kg build = %d, stderr:\n%s", code, stderr)
	}
	for _, format := range exportFormats {
		out := "seed." + format
		args := append([]string{"export", "--format", format, "-o", out}, seedArgs...)
		code, stdout, stderr := kg(t, "", args...)
		if code != 0 || !strings.Contains(stdout, "wrote ") {
			t.Fatalf("kg %s = %d, stdout %q, stderr:\n%s", strings.Join(args, " "), code, stdout, stderr)
		}
		if format == "csv" {
			for _, f := range []string{"nodes.csv", "relationships.csv"} {
				if b, err := os.ReadFile(filepath.Join(out, f)); err != nil || len(b) == 0 {
					t.Errorf("csv export: %s: %v", f, err)
				}
			}
			continue
		}
		b, err := os.ReadFile(out)
		if err != nil || len(b) == 0 {
			t.Fatalf("%s export: %v", format, err)
		}
		switch format {
		case "json":
			cy := readCy(t, out)
			var names []string
			for _, n := range cy.Elements.Nodes {
				names = append(names, n.Data["name"].(string))
			}
			for _, want := range []string{"Russia", "Dmitry Peskov", "NATO", "Lloyd Austin", "Carla Babb"} {
				if !slices.Contains(names, want) {
					t.Errorf("json export of the seed graph lacks %s: %q", want, names)
				}
			}
			if len(cy.Elements.Edges) < 10 {
				t.Errorf("json export of the seed graph: %d edges", len(cy.Elements.Edges))
			}
		case "svg", "graphml":
			if err := wellFormed(b); err != nil {
				t.Errorf("%s export is not well-formed XML: %v", format, err)
			}
			if !bytes.Contains(b, []byte("Dmitry Peskov")) {
				t.Errorf("%s export lacks Dmitry Peskov", format)
			}
		}
	}
	// To standard output.
	code, stdout, stderr := kg(t, "", "export", "--format", "dot", "--seed", "Peskov")
	if code != 0 || !strings.HasPrefix(stdout, "digraph kg {") {
		t.Errorf("kg export --format dot = %d, stdout %.100q, stderr %s", code, stdout, stderr)
	}
	if t.Failed() {
		return
	}
	networkx(t, "seed.graphml", "seed.json")
}

// TestSeedPicture checks the picture README.md shows: docs/seed.svg, made
// by kg export --format svg from the seed article.
func TestSeedPicture(t *testing.T) {
	b, err := os.ReadFile("../../docs/seed.svg")
	if err != nil {
		t.Fatal(err)
	}
	if err := wellFormed(b); err != nil {
		t.Errorf("docs/seed.svg is not well-formed: %v", err)
	}
	for _, want := range []string{"<svg", "Dmitry Peskov", "Russia", "DENIES", "NATO"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("docs/seed.svg lacks %q", want)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, []byte("![seed graph](docs/seed.svg)")) ||
		!bytes.Contains(readme, []byte(`kg export --format svg -o docs/seed.svg --seed Russia --seed "Carla Babb" --hops 3`)) {
		t.Errorf("README.md does not show docs/seed.svg with the command that made it")
	}
}

func wellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// networkxScript reads a GraphML file with networkx.read_graphml and a
// json export with networkx.cytoscape_graph, and prints what it found.
const networkxScript = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
with open(sys.argv[2]) as f:
    c = nx.cytoscape_graph(json.load(f))
edges = list(g.edges(data=True))
print(json.dumps({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "cy_nodes": c.number_of_nodes(),
    "cy_edges": c.number_of_edges(),
    "node_ids": sorted(g.nodes()),
    "edge_keys": sorted(d["key"] for _, _, d in edges),
    "provenance": all(d.get("article") and d.get("evidence") and isinstance(d.get("confidence"), float) for _, _, d in edges),
    "dated": sorted(d["key"] + " " + d["date"] for _, _, d in edges if d.get("date")),
    "labels": all(d.get("label") and d.get("type") for _, d in g.nodes(data=True)),
}))
`

// networkx reads the GraphML export with Python's networkx, an
// independent reader, and checks it against the json export of the same
// subgraph: the same nodes and edges, and every edge with its provenance.
// Without python3 and networkx the check is skipped, unless Neo4j tests
// are required (KG_REQUIRE_NEO4J=1 or CI=true), as in testdata/run-tests,
// which installs networkx.
func networkx(t *testing.T, graphml, cyJSON string) {
	t.Helper()
	if err := exec.Command("python3", "-c", "import networkx").Run(); err != nil {
		if neo4jtest.Required() {
			t.Fatalf("python3 with networkx is required here (KG_REQUIRE_NEO4J=1 or CI=true): %v (python3 -m pip install networkx)", err)
		}
		t.Skipf("python3 with networkx is not available (%v): GraphML not read back; python3 -m pip install networkx", err)
	}
	out, err := exec.Command("python3", "-c", networkxScript, graphml, cyJSON).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("networkx: %v\n%s", err, stderr)
	}
	var got struct {
		Nodes      int      `json:"nodes"`
		Edges      int      `json:"edges"`
		CyNodes    int      `json:"cy_nodes"`
		CyEdges    int      `json:"cy_edges"`
		NodeIDs    []string `json:"node_ids"`
		EdgeKeys   []string `json:"edge_keys"`
		Dated      []string `json:"dated"` // "key date" of the edges with a date
		Provenance bool     `json:"provenance"`
		Labels     bool     `json:"labels"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("networkx output %q: %v", out, err)
	}
	cy := readCy(t, cyJSON)
	nodes, edges := cy.ids("nodes"), cy.ids("edges")
	if got.Nodes != len(nodes) || got.Edges != len(edges) || got.CyNodes != len(nodes) || got.CyEdges != len(edges) {
		t.Errorf("networkx read %d nodes, %d edges from GraphML (%d, %d from json); the json export has %d, %d",
			got.Nodes, got.Edges, got.CyNodes, got.CyEdges, len(nodes), len(edges))
	}
	if !slices.Equal(got.NodeIDs, nodes) || !slices.Equal(got.EdgeKeys, edges) {
		t.Errorf("networkx read other node IDs or edge keys from GraphML than the json export has")
	}
	if !got.Provenance || !got.Labels {
		t.Errorf("networkx found edges without article, evidence and confidence, or nodes without labels")
	}
	var dated []string
	for _, e := range cy.Elements.Edges {
		if d, _ := e.Data["date"].(string); d != "" {
			dated = append(dated, e.Data["id"].(string)+" "+d)
		}
	}
	slices.Sort(dated)
	if !slices.Equal(got.Dated, dated) {
		t.Errorf("networkx read the dates of %d edges from GraphML; the json export has %d", len(got.Dated), len(dated))
	}
	if len(edges) == 0 {
		t.Errorf("empty export: the test means to read some edges")
	}
}

// TestNeo4jExport exports a subgraph of the dev corpus from Neo4j: every
// format is byte-identical to the export of the graph file; networkx
// reads the GraphML back; and the Cypher script, replayed into an empty
// Neo4j, recreates the subgraph: the same nodes, relationships, keys, and
// the same export.
func TestNeo4jExport(t *testing.T) {
	file := devFile(t)
	uri := devNeo4j(t)
	dir := t.TempDir()
	cut := []string{"--seed", "Russia", "--seed", "Sergei Lavrov", "--hops", "2", "--types", "MEETS,ACCUSES,DENIES,WARNS,HOLDS_ROLE,PART_OF,VISITS"}
	export := func(t *testing.T, fromFile bool, format, out string) {
		t.Helper()
		args := append([]string{"export", "--format", format, "-o", out}, cut...)
		if fromFile {
			args = append(args, "--graph", file)
		}
		t.Setenv("NEO4J_URI", uri)
		if code, _, stderr := kg(t, "", args...); code != 0 {
			t.Fatalf("kg %s = %d, stderr:\n%s", strings.Join(args, " "), code, stderr)
		}
	}

	t.Run("formats agree with the graph file", func(t *testing.T) {
		for _, format := range exportFormats {
			nOut, fOut := filepath.Join(dir, "neo4j."+format), filepath.Join(dir, "file."+format)
			export(t, false, format, nOut)
			export(t, true, format, fOut)
			names := []string{""}
			if format == "csv" {
				names = []string{"nodes.csv", "relationships.csv"}
			}
			for _, n := range names {
				a, errA := os.ReadFile(filepath.Join(nOut, n))
				b, errB := os.ReadFile(filepath.Join(fOut, n))
				if errA != nil || errB != nil || len(a) == 0 || !bytes.Equal(a, b) {
					t.Errorf("%s %s export: Neo4j and the graph file differ (%v, %v)", format, n, errA, errB)
				}
			}
		}
	})

	t.Run("graphml read by networkx", func(t *testing.T) {
		gml, js := filepath.Join(dir, "n.graphml"), filepath.Join(dir, "n.json")
		export(t, false, "graphml", gml)
		export(t, false, "json", js)
		networkx(t, gml, js)
	})

	t.Run("cypher replayed into an empty Neo4j", func(t *testing.T) {
		ctx := context.Background()
		st, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri, Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD")})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ids := func(n string) string {
			t.Helper()
			e, err := st.ResolveEntity(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			return e.ID
		}
		f, err := filterFromArgs(cut)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := st.Subgraph(ctx, []string{ids("Russia"), ids("Sergei Lavrov")}, 2, f)
		if err != nil {
			t.Fatal(err)
		}
		script, before := filepath.Join(dir, "sub.cypher"), filepath.Join(dir, "before.json")
		export(t, false, "cypher", script)
		export(t, false, "json", before)

		d := neo4jtest.Driver(t)
		neo4jtest.Reset(t, d)
		if n, r := countAll(t, d); n != 0 || r != 0 {
			t.Fatalf("after Reset: %d nodes, %d relationships", n, r)
		}
		replay(t, d, script)

		var wantEntities, wantArticles, wantKeys []string
		for _, e := range sub.Entities {
			wantEntities = append(wantEntities, e.ID)
		}
		for _, a := range sub.Articles {
			wantArticles = append(wantArticles, a.ID)
		}
		for _, r := range sub.Relations {
			wantKeys = append(wantKeys, r.Key)
		}
		nodes, rels := countAll(t, d)
		if nodes != len(sub.Entities)+len(sub.Articles) || rels != len(sub.Relations)+len(sub.Mentions) {
			t.Errorf("replayed: %d nodes, %d relationships; the subgraph has %d entities + %d articles, %d relations + %d mentions",
				nodes, rels, len(sub.Entities), len(sub.Articles), len(sub.Relations), len(sub.Mentions))
		}
		for _, c := range []struct {
			what, q string
			want    []string
		}{
			{"entities", "MATCH (e:Entity) RETURN e.id", wantEntities},
			{"articles", "MATCH (a:Article) RETURN a.id", wantArticles},
			{"relation keys", "MATCH (:Entity)-[r]->(:Entity) RETURN r.key", wantKeys},
		} {
			if got := column(t, d, c.q); !slices.Equal(got, sortedCopy(c.want)) {
				t.Errorf("replayed %s: %d, want %d:\n got %q\nwant %q", c.what, len(got), len(c.want), got, sortedCopy(c.want))
			}
		}
		// The same cut of the replayed graph exports the same json.
		after := filepath.Join(dir, "after.json")
		export(t, false, "json", after)
		a, _ := os.ReadFile(before)
		b, _ := os.ReadFile(after)
		if !bytes.Equal(a, b) {
			t.Errorf("the export of the replayed graph differs from the original's")
		}
		if len(sub.Relations) < 10 || len(sub.Mentions) == 0 {
			t.Errorf("the subgraph has %d relations, %d mentions; the test means to replay more", len(sub.Relations), len(sub.Mentions))
		}
	})
}

// filterFromArgs reads the filter flags of args as kg export does.
func filterFromArgs(args []string) (graph.Filter, error) {
	var f graph.Filter
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "--types" {
			types, err := parseTypes([]string{args[i+1]})
			if err != nil {
				return f, err
			}
			f.Types = types
		}
	}
	return f, nil
}

// replay runs a Cypher script as cypher-shell does, statement by
// statement (each ends a line with ";"), comments skipped: the schema
// statements each in its own transaction, the data statements in one.
func replay(t *testing.T, d neo4j.DriverWithContext, script string) {
	t.Helper()
	b, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sess := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	var data []string
	for _, stmt := range strings.Split(string(b), "\n") {
		if stmt == "" || strings.HasPrefix(stmt, "//") {
			continue
		}
		if !strings.HasSuffix(stmt, ";") {
			t.Fatalf("statement does not end its line with ';': %.200s", stmt)
		}
		stmt = strings.TrimSuffix(stmt, ";")
		if !strings.HasPrefix(stmt, "CREATE ") {
			data = append(data, stmt)
			continue
		}
		res, err := sess.Run(ctx, stmt, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			t.Fatalf("replay: %v\nin: %.300s", err, stmt)
		}
	}
	if len(data) == 0 {
		t.Fatal("no data statements in the script")
	}
	_, err = sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, stmt := range data {
			res, err := tx.Run(ctx, stmt, nil)
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
}

func countAll(t *testing.T, d neo4j.DriverWithContext) (nodes, rels int) {
	t.Helper()
	n := column(t, d, "MATCH (n) RETURN toString(count(n))")
	r := column(t, d, "MATCH ()-[r]->() RETURN toString(count(r))")
	return atoi(t, n[0]), atoi(t, r[0])
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// column runs a query and returns its first column as sorted strings.
func column(t *testing.T, d neo4j.DriverWithContext, q string) []string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, q, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	var out []string
	for _, r := range res.Records {
		s, _ := r.Values[0].(string)
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func sortedCopy(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}
