package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
)

// Reader reads articles from a list of inputs. Its Read method has the
// shape of graph.Source. A Reader may be read once at a time; Rejected is
// safe to call concurrently with Read.
type Reader struct {
	inputs   []string
	opts     Options
	fields   Fields
	maxSize  int
	rejected atomic.Int64
}

// NewReader returns a Reader of the inputs (see Check for what they may be).
func NewReader(inputs []string, opts Options) *Reader {
	r := &Reader{inputs: inputs, opts: opts, fields: opts.Fields.withDefaults(), maxSize: opts.MaxSize}
	if r.maxSize <= 0 {
		r.maxSize = DefaultMaxSize
	}
	return r
}

// Rejected returns the number of inputs rejected so far.
func (r *Reader) Rejected() int { return int(r.rejected.Load()) }

// Read calls yield with every article of the inputs, in input order, and
// reports every bad input to Options.OnReject. It returns the first error
// of yield, ctx's error when ctx is done, or an error when an input path
// cannot be expanded (see Check); bad content is never an error.
func (r *Reader) Read(ctx context.Context, yield func(schema.Article) error) error {
	files, err := expand(r.inputs, articleExt, r.opts.Skip)
	if err != nil {
		return err
	}
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readFile(ctx, name, yield); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) reject(rj Reject) {
	r.rejected.Add(1)
	if r.opts.OnReject != nil {
		r.opts.OnReject(rj)
	}
}

// open opens a named input, or standard input for "-", decompressing gzip
// content (recognized by its magic number, whatever the name).
func (r *Reader) open(name string) (*bufio.Reader, func() error, error) {
	var (
		rc    io.Reader
		close = func() error { return nil }
	)
	if name == Stdin {
		rc = r.opts.Stdin
		if rc == nil {
			rc = os.Stdin
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, err
		}
		rc, close = f, f.Close
	}
	br := bufio.NewReaderSize(rc, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			close()
			return nil, nil, fmt.Errorf("gzip: %w", err)
		}
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	return br, close, nil
}

func (r *Reader) readFile(ctx context.Context, name string, yield func(schema.Article) error) error {
	br, closeFn, err := r.open(name)
	if err != nil {
		r.reject(Reject{Source: name, Reason: ReasonRead + ": " + unwrapPath(err)})
		return nil
	}
	defer closeFn()
	switch fileFormat(name, br) {
	case formatText:
		return r.readText(name, br, yield)
	case formatJSONL:
		return r.readJSONL(ctx, name, br, yield)
	default:
		return r.readJSON(ctx, name, br, yield)
	}
}

// fileFormat returns the format of the file name, open in br: by its
// name, else by its first byte that is not white space or a byte order
// mark ('{' JSON Lines, '[' JSON, else text), read without consuming it.
func fileFormat(name string, br *bufio.Reader) format {
	f := formatOf(name)
	if f != formatSniff {
		return f
	}
	switch firstByte(br) {
	case '{':
		return formatJSONL
	case '[':
		return formatJSON
	}
	return formatText
}

// firstByte returns the first byte that is not white space or a UTF-8 byte
// order mark, without consuming anything, or 0.
func firstByte(br *bufio.Reader) byte {
	for n := 64; ; n *= 4 {
		b, err := br.Peek(n)
		t := bytes.TrimLeft(bytes.TrimPrefix(b, bom), " \t\r\n")
		if len(t) > 0 {
			return t[0]
		}
		if err != nil || n >= br.Size() {
			return 0
		}
	}
}

var bom = []byte("\xef\xbb\xbf")

