package eventlex

import (
	"bytes"
	"testing"
)

// BenchmarkLoad measures parsing the embedded lexicon, what Default does
// once per process.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(eventsTSV), bytes.NewReader(formsTSV), bytes.NewReader(modalityTSV)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchVerb measures matching every entry of a frequent verb
// against one frame.
func BenchmarkMatchVerb(b *testing.B) {
	l := Default()
	f := &Frame{Lemma: "strike", Subject: &Word{Lemma: "israel"}, Object: &Word{Lemma: "target", Mods: []string{"military"}},
		Preps: []Prep{{Case: "in", Word: Word{Lemma: "gaza"}}}}
	es := l.Verb("strike")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range es {
			es[j].Match(f)
		}
	}
}
