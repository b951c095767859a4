package extract

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Fuzz targets for the parsers inside the extractor: the tokenizer and
// sentence splitter (plain text), datelines and sentence dates. Each checks
// invariants that hold for any input: no panic, offsets within the text and
// on rune boundaries, well-formed dates, and the same output for the same
// input. testdata/run-tests runs each for a bounded time; the f.Add seeds
// are their committed corpus.
//
// Extract replaces invalid UTF-8 by U+FFFD before anything else reads the
// text, so the targets do the same: the parsers' contract is valid UTF-8.

// onBoundary reports whether byte offset i of s is within s and starts a
// rune (or is the end of s).
func onBoundary(s string, i int) bool {
	return 0 <= i && i <= len(s) && (i == len(s) || utf8.RuneStart(s[i]))
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"",
		"Russia said no. NATO said yes.",
		"Lt. Col. John Smith met Mr. Jones on Feb. 3. They talked.",
		"Egypt's Abdel-Fattah met People’s U.S. envoy.",
		"\"We will respond,\" he said. \"Firmly.\" She agreed.",
		"No full stop here\n\nNext paragraph.",
		"x'})-[:R]->() DETACH DELETE n // a`b",
		"\xff\xfe\x00 é\u0301 '' ’s '\u2028 .. U.S.A.",
		"a'\xff", "'s", "U.\xc3", "A.'", "\xab",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		toks := tokenize(text)
		end := 0
		for i, tk := range toks {
			if tk.start < end || tk.start >= tk.end || !onBoundary(text, tk.start) || !onBoundary(text, tk.end) {
				t.Fatalf("token %d [%d,%d) after %d: out of order, empty, or off a rune boundary in %q", i, tk.start, tk.end, end, text)
			}
			if tk.text != text[tk.start:tk.end] {
				t.Fatalf("token %d text %q != text[%d:%d] %q", i, tk.text, tk.start, tk.end, text[tk.start:tk.end])
			}
			end = tk.end
		}
		next := 0
		for i, s := range splitSentences(toks) {
			if s.from != next || s.to <= s.from || s.to > len(toks) {
				t.Fatalf("sentence %d tokens [%d,%d): want to start at %d, non-empty, within %d tokens", i, s.from, s.to, next, len(toks))
			}
			if s.start != toks[s.from].start || s.end != toks[s.to-1].end {
				t.Fatalf("sentence %d bytes [%d,%d) do not span its tokens", i, s.start, s.end)
			}
			next = s.to
		}
		if next != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
		}
		if again := tokenize(text); !reflect.DeepEqual(toks, again) {
			t.Fatalf("tokenize(%q) not deterministic", text)
		}
	})
}

var datelineDate = regexp.MustCompile(`^(?:\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})$`)

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{
		"WASHINGTON, February 2. /TASS/. US Secretary",
		"CAIRO, March 9 (Reuters) - Egypt and",
		"TALLINN, June 4, 2025 (AFP) - Estonia",
		"MEXICO CITY (AP) — Mexican President",
		"SEOUL, South Korea (AP) — North Korea",
		"UNITED NATIONS, Nov 6 (Reuters) - Russia",
		"SAO PAULO, Sept 22, 2025 (AFP) - X",
		"ZÜRICH, Feb. 31, 0000 (X) –",
		"AB, May 99 /\xff/.",
		"The Kremlin said on Monday.",
		"  É\u0301, Dec 0 ()",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		d, ok := parseDateline(text)
		if !ok {
			if d != (dateline{}) {
				t.Fatalf("parseDateline(%q) = %+v with no dateline", text, d)
			}
			return
		}
		if !onBoundary(text, d.end) || d.end == 0 {
			t.Fatalf("parseDateline(%q): body starts at %d: outside the text or off a rune boundary", text, d.end)
		}
		if d.place == "" {
			t.Errorf("parseDateline(%q): dateline without a place", text)
		}
		if d.date != "" && !datelineDate.MatchString(d.date) {
			t.Errorf("parseDateline(%q): date %q is neither YYYY-MM-DD nor --MM-DD", text, d.date)
		}
		if !utf8.ValidString(d.place) || !utf8.ValidString(d.source) {
			t.Errorf("parseDateline(%q): invalid UTF-8 in place %q or source %q", text, d.place, d.source)
		}
		if again, _ := parseDateline(text); again != d {
			t.Fatalf("parseDateline(%q) not deterministic: %+v then %+v", text, d, again)
		}
	})
}

var sentenceDateForm = regexp.MustCompile(`^\d{4}(?:-\d{2}(?:-\d{2})?)?$`)

func FuzzSentenceDate(f *testing.F) {
	type seed struct {
		text             string
		year, month, day int
		future, have     bool
	}
	for _, s := range []seed{
		{"Lavrov met Blinken on Tuesday.", 2024, 3, 14, false, true},
		{"They will meet on Tuesday.", 2024, 3, 14, true, true},
		{"On December 17, the talks resumed.", 2025, 1, 3, false, true},
		{"Talks are set for January 5.", 2024, 12, 20, true, true},
		{"The summit on June 4, 2025 ended.", 2026, 2, 1, false, true},
		{"February 16-17 talks", 2025, 2, 10, false, true},
		{"last week, next month, last year", 2024, 2, 29, false, true},
		{"yesterday tomorrow today", 2000, 1, 1, false, true},
		{"On February 31 and May 0 and March 99", 2024, 3, 1, false, true},
		{"on Monday", 2024, 1, 1, false, false},
		{"Sept. 9, 0000", 1000, 1, 1, false, true},
	} {
		f.Add(s.text, s.year, s.month, s.day, s.future, s.have)
	}
	f.Fuzz(func(t *testing.T, text string, year, month, day int, future, have bool) {
		// Article dates are real calendar days of four-digit years, as
		// parseDay gives them; keep a year away from 9999 so that "next
		// year" stays four digits.
		article := time.Date(1000+abs(year)%8000, time.Month(1+abs(month)%12), 1+abs(day)%28, 0, 0, 0, 0, time.UTC)
		toks := tokenize(strings.ToValidUTF8(text, "\uFFFD"))
		got := sentenceDate(toks, article, have, future)
		if !have {
			if got != "" {
				t.Fatalf("sentenceDate(%q) with no article date = %q, want \"\"", text, got)
			}
			return
		}
		if !sentenceDateForm.MatchString(got) {
			t.Fatalf("sentenceDate(%q, %s) = %q: not YYYY, YYYY-MM or YYYY-MM-DD", text, article.Format(time.DateOnly), got)
		}
		if len(got) == 10 {
			if _, err := time.Parse(time.DateOnly, got); err != nil {
				t.Fatalf("sentenceDate(%q, %s) = %q: not a calendar day: %v", text, article.Format(time.DateOnly), got, err)
			}
		}
		if again := sentenceDate(toks, article, have, future); again != got {
			t.Fatalf("sentenceDate(%q) not deterministic: %q then %q", text, got, again)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // math.MinInt
			return 0
		}
		return -n
	}
	return n
}
