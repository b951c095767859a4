package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateline is what the opening "PLACE, Month Day (Agency) -" of an article
// says.
type dateline struct {
	place  string
	source string
	date   string // YYYY-MM-DD, or MM-DD with year unknown ("--MM-DD")
	end    int    // byte offset where the body starts
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

const monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

// datelineRe matches "WASHINGTON, February 2. /TASS/.", "CAIRO, March 9
// (Reuters) -", "TALLINN, June 4, 2025 (AFP) -", "SEOUL, South Korea (AP) —".
var datelineRe = regexp.MustCompile(`^\s*([\p{Lu}][\p{Lu}\p{M} .'’\-]*[\p{Lu}\p{M}])` +
	`(?:,\s+([\p{Lu}][\p{L}\p{M}'’\-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’\-]*){0,3}))??` +
	`(?:,?\s+(` + monthRe + `)\s+(\d{1,2})(?:,\s+(\d{4}))?)?` +
	`\.?\s*(?:\(([^()\n]{1,40})\)|/([^/\n]{1,40})/\.?)\s*(?:[-—–]+\s*)?`)

// parseDateline reads the dateline at the start of text, if there is one.
func parseDateline(text string) (dateline, bool) {
	m := datelineRe.FindStringSubmatchIndex(text)
	if m == nil {
		return dateline{}, false
	}
	sub := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	d := dateline{place: titleCase(sub(1)), end: m[1]}
	if s := sub(6); s != "" {
		d.source = strings.TrimSpace(s)
	} else {
		d.source = strings.TrimSpace(sub(7))
	}
	if mo := sub(3); mo != "" {
		month := months[strings.ToLower(strings.TrimSuffix(mo, "."))]
		day, _ := strconv.Atoi(sub(4))
		year := 2000 // a leap year: "February 29" without a year is a day
		if y := sub(5); y != "" {
			year, _ = strconv.Atoi(y)
		}
		if validDay(year, month, day) {
			if sub(5) != "" {
				d.date = time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
			} else {
				d.date = "--" + time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Format("01-02")
			}
		}
	}
	return d, true
}

// BodyStart returns the byte offset where the body of text starts: just
// after its dateline ("WASHINGTON, February 2. /TASS/.", "CAIRO, March 9
// (Reuters) -"), or 0 when text opens with none. Two copies of a wire story
// that differ only in their datelines have the same text from BodyStart
// on. The offset is on a rune boundary of text.
func BodyStart(text string) int {
	if d, ok := parseDateline(text); ok {
		return d.end
	}
	return 0
}

// titleCase turns "UNITED NATIONS" into "United Nations".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		rs := []rune(strings.ToLower(w))
		if len(rs) > 0 {
			rs[0] = []rune(strings.ToUpper(string(rs[0])))[0]
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// parseDay reads a YYYY-MM-DD date.
func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// sentenceDate resolves the date a sentence speaks of from its tokens and
// the article date: "on Tuesday", "On December 17", "February 16-17",
// "last week", "yesterday". future says whether the sentence speaks of a
// planned event (weekdays then count forward). It returns "" when the
// sentence names no date and the article has none.
func sentenceDate(toks []token, article time.Time, haveArticle, future bool) string {
	if !haveArticle {
		return ""
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if wd, ok := weekdays[t.lower]; ok {
			return relWeekday(article, wd, future).Format("2006-01-02")
		}
		if mo, ok := months[strings.TrimSuffix(t.lower, ".")]; ok && t.cap && i+1 < len(toks) && toks[i+1].kind == tkNum {
			day, err := strconv.Atoi(leadingDigits(toks[i+1].text))
			if err != nil || day < 1 || day > 31 {
				continue
			}
			year := article.Year()
			if i+3 < len(toks) && toks[i+2].text == "," && toks[i+3].kind == tkNum && len(toks[i+3].text) == 4 {
				year, _ = strconv.Atoi(toks[i+3].text)
			} else {
				cand := time.Date(year, mo, day, 0, 0, 0, 0, time.UTC)
				if !future && cand.After(article.AddDate(0, 0, 7)) {
					year--
				} else if future && cand.Before(article.AddDate(0, 0, -7)) {
					year++
				}
			}
			if !validDay(year, mo, day) {
				continue // "February 31" names no day
			}
			return time.Date(year, mo, day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
		if i+1 < len(toks) && (t.lower == "last" || t.lower == "next") {
			sign := -1
			if t.lower == "next" {
				sign = 1
			}
			switch toks[i+1].lower {
			case "week":
				return article.AddDate(0, 0, 7*sign).Format("2006-01-02")
			case "month":
				return article.AddDate(0, sign, 0).Format("2006-01")
			case "year":
				return article.AddDate(sign, 0, 0).Format("2006")
			}
		}
		switch t.lower {
		case "yesterday":
			return article.AddDate(0, 0, -1).Format("2006-01-02")
		case "tomorrow":
			return article.AddDate(0, 0, 1).Format("2006-01-02")
		case "today":
			return article.Format("2006-01-02")
		}
	}
	return article.Format("2006-01-02")
}

// validDay reports whether day is a day of month in year: time.Date would
// roll "February 31" over into March.
func validDay(year int, month time.Month, day int) bool {
	return day >= 1 && time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Day() == day
}

func leadingDigits(s string) string {
	for i, c := range s {
		if c < '0' || c > '9' {
			return s[:i]
		}
	}
	return s
}

// relWeekday is the day named wd nearest before (or, for planned events,
// after) the article date; the article's own weekday is the article date.
func relWeekday(article time.Time, wd time.Weekday, future bool) time.Time {
	diff := int(article.Weekday()) - int(wd)
	if future {
		d := (int(wd) - int(article.Weekday()) + 7) % 7
		return article.AddDate(0, 0, d)
	}
	if diff < 0 {
		diff += 7
	}
	return article.AddDate(0, 0, -diff)
}
