package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/kgraph/kg/schema"
)

// PRF counts true positives, false positives and false negatives. Its JSON
// form is {"p", "r", "f1"}, rounded to 4 decimals.
type PRF struct {
	TP, FP, FN int
}

func (s *PRF) add(o PRF) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
}

// P is the precision, TP/(TP+FP), or 0 when nothing counts.
func (s PRF) P() float64 { return ratio(s.TP, s.TP+s.FP) }

// R is the recall, TP/(TP+FN), or 0 when nothing counts.
func (s PRF) R() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of P and R, or 0 when both are 0.
func (s PRF) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ratio is n/d, defined as 0 when d is 0 (also for 0/0: an empty set
// scores 0, never 1).
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// rounded is a float that encodes to JSON with at most 4 decimals.
type rounded float64

func (f rounded) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, math.Round(float64(f)*1e4)/1e4, 'f', -1, 64), nil
}

// MarshalJSON writes {"p", "r", "f1"}.
func (s PRF) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		P  rounded `json:"p"`
		R  rounded `json:"r"`
		F1 rounded `json:"f1"`
	}{rounded(s.P()), rounded(s.R()), rounded(s.F1())})
}

// TypeScore is the score of one relation type. Gold counts the gold
// relations of the type, Predicted the deduplicated predictions; a
// prediction that only matches gold relations matched by others is in
// Predicted but neither in TP nor in FP.
type TypeScore struct {
	PRF
	Gold      int
	Predicted int
}

// MarshalJSON writes {"p", "r", "f1", "gold", "predicted"}.
func (s TypeScore) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		P         rounded `json:"p"`
		R         rounded `json:"r"`
		F1        rounded `json:"f1"`
		Gold      int     `json:"gold"`
		Predicted int     `json:"predicted"`
	}{rounded(s.P()), rounded(s.R()), rounded(s.F1()), s.Gold, s.Predicted})
}

// EntityScores are the entity scores, with and without the type.
type EntityScores struct {
	Typed   PRF `json:"typed"`
	Untyped PRF `json:"untyped"`
}

// RelationScores are the relation scores: over all types, ignoring the
// type ("pair"), and per type. ByType holds every type with gold or
// predicted relations.
type RelationScores struct {
	Overall PRF                               `json:"overall"`
	Pair    PRF                               `json:"pair"`
	ByType  map[schema.RelationType]TypeScore `json:"by_type"`
}

// Report is the result of Score: micro-averaged scores over a gold set and,
// outside its JSON form, the per-article details. The zero value is an
// empty report.
type Report struct {
	Articles         int            `json:"articles"`
	Entities         EntityScores   `json:"entities"`
	Relations        RelationScores `json:"relations"`
	AbsentViolations int            `json:"absent_violations"`
	// Details holds one entry per gold article, in input order.
	Details []ArticleReport `json:"-"`
}

// ArticleReport is what one article scored and where it went wrong.
type ArticleReport struct {
	ID   string
	File string

	Entities  EntityScores
	Relations PRF // all types
	Pair      PRF // type ignored

	// MissedEntities are gold entities no predicted entity aligns to.
	MissedEntities []GoldEntity
	// FalseEntities are predicted entities aligned to no gold entity.
	FalseEntities []EntityRef
	// TypeMismatches are aligned entities whose types differ.
	TypeMismatches []TypeMismatch
	// MissedRelations are gold relations no prediction matched.
	MissedRelations []GoldRelation
	// FalseRelations are deduplicated predictions that match no gold
	// relation.
	FalseRelations []PredictedRelation
	// Redundant are predictions that match only gold relations already
	// matched by others (another alternative): neither true nor false.
	Redundant []PredictedRelation
	// Violations are predictions that an absent entry matches.
	Violations []Violation
}

// EntityRef is a predicted entity's name and type.
type EntityRef struct {
	Name string
	Type schema.EntityType
}

// TypeMismatch is a predicted entity aligned to a gold entity of another
// type.
type TypeMismatch struct {
	Gold      GoldEntity
	Predicted EntityRef
}

// PredictedRelation is a predicted relation by the names of its ends.
type PredictedRelation struct {
	// Subject and Object are the predicted entities' names, or
	// `<unknown entity ID "...">` when the extraction has no entity with
	// that ID.
	Subject string
	Type    schema.RelationType
	Object  string
	// SubjectGold and ObjectGold name the gold entities the ends are
	// aligned to; empty when unaligned.
	SubjectGold string
	ObjectGold  string
	Sentence    int
	Evidence    string
}

