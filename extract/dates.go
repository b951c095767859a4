package extract

import (
	"fmt"
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
// the article date: the date of the first date expression of the sentence
// that eventDate finds, else the article date. future says whether the
// sentence speaks of a planned event (weekdays and months then count
// forward). It returns "" when the article has no date.
func sentenceDate(toks []token, article time.Time, haveArticle, future bool) string {
	if !haveArticle {
		return ""
	}
	if d, ok := eventDate(toks, -1, article, true, future); ok {
		return d.date
	}
	return article.Format("2006-01-02")
}

// datePrecision is how much of a date a sentence gives.
type datePrecision uint8

// Precisions of an event date.
const (
	precYear  datePrecision = iota + 1 // "in 2019", "last year", "earlier this year"
	precMonth                          // "in July 2023", "next month"
	precWeek                           // "last week", "three weeks ago": the date is the week's Monday
	precDay                            // "on March 3", "on Tuesday", "two days ago"
)

// String returns "year", "month", "week" or "day".
func (p datePrecision) String() string {
	switch p {
	case precYear:
		return "year"
	case precMonth:
		return "month"
	case precWeek:
		return "week"
	case precDay:
		return "day"
	}
	return ""
}

// dated is a date that a sentence names.
type dated struct {
	// date is YYYY, YYYY-MM or YYYY-MM-DD as prec says; for a week, the
	// day of its Monday.
	date string
	prec datePrecision
	// relative says that the date was resolved from the article date
	// ("last week", "on Tuesday", "in July" without a year).
	relative bool
	// from and to are the expression's tokens [from, to) in the sentence.
	from, to int
}

// after reports whether the whole of d is after the article date: a day
// after it, a week after its week, a month after its month, a year after
// its year. A sentence that dates its event after the article speaks of a
// planned event.
func (d dated) after(article time.Time) bool {
	switch d.prec {
	case precYear:
		return d.date > article.Format("2006")
	case precMonth:
		return d.date > article.Format("2006-01")
	case precWeek:
		return d.date > monday(article).Format("2006-01-02")
	}
	return d.date > article.Format("2006-01-02")
}

// eventDate returns the date that toks, the tokens of one sentence, name
// for the event at token anchor (the cue of a relation), with its
// precision: the date expression nearest the anchor (the one after it on
// a tie), or the first of the sentence when anchor is negative. An
// expression inside a relative clause (", which joined the bloc in
// 2004,") that does not hold the anchor (or when there is no anchor)
// dates the clause and is left out; one set off from the anchor by commas
// on both sides is taken only when there is no other. Relative
// expressions resolve from the article date, and only when haveArticle.
// future says whether the event is planned: "on Tuesday" and "in July"
// then count forward instead of back, and a date wholly before the
// article is not the event's, as a date wholly after it is not the date
// of a past event. ok is false when the sentence names no date that can
// be resolved.
//
// Expressions: "March 3", "3 March", "March 3, 2023", "3 March 2023",
// "2023-03-03", "February 16-17" (the first day); "in July 2023", "July
// 2023", "in July", "in early July", "last July", "next July"; "in 2019",
// "in early 2019", "mid-2019"; weekdays ("on Tuesday", "last Tuesday",
// "next Tuesday"); "yesterday", "today", "tonight", "tomorrow"; "last",
// "this" or "next" week, month or year, "earlier this year", "later this
// month"; "two days ago", "a week ago", "three months ago", "a year ago".
// An expression after "since", "until", "till", "by", "before" or "after"
// bounds the event in time instead of dating it, and is left out.
func eventDate(toks []token, anchor int, article time.Time, haveArticle, future bool) (dated, bool) {
	var best dated
	found := false
	bestCost := 0
	for i := 0; i < len(toks); {
		d, ok := dateAt(toks, i, article, haveArticle, future)
		if !ok {
			i++
			continue
		}
		i = d.to
		if d.from > 0 && boundWords[toks[d.from-1].lower] {
			continue
		}
		if haveArticle && d.after(article) != future && !d.contains(article) {
			// A past event is not dated after its report ("warned that
			// next week's exercise..."), a planned one not before it.
			continue
		}
		cost := 0
		switch {
		case anchor < 0:
		case anchor < d.from:
			cost = d.from - anchor
			if hasComma(toks[anchor:d.from]) && hasComma(toks[d.to:]) {
				cost += setOff
			}
		case anchor >= d.to:
			cost = anchor - d.to + 1 // a tie with an expression after the anchor goes to that one
			if hasComma(toks[d.to:anchor]) && hasComma(toks[:d.from]) {
				cost += setOff
			}
		}
		if c := relativeClause(toks, d.from); c >= 0 && (anchor < c || anchor >= d.to) {
			// ", which joined the bloc in 2004," dates the clause, not
			// the event of the sentence, unless the event is in it.
			continue
		}
		if !found || cost < bestCost {
			best, bestCost, found = d, cost, true
		}
	}
	return best, found
}

// setOff is added to the cost of a date set off from the anchor by
// commas: a parenthesis may date something else, and loses to any date
// outside one.
const setOff = 1 << 20

// relativePronouns open a relative clause after a comma.
var relativePronouns = map[string]bool{"which": true, "who": true, "whose": true, "whom": true, "where": true, "when": true}

// relativeClause returns the index of the comma that opens the relative
// clause holding toks[at] (", which ...", ", who ..."), or -1 when
// toks[at] is not in one: the nearest comma before it opens a relative
// clause that no other comma has closed.
func relativeClause(toks []token, at int) int {
	for k := at - 1; k >= 0; k-- {
		if toks[k].text == "," {
			if k+1 < len(toks) && relativePronouns[toks[k+1].lower] {
				return k
			}
			return -1
		}
	}
	return -1
}

// contains reports whether d's span of time holds the article date
// ("this year", "this week", "today").
func (d dated) contains(article time.Time) bool {
	switch d.prec {
	case precYear:
		return d.date == article.Format("2006")
	case precMonth:
		return d.date == article.Format("2006-01")
	case precWeek:
		return d.date == monday(article).Format("2006-01-02")
	}
	return d.date == article.Format("2006-01-02")
}

func hasComma(toks []token) bool {
	for _, t := range toks {
		if t.text == "," {
			return true
		}
	}
	return false
}

// boundWords before a date make it a bound of the event, not its date.
var boundWords = map[string]bool{"since": true, "until": true, "till": true, "by": true, "before": true, "after": true}

// numberWords are the counts a relative date may use ("two days ago").
var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// monthOf returns the month a capitalised token names ("March", "Sept.").
func monthOf(t token) (time.Month, bool) {
	if !t.cap || t.kind != tkWord {
		return 0, false
	}
	m, ok := months[strings.TrimSuffix(t.lower, ".")]
	return m, ok
}

// dayOf returns the day of month a number token gives ("3", "3rd",
// "16-17"), when it is one.
func dayOf(t token) (int, bool) {
	if t.kind != tkNum {
		return 0, false
	}
	digits := leadingDigits(t.text)
	if len(digits) == 0 || len(digits) > 2 {
		return 0, false
	}
	day, _ := strconv.Atoi(digits)
	return day, day >= 1 && day <= 31
}

// yearOf returns the year a four-digit number token gives, within
// [lo, hi].
func yearOf(t token, lo, hi int) (int, bool) {
	if t.kind != tkNum || len(t.text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.text)
	return y, err == nil && y >= lo && y <= hi
}

// Plausible years for a year named without a day or month ("in 2019"):
// other four-digit numbers are counts.
const minYear, maxYear = 1900, 2100

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// dateAt reads the date expression starting at toks[i], if there is one:
// an ISO date, a month with a day or a year, a day and a month, a year, a
// weekday, a word such as "yesterday" or "next week", or "two days ago".
// The expressions that need the article's date read it only when have;
// future says the event is planned, so that an expression without a year
// is the next such day, not the last.
func dateAt(toks []token, i int, article time.Time, have, future bool) (dated, bool) {
	r := dateReader{toks: toks, i: i, t: toks[i], article: article, have: have, future: future}
	t := &r.t
	// 2023-03-03
	if t.kind == tkNum && isoDay.MatchString(t.text) {
		return r.iso(t.text)
	}
	// March 3 / March 3, 2023 / March 3 2023 / July 2023 / (in) July
	if mo, ok := monthOf(*t); ok {
		return r.monthFirst(mo)
	}
	// 3 March / 3 March 2023
	if d, ok := dayOf(*t); ok {
		if mo, ok := monthOf(r.next(1)); ok {
			return r.dayMonth(d, mo)
		}
	}
	// in 2019 / in early 2019 / mid-2019 / mid-July
	if dt, ok, read := r.yearPhrase(); read {
		return dt, ok
	}
	if !have {
		return dated{}, false
	}
	// on Tuesday, last Tuesday, next Tuesday
	if wd, ok := weekdays[t.lower]; ok {
		return r.weekday(wd)
	}
	// yesterday, today, next week, earlier this month
	if dt, ok, read := r.deictic(); read {
		return dt, ok
	}
	// two days ago, a week ago, 3 months ago
	return r.ago()
}

// dateReader reads a date expression starting at toks[i] (see dateAt).
// Its methods that report read say whether the expression is theirs:
// then the date and ok are dateAt's answer.
type dateReader struct {
	toks         []token
	i            int
	t            token // toks[i]
	article      time.Time
	have, future bool
}

// next returns the token k after the first, or the zero token past the
// end.
func (r *dateReader) next(k int) token {
	if r.i+k < len(r.toks) {
		return r.toks[r.i+k]
	}
	return token{}
}

// day returns the day y-m-d, read from tokens [i, to).
func (r *dateReader) day(y int, m time.Month, d int, rel bool, to int) (dated, bool) {
	if !validDay(y, m, d) || y < 0 || y > 9999 {
		return dated{}, false
	}
	return dated{date: time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format("2006-01-02"), prec: precDay, relative: rel, from: r.i, to: to}, true
}

// dayRel returns the day at, read relative to the article from tokens
// [i, to).
func (r *dateReader) dayRel(at time.Time, to int) (dated, bool) {
	return dated{date: at.Format("2006-01-02"), prec: precDay, relative: true, from: r.i, to: to}, true
}

// month returns the month y-m, read from tokens [from, to).
func (r *dateReader) month(y int, m time.Month, rel bool, from, to int) (dated, bool) {
	if y < 0 || y > 9999 {
		return dated{}, false
	}
	return dated{date: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), prec: precMonth, relative: rel, from: from, to: to}, true
}

