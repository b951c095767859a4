package graph

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/kgraph/kg/schema"
)

// ErrInconsistent is wrapped by the error of Check: a graph that no
// store writes, such as a damaged or hand-edited graph file.
var ErrInconsistent = errors.New("inconsistent graph")

// Check reports whether g is a graph a store can have written, with an
// error wrapping ErrInconsistent that names the first problem (the item
// by its ID, or by its position when it has none, and the reason):
//
//   - articles, entities and relations have IDs (relations: keys), each
//     unique in its list;
//   - entities have a name and an ontology type, a count of at least 0
//     and no less than the sum of their MENTIONS counts, and mention spans
//     that are ranges (0 <= start <= end);
//   - relations have an ontology type whose subject and object types
//     allow their ends (schema.RelationType.Allows), an article, subject
//     and object that are in the graph, a confidence in [0, 1], a date
//     that is empty or a real YYYY, YYYY-MM or YYYY-MM-DD, and an
//     evidence span and sentence index that are not negative, the span
//     in order;
//   - relations have a date_source that is empty, "event" or "article",
//     a date_precision that is empty, "year", "month", "week" or "day",
//     and, when copies of their article state them too, a support of the
//     number of copies plus one, the copies being other articles of the
//     graph (without copies, no support);
//   - an article that copies another (duplicate_of) names another article
//     of the graph, says how it copies it ("exact" or "near") and how
//     much (a similarity in [0, 1]);
//   - MENTIONS join an article and an entity of the graph, once each
//     pair, with a count of at least 1.
//
// Articles' publication dates are not checked: kg keeps them as its input
// gave them when they are not dates.
func (g *Graph) Check() error {
	articles := make(map[string]bool, len(g.Articles))
	for i, a := range g.Articles {
		switch {
		case a.ID == "":
			return inconsistent("article %d (of %d) has no id", i+1, len(g.Articles))
		case articles[a.ID]:
			return inconsistent("article %s is listed twice", a.ID)
		}
		articles[a.ID] = true
	}
	for _, a := range g.Articles {
		if p := copyProblem(a, articles); p != "" {
			return inconsistent("article %s: %s", a.ID, p)
		}
	}
	entities := make(map[string]*schema.Entity, len(g.Entities))
	for i := range g.Entities {
		e := &g.Entities[i]
		if e.ID == "" {
			return inconsistent("entity %d (of %d), %q, has no id", i+1, len(g.Entities), e.Name)
		}
		if entities[e.ID] != nil {
			return inconsistent("entity %s is listed twice", e.ID)
		}
		if p := entityProblem(*e); p != "" {
			return inconsistent("entity %s: %s", e.ID, p)
		}
		entities[e.ID] = e
	}
	keys := make(map[string]bool, len(g.Relations))
	for i, r := range g.Relations {
		if r.Key == "" {
			return inconsistent("relation %d (of %d), %s, has no key", i+1, len(g.Relations), r.Type)
		}
		if keys[r.Key] {
			return inconsistent("relation %s is listed twice", r.Key)
		}
		keys[r.Key] = true
		if p := relationProblem(r); p != "" {
			return inconsistent("relation %s: %s", r.Key, p)
		}
		if !articles[r.Article] {
			return inconsistent("relation %s: article %q is not in the graph", r.Key, r.Article)
		}
		for _, c := range r.Copies {
			if c == r.Article || !articles[c] {
				return inconsistent("relation %s: copy %q is not another article of the graph", r.Key, c)
			}
		}
		s, o := entities[r.Subject], entities[r.Object]
		switch {
		case s == nil:
			return inconsistent("relation %s: subject %q is not an entity of the graph", r.Key, r.Subject)
		case o == nil:
			return inconsistent("relation %s: object %q is not an entity of the graph", r.Key, r.Object)
		case !r.Type.Allows(s.Type, o.Type):
			return inconsistent("relation %s: %s does not join a %s to a %s", r.Key, r.Type, s.Type, o.Type)
		}
	}
	type pair struct{ article, entity string }
	seen := make(map[pair]bool, len(g.Mentions))
	total := make(map[string]int, len(g.Entities))
	for _, m := range g.Mentions {
		switch {
		case !articles[m.Article]:
			return inconsistent("mention of entity %s: article %q is not in the graph", m.Entity, m.Article)
		case entities[m.Entity] == nil:
			return inconsistent("mention in article %s: entity %q is not in the graph", m.Article, m.Entity)
		case m.Count < 1:
			return inconsistent("mention of entity %s in article %s: count %d is not positive", m.Entity, m.Article, m.Count)
		case seen[pair{m.Article, m.Entity}]:
			return inconsistent("mention of entity %s in article %s is listed twice", m.Entity, m.Article)
		}
		seen[pair{m.Article, m.Entity}] = true
		if total[m.Entity] > math.MaxInt-m.Count {
			return inconsistent("entity %s: mention counts overflow", m.Entity)
		}
		total[m.Entity] += m.Count
	}
	for _, e := range g.Entities {
		if e.Count < total[e.ID] {
			return inconsistent("entity %s: count %d is less than its mentions' %d", e.ID, e.Count, total[e.ID])
		}
	}
	return nil
}

