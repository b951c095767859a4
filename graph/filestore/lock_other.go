//go:build !unix

package filestore

import (
	"errors"
	"io/fs"
	"os"
)

// acquire creates the lock file at path, exclusively: without flock, the
// lock is the file's existence. busy reports that it exists. A writer
// that dies leaves it behind, and the next fails naming it, to be
// removed by hand once no writer runs.
func acquire(path string) (f *os.File, busy bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, true, nil
	}
	return f, false, err
}

// release closes and removes the lock file.
func release(f *os.File, path string) error {
	err := f.Close()
	if rerr := os.Remove(path); err == nil {
		err = rerr
	}
	return err
}

// alive cannot tell, and says yes: no temporary file is taken as stale.
func alive(pid int) bool { return true }