// year returns the year y, read from tokens [from, to).
func (r *dateReader) year(y int, rel bool, from, to int) (dated, bool) {
	if y < 0 || y > 9999 {
		return dated{}, false
	}
	return dated{date: fmt.Sprintf("%04d", y), prec: precYear, relative: rel, from: from, to: to}, true
}

// week returns the week of at, read relative to the article from tokens
// [i, to).
func (r *dateReader) week(at time.Time, to int) (dated, bool) {
	return dated{date: monday(at).Format("2006-01-02"), prec: precWeek, relative: true, from: r.i, to: to}, true
}

// dayYear returns the year of day d of month mo named without a year: the
// article's, or the one before when that day is more than a week after
// the article (for a planned event, the one after when it is more than a
// week before).
func (r *dateReader) dayYear(mo time.Month, d int) int {
	y := r.article.Year()
	cand := time.Date(y, mo, min(d, 28), 0, 0, 0, 0, time.UTC)
	if !r.future && cand.After(r.article.AddDate(0, 0, 7)) {
		y--
	} else if r.future && cand.Before(r.article.AddDate(0, 0, -7)) {
		y++
	}
	return y
}

// monthYear returns the year of month mo named without a year: the
// article's, or the one before when the month is still to come (for a
// planned event, the one after when it is past).
func (r *dateReader) monthYear(mo time.Month) int {
	y := r.article.Year()
	if !r.future && mo > r.article.Month() {
		y--
	} else if r.future && mo < r.article.Month() {
		y++
	}
	return y
}

