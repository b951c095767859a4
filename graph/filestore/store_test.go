package filestore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

func ent(t schema.EntityType, name string, aliases ...string) schema.Entity {
	return schema.Entity{ID: schema.EntityID(t, name), Name: name, Type: t, Aliases: aliases, Count: 1}
}

func rel(article string, sentence int, s schema.Entity, t schema.RelationType, o schema.Entity) schema.Relation {
	return schema.Relation{
		Key:     schema.RelationKey(article, sentence, s.ID, t, o.ID),
		Type:    t,
		Subject: s.ID, Object: o.ID, Article: article, Sentence: sentence,
		Evidence: "evidence", Confidence: 0.8,
	}
}

func doc(id string, ents []schema.Entity, rels ...schema.Relation) schema.Extraction {
	return schema.Extraction{Article: schema.Article{ID: id, SHA256: "sha-" + id}, Entities: ents, Relations: rels}
}

var (
	lloyd = ent(schema.Person, "Lloyd Austin")
	nato  = ent(schema.Organization, "North Atlantic Treaty Organization", "NATO")
	china = ent(schema.Country, "China")
	putin = ent(schema.Person, "Vladimir Putin")
)

// corpus is two small resolved extractions sharing entities.
func corpus() []schema.Extraction {
	l := lloyd
	l.Count = 2
	l.Mentions = []schema.Span{{Start: 0, End: 12}, {Start: 30, End: 36}}
	c := china
	c.Aliases = []string{"PRC"}
	a1 := doc("a1", []schema.Entity{l, c, nato}, rel("a1", 0, l, schema.Meets, c), rel("a1", 1, c, schema.MemberOf, nato))
	a1.Article.Title = "Talks"
	a1.Article.Text = "Lloyd Austin met ..."
	c2 := china
	c2.Aliases = []string{"People's Republic of China"}
	a2 := doc("a2", []schema.Entity{c2, putin}, rel("a2", 3, putin, schema.Warns, c2))
	return []schema.Extraction{a1, a2}
}

func writeStore(t *testing.T, path string, batches ...[]schema.Extraction) []byte {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	for _, b := range batches {
		if err := s.Load(context.Background(), b); err != nil {
			t.Fatalf("Load: %v", err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "graph.json")
	writeStore(t, path, corpus())

	g, err := Read(path)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	want := graph.Stats{Articles: 2, Entities: 4, Relations: 3,
		EntitiesByType: map[schema.EntityType]int{schema.Person: 2, schema.Organization: 1, schema.Country: 1},
		ByType:         map[schema.RelationType]int{schema.Meets: 1, schema.MemberOf: 1, schema.Warns: 1}}
	if got := g.Summary(); !reflect.DeepEqual(got, want) {
		t.Errorf("Summary() = %+v, want %+v", got, want)
	}
	byID := map[string]schema.Entity{}
	for _, e := range g.Entities {
		byID[e.ID] = e
		if e.Mentions != nil {
			t.Errorf("entity %s keeps mention spans %v", e.Name, e.Mentions)
		}
	}
	if got := byID[china.ID]; got.Count != 2 || !reflect.DeepEqual(got.Aliases, []string{"PRC", "People's Republic of China"}) {
		t.Errorf("China = %+v, want count 2, aliases unioned and sorted", got)
	}
	if got := byID[lloyd.ID]; got.Count != 2 {
		t.Errorf("Lloyd Austin count = %d, want 2", got.Count)
	}
	for _, a := range g.Articles {
		if a.Text != "" {
			t.Errorf("article %s keeps its text", a.ID)
		}
	}
	if len(g.Mentions) != 5 {
		t.Errorf("mentions = %v, want 5", g.Mentions)
	}
	for i := 1; i < len(g.Relations); i++ {
		if g.Relations[i-1].Key >= g.Relations[i].Key {
			t.Errorf("relations not sorted by key")
		}
	}
}

func TestStoreIdempotent(t *testing.T) {
	dir := t.TempDir()
	once := writeStore(t, filepath.Join(dir, "once.json"), corpus())
	twice := writeStore(t, filepath.Join(dir, "twice.json"), corpus(), corpus())
	if !bytes.Equal(once, twice) {
		t.Errorf("loading twice in one run changed the file:\n%s\nvs\n%s", once, twice)
	}
	// Across runs: reopen and load again.
	again := writeStore(t, filepath.Join(dir, "once.json"), corpus())
	if !bytes.Equal(once, again) {
		t.Errorf("loading again into the existing file changed it:\n%s\nvs\n%s", once, again)
	}
	// Order of loading does not matter for counts.
	xs := corpus()
	rev := writeStore(t, filepath.Join(dir, "rev.json"), []schema.Extraction{xs[1]}, []schema.Extraction{xs[0]})
	if !bytes.Equal(once, rev) {
		t.Errorf("loading in another order changed the file:\n%s\nvs\n%s", once, rev)
	}
}

func TestStoreAccumulatesAndReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "graph.json")
	xs := corpus()
	writeStore(t, path, xs[:1])
	writeStore(t, path, xs[1:])
	g, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Summary(); got.Articles != 2 || got.Relations != 3 {
		t.Errorf("after two runs: %+v, want 2 articles, 3 relations", got)
	}

	// Re-extracting a1 with fewer relations and mentions replaces them.
	a1 := doc("a1", []schema.Entity{lloyd, china}, rel("a1", 0, lloyd, schema.Meets, china))
	writeStore(t, path, []schema.Extraction{a1})
	g, err = Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Summary(); got.Articles != 2 || got.Entities != 4 || got.Relations != 2 {
		t.Errorf("after re-extraction: %+v, want 2 articles, 4 entities, 2 relations", got)
	}
	for _, e := range g.Entities {
		want := map[string]int{lloyd.ID: 1, china.ID: 2, nato.ID: 0, putin.ID: 1}[e.ID]
		if e.Count != want {
			t.Errorf("%s count = %d, want %d", e.Name, e.Count, want)
		}
	}
}

