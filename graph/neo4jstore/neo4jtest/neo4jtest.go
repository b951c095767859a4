// Package neo4jtest runs a real Neo4j (Community 5.26 LTS, embedded, started by
// testdata/neo4j/start) for integration tests.
//
// Use it from a package's tests as
//
//	func TestMain(m *testing.M) { neo4jtest.Main(m) }
//
//	func TestSomething(t *testing.T) {
//		d := neo4jtest.Driver(t) // skips or fails if Neo4j is unavailable
//		neo4jtest.Reset(t, d)    // empty database, constraints/indexes kept
//		...
//	}
//
// If NEO4J_URI is set, that server is used (with NEO4J_USERNAME/NEO4J_PASSWORD
// if set) and nothing is started. Otherwise Main starts one server for the test
// binary on a free loopback port and stops it when the tests are done. The
// first start on a machine builds the launcher with Maven (downloads from Maven
// Central, a few minutes at most); later starts take ~10s.
//
// If Neo4j cannot be started, tests calling URI/Driver are skipped, unless
// KG_REQUIRE_NEO4J=1 or CI=true, in which case the test binary fails.
//
// Start starts further independent servers (e.g. with NEO4J_AUTH=neo4j/secret
// for authentication tests, or to Kill one mid-load for fault tests). With
// KG_NEO4J_HOME=<dir> a server keeps its data in dir, which Stop and Kill
// leave in place: a server started again on dir recovers what the killed
// one had committed, as after a crash.
//
// Linux only (uses Pdeathsig so servers die with the test binary).
package neo4jtest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// StartTimeout bounds how long Main waits for its server; generous because
// the first start on a machine runs a Maven build.
const StartTimeout = 10 * time.Minute

// stopTimeout is how long Stop waits after SIGTERM before it SIGKILLs.
const stopTimeout = 30 * time.Second

var (
	mainURI    string // bolt URI of the server for this test binary
	mainErr    error  // why there is none
	mainCalled bool
)

// Main runs the tests of a package with a Neo4j server available to URI and
// Driver. Call it from TestMain; it does not return.
func Main(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	mainCalled = true
	if u := os.Getenv("NEO4J_URI"); u != "" {
		mainURI = u
		return m.Run()
	}
	ctx, cancel := context.WithTimeout(context.Background(), StartTimeout)
	srv, err := Start(ctx, 0, nil)
	cancel()
	if err != nil {
		mainErr = err
		if Required() {
			fmt.Fprintf(os.Stderr, "neo4jtest: FAIL: Neo4j is required (KG_REQUIRE_NEO4J=1 or CI=true) but could not be started: %v\n", err)
			return 1
		}
		fmt.Fprintf(os.Stderr, "neo4jtest: Neo4j integration tests will be skipped: %v\n", err)
		return m.Run()
	}
	mainURI = srv.URI()
	defer srv.Stop()
	return m.Run()
}

// Required reports whether an unavailable Neo4j is a test failure rather
// than a reason to skip: KG_REQUIRE_NEO4J=1 or CI=true.
func Required() bool {
	return os.Getenv("KG_REQUIRE_NEO4J") == "1" || os.Getenv("CI") == "true"
}

// Unavailable skips tb, or fails it when Required, with the given reason.
func Unavailable(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if Required() {
		tb.Fatalf("Neo4j is required (KG_REQUIRE_NEO4J=1 or CI=true) but unavailable: %s", msg)
	}
	tb.Skipf("Neo4j unavailable, skipping: %s", msg)
}

// URI returns the bolt URI of the test binary's Neo4j server, or skips/fails
// tb if there is none (see package doc).
func URI(tb testing.TB) string {
	tb.Helper()
	if mainURI != "" {
		return mainURI
	}
	if mainErr != nil {
		Unavailable(tb, "%v", mainErr)
	}
	if u := os.Getenv("NEO4J_URI"); u != "" {
		return u
	}
	tb.Fatal("neo4jtest: no server: call neo4jtest.Main(m) from TestMain (or set NEO4J_URI)")
	return ""
}

