package extract_test

import (
	"context"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

// TestRelationDates checks what a relation says of its date: the event's
// when its sentence names one, with the precision given, else the
// article's, marked as such; planned events are future; an article
// without a date gives no dates.
func TestRelationDates(t *testing.T) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Chile accused Peru in July 2023 of moving troops to the border. Chile warned Peru on Tuesday that it would respond. " +
		"Chile criticized Peru over the tariffs. Chilean President Anna Ruiz will visit Peru next week, her office said."
	type dated struct{ date, source, precision, tense string }
	want := map[schema.RelationType]dated{
		schema.Accuses:    {"2023-07", schema.DateEvent, "month", ""},
		schema.Warns:      {"2024-03-12", schema.DateEvent, "day", ""},
		schema.Criticizes: {"2024-03-14", schema.DateArticle, "day", ""},
		schema.Visits:     {"2024-03-18", schema.DateEvent, "week", schema.TenseFuture},
		schema.HoldsRole:  {"2024-03-14", schema.DateArticle, "day", ""},
	}
	ex, err := x.Extract(context.Background(), schema.Article{Ref: "t", Published: "2024-03-14", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[schema.RelationType]bool{}
	for _, r := range ex.Relations {
		w, ok := want[r.Type]
		if !ok {
			continue
		}
		seen[r.Type] = true
		if got := (dated{r.Date, r.DateSource, r.DatePrecision, r.Tense}); got != w {
			t.Errorf("%s: %+v, want %+v", r.Type, got, w)
		}
	}
	for ty := range want {
		if !seen[ty] {
			t.Errorf("no %s relation extracted", ty)
		}
	}

	// Without the article's date, only the dates the text gives in full.
	ex, err = x.Extract(context.Background(), schema.Article{Ref: "u", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ex.Relations {
		got := dated{r.Date, r.DateSource, r.DatePrecision, ""}
		if w := (dated{"2023-07", schema.DateEvent, "month", ""}); r.Type == schema.Accuses && got != w {
			t.Errorf("undated article: %s %+v, want %+v", r.Type, got, w)
		}
		if r.Type != schema.Accuses && got != (dated{}) {
			t.Errorf("undated article: %s dated %+v", r.Type, got)
		}
	}
}