// iso reads "2023-03-03".
func (r *dateReader) iso(text string) (dated, bool) {
	y, _ := strconv.Atoi(text[:4])
	m, _ := strconv.Atoi(text[5:7])
	d, _ := strconv.Atoi(text[8:])
	if m >= 1 && m <= 12 {
		return r.day(y, time.Month(m), d, false, r.i+1)
	}
	return dated{}, false
}

// monthFirst reads month mo and what follows it: "March 3", "March 3,
// 2023", "March 3 2023", "July 2023", or the month alone (see
// monthAlone).
func (r *dateReader) monthFirst(mo time.Month) (dated, bool) {
	i := r.i
	if d, ok := dayOf(r.next(1)); ok {
		if y, ok := yearOf(r.next(2), 0, 9999); ok {
			return r.day(y, mo, d, false, i+3)
		}
		if r.next(2).text == "," {
			if y, ok := yearOf(r.next(3), 0, 9999); ok {
				return r.day(y, mo, d, false, i+4)
			}
		}
		if !r.have {
			return dated{}, false
		}
		return r.day(r.dayYear(mo, d), mo, d, true, i+2)
	}
	if y, ok := yearOf(r.next(1), minYear, maxYear); ok {
		return r.month(y, mo, false, i, i+2)
	}
	return r.monthAlone(mo)
}