func TestStoreRejectsInvalid(t *testing.T) {
	path := filepath.Join(t.TempDir(), "graph.json")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := corpus()
	bad[1].Relations[0].Object = "nobody"
	if err := s.Load(context.Background(), bad); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Load(dangling relation) = %v, want graph.ErrInvalid", err)
	}
	if got, _ := s.Stats(context.Background()); got.Articles != 0 {
		t.Errorf("Stats() after a refused batch = %+v, want empty", got)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Load(context.Background(), corpus()); err == nil {
		t.Errorf("Load after Close = nil, want error")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	g, err := Read(path)
	if err != nil {
		t.Fatalf("Read(empty store) = %v", err)
	}
	if g.Articles == nil || g.Entities == nil || g.Relations == nil {
		t.Errorf("empty graph has null lists: %+v", g)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(bad); err == nil {
		t.Errorf("Open(bad json) = nil error")
	}
	if _, err := Open(filepath.Join(bad, "graph.json")); err == nil {
		t.Errorf("Open(under a file) = nil error")
	}
	// A missing directory is created, and the file written at Close.
	path := filepath.Join(dir, "missing", "graph.json")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(missing dir) = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close = %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("Close did not write %s: %v", path, err)
	}
}

// TestEncodeAsEncodingJSON: the graph file, written element by element,
// is byte for byte what encoding/json writes for the whole Graph, for
// empty, nil and populated sections, hostile strings included.
func TestEncodeAsEncodingJSON(t *testing.T) {
	whole := func(g *graph.Graph) []byte {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(g); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	full := &graph.Graph{
		Articles: []schema.Article{{ID: "a1", Title: "<b>\"Q\" & A</b>\u2028", Published: "2024-01-02"}, {ID: "a2"}},
		Entities: []schema.Entity{{ID: "e1", Name: "Ünïcode\nname", Type: schema.Person, Aliases: []string{"x", "y"}, Count: 3}},
		Relations: []schema.Relation{{Key: "k", Type: schema.Meets, Subject: "e1", Object: "e1", Article: "a1",
			Evidence: "He said: \"<no>\"\t", Confidence: 0.5, Start: 1, End: 9}},
		Mentions: []graph.Mention{{Article: "a1", Entity: "e1", Count: 2}, {Article: "a2", Entity: "e1", Count: 1}},
	}
	for name, g := range map[string]*graph.Graph{
		"zero":        {},
		"empty":       {Articles: []schema.Article{}, Entities: []schema.Entity{}, Relations: []schema.Relation{}, Mentions: []graph.Mention{}},
		"full":        full,
		"no mentions": {Articles: full.Articles, Entities: full.Entities, Relations: []schema.Relation{}},
	} {
		got, err := Encode(g)
		if err != nil {
			t.Fatal(err)
		}
		if want := whole(g); !bytes.Equal(got, want) {
			t.Errorf("%s: Encode =\n%s\nencoding/json =\n%s", name, got, want)
		}
	}
}

// TestStoreStats: Stats counts from the store's maps what the graph
// it writes holds, after an article was replaced too.
func TestStoreStats(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "graph.json"))
	if err != nil {
		t.Fatal(err)
	}
	a1 := doc("a1", []schema.Entity{lloyd, china}, rel("a1", 0, lloyd, schema.Meets, china))
	for _, batch := range [][]schema.Extraction{corpus(), {a1}} {
		if err := s.Load(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Stats(context.Background()); !reflect.DeepEqual(got, s.Graph().Summary()) || got.Relations == 0 {
			want := s.Graph().Summary()
			t.Errorf("Stats() = %+v, want %+v", got, want)
		}
	}
}

// TestStoreHoldsTheLock: a Store holds the writer's lock from Open to
// Close or Abort: a second Open of the file, or of a symbolic link to it,
// fails at once naming the file, and succeeds once the first is closed.
func TestStoreHoldsTheLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.json")
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("graph.json", link); err != nil {
		t.Fatal(err)
	}
	for _, end := range []string{"close", "abort"} {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{path, link} {
			if _, err := Open(p); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), p) {
				t.Errorf("second Open(%s) = %v, want ErrLocked naming it", p, err)
			}
		}
		if end == "close" {
			err = s.Close()
		} else {
			err = s.Abort(errors.New("failed"))
		}
		if err != nil {
			t.Fatal(err)
		}
		again, err := Open(link)
		if err != nil {
			t.Fatalf("Open after %s = %v", end, err)
		}
		again.Close()
	}
}

