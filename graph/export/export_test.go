package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/explore/web"
	"github.com/kgraph/kg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Hostile strings: Cypher injection, quotes of every kind, markup, line
// breaks, entity references, control characters.
const (
	injection = "x'})-[:R]->() DETACH DELETE n //"
	backtick  = "a`b"
	markup    = `Quote "Q" & <b>bold</b> \N`
	script    = "</script><script>alert(1)</script>"
	multiline = "Line one\nLine two\r\nthree; DROP"
)

// fixture is a small graph holding the hostile strings, deliberately out
// of order.
func fixture() *graph.Graph {
	return &graph.Graph{
		Articles: []schema.Article{
			{ID: "art-2", Title: "Second <article> & \"more\"", URL: "javascript:alert(1)", Published: "2024-03-02", Source: "wire"},
			{ID: "art-1", Title: "First: Zoë's report", URL: "https://example.com/a?b=1&c=2", Published: "2024-03-01", SHA256: "abc"},
		},
		Entities: []schema.Entity{
			{ID: "e-zoe", Name: "Zoë Ångström", Type: schema.Person, Count: 3, Aliases: []string{"Zoe Angstrom", "Ångström; Z.", "Zoë Ångström"}},
			{ID: "e-inj", Name: injection, Type: schema.Organization, Count: 1, Aliases: []string{backtick}},
			{ID: "e-markup", Name: markup, Type: schema.Country, Count: 2},
			{ID: "e-script", Name: script, Type: schema.Group, Count: 1},
			{ID: "e-multi", Name: multiline, Type: schema.Location},
		},
		Relations: []schema.Relation{
			{Key: "k-3", Type: schema.Visits, Subject: "e-zoe", Object: "e-multi", Article: "art-2", Sentence: 4,
				Evidence: "She went to \"Line one\"\nthen \x01 left; // done", Start: 10, End: 60, Date: "2024-03", Tense: "future", Confidence: 0.5, CAMEO: "042"},
			{Key: "k-1", Type: schema.Meets, Subject: "e-zoe", Object: "e-inj", Article: "art-1", Sentence: 0,
				Evidence: "Zoë met " + injection + " in 'Paris'.", Start: 0, End: 40, Date: "2024-03-01", Confidence: 1, CAMEO: "04"},
			{Key: "k-2", Type: schema.HoldsRole, Subject: "e-zoe", Object: "e-markup", Article: "art-1", Sentence: 1,
				Evidence: "Zoë, " + markup + "'s \"Foreign Minister\" <acting>, said " + script, Start: 41, End: 90, Confidence: 0.875, Role: `"Foreign Minister" <acting>`},
			{Key: "k-4", Type: schema.Accuses, Subject: "e-script", Object: "e-inj", Article: "art-2", Sentence: 2,
				Evidence: backtick + ` accused \ them`, Start: 5, End: 20, Date: "2024-03-02", Confidence: 0.75, CAMEO: "112"},
		},
		Mentions: []graph.Mention{
			{Article: "art-2", Entity: "e-zoe", Count: 1},
			{Article: "art-1", Entity: "e-zoe", Count: 2},
			{Article: "art-1", Entity: "e-inj", Count: 1},
		},
	}
}

// formats are the writers under test, by golden file name.
var formats = []struct {
	file  string
	write func(io.Writer, *graph.Graph) error
}{
	{"graph.json", JSON},
	{"graph.graphml", GraphML},
	{"graph.cypher", Cypher},
	{"graph.dot", DOT},
	{"graph.svg", SVG},
	{"graph.html", HTML}, // the golden file is the page's data: graph.html.json
	{"nodes.csv", func(w io.Writer, g *graph.Graph) error { return CSV(w, io.Discard, g) }},
	{"relationships.csv", func(w io.Writer, g *graph.Graph) error { return CSV(io.Discard, w, g) }},
}

func write(t *testing.T, f func(io.Writer, *graph.Graph) error, g *graph.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test -update after checking):\n%s", name, path, firstDiff(got, want))
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g, w)
		}
	}
	return ""
}

