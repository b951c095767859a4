package filestore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrLocked is wrapped by the error of Lock when another process holds
// the graph file's lock and Lock was not asked to wait.
var ErrLocked = errors.New("graph file is locked by another writer")

// lockPoll is how often a waiting Lock tries again.
const lockPoll = 100 * time.Millisecond

// legacyTempAge is the age past which a temporary file of the form that
// holds no process ID (.NAME.tmpDIGITS) is taken as left by a dead writer.
const legacyTempAge = time.Hour

// Holder is the process that holds a graph file's lock, as its lock file
// says.
type Holder struct {
	// PID is the holder's process ID, 0 when the lock file does not say
	// (yet).
	PID int
	// Since is when the holder took the lock (the lock file's time).
	Since time.Time
}

func (h Holder) String() string {
	if h.PID == 0 {
		return "another process"
	}
	return fmt.Sprintf("process %d (since %s)", h.PID, h.Since.Format(time.TimeOnly))
}

// FileLock is the exclusive lock of a writer on a graph file: an OS
// advisory lock (flock(2) on Unix) on the lock file NAME.lock beside it,
// which holds the writer's process ID. A writer holds it for the whole of
// a build or load, from before it reads the file to after it has replaced
// it, so that two writers never both read the same file and the second
// to finish overwrites what the first added. The lock is released when
// the process ends, however it ends. Readers take no lock: WriteFile
// replaces the file atomically.
//
// The lock is taken on the file a symbolic link points to, so writers
// through different links to one file exclude each other. (Hard links
// are different names to the lock; WriteFile replaces the name it is
// given.)
type FileLock struct {
	f      *os.File
	path   string // the lock file
	target string // the graph file, symbolic links resolved
	// Removed lists the temporary files of dead writers that Lock removed.
	Removed []string
}

// Lock takes the writer's lock on the graph file at path (which need not
// exist yet). When another process holds it, Lock calls waiting, once,
// with the holder, and tries again every lockPoll until the lock is free
// or ctx is done (then it returns ctx's error, wrapped); with a nil
// waiting it fails at once with an error wrapping ErrLocked that names
// the file and the holder's process ID.
//
// Once it holds the lock, Lock removes the temporary files that writers
// which died while writing left beside the graph file (see WriteFile);
// their names are in FileLock.Removed.
func Lock(ctx context.Context, path string, waiting func(Holder)) (*FileLock, error) {
	target, err := resolve(path)
	if err != nil {
		return nil, fmt.Errorf("lock graph file %s: %w", path, err)
	}
	lockPath := target + ".lock"
	told := false
	for {
		f, busy, err := acquire(lockPath)
		if err != nil {
			return nil, fmt.Errorf("lock graph file %s: %w", path, err)
		}
		if !busy {
			l := &FileLock{f: f, path: lockPath, target: target}
			if err := l.record(); err != nil {
				l.Unlock()
				return nil, fmt.Errorf("lock graph file %s: %w", path, err)
			}
			l.Removed = removeStale(target)
			return l, nil
		}
		h := holder(lockPath)
		if waiting == nil {
			return nil, fmt.Errorf("%s: %w: %s holds %s", path, ErrLocked, h, lockPath)
		}
		if !told {
			waiting(h)
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for the lock of %s, held by %s: %w", path, h, ctx.Err())
		case <-time.After(lockPoll):
		}
	}
}

// record writes the holder's process ID into the lock file.
func (l *FileLock) record() error {
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err := l.f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return err
}

// Target returns the graph file the lock is on: the path given to Lock
// with symbolic links resolved.
func (l *FileLock) Target() string { return l.target }

// Unlock removes the lock file and releases the lock. Unlocking again
// does nothing.
func (l *FileLock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := release(l.f, l.path)
	l.f = nil
	if err != nil {
		return fmt.Errorf("unlock %s: %w", l.path, err)
	}
	return nil
}

// holder reads the lock file at path.
func holder(path string) Holder {
	var h Holder
	if st, err := os.Stat(path); err == nil {
		h.Since = st.ModTime()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return h
	}
	line, _, _ := strings.Cut(string(data), "\n")
	if pid, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && pid > 0 {
		h.PID = pid
	}
	return h
}

// resolve follows the symbolic links that path's last element is (one to
// another, up to 40), to the file a write must replace. A path that does
// not exist, or a link to nothing, resolves to where the file will be.
func resolve(path string) (string, error) {
	p := path
	for range 40 {
		st, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return p, nil
		case err != nil:
			return "", err
		case st.Mode()&fs.ModeSymlink == 0:
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// tempPrefix is the start of the names of the temporary files that
// WriteFile writes beside target, the process ID following it.
func tempPrefix(target string) string { return "." + filepath.Base(target) + ".tmp." }

// WriteFile replaces the file at path with what write writes, so that a
// reader sees the old file or the new one whole, never part of one: it
// writes a temporary file in the same directory, .NAME.tmp.PID.RANDOM
// (PID the writer's process ID, so that a later writer can tell it is
// stale if the writer dies), syncs it, gives it the mode of the file it
// replaces (0644 for a new file), renames it over the file and syncs the
// directory. When path is a symbolic link, the file it points to is
// replaced and the link kept. On error the temporary file is removed and
// the file is left as it was.
//
// WriteFile takes no lock: writers hold a FileLock around it.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	target, err := resolve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	switch st, err := os.Stat(target); {
	case err == nil && !st.Mode().IsRegular():
		return fmt.Errorf("write %s: %s is not a regular file", path, target)
	case err == nil:
		mode = st.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write %s: %w", path, err)
	}
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, tempPrefix(target)+strconv.Itoa(os.Getpid())+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable, where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// removeStale removes the temporary files beside target that writers
// left when they died: .NAME.tmp.PID.* whose process is not running, and
// .NAME.tmpDIGITS (a form that holds no process ID) older than
// legacyTempAge. The caller holds the lock, so no live writer that takes
// it is writing one. It returns the paths removed.
func removeStale(target string) []string {
	dir := filepath.Dir(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	prefix := tempPrefix(target)
	legacy := strings.TrimSuffix(prefix, ".")
	var removed []string
	for _, e := range entries {
		name := e.Name()
		stale := false
		switch {
		case strings.HasPrefix(name, prefix):
			pidText, _, ok := strings.Cut(name[len(prefix):], ".")
			pid, err := strconv.Atoi(pidText)
			stale = ok && err == nil && pid > 0 && pid != os.Getpid() && !alive(pid)
		case strings.HasPrefix(name, legacy) && allDigits(name[len(legacy):]):
			info, err := e.Info()
			stale = err == nil && time.Since(info.ModTime()) > legacyTempAge
		}
		if !stale || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, name)
		if os.Remove(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