// Driver returns a connected driver for URI(tb), closed when tb ends. It
// uses basic auth if NEO4J_USERNAME is set (password from NEO4J_PASSWORD),
// no auth otherwise.
func Driver(tb testing.TB) neo4j.DriverWithContext {
	tb.Helper()
	uri := URI(tb)
	auth := neo4j.NoAuth()
	if u := os.Getenv("NEO4J_USERNAME"); u != "" {
		auth = neo4j.BasicAuth(u, os.Getenv("NEO4J_PASSWORD"), "")
	}
	d, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		tb.Fatalf("neo4jtest: driver for %s: %v", uri, err)
	}
	tb.Cleanup(func() { _ = d.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := d.VerifyConnectivity(ctx); err != nil {
		if mainCalled && os.Getenv("NEO4J_URI") != "" {
			Unavailable(tb, "cannot connect to NEO4J_URI=%s: %v", uri, err)
		}
		tb.Fatalf("neo4jtest: connect to %s: %v", uri, err)
	}
	return d
}

// Reset deletes all nodes and relationships in the default database, in
// batches. Constraints and indexes are kept.
func Reset(tb testing.TB, d neo4j.DriverWithContext) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	defer s.Close(ctx)
	// CALL {} IN TRANSACTIONS needs an auto-commit transaction (Session.Run).
	res, err := s.Run(ctx, "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		tb.Fatalf("neo4jtest: reset database: %v", err)
	}
}

// Server is a Neo4j started by Start.
type Server struct {
	uri    string
	cmd    *exec.Cmd
	homeMu sync.Mutex
	home   string // launcher's temp dir, removed by Kill
	keep   bool   // home was given (KG_NEO4J_HOME): never removed

	done    chan struct{} // closed when the process has exited
	waitErr error         // valid after done

	stderrMu   sync.Mutex
	stderrTail []string

	stopOnce sync.Once
}

// URI is the server's bolt URI, e.g. bolt://127.0.0.1:41234.
func (s *Server) URI() string { return s.uri }

// Done is closed when the server process has exited.
func (s *Server) Done() <-chan struct{} { return s.done }

// Stop stops the server with SIGTERM (SIGKILL after 30s) and waits for it.
// Safe to call more than once and after Kill.
func (s *Server) Stop() {
	s.stopOnce.Do(func() {
		s.signal(syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(stopTimeout):
			fmt.Fprintf(os.Stderr, "neo4jtest: Neo4j on %s did not stop within %s; killing it\n", s.uri, stopTimeout)
			s.signal(syscall.SIGKILL)
			<-s.done
			s.removeHome()
		}
	})
}

// Kill kills the server with SIGKILL (no clean shutdown, as in a crash),
// waits for it and removes its data dir, unless that was given with
// KG_NEO4J_HOME.
func (s *Server) Kill() {
	s.stopOnce.Do(func() {
		s.signal(syscall.SIGKILL)
		<-s.done
		s.removeHome()
	})
}

func (s *Server) signal(sig syscall.Signal) {
	// The process leads its own group; signal the group so that a Maven
	// build still running under start goes too.
	if err := syscall.Kill(-s.cmd.Process.Pid, sig); err != nil {
		_ = s.cmd.Process.Signal(sig)
	}
}

func (s *Server) removeHome() {
	if s.keep {
		return
	}
	s.homeMu.Lock()
	home := s.home
	s.homeMu.Unlock()
	if home != "" && strings.HasPrefix(filepath.Base(home), "kg-neo4j-") {
		_ = os.RemoveAll(home)
	}
}

func (s *Server) tail() string {
	s.stderrMu.Lock()
	defer s.stderrMu.Unlock()
	return strings.Join(s.stderrTail, "\n")
}

// FreePort returns a currently free TCP port on 127.0.0.1.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// RepoRoot returns the nearest directory at or above the working directory
// that contains go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found above the working directory")
		}
		dir = parent
	}
}

