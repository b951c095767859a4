package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// write creates the files (name -> content) under a temp dir and returns
// the dir. Names ending in .gz are gzip-compressed.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		b := []byte(content)
		if strings.HasSuffix(name, ".gz") {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(b)
			zw.Close()
			b = buf.Bytes()
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// read reads inputs with opts and returns the articles and rejects, with
// sources made relative to dir.
func read(t *testing.T, dir string, inputs []string, opts Options) ([]schema.Article, []Reject) {
	t.Helper()
	var rejects []Reject
	opts.OnReject = func(r Reject) {
		if rel, err := filepath.Rel(dir, r.Source); err == nil && r.Source != Stdin {
			r.Source = filepath.ToSlash(rel)
		}
		rejects = append(rejects, r)
	}
	rd := NewReader(inputs, opts)
	var got []schema.Article
	err := rd.Read(context.Background(), func(a schema.Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if rd.Rejected() != len(rejects) {
		t.Errorf("Rejected() = %d, want %d", rd.Rejected(), len(rejects))
	}
	return got, rejects
}

func refs(as []schema.Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Ref)
	}
	return out
}

func TestRead(t *testing.T) {
	long := strings.Repeat("x", 100)
	tests := []struct {
		name    string
		files   map[string]string
		inputs  []string // relative to the dir; "" means the dir itself
		opts    Options
		stdin   string
		want    []string // article refs, in order
		texts   []string // article texts, when checked
		rejects []string // Reject.String(), in order
	}{
		{
			name:   "text file",
			files:  map[string]string{"a.txt": "MOSCOW, May 1. /TASS/. Text."},
			inputs: []string{"a.txt"},
			want:   []string{"a"},
			texts:  []string{"MOSCOW, May 1. /TASS/. Text."},
		},
		{
			name:   "text file with byte order mark",
			files:  map[string]string{"a.txt": "\ufeffHello."},
			inputs: []string{"a.txt"},
			want:   []string{"a"},
			texts:  []string{"Hello."},
		},
		{
			name:   "gzip text",
			files:  map[string]string{"b.txt.gz": "Compressed text."},
			inputs: []string{"b.txt.gz"},
			want:   []string{"b"},
			texts:  []string{"Compressed text."},
		},
		{
			name: "json lines",
			files: map[string]string{"c.jsonl": `{"id":"one","title":"T","text":"First.","published":"2022-02-02T10:00:00Z","source":"TASS","url":"http://x"}` + "\n\n" +
				`{"id":2,"text":"Second."}` + "\r\n"},
			inputs: []string{"c.jsonl"},
			want:   []string{"one", "2"},
			texts:  []string{"First.", "Second."},
		},
		{
			name:   "ndjson gz",
			files:  map[string]string{"d.ndjson.gz": `{"id":"x","text":"Text."}` + "\n"},
			inputs: []string{"d.ndjson.gz"},
			want:   []string{"x"},
		},
		{
			name:   "json array",
			files:  map[string]string{"e.json": "[\n  {\"id\": \"a1\", \"text\": \"One.\"},\n  {\"id\": \"a2\",\n   \"text\": \"Two.\"}\n]\n"},
			inputs: []string{"e.json"},
			want:   []string{"a1", "a2"},
		},
		{
			name:   "json single pretty object",
			files:  map[string]string{"f.json": "{\n  \"id\": \"solo\",\n  \"text\": \"Alone.\"\n}\n"},
			inputs: []string{"f.json"},
			want:   []string{"solo"},
		},
		{
			name:   "configured fields",
			files:  map[string]string{"g.jsonl": `{"uuid":"u1","body":"Body text.","headline":"H"}` + "\n"},
			inputs: []string{"g.jsonl"},
			opts:   Options{Fields: Fields{ID: "uuid", Text: "body", Title: "headline"}},
			want:   []string{"u1"},
			texts:  []string{"Body text."},
		},
		{
			name: "directory recursive sorted by extension",
			files: map[string]string{
				"dir/b.txt":       "B.",
				"dir/a.txt":       "A.",
				"dir/sub/c.jsonl": `{"id":"c","text":"C."}`,
				"dir/skip.md":     "not an article",
				"dir/.hidden.txt": "hidden",
			},
			inputs: []string{"dir"},
			want:   []string{"a", "b", "c"},
		},
		{
			name:   "glob",
			files:  map[string]string{"g/x1.txt": "1.", "g/x2.txt": "2.", "g/y.txt": "y."},
			inputs: []string{"g/x*.txt"},
			want:   []string{"x1", "x2"},
		},
		{
			name:   "same file twice read once",
			files:  map[string]string{"a.txt": "A."},
			inputs: []string{"a.txt", "./a.txt"},
			want:   []string{"a"},
		},
		{
			name:   "stdin json lines",
			inputs: []string{"-"},
			stdin:  `{"id":"s1","text":"From stdin."}` + "\n" + `{"id":"s2","text":"Again."}`,
			want:   []string{"s1", "s2"},
		},
		{
			name:   "stdin json array",
			inputs: []string{"-"},
			stdin:  ` [{"id":"s1","text":"From stdin."}]`,
			want:   []string{"s1"},
		},
		{
			name:   "stdin text",
			inputs: []string{"-"},
			stdin:  "Plain text on stdin.",
			want:   []string{""},
			texts:  []string{"Plain text on stdin."},
		},

		// Rejects: each reason, and the good input around it still read.
		{
			name: "mixed json lines",
			files: map[string]string{"m.jsonl": strings.Join([]string{
				`{"id":"good1","text":"Good."}`,
				`{"id":"trunc","text":"Trunc`,
				"{\"id\":\"utf\",\"text\":\"bad \xff byte\"}",
				`{"id":"empty","text":"  "}`,
				`{"id":"notext","title":"no text"}`,
				`{"id":"nul","text":"a\u0000b"}`,
				`{"id":"num","text":42}`,
				`{"id":"big","text":"` + long + `"}`,
				`{"id":"good2","text":"Good too."}`,
			}, "\n")},
			inputs: []string{"m.jsonl"},
			opts:   Options{MaxSize: 50},
			want:   []string{"good1", "good2"},
			rejects: []string{
				"m.jsonl:2: malformed JSON: unexpected end of JSON input",
				"m.jsonl:3: invalid UTF-8",
				"m.jsonl:4 [empty]: empty text",
				`m.jsonl:5 [notext]: missing text field "text"`,
				"m.jsonl:6 [nul]: binary content (NUL byte)",
				`m.jsonl:7 [num]: malformed JSON: field "text" is not a string`,
				"m.jsonl:8 [big]: oversized article: 100 bytes > 50",
			},
		},
		{
			name:    "binary text file",
			files:   map[string]string{"bin.txt": "GIF89a\x00\x01\x02", "ok.txt": "OK."},
			inputs:  []string{"bin.txt", "ok.txt"},
			want:    []string{"ok"},
			rejects: []string{"bin.txt: binary content (NUL byte)"},
		},
		{
			name:    "invalid utf-8 text file",
			files:   map[string]string{"l1.txt": "caf\xe9"},
			inputs:  []string{"l1.txt"},
			rejects: []string{"l1.txt: invalid UTF-8"},
		},
		{
			name:    "empty text file",
			files:   map[string]string{"e.txt": " \n\t\n"},
			inputs:  []string{"e.txt"},
			rejects: []string{"e.txt: empty text"},
		},
		{
			name:    "oversized text file",
			files:   map[string]string{"big.txt": long},
			inputs:  []string{"big.txt"},
			opts:    Options{MaxSize: 10},
			rejects: []string{"big.txt: oversized article: more than 10 bytes"},
		},
		{
			name:    "oversized json line",
			files:   map[string]string{"big.jsonl": `{"id":"x","text":"` + strings.Repeat("y", 300) + `"}` + "\n" + `{"id":"ok","text":"fine"}`},
			inputs:  []string{"big.jsonl"},
			opts:    Options{MaxSize: 10},
			want:    []string{"ok"},
			rejects: []string{"big.jsonl:1 [x]: oversized article: 300 bytes > 10"},
		},
		{
			name:    "truncated json array",
			files:   map[string]string{"t.json": "[\n{\"id\":\"a\",\"text\":\"A.\"},\n{\"id\":\"b\",\"te"},
			inputs:  []string{"t.json"},
			want:    []string{"a"},
			rejects: []string{"t.json:3: malformed JSON: unexpected EOF"},
		},
		{
			name:    "json array element not an object",
			files:   map[string]string{"n.json": `[{"id":"a","text":"A."}, 7, {"id":"b","text":"B."}]`},
			inputs:  []string{"n.json"},
			want:    []string{"a", "b"},
			rejects: []string{"n.json:1: malformed JSON: not an object"},
		},
		{
			name:    "empty gzip",
			files:   map[string]string{"z.txt.gz": ""},
			inputs:  []string{"z.txt.gz"},
			rejects: []string{"z.txt.gz: empty text"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := write(t, tt.files)
			var inputs []string
			for _, in := range tt.inputs {
				if in == Stdin {
					inputs = append(inputs, in)
					continue
				}
				inputs = append(inputs, filepath.Join(dir, in))
			}
			opts := tt.opts
			if tt.stdin != "" {
				opts.Stdin = strings.NewReader(tt.stdin)
			}
			got, rejects := read(t, dir, inputs, opts)
			if g, w := strings.Join(refs(got), ","), strings.Join(tt.want, ","); g != w || len(got) != len(tt.want) {
				t.Errorf("refs = %q, want %q", refs(got), tt.want)
			}
			for i, w := range tt.texts {
				if i < len(got) && got[i].Text != w {
					t.Errorf("article %d text = %q, want %q", i, got[i].Text, w)
				}
			}
			var rs []string
			for _, r := range rejects {
				rs = append(rs, r.String())
			}
			if strings.Join(rs, "\n") != strings.Join(tt.rejects, "\n") {
				t.Errorf("rejects =\n%s\nwant\n%s", strings.Join(rs, "\n"), strings.Join(tt.rejects, "\n"))
			}
		})
	}
}

func TestReadFields(t *testing.T) {
	dir := write(t, map[string]string{"a.jsonl": `{"id":"one","title":" T ","text":"First.","published":"2022-02-02T10:00:00+03:00","source":"TASS","url":"http://x"}`})
	got, _ := read(t, dir, []string{filepath.Join(dir, "a.jsonl")}, Options{})
	want := schema.Article{Ref: "one", Title: "T", Text: "First.", Published: "2022-02-02", Source: "TASS", URL: "http://x"}
	if len(got) != 1 || got[0] != want {
		t.Errorf("Read = %+v, want %+v", got, want)
	}
}

func TestCheck(t *testing.T) {
	dir := write(t, map[string]string{"a.txt": "A.", "d/b.txt": "B."})
	tests := []struct {
		name     string
		inputs   []string
		notFound bool
		ok       bool
	}{
		{name: "file", inputs: []string{"a.txt"}, ok: true},
		{name: "dir", inputs: []string{"d"}, ok: true},
		{name: "glob", inputs: []string{"*.txt"}, ok: true},
		{name: "stdin", inputs: []string{"-"}, ok: true},
		{name: "no inputs", inputs: nil},
		{name: "stdin twice", inputs: []string{"-", "-"}},
		{name: "missing file", inputs: []string{"a.txt", "nope.txt"}, notFound: true},
		{name: "glob matches nothing", inputs: []string{"*.jsonl"}, notFound: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inputs []string
			for _, in := range tt.inputs {
				if in != Stdin {
					in = filepath.Join(dir, in)
				}
				inputs = append(inputs, in)
			}
			err := Check(inputs)
			if (err == nil) != tt.ok {
				t.Fatalf("Check(%q) = %v, want ok=%v", tt.inputs, err, tt.ok)
			}
			if got := errors.Is(err, ErrNotFound); got != tt.notFound {
				t.Errorf("Check(%q) = %v, errors.Is(ErrNotFound) = %v, want %v", tt.inputs, err, got, tt.notFound)
			}
		})
	}
}

