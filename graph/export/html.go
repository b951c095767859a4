package export

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strconv"

	"github.com/kgraph/kg/graph"
)

// HTML writes g as one self-contained HTML page: the SVG picture (see SVG)
// inline, then a table of the relations (subject, type, object, date,
// evidence, article, confidence) that sorts by any column when its header
// is clicked, with a few lines of inline JavaScript and CSS: no network
// access is needed to view it.
//
// Everything from the graph is escaped by html/template, article URLs
// included (a URL that is not http, https or mailto is neutralized). The
// SVG is Graphviz's, which escapes the text it draws; the XML prolog is
// removed before it is inlined.
func HTML(w io.Writer, g *graph.Graph) error {
	v, err := newView(g)
	if err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	var pic bytes.Buffer
	if err := svg(&pic, g); err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	svgText := pic.Bytes()
	if i := bytes.Index(svgText, []byte("<svg")); i >= 0 {
		svgText = svgText[i:]
	}
	page := htmlPage{
		Title: fmt.Sprintf("kg: %d entities, %d relations", len(v.entities), len(v.relations)),
		SVG:   template.HTML(svgText), // Graphviz output: its text is escaped by Graphviz.
	}
	for _, r := range v.relations {
		a := v.articleOf(r)
		at := a.Title
		if at == "" {
			at = a.ID
		}
		page.Rows = append(page.Rows, htmlRow{
			Subject: v.name(r.Subject), Type: string(r.Type), Object: v.name(r.Object),
			Date: dateNote(r), Evidence: r.Evidence, Article: at, ArticleID: a.ID, URL: a.URL,
			Published: a.Published, Confidence: strconv.FormatFloat(r.Confidence, 'f', 2, 64), Key: r.Key,
		})
	}
	var out bytes.Buffer
	if err := htmlTemplate.Execute(&out, page); err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	return nil
}

type htmlPage struct {
	Title string
	SVG   template.HTML
	Rows  []htmlRow
}

type htmlRow struct {
	Subject, Type, Object, Date, Evidence string
	Article, ArticleID, URL, Published    string
	Confidence, Key                       string
}

var htmlTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; }
.picture { overflow: auto; border: 1px solid #ddd; margin-bottom: 1.5em; }
.picture svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { cursor: pointer; user-select: none; background: #f5f5f5; position: sticky; top: 0; }
th[aria-sort=ascending]::after { content: " \25B2"; }
th[aria-sort=descending]::after { content: " \25BC"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.evidence { max-width: 40em; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<div class="picture">{{.SVG}}</div>
<table id="relations">
<thead><tr><th>Subject</th><th>Type</th><th>Object</th><th>Date</th><th>Evidence</th><th>Article</th><th data-type="number">Confidence</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr data-key="{{.Key}}"><td>{{.Subject}}</td><td>{{.Type}}</td><td>{{.Object}}</td><td>{{.Date}}</td><td class="evidence">{{.Evidence}}</td><td title="{{.ArticleID}}">{{if .URL}}<a href="{{.URL}}">{{.Article}}</a>{{else}}{{.Article}}{{end}}{{if .Published}} ({{.Published}}){{end}}</td><td class="num">{{.Confidence}}</td></tr>
{{- end}}
</tbody>
</table>
<script>
(function () {
  var table = document.getElementById("relations");
  var heads = table.tHead.rows[0].cells;
  for (var i = 0; i < heads.length; i++) {
    heads[i].addEventListener("click", sorter(i));
  }
  function sorter(col) {
    return function () {
      var th = heads[col];
      var asc = th.getAttribute("aria-sort") !== "ascending";
      for (var j = 0; j < heads.length; j++) heads[j].removeAttribute("aria-sort");
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var num = th.getAttribute("data-type") === "number";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent, y = b.cells[col].textContent;
        var c = num ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    };
  }
})();
</script>
</body>
</html>
`))
