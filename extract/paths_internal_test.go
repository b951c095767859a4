package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/eval"
	"github.com/kgraph/kg/schema"
)

// TestMissPaths prints, for the gold relations of KG_PATHS_DIR that the
// extractor misses although both ends are named in one sentence, the
// dependency path between the two names: where the rules fall short.
func TestMissPaths(t *testing.T) {
	dir := os.Getenv("KG_PATHS_DIR")
	if dir == "" {
		t.Skip("KG_PATHS_DIR not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	x, _ := New(Options{})
	counts := map[string]int{}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		gd, err := eval.ParseGold(data, f)
		if err != nil {
			t.Fatal(err)
		}
		a := schema.Article{ID: gd.ID, Published: gd.Published, Source: gd.Source, Text: gd.Text}
		d, _ := x.newDoc(context.Background(), a)
		d.run()
		names := map[string][]int{} // folded gold name -> doc entities
		for e, en := range d.ents {
			for _, n := range append([]string{en.name}, en.aliases...) {
				names[eval.Fold(n)] = append(names[eval.Fold(n)], e)
			}
		}
		ents := func(ns eval.Names) map[int]bool {
			out := map[int]bool{}
			for _, n := range ns {
				for _, ge := range gd.Entities {
					if ge.Name != n {
						continue
					}
					for _, a := range append([]string{ge.Name}, ge.Aliases...) {
						for _, e := range names[eval.Fold(a)] {
							out[e] = true
						}
					}
				}
			}
			return out
		}
		have := map[string]bool{}
		for _, r := range d.rels {
			have[fmt.Sprint(r.subj, r.typ, r.obj)] = true
			if r.typ.Symmetric() {
				have[fmt.Sprint(r.obj, r.typ, r.subj)] = true
			}
		}
		var g grammar
		for _, gr := range gd.Relations {
			S, O := ents(gr.Subject), ents(gr.Object)
			found := false
			for s := range S {
				for o := range O {
					found = found || have[fmt.Sprint(s, gr.Type, o)]
				}
			}
			if found || len(S) == 0 || len(O) == 0 {
				continue
			}
			// the first sentence naming both
			for si, s := range d.sents {
				ws, wo := -1, -1
				for k := s.from; k < s.to; k++ {
					if mi := d.mentionAt[k]; mi >= 0 {
						if S[d.ments[mi].ent] && ws < 0 {
							ws = k - s.from
						}
						if O[d.ments[mi].ent] && wo < 0 {
							wo = k - s.from
						}
					}
				}
				if ws < 0 || wo < 0 || ws == wo || s.to-s.from > maxSentence {
					continue
				}
				g.load(d, s)
				p := g.path(ws, wo)
				counts[string(gr.Type)+" "+p]++
				if os.Getenv("KG_PATHS_VERBOSE") != "" {
					fmt.Printf("%s %s  ::  %s\n", gr.Type, p, strings.TrimSpace(d.text[s.start:s.end]))
				}
				_ = si
				break
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range counts {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v || list[i].v == list[j].v && list[i].k < list[j].k })
	for _, e := range list {
		fmt.Printf("%3d %s\n", e.v, e.k)
	}
}

// path writes the dependency path from word a up to the lowest common
// head and down to word b: "nsubj^ urge obj_".
func (g *grammar) path(a, b int) string {
	up := func(w int) []int {
		var out []int
		for w >= 0 && len(out) < 40 {
			out = append(out, w)
			w = g.words[w].Head
		}
		return out
	}
	pa, pb := up(a), up(b)
	pos := map[int]int{}
	for i, w := range pb {
		pos[w] = i
	}
	var parts []string
	for i, w := range pa {
		if j, ok := pos[w]; ok {
			parts = append(parts, g.words[w].Lemma)
			var down []string
			for k := j - 1; k >= 0; k-- {
				down = append(down, g.words[pb[k]].Rel.String()+"_")
			}
			return strings.Join(append(parts, down...), " ")
		}
		if i > 0 {
			parts = append(parts, g.words[w].Lemma)
		}
		parts = append(parts, g.words[w].Rel.String()+"^")
	}
	return "?"
}