func TestGolden(t *testing.T) {
	for _, f := range formats {
		t.Run(f.file, func(t *testing.T) {
			out := write(t, f.write, fixture())
			if f.file == "graph.html" {
				// The page is the explorer's, with the data in it: only the
				// data is golden.
				m := regexp.MustCompile(`(?s)<script id="kg-data" type="application/json">(.*?)</script>`).FindSubmatch(out)
				if m == nil {
					t.Fatalf("page has no data")
				}
				var v bytes.Buffer
				if err := json.Indent(&v, m[1], "", " "); err != nil {
					t.Fatal(err)
				}
				v.WriteByte('\n')
				golden(t, "graph.html.json", v.Bytes())
				return
			}
			golden(t, f.file, out)
		})
	}
}

func TestDeterministic(t *testing.T) {
	// Reversed input order, the same output; the input is not changed.
	g := fixture()
	slices.Reverse(g.Entities)
	slices.Reverse(g.Relations)
	slices.Reverse(g.Articles)
	slices.Reverse(g.Mentions)
	before, _ := json.Marshal(g)
	for _, f := range formats {
		if got, want := write(t, f.write, g), write(t, f.write, fixture()); !bytes.Equal(got, want) {
			t.Errorf("%s: output depends on input order", f.file)
		}
	}
	if after, _ := json.Marshal(g); !bytes.Equal(before, after) {
		t.Errorf("a writer changed its graph")
	}
}

