package dedup

import (
	"encoding/base64"
	"fmt"

	"github.com/kgraph/kg/graph"
)

// The Index is the Deduper of a build pipeline.
var _ graph.Deduper = (*Index)(nil)

// Fingerprint returns the fingerprint of text (Sketch) encoded as text:
// its MarshalBinary in base64, at most 372 characters. A store keeps it
// as Article.Fingerprint.
func (x *Index) Fingerprint(text string) string {
	b, _ := Sketch(text).MarshalBinary() // never fails
	return base64.StdEncoding.EncodeToString(b)
}

// decode decodes what Fingerprint encoded.
func decode(fp string) (Fingerprint, error) {
	b, err := base64.StdEncoding.DecodeString(fp)
	if err != nil {
		return Fingerprint{}, fmt.Errorf("%w: %w", ErrFingerprint, err)
	}
	var f Fingerprint
	if err := f.UnmarshalBinary(b); err != nil {
		return Fingerprint{}, err
	}
	return f, nil
}

// Check adds the article id with its encoded fingerprint (see
// AddFingerprint) and reports whether it copies an earlier article: the
// first article of the story, how, and how similar to the article it
// resembles most.
func (x *Index) Check(id, fingerprint string) (graph.Copy, bool, error) {
	f, err := decode(fingerprint)
	if err != nil {
		return graph.Copy{}, false, err
	}
	m, ok := x.AddFingerprint(id, f)
	if !ok {
		return graph.Copy{}, false, nil
	}
	return graph.Copy{Of: m.Of, Kind: m.Kind.String(), Similarity: m.Similarity}, true, nil
}

// Restore adds an article as a store holds it, with its encoded
// fingerprint: as the first article of its story when of is empty (or an
// article the Index does not hold), else as a copy of the story of of,
// without looking for candidates. Its signature joins the band index, so
// that later copies find it as they would have when it was added. The
// similarity of a restored near copy is not known: Check of its ID again
// reports 0. Restoring an ID again adds nothing.
func (x *Index) Restore(id, fingerprint, of string) error {
	f, err := decode(fingerprint)
	if err != nil {
		return err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if _, ok := x.byID[id]; ok {
		return nil
	}
	i := int32(len(x.entries))
	e := entry{id: id, root: i, nearest: -1}
	if j, ok := x.byID[of]; ok && of != "" {
		e.root, e.nearest, e.kind = x.entries[j].root, j, Near
		if _, same := x.byBody[f.body]; same {
			e.kind, e.sim = Exact, 1
		}
	}
	if _, ok := x.byBody[f.body]; !ok {
		x.byBody[f.body] = i
	}
	x.entries = append(x.entries, e)
	x.byID[id] = i
	if len(f.sig) == numHashes && e.kind != Exact {
		x.index(f.sig)
		x.signed = append(x.signed, i)
		x.sigs = append(x.sigs, f.sig...)
	}
	return nil
}

// index adds sig, the signature of the next signed entry, to the band
// buckets that are not full, as probe does.
func (x *Index) index(sig []uint16) {
	s := int32(len(x.signed))
	for b := range bands {
		k := bandKey(sig, b)
		bk, ok := x.buckets[k]
		if !ok {
			bk.head = -1
		}
		if bk.n >= maxBucket {
			x.next = append(x.next, -1) // keeps slots aligned; never linked
			continue
		}
		x.next = append(x.next, bk.head)
		bk.head, bk.n = s*bands+int32(b), bk.n+1
		x.buckets[k] = bk
	}
}