// readText reads a whole file as one article.
func (r *Reader) readText(name string, br io.Reader, yield func(schema.Article) error) error {
	b, err := io.ReadAll(io.LimitReader(br, int64(r.maxSize)+int64(len(bom))+1))
	if err != nil {
		r.reject(Reject{Source: name, Reason: ReasonRead + ": " + err.Error()})
		return nil
	}
	b = bytes.TrimPrefix(b, bom)
	if len(b) > r.maxSize {
		r.reject(Reject{Source: name, Reason: fmt.Sprintf("%s: more than %d bytes", ReasonOversized, r.maxSize)})
		return nil
	}
	if reason := checkText(b); reason != "" {
		r.reject(Reject{Source: name, Reason: reason})
		return nil
	}
	a := schema.Article{Text: string(b)}
	if name != Stdin {
		a.Ref, _ = baseExt(name)
	}
	return yield(a)
}

// checkText returns why text is not an article text, or "".
func checkText(b []byte) string {
	switch {
	case bytes.IndexByte(b, 0) >= 0:
		return ReasonBinary
	case !utf8.Valid(b):
		return ReasonInvalidUTF8
	case len(bytes.TrimSpace(b)) == 0:
		return ReasonEmpty
	}
	return ""
}

// lineLimit bounds one JSON line: the text limit plus room for escapes and
// the other fields.
func (r *Reader) lineLimit() int { return 2*r.maxSize + 64<<10 }

// readJSONL reads one article object a line. Blank lines are skipped.
func (r *Reader) readJSONL(ctx context.Context, name string, br *bufio.Reader, yield func(schema.Article) error) error {
	return eachLine(ctx, br, r.lineLimit(), func(n int, line []byte, oversized bool, err error) error {
		if err != nil {
			r.reject(Reject{Source: name, Line: n, Reason: ReasonRead + ": " + err.Error()})
			return nil
		}
		if oversized {
			r.reject(Reject{Source: name, Line: n, Reason: fmt.Sprintf("%s: line longer than %d bytes", ReasonOversized, r.lineLimit())})
			return nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return nil
		}
		return r.object(name, n, line, yield)
	})
}

// eachLine calls fn with every line of br (without its line ending) and its
// 1-based number. A line longer than limit is passed as oversized, without
// its content. A read error is passed once and ends the loop.
func eachLine(ctx context.Context, br *bufio.Reader, limit int, fn func(n int, line []byte, oversized bool, err error) error) error {
	var buf []byte
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf = buf[:0]
		oversized := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !oversized {
				if len(buf)+len(chunk) > limit+2 {
					oversized, buf = true, buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return fn(n, nil, false, err)
		}
		if len(buf) > 0 || oversized {
			line := bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
			if n == 1 {
				line = bytes.TrimPrefix(line, bom)
			}
			if err := fn(n, line, oversized, nil); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// object turns one JSON object, starting on line n, into an article or a
// reject.
func (r *Reader) object(name string, n int, raw []byte, yield func(schema.Article) error) error {
	switch {
	case bytes.IndexByte(raw, 0) >= 0:
		r.reject(Reject{Source: name, Line: n, Reason: ReasonBinary})
		return nil
	case !utf8.Valid(raw):
		r.reject(Reject{Source: name, Line: n, Reason: ReasonInvalidUTF8})
		return nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		r.reject(Reject{Source: name, Line: n, Reason: ReasonMalformed + ": " + jsonError(err)})
		return nil
	}
	a, reason := r.article(m)
	if reason != "" {
		r.reject(Reject{Source: name, Line: n, ID: a.Ref, Reason: reason})
		return nil
	}
	return yield(a)
}

func jsonError(err error) string { return strings.TrimPrefix(err.Error(), "json: ") }

// article maps a JSON object to an article, or returns the reason it is not
// one (with the article's Ref set when the id could be read).
func (r *Reader) article(m map[string]json.RawMessage) (schema.Article, string) {
	f := r.fields
	var a schema.Article
	a.Ref = scalar(m[f.ID])
	rawText, ok := m[f.Text]
	if !ok || string(rawText) == "null" {
		return a, fmt.Sprintf("%s %q", ReasonMissingText, f.Text)
	}
	if err := json.Unmarshal(rawText, &a.Text); err != nil {
		return a, fmt.Sprintf("%s: field %q is not a string", ReasonMalformed, f.Text)
	}
	if len(a.Text) > r.maxSize {
		return a, fmt.Sprintf("%s: %d bytes > %d", ReasonOversized, len(a.Text), r.maxSize)
	}
	if reason := checkText([]byte(a.Text)); reason != "" {
		return a, reason
	}
	a.Title = scalar(m[f.Title])
	a.Source = scalar(m[f.Source])
	a.URL = scalar(m[f.URL])
	a.Published = date(scalar(m[f.Published]))
	return a, ""
}

// scalar returns a JSON string's value, a number's or boolean's text, and
// "" for anything else.
func scalar(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return strings.TrimSpace(s)
		}
		return ""
	case '{', '[', 'n':
		return ""
	}
	return string(raw)
}

// date reduces a timestamp to its day (YYYY-MM-DD) when it starts with one
// or parses as RFC 3339; anything else is kept as given.
func date(s string) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.DateOnly)
	}
	if len(s) >= 10 {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10]
		}
	}
	return s
}

