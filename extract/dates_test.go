package extract

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestEventDate(t *testing.T) {
	// The article date is Thursday 14 March 2024 unless a case says
	// otherwise.
	thu := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		text     string
		anchor   string // the word the event is anchored at; "" for none
		article  time.Time
		noDate   bool // the article has no date
		future   bool
		date     string
		prec     datePrecision
		relative bool
		none     bool // no date named
	}{
		{name: "month and year", text: "The envoy was expelled in July 2023 after accusing the host government.", anchor: "accusing", date: "2023-07", prec: precMonth},
		{name: "year", text: "The two leaders first met in 2019.", anchor: "met", date: "2019", prec: precYear},
		{name: "early year", text: "The plan was rejected in early 2021.", anchor: "rejected", date: "2021", prec: precYear},
		{name: "mid-year", text: "They signed the pact in mid-2022.", date: "2022", prec: precYear},
		{name: "month day", text: "The minister arrived on March 3 for talks.", anchor: "arrived", date: "2024-03-03", prec: precDay, relative: true},
		{name: "month day later in the year is last year", text: "He visited the capital on November 20.", date: "2023-11-20", prec: precDay, relative: true},
		{name: "planned month day", text: "She will visit the capital on March 2.", future: true, date: "2025-03-02", prec: precDay, relative: true},
		{name: "month day year", text: "The treaty was signed on June 4, 2023 in the capital.", date: "2023-06-04", prec: precDay},
		{name: "day month year", text: "The treaty was signed on 4 June 2023.", date: "2023-06-04", prec: precDay},
		{name: "planned month day year", text: "The treaty will be signed on June 4, 2025.", future: true, date: "2025-06-04", prec: precDay},
		{name: "day month", text: "Talks resumed on 11 March.", date: "2024-03-11", prec: precDay, relative: true},
		{name: "abbreviated month", text: "The court ruled on Feb. 29.", date: "2024-02-29", prec: precDay, relative: true},
		{name: "range", text: "Ministers meet on February 16-17 in the capital.", date: "2024-02-16", prec: precDay, relative: true},
		{name: "iso", text: "The order dated 2023-12-01 was published.", date: "2023-12-01", prec: precDay},
		{name: "month alone", text: "The ministers met in July.", date: "2023-07", prec: precMonth, relative: true},
		{name: "planned month alone", text: "The ministers will meet in April.", future: true, date: "2024-04", prec: precMonth, relative: true},
		{name: "planned earlier month is next year", text: "The ministers will meet in January.", future: true, date: "2025-01", prec: precMonth, relative: true},
		{name: "last month name", text: "They last met last March.", date: "2023-03", prec: precMonth, relative: true},
		{name: "mid-month", text: "Fighting flared in mid-February.", date: "2024-02", prec: precMonth, relative: true},
		{name: "weekday", text: "The minister met his counterpart on Tuesday.", date: "2024-03-12", prec: precDay, relative: true},
		{name: "weekday of the article", text: "The minister met his counterpart on Thursday.", date: "2024-03-14", prec: precDay, relative: true},
		{name: "planned weekday", text: "The minister will meet his counterpart on Tuesday.", future: true, date: "2024-03-19", prec: precDay, relative: true},
		{name: "last weekday", text: "They spoke last Thursday.", date: "2024-03-07", prec: precDay, relative: true},
		{name: "next weekday", text: "They speak again next Thursday.", future: true, date: "2024-03-21", prec: precDay, relative: true},
		{name: "last week", text: "The talks collapsed last week.", date: "2024-03-04", prec: precWeek, relative: true},
		{name: "this week", text: "The talks collapsed this week.", date: "2024-03-11", prec: precWeek, relative: true},
		{name: "next month", text: "The delegation will travel next month.", future: true, date: "2024-04", prec: precMonth, relative: true},
		{name: "last month in January", text: "The delegation travelled last month.", article: time.Date(2024, 1, 9, 0, 0, 0, 0, time.UTC), date: "2023-12", prec: precMonth, relative: true},
		{name: "last year", text: "The ban was imposed last year.", date: "2023", prec: precYear, relative: true},
		{name: "earlier this year", text: "The minister resigned earlier this year.", date: "2024", prec: precYear, relative: true},
		{name: "later this month", text: "The talks resume later this month.", future: true, date: "2024-03", prec: precMonth, relative: true},
		{name: "days ago", text: "The rebels seized the town two days ago.", date: "2024-03-12", prec: precDay, relative: true},
		{name: "a week ago", text: "The rebels seized the town a week ago.", date: "2024-03-04", prec: precWeek, relative: true},
		{name: "months ago", text: "The envoy left three months ago.", date: "2023-12", prec: precMonth, relative: true},
		{name: "digits ago", text: "The envoy left 10 years ago.", date: "2014", prec: precYear, relative: true},
		{name: "yesterday", text: "The ministry denied the report yesterday.", date: "2024-03-13", prec: precDay, relative: true},
		{name: "tomorrow", text: "The ministers meet tomorrow.", future: true, date: "2024-03-15", prec: precDay, relative: true},

		// The expression nearest the anchor is the event's.
		{name: "nearest to the anchor", text: "The minister, who took office in 2019, met the envoy on Tuesday.", anchor: "met", date: "2024-03-12", prec: precDay, relative: true},
		{name: "nearest before the anchor", text: "On Tuesday the minister, in office since 2019, denied the reports of last year.", anchor: "denied", date: "2023", prec: precYear, relative: true},
		{name: "adjunct before, older date after", text: "On Monday, the ministry accused the rebels of crimes committed in 2014.", anchor: "accused", date: "2024-03-11", prec: precDay, relative: true},
		{name: "set off after the anchor", text: "The minister met the envoy, who arrived in the capital on Tuesday, to discuss the deal in April.", anchor: "met", future: false, date: "2023-04", prec: precMonth, relative: true},
		{name: "relative clause without an anchor", text: "The minister, who took office in 2019, met the envoy on Tuesday.", date: "2024-03-12", prec: precDay, relative: true},
		{name: "only a relative clause without an anchor", text: "The envoy, who arrived on Tuesday, met the minister.", none: true},
		{name: "first without an anchor", text: "In 2019 the minister met the envoy on Tuesday.", date: "2019", prec: precYear},
		{name: "relative clause with the anchor", text: "The envoy, who arrived on Tuesday, met the minister.", anchor: "arrived", date: "2024-03-12", prec: precDay, relative: true},
		{name: "only a relative clause", text: "The bloc, which the country joined in 2004, vetoed the plan.", anchor: "vetoed", none: true},
		{name: "only set off by commas", text: "In the capital, on Tuesday, the minister met the envoy.", anchor: "met", date: "2024-03-12", prec: precDay, relative: true},

		// A past event is not dated after its report, a planned one not
		// before it.
		{name: "past event, later date", text: "She warned that next week's exercise would be met with force.", anchor: "warned", none: true},
		{name: "planned event, earlier date", text: "The ministers will meet again, as agreed last week.", anchor: "meet", future: true, none: true},
		{name: "past event, this year", text: "The ministers met this year.", date: "2024", prec: precYear, relative: true},

		// Bounds are not dates.
		{name: "since", text: "The two sides have fought since 2014.", none: true},
		{name: "until and by", text: "The ban stays until March 3 and the talks end by next year.", none: true},
		{name: "since then a date", text: "The sides, at odds since 2014, met on Tuesday.", anchor: "met", date: "2024-03-12", prec: precDay, relative: true},

		// Not dates.
		{name: "no date", text: "The minister criticised the decision.", none: true},
		{name: "count, not a year", text: "About 2019 people signed the petition.", none: true},
		{name: "modal may", text: "The ministers may meet again.", none: true},
		{name: "month as a word", text: "Protesters began a march to the capital.", none: true},
		{name: "invalid day", text: "The report is dated February 31.", none: true},
		{name: "month without a cue", text: "July was the hottest month.", none: true},

		// Without the article date only absolute dates resolve.
		{name: "no article, absolute", text: "The treaty was signed on June 4, 2025.", noDate: true, date: "2025-06-04", prec: precDay},
		{name: "no article, year", text: "The two leaders first met in 2019.", noDate: true, date: "2019", prec: precYear},
		{name: "no article, relative", text: "The minister met the envoy on Tuesday.", noDate: true, none: true},
		{name: "no article, month day", text: "The minister arrived on March 3.", noDate: true, none: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			article := thu
			if !tt.article.IsZero() {
				article = tt.article
			}
			toks := tokenize(tt.text)
			anchor := -1
			if tt.anchor != "" {
				for i, tk := range toks {
					if tk.lower == tt.anchor {
						anchor = i
						break
					}
				}
				if anchor < 0 {
					t.Fatalf("anchor %q is not a token of %q", tt.anchor, tt.text)
				}
			}
			d, ok := eventDate(toks, anchor, article, !tt.noDate, tt.future)
			if tt.none {
				if ok {
					t.Errorf("eventDate(%q) = %+v, want no date", tt.text, d)
				}
				return
			}
			if !ok || d.date != tt.date || d.prec != tt.prec || d.relative != tt.relative {
				t.Errorf("eventDate(%q, anchor %q) = %q %v relative=%v (ok %v), want %q %v relative=%v",
					tt.text, tt.anchor, d.date, d.prec, d.relative, ok, tt.date, tt.prec, tt.relative)
			}
			if ok && (d.from < 0 || d.to > len(toks) || d.from >= d.to) {
				t.Errorf("eventDate(%q): span [%d,%d) outside the %d tokens", tt.text, d.from, d.to, len(toks))
			}
		})
	}
}

