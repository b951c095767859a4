// Package extract turns a news article into a schema.Extraction: the actors
// it names (people, organizations, states, places, blocs) and what they do to
// each other, each relation with its evidence sentence, offsets, date and
// confidence. It is pure and deterministic, does no I/O, and carries its data
// (gazetteer, titles, cue lexicons) embedded.
package extract

import (
	"kg/schema"
)

// Options configure an Extractor. The zero value uses the embedded data.
type Options struct {
	// Gazetteer adds entries to the embedded gazetteer (see ParseGazetteer).
	Gazetteer []GazEntry
}

// Extractor extracts entities and relations from articles. It is safe for
// concurrent use once built.
type Extractor struct {
	opts Options
}

// New builds an Extractor.
func New(opts Options) (*Extractor, error) {
	return &Extractor{opts: opts}, nil
}

// Extract returns what the extractor finds in article a. It fills the
// article's ID and SHA256 when they are empty and its dateline metadata
// (place, source, date) when the text has a dateline and the fields are
// empty.
func (x *Extractor) Extract(a schema.Article) schema.Extraction {
	if a.SHA256 == "" {
		a.SHA256 = schema.TextHash(a.Text)
	}
	if a.ID == "" {
		a.ID = schema.ArticleID(a.Ref, a.Text)
	}
	return schema.Extraction{Article: a, Entities: []schema.Entity{}, Relations: []schema.Relation{}}
}
