package export_test

import (
	"fmt"
	"os"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/export"
	"github.com/kgraph/kg/schema"
)

func ExampleCSV() {
	lavrov := schema.Entity{ID: "p1", Name: "Sergei Lavrov", Type: schema.Person, Aliases: []string{"Lavrov"}}
	russia := schema.Entity{ID: "c1", Name: "Russia", Type: schema.Country}
	g := &graph.Graph{
		Entities: []schema.Entity{lavrov, russia},
		Relations: []schema.Relation{{
			Key: "r1", Type: schema.HoldsRole, Subject: "p1", Object: "c1", Article: "a1",
			Evidence: `"We will respond," said Foreign Minister Sergei Lavrov.`, Confidence: 0.9, Role: "Foreign Minister",
		}},
	}
	if err := export.CSV(os.Stdout, os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id:ID,name,type,aliases:string[],:LABEL
	// c1,Russia,Country,,Entity;Country
	// p1,Sergei Lavrov,Person,Lavrov,Entity;Person
	// :START_ID,:END_ID,:TYPE,key,article,evidence,date,date_source,date_precision,tense,confidence:double,role,cameo,support:int
	// p1,c1,HOLDS_ROLE,r1,a1,"""We will respond,"" said Foreign Minister Sergei Lavrov.",,,,,0.9,Foreign Minister,,1
}

func ExampleJSON() {
	g := &graph.Graph{Entities: []schema.Entity{{ID: "c1", Name: "Russia", Type: schema.Country, Count: 2}}}
	if err := export.JSON(os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "data": {},
	//   "directed": true,
	//   "multigraph": true,
	//   "elements": {
	//     "nodes": [
	//       {
	//         "data": {
	//           "id": "c1",
	//           "value": "c1",
	//           "label": "Russia",
	//           "name": "Russia",
	//           "type": "Country",
	//           "aliases": [],
	//           "mentions": 2
	//         }
	//       }
	//     ],
	//     "edges": []
	//   }
	// }
}
