package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// namespace is the UUIDv5 namespace of every kg identifier.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("kg:knowledge-graph"))

// NormalizeName folds a name for identity: Unicode NFKD with marks removed,
// lower case, punctuation dropped, runs of space folded, "the " dropped at
// the start. "the United States", "United States" and "UNITED STATES" agree.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	folded := s
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			folded = norm.NFKD.String(s)
			break
		}
	}
	for _, r := range folded {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
			// Apostrophes and dots join: "People's", "U.S." -> "us".
		default:
			space = true
		}
	}
	out := b.String()
	return strings.TrimPrefix(out, "the ")
}

// EntityID is the deterministic ID of the entity of type t whose canonical
// name is name.
func EntityID(t EntityType, name string) string {
	return uuid.NewSHA1(namespace, []byte("entity\x00"+string(t)+"\x00"+NormalizeName(name))).String()
}

// ArticleID is the deterministic ID of an article: from the reference the
// input gave, else from the hash of its text.
func ArticleID(ref, text string) string {
	if ref != "" {
		return uuid.NewSHA1(namespace, []byte("article\x00"+ref)).String()
	}
	return uuid.NewSHA1(namespace, []byte("article-sha256\x00"+TextHash(text))).String()
}

// Identify returns a ready for extraction and storage: its text valid
// UTF-8 (invalid bytes replaced by U+FFFD, which also drops a SHA256 given
// with the text: it was the hash of other bytes), and its SHA256 and ID,
// when empty, set to TextHash and ArticleID of that text. Offsets into the
// text are offsets into the text Identify returns. The build pipeline
// identifies every article before extraction, so that the store can be
// asked whether it holds one already; an extractor called directly
// identifies the article itself, and Identify of an identified article
// changes nothing.
func Identify(a Article) Article {
	if !utf8.ValidString(a.Text) {
		a.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
		a.SHA256 = ""
	}
	if a.SHA256 == "" {
		a.SHA256 = TextHash(a.Text)
	}
	if a.ID == "" {
		a.ID = ArticleID(a.Ref, a.Text)
	}
	return a
}

// TextHash is the hex SHA-256 of an article's text.
func TextHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// RelationKey is the deterministic key of a relation: article, sentence,
// subject, type, object.
func RelationKey(article string, sentence int, subject string, t RelationType, object string) string {
	return uuid.NewSHA1(namespace, []byte("relation\x00"+article+"\x00"+strconv.Itoa(sentence)+"\x00"+subject+"\x00"+string(t)+"\x00"+object)).String()
}