func TestEventDateAfter(t *testing.T) {
	article := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text  string
		after bool
	}{
		{"The summit opens on March 20.", true},
		{"The summit opened on March 10.", false},
		{"The summit opens today.", false},
		{"The summit is due in April.", true},
		{"The summit was held this month.", false},
		{"The vote is due next year.", true},
		{"The vote is due next week.", true},
		{"The vote took place this week.", false},
	}
	for _, tt := range tests {
		future := strings.Contains(tt.text, "opens") || strings.Contains(tt.text, "due")
		d, ok := eventDate(tokenize(tt.text), -1, article, true, future)
		if !ok {
			t.Errorf("eventDate(%q): no date", tt.text)
			continue
		}
		if got := d.after(article); got != tt.after {
			t.Errorf("eventDate(%q) = %s (%v): after = %v, want %v", tt.text, d.date, d.prec, got, tt.after)
		}
	}
}

// sentenceDate, for the callers that take a date string, keeps its
// contract: the first date of the sentence, else the article date, and
// nothing without an article date.
func TestSentenceDate(t *testing.T) {
	article := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text   string
		have   bool
		future bool
		want   string
	}{
		{"The minister met the envoy on Tuesday.", true, false, "2024-03-12"},
		{"The minister met the envoy.", true, false, "2024-03-14"},
		{"The minister met the envoy in July 2023.", true, false, "2023-07"},
		{"The minister met the envoy on Tuesday.", false, false, ""},
		{"The minister met the envoy on June 4, 2025.", false, false, ""},
	}
	for _, tt := range tests {
		if got := sentenceDate(tokenize(tt.text), article, tt.have, tt.future); got != tt.want {
			t.Errorf("sentenceDate(%q, have=%v) = %q, want %q", tt.text, tt.have, got, tt.want)
		}
	}
}

