// Package eval scores an extractor against gold files, exactly as the
// "Scoring" section of docs/ontology.md says: entities through a one-to-one
// alignment of predicted to gold entities, relations through that
// alignment, per article and then micro-averaged over the set.
//
// It does not depend on the extractor: Score takes any ExtractFunc, so the
// same scorer measures every extractor, a baseline, or the gold itself.
//
// Where docs/ontology.md is silent, eval decides as follows (each choice is
// repeated where it is made):
//
//   - Names are compared folded: lower case, punctuation and symbols dropped,
//     dashes and whitespace collapsed to one space. "the" is kept and
//     diacritics are not folded ("Özel" and "Ozel" differ).
//   - Typed entity scores reuse the untyped alignment: a pair whose types
//     differ is a typed false positive and a typed miss.
//   - Predicted relations of symmetric types are deduplicated on the
//     unordered pair: A MEETS B and B MEETS A are one fact.
//   - Matches between predictions and gold relations are a maximum
//     one-to-one matching, found by augmenting paths with predictions in
//     extraction order and gold relations in file order; an unmatched
//     prediction that matches some gold relation counts neither as a true
//     nor as a false positive.
//   - Pair scores are the relation scores with the type test taken out
//     (direction by the gold relation's type); predictions are not
//     deduplicated again on the pair, so pair scores are never below the
//     typed ones.
//   - An absent entry's "*" also matches predicted entities aligned to no
//     gold entity.
//   - P, R and F1 are 0 when their denominator is 0, also when nothing was
//     predicted and nothing was gold.
package eval

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/kgraph/kg/schema"
)

// ExtractFunc extracts entities and relations from one article: an
// extractor's Extract method (graph/port's Extractor).
type ExtractFunc func(context.Context, schema.Article) (schema.Extraction, error)

// Score runs extract on every gold article, in order and on the calling
// goroutine, and scores what it finds. The article it passes has Ref set
// to the gold id and the gold's title, source, date and text. The report
// keeps per-article details for WriteVerbose. It stops at the first
// error of extract, which it returns with the gold id.
func Score(ctx context.Context, golds []Gold, extract ExtractFunc) (Report, error) {
	r := Report{Articles: len(golds)}
	byType := map[schema.RelationType]*TypeScore{}
	for _, g := range golds {
		x, err := extract(ctx, schema.Article{
			Ref:       g.ID,
			Title:     g.Title,
			Source:    g.Source,
			Published: g.Published,
			Text:      g.Text,
		})
		if err != nil {
			return Report{}, fmt.Errorf("score %s: %w", g.ID, err)
		}
		a := scoreArticle(g, x, byType)
		r.Entities.Typed.add(a.Entities.Typed)
		r.Entities.Untyped.add(a.Entities.Untyped)
		r.Relations.Overall.add(a.Relations)
		r.Relations.Pair.add(a.Pair)
		r.AbsentViolations += len(a.Violations)
		r.Details = append(r.Details, a)
	}
	r.Relations.ByType = make(map[schema.RelationType]TypeScore, len(byType))
	for t, s := range byType {
		r.Relations.ByType[t] = *s
	}
	return r, nil
}

// fold is the form in which entity names are compared: lower case,
// punctuation and symbols dropped ("U.S." -> "us", "People's" ->
// "peoples"), dashes and runs of whitespace folded to one space
// ("US-led" -> "us led"). Unlike schema.NormalizeName it keeps a leading
// "the" and diacritics, which docs/ontology.md does not ask to fold; text is
// put in NFC first so that composed and decomposed letters agree.
// Fold returns s as names are compared when scoring: case and punctuation
// folded, white space collapsed.
func Fold(s string) string { return fold(s) }

func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || unicode.Is(unicode.Pd, r):
			space = true
		}
	}
	return b.String()
}

// keys returns the folded name and aliases of an entity, without empties.
func keys(name string, aliases []string) map[string]bool {
	k := make(map[string]bool, 1+len(aliases))
	for _, s := range append([]string{name}, aliases...) {
		if f := fold(s); f != "" {
			k[f] = true
		}
	}
	return k
}

