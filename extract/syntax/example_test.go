package syntax_test

import (
	"fmt"
	"strings"

	"github.com/kgraph/kg/extract/syntax"
)

func ExampleParser_Parse() {
	words := strings.Fields("Corvia and Ruritania signed a trade agreement .")
	ws := syntax.Default().Parse(words, nil)
	for i, w := range ws {
		head := "ROOT"
		if w.Head >= 0 {
			head = words[w.Head]
		}
		fmt.Printf("%-9s %-9s %-5v %-8v %s\n", words[i], w.Lemma, w.POS, w.Rel, head)
	}
	// Output:
	// Corvia    corvia    PROPN nsubj    signed
	// and       and       CCONJ cc       Ruritania
	// Ruritania ruritania PROPN conj     Corvia
	// signed    sign      VERB  root     ROOT
	// a         a         DET   det      agreement
	// trade     trade     NOUN  compound agreement
	// agreement agreement NOUN  obj      signed
	// .         .         PUNCT punct    signed
}
