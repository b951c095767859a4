package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// CSVArrayDelimiter separates the elements of array columns (aliases) and
// the labels of :LABEL in the CSV files: neo4j-admin's default
// (--array-delimiter=";"). A ";" inside an alias is written as "," so that
// it cannot split the alias in two.
const CSVArrayDelimiter = ";"

// CSV header rows.
var (
	CSVNodesHeader         = []string{"id:ID", "name", "type", "aliases:string[]", ":LABEL"}
	CSVRelationshipsHeader = []string{":START_ID", ":END_ID", ":TYPE", "key", "article", "evidence", "date", "date_source", "date_precision", "tense", "confidence:double", "role", "cameo", "support:int"}
)

// CSV writes g as the two input files of neo4j-admin database import:
// the nodes file (conventionally nodes.csv) to nodes and the
// relationships file (relationships.csv) to rels. Headers:
//
//	id:ID,name,type,aliases:string[],:LABEL
//	:START_ID,:END_ID,:TYPE,key,article,evidence,date,date_source,date_precision,tense,confidence:double,role,cameo,support:int
//
// :LABEL is "Entity;<Type>" (e.g. Entity;Person) and :TYPE the relation
// type, both from schema.Label and schema.RelType; arrays are delimited
// by CSVArrayDelimiter. Fields are quoted as RFC 4180 says (a quote is
// doubled), so the defaults of neo4j-admin read them; invisible
// characters (schema.Invisible: zero-width ones, bidirectional controls,
// which CSV has no escape for) are written as the text of their Go
// escape (\u202e), as kg's tables show them, so a spreadsheet shows no
// text reordered; evidence may span lines, which needs
// --multiline-fields=true:
//
//	neo4j-admin database import full --nodes=nodes.csv \
//	    --relationships=relationships.csv --multiline-fields=true neo4j
//
// Entities or relations of a type outside the ontology are an error.
func CSV(nodes, rels io.Writer, g *graph.Graph) error {
	v, err := newView(g)
	if err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	nw := csv.NewWriter(nodes)
	if err := nw.Write(CSVNodesHeader); err != nil {
		return fmt.Errorf("export csv nodes: %w", err)
	}
	for _, e := range v.entities {
		label, err := schema.Label(e.Type)
		if err != nil {
			return fmt.Errorf("export csv: entity %s: %w", e.ID, err)
		}
		as := make([]string, len(e.Aliases))
		for i, a := range e.Aliases {
			as[i] = strings.ReplaceAll(a, CSVArrayDelimiter, ",")
		}
		row := []string{e.ID, e.Name, string(e.Type), strings.Join(as, CSVArrayDelimiter), "Entity" + CSVArrayDelimiter + label}
		if err := nw.Write(visible(row)); err != nil {
			return fmt.Errorf("export csv nodes: %w", err)
		}
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return fmt.Errorf("export csv nodes: %w", err)
	}

	rw := csv.NewWriter(rels)
	if err := rw.Write(CSVRelationshipsHeader); err != nil {
		return fmt.Errorf("export csv relationships: %w", err)
	}
	for _, r := range v.relations {
		rt, err := schema.RelType(r.Type)
		if err != nil {
			return fmt.Errorf("export csv: relation %s: %w", r.Key, err)
		}
		row := []string{r.Subject, r.Object, rt, r.Key, r.Article, r.Evidence, r.Date, r.DateSource, r.DatePrecision, r.Tense,
			strconv.FormatFloat(r.Confidence, 'g', -1, 64), r.Role, r.CAMEO, strconv.Itoa(r.Supported())}
		if err := rw.Write(visible(row)); err != nil {
			return fmt.Errorf("export csv relationships: %w", err)
		}
	}
	rw.Flush()
	if err := rw.Error(); err != nil {
		return fmt.Errorf("export csv relationships: %w", err)
	}
	return nil
}

// visible returns row with the invisible characters of its fields escaped
// (schema.EscapeInvisible).
func visible(row []string) []string {
	for i, f := range row {
		row[i] = schema.EscapeInvisible(f)
	}
	return row
}
