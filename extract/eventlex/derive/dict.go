package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// dict is the part of a PETRARCH verb dictionary that derive reads: the
// synonym sets and the verb blocks.
type dict struct {
	synsets map[string]*synset
	order   []string // synset names in file order
	blocks  []*block
}

// synset is a named set of nouns ("&WEAPON"). Members are head words, lower
// case; plural is false for a member written with a trailing "_" or for
// every member of a set whose name ends in "_".
type synset struct {
	name    string
	members []member
}

type member struct {
	head   string
	plural bool
}

// block is a verb synonym block: "--- NAME [CODE] ---", its verbs and its
// patterns.
type block struct {
	name, code string
	line       int
	verbs      []*verb
	patterns   []*pattern
}

// verb is one verb line of a block.
type verb struct {
	lemma string   // the verb word, lower case
	back  []string // words after the verb in a multi-word verb ("call_off")
	front []string // words before it ("wire_+tap")
	forms []string // surface forms of the verb word, lemma included
	code  string   // its own code, or "" for the block's
	line  int
}

// key is the verb with its words after it ("rule out").
func (v *verb) key() string { return strings.Join(append([]string{v.lemma}, v.back...), " ") }

// pattern is one "- pre * post [code] # verbs" line.
type pattern struct {
	pre, post string
	code      string
	found     []string // verbs named in the comment, as written
	line      int
}

var blockRE = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)

// readDict parses a PETRARCH verb dictionary: synonym sets from "#######
// SYNONYM SETS", blocks from "####### VERB PATTERNS", up to the
// transformations, which derive does not use.
func readDict(r io.Reader) (*dict, error) {
	d := &dict{synsets: map[string]*synset{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	section := ""
	var cur *synset
	var blk *block
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r \t")
		switch {
		case strings.HasPrefix(line, "####### SYNONYM SETS"):
			section = "syn"
			continue
		case strings.HasPrefix(line, "####### VERB PATTERNS"):
			section = "verbs"
			continue
		case strings.HasPrefix(line, "######## TRANSFORMATIONS"):
			section = "done"
			continue
		}
		if section == "" || section == "done" || strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if section == "syn" {
			switch {
			case strings.HasPrefix(line, "&"):
				name := strings.Fields(line)[0]
				cur = &synset{name: name}
				if _, dup := d.synsets[name]; dup {
					return nil, fmt.Errorf("line %d: synset %s defined twice", n, name)
				}
				d.synsets[name] = cur
				d.order = append(d.order, name)
			case strings.HasPrefix(line, "+"):
				if cur == nil {
					return nil, fmt.Errorf("line %d: synset member outside a synset", n)
				}
				w := strings.Fields(strings.SplitN(line, "#", 2)[0])
				if len(w) == 0 {
					continue
				}
				cur.members = append(cur.members, synMember(w[0][1:], !strings.HasSuffix(cur.name, "_")))
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "---"):
			m := blockRE.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("line %d: block header %q: want --- NAME [CODE] ---", n, line)
			}
			blk = &block{name: m[1], code: m[2], line: n}
			d.blocks = append(d.blocks, blk)
		case strings.HasPrefix(line, "~"):
			// A transformation inside the verb section: not used.
		case strings.HasPrefix(line, "-"):
			if blk == nil {
				return nil, fmt.Errorf("line %d: pattern before any block", n)
			}
			p, err := readPattern(line[1:], n)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			blk.patterns = append(blk.patterns, p)
		default:
			if blk == nil {
				return nil, fmt.Errorf("line %d: verb before any block", n)
			}
			v, err := readVerb(line, n)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			if v != nil {
				blk.verbs = append(blk.verbs, v)
			}
		}
	}
	return d, sc.Err()
}

// synMember reads a synonym set member: "GUN", "CASH_", "CRUISE_MISSILES",
// "WEAPON_OF_MASS_DESTRUCTION_". A phrase contributes its head word: the
// last word, or the word before "OF".
func synMember(s string, plural bool) member {
	if strings.HasSuffix(s, "_") {
		plural = false
		s = strings.TrimSuffix(s, "_")
	}
	words := strings.Split(strings.ToLower(s), "_")
	head := words[len(words)-1]
	for i, w := range words {
		if w == "of" && i > 0 {
			head = words[i-1]
			break
		}
	}
	return member{head: head, plural: plural}
}