// monthAlone reads month mo named alone, which dates only after a word
// that makes it a time: "in July", "early July", "last July", "next
// July".
func (r *dateReader) monthAlone(mo time.Month) (dated, bool) {
	i := r.i
	if i == 0 || !r.have {
		return dated{}, false
	}
	from := i
	prev := r.toks[i-1].lower
	if (prev == "early" || prev == "mid" || prev == "late") && i >= 2 {
		from = i - 1
		prev = r.toks[i-2].lower
	}
	am := r.article.Month()
	y := r.article.Year()
	switch prev {
	case "in", "during", "early", "mid", "late", "this":
		y = r.monthYear(mo)
	case "last":
		if mo >= am {
			y--
		}
		from--
	case "next":
		if mo <= am {
			y++
		}
		from--
	default:
		return dated{}, false
	}
	return r.month(y, mo, true, max(from, 0), i+1)
}

// dayMonth reads day d and month mo: "3 March", "3 March 2023".
func (r *dateReader) dayMonth(d int, mo time.Month) (dated, bool) {
	if y, ok := yearOf(r.next(2), 0, 9999); ok {
		return r.day(y, mo, d, false, r.i+3)
	}
	if !r.have {
		return dated{}, false
	}
	return r.day(r.dayYear(mo, d), mo, d, true, r.i+2)
}

// yearPhrase reads a year: "mid-2019", "early-2019", a year after "in",
// "during", "of", "early" and the like; and "mid-July".
func (r *dateReader) yearPhrase() (dt dated, ok, read bool) {
	i, t := r.i, &r.t
	if t.kind == tkWord {
		for _, p := range []string{"mid-", "early-", "late-"} {
			if y, ok := yearOf(token{text: strings.TrimPrefix(t.lower, p), kind: tkNum}, minYear, maxYear); ok && strings.HasPrefix(t.lower, p) {
				dt, ok = r.year(y, false, i, i+1)
				return dt, ok, true
			}
		}
		if mo, ok := months[strings.TrimPrefix(t.lower, "mid-")]; ok && strings.HasPrefix(t.lower, "mid-") && r.have {
			dt, ok = r.month(r.monthYear(mo), mo, true, i, i+1)
			return dt, ok, true
		}
	}
	if y, ok := yearOf(*t, minYear, maxYear); ok && i > 0 {
		switch r.toks[i-1].lower {
		case "in", "during", "throughout", "of", "early", "mid", "late":
			dt, ok = r.year(y, false, i, i+1)
			return dt, ok, true
		}
	}
	return dated{}, false, false
}

