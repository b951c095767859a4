package guard

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the kind of a token.
type kind uint8

const (
	// word is a maximal run of identifier characters: a keyword, an
	// identifier, a number (Neo4j's numbers swallow the identifier
	// characters that follow their digits) or a parameter ($name).
	word kind = iota
	// quoted is a backtick-quoted name; its text is the name unquoted.
	quoted
	// str is a string literal, quotes included.
	str
	// punct is any other character, one rune a token.
	punct
)

// token is one token of a query: its kind, its text and the byte offset
// of its first character.
type token struct {
	kind kind
	text string
	pos  int
}

// lexError is a query that cannot be split into tokens: an unterminated
// string, quoted name or comment.
type lexError struct {
	what string
	pos  int
}

func (e *lexError) Error() string { return fmt.Sprintf("unterminated %s", e.what) }

// lex splits a query into tokens the way Neo4j 5's lexer does, dropping
// white space and comments. It differs from Neo4j's only towards caution:
// a few characters that Neo4j counts as parts of identifiers (some
// control characters and spaces that Go's unicode.IsSpace knows) end a
// word here, so a keyword Neo4j would read as part of a longer name may
// be seen as a keyword, never the reverse.
//
// Strings are '...' or "..." where a backslash escapes any character,
// names are between backticks (a doubled backtick stands for one),
// comments run from // to the end of the line or from /* to */ (they do
// not nest). An unterminated string, name or comment is
// a *lexError: Neo4j would reject the query, and what it would execute
// instead cannot be known.
func lex(q string) ([]token, error) {
	var toks []token
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		switch {
		case isSpace(r):
			i += n
		case r == '/' && i+1 < len(q) && q[i+1] == '/':
			j := i + 2
			for j < len(q) && q[j] != '\n' && q[j] != '\r' {
				j++
			}
			i = j
		case r == '/' && i+1 < len(q) && q[i+1] == '*':
			end := strings.Index(q[i+2:], "*/")
			if end < 0 {
				return toks, &lexError{"comment /*", i}
			}
			i += 2 + end + 2
		case r == '\'' || r == '"':
			j := i + 1
			for {
				if j >= len(q) {
					return toks, &lexError{"string", i}
				}
				c := q[j]
				if c == '\\' {
					// Any character follows a backslash; skipping its
					// first byte is enough, the rest are continuation
					// bytes that never equal a quote.
					j += 2
					continue
				}
				j++
				if c == byte(r) {
					break
				}
			}
			toks = append(toks, token{str, q[i:j], i})
			i = j
		case r == '`':
			j := i + 1
			var name []byte
			for {
				if j >= len(q) {
					return toks, &lexError{"quoted name", i}
				}
				if q[j] == '`' {
					if j+1 < len(q) && q[j+1] == '`' {
						name = append(name, '`')
						j += 2
						continue
					}
					j++
					break
				}
				name = append(name, q[j])
				j++
			}
			toks = append(toks, token{quoted, string(name), i})
			i = j
		case isWordRune(r):
			j := i + n
			for j < len(q) {
				r, n := utf8.DecodeRuneInString(q[j:])
				if !isWordRune(r) {
					break
				}
				j += n
			}
			toks = append(toks, token{word, q[i:j], i})
			i = j
		default:
			toks = append(toks, token{punct, q[i : i+n], i})
			i += n
		}
	}
	return toks, nil
}

// isSpace reports whether r separates tokens: Neo4j's white space (its
// lexer's SPACE rule) and whatever else Go counts as space.
func isSpace(r rune) bool {
	switch {
	case r == ' ', r == '\t', r == '\n', r == '\v', r == '\f', r == '\r':
		return true
	case r >= 0x1C && r <= 0x1F: // file, group, record and unit separators
		return true
	}
	return unicode.IsSpace(r)
}

// isWordRune reports whether r can be part of a word: the characters of
// Neo4j's identifiers (letters, marks, digits, connector punctuation such
// as _, currency signs such as $, and the format and control characters
// Java ignores in identifiers), less white space.
func isWordRune(r rune) bool {
	if r == utf8.RuneError || isSpace(r) {
		return false
	}
	return r == '_' || r == '$' ||
		unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc, unicode.Sc, unicode.Cf, unicode.Cc)
}