func TestReadSkip(t *testing.T) {
	dir := write(t, map[string]string{"a.txt": "A.", "out/rejects.jsonl": `{"source":"x","reason":"y"}`, "out/graph.json": "{}"})
	got, rejects := read(t, dir, []string{dir, filepath.Join(dir, "out", "graph.json")}, Options{
		Skip: []string{filepath.Join(dir, "out", "rejects.jsonl"), filepath.Join(dir, "out", "graph.json"), filepath.Join(dir, "not-yet.json")},
	})
	if len(got) != 1 || len(rejects) != 0 {
		t.Errorf("Read with Skip = %v, rejects %v; want only a.txt", refs(got), rejects)
	}
}

func TestReadStopsOnYieldError(t *testing.T) {
	dir := write(t, map[string]string{"a.txt": "A.", "b.txt": "B."})
	stop := errors.New("stop")
	n := 0
	err := NewReader([]string{dir}, Options{}).Read(context.Background(), func(schema.Article) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Read = %v after %d articles, want %v after 1", err, n, stop)
	}
}

func TestReadCancelled(t *testing.T) {
	dir := write(t, map[string]string{"a.txt": "A."})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := NewReader([]string{dir}, Options{}).Read(ctx, func(schema.Article) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read = %v, want %v", err, context.Canceled)
	}
}

