//go:build unix

package filestore

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// The tests run a second process by running the test binary again with
// KG_LOCK_HELPER set: TestLockHelper then acts as that process.
const helperEnv = "KG_LOCK_HELPER"

// TestLockHelper is the child process of the tests below, not a test: it
// does what KG_LOCK_HELPER says to the graph file KG_LOCK_PATH, says
// "ready" on stdout, and waits until its stdin closes (or it is killed).
//
//	hold:  takes the lock
//	write: takes the lock and starts a WriteFile that never finishes
func TestLockHelper(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("the child process of the lock tests")
	}
	path := os.Getenv("KG_LOCK_PATH")
	l, err := Lock(context.Background(), path, nil)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	switch mode {
	case "hold":
		fmt.Println("ready")
		io.Copy(io.Discard, os.Stdin)
		l.Unlock()
		os.Exit(0)
	case "write":
		WriteFile(path, func(w io.Writer) error {
			w.Write(bytes.Repeat([]byte("x"), 1<<16))
			fmt.Println("ready")
			io.Copy(io.Discard, os.Stdin)
			return errors.New("stopped")
		})
		os.Exit(0)
	}
	os.Exit(2)
}

// child is a running helper process.
type child struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	done  chan error
}

// startChild runs the helper in mode on path and waits until it is ready.
func startChild(t *testing.T, mode, path string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "KG_LOCK_PATH="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, stdin: stdin, done: make(chan error, 1)}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper %s: %q, %v", mode, line, err)
	}
	go func() { io.Copy(io.Discard, stdout); c.done <- cmd.Wait() }()
	t.Cleanup(func() {
		c.stdin.Close()
		c.cmd.Process.Kill()
		<-c.done
	})
	return c
}

func (c *child) pid() int { return c.cmd.Process.Pid }

// finish closes the helper's stdin and waits for it to exit.
func (c *child) finish(t *testing.T) {
	t.Helper()
	c.stdin.Close()
	select {
	case err := <-c.done:
		c.done <- err
		if err != nil {
			t.Fatalf("helper: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("helper did not exit")
	}
}

// kill kills the helper with SIGKILL and waits for it.
func (c *child) kill(t *testing.T) {
	t.Helper()
	c.cmd.Process.Signal(syscall.SIGKILL)
	err := <-c.done
	c.done <- err
}

func TestLockSecondWriterFailsAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.json")
	c := startChild(t, "hold", path)
	start := time.Now()
	l, err := Lock(context.Background(), path, nil)
	if err == nil {
		l.Unlock()
		t.Fatal("Lock succeeded while another process holds the lock")
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("Lock = %v, want ErrLocked", err)
	}
	for _, want := range []string{path, "process " + strconv.Itoa(c.pid())} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Lock = %q, want it to name %q", err, want)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Lock took %v to fail", d)
	}
	c.finish(t)
	l, err = Lock(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("Lock after the holder exited = %v", err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file left after Unlock: %v", err)
	}
}

func TestLockWaits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.json")
	c := startChild(t, "hold", path)
	var told []Holder
	got := make(chan error, 1)
	go func() {
		l, err := Lock(context.Background(), path, func(h Holder) { told = append(told, h) })
		if err == nil {
			if holder(path+".lock").PID != os.Getpid() {
				err = fmt.Errorf("lock file does not name this process")
			}
			l.Unlock()
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("Lock returned %v while the other process holds the lock", err)
	case <-time.After(500 * time.Millisecond):
	}
	c.finish(t)
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Lock still waiting 10s after the holder exited")
	}
	if len(told) != 1 || told[0].PID != c.pid() {
		t.Errorf("waiting told %+v, want once, the holder %d", told, c.pid())
	}
}

func TestLockWaitCancelled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.json")
	startChild(t, "hold", path)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := Lock(ctx, path, func(Holder) {})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Lock = %v, want the context's deadline", err)
	}
}

func TestLockFreedWhenHolderIsKilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.json")
	c := startChild(t, "hold", path)
	c.kill(t)
	l, err := Lock(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("Lock after the holder was killed = %v", err)
	}
	if h := holder(path + ".lock"); h.PID != os.Getpid() {
		t.Errorf("lock file names %d, want this process %d", h.PID, os.Getpid())
	}
	l.Unlock()
}

func TestLockThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Fatal(err)
	}
	l, err := Lock(context.Background(), link, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	if l.Target() != path {
		t.Errorf("Target = %s, want %s", l.Target(), path)
	}
	if _, err := Lock(context.Background(), path, nil); !errors.Is(err, ErrLocked) {
		t.Errorf("Lock of the link's target = %v, want ErrLocked", err)
	}
}

func TestLockRemovesStaleTempFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.json")
	// A writer killed in the middle of WriteFile leaves its temporary file.
	c := startChild(t, "write", path)
	c.kill(t)
	dead, _ := filepath.Glob(filepath.Join(dir, ".g.json.tmp.*"))
	if len(dead) != 1 || !strings.Contains(dead[0], ".tmp."+strconv.Itoa(c.pid())+".") {
		t.Fatalf("temporary files after the kill: %v, want one of process %d", dead, c.pid())
	}
	// A live process's temporary file, an old one of the form without a
	// process ID, a recent one of that form, and other files are kept or
	// removed as they should be.
	live := startChild(t, "hold", filepath.Join(dir, "other.json"))
	keep := []string{
		filepath.Join(dir, ".g.json.tmp."+strconv.Itoa(live.pid())+".123"),
		filepath.Join(dir, ".g.json.tmp42"),
		filepath.Join(dir, ".g.json.tmp.x.1"),
		filepath.Join(dir, ".h.json.tmp.999999999.1"),
		filepath.Join(dir, "g.json.tmp.999999999.1"),
	}
	old := filepath.Join(dir, ".g.json.tmp1234")
	for _, p := range append(keep, old) {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * legacyTempAge)
	os.Chtimes(old, past, past)

	l, err := Lock(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	want := []string{old, dead[0]}
	if fmt.Sprint(l.Removed) != fmt.Sprint(want) && fmt.Sprint(l.Removed) != fmt.Sprint([]string{dead[0], old}) {
		t.Errorf("Removed = %v, want %v", l.Removed, want)
	}
	for _, p := range want {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s not removed: %v", p, err)
		}
	}
	for _, p := range keep {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteFileKeepsModeAndLinks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.json")

	if err := WriteFile(path, writeString("one")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", st.Mode().Perm())
	}

	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, writeString("two")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode after rewrite %v, want 0600 kept", st.Mode().Perm())
	}

	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	link := filepath.Join(sub, "link.json")
	if err := os.Symlink("../g.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, writeString("three")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link replaced by a regular file (%v)", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "three" {
		t.Errorf("link target holds %q, want three", data)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v after a write through the link, want 0600", st.Mode().Perm())
	}

	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink("made.json", dangling)
	if err := WriteFile(dangling, writeString("four")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "made.json")); string(data) != "four" {
		t.Errorf("dangling link's target holds %q, want four", data)
	}

	loop := filepath.Join(dir, "loop.json")
	os.Symlink("loop.json", loop)
	if err := WriteFile(loop, writeString("five")); err == nil || !strings.Contains(err.Error(), "symbolic links") {
		t.Errorf("WriteFile(link to itself) = %v, want a too-many-links error", err)
	}
	if err := WriteFile(dir, writeString("six")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("WriteFile(directory) = %v, want not a regular file", err)
	}
}

func TestWriteFileFailureLeavesFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.json")
	os.WriteFile(path, []byte("before"), 0o640)
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return errors.New("disk full")
	})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("WriteFile = %v, want the writer's error", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "before" {
		t.Errorf("file holds %q after a failed write, want it unchanged", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d files after a failed write, want the file alone", len(entries))
	}
}

// TestWriteFileReadersSeeWholeFiles rewrites a file many times while
// readers read it: every read is one whole version.
func TestWriteFileReadersSeeWholeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.json")
	versions := [][]byte{bytes.Repeat([]byte("a"), 1<<20), bytes.Repeat([]byte("b"), 1<<19+7)}
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write(versions[0]); return err }); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var reads atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				data, err := os.ReadFile(path)
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(data, versions[0]) && !bytes.Equal(data, versions[1]) {
					errs <- fmt.Errorf("read %d bytes that are neither version", len(data))
					return
				}
				reads.Add(1)
			}
		}()
	}
	for i := range 40 {
		v := versions[i%2]
		if err := WriteFile(path, func(w io.Writer) error {
			for j := 0; j < len(v); j += 4096 {
				if _, err := w.Write(v[j:min(j+4096, len(v))]); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if reads.Load() == 0 {
		t.Error("no read completed")
	}
}