var eventDateForm = map[datePrecision]*regexp.Regexp{
	precYear:  regexp.MustCompile(`^\d{4}$`),
	precMonth: regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`),
	precWeek:  regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
	precDay:   regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
}

func FuzzEventDate(f *testing.F) {
	for _, s := range []string{
		"The minister, who took office in 2019, met the envoy on Tuesday.",
		"They will meet next Thursday, two days ago, last March, in mid-July, mid-2019.",
		"On 31 February 2023 and 2023-13-45 and Feb. 29, 0000 and 99 years ago.",
		"since 2014 until March 3 by next year before Tuesday after today",
		"earlier this week, later this month, this year, last week, a year ago",
	} {
		f.Add(s, 2024, 3, 14, 5, false, true)
	}
	f.Fuzz(func(t *testing.T, text string, year, month, day, anchor int, future, have bool) {
		article := time.Date(1000+abs(year)%8000, time.Month(1+abs(month)%12), 1+abs(day)%28, 0, 0, 0, 0, time.UTC)
		toks := tokenize(strings.ToValidUTF8(text, "\uFFFD"))
		if len(toks) > 0 {
			anchor %= len(toks)
		}
		d, ok := eventDate(toks, anchor, article, have, future)
		if !ok {
			if d != (dated{}) {
				t.Fatalf("eventDate(%q) = %+v with ok false", text, d)
			}
			return
		}
		if re := eventDateForm[d.prec]; re == nil || !re.MatchString(d.date) {
			t.Fatalf("eventDate(%q) = %q with precision %v: not of that form", text, d.date, d.prec)
		}
		if d.prec >= precWeek {
			if _, err := time.Parse(time.DateOnly, d.date); err != nil {
				t.Fatalf("eventDate(%q) = %q: not a calendar day: %v", text, d.date, err)
			}
		}
		if d.from < 0 || d.to > len(toks) || d.from >= d.to {
			t.Fatalf("eventDate(%q): span [%d,%d) outside the %d tokens", text, d.from, d.to, len(toks))
		}
		if !have && d.relative {
			t.Fatalf("eventDate(%q) = %q resolved from an article date it did not have", text, d.date)
		}
		if again, ok2 := eventDate(toks, anchor, article, have, future); again != d || !ok2 {
			t.Fatalf("eventDate(%q) not deterministic: %+v then %+v", text, d, again)
		}
	})
}

func TestBodyStart(t *testing.T) {
	tests := []struct{ text, body string }{
		{"WASHINGTON, February 2. /TASS/. The minister said.", "The minister said."},
		{"CAIRO, March 9 (Reuters) - The minister said.", "The minister said."},
		{"TALLINN, June 4, 2025 (AFP) — The minister said.", "The minister said."},
		{"The minister said.", "The minister said."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := tt.text[BodyStart(tt.text):]; got != tt.body {
			t.Errorf("BodyStart(%q): body %q, want %q", tt.text, got, tt.body)
		}
	}
}
