package graph

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/google/uuid"

	"github.com/kgraph/kg/schema"
)

// Deduper finds the articles that copy earlier ones (reposts and
// rewrites of one wire story), so that a build counts one story once.
// graph/dedup's Index implements it.
//
// A Builder with a Deduper fingerprints each article in its extract
// workers (Fingerprint, stored as Article.Fingerprint), and checks the
// articles in input order in its resolver stage (Check). The relations
// of a copy that its original states too (same subject, type and object)
// become Supports of the original's relations instead of relations of
// their own. Before it starts, the Builder restores the articles its
// sink holds (when the sink is an ArticleLister), so that a resumed or
// appended load finds copies of articles loaded before.
type Deduper interface {
	// Fingerprint returns what the Deduper keeps of an article's text,
	// encoded as text. It is a pure function of text, safe for
	// concurrent use.
	Fingerprint(text string) string
	// Restore adds an article that a store holds, with its fingerprint,
	// as the first article of its story (of empty) or as a copy of the
	// article of (restored before), without testing it.
	Restore(id, fingerprint, of string) error
	// Check adds the article id with its fingerprint and reports whether
	// it copies an article added before, and which. Checking an ID again
	// returns what its first Check returned. It fails on a fingerprint
	// that Fingerprint did not make.
	Check(id, fingerprint string) (Copy, bool, error)
}

// Copy says which earlier article an article copies.
type Copy struct {
	// Of is the ID of the first article of the story.
	Of string
	// Kind is "exact" (the same text once white space and the dateline
	// are set aside) or "near" (a rewrite sharing most of its text).
	Kind string
	// Similarity is the estimated share of text the two have in common,
	// 1 for an exact copy.
	Similarity float64
}

// ArticleLister is implemented by sinks that can list the articles they
// hold (without their texts, with their fingerprints and what they copy),
// so that a Builder's Deduper knows them before a load starts.
type ArticleLister interface {
	Articles(ctx context.Context, yield func(schema.Article) error) error
}

// RelationReader is implemented by sinks that can return the relations
// that articles they hold contribute, so that a copy of an article
// loaded by an earlier build is merged into its relations.
type RelationReader interface {
	// ArticleRelations returns the relations of the given articles (in
	// any order); articles it does not hold have none.
	ArticleRelations(ctx context.Context, articles []string) ([]schema.Relation, error)
}

// relRef is what the resolver stage keeps of a relation of a story's
// first article, to merge the relations of its copies into it: a hash of
// its subject, type and object, its key and its sentence.
type relRef struct {
	sto  uint64
	key  [16]byte
	typ  schema.RelationType
	sent int32
}

// refsOf returns the references of relations.
func refsOf(rels []schema.Relation) []relRef {
	out := make([]relRef, 0, len(rels))
	for _, r := range rels {
		k, err := uuid.Parse(r.Key)
		if err != nil {
			continue // a key kg did not make cannot be matched: never merged into
		}
		out = append(out, relRef{sto: stoHash(r), key: k, typ: r.Type, sent: int32(r.Sentence)})
	}
	slices.SortFunc(out, func(a, b relRef) int {
		return cmp.Or(cmp.Compare(a.sto, b.sto), cmp.Compare(a.sent, b.sent), slices.Compare(a.key[:], b.key[:]))
	})
	return out
}

// stoHash hashes a relation's subject, type and object.
func stoHash(r schema.Relation) uint64 {
	h := fnv.New64a()
	for _, s := range []string{r.Subject, string(r.Type), r.Object} {
		var n [4]byte
		binary.LittleEndian.PutUint32(n[:], uint32(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return h.Sum64()
}

// MergeCopy returns x, a resolved extraction of an article that copies
// another (x.Article.DuplicateOf), with those of its relations that the
// original states too moved to Supports: each relation with the subject,
// type and object of a relation of the original (orig, the original's
// relations) supports that relation, the one of the same sentence when
// there is one (an exact copy), else the first in text order. The
// relations that the original does not state stay the copy's own. x is
// not modified.
func MergeCopy(x schema.Extraction, orig []schema.Relation) schema.Extraction {
	return mergeCopy(x, refsOf(orig))
}

func mergeCopy(x schema.Extraction, orig []relRef) schema.Extraction {
	if x.Article.DuplicateOf == "" || len(orig) == 0 {
		return x
	}
	out := x
	out.Relations = make([]schema.Relation, 0, len(x.Relations))
	out.Supports = slices.Clone(x.Supports)
	seen := make(map[string]bool)
	for _, s := range out.Supports {
		seen[s.Key] = true
	}
	for _, r := range x.Relations {
		h := stoHash(r)
		i, _ := slices.BinarySearchFunc(orig, h, func(a relRef, h uint64) int { return cmp.Compare(a.sto, h) })
		best := -1
		for j := i; j < len(orig) && orig[j].sto == h; j++ {
			if best < 0 || orig[j].sent == int32(r.Sentence) {
				best = j
			}
		}
		if best < 0 {
			out.Relations = append(out.Relations, r)
			continue
		}
		key := uuid.UUID(orig[best].key).String()
		if !seen[key] {
			seen[key] = true
			out.Supports = append(out.Supports, schema.Support{Key: key, Type: orig[best].typ})
		}
	}
	slices.SortFunc(out.Supports, func(a, b schema.Support) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// origins keeps the relation references of the latest originals a build
// loaded, at most max of them: copies follow their story closely, and
// those of older articles are read back from the sink (RelationReader).
type origins struct {
	max   int
	refs  map[string][]relRef
	order []string // article IDs, oldest first
	head  int      // index of the oldest in order
}

func newOrigins(max int) *origins {
	return &origins{max: max, refs: make(map[string][]relRef)}
}

func (o *origins) add(id string, refs []relRef) {
	if _, ok := o.refs[id]; !ok {
		if len(o.order)-o.head >= o.max {
			delete(o.refs, o.order[o.head])
			o.order[o.head] = ""
			o.head++
			if o.head > o.max {
				o.order = slices.Clone(o.order[o.head:])
				o.head = 0
			}
		}
		o.order = append(o.order, id)
	}
	o.refs[id] = refs
}

func (o *origins) get(id string) ([]relRef, bool) {
	r, ok := o.refs[id]
	return r, ok
}

// checkSupports reports the errors of x's Supports (see Validate).
func checkSupports(x schema.Extraction) error {
	if len(x.Supports) > 0 && x.Article.DuplicateOf == "" {
		return fmt.Errorf("%w: article %s supports relations but copies no article", ErrInvalid, x.Article.ID)
	}
	if x.Article.DuplicateOf == x.Article.ID && x.Article.ID != "" {
		return fmt.Errorf("%w: article %s copies itself", ErrInvalid, x.Article.ID)
	}
	for _, s := range x.Supports {
		switch {
		case s.Key == "":
			return fmt.Errorf("%w: article %s: a supported relation has no key", ErrInvalid, x.Article.ID)
		case !s.Type.Valid():
			return fmt.Errorf("%w: article %s: supported relation %s: unknown type %q", ErrInvalid, x.Article.ID, s.Key, s.Type)
		}
	}
	return nil
}