// weekday reads weekday wd: "on Tuesday", "last Tuesday", "next Tuesday".
func (r *dateReader) weekday(wd time.Weekday) (dated, bool) {
	i := r.i
	if i > 0 {
		switch r.toks[i-1].lower {
		case "last":
			d := relWeekday(r.article.AddDate(0, 0, -1), wd, false)
			return dated{date: d.Format("2006-01-02"), prec: precDay, relative: true, from: i - 1, to: i + 1}, true
		case "next":
			d := relWeekday(r.article.AddDate(0, 0, 1), wd, true)
			return dated{date: d.Format("2006-01-02"), prec: precDay, relative: true, from: i - 1, to: i + 1}, true
		}
	}
	return r.dayRel(relWeekday(r.article, wd, r.future), i+1)
}

// deictic reads a date said from the article's day: "yesterday",
// "today", "tomorrow", "last week", "next month", "this year", "earlier
// this week".
func (r *dateReader) deictic() (dt dated, ok, read bool) {
	i, article, w := r.i, r.article, r.t.lower
	switch w {
	case "yesterday":
		dt, ok = r.dayRel(article.AddDate(0, 0, -1), i+1)
		return dt, ok, true
	case "today", "tonight":
		dt, ok = r.dayRel(article, i+1)
		return dt, ok, true
	case "tomorrow":
		dt, ok = r.dayRel(article.AddDate(0, 0, 1), i+1)
		return dt, ok, true
	case "last", "next", "this":
		sign := map[string]int{"last": -1, "next": 1, "this": 0}[w]
		switch r.next(1).lower {
		case "week":
			dt, ok = r.week(article.AddDate(0, 0, 7*sign), i+2)
			return dt, ok, true
		case "month":
			at := time.Date(article.Year(), article.Month()+time.Month(sign), 1, 0, 0, 0, 0, time.UTC)
			dt, ok = r.month(at.Year(), at.Month(), true, i, i+2)
			return dt, ok, true
		case "year":
			dt, ok = r.year(article.Year()+sign, true, i, i+2)
			return dt, ok, true
		}
	case "earlier", "later":
		if r.next(1).lower != "this" {
			break
		}
		switch r.next(2).lower {
		case "week":
			dt, ok = r.week(article, i+3)
			return dt, ok, true
		case "month":
			dt, ok = r.month(article.Year(), article.Month(), true, i, i+3)
			return dt, ok, true
		case "year":
			dt, ok = r.year(article.Year(), true, i, i+3)
			return dt, ok, true
		}
	}
	return dated{}, false, false
}

// ago reads "two days ago", "a week ago", "3 months ago".
func (r *dateReader) ago() (dated, bool) {
	i, article, t := r.i, r.article, &r.t
	n, ok := numberWords[t.lower]
	if !ok && t.kind == tkNum && len(t.text) <= 3 {
		if v, err := strconv.Atoi(t.text); err == nil {
			n, ok = v, true
		}
	}
	if !ok || r.next(2).lower != "ago" {
		return dated{}, false
	}
	switch strings.TrimSuffix(r.next(1).lower, "s") {
	case "day":
		return r.dayRel(article.AddDate(0, 0, -n), i+3)
	case "week":
		return r.week(article.AddDate(0, 0, -7*n), i+3)
	case "month":
		at := time.Date(article.Year(), article.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return r.month(at.Year(), at.Month(), true, i, i+3)
	case "year":
		return r.year(article.Year()-n, true, i, i+3)
	}
	return dated{}, false
}

// monday is the Monday of t's week (weeks start on Monday, as in ISO 8601).
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
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