func TestEmptyGraph(t *testing.T) {
	for _, f := range formats {
		for _, g := range []*graph.Graph{nil, {}} {
			if err := f.write(io.Discard, g); err != nil {
				t.Errorf("%s of an empty graph: %v", f.file, err)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	dangling := fixture()
	dangling.Relations[0].Object = "nobody"
	badEntity := fixture()
	badEntity.Entities[0].Type = "Planet"
	badRelation := fixture()
	badRelation.Relations[0].Type = "LIKES"
	dup := fixture()
	dup.Entities = append(dup.Entities, dup.Entities[0])
	for _, f := range formats {
		if err := f.write(io.Discard, dangling); err == nil || !strings.Contains(err.Error(), "nobody") {
			t.Errorf("%s with a dangling relation: error %v, want one naming the entity", f.file, err)
		}
		if err := f.write(io.Discard, dup); err == nil {
			t.Errorf("%s with a duplicate entity: no error", f.file)
		}
	}
	for _, f := range []func(io.Writer, *graph.Graph) error{Cypher, formats[6].write, formats[7].write} {
		if f(io.Discard, badEntity) == nil && f(io.Discard, badRelation) == nil {
			t.Errorf("a type outside the ontology: no error")
		}
	}
	if err := Cypher(io.Discard, badEntity); err == nil || !strings.Contains(err.Error(), "Planet") {
		t.Errorf("Cypher with entity type Planet: %v", err)
	}
	if err := Cypher(io.Discard, badRelation); err == nil || !strings.Contains(err.Error(), "LIKES") {
		t.Errorf("Cypher with relation type LIKES: %v", err)
	}
	for _, f := range formats {
		if err := f.write(failWriter{}, fixture()); !errors.Is(err, errWrite) {
			t.Errorf("%s to a failing writer: %v, want %v", f.file, err, errWrite)
		}
	}
}

var errWrite = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestJSONReadsBack(t *testing.T) {
	g := fixture()
	var doc struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal(write(t, JSON, g), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Elements.Nodes) != len(g.Entities) || len(doc.Elements.Edges) != len(g.Relations) {
		t.Fatalf("JSON: %d nodes %d edges, want %d %d", len(doc.Elements.Nodes), len(doc.Elements.Edges), len(g.Entities), len(g.Relations))
	}
	names := map[string]string{}
	for _, n := range doc.Elements.Nodes {
		names[n.Data["id"].(string)] = n.Data["label"].(string)
	}
	for _, e := range g.Entities {
		if names[e.ID] != e.Name {
			t.Errorf("JSON node %s label = %q, want %q", e.ID, names[e.ID], e.Name)
		}
	}
	byKey := map[string]schema.Relation{}
	for _, r := range g.Relations {
		byKey[r.Key] = r
	}
	for _, e := range doc.Elements.Edges {
		r := byKey[e.Data["id"].(string)]
		if e.Data["source"] != r.Subject || e.Data["target"] != r.Object || e.Data["label"] != string(r.Type) ||
			e.Data["evidence"] != r.Evidence || e.Data["confidence"] != r.Confidence || e.Data["article"] != r.Article || e.Data["date"] != r.Date {
			t.Errorf("JSON edge %v does not match relation %+v", e.Data, r)
		}
	}
}

func TestGraphMLReadsBack(t *testing.T) {
	g := fixture()
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []data `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []data `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(write(t, GraphML, g), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
	}
	if len(doc.Graph.Nodes) != len(g.Entities) || len(doc.Graph.Edges) != len(g.Relations) {
		t.Fatalf("GraphML: %d nodes %d edges, want %d %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(g.Entities), len(g.Relations))
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		if !slices.Contains([]string{"string", "int", "double"}, k.Type) || (k.For != "node" && k.For != "edge") {
			t.Errorf("key %+v", k)
		}
		keys[k.ID] = k.For + "." + k.Name
	}
	nodes := map[string]map[string]string{}
	for _, n := range doc.Graph.Nodes {
		m := map[string]string{}
		for _, d := range n.Data {
			if !strings.HasPrefix(keys[d.Key], "node.") {
				t.Errorf("node %s: data key %q is not a declared node key", n.ID, d.Key)
			}
			m[keys[d.Key]] = d.Value
		}
		nodes[n.ID] = m
	}
	for _, e := range g.Entities {
		if got := nodes[e.ID]["node.label"]; got != e.Name {
			t.Errorf("GraphML node %s label = %q, want %q", e.ID, got, e.Name)
		}
	}
	byKey := map[string]schema.Relation{}
	for _, r := range g.Relations {
		byKey[r.Key] = r
	}
	for _, e := range doc.Graph.Edges {
		r := byKey[e.ID]
		m := map[string]string{}
		for _, d := range e.Data {
			if !strings.HasPrefix(keys[d.Key], "edge.") {
				t.Errorf("edge %s: data key %q is not a declared edge key", e.ID, d.Key)
			}
			m[keys[d.Key]] = d.Value
		}
		// XML cannot hold U+0001; it is replaced.
		evidence := strings.ReplaceAll(strings.ReplaceAll(r.Evidence, "\x01", "\uFFFD"), "\r\n", "\n")
		if e.Source != r.Subject || e.Target != r.Object || m["edge.label"] != string(r.Type) ||
			m["edge.evidence"] != evidence || m["edge.article"] != r.Article || m["edge.date"] != r.Date || m["edge.confidence"] != float(r.Confidence) {
			t.Errorf("GraphML edge %s = %v, does not match relation %+v", e.ID, m, r)
		}
	}
}

func TestCSVReadsBack(t *testing.T) {
	g := fixture()
	var nodes, rels bytes.Buffer
	if err := CSV(&nodes, &rels, g); err != nil {
		t.Fatal(err)
	}
	read := func(b *bytes.Buffer, header []string) [][]string {
		t.Helper()
		r := csv.NewReader(b)
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], header) {
			t.Errorf("header = %q, want %q", rows[0], header)
		}
		return rows[1:]
	}
	wantNodes := "id:ID,name,type,aliases:string[],:LABEL"
	wantRels := ":START_ID,:END_ID,:TYPE,key,article,evidence,date,date_source,date_precision,tense,confidence:double,role,cameo,support:int"
	if !strings.HasPrefix(nodes.String(), wantNodes+"\n") || !strings.HasPrefix(rels.String(), wantRels+"\n") {
		t.Errorf("headers:\n%s\n%s", strings.SplitN(nodes.String(), "\n", 2)[0], strings.SplitN(rels.String(), "\n", 2)[0])
	}
	ns := read(&nodes, CSVNodesHeader)
	rs := read(&rels, CSVRelationshipsHeader)
	if len(ns) != len(g.Entities) || len(rs) != len(g.Relations) {
		t.Fatalf("CSV: %d nodes %d relationships, want %d %d", len(ns), len(rs), len(g.Entities), len(g.Relations))
	}
	want := map[string][]string{
		"e-zoe":    {"e-zoe", "Zoë Ångström", "Person", "Zoe Angstrom;Ångström, Z.", "Entity;Person"},
		"e-inj":    {"e-inj", injection, "Organization", backtick, "Entity;Organization"},
		"e-multi":  {"e-multi", multiline, "Location", "", "Entity;Location"},
		"e-markup": {"e-markup", markup, "Country", "", "Entity;Country"},
		"e-script": {"e-script", script, "Group", "", "Entity;Group"},
	}
	for _, n := range ns {
		// encoding/csv reads \r\n inside a quoted field as \n.
		n[1] = strings.ReplaceAll(n[1], "\n", "\r\n")
		w := slices.Clone(want[n[0]])
		w[1] = strings.ReplaceAll(strings.ReplaceAll(w[1], "\r\n", "\n"), "\n", "\r\n")
		if !slices.Equal(n, w) {
			t.Errorf("node row %q, want %q", n, w)
		}
	}
	for _, row := range rs {
		var r schema.Relation
		for _, x := range g.Relations {
			if x.Key == row[3] {
				r = x
			}
		}
		w := []string{r.Subject, r.Object, string(r.Type), r.Key, r.Article, r.Evidence, r.Date, r.DateSource, r.DatePrecision, r.Tense,
			float(r.Confidence), r.Role, r.CAMEO, strconv.Itoa(r.Supported())}
		if !slices.Equal(row, w) {
			t.Errorf("relationship row %q, want %q", row, w)
		}
	}
}

// cypherLiteral matches a Cypher single-quoted string as Cypher reads it.
var cypherLiteral = regexp.MustCompile(`'(?:[^'\\]|\\.)*'`)

// cypherShapes are the only statements a script may hold once its
// literals are replaced by 'S'.
var cypherShapes = []*regexp.Regexp{
	regexp.MustCompile("^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) [a-z_0-9]+ IF NOT EXISTS FOR .*;$"),
	regexp.MustCompile("^MERGE \\(e:Entity \\{id: 'S'\\}\\) SET e = \\{id: 'S', name: 'S', type: 'S', aliases: \\[('S'(, 'S')*)?\\], folded: \\['S'(, 'S')*\\], mentions: \\d+\\}, e:`(Person|Organization|Country|Location|Group)`;$"),
	regexp.MustCompile("^MERGE \\(a:Article \\{id: 'S'\\}\\) SET a = \\{id: 'S'(, [a-z0-9]+: 'S')*\\};$"),
	regexp.MustCompile("^MATCH \\(a:Article \\{id: 'S'\\}\\) MATCH \\(e:Entity \\{id: 'S'\\}\\) MERGE \\(a\\)-\\[m:MENTIONS\\]->\\(e\\) SET m.count = \\d+;$"),
	regexp.MustCompile("^MATCH \\(s:Entity \\{id: 'S'\\}\\) MATCH \\(o:Entity \\{id: 'S'\\}\\) MERGE \\(s\\)-\\[r:`[A-Z_]+` \\{key: 'S'\\}\\]->\\(o\\) SET r = \\{key: 'S', article: 'S', sentence: \\d+, (evidence: 'S', )?start: \\d+, end: \\d+, (date: 'S', )?(tense: 'S', )?confidence: \\d+\\.\\d+(, cameo: 'S')?(, role: 'S')?\\};$"),
}

// unquote decodes a Cypher string literal.
func unquote(t *testing.T, lit string) string {
	t.Helper()
	var b strings.Builder
	s := lit[1 : len(lit)-1]
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			var r rune
			for _, c := range s[i+1 : i+5] {
				r = r*16 + rune(strings.IndexRune("0123456789ABCDEF", c))
			}
			b.WriteRune(r)
			i += 4
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func TestCypherInert(t *testing.T) {
	g := fixture()
	out := string(write(t, Cypher, g))
	var literals []string
	statements := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.HasPrefix(line, "//") {
			continue
		}
		statements++
		shape := cypherLiteral.ReplaceAllStringFunc(line, func(lit string) string {
			literals = append(literals, unquote(t, lit))
			return "'S'"
		})
		if strings.ContainsAny(strings.ReplaceAll(shape, "'S'", ""), "'\"\\") || strings.Count(shape, ";") != 1 {
			t.Errorf("statement with stray quotes or semicolons: %s", line)
		}
		ok := false
		for _, re := range cypherShapes {
			ok = ok || re.MatchString(shape)
		}
		if !ok {
			t.Errorf("statement of an unexpected shape:\n%s\n(as %s)", line, shape)
		}
	}
	if want := len(schema.DDL()) + len(g.Entities) + len(g.Articles) + len(g.Mentions) + len(g.Relations); statements != want {
		t.Errorf("%d statements, want %d", statements, want)
	}
	// Every hostile string comes back whole from its literal.
	for _, s := range []string{injection, backtick, markup, script, multiline, g.Relations[0].Evidence, g.Relations[2].Role} {
		if !slices.Contains(literals, s) {
			t.Errorf("no literal reads back as %q", s)
		}
	}
	if !strings.Contains(out, "confidence: 1.0,") {
		t.Errorf("confidence 1 not written as a float")
	}
}

func TestCypherString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "''"},
		{"plain", "'plain'"},
		{"O'Brien", `'O\'Brien'`},
		{`back\slash`, `'back\\slash'`},
		{`say "hi"`, `'say \"hi\"'`},
		{"a;b", `'a\u003Bb'`},
		{"l1\nl2\r\tx", `'l1\nl2\r\tx'`},
		{"nul\x00 bell\x07 del\x7f", `'nul\u0000 bell\u0007 del\u007F'`},
		{"ls\u2028ps\u2029", `'ls\u2028ps\u2029'`},
		{"a`b", "'a`b'"},
		{"Zoë", "'Zoë'"},
	}
	for _, tt := range tests {
		if got := cypherString(tt.in); got != tt.want {
			t.Errorf("cypherString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := cypherFloat(1); got != "1.0" {
		t.Errorf("cypherFloat(1) = %s", got)
	}
	if got := cypherFloat(0.000001); got != "0.000001" {
		t.Errorf("cypherFloat(1e-6) = %s", got)
	}
}

func TestDOTString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{`a "q" \N`, `"a \"q\" \\N"`},
		{"AT&T", `"AT&amp;T"`},
		{"l1\nl2\r\nl3", `"l1\nl2\nl3"`},
		{"bell\x07", `"bell "`},
		{"<b>", `"<b>"`},
	}
	for _, tt := range tests {
		if got := dotString(tt.in); got != tt.want {
			t.Errorf("dotString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSVG(t *testing.T) {
	g := fixture()
	out := write(t, SVG, g)
	dec := xml.NewDecoder(bytes.NewReader(out))
	var titles []string
	inTitle := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if strings.EqualFold(tok.Name.Local, "script") {
				t.Errorf("SVG holds a script element")
			}
			inTitle = tok.Name.Local == "text"
		case xml.CharData:
			if inTitle {
				titles = append(titles, string(tok))
			}
		case xml.EndElement:
			inTitle = false
		}
	}
	// Names are drawn as they are (one text element per line).
	for _, want := range []string{"Zoë Ångström", injection, markup, script, "Line one", "Line two", "MEETS"} {
		if !slices.Contains(titles, want) {
			t.Errorf("SVG has no text %q (texts %q)", want, titles)
		}
	}
}