func inconsistent(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInconsistent}, args...)...)
}

// entityProblem returns what is wrong with e taken alone, or "".
func entityProblem(e schema.Entity) string {
	switch {
	case e.Name == "":
		return "no name"
	case !e.Type.Valid():
		return fmt.Sprintf("unknown type %q", e.Type)
	case e.Count < 0:
		return fmt.Sprintf("negative count %d", e.Count)
	}
	for _, m := range e.Mentions {
		if m.Start < 0 || m.End < m.Start {
			return fmt.Sprintf("mention span [%d, %d) is not a range", m.Start, m.End)
		}
	}
	return ""
}

// relationProblem returns what is wrong with r taken alone (its ends
// aside), or "".
func relationProblem(r schema.Relation) string {
	switch {
	case !r.Type.Valid():
		return fmt.Sprintf("unknown type %q", r.Type)
	case math.IsNaN(r.Confidence) || r.Confidence < 0 || r.Confidence > 1:
		return fmt.Sprintf("confidence %v is outside [0, 1]", r.Confidence)
	case !storedDate(r.Date):
		return fmt.Sprintf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", r.Date)
	case r.Start < 0 || r.End < r.Start:
		return fmt.Sprintf("evidence span [%d, %d) is not a range", r.Start, r.End)
	case r.Sentence < 0:
		return fmt.Sprintf("negative sentence index %d", r.Sentence)
	case r.DateSource != "" && r.DateSource != schema.DateEvent && r.DateSource != schema.DateArticle:
		return fmt.Sprintf("date_source %q is not %s or %s", r.DateSource, schema.DateEvent, schema.DateArticle)
	case !slices.Contains(datePrecisions, r.DatePrecision):
		return fmt.Sprintf("date_precision %q is not year, month, week or day", r.DatePrecision)
	case len(r.Copies) == 0 && r.Support != 0:
		return fmt.Sprintf("support %d without copies", r.Support)
	case len(r.Copies) > 0 && r.Support != len(r.Copies)+1:
		return fmt.Sprintf("support %d with %d copies, want %d", r.Support, len(r.Copies), len(r.Copies)+1)
	}
	return ""
}

// datePrecisions are the values of Relation.DatePrecision.
var datePrecisions = []string{"", "year", "month", "week", "day"}

// copyProblem returns what is wrong with what article a says it copies,
// or "": articles holds the IDs of the graph's articles.
func copyProblem(a schema.Article, articles map[string]bool) string {
	if a.DuplicateOf == "" {
		if a.Duplicate != "" || a.Similarity != 0 {
			return fmt.Sprintf("duplicate %q, similarity %v, of no article", a.Duplicate, a.Similarity)
		}
		return ""
	}
	switch {
	case a.DuplicateOf == a.ID || !articles[a.DuplicateOf]:
		return fmt.Sprintf("duplicate_of %q is not another article of the graph", a.DuplicateOf)
	case a.Duplicate != "exact" && a.Duplicate != "near":
		return fmt.Sprintf("duplicate %q is not exact or near", a.Duplicate)
	case math.IsNaN(a.Similarity) || a.Similarity < 0 || a.Similarity > 1:
		return fmt.Sprintf("similarity %v is outside [0, 1]", a.Similarity)
	}
	return ""
}

// storedDate reports whether s is empty or a date as kg writes them: a
// year of four digits or more (negative with a leading -), then
// optionally -MM and -DD naming a real month and day.
func storedDate(s string) bool {
	if s == "" {
		return true
	}
	i := 0
	if s[0] == '-' {
		i = 1
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j-i < 4 || j-i > 9 {
		return false
	}
	year := atoi(s[i:j])
	if i == 1 {
		year = -year
	}
	rest := s[j:]
	if rest == "" {
		return true
	}
	if len(rest) != 3 && len(rest) != 6 {
		return false
	}
	month, ok := twoDigits(rest[:3])
	if !ok || month < 1 || month > 12 {
		return false
	}
	if len(rest) == 3 {
		return true
	}
	day, ok := twoDigits(rest[3:])
	return ok && day >= 1 && day <= daysIn(year, month)
}

// twoDigits parses "-DD", the whole of s.
func twoDigits(s string) (int, bool) {
	if len(s) != 3 || s[0] != '-' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9' {
		return 0, false
	}
	return int(s[1]-'0')*10 + int(s[2]-'0'), true
}

func atoi(digits string) int {
	n := 0
	for i := 0; i < len(digits); i++ {
		n = n*10 + int(digits[i]-'0')
	}
	return n
}

// daysIn returns the number of days of month in year (proleptic
// Gregorian, as Go's time package counts).
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
