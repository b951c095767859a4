package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
)

// Fuzz targets for every input parser: plain text (one article a file),
// JSON Lines, JSON (an array, or objects one after another) and the
// extraction JSON Lines of kg load. Each checks, for any bytes:
//
//   - no panic, and Read returns no error (bad content is a reject);
//   - every article is accepted text: valid UTF-8, no NUL, not blank, no
//     larger than MaxSize; every string field valid UTF-8;
//   - every reject names the file, gives a known reason and a line within
//     the input, and prints as one line of printable characters;
//   - nothing is lost: each non-blank line (JSON Lines) or array element
//     (JSON) gives exactly one article or one reject;
//   - the same bytes give the same articles and rejects.
//
// testdata/run-tests runs each for a bounded time; the f.Add seeds (and
// the small files of testdata/bad) are their corpus.

// reasons are the known reject reasons; a reason starts with one.
var reasons = []string{ReasonInvalidUTF8, ReasonBinary, ReasonEmpty, ReasonOversized, ReasonMalformed, ReasonMissingText, ReasonRead, "missing article id"}

// outcome is what a read gave.
type outcome struct {
	Articles    []schema.Article
	Extractions []schema.Extraction
	Rejects     []Reject
}

func (o outcome) items() int { return len(o.Articles) + len(o.Extractions) + len(o.Rejects) }

// readBytes writes data to the file name in dir and reads it with a Reader
// (or an ExtractionReader when extractions is set); name "-" reads data as
// standard input.
func readBytes(t *testing.T, dir, name string, data []byte, opts Options, extractions bool) (outcome, string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if name == Stdin {
		path = Stdin
		opts.Stdin = bytes.NewReader(data)
	} else if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var o outcome
	opts.OnReject = func(r Reject) { o.Rejects = append(o.Rejects, r) }
	var err error
	if extractions {
		err = NewExtractionReader([]string{path}, opts).Read(context.Background(), func(x schema.Extraction) error {
			o.Extractions = append(o.Extractions, x)
			return nil
		})
	} else {
		err = NewReader([]string{path}, opts).Read(context.Background(), func(a schema.Article) error {
			o.Articles = append(o.Articles, a)
			return nil
		})
	}
	if err != nil {
		t.Fatalf("Read(%q) = %v; bad content must be a reject, not an error", data, err)
	}
	return o, path
}

// checkOutcome checks the invariants every read satisfies.
func checkOutcome(t *testing.T, data []byte, path string, maxSize int, o outcome) {
	t.Helper()
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	for i, a := range o.Articles {
		switch {
		case !utf8.ValidString(a.Text):
			t.Errorf("article %d: text is not valid UTF-8: %q", i, a.Text)
		case strings.IndexByte(a.Text, 0) >= 0:
			t.Errorf("article %d: text holds a NUL byte", i)
		case strings.TrimSpace(a.Text) == "":
			t.Errorf("article %d: blank text accepted", i)
		case len(a.Text) > maxSize:
			t.Errorf("article %d: %d bytes accepted, limit %d", i, len(a.Text), maxSize)
		}
		for _, s := range []string{a.Ref, a.Title, a.Source, a.URL, a.Published} {
			if !utf8.ValidString(s) {
				t.Errorf("article %d: field %q is not valid UTF-8", i, s)
			}
		}
	}
	for i, x := range o.Extractions {
		if x.Article.ID == "" {
			t.Errorf("extraction %d: no article id", i)
		}
	}
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, r := range o.Rejects {
		known := false
		for _, p := range reasons {
			known = known || strings.HasPrefix(r.Reason, p)
		}
		if !known {
			t.Errorf("reject %v: unknown reason", r)
		}
		if r.Source != path {
			t.Errorf("reject %v: source is not %s", r, path)
		}
		if r.Line < 0 || (!gzipped(data) && r.Line > lines) {
			t.Errorf("reject %v: line outside the %d lines of the input", r, lines)
		}
		if s := r.String(); !utf8.ValidString(s) || strings.IndexFunc(s, func(c rune) bool { return !strconv.IsPrint(c) }) >= 0 {
			t.Errorf("reject %q is not one printable line", s)
		}
	}
}

func gzipped(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

// nonBlankLines counts the lines of data that a JSON Lines reader must
// account for: without line endings (and a leading byte order mark),
// not blank.
func nonBlankLines(data []byte) int {
	n := 0
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if i == 0 {
			line = bytes.TrimPrefix(line, bom)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			n++
		}
	}
	return n
}

// fuzzRead runs one read target: the invariants, and the same outcome on
// a second read. The file is written in dir, which a fuzz target makes
// once (f.TempDir) and reuses: calls in one process are sequential.
func fuzzRead(t *testing.T, dir, name string, data []byte, maxSize int, extractions bool) outcome {
	opts := Options{MaxSize: maxSize}
	o, path := readBytes(t, dir, name, data, opts, extractions)
	checkOutcome(t, data, path, maxSize, o)
	again, _ := readBytes(t, dir, name, data, opts, extractions)
	if !reflect.DeepEqual(o, again) {
		t.Fatalf("reading %q twice gave different results:\n%+v\n%+v", data, o, again)
	}
	return o
}

