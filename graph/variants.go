package graph

import (
	"slices"
	"strings"

	"github.com/kgraph/kg/schema"
)

// VariantKey returns a key under which spellings of one name that differ
// only in transliteration, diacritics, hyphenation, spacing or case
// agree: "Aleksei Navalny", "Alexey Navalnyy" and "Alexei Navalniy" have
// one key, as have "Abdel-Karim", "Abdel Karim", "Abdelkarim" and
// "Abd al-Karim". Names that differ otherwise keep different keys:
// "Ivanov" and "Ivanova", "Smith" and "Smyth", "Sergei" and "Sergio".
//
// The key is the name normalised as schema.NormalizeName does (case and
// diacritics folded, "ł", "ø", "ß", "æ", "œ", "ı", "đ", "þ" spelled out),
// each word rewritten by the rules below, and the words joined without
// spaces. The rules, in order:
//
//   - well-known variants of Arabic name words take one spelling
//     (Mohammed, Mohamed, Muhammad; Hussein, Husain; Gaddafi, Qaddafi,
//     Kadhafi; Yusuf, Youssef; Sheikh, Shaikh; ...), "abdel", "abdul" and
//     "abd al" open a word as "abdal", the particle "el" is "al" and
//     "ibn" is "bin";
//   - digraphs of Latin transliterations are one letter: kh -> h,
//     ph -> f, ou and oo -> u, dzh and dj -> j, tch -> ch, ck -> k,
//     dh -> d, x -> ks, q -> k, and c before a, o or u -> k;
//   - a word-initial j before a vowel, and i before a, o or u, is y
//     ("Julia", "Iulia", "Yulia"); a word-initial ye is e ("Yevgeny",
//     "Evgeny"); iy before a vowel is i ("Mariya", "Maria"); y between a
//     vowel and a consonant is i ("Shoygu", "Shoigu");
//   - doubled letters are single ("Zelenskyy" -> "zelensky");
//   - the endings -iy, -ij, -yj, -ii and -y are -i ("Dmitriy",
//     "Dmitrij", "Dmitry", "Dmitri").
//
// Equal keys say that two names may be spellings of one name, not that
// they name one actor: a resolver joins entities by key only when their
// types agree and the key is unambiguous, as it does for aliases.
func VariantKey(name string) string {
	return strings.Join(variantWords(name), "")
}

// variantWords returns the words of name rewritten by VariantKey's rules.
func variantWords(name string) []string {
	ws := strings.Fields(foldLetters(schema.NormalizeName(name)))
	out := ws[:0]
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w == "abd" && i+1 < len(ws) && (ws[i+1] == "al" || ws[i+1] == "el") {
			// "Abd al-Karim" is "Abdal Karim"
			w = "abdal"
			i++
		}
		out = append(out, variantWord(w))
	}
	return out
}

// foldLetters spells out the Latin letters that Unicode decomposition
// leaves alone.
var foldLetters = strings.NewReplacer("ł", "l", "ø", "o", "ß", "ss", "æ", "ae", "œ", "oe",
	"ı", "i", "đ", "d", "þ", "th", "ð", "d").Replace

// nameWordVariants gives one spelling to well-known variant spellings of
// name words that the general rules do not join (their vowels differ).
// Keys and values are normalised words; values are rewritten by the
// general rules like any word.
var nameWordVariants = func() map[string]string {
	groups := [][]string{
		{"muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mohamad", "muhamad", "mohammud", "mehmed"},
		{"ahmad", "ahmed"},
		{"husain", "hussein", "husein", "hussain", "husayn", "hossein"},
		{"hasan", "hassan", "hasane"},
		{"gaddafi", "qaddafi", "kadhafi", "qadhafi", "gadhafi", "kaddafi", "gadafi", "qadafi"},
		{"muammar", "moammar", "moamar", "muamar"},
		{"yusuf", "youssef", "yousef", "yousif", "yussuf", "yousuf"},
		{"sheikh", "shaikh", "shaykh", "cheikh", "sheik"},
		{"usama", "osama"},
		{"umar", "omar"},
		{"uthman", "othman", "osman", "usman"},
		{"abdullah", "abdallah", "abdulla"},
		{"aleksandr", "alexander", "aleksander", "alexandr"},
		{"al", "el"},
		{"bin", "ibn"},
	}
	m := make(map[string]string)
	for _, g := range groups {
		for _, w := range g[1:] {
			m[w] = g[0]
		}
	}
	return m
}()

