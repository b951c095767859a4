package schema

// Article is one news article as read from the input.
type Article struct {
	// ID is the article's deterministic identifier (see ArticleID).
	ID string `json:"id"`
	// Ref is the identifier the input gave (a file name, a JSON id field).
	Ref       string `json:"ref,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	URL       string `json:"url,omitempty"`
	// Place is the dateline's place, when the text has one.
	Place string `json:"place,omitempty"`
	// SHA256 is the hex digest of Text.
	SHA256 string `json:"sha256,omitempty"`
	Text   string `json:"text"`
	// Fingerprint is what the build pipeline keeps of the text to find
	// copies of the article among later ones (graph/dedup's Fingerprint,
	// base64): stored with the article, so that a later load finds
	// copies of it without its text.
	Fingerprint string `json:"fingerprint,omitempty"`
	// DuplicateOf is the ID of the first article of the story when the
	// article is a copy of an earlier one (a repost or a rewrite of one
	// wire story); its relations that the first article states too are
	// counted there (see Extraction.Supports). Duplicate says how it
	// copies ("exact" or "near") and Similarity how much (1 for an
	// exact copy).
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Duplicate   string  `json:"duplicate,omitempty"`
	Similarity  float64 `json:"similarity,omitempty"`
}

// Span is a half-open range [Start, End) of byte offsets into an article's
// text. Offsets always fall on UTF-8 rune boundaries.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity is an actor: a person, organization, state, place or bloc.
type Entity struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases,omitempty"`
	// Mentions are the entity's mentions in the article text; empty on
	// entities merged across a corpus.
	Mentions []Span `json:"mentions,omitempty"`
	// Count is the number of mentions (across articles in a merged graph).
	Count int `json:"count,omitempty"`
}

// Relation is one typed, directed edge between two entities, with the
// sentence that states it.
type Relation struct {
	Key     string       `json:"key"`
	Type    RelationType `json:"type"`
	Subject string       `json:"subject"` // entity ID
	Object  string       `json:"object"`  // entity ID
	Article string       `json:"article"` // article ID
	// Sentence is the index of the evidence sentence in the article.
	Sentence int    `json:"sentence"`
	Evidence string `json:"evidence"`
	// Start and End are the byte offsets of the evidence in the article text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Date is the relation's date, YYYY-MM-DD, YYYY-MM or YYYY as
	// DatePrecision says: the event's when its sentence names it
	// (DateSource DateEvent), else the publication date of its article
	// (DateSource DateArticle); empty when neither is known.
	Date string `json:"date,omitempty"`
	// DateSource says whose date Date is: DateEvent or DateArticle. It is
	// empty when Date is (and in graphs written before kg recorded it,
	// where a Date is always the event's).
	DateSource string `json:"date_source,omitempty"`
	// DatePrecision is how much of the date is known: "year", "month",
	// "week" (Date is then the week's Monday) or "day".
	DatePrecision string `json:"date_precision,omitempty"`
	// Tense is TenseFuture for planned events (a sentence in the future,
	// or an event dated after its article), empty otherwise.
	Tense      string  `json:"tense,omitempty"`
	Confidence float64 `json:"confidence"`
	CAMEO      string  `json:"cameo,omitempty"`
	// Role is the title held, for HOLDS_ROLE.
	Role string `json:"role,omitempty"`
	// Support is the number of articles that state the relation in a
	// store: its own, and the copies of it (see Article.DuplicateOf) whose
	// relations of the same subject, type and object were merged into
	// it. It is 0 (meaning 1) for a relation that no copy states, and in
	// extractions.
	Support int `json:"support,omitempty"`
	// Copies are the IDs of those copies, sorted; FirstReported and
	// LastReported the earliest and latest publication dates among the
	// articles that state it. All are empty when no copy states it.
	Copies        []string `json:"copies,omitempty"`
	FirstReported string   `json:"first_reported,omitempty"`
	LastReported  string   `json:"last_reported,omitempty"`
}

// Values of Relation.DateSource and Relation.Tense.
const (
	// DateEvent: the sentence names the event's date.
	DateEvent = "event"
	// DateArticle: the date is the article's publication date.
	DateArticle = "article"
	// TenseFuture marks a planned event.
	TenseFuture = "future"
)

// Supported returns the number of articles that state r: Support, and at
// least 1.
func (r Relation) Supported() int { return max(r.Support, 1) }

// Support says that an article which copies an earlier one (its
// Article.DuplicateOf) states a relation of that article: the relation
// Key of type Type. The build pipeline puts a copy's relations that its
// original states too (same subject, type and object) here instead of
// among its own relations, so that one story is counted once and each
// relation knows every article that states it.
type Support struct {
	Key  string       `json:"key"`
	Type RelationType `json:"type"`
}

// Extraction is what the extractor finds in one article. It is also the
// interchange format between `kg extract` and `kg load` (one JSON object a
// line).
type Extraction struct {
	Article   Article    `json:"article"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	// Supports are the relations of the article's original that it
	// states too, when it is a copy (set by the build pipeline, never by
	// an extractor).
	Supports []Support `json:"supports,omitempty"`
}

// Entity returns the entity with the given ID, if the extraction has it.
func (x *Extraction) Entity(id string) (Entity, bool) {
	for _, e := range x.Entities {
		if e.ID == id {
			return e, true
		}
	}
	return Entity{}, false
}