func TestHTML(t *testing.T) {
	g := fixture()
	page := string(write(t, HTML, g))
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	if len(scripts) != len(web.Scripts) {
		t.Errorf("page has %d inline scripts, want %d (the page's own)", len(scripts), len(web.Scripts))
	}
	if n := strings.Count(page, "<script"); n != len(web.Scripts)+1 {
		t.Errorf("page has %d script elements, want %d (its own and the data)", n, len(web.Scripts)+1)
	}
	// Every inline script and style is allowed by its hash, and nothing
	// else is: no source, no connection.
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	if csp == nil {
		t.Fatalf("page has no Content-Security-Policy")
	}
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s[1]))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp[1], "script-src "+h) && !strings.Contains(csp[1], " "+h) {
			t.Errorf("an inline script's hash %s is not in the policy %q", h, csp[1])
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "connect-src", "*"} {
		if strings.Contains(csp[1], bad) {
			t.Errorf("the policy %q allows %s", csp[1], bad)
		}
	}
	if !strings.Contains(csp[1], "default-src 'none'") {
		t.Errorf("the policy %q does not default to none", csp[1])
	}
	for _, bad := range []string{"<b>bold", "<acting>", "<script>alert", `href="javascript:`} {
		if strings.Contains(page, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	if strings.Contains(page, "<link") || strings.Contains(page, " src=") {
		t.Errorf("page loads external resources")
	}
	// The data holds every entity and relation, hostile text intact.
	d := htmlData(t, page)
	if len(d.Entities) != len(g.Entities) || len(d.Relations) != len(g.Relations)-0 {
		t.Errorf("page data holds %d entities, %d relations; want %d, %d", len(d.Entities), len(d.Relations), len(g.Entities), len(g.Relations))
	}
	names := map[string]bool{}
	for _, e := range d.Entities {
		names[e.Name] = true
	}
	for _, want := range []string{script, markup, injection, multiline} {
		if !names[want] {
			t.Errorf("page data lacks the name %q", want)
		}
	}
	if d.MarkSeeds || len(d.Seeds) != len(g.Entities) {
		t.Errorf("with no seeds, the page shows %d entities (marked %v), want all %d unmarked", len(d.Seeds), d.MarkSeeds, len(g.Entities))
	}
	var buf bytes.Buffer
	if err := HTMLView(&buf, g, []string{"e-zoe", "nobody", "e-zoe"}, 2); err != nil {
		t.Fatal(err)
	}
	d = htmlData(t, buf.String())
	if !slices.Equal(d.Seeds, []string{"e-zoe"}) || d.Hops != 2 || !d.MarkSeeds {
		t.Errorf("HTMLView(seeds e-zoe nobody e-zoe, hops 2): seeds %q, hops %d, marked %v; want [e-zoe] 2 true", d.Seeds, d.Hops, d.MarkSeeds)
	}
}

// htmlData returns the data of a page written by HTML.
func htmlData(t *testing.T, page string) web.StaticData {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script id="kg-data" type="application/json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("page has no data")
	}
	var d web.StaticData
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatalf("page data: %v", err)
	}
	return d
}

