package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// manyNames writes an article of n made-up names in sentences of ten
// (200,000 names: 4.4 MB, which takes kg minutes and gigabytes to
// extract whole) as dir/name.txt, and returns its path.
func manyNames(t *testing.T, dir, name string, n int) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Vorlan%c%c Dessik%d", 'a'+rune(i%26), 'a'+rune(i/26%26), i)
		if i%10 == 9 {
			b.WriteString(" met Japan. ")
		} else {
			b.WriteString(", ")
		}
	}
	path := filepath.Join(dir, name+".txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMaxArticleTime: with --max-article-time 1s, kg build rejects the
// 200,000-name article with that reason (on stderr and in --rejects),
// loads the other articles and exits 0 (1 with --strict); kg extract
// does the same.
func TestMaxArticleTime(t *testing.T) {
	if testing.Short() {
		t.Skip("large article")
	}
	dir := t.TempDir()
	big := manyNames(t, dir, "names", 200000)
	out := filepath.Join(dir, "g.json")
	rejects := filepath.Join(dir, "rejects.jsonl")
	start := time.Now()
	code, stdout, stderr := kg(t, "", "build", "--max-article-time", "1s", "--rejects", rejects, "--out", out, seed, big)
	t.Logf("kg build took %v", time.Since(start).Round(time.Millisecond))
	if code != 0 {
		t.Fatalf("kg build = %d; stderr:\n%s", code, stderr)
	}
	wantReject := "reject: names: extraction took longer than --max-article-time 1s"
	if !strings.Contains(stderr, wantReject) {
		t.Errorf("stderr does not say %q:\n%s", wantReject, stderr)
	}
	if data, _ := os.ReadFile(rejects); !strings.Contains(string(data), `"source":"names","reason":"extraction took longer than --max-article-time 1s"`) {
		t.Errorf("rejects file: %s", data)
	}
	checkGraph(t, out, 1)
	if !strings.Contains(stdout, "rejected") {
		t.Errorf("summary does not count the reject:\n%s", stdout)
	}
	if code, _, _ := kg(t, "", "build", "-q", "--strict", "--max-article-time", "1s", "--out", filepath.Join(dir, "strict.json"), seed, big); code != exitFailure {
		t.Errorf("kg build --strict with a reject = %d, want %d", code, exitFailure)
	}
	code, stdout, stderr = kg(t, "", "extract", "--max-article-time", "1s", seed, big)
	if code != 0 || !strings.Contains(stderr, wantReject) || strings.Count(stdout, "\n") != 1 {
		t.Errorf("kg extract = %d, %d lines; stderr:\n%s", code, strings.Count(stdout, "\n"), stderr)
	}
	if code, _, stderr := kg(t, "", "build", "--max-article-time", "-1s", seed); code != exitUsage {
		t.Errorf("kg build --max-article-time -1s = %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
}

// TestInterruptLargeArticle starts the kg binary on the 200,000-name
// article without a time limit, sends SIGINT (then, in a second run,
// SIGTERM) three seconds in, in the middle of its extraction, and
// measures how long it takes to exit: within 2 s, with the exit status of
// an interruption (130) and the summary of what was loaded.
func TestInterruptLargeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("large article")
	}
	bin := buildKG(t)
	dir := t.TempDir()
	big := manyNames(t, dir, "names", 200000)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		p := startKG(t, bin, "build", "--max-article-time", "0", "--out", filepath.Join(dir, sig.String()+".json"), big)
		time.Sleep(3 * time.Second)
		if !p.running() {
			t.Fatalf("kg build ended before the signal; stderr:\n%s", p.errText())
		}
		sent := time.Now()
		if err := p.cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		code := p.wait(t, 5*time.Minute)
		took := time.Since(sent)
		t.Logf("%v: exited %d after %v", sig, code, took.Round(time.Millisecond))
		if took > 2*time.Second {
			t.Errorf("kg build exited %v after %v, want within 2s", took, sig)
		}
		if code != exitInterrupted || !strings.Contains(p.errText(), "interrupted after loading 0 articles") {
			t.Errorf("kg build after %v = %d, want %d; stderr:\n%s", sig, code, exitInterrupted, p.errText())
		}
	}
}
