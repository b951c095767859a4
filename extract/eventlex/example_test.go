package eventlex_test

import (
	"fmt"

	"github.com/kgraph/kg/extract/eventlex"
)

// Match an entry of the embedded lexicon against the dependency frame of
// "Washington imposed sanctions on Moscow".
func ExampleEntry_Match() {
	f := &eventlex.Frame{
		Lemma:   "impose",
		Subject: &eventlex.Word{Lemma: "washington"},
		Object:  &eventlex.Word{Lemma: "sanction"},
		Preps:   []eventlex.Prep{{Case: "on", Word: eventlex.Word{Lemma: "moscow"}}},
	}
	for _, e := range eventlex.Default().Verb("impose") {
		if targets, ok := e.Match(f); ok && len(targets) > 0 {
			fmt.Println(e.Type, e.Pattern, "->", targets[0].Word.Lemma, "via", targets[0].Arg)
			break
		}
	}
	// Output: SANCTIONS obj=sanctions|sanction -> moscow via prep:on
}

// Look up a surface form, a noun and a modality cue.
func ExampleLexicon_Lemma() {
	l := eventlex.Default()
	lemma, _ := l.Lemma("accused")
	fmt.Println(lemma, l.Verb(lemma)[0].Type)
	fmt.Println(l.Noun("invasion")[0].Type, l.Noun("invasion")[0].Slot)
	m, _ := l.Modality("refuse")
	fmt.Println(m.Complement, m.Effect)
	// Output:
	// accuse ACCUSES
	// FIGHTS prep:of
	// to rejects
}