// readVerb parses a verb line: STEM [{FORMS}] [[CODE]] [# comment]. STEM
// may be a multi-word verb with "+" before the verb word ("+CALL_OFF",
// "WIRE_+TAP").
func readVerb(line string, n int) (*verb, error) {
	line = strings.SplitN(line, "#", 2)[0]
	line = strings.SplitN(line, ";", 2)[0]
	line = strings.TrimSpace(line)
	if line == "" {
		return nil, nil
	}
	v := &verb{line: n}
	if i := strings.Index(line, "["); i >= 0 {
		j := strings.Index(line[i:], "]")
		if j < 0 {
			return nil, fmt.Errorf("verb %q: unclosed [", line)
		}
		v.code = strings.TrimSpace(line[i+1 : i+j])
		line = strings.TrimSpace(line[:i] + line[i+j+1:])
	}
	var forms []string
	hasBraces := false
	if i := strings.Index(line, "{"); i >= 0 {
		j := strings.Index(line, "}")
		if j < i {
			return nil, fmt.Errorf("verb %q: unclosed {", line)
		}
		hasBraces = true
		for _, f := range strings.Fields(strings.ReplaceAll(line[i+1:j], ",", " ")) {
			forms = append(forms, verbWord(f))
		}
		line = strings.TrimSpace(line[:i] + line[j+1:])
	}
	fs := strings.Fields(line)
	if len(fs) != 1 {
		return nil, fmt.Errorf("verb %q: want one stem", line)
	}
	stem := strings.ToLower(fs[0])
	if strings.Contains(stem, "_") || strings.HasPrefix(stem, "+") {
		front, rest, ok := strings.Cut(stem, "+")
		if !ok {
			rest, front = stem, ""
		}
		words := strings.Split(rest, "_")
		v.lemma = words[0]
		for _, w := range words[1:] {
			if w != "" {
				v.back = append(v.back, w)
			}
		}
		for _, w := range strings.Split(front, "_") {
			if w != "" {
				v.front = append(v.front, w)
			}
		}
	} else {
		v.lemma = stem
	}
	if v.lemma == "" {
		return nil, fmt.Errorf("verb %q: no verb word", line)
	}
	v.forms = []string{v.lemma}
	if hasBraces {
		v.forms = append(v.forms, forms...)
	} else {
		v.forms = append(v.forms, regularForms(v.lemma)...)
	}
	return v, nil
}

// verbWord returns the verb word of a form as written in braces:
// "+ASKED_FOR" -> "asked", "WIRE_+TAPS" -> "taps", "SPED" -> "sped".
func verbWord(f string) string {
	f = strings.ToLower(f)
	if _, after, ok := strings.Cut(f, "+"); ok {
		f = after
	}
	w, _, _ := strings.Cut(f, "_")
	return w
}

// regularForms generates the forms of a regular verb the way PETRARCH does:
// -s (-es after s, x, z; -ies after y), -ed (-d after e), -ing (dropping an
// e that follows a consonant).
func regularForms(stem string) []string {
	var out []string
	switch {
	case strings.HasSuffix(stem, "s"), strings.HasSuffix(stem, "x"), strings.HasSuffix(stem, "z"):
		out = append(out, stem+"es")
	case strings.HasSuffix(stem, "y"):
		out = append(out, stem[:len(stem)-1]+"ies")
	default:
		out = append(out, stem+"s")
	}
	if strings.HasSuffix(stem, "e") {
		out = append(out, stem+"d")
	} else {
		out = append(out, stem+"ed")
	}
	if len(stem) >= 2 && strings.HasSuffix(stem, "e") && !strings.ContainsRune("aeiou", rune(stem[len(stem)-2])) {
		out = append(out, stem[:len(stem)-1]+"ing")
	} else {
		out = append(out, stem+"ing")
	}
	return out
}

// readPattern parses the text after "-" of a pattern line.
func readPattern(s string, n int) (*pattern, error) {
	body, comment, _ := strings.Cut(s, "#")
	p := &pattern{line: n}
	i := strings.LastIndex(body, "[")
	j := strings.LastIndex(body, "]")
	if i < 0 || j < i {
		return nil, fmt.Errorf("pattern %q: no [code]", strings.TrimSpace(s))
	}
	p.code = strings.TrimSpace(body[i+1 : j])
	body = body[:i]
	pre, post, ok := strings.Cut(body, "*")
	if !ok {
		return nil, fmt.Errorf("pattern %q: no * for the verb", strings.TrimSpace(s))
	}
	p.pre, p.post = strings.TrimSpace(pre), strings.TrimSpace(post)
	for _, f := range strings.Split(comment, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		// A comment holds the verbs the pattern was found with, sometimes
		// followed by a coder's note: keep its first word.
		f = strings.Fields(f)[0]
		if isUpperWord(f) {
			p.found = append(p.found, strings.ToLower(f))
		}
	}
	return p, nil
}

func isUpperWord(s string) bool {
	for _, c := range s {
		if !(c >= 'A' && c <= 'Z' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}