// align returns for each predicted entity the index of the gold entity it
// stands for, or -1. The alignment is one-to-one: first, predicted entities
// in extraction order take the gold entity with the same folded name; then
// the rest are matched on any shared folded name or alias, as a maximum
// matching (predicted entities in order, gold entities in file order). A
// second predicted entity for an already aligned gold entity stays
// unaligned: a missed merge is one true and one false positive.
func align(gold []GoldEntity, pred []schema.Entity) []int {
	toGold := make([]int, len(pred))
	taken := make([]bool, len(gold))
	goldName := make(map[string]int, len(gold))
	for j, e := range gold {
		if f := fold(e.Name); f != "" {
			if _, dup := goldName[f]; !dup {
				goldName[f] = j
			}
		}
	}
	for i, p := range pred {
		toGold[i] = -1
		if j, ok := goldName[fold(p.Name)]; ok && !taken[j] {
			toGold[i] = j
			taken[j] = true
		}
	}
	goldKeys := make([]map[string]bool, len(gold))
	for j, e := range gold {
		goldKeys[j] = keys(e.Name, e.Aliases)
	}
	var left []int // predicted entities still unaligned
	var cand [][]int
	for i, p := range pred {
		if toGold[i] >= 0 {
			continue
		}
		var c []int
		pk := keys(p.Name, p.Aliases)
		for j := range gold {
			if !taken[j] && overlaps(pk, goldKeys[j]) {
				c = append(c, j)
			}
		}
		left = append(left, i)
		cand = append(cand, c)
	}
	for k, j := range maxMatching(cand, len(gold)) {
		if j >= 0 {
			toGold[left[k]] = j
		}
	}
	return toGold
}