// TestProvenance checks that every format keeps each relation's
// provenance: its article, evidence sentence, date and confidence.
func TestProvenance(t *testing.T) {
	g := &graph.Graph{
		Articles: []schema.Article{{ID: "art-prov-1", Title: "Talks in Paris", Published: "2024-05-07", URL: "https://example.com/p"}},
		Entities: []schema.Entity{
			{ID: "e-alpha", Name: "Alpha", Type: schema.Person, Count: 2},
			{ID: "e-beta", Name: "Beta", Type: schema.Country, Count: 1},
		},
		Relations: []schema.Relation{{Key: "k-prov", Type: schema.Meets, Subject: "e-alpha", Object: "e-beta", Article: "art-prov-1",
			Evidence: "Alpha met Beta in Paris on Monday", Date: "2024-05-06", Confidence: 0.75, Start: 0, End: 33}},
		Mentions: []graph.Mention{{Article: "art-prov-1", Entity: "e-alpha", Count: 2}},
	}
	for _, f := range formats {
		if f.file == "nodes.csv" {
			continue // relations are in relationships.csv
		}
		out := string(write(t, f.write, g))
		// Graphviz writes "-" as "&#45;" in SVG text.
		out = strings.ReplaceAll(out, "&#45;", "-")
		for _, want := range []string{"art-prov-1", "Alpha met Beta in Paris on Monday", "2024-05-06", "0.75"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", f.file, want)
			}
		}
	}
}
