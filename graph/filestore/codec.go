package filestore

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/kgraph/kg/graph"
)

// Read reads the graph file at path and checks it (graph.Graph.Check):
// a file that is not a graph kg writes, damaged or edited by hand, is
// refused with an error naming the file and its first problem (the error
// of an inconsistent graph wraps graph.ErrInconsistent). The error of a
// file that does not exist wraps fs.ErrNotExist.
func Read(path string) (*graph.Graph, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read graph: %w", err)
	}
	g, err := Decode(data)
	if err != nil {
		return nil, fmt.Errorf("read graph %s: %w", path, err)
	}
	return g, nil
}

// Decode decodes and checks a graph file's content, as Read does.
func Decode(data []byte) (*graph.Graph, error) {
	var g graph.Graph
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, err
	}
	if err := g.Check(); err != nil {
		return nil, err
	}
	return &g, nil
}

// Encode returns g as the graph file holds it: indented JSON, one
// trailing newline, HTML characters unescaped. Sorting is the caller's.
func Encode(g *graph.Graph) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeGraph(&buf, sectionsOf(g)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// section is one array of the graph file: its key, its length, whether it
// is null (a nil slice) or left out when empty (omitempty), and its
// elements.
type section struct {
	name      string
	n         int
	null      bool
	omitEmpty bool
	elem      func(i int) any
}

// sectionsOf returns the arrays of g, as encoding/json would write them.
func sectionsOf(g *graph.Graph) []section {
	return []section{
		{"articles", len(g.Articles), g.Articles == nil, false, func(i int) any { return &g.Articles[i] }},
		{"entities", len(g.Entities), g.Entities == nil, false, func(i int) any { return &g.Entities[i] }},
		{"relations", len(g.Relations), g.Relations == nil, false, func(i int) any { return &g.Relations[i] }},
		{"mentions", len(g.Mentions), g.Mentions == nil, true, func(i int) any { return &g.Mentions[i] }},
	}
}

// writeGraph writes the graph file's JSON element by element, byte for
// byte as a json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false)
// writes the whole Graph, without holding more than one element's JSON.
func writeGraph(w io.Writer, sections []section) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var elem bytes.Buffer
	enc := json.NewEncoder(&elem)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	bw.WriteString("{")
	first := true
	for _, sec := range sections {
		if sec.omitEmpty && sec.n == 0 {
			continue
		}
		if !first {
			bw.WriteString(",")
		}
		first = false
		bw.WriteString("\n  \"" + sec.name + "\": ")
		switch {
		case sec.null:
			bw.WriteString("null")
			continue
		case sec.n == 0:
			bw.WriteString("[]")
			continue
		}
		bw.WriteString("[")
		for i := range sec.n {
			elem.Reset()
			if err := enc.Encode(sec.elem(i)); err != nil {
				return err
			}
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			bw.Write(bytes.TrimSuffix(elem.Bytes(), []byte("\n")))
		}
		bw.WriteString("\n  ]")
	}
	if first {
		bw.WriteString("}\n")
	} else {
		bw.WriteString("\n}\n")
	}
	return bw.Flush()
}
