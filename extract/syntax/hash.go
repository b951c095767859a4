package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of a template number and its values. The
// weight tables are keyed by them.

const (
	hashSeed = 0x9E3779B97F4A7C15
	mulA     = 0xD6E8FEB86659FD93
)

const (
	k1 = 0xFF51AFD7ED558CCD
	k2 = 0xC4CEB9FE1A85EC53
)

func fin(x uint64) uint64 {
	x ^= x >> 31
	x *= mulA
	x ^= x >> 29
	return x
}

func f1(t, a uint64) uint64       { return fin((t*hashSeed ^ a) * k1) }
func f2(t, a, b uint64) uint64    { return fin(((t*hashSeed^a)*k1 ^ b) * k2) }
func f3(t, a, b, c uint64) uint64 { return fin((((t*hashSeed^a)*k1^b)*k2 ^ c) * k1) }
func f4(t, a, b, c, d uint64) uint64 {
	return fin(((((t*hashSeed^a)*k1^b)*k2^c)*k1 ^ d) * k2)
}

// fnv hashes b with FNV-1a.
func fnv(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// fnvString hashes s with FNV-1a.
func fnvString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Shape flags of a word.
const (
	shUpperFirst = 1 << iota
	shAllUpper
	shHasLower
	shHasDigit
	shAllDigit
	shHyphen
	shPeriod
	shOther // a character that is neither letter, digit, hyphen nor period
	shLen1
	shLong // longer than 12 bytes
	shApos
)

// wordInfo holds the per-word values the feature templates combine.
type wordInfo struct {
	norm  uint64 // lower-cased form, digits as 0
	exact uint64 // the form as written
	suf3  uint64 // last three letters of norm
	suf2  uint64
	suf1  uint64
	suf4  uint64
	pre1  uint64 // first letter of norm
	pre2  uint64 // first two letters of norm
	pre3  uint64
	shape uint64
	amb   uint64 // ambiguity class (the tags the word took in training), 0 if unknown
}

// appendLower appends the lower-cased form of w to dst, digits mapped to 0
// when digits is true.
func appendLower(dst []byte, w string, digits bool) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case digits && '1' <= c && c <= '9':
				c = '0'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, c)
		} else {
			switch r {
			case '’', '‘':
				r = '\''
			case '“', '”':
				r = '"'
			case '–', '—':
				r = '-'
			default:
				r = unicode.ToLower(r)
			}
			dst = utf8.AppendRune(dst, r)
		}
		i += n
	}
	return dst
}

// isLower reports whether w has no upper-case letter and no byte that
// appendLower would change (so w is its own lower-case form).
func isLower(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			return false
		}
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				if unicode.IsUpper(r) || r == utf8.RuneError || r == '’' || r == '‘' || r == '“' || r == '”' || r == '–' || r == '—' {
					return false
				}
			}
			return true
		}
	}
	return true
}

// suffix returns the last n runes of b (all of b when shorter).
func suffix(b []byte, n int) []byte {
	i := len(b)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRune(b[:i])
		i -= sz
	}
	return b[i:]
}

// prefix returns the first n runes of b.
func prefix(b []byte, n int) []byte {
	i := 0
	for k := 0; k < n && i < len(b); k++ {
		_, sz := utf8.DecodeRune(b[i:])
		i += sz
	}
	return b[:i]
}

// shapeOf returns the shape flags of w.
func shapeOf(w string) uint64 {
	var f uint64
	letters, upper, digits := 0, 0, 0
	n := 0
	for i, r := range w {
		n++
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			if i == 0 {
				f |= shUpperFirst
			}
		case unicode.IsLetter(r):
			letters++
			f |= shHasLower
		case '0' <= r && r <= '9':
			digits++
		case r == '-' || r == '–' || r == '—':
			f |= shHyphen
		case r == '.':
			f |= shPeriod
		case r == '\'' || r == '’':
			f |= shApos
		default:
			f |= shOther
		}
	}
	if upper > 0 && upper == letters && letters > 1 {
		f |= shAllUpper
	}
	if digits > 0 {
		f |= shHasDigit
		if digits == n {
			f |= shAllDigit
		}
	}
	if n == 1 {
		f |= shLen1
	}
	if len(w) > 12 {
		f |= shLong
	}
	return f
}

// fillInfo computes the wordInfo of each word; scratch is reused.
func fillInfo(words []string, info []wordInfo, scratch []byte) []byte {
	for i, w := range words {
		scratch = appendLower(scratch[:0], w, true)
		in := &info[i]
		in.norm = fnv(scratch)
		in.exact = fnvString(w)
		in.suf3 = fnv(suffix(scratch, 3))
		in.suf2 = fnv(suffix(scratch, 2))
		in.suf1 = fnv(suffix(scratch, 1))
		in.pre2 = fnv(prefix(scratch, 2))
		in.suf4 = fnv(suffix(scratch, 4))
		in.pre1 = fnv(prefix(scratch, 1))
		in.pre3 = fnv(prefix(scratch, 3))
		in.shape = shapeOf(w)
	}
	return scratch
}