// addSeeds adds every seed with a few size limits.
func addSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		for _, max := range []uint16{0, 16, 300} {
			f.Add([]byte(s), max)
		}
	}
	// The small files of the bad-input corpus.
	files, _ := filepath.Glob("../../testdata/bad/*")
	for _, name := range files {
		if fi, err := os.Stat(name); err == nil && fi.Mode().IsRegular() && fi.Size() <= 4<<10 {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b, uint16(0))
			}
		}
	}
}

var articleSeeds = []string{
	"",
	"WASHINGTON, February 2. /TASS/. Lloyd Austin met NATO allies.",
	"\xef\xbb\xbfMOSCOW, March 9 (Reuters) - Dmitry Peskov spoke.\r\n",
	"bad \xff utf-8",
	"nul \x00 byte",
	"   \n\t ",
	`{"id":"a","text":"Lloyd Austin met NATO allies.","published":"2024-03-01T10:00:00Z"}` + "\n" + `{"id":"b","text":"x"}`,
	`{"id":"t","text":"Cut sho` + "\n" + `{"text":null}` + "\n" + `{"text":42}` + "\n" + `{"id":{"x":1},"text":"ok","title":["t"]}`,
	"{\"id\":\"u\",\"text\":\"bad \xff\"}\n\n\r\n{\"text\":\"nul \\u0000\"}\n{\"text\":\"\\ud800 lone surrogate\"}",
	`[{"id":"a","text":"One."},{"id":"b","text":"Two."}]`,
	`[{"id":"a","text":"One."}, 42, "x", null, [], {"title":"no text"}]`,
	`{"id":"a","text":"One."} {"id":"b","text":"Two."}`,
	`[{"id":"a","text":"One."}][{"id":"b","text":"Two."}]`,
	`[{"id":"a","text":"One."},`,
	`[[[[[[[[[[[[[[[[[[[[`,
	strings.Repeat("[", 600) + strings.Repeat("]", 600),
	`{"article":{"id":"a1","text":"T."},"entities":[],"relations":[]}` + "\n" + `{"article":{"id":"a2"` + "\n" + `{"entities":[]}`,
	`{"article":{"id":"x'})-[:R]->() DETACH DELETE n //"},"entities":[{"id":"e","name":"a` + "`" + `b","type":"Person"}]}`,
	"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, articleSeeds...)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		o := fuzzRead(t, dir, "article.txt", data, int(max), false)
		if o.items() != 1 {
			t.Fatalf("a text file gave %d articles and %d rejects, want exactly one of them", len(o.Articles), len(o.Rejects))
		}
		if len(o.Articles) == 1 && !gzipped(data) {
			if want := string(bytes.TrimPrefix(data, bom)); o.Articles[0].Text != want {
				t.Errorf("article text %q, want the file's %q", o.Articles[0].Text, want)
			}
			if o.Articles[0].Ref != "article" {
				t.Errorf("article ref %q, want the file name", o.Articles[0].Ref)
			}
		}
		// Standard input is sniffed: whatever the format, the invariants hold.
		fuzzRead(t, dir, Stdin, data, int(max), false)
	})
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, articleSeeds...)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		o := fuzzRead(t, dir, "articles.jsonl", data, int(max), false)
		if !gzipped(data) {
			if want := nonBlankLines(data); o.items() != want {
				t.Fatalf("%d non-blank lines gave %d articles and %d rejects, want one of them a line", want, len(o.Articles), len(o.Rejects))
			}
		}
	})
}

// jsonValues decodes data as a sequence of JSON values, as encoding/json
// reads it, or returns false.
func jsonValues(data []byte) ([]json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var vals []json.RawMessage
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			return vals, true
		}
		if err != nil {
			return nil, false
		}
		vals = append(vals, v)
	}
}

func FuzzReadJSON(f *testing.F) {
	addSeeds(f, articleSeeds...)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		o := fuzzRead(t, dir, "articles.json", data, int(max), false)
		vals, ok := jsonValues(data)
		if !ok || len(vals) == 0 || gzipped(data) {
			return
		}
		// Well-formed JSON: every element of a top-level array, or every
		// value of a sequence, is one article or one reject; anything
		// after an array is reported.
		want := len(vals)
		if vals[0][0] == '[' {
			var elems []json.RawMessage
			if err := json.Unmarshal(vals[0], &elems); err != nil {
				t.Fatalf("re-decoding the array: %v", err)
			}
			want = len(elems)
			if len(vals) > 1 {
				if o.items() <= want {
					t.Fatalf("JSON array followed by %d more values: %d articles and %d rejects, want the %d elements and a reject for the rest", len(vals)-1, len(o.Articles), len(o.Rejects), want)
				}
				return
			}
		}
		if o.items() != want {
			t.Fatalf("%d JSON values gave %d articles and %d rejects, want one of them a value", want, len(o.Articles), len(o.Rejects))
		}
	})
}

func FuzzReadExtractions(f *testing.F) {
	addSeeds(f, articleSeeds...)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, _ uint16) {
		o := fuzzRead(t, dir, "extractions.jsonl", data, 0, true)
		if !gzipped(data) {
			if want := nonBlankLines(data); o.items() != want {
				t.Fatalf("%d non-blank lines gave %d extractions and %d rejects, want one of them a line", want, len(o.Extractions), len(o.Rejects))
			}
		}
	})
}