func TestParseFields(t *testing.T) {
	tests := []struct {
		in      string
		want    Fields
		wantErr bool
	}{
		{in: "", want: Fields{}},
		{in: "text=body, id=uuid", want: Fields{Text: "body", ID: "uuid"}},
		{in: "published=date,source=outlet,url=link,title=headline", want: Fields{Published: "date", Source: "outlet", URL: "link", Title: "headline"}},
		{in: "body", wantErr: true},
		{in: "colour=red", wantErr: true},
	}
	for _, tt := range tests {
		got, err := ParseFields(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseFields(%q) = %+v, %v, want %+v, err=%v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestReadExtractions(t *testing.T) {
	good := `{"article":{"id":"a1","text":"T."},"entities":[],"relations":[]}`
	dir := write(t, map[string]string{
		"x/1.jsonl":    good + "\n" + `{"article":{"id":"a2"` + "\n" + `{"entities":[]}` + "\n",
		"x/2.jsonl.gz": `{"article":{"id":"a3","text":"U."}}`,
		"x/notes.txt":  "ignored in directories",
	})
	var rejects []string
	r := NewExtractionReader([]string{filepath.Join(dir, "x")}, Options{OnReject: func(rj Reject) {
		rj.Source = filepath.Base(rj.Source)
		rejects = append(rejects, rj.String())
	}})
	var ids []string
	err := r.Read(context.Background(), func(x schema.Extraction) error {
		ids = append(ids, x.Article.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids, ","); got != "a1,a3" {
		t.Errorf("ids = %s, want a1,a3", got)
	}
	want := "1.jsonl:2: malformed JSON: unexpected end of JSON input\n1.jsonl:3: missing article id"
	if got := strings.Join(rejects, "\n"); got != want {
		t.Errorf("rejects =\n%s\nwant\n%s", got, want)
	}
}
