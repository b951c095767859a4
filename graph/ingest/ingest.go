// Package ingest reads news articles from the inputs a user names: files,
// directories (recursive), glob patterns and "-" for standard input, in plain
// text (.txt), JSON Lines (.jsonl, .ndjson) or JSON (.json: an array of
// articles, or objects one after another), each optionally gzip-compressed
// (.gz). It also reads the extraction JSON Lines that `kg extract` writes.
//
// Bad input never stops a read: each bad file, line or array element is
// reported as a Reject (invalid UTF-8, binary content, empty text, an
// oversized article, malformed JSON, a missing text field) and reading goes
// on. Only a missing path is an error, and Check finds it before any work.
package ingest

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultMaxSize is the default limit on the size of one article's text.
const DefaultMaxSize = 5 << 20

// Fields names the JSON fields an article object is read from. Empty names
// take the default, which is the field's own name in lower case ("id",
// "title", "text", "published", "source", "url").
type Fields struct {
	ID        string
	Title     string
	Text      string
	Published string
	Source    string
	URL       string
}

func (f Fields) withDefaults() Fields {
	def := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	return Fields{
		ID:        def(f.ID, "id"),
		Title:     def(f.Title, "title"),
		Text:      def(f.Text, "text"),
		Published: def(f.Published, "published"),
		Source:    def(f.Source, "source"),
		URL:       def(f.URL, "url"),
	}
}

// ParseFields parses a field mapping such as "text=body,id=uuid" into Fields.
// Keys are id, title, text, published, source and url.
func ParseFields(s string) (Fields, error) {
	var f Fields
	if strings.TrimSpace(s) == "" {
		return f, nil
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || v == "" {
			return Fields{}, fmt.Errorf("field mapping %q: want key=name", kv)
		}
		switch strings.ToLower(k) {
		case "id":
			f.ID = v
		case "title":
			f.Title = v
		case "text":
			f.Text = v
		case "published":
			f.Published = v
		case "source":
			f.Source = v
		case "url":
			f.URL = v
		default:
			return Fields{}, fmt.Errorf("field mapping %q: unknown key %q (want id, title, text, published, source or url)", kv, k)
		}
	}
	return f, nil
}

// Options configure a Reader. The zero value reads the default fields with
// the default size limit from os.Stdin for "-".
type Options struct {
	// Fields names the JSON fields of an article object.
	Fields Fields
	// MaxSize is the largest article text accepted, in bytes; 0 means
	// DefaultMaxSize.
	MaxSize int
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// OnReject is called, in input order, for every rejected input; nil
	// ignores rejects (they are still counted).
	OnReject func(Reject)
	// Skip names files never to read, even when an input names them or a
	// directory holds them: the caller's own outputs (a rejects file, a
	// graph file) that may lie among its inputs.
	Skip []string
}

// Reject is an input that could not be read as an article: a file, a line of
// a JSON Lines file or an element of a JSON array, with the reason.
type Reject struct {
	// Source is the file name, or "-" for standard input.
	Source string `json:"source"`
	// Line is the 1-based line where the rejected item starts, when the
	// input has lines that matter (JSON Lines, JSON).
	Line int `json:"line,omitempty"`
	// ID is the article's id field, when it could be read.
	ID     string `json:"id,omitempty"`
	Reason string `json:"reason"`
}

// String formats r as "SOURCE[:LINE] [ID]: REASON". Characters that are
// not printable (a terminal escape or a line break in an id or a file
// name) are written as Go escapes, so that a reject is one inert line.
func (r Reject) String() string {
	var b strings.Builder
	b.WriteString(printable(r.Source))
	if r.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(r.Line))
	}
	if r.ID != "" {
		b.WriteString(" [")
		b.WriteString(printable(r.ID))
		b.WriteByte(']')
	}
	b.WriteString(": ")
	b.WriteString(printable(r.Reason))
	return b.String()
}

// printable returns s, or s with its unprintable characters and invalid
// UTF-8 escaped as in a Go string literal (without the quotes) when it has
// any.
func printable(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, func(c rune) bool { return !strconv.IsPrint(c) }) < 0 {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// ErrNotFound is wrapped by Check's error when a named input does not exist
// or a pattern matches nothing.
var ErrNotFound = errors.New("no such file or directory")

// The reasons of rejects, for callers and tests that branch on them. Reject
// reasons start with one of these and may add detail after a colon.
const (
	ReasonInvalidUTF8 = "invalid UTF-8"
	ReasonBinary      = "binary content (NUL byte)"
	ReasonEmpty       = "empty text"
	ReasonOversized   = "oversized article"
	ReasonMalformed   = "malformed JSON"
	ReasonMissingText = "missing text field"
	ReasonRead        = "read error"
)
