package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
)

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
	if !schema.HasInvisible(s) {
		return folded{text: s}
	}
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if schema.Invisible(r) {
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
