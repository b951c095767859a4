package schema

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Invisible reports whether r is a default-ignorable code point: a
// character that renders as nothing (zero-width space and joiners, soft
// hyphen, bidirectional embeddings, overrides and isolates, variation
// selectors, tags, the byte order mark). Inside a name it splits or hides
// the name; in a terminal or a viewer it can reorder what is shown
// (U+202E shows the rest of a line backwards). The extractor removes such
// characters before reading a text, and kg's tables and exports escape
// them (EscapeInvisible).
func Invisible(r rune) bool {
	if r < 0xAD {
		return false
	}
	switch {
	case r == 0xAD, r == 0x34F, r == 0x61C, r == 0x115F, r == 0x1160, r == 0x17B4, r == 0x17B5,
		r >= 0x180B && r <= 0x180F, r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x206F, r == 0x3164, r >= 0xFE00 && r <= 0xFE0F, r == 0xFEFF,
		r == 0xFFA0, r >= 0xFFF0 && r <= 0xFFF8, r >= 0x1BCA0 && r <= 0x1BCA3,
		r >= 0x1D173 && r <= 0x1D17A, r >= 0xE0000 && r <= 0xE0FFF:
		return true
	}
	return unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// HasInvisible reports whether s holds an invisible character (see
// Invisible).
func HasInvisible(s string) bool {
	return strings.IndexFunc(s, Invisible) >= 0
}

// EscapeInvisible returns s with every invisible character (see
// Invisible) written as the escape a Go string literal has for it, \u202e
// or \U000e0041, as kg's rejects print characters that are not
// printable: what a terminal or a viewer shows is then what the text
// holds. Other characters are left as they are.
func EscapeInvisible(s string) string {
	if !HasInvisible(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		if Invisible(r) {
			b.WriteString(RuneEscape(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// RuneEscape returns r as a Go escape: \u and four lower-case hex digits,
// or \U and eight above U+FFFF.
func RuneEscape(r rune) string {
	if r <= 0xFFFF {
		h := strconv.FormatInt(int64(r), 16)
		return `\u` + strings.Repeat("0", 4-len(h)) + h
	}
	h := strconv.FormatInt(int64(r), 16)
	return `\U` + strings.Repeat("0", max(8-len(h), 0)) + h
}

// EscapeInvisibleJSON returns JSON text with every invisible character
// (see Invisible), which encoding/json writes as it is, written as a JSON
// escape instead (\u202e; a surrogate pair above U+FFFF): the JSON
// decodes to the same values, and holds no character that reorders or
// hides what a terminal or an editor shows of it. Invisible characters
// are never JSON syntax, so only strings change. When there is none,
// data is returned as it is.
func EscapeInvisibleJSON(data []byte) []byte {
	if !bytes.ContainsFunc(data, Invisible) {
		return data
	}
	out := make([]byte, 0, len(data)+32)
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if !Invisible(r) {
			out = append(out, data[:n]...)
			data = data[n:]
			continue
		}
		data = data[n:]
		if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
			out = append(out, jsonEscape(r1)...)
			out = append(out, jsonEscape(r2)...)
			continue
		}
		out = append(out, jsonEscape(r)...)
	}
	return out
}

// jsonEscape returns \u and the four lower-case hex digits of r (at most
// U+FFFF).
func jsonEscape(r rune) string {
	h := strconv.FormatInt(int64(r), 16)
	return `\u` + strings.Repeat("0", 4-len(h)) + h
}
