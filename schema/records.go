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
	// Date is the event's date (YYYY-MM-DD, or YYYY-MM), when known.
	Date string `json:"date,omitempty"`
	// Tense is "future" for planned events, empty otherwise.
	Tense      string  `json:"tense,omitempty"`
	Confidence float64 `json:"confidence"`
	CAMEO      string  `json:"cameo,omitempty"`
	// Role is the title held, for HOLDS_ROLE.
	Role string `json:"role,omitempty"`
}

// Extraction is what the extractor finds in one article. It is also the
// interchange format between `kg extract` and `kg load` (one JSON object a
// line).
type Extraction struct {
	Article   Article    `json:"article"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
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