func (p PredictedRelation) String() string {
	return end(p.Subject, p.SubjectGold) + " " + string(p.Type) + " " + end(p.Object, p.ObjectGold)
}

// end writes a predicted entity's name, with the gold name it stands for
// when that differs, or a mark when it stands for none.
func end(name, gold string) string {
	switch {
	case gold == "" && strings.HasPrefix(name, "<unknown entity ID"):
		return name
	case gold == "":
		return name + " (no gold entity)"
	case gold == name:
		return name
	}
	return name + " (= " + gold + ")"
}

// Violation is a prediction that an absent entry forbids.
type Violation struct {
	Relation PredictedRelation
	Absent   GoldAbsent
}

// WriteJSON writes the report's scores as indented JSON; by_type keys are
// sorted, so the same report always gives the same bytes.
func (r Report) WriteJSON(w io.Writer) error {
	if r.Relations.ByType == nil {
		r.Relations.ByType = map[schema.RelationType]TypeScore{}
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// WriteTable writes the scores as an aligned text table: entities, relations
// overall and by pair, one row per relation type, and the absent
// violations.
func (r Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\n", r.Articles)
	fmt.Fprintf(tw, "\tgold\tpredicted\tP\tR\tF1\n")
	row := func(name string, gold, predicted int, s PRF) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f\n", name, gold, predicted, s.P(), s.R(), s.F1())
	}
	counts := func(s PRF) (int, int) { return s.TP + s.FN, s.TP + s.FP }
	g, p := counts(r.Entities.Untyped)
	row("entities typed", g, p, r.Entities.Typed)
	row("entities untyped", g, p, r.Entities.Untyped)
	total := TypeScore{}
	for _, s := range r.Relations.ByType {
		total.Gold += s.Gold
		total.Predicted += s.Predicted
	}
	row("relations", total.Gold, total.Predicted, r.Relations.Overall)
	g, p = counts(r.Relations.Pair)
	row("relations pair", g, p, r.Relations.Pair)
	for _, t := range sortedTypes(r.Relations.ByType) {
		s := r.Relations.ByType[t]
		row("  "+string(t), s.Gold, s.Predicted, s.PRF)
	}
	fmt.Fprintf(tw, "absent violations\t%d\n", r.AbsentViolations)
	return tw.Flush()
}

func sortedTypes(m map[schema.RelationType]TypeScore) []schema.RelationType {
	ts := make([]schema.RelationType, 0, len(m))
	for t := range m {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	return ts
}

// WriteVerbose writes, per article, its scores and every miss and false
// positive: entities, type mismatches, relations with their evidence, and
// absent violations.
func (r Report) WriteVerbose(w io.Writer) error {
	ew := &errWriter{w: w}
	for i, a := range r.Details {
		if i > 0 {
			ew.printf("\n")
		}
		ew.printf("== %s\n", a.ID)
		ew.printf("entities typed %s  untyped %s  relations %s  pair %s\n",
			brief(a.Entities.Typed), brief(a.Entities.Untyped), brief(a.Relations), brief(a.Pair))
		for _, e := range a.MissedEntities {
			ew.printf("  missed entity     %s (%s)\n", e.Name, e.Type)
		}
		for _, e := range a.FalseEntities {
			ew.printf("  false entity      %s (%s)\n", e.Name, e.Type)
		}
		for _, m := range a.TypeMismatches {
			ew.printf("  wrong type        %s: %s, gold %s (%s)\n", m.Predicted.Name, m.Predicted.Type, m.Gold.Type, m.Gold.Name)
		}
		for _, g := range a.MissedRelations {
			ew.printf("  missed relation   %s\n", g)
		}
		for _, p := range a.FalseRelations {
			ew.printf("  false relation    %s\n", p)
			if p.Evidence != "" {
				ew.printf("                    %q\n", p.Evidence)
			}
		}
		for _, p := range a.Redundant {
			ew.printf("  redundant         %s (its gold relation is matched already)\n", p)
		}
		for _, v := range a.Violations {
			ew.printf("  absent violated   %s (absent: %s)\n", v.Relation, v.Absent)
			if v.Relation.Evidence != "" {
				ew.printf("                    %q\n", v.Relation.Evidence)
			}
		}
	}
	return ew.err
}

// brief writes a score as "F1 (tp/gold, tp/predicted)".
func brief(s PRF) string {
	return fmt.Sprintf("%.2f (%d/%d, %d/%d)", s.F1(), s.TP, s.TP+s.FN, s.TP, s.TP+s.FP)
}

// errWriter keeps the first write error and drops later writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}
