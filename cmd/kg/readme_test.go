package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph/neo4jstore/neo4jtest"
)

// TestReadmeCommands runs the commands of README.md's sh blocks, in order,
// in an empty directory that holds testdata: each must succeed. Those after
// `export NEO4J_URI=...` run against the test Neo4j, emptied first;
// starting Neo4j and running the tests (testdata/neo4j/start,
// testdata/run-tests) is what the test itself does, and is left out; kg
// serve is started on a free port and asked for its page and a search. A
// line the test cannot run fails it, so that the README shows no command
// that goes unchecked.
func TestReadmeCommands(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var file, neo [][]string // commands without and with Neo4j
	inSh, withNeo4j := false, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "```sh":
			inSh = true
			continue
		case strings.HasPrefix(line, "```"):
			inSh = false
			continue
		case !inSh || line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "testdata/run-tests" || strings.HasPrefix(line, "NEO4J_PORT="):
			continue
		case strings.HasPrefix(line, "export NEO4J_URI="):
			withNeo4j = true
			continue
		}
		rest, ok := strings.CutPrefix(line, "go run ./cmd/kg ")
		if !ok {
			t.Errorf("README.md: a command the test cannot run: %s", line)
			continue
		}
		args, err := shellWords(rest)
		if err != nil {
			t.Errorf("README.md: %s: %v", line, err)
			continue
		}
		if withNeo4j {
			neo = append(neo, args)
		} else {
			file = append(file, args)
		}
	}
	if len(file) < 5 || len(neo) < 2 {
		t.Fatalf("README.md shows %d commands on the graph file and %d on Neo4j; the test means to run more", len(file), len(neo))
	}

	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "testdata"), filepath.Join(dir, "testdata")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("NEO4J_URI", "")
	runAll := func(t *testing.T, cmds [][]string) {
		t.Helper()
		for _, args := range cmds {
			if len(args) > 0 && args[0] == "serve" {
				// kg serve runs until stopped: started on a free port
				// (the README's default may be taken), it must answer
				// with its page and an entity search, then stop cleanly
				base := startServe(t, append(args[1:], "--addr", "127.0.0.1:0")...)
				if code, body := fetch(t, base, "/", "", ""); code != 200 || !strings.Contains(body, "<html") {
					t.Errorf("kg %s: GET / = %d", strings.Join(args, " "), code)
				}
				if code, body := fetch(t, base, "/api/search?q=Peskov", "", ""); code != 200 || !strings.Contains(body, "Peskov") {
					t.Errorf("kg %s: GET /api/search?q=Peskov = %d: %.200s", strings.Join(args, " "), code, body)
				}
				continue
			}
			if code, _, stderr := kg(t, "", args...); code != exitOK {
				t.Errorf("kg %s = %d, stderr:\n%s", strings.Join(args, " "), code, stderr)
			}
		}
	}
	runAll(t, file)
	t.Run("neo4j", func(t *testing.T) {
		uri := neo4jtest.URI(t)
		neo4jtest.Reset(t, neo4jtest.Driver(t))
		t.Setenv("NEO4J_URI", uri)
		runAll(t, neo)
	})
}

// shellWords splits a command line as a shell would split this simple
// kind: words separated by spaces, single and double quotes keeping
// spaces (no escapes, no variables).
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				w.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case r == '\\' || r == '$' || r == '|' || r == '>' || r == '<' || r == '`' || r == ';' || r == '&':
			return nil, errUnsupportedShell(r)
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errUnsupportedShell(quote)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

type errUnsupportedShell rune

func (e errUnsupportedShell) Error() string {
	return "shell syntax the test does not run: " + string(rune(e))
}
