package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// StaticData is the graph a static page holds, in the shapes of the API.
type StaticData struct {
	Meta Meta `json:"meta"`
	// Seeds and Hops make the view the page opens with.
	Seeds []string `json:"seeds"`
	Hops  int      `json:"hops"`
	// MarkSeeds draws the seeds as seeds; false when they are only every
	// entity of the graph.
	MarkSeeds bool       `json:"mark_seeds"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
}

// Limits of a static page: its graph is small enough to be in a file,
// and an expansion shows up to 200 neighbours.
var staticLimits = Limits{Expand: 200, MaxExpand: 1000, ViewNodes: 5000}

// StaticOf returns the data of a static page over g that opens with the
// view of the seeds (entity IDs of g) and hops, as kg serve would show it;
// with no seeds, every entity of g is shown. Relations whose subject or
// object is not an entity of g are left out.
func StaticOf(g *graph.Graph, title string, seeds []string, hops int) StaticData {
	if g == nil {
		g = &graph.Graph{}
	}
	d := StaticData{
		Meta:      MetaOf(title, g.Sources(), staticLimits),
		Seeds:     []string{},
		Hops:      hops,
		MarkSeeds: len(seeds) > 0,
		Entities:  make([]Entity, 0, len(g.Entities)),
		Relations: make([]Relation, 0, len(g.Relations)),
	}
	known := make(map[string]bool, len(g.Entities))
	for _, e := range g.Entities {
		d.Entities = append(d.Entities, EntityOf(e))
		known[e.ID] = true
	}
	slices.SortFunc(d.Entities, func(a, b Entity) int { return strings.Compare(a.ID, b.ID) })
	for _, id := range seeds {
		if known[id] && !slices.Contains(d.Seeds, id) {
			d.Seeds = append(d.Seeds, id)
		}
	}
	if len(seeds) == 0 {
		for _, e := range d.Entities {
			d.Seeds = append(d.Seeds, e.ID)
		}
		d.Hops = 1
	}
	refs := NewRefs(g)
	for _, r := range g.Relations {
		if known[r.Subject] && known[r.Object] {
			d.Relations = append(d.Relations, refs.Relation(r))
		}
	}
	slices.SortFunc(d.Relations, func(a, b Relation) int { return strings.Compare(a.Key, b.Key) })
	return d
}

// WriteStatic writes the explorer as one self-contained HTML page that
// holds d: the page's styles and scripts (the vendored libraries
// included) are inline, d is a JSON script element (with <, > and &
// escaped, so no text in it can close the element), and a
// Content-Security-Policy meta element allows those inline scripts and
// styles by their SHA-256 hashes and nothing else: no other script, no
// network connection. It opens from disk, offline.
func WriteStatic(w io.Writer, title string, d StaticData) error {
	page, err := fs.ReadFile(FS, "index.html")
	if err != nil {
		return err
	}
	body, ok := between(string(page), "<!--body-->", "<!--/body-->")
	if !ok {
		return fmt.Errorf("index.html: no <!--body--> ... <!--/body--> section")
	}
	var styles, scripts []string
	for _, name := range Styles {
		b, err := fs.ReadFile(FS, name)
		if err != nil {
			return err
		}
		styles = append(styles, htmlNewlines(string(b)))
	}
	for _, name := range Scripts {
		b, err := fs.ReadFile(FS, name)
		if err != nil {
			return err
		}
		if strings.Contains(strings.ToLower(string(b)), "</script") {
			return fmt.Errorf("%s holds </script: it cannot be inlined", name)
		}
		scripts = append(scripts, jsEscapeInvisible(htmlNewlines(string(b))))
	}
	var data bytes.Buffer
	enc := json.NewEncoder(&data) // escapes <, > and &
	if err := enc.Encode(d); err != nil {
		return err
	}
	// Invisible characters go as JSON escapes (the page reads the same
	// values, and shows them escaped as kg's tables do).
	escaped := schema.EscapeInvisibleJSON(data.Bytes())
	data.Reset()
	data.Write(escaped)
	hashes := func(texts []string) string {
		var out []string
		for _, t := range texts {
			sum := sha256.Sum256([]byte(t))
			out = append(out, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		}
		return strings.Join(out, " ")
	}
	csp := "default-src 'none'; script-src " + hashes(scripts) + "; style-src " + hashes(styles) +
		"; img-src data: blob:; base-uri 'none'; form-action 'none'"

	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n")
	b.WriteString("<title>" + html.EscapeString(title) + "</title>\n")
	for i, s := range styles {
		id := ""
		if i == 0 {
			// Cytoscape.js adds a style element of this id unless the page
			// has one; the policy would refuse it.
			id = ` id="__________cytoscape_stylesheet"`
		}
		b.WriteString("<style" + id + ">" + s + "</style>\n")
	}
	b.WriteString("</head>\n<body>\n")
	b.WriteString(strings.TrimSpace(body))
	b.WriteString("\n<script id=\"kg-data\" type=\"application/json\">")
	b.Write(bytes.TrimSpace(data.Bytes()))
	b.WriteString("</script>\n")
	for _, s := range scripts {
		b.WriteString("<script>" + s + "</script>\n")
	}
	b.WriteString("</body>\n</html>\n")
	_, err = w.Write(b.Bytes())
	return err
}

// htmlNewlines returns s with its line breaks as an HTML parser reads
// them (CR LF and CR as LF), so that the hash of an inline script is the
// hash of what the browser runs.
func htmlNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// between returns the text of s between the markers.
func between(s, open, close string) (string, bool) {
	_, rest, ok := strings.Cut(s, open)
	if !ok {
		return "", false
	}
	in, _, ok := strings.Cut(rest, close)
	return in, ok
}

// jsEscapeInvisible writes every invisible character of a script (see
// schema.Invisible; a bundled library may hold a zero-width space in a
// string) as a JavaScript escape, \u200b, a surrogate pair above U+FFFF:
// the same string to the script, and a page without characters that
// reorder or hide what a reader of its source sees.
func jsEscapeInvisible(s string) string {
	if !schema.HasInvisible(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !schema.Invisible(r) {
			b.WriteRune(r)
			continue
		}
		if r > 0xFFFF {
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, hi, lo)
			continue
		}
		fmt.Fprintf(&b, `\u%04x`, r)
	}
	return b.String()
}