// TestStoreKeepsModeAndLink: Close replaces the graph file with its mode
// kept, through a symbolic link that stays one, and leaves no temporary
// file.
func TestStoreKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "data", "graph.json")
	writeStore(t, real, corpus()[:1])
	if err := os.Chmod(real, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "graph.json")
	if err := os.Symlink(filepath.Join("data", "graph.json"), link); err != nil {
		t.Fatal(err)
	}
	writeStore(t, link, corpus()[1:])
	st, err := os.Lstat(link)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is no longer a symbolic link: %v %v", link, st.Mode(), err)
	}
	st, err = os.Stat(real)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("graph file mode = %v (%v), want 0600 kept", st.Mode().Perm(), err)
	}
	g, err := Read(real)
	if err != nil || len(g.Articles) != 2 {
		t.Fatalf("Read(%s) = %v articles, %v; want both loads", real, len(g.Articles), err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "data", ".graph.json.tmp*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestStoreRefusesWhatReadRefuses: an extraction whose entity the graph
// holds with another type is refused (its relations would join types
// their relation type does not allow), so that what Close writes is
// always a file Read accepts; a damaged file is refused by Open, naming
// it and its first problem.
func TestStoreRefusesWhatReadRefuses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "graph.json")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Load(context.Background(), corpus()); err != nil {
		t.Fatal(err)
	}
	other := china
	other.Type = schema.Location // same ID, another type
	bad := doc("a3", []schema.Entity{other})
	if err := s.Load(context.Background(), []schema.Extraction{bad}); !errors.Is(err, graph.ErrInvalid) || !strings.Contains(err.Error(), china.ID) {
		t.Errorf("Load(entity retyped) = %v, want ErrInvalid naming %s", err, china.ID)
	}
	twice := doc("a4", []schema.Entity{putin})
	twice2 := doc("a5", []schema.Entity{{ID: putin.ID, Name: putin.Name, Type: schema.Group}})
	if err := s.Load(context.Background(), []schema.Extraction{twice, twice2}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Load(entity retyped within a batch) = %v, want ErrInvalid", err)
	}
	if st, _ := s.Stats(context.Background()); st.Articles != 2 {
		t.Errorf("refused batches loaded: %+v", st)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path); err != nil {
		t.Fatalf("Read(the store's file) = %v", err)
	}

	data, _ := os.ReadFile(path)
	damaged := bytes.Replace(data, []byte(`"confidence": 0.8`), []byte(`"confidence": -5`), 1)
	if err := os.WriteFile(path, damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func() error{
		"Open":     func() error { _, err := Open(path); return err },
		"ReadFile": func() error { _, err := ReadFile(path); return err },
	} {
		err := open()
		if !errors.Is(err, graph.ErrInconsistent) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "confidence -5") {
			t.Errorf("%s(damaged) = %v, want ErrInconsistent naming the file and the confidence", name, err)
		}
	}
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused Open left the lock file: %v", err)
	}
}