// Start starts a new Neo4j with testdata/neo4j/start on 127.0.0.1:port (a
// free port if port is 0) and waits until it accepts Bolt connections or ctx
// ends. env entries (e.g. "NEO4J_AUTH=neo4j/secret") are added to the
// environment. The server dies with the calling process; call Stop (or
// Kill) when done.
func Start(ctx context.Context, port int, env []string) (*Server, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	script := filepath.Join(root, "testdata", "neo4j", "start")
	if _, err := os.Stat(script); err != nil {
		return nil, fmt.Errorf("launcher script: %w", err)
	}
	if port != 0 {
		return start(ctx, script, port, env)
	}
	// A free port can be taken between FreePort and the server binding it;
	// retry a few times on "already in use".
	for attempt := 0; ; attempt++ {
		p, err := FreePort()
		if err != nil {
			return nil, err
		}
		s, err := start(ctx, script, p, env)
		if err == nil || attempt == 2 || !strings.Contains(err.Error(), "already in use") {
			return s, err
		}
	}
}

func start(ctx context.Context, script string, port int, env []string) (*Server, error) {
	cmd := exec.Command(script)
	cmd.Env = append(append(os.Environ(), "NEO4J_PORT="+strconv.Itoa(port)), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	s := &Server{cmd: cmd, done: make(chan struct{})}
	for _, e := range env {
		s.keep = s.keep || strings.HasPrefix(e, "KG_NEO4J_HOME=")
	}

	// Pdeathsig fires when the *thread* that forked the child exits, so fork
	// from a locked thread that stays alive for as long as the process runs.
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			runtime.UnlockOSThread()
			return
		}
		started <- nil
		s.waitErr = cmd.Wait()
		close(s.done)
		runtime.UnlockOSThread()
	}()
	if err := <-started; err != nil {
		return nil, fmt.Errorf("start %s: %w", script, err)
	}

	ready := make(chan string, 1)
	var ioWG sync.WaitGroup
	ioWG.Add(2)
	go func() { // stdout: "kg-neo4j: home DIR", "... READY bolt://..."
		defer ioWG.Done()
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.Index(line, "kg-neo4j: home "); i >= 0 {
				s.homeMu.Lock()
				s.home = strings.TrimSpace(line[i+len("kg-neo4j: home "):])
				s.homeMu.Unlock()
			}
			if i := strings.Index(line, "READY "); i >= 0 {
				select {
				case ready <- strings.TrimSpace(line[i+len("READY "):]):
				default:
				}
			}
		}
	}()
	go func() { // stderr: pass through, keep a tail for errors
		defer ioWG.Done()
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintf(os.Stderr, "neo4j[:%d]: %s\n", port, line)
			s.stderrMu.Lock()
			s.stderrTail = append(s.stderrTail, line)
			if len(s.stderrTail) > 40 {
				s.stderrTail = s.stderrTail[len(s.stderrTail)-40:]
			}
			s.stderrMu.Unlock()
		}
	}()

	notice := time.NewTimer(15 * time.Second)
	defer notice.Stop()
	for {
		select {
		case uri := <-ready:
			s.uri = uri
			return s, nil
		case <-notice.C:
			dl := ""
			if d, ok := ctx.Deadline(); ok {
				dl = fmt.Sprintf(" (giving up in %s)", time.Until(d).Round(time.Second))
			}
			fmt.Fprintf(os.Stderr, "neo4jtest: still waiting for Neo4j on 127.0.0.1:%d%s; the first start on a machine builds the launcher with Maven, which can take minutes\n", port, dl)
		case <-s.done:
			ioWG.Wait() // collect the last stderr lines
			msg := fmt.Sprintf("testdata/neo4j/start exited before Neo4j was ready (%v)", s.waitErr)
			if t := s.tail(); t != "" {
				msg += ":\n" + t
			}
			return nil, errors.New(msg)
		case <-ctx.Done():
			s.Kill()
			return nil, fmt.Errorf("neo4j on 127.0.0.1:%d not ready: %w", port, ctx.Err())
		}
	}
}
