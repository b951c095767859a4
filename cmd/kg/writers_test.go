package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph/filestore"
)

// splitCorpus writes the n articles of writeCorpus as two JSON Lines
// files, the even lines and the odd ones, and returns their paths.
func splitCorpus(t *testing.T, n int) (string, string) {
	t.Helper()
	data, err := os.ReadFile(writeCorpus(t, n))
	if err != nil {
		t.Fatal(err)
	}
	var halves [2]bytes.Buffer
	for i, line := range strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n") {
		halves[i%2].WriteString(line)
	}
	dir := t.TempDir()
	var paths [2]string
	for i := range halves {
		paths[i] = filepath.Join(dir, []string{"even.jsonl", "odd.jsonl"}[i])
		if err := os.WriteFile(paths[i], halves[i].Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return paths[0], paths[1]
}

// proc is a kg process started by the test.
type proc struct {
	cmd    *exec.Cmd
	mu     sync.Mutex
	stderr bytes.Buffer
	stdout bytes.Buffer
	done   chan struct{}
	err    error
}

// startKG starts the kg binary bin with args, without NEO4J_ variables
// in its environment.
func startKG(t *testing.T, bin string, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(bin, args...), done: make(chan struct{})}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") {
			env = append(env, kv)
		}
	}
	p.cmd.Env = env
	p.cmd.Stdout = &p.stdout
	errPipe, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			p.mu.Lock()
			p.stderr.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
		}
	}()
	go func() {
		<-copied
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// running reports whether the process is still running.
func (p *proc) running() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// errText returns what the process printed on stderr so far.
func (p *proc) errText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

// wait waits for the process to end, at most limit, and returns its exit
// status.
func (p *proc) wait(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(limit):
		p.cmd.Process.Kill()
		<-p.done
		t.Fatalf("%v still running after %v; stderr:\n%s", p.cmd.Args, limit, p.errText())
	}
	return p.cmd.ProcessState.ExitCode()
}

// TestConcurrentBuildsKeepEveryArticle runs two kg build processes into
// one graph file at the same time, each with half of a corpus: both end
// with exit status 0 and the file holds every article of both halves
// (before the writer's lock, the file held the half of whichever wrote
// last). To make them contend for certain, the test holds the file's lock
// while both start, until both say they wait for it; then one builds
// while the other waits for it in turn.
func TestConcurrentBuildsKeepEveryArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the kg binary")
	}
	bin := buildKG(t)
	even, odd := splitCorpus(t, 40)
	out := filepath.Join(t.TempDir(), "g.json")

	held, err := filestore.Lock(context.Background(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := startKG(t, bin, "build", "-q", "--out", out, even)
	b := startKG(t, bin, "build", "-q", "--out", out, odd)
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(a.errText(), "waiting") || !strings.Contains(b.errText(), "waiting") {
		if time.Now().After(deadline) {
			t.Fatalf("the builds do not say they wait for the graph file:\n%s\n%s", a.errText(), b.errText())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if want := "graph file " + out + " is being written by process"; !strings.Contains(a.errText(), want) {
		t.Errorf("the wait message does not say %q:\n%s", want, a.errText())
	}
	if err := held.Unlock(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []*proc{a, b} {
		if code := p.wait(t, 10*time.Minute); code != 0 {
			t.Errorf("%v = %d; stderr:\n%s", p.cmd.Args, code, p.errText())
		}
	}
	g := checkGraph(t, out, 40)
	refs := map[string]bool{}
	for _, art := range g.Articles {
		refs[art.Ref] = true
	}
	if len(refs) != 40 {
		t.Errorf("graph file holds %d distinct articles, want the 40 of both halves", len(refs))
	}
	if _, err := os.Stat(out + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock file left after both builds: %v", err)
	}

	// Started at once without the test's hold, two builds into a new
	// file end with every article too.
	out2 := filepath.Join(t.TempDir(), "g2.json")
	a = startKG(t, bin, "build", "-q", "--out", out2, even)
	b = startKG(t, bin, "build", "-q", "--out", out2, odd)
	for _, p := range []*proc{a, b} {
		if code := p.wait(t, 10*time.Minute); code != 0 {
			t.Errorf("%v = %d; stderr:\n%s", p.cmd.Args, code, p.errText())
		}
	}
	checkGraph(t, out2, 40)
}

// TestBuildRefusesDamagedGraphFile: a graph file that is not one kg
// writes (a relation to an entity it lacks, an unknown type, a confidence
// of -5) is refused by the commands that read it and by a build that
// would add to it, with exit status 1 and the problem named; the file is
// left as it was.
func TestBuildRefusesDamagedGraphFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.json")
	if code, _, stderr := kg(t, "", "build", "-q", "--out", out, seed); code != 0 {
		t.Fatalf("kg build = %d; stderr:\n%s", code, stderr)
	}
	good, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	g := readGraph(t, out)
	e := g.Entities[0]
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"unknown type", `"type": "` + string(e.Type) + `"`, `"type": "BOGUS"`, `unknown type "BOGUS"`},
		{"confidence", `"confidence": `, `"confidence": -5, "x": `, "confidence -5 is outside [0, 1]"},
		{"missing entity", `"subject": "`, `"subject": "ghost`, "is not an entity of the graph"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(good), tc.old, tc.new, 1)
			if bad == string(good) {
				t.Fatalf("%q not in the graph file", tc.old)
			}
			if err := os.WriteFile(out, []byte(bad), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"build", "-q", "--append", "--out", out, seed},
				{"entity", "--graph", out, e.ID},
				{"export", "--graph", out, "--seed", e.ID, "--format", "json"},
			} {
				code, _, stderr := kg(t, "", args...)
				if code != exitFailure || !strings.Contains(stderr, "inconsistent graph") || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, out) {
					t.Errorf("kg %s = %d, want 1 and an error naming %s and %q; stderr:\n%s", args[0], code, out, tc.want, stderr)
				}
			}
			if after, _ := os.ReadFile(out); string(after) != bad {
				t.Errorf("the refused build changed the damaged file")
			}
		})
	}
}
