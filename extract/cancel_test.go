package extract_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/schema"
)

// manyNames is an article of n made-up names in sentences of ten.
func manyNames(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Vorlan%c%c Dessik%d", 'a'+rune(i%26), 'a'+rune(i/26%26), i)
		if i%10 == 9 {
			b.WriteString(" met Japan. ")
		} else {
			b.WriteString(", ")
		}
	}
	return b.String()
}

// A cancelled extraction returns the context's error soon after, on an
// article that takes minutes to extract whole: the loops look at the
// context every few hundred steps. The bound leaves room for a loaded
// machine (a second of work on an idle core); the command's own test
// measures its exit on SIGINT.
func TestExtractCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("large article")
	}
	if raceEnabled {
		t.Skip("timed: run without -race (testdata/run-tests does)")
	}
	x := newExtractor(t)
	text := manyNames(200000)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := x.Extract(ctx, schema.Article{ID: "big", Text: text})
	took := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Extract error = %v, want %v", err, context.DeadlineExceeded)
	}
	if took > 300*time.Millisecond+5*time.Second {
		t.Errorf("Extract returned %v after its deadline of 300ms, want within 5s (a whole extraction takes minutes)", took)
	}
}
