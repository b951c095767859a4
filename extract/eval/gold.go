package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/kgraph/kg/schema"
)

// Any is the wildcard of absent entries: it matches every entity.
const Any = "*"

// Gold is one annotated article, as stored in a gold file (see the "Gold
// files" section of docs/ontology.md).
type Gold struct {
	ID        string         `json:"id"`
	Source    string         `json:"source,omitempty"`
	Published string         `json:"published,omitempty"`
	Title     string         `json:"title,omitempty"`
	Text      string         `json:"text"`
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
	Absent    []GoldAbsent   `json:"absent,omitempty"`

	// File is the path the gold was read from; empty when unknown.
	File string `json:"-"`
}

// GoldEntity is a canonical entity of a gold article.
type GoldEntity struct {
	Name    string            `json:"name"`
	Type    schema.EntityType `json:"type"`
	Aliases []string          `json:"aliases"`
}

// Names is the subject or object of a gold relation: one entity name, or a
// list of alternatives of which any one matches. In JSON it is a string or a
// list of strings.
type Names []string

// UnmarshalJSON accepts a string or a list of strings.
func (n *Names) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err == nil {
		*n = Names{s}
		return nil
	}
	var l []string
	if err := json.Unmarshal(data, &l); err != nil {
		return errors.New("want a name or a list of names")
	}
	*n = l
	return nil
}

// MarshalJSON writes a single name as a string and alternatives as a list.
func (n Names) MarshalJSON() ([]byte, error) {
	if len(n) == 1 {
		return json.Marshal(n[0])
	}
	return json.Marshal([]string(n))
}

// String joins alternatives as "[a|b]"; a single name is written as is.
func (n Names) String() string {
	if len(n) == 1 {
		return n[0]
	}
	return "[" + strings.Join(n, "|") + "]"
}

// has reports whether name is one of the alternatives, or whether the
// alternatives hold the wildcard (only absent entries do).
func (n Names) has(name string, wildcard bool) bool {
	for _, x := range n {
		if x == name || (wildcard && x == Any) {
			return true
		}
	}
	return false
}

// GoldRelation is a relation the extractor should find. Role and Tense are
// informative: scoring ignores them.
type GoldRelation struct {
	Subject Names               `json:"subject"`
	Type    schema.RelationType `json:"type"`
	Object  Names               `json:"object"`
	Role    string              `json:"role,omitempty"`
	Tense   string              `json:"tense,omitempty"`
}

func (r GoldRelation) String() string {
	return r.Subject.String() + " " + string(r.Type) + " " + r.Object.String()
}

// GoldAbsent is a relation that must not be extracted; its subject or
// object may be Any.
type GoldAbsent struct {
	Subject Names               `json:"subject"`
	Type    schema.RelationType `json:"type"`
	Object  Names               `json:"object"`
}

func (a GoldAbsent) String() string {
	return a.Subject.String() + " " + string(a.Type) + " " + a.Object.String()
}

// rawGold is the decoding shape of a gold file: subjects and objects stay
// raw so that their errors can name the field.
type rawGold struct {
	ID        string        `json:"id"`
	Source    string        `json:"source"`
	Published string        `json:"published"`
	Title     string        `json:"title"`
	Text      string        `json:"text"`
	Entities  []GoldEntity  `json:"entities"`
	Relations []rawRelation `json:"relations"`
	Absent    []rawAbsent   `json:"absent"`
}

type rawRelation struct {
	Subject json.RawMessage `json:"subject"`
	Type    string          `json:"type"`
	Object  json.RawMessage `json:"object"`
	Role    string          `json:"role"`
	Tense   string          `json:"tense"`
}

type rawAbsent struct {
	Subject json.RawMessage `json:"subject"`
	Type    string          `json:"type"`
	Object  json.RawMessage `json:"object"`
}