func overlaps(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// maxMatching returns a maximum one-to-one matching of left items to right
// items 0..nRight-1, where cand[i] lists the right items left item i may
// take. It returns each left item's right item, or -1. Left items are
// served in order by augmenting paths (Kuhn), so a left item once matched
// stays matched and the result is deterministic.
func maxMatching(cand [][]int, nRight int) []int {
	owner := make([]int, nRight)
	for i := range owner {
		owner[i] = -1
	}
	var seen []bool
	var try func(i int) bool
	try = func(i int) bool {
		for _, r := range cand[i] {
			if seen[r] {
				continue
			}
			seen[r] = true
			if owner[r] < 0 || try(owner[r]) {
				owner[r] = i
				return true
			}
		}
		return false
	}
	for i := range cand {
		if len(cand[i]) == 0 {
			continue
		}
		seen = make([]bool, nRight)
		try(i)
	}
	out := make([]int, len(cand))
	for i := range out {
		out[i] = -1
	}
	for r, i := range owner {
		if i >= 0 {
			out[i] = r
		}
	}
	return out
}

// scoreArticle scores one extraction against its gold and adds its
// relation counts to byType.
func scoreArticle(g Gold, x schema.Extraction, byType map[schema.RelationType]*TypeScore) ArticleReport {
	a := ArticleReport{ID: g.ID, File: g.File}

	// Entities.
	toGold := align(g.Entities, x.Entities)
	goldTaken := make([]bool, len(g.Entities))
	typed := 0
	for i, j := range toGold {
		p := x.Entities[i]
		if j < 0 {
			a.FalseEntities = append(a.FalseEntities, EntityRef{Name: p.Name, Type: p.Type})
			continue
		}
		goldTaken[j] = true
		if p.Type == g.Entities[j].Type {
			typed++
		} else {
			a.TypeMismatches = append(a.TypeMismatches, TypeMismatch{Gold: g.Entities[j], Predicted: EntityRef{Name: p.Name, Type: p.Type}})
		}
	}
	for j, taken := range goldTaken {
		if !taken {
			a.MissedEntities = append(a.MissedEntities, g.Entities[j])
		}
	}
	aligned := len(x.Entities) - len(a.FalseEntities)
	a.Entities.Untyped = PRF{TP: aligned, FP: len(x.Entities) - aligned, FN: len(g.Entities) - aligned}
	// Typed scores reuse the untyped alignment rather than aligning again
	// per type: a predicted entity found under the wrong type is still the
	// same entity for relations, and for typed scores it is one false
	// positive and one miss.
	a.Entities.Typed = PRF{TP: typed, FP: len(x.Entities) - typed, FN: len(g.Entities) - typed}

	// Predicted entity ID -> name and aligned gold name ("" when none).
	type side struct{ name, gold string }
	ends := make(map[string]side, len(x.Entities))
	for i, e := range x.Entities {
		if _, dup := ends[e.ID]; dup {
			continue
		}
		en := side{name: e.Name}
		if j := toGold[i]; j >= 0 {
			en.gold = g.Entities[j].Name
		}
		ends[e.ID] = en
	}
	resolve := func(id string) side {
		if e, ok := ends[id]; ok {
			return e
		}
		return side{name: fmt.Sprintf("<unknown entity ID %q>", id)}
	}

	// Deduplicate predictions on (subject, type, object); symmetric types
	// on the unordered pair, since A MEETS B and B MEETS A are one fact.
	var preds []PredictedRelation
	seen := map[[3]string]bool{}
	for _, r := range x.Relations {
		k := [3]string{r.Subject, string(r.Type), r.Object}
		if r.Type.Symmetric() && k[2] < k[0] {
			k[0], k[2] = k[2], k[0]
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		s, o := resolve(r.Subject), resolve(r.Object)
		preds = append(preds, PredictedRelation{
			Subject: s.name, Type: r.Type, Object: o.name,
			SubjectGold: s.gold, ObjectGold: o.gold,
			Sentence: r.Sentence, Evidence: r.Evidence,
		})
	}

	// Typed relations: candidates are the gold relations of the same type
	// whose alternatives hold the aligned ends (either order when
	// symmetric); a prediction with an unaligned end has none.
	ts := func(t schema.RelationType) *TypeScore {
		s := byType[t]
		if s == nil {
			s = &TypeScore{}
			byType[t] = s
		}
		return s
	}
	for _, r := range g.Relations {
		ts(r.Type).Gold++
	}
	cand := make([][]int, len(preds))
	for i, p := range preds {
		ts(p.Type).Predicted++
		for j, r := range g.Relations {
			if r.Type == p.Type && matchEnds(r.Subject, r.Object, r.Type.Symmetric(), p.SubjectGold, p.ObjectGold) {
				cand[i] = append(cand[i], j)
			}
		}
	}
	m := maxMatching(cand, len(g.Relations))
	goldHit := make([]bool, len(g.Relations))
	for i, p := range preds {
		switch {
		case m[i] >= 0:
			goldHit[m[i]] = true
			a.Relations.TP++
			ts(p.Type).TP++
		case len(cand[i]) > 0:
			// Matches only gold relations matched by other predictions,
			// e.g. through another alternative: neither true nor false.
			a.Redundant = append(a.Redundant, p)
		default:
			a.Relations.FP++
			ts(p.Type).FP++
			a.FalseRelations = append(a.FalseRelations, p)
		}
	}
	for j, hit := range goldHit {
		if !hit {
			a.Relations.FN++
			ts(g.Relations[j].Type).FN++
			a.MissedRelations = append(a.MissedRelations, g.Relations[j])
		}
	}

	a.Pair = scorePairs(g.Relations, preds)

	// Absent: every deduplicated prediction that an absent entry matches.
	// It is already a false positive (or, in a gold file that contradicts
	// itself, a true one); it is not counted again.
	for _, p := range preds {
		for _, ab := range g.Absent {
			if ab.Type == p.Type && matchAbsent(ab, p.SubjectGold, p.ObjectGold) {
				a.Violations = append(a.Violations, Violation{Relation: p, Absent: ab})
				break
			}
		}
	}
	return a
}

// matchEnds reports whether aligned gold names s and o are among the
// subject and object alternatives (either order when symmetric). An empty
// name (an unaligned entity) matches nothing.
func matchEnds(subj, obj Names, symmetric bool, s, o string) bool {
	if s == "" || o == "" {
		return false
	}
	if subj.has(s, false) && obj.has(o, false) {
		return true
	}
	return symmetric && subj.has(o, false) && obj.has(s, false)
}

// scorePairs scores relations with the type ignored: it is the relation
// scoring with the type test taken out, over the same deduplicated
// predictions and the same gold relations. The direction rule is the gold
// relation's: either order when its type is symmetric. Pair counts are
// thus never worse than the typed ones, and the gap between the two is
// exactly the relations found with the wrong type.
//
// Predicted pairs are not deduplicated again across types: the gold often
// holds one pair under two types ("Russia MEETS United States" and
// "[Russia|Russian Foreign Ministry] PROPOSES United States"), and a
// deduplicated pair could match only one of them, so that even a perfect
// extractor would lose pair recall.
func scorePairs(gold []GoldRelation, preds []PredictedRelation) PRF {
	cand := make([][]int, len(preds))
	for i, p := range preds {
		for j, r := range gold {
			if matchEnds(r.Subject, r.Object, r.Type.Symmetric(), p.SubjectGold, p.ObjectGold) {
				cand[i] = append(cand[i], j)
			}
		}
	}
	var s PRF
	for i, j := range maxMatching(cand, len(gold)) {
		switch {
		case j >= 0:
			s.TP++
		case len(cand[i]) == 0:
			s.FP++
		}
	}
	s.FN = len(gold) - s.TP
	return s
}
