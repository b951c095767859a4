package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"unicode"
)

func TestEscapeInvisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain café", "plain café"},
		{"a\u202eb\u200bc", `a\u202eb\u200bc`},
		{"Pu\u200btin", `Pu\u200btin`},
		{"\u2066x\u2069", `\u2066x\u2069`},
		{"soft\u00adhyphen", `soft\u00adhyphen`},
		{"tag\U000E0041", `tag\U000e0041`},
		{"bom\ufeff", `bom\ufeff`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := EscapeInvisible(tt.in); got != tt.want {
			t.Errorf("EscapeInvisible(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if HasInvisible(tt.in) != (tt.in != tt.want) {
			t.Errorf("HasInvisible(%q) = %v", tt.in, HasInvisible(tt.in))
		}
	}
}

// The escape is the one strconv.Quote writes (the rejects' form) for
// every invisible character that Go does not count as printable.
func TestRuneEscapeIsGos(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !Invisible(r) || strconv.IsPrint(r) {
			continue
		}
		q := strconv.QuoteRune(r)
		if got := RuneEscape(r); got != q[1:len(q)-1] {
			t.Fatalf("RuneEscape(%U) = %s, strconv.QuoteRune = %s", r, got, q)
		}
		n++
	}
	if n < 100 {
		t.Errorf("only %d invisible characters compared", n)
	}
}

// The zero-width and bidirectional controls are invisible; letters,
// spaces and line separators are not.
func TestInvisibleSet(t *testing.T) {
	for _, r := range []rune{'\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2060', '\ufeff', '\u00ad', '\u061c', '\ufe0f', 0xE0001} {
		if !Invisible(r) {
			t.Errorf("Invisible(%U) = false", r)
		}
	}
	for _, r := range []rune{'a', 'é', ' ', '\n', '\u00a0', '-', 'Ж', '中', '\u2028'} {
		if Invisible(r) {
			t.Errorf("Invisible(%U) = true", r)
		}
	}
}

// EscapeInvisibleJSON leaves no invisible character in JSON text, which
// decodes to the same values.
func TestEscapeInvisibleJSON(t *testing.T) {
	values := []any{
		"Pu\u200btin \u202eevil\u202c", map[string]any{"k\u2066": []any{"tag\U000E0041", 1.5, "plain"}}, "no invisibles: café ✓",
	}
	for _, v := range values {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got := EscapeInvisibleJSON(data)
		if HasInvisible(string(got)) {
			t.Errorf("EscapeInvisibleJSON(%s) = %s, still invisible characters", data, got)
		}
		var back any
		if err := json.Unmarshal(got, &back); err != nil || !reflect.DeepEqual(back, v) {
			t.Errorf("EscapeInvisibleJSON(%s) = %s, decodes to %#v (%v), want %#v", data, got, back, err, v)
		}
		if !HasInvisible(string(data)) && !bytes.Equal(got, data) {
			t.Errorf("EscapeInvisibleJSON changed %s to %s", data, got)
		}
	}
	if got := string(EscapeInvisibleJSON([]byte(`"a` + "\u202e" + `b"`))); got != `"a\u202eb"` {
		t.Errorf("EscapeInvisibleJSON = %s", got)
	}
}