// LoadGoldDir reads and validates every *.json file of dir, in file name
// order. It reports the errors of all files at once (joined), each naming
// its file and field. A file's id must be its base name without ".json",
// and a directory without gold files is an error.
func LoadGoldDir(dir string) ([]Gold, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("gold dir: %w", err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("gold dir %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("gold dir %s: no *.json files", dir)
	}
	sort.Strings(paths)
	var (
		golds []Gold
		errs  []error
	)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		g, err := ParseGold(data, p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if want := strings.TrimSuffix(filepath.Base(p), ".json"); g.ID != want {
			errs = append(errs, fmt.Errorf("%s: id: %q does not match the file name (want %q)", p, g.ID, want))
			continue
		}
		golds = append(golds, g)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return golds, nil
}

// ParseGold decodes and validates one gold file; file names it in errors.
// Every problem of the file is reported (joined), each as
// "file: field: problem", e.g.
//
//	gold/x.json: relations[3].object: "Foo" names no entity
func ParseGold(data []byte, file string) (Gold, error) {
	if file == "" {
		file = "gold"
	}
	var raw rawGold
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		pos, msg := jsonError(data, err)
		if pos != "" {
			return Gold{}, fmt.Errorf("%s:%s: %s", file, pos, msg)
		}
		return Gold{}, fmt.Errorf("%s: %s", file, msg)
	}
	if _, err := dec.Token(); err != io.EOF {
		off := dec.InputOffset()
		return Gold{}, fmt.Errorf("%s:%s: data after the gold object", file, position(data, off))
	}
	v := validator{file: file}
	g := v.gold(raw)
	if err := errors.Join(v.errs...); err != nil {
		return Gold{}, err
	}
	g.File = file
	return g, nil
}

// jsonError describes a decoding error and, when known, the "line:col"
// where the decoder gave up.
func jsonError(data []byte, err error) (pos, msg string) {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &syn):
		// Offset counts the offending byte.
		return position(data, max(syn.Offset-1, 0)), "invalid JSON: " + syn.Error()
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "gold"
		}
		return position(data, typ.Offset), fmt.Sprintf("%s: want %s, got JSON %s", field, typ.Type, typ.Value)
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return "", "invalid JSON: unexpected end of input"
	}
	msg = err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		// The decoder does not say where; the first key with that name is
		// almost always it.
		i := bytes.Index(data, []byte(name+":"))
		if i < 0 {
			i = bytes.Index(data, []byte(name))
		}
		if i >= 0 {
			pos = position(data, int64(i))
		}
		return pos, "unknown field " + name
	}
	return "", strings.TrimPrefix(msg, "json: ")
}

// position turns a byte offset into "line:column" (both from 1).
func position(data []byte, off int64) string {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return fmt.Sprintf("%d:%d", line, col)
}

// validator collects every problem of one gold file.
type validator struct {
	file string
	errs []error
	// ents maps gold entity names to their entities.
	ents map[string]GoldEntity
}

func (v *validator) errorf(field, format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf("%s: %s: %s", v.file, field, fmt.Sprintf(format, args...)))
}

func (v *validator) gold(raw rawGold) Gold {
	g := Gold{
		ID:        raw.ID,
		Source:    raw.Source,
		Published: raw.Published,
		Title:     raw.Title,
		Text:      raw.Text,
		Entities:  raw.Entities,
	}
	if strings.TrimSpace(g.ID) == "" {
		v.errorf("id", "empty")
	}
	if strings.TrimSpace(g.Text) == "" {
		v.errorf("text", "empty")
	}
	if g.Published != "" {
		if _, err := time.Parse(time.DateOnly, g.Published); err != nil {
			v.errorf("published", "%q is not a date (YYYY-MM-DD)", g.Published)
		}
	}
	v.entities(g.Entities)
	for i, rr := range raw.Relations {
		field := fmt.Sprintf("relations[%d]", i)
		r := GoldRelation{Type: schema.RelationType(rr.Type), Role: rr.Role, Tense: rr.Tense}
		r.Subject = v.names(field+".subject", rr.Subject, false)
		r.Object = v.names(field+".object", rr.Object, false)
		if v.relType(field+".type", r.Type) {
			v.allows(field, r)
		}
		if len(r.Subject) == 1 && len(r.Object) == 1 && r.Subject[0] == r.Object[0] && r.Subject[0] != "" {
			v.errorf(field, "subject and object are both %q", r.Subject[0])
		}
		if r.Tense != "" && r.Tense != "future" {
			v.errorf(field+".tense", "%q is not a tense (want \"future\" or none)", r.Tense)
		}
		g.Relations = append(g.Relations, r)
	}
	for i, ra := range raw.Absent {
		field := fmt.Sprintf("absent[%d]", i)
		a := GoldAbsent{Type: schema.RelationType(ra.Type)}
		a.Subject = v.names(field+".subject", ra.Subject, true)
		a.Object = v.names(field+".object", ra.Object, true)
		v.relType(field+".type", a.Type)
		for j, r := range g.Relations {
			if absentCovers(a, r) {
				v.errorf(field, "%s contradicts relations[%d] (%s)", a, j, r)
			}
		}
		g.Absent = append(g.Absent, a)
	}
	if g.Entities == nil {
		g.Entities = []GoldEntity{}
	}
	if g.Relations == nil {
		g.Relations = []GoldRelation{}
	}
	return g
}

