//go:build unix

package filestore

import (
	"errors"
	"os"
	"syscall"
)

// acquire opens the lock file at path and takes its flock without
// waiting; busy reports that another open file holds it. A lock file that
// was removed or replaced between the open and the flock (its holder
// unlocking) is opened again, so that the lock taken is always on the
// file that path names.
func acquire(path string) (f *os.File, busy bool, err error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, false, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, true, nil
			}
			return nil, false, err
		}
		held, err1 := f.Stat()
		named, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return f, false, nil
		}
		f.Close()
		if err1 != nil {
			return nil, false, err1
		}
		if err2 != nil && !errors.Is(err2, os.ErrNotExist) {
			return nil, false, err2
		}
	}
}

// release removes the lock file while it still holds its lock, then
// closes it, which releases the lock: a process waiting on the removed
// file then finds it gone and opens the path again.
func release(f *os.File, path string) error {
	err := os.Remove(path)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// alive reports whether a process with the given ID runs (or may: one
// that another user runs answers EPERM).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
