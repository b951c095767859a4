package dedup_test

import (
	"fmt"

	"github.com/kgraph/kg/graph/dedup"
)

func ExampleIndex_Add() {
	const story = `The foreign ministers of Marovia and Keltenland met in Ostrava on Tuesday to discuss the disputed fishing grounds, officials said. ` +
		`Marovian Foreign Minister Ilse Dornbach said the talks had been "difficult but useful" and that both sides would meet again next month. ` +
		`Keltenland's Teodor Varga accused Marovia of sending armed patrol boats into the area in breach of a 2019 agreement.`
	x := dedup.New()
	x.Add("reuters-1", "OSTRAVA, March 3 (Reuters) - "+story)
	m, ok := x.Add("tass-7", "OSTRAVA, March 3. /TASS/. "+story)
	fmt.Println(ok, m.Kind, m.Of)
	m, ok = x.Add("afp-2", story+" Talks resume in April.")
	fmt.Println(ok, m.Kind, m.Of, m.Similarity >= dedup.Threshold)
	// Output:
	// true exact reuters-1
	// true near reuters-1 true
}