// readJSON reads a JSON array of article objects, element by element, or a
// sequence of objects (one pretty-printed object, or several). Malformed
// JSON cannot be resynchronized: it is rejected at the line where it is
// found and the rest of the file is skipped.
func (r *Reader) readJSON(ctx context.Context, name string, br *bufio.Reader, yield func(schema.Article) error) error {
	lc := &lineCounter{r: br}
	dec := json.NewDecoder(lc)
	array := firstByte(br) == '['
	if array {
		if _, err := dec.Token(); err != nil {
			r.reject(Reject{Source: name, Line: 1, Reason: ReasonMalformed + ": " + jsonError(err)})
			return nil
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if array && !dec.More() {
			if _, err := dec.Token(); err != nil {
				r.reject(Reject{Source: name, Line: lc.line(dec.InputOffset()), Reason: ReasonMalformed + ": " + jsonError(err)})
				return nil
			}
			// Anything after the array (a second array of a
			// concatenation) is reported, not silently dropped.
			if _, err := dec.Token(); err != io.EOF {
				r.reject(Reject{Source: name, Line: lc.line(dec.InputOffset()), Reason: ReasonMalformed + ": data after the array"})
			}
			return nil
		}
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF && !array {
			return nil
		}
		if err != nil {
			// Report the line where the decoder stopped: the syntax
			// error's offset, or the end of a truncated input.
			off := dec.InputOffset()
			var se *json.SyntaxError
			switch {
			case errors.As(err, &se):
				off = se.Offset - 1
			case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
				err, off = io.ErrUnexpectedEOF, lc.off
			}
			r.reject(Reject{Source: name, Line: lc.line(off), Reason: ReasonMalformed + ": " + jsonError(err)})
			return nil
		}
		n := lc.line(dec.InputOffset() - int64(len(raw)))
		if len(raw) > r.lineLimit() {
			r.reject(Reject{Source: name, Line: n, Reason: fmt.Sprintf("%s: object larger than %d bytes", ReasonOversized, r.lineLimit())})
			continue
		}
		if raw[0] != '{' {
			r.reject(Reject{Source: name, Line: n, Reason: ReasonMalformed + ": not an object"})
			continue
		}
		if err := r.object(name, n, raw, yield); err != nil {
			return err
		}
	}
}

// lineCounter counts the lines of what is read through it, so that byte
// offsets can be turned into line numbers. Offsets must be asked for in
// increasing order; memory is bounded by the lines read ahead.
type lineCounter struct {
	r      io.Reader
	off    int64   // bytes read so far
	nl     []int64 // offsets of newlines not yet passed by line()
	passed int     // newlines before the last offset asked for
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.nl = append(c.nl, c.off+int64(i))
		}
	}
	c.off += int64(n)
	return n, err
}

// line returns the 1-based line of byte offset off.
func (c *lineCounter) line(off int64) int {
	i := 0
	for i < len(c.nl) && c.nl[i] < off {
		i++
	}
	c.passed += i
	c.nl = c.nl[i:]
	return c.passed + 1
}

func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