func (v *validator) entities(ents []GoldEntity) {
	v.ents = make(map[string]GoldEntity, len(ents))
	owner := make(map[string]int) // folded name or alias -> entity index
	for i, e := range ents {
		field := fmt.Sprintf("entities[%d]", i)
		if strings.TrimSpace(e.Name) == "" {
			v.errorf(field+".name", "empty")
		}
		if !e.Type.Valid() {
			v.errorf(field+".type", "%q is not an entity type", e.Type)
		}
		if _, dup := v.ents[e.Name]; !dup {
			v.ents[e.Name] = e
		}
		claim := func(f, s string) {
			k := fold(s)
			if k == "" {
				if strings.TrimSpace(s) != "" {
					v.errorf(f, "%q has no letters or digits", s)
				}
				return
			}
			if j, ok := owner[k]; ok && j != i {
				v.errorf(f, "%q also names entities[%d] (%q)", s, j, ents[j].Name)
				return
			}
			owner[k] = i
		}
		claim(field+".name", e.Name)
		for k, a := range e.Aliases {
			af := fmt.Sprintf("%s.aliases[%d]", field, k)
			if strings.TrimSpace(a) == "" {
				v.errorf(af, "empty")
				continue
			}
			claim(af, a)
		}
	}
}

// names decodes a subject or object and checks that each alternative names
// a gold entity (or is the wildcard, where allowed).
func (v *validator) names(field string, raw json.RawMessage, wildcard bool) Names {
	if len(raw) == 0 || string(raw) == "null" {
		v.errorf(field, "missing")
		return nil
	}
	var n Names
	if err := json.Unmarshal(raw, &n); err != nil {
		v.errorf(field, "want a name or a list of names, got %s", raw)
		return nil
	}
	if len(n) == 0 {
		v.errorf(field, "empty list")
		return nil
	}
	seen := make(map[string]bool, len(n))
	for i, name := range n {
		f := field
		if len(n) > 1 {
			f = fmt.Sprintf("%s[%d]", field, i)
		}
		switch {
		case seen[name]:
			v.errorf(f, "%q is listed twice", name)
		case name == Any && !wildcard:
			v.errorf(f, "%q is only allowed in absent", Any)
		case name == Any && len(n) > 1:
			v.errorf(f, "%q must stand alone", Any)
		case name == Any:
		case v.ents[name].Name == "" && name != "":
			v.errorf(f, "%q names no entity", name)
		case name == "":
			v.errorf(f, "empty name")
		}
		seen[name] = true
	}
	return n
}

func (v *validator) relType(field string, t schema.RelationType) bool {
	if !t.Valid() {
		v.errorf(field, "%q is not a relation type", t)
		return false
	}
	return true
}

// allows checks the entity types of every alternative against the
// ontology's subject and object types for r.Type.
func (v *validator) allows(field string, r GoldRelation) {
	spec, _ := r.Type.Spec()
	check := func(f string, n Names, types []schema.EntityType) {
		for i, name := range n {
			e, ok := v.ents[name]
			if !ok || !e.Type.Valid() || contains(types, e.Type) {
				continue
			}
			ff := f
			if len(n) > 1 {
				ff = fmt.Sprintf("%s[%d]", f, i)
			}
			v.errorf(ff, "%q is a %s; %s takes %s", name, e.Type, r.Type, typeList(types))
		}
	}
	check(field+".subject", r.Subject, spec.Subjects)
	check(field+".object", r.Object, spec.Objects)
}

func contains(ts []schema.EntityType, t schema.EntityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func typeList(ts []schema.EntityType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// absentCovers reports whether absent entry a matches some reading of gold
// relation r, i.e. whether the gold file contradicts itself.
func absentCovers(a GoldAbsent, r GoldRelation) bool {
	if a.Type != r.Type {
		return false
	}
	for _, s := range r.Subject {
		for _, o := range r.Object {
			if matchAbsent(a, s, o) {
				return true
			}
		}
	}
	return false
}

// matchAbsent reports whether absent entry a matches a relation of its type
// from s to o (gold entity names; "" for an entity aligned to none, which
// only the wildcard matches), in either order for symmetric types.
func matchAbsent(a GoldAbsent, s, o string) bool {
	end := func(n Names, name string) bool {
		if name == "" {
			return n.has(Any, false)
		}
		return n.has(name, true)
	}
	if end(a.Subject, s) && end(a.Object, o) {
		return true
	}
	return a.Type.Symmetric() && end(a.Subject, o) && end(a.Object, s)
}
