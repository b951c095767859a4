package eval_test

import (
	"context"
	"fmt"
	"os"

	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/schema"
)

func ExampleScore() {
	g, err := eval.ParseGold([]byte(`{
  "id": "austin-nato",
  "text": "US Secretary of Defense Lloyd Austin will meet NATO allies. Moscow warned Kiev.",
  "entities": [
    {"name": "Lloyd Austin", "type": "Person", "aliases": ["Austin"]},
    {"name": "NATO", "type": "Organization", "aliases": ["NATO allies"]},
    {"name": "United States", "type": "Country", "aliases": ["US"]},
    {"name": "Russia", "type": "Country", "aliases": ["Moscow"]},
    {"name": "Ukraine", "type": "Country", "aliases": ["Kiev"]}
  ],
  "relations": [
    {"subject": "Lloyd Austin", "type": "HOLDS_ROLE", "object": "United States", "role": "Secretary of Defense"},
    {"subject": ["Lloyd Austin", "United States"], "type": "MEETS", "object": "NATO", "tense": "future"},
    {"subject": "Russia", "type": "WARNS", "object": "Ukraine"}
  ],
  "absent": [{"subject": "Ukraine", "type": "WARNS", "object": "*"}]
}`), "austin-nato.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	// A stand-in extractor: it finds the meeting (reversed: MEETS is
	// symmetric), gets the warning backwards and misses the role.
	extract := func(_ context.Context, a schema.Article) (schema.Extraction, error) {
		return schema.Extraction{
			Article: a,
			Entities: []schema.Entity{
				{ID: "e1", Name: "Austin", Type: schema.Person},
				{ID: "e2", Name: "NATO", Type: schema.Organization},
				{ID: "e3", Name: "Moscow", Type: schema.Location},
				{ID: "e4", Name: "Kiev", Type: schema.Country},
			},
			Relations: []schema.Relation{
				{Subject: "e2", Type: schema.Meets, Object: "e1"},
				{Subject: "e4", Type: schema.Warns, Object: "e3"},
			},
		}, nil
	}
	r, err := eval.Score(context.Background(), []eval.Gold{g}, extract)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.WriteTable(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// articles           1
	//                    gold  predicted  P       R       F1
	// entities typed     5     4          0.7500  0.6000  0.6667
	// entities untyped   5     4          1.0000  0.8000  0.8889
	// relations          3     2          0.5000  0.3333  0.4000
	// relations pair     3     2          0.5000  0.3333  0.4000
	//   HOLDS_ROLE       1     0          0.0000  0.0000  0.0000
	//   MEETS            1     1          1.0000  1.0000  1.0000
	//   WARNS            1     1          0.0000  0.0000  0.0000
	// absent violations  1
}