// digraphs are rewritten left to right, longest first.
var digraphs = strings.NewReplacer("dzh", "j", "tch", "ch", "kh", "h", "ph", "f", "ou", "u", "oo", "u",
	"dj", "j", "ck", "k", "dh", "d", "x", "ks", "q", "k")

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// variantWord rewrites one normalised word by VariantKey's rules.
func variantWord(w string) string {
	if v, ok := nameWordVariants[w]; ok {
		w = v
	}
	for _, p := range []string{"abdel", "abdul"} {
		if strings.HasPrefix(w, p) {
			w = "abdal" + w[len(p):]
		}
	}
	w = digraphs.Replace(w)
	b := []byte(w)
	// c before a, o, u is k.
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 'c' && (b[i+1] == 'a' || b[i+1] == 'o' || b[i+1] == 'u') {
			b[i] = 'k'
		}
	}
	// Word-initial j or i before a vowel is y; initial ye is e.
	if len(b) >= 2 {
		switch {
		case b[0] == 'j' && isVowel(b[1]):
			b[0] = 'y'
		case b[0] == 'i' && (b[1] == 'a' || b[1] == 'o' || b[1] == 'u'):
			b[0] = 'y'
		}
		if b[0] == 'y' && b[1] == 'e' {
			b = b[1:]
		}
	}
	// iy before a vowel is i; y between a vowel and a consonant is i.
	out := b[:0:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == 'y' && i > 0 && i+1 < len(b) {
			prev, next := b[i-1], b[i+1]
			if prev == 'i' && isVowel(next) {
				continue
			}
			if isVowel(prev) && prev != 'y' && !isVowel(next) {
				c = 'i'
			}
		}
		out = append(out, c)
	}
	// Doubled letters are single.
	b = out[:0]
	for i, c := range out {
		if i == 0 || c != out[i-1] {
			b = append(b, c)
		}
	}
	// Endings -iy, -ij, -yj, -ii (now -i) and -y are -i.
	n := len(b)
	switch {
	case n >= 3 && (b[n-2] == 'i' || b[n-2] == 'y') && (b[n-1] == 'y' || b[n-1] == 'j'):
		b[n-2] = 'i'
		b = b[:n-1]
	case n >= 2 && b[n-1] == 'y':
		b[n-1] = 'i'
	}
	return string(b)
}

// InitialsKey returns the key of a person's name reduced to initials and
// surname: "John Smith", "J. Smith" and "J Smith" give "j smith", "John
// Ronald Smith", "J. R. Smith" and "J.R. Smith" give "j r smith". The surname is
// written as in VariantKey, the initials are the first letters of the
// normalised given names. ok is false for a name of one word.
//
// A name written with initials ("J. Smith") may stand for the one full
// name of the corpus with its InitialsKey, and for no other: a resolver
// joins them only when exactly one full name of the same type has the
// key.
func InitialsKey(name string) (key string, ok bool) {
	ws := initialWords(name)
	for len(ws) > 2 && suffixes[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return "", false
	}
	parts := make([]string, 0, len(ws))
	for _, w := range ws[:len(ws)-1] {
		parts = append(parts, w[:1])
	}
	parts = append(parts, variantWord(ws[len(ws)-1]))
	return strings.Join(parts, " "), true
}

// HasInitials reports whether name is written with initials: two or more
// words, every word but the last a single letter ("J. Smith", "J.R.
// Smith").
func HasInitials(name string) bool {
	ws := initialWords(name)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws[:len(ws)-1] {
		if len([]rune(w)) != 1 {
			return false
		}
	}
	return true
}

// initialWords returns the normalised words of name with dots taken as
// word breaks ("J.R. Smith" is "j r smith").
func initialWords(name string) []string {
	return strings.Fields(foldLetters(schema.NormalizeName(strings.ReplaceAll(name, ".", ". "))))
}

// CountryNames is a country's canonical name and the other names and
// codes that stand for it ("United States": "U.S.", "USA", "America").
type CountryNames struct {
	Name  string
	Forms []string
}

// Countries resolves a country's short forms, codes and other names to
// its canonical name: "USA", "U.S.", "US" and "America" to "United
// States", "UK" and "Britain" to "United Kingdom", "DPRK" to "North
// Korea". Forms match whole, as schema.NormalizeName normalises them
// ("U.S.A." is "USA"): "America" is a form of the United States, "Voice
// of America" and "Latin America" are not forms of anything.
//
// A Countries is safe for concurrent use once built. The zero value
// resolves nothing.
type Countries struct {
	byForm map[string][]string // normalised form -> canonical names, sorted
}

// NewCountries returns the table of the given countries: each resolves
// from its name and each of its forms. A form given for two countries
// ("Congo", "Korea") resolves to both: it is ambiguous.
func NewCountries(cs []CountryNames) *Countries {
	c := &Countries{byForm: make(map[string][]string)}
	for _, cn := range cs {
		for _, f := range append([]string{cn.Name}, cn.Forms...) {
			k := schema.NormalizeName(f)
			if k == "" || slices.Contains(c.byForm[k], cn.Name) {
				continue
			}
			c.byForm[k] = append(c.byForm[k], cn.Name)
			slices.Sort(c.byForm[k])
		}
	}
	return c
}

// Lookup returns the canonical names of the countries that s stands for:
// one when s is a name or form of exactly one country, several when it
// is ambiguous, none when it is not a country's name. The slice is the
// caller's.
func (c *Countries) Lookup(s string) []string {
	if c == nil {
		return nil
	}
	return slices.Clone(c.byForm[schema.NormalizeName(s)])
}
