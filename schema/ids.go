package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

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
