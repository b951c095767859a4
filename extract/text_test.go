package extract

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "Russia said no. NATO said yes.", []string{"Russia said no.", "NATO said yes."}},
		{"us abbreviation", "The U.S. Commerce Department acted. It said so.", []string{"The U.S. Commerce Department acted.", "It said so."}},
		{"us at end", "Talks were held in the U.S. The sides met.", []string{"Talks were held in the U.S.", "The sides met."}},
		{"titles", "Lt. Col. John Smith and Gen. Mark Milley met Mr. Jones on Feb. 3. They talked.", []string{"Lt. Col. John Smith and Gen. Mark Milley met Mr. Jones on Feb. 3.", "They talked."}},
		{"quote", "\"We will respond,\" he said. \"Firmly.\" She agreed.", []string{"\"We will respond,\" he said.", "\"Firmly.\"", "She agreed."}},
		{"paragraph", "No full stop here\n\nNext paragraph.", []string{"No full stop here", "Next paragraph."}},
		{"initial", "J. K. Rowling spoke.", []string{"J. K. Rowling spoke."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.text)
			var got []string
			for _, s := range splitSentences(toks) {
				got = append(got, tt.text[s.start:s.end])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitSentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	got := []string{}
	for _, tk := range tokenize("Egypt's Abdel-Fattah met People’s U.S. envoy.") {
		got = append(got, tk.text)
	}
	want := "Egypt|'s|Abdel-Fattah|met|People|’s|U.S.|envoy|."
	if strings.Join(got, "|") != want {
		t.Errorf("tokenize = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		text                string
		place, source, date string
		body                string
	}{
		{"WASHINGTON, February 2. /TASS/. US Secretary", "Washington", "TASS", "--02-02", "US Secretary"},
		{"CAIRO, March 9 (Reuters) - Egypt and", "Cairo", "Reuters", "--03-09", "Egypt and"},
		{"TALLINN, June 4, 2025 (AFP) - Estonia", "Tallinn", "AFP", "2025-06-04", "Estonia"},
		{"MEXICO CITY (AP) — Mexican President", "Mexico City", "AP", "", "Mexican President"},
		{"SEOUL, South Korea (AP) — North Korea", "Seoul", "AP", "", "North Korea"},
		{"UNITED NATIONS, Nov 6 (Reuters) - Russia", "United Nations", "Reuters", "--11-06", "Russia"},
		{"SAO PAULO, Sept 22, 2025 (AFP) - X", "Sao Paulo", "AFP", "2025-09-22", "X"},
		{"KYIV, February 31, 2025 (AFP) - X", "Kyiv", "AFP", "", "X"},
		{"KYIV, February 29 (AFP) - X", "Kyiv", "AFP", "--02-29", "X"},
	}
	for _, tt := range tests {
		d, ok := parseDateline(tt.text)
		if !ok {
			t.Errorf("parseDateline(%q): no dateline", tt.text)
			continue
		}
		if d.place != tt.place || d.source != tt.source || d.date != tt.date || tt.text[d.end:] != tt.body {
			t.Errorf("parseDateline(%q) = %q %q %q body %q, want %q %q %q body %q", tt.text, d.place, d.source, d.date, tt.text[d.end:], tt.place, tt.source, tt.date, tt.body)
		}
	}
	if _, ok := parseDateline("The Kremlin said on Monday."); ok {
		t.Errorf("parseDateline found a dateline in plain text")
	}
}
