package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// invisible reports whether r is a default-ignorable code point: a
// character that renders as nothing (zero-width space and joiners, soft
// hyphen, bidirectional embeddings, overrides and isolates, variation
// selectors, tags, the byte order mark). Inside a name it splits or hides
// the name; in a terminal it can reorder what is shown.
func invisible(r rune) bool {
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

// HasInvisible reports whether s holds a default-ignorable code point (see
// EscapeInvisible).
func HasInvisible(s string) bool {
	for _, r := range s {
		if invisible(r) {
			return true
		}
	}
	return false
}

// EscapeInvisible returns s with every default-ignorable code point
// (zero-width characters, bidirectional controls such as U+202E) written
// as \u{XXXX}, so that what a terminal or a viewer shows is what the text
// holds.
func EscapeInvisible(s string) string {
	if !HasInvisible(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if invisible(r) {
			fmt.Fprintf(&b, `\u{%04X}`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// folded is an article text with its invisible characters removed, and
// the way back to offsets of the original.
type folded struct {
	text string
	// orig maps a byte offset of text to the byte offset of the original;
	// nil when nothing was removed (the offsets are the same).
	orig []int
}

// foldInvisible removes the default-ignorable code points of s. Offsets
// into the result map back to s through (folded).origin.
func foldInvisible(s string) folded {
	if !HasInvisible(s) {
		return folded{text: s}
	}
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if invisible(r) {
			i += w
			continue
		}
		for k := 0; k < w; k++ {
			orig = append(orig, i+k)
		}
		b.WriteString(s[i : i+w])
		i += w
	}
	orig = append(orig, len(s))
	return folded{text: b.String(), orig: orig}
}

// start maps the start offset of a span of the folded text to the
// original: the first byte of the same character.
func (f folded) start(i int) int {
	if f.orig == nil {
		return i
	}
	return f.orig[i]
}

// end maps the end offset of a span of the folded text to the original:
// just after the span's last character, so that invisible characters
// inside the span stay inside and those after it stay out.
func (f folded) end(i int) int {
	if f.orig == nil || i == 0 {
		return f.start(i)
	}
	// the byte after the last byte of the span's last character
	return f.orig[i-1] + 1
}
