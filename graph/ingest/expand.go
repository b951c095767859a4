package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Stdin is the input name that stands for standard input.
const Stdin = "-"

// Check reports whether every input names something to read: "-" (at most
// once), an existing file or directory, or a glob pattern that matches at
// least one path. Its error wraps ErrNotFound for a missing path or a
// pattern without matches. Callers run it before any work, so that a typo
// fails fast.
func Check(inputs []string) error {
	if len(inputs) == 0 {
		return errors.New("no inputs")
	}
	stdin := 0
	for _, in := range inputs {
		if in == Stdin {
			stdin++
			if stdin > 1 {
				return errors.New(`"-" (standard input) given more than once`)
			}
			continue
		}
		if _, err := os.Stat(in); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("input %s: %w", in, err)
		}
		if !isGlob(in) {
			return fmt.Errorf("input %s: %w", in, ErrNotFound)
		}
		m, err := filepath.Glob(in)
		if err != nil {
			return fmt.Errorf("input %s: bad pattern: %w", in, err)
		}
		if len(m) == 0 {
			return fmt.Errorf("input %s: pattern matches nothing: %w", in, ErrNotFound)
		}
	}
	return nil
}

func isGlob(s string) bool { return strings.ContainsAny(s, "*?[") }

// expand turns inputs into the files to read, in order: each input in the
// order given, a pattern's matches sorted, a directory's files recursively
// in lexical order (only article files, see articleExt; hidden entries
// skipped). A file named twice is read once.
func expand(inputs []string, keep func(name string) bool, skip []string) ([]string, error) {
	if err := Check(inputs); err != nil {
		return nil, err
	}
	var out []string
	seen := make(map[string]bool)
	skipped := newSkipper(skip)
	add := func(p string) {
		if p != Stdin {
			p = filepath.Clean(p)
			if skipped(p) {
				return
			}
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, in := range inputs {
		if in == Stdin {
			add(in)
			continue
		}
		paths := []string{in}
		if _, err := os.Stat(in); err != nil && isGlob(in) {
			paths, err = filepath.Glob(in)
			if err != nil {
				return nil, fmt.Errorf("input %s: bad pattern: %w", in, err)
			}
			sort.Strings(paths)
		}
		for _, p := range paths {
			info, err := os.Stat(p)
			if err != nil {
				return nil, fmt.Errorf("input %s: %w", p, err)
			}
			if !info.IsDir() {
				add(p)
				continue
			}
			err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return fmt.Errorf("walk %s: %w", path, err)
				}
				if path != p && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.Type().IsRegular() && keep(d.Name()) {
					add(path)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// format is how a file's content is read.
type format int

const (
	formatSniff format = iota // by the first non-space byte: '{' JSON Lines, '[' JSON, else text
	formatText                // the whole file is one article
	formatJSONL               // one JSON object a line
	formatJSON                // a JSON array of objects, or objects one after another
)

// baseExt returns the name without a trailing ".gz" and its (lower case)
// extension.
func baseExt(name string) (base, ext string) {
	base = filepath.Base(name)
	if strings.EqualFold(filepath.Ext(base), ".gz") {
		base = base[:len(base)-3]
	}
	ext = strings.ToLower(filepath.Ext(base))
	return base[:len(base)-len(ext)], ext
}

func formatOf(name string) format {
	if name == Stdin {
		return formatSniff
	}
	switch _, ext := baseExt(name); ext {
	case ".txt":
		return formatText
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".json":
		return formatJSON
	}
	return formatSniff
}

// articleExt reports whether a file found in a directory is an article file.
func articleExt(name string) bool {
	switch _, ext := baseExt(name); ext {
	case ".txt", ".json", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// extractionExt reports whether a file found in a directory is an
// extraction file.
func extractionExt(name string) bool {
	switch _, ext := baseExt(name); ext {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// newSkipper returns a function reporting whether a path is one of skip:
// the same absolute path, or the same file.
func newSkipper(skip []string) func(string) bool {
	if len(skip) == 0 {
		return func(string) bool { return false }
	}
	abs := make(map[string]bool)
	var infos []os.FileInfo
	for _, p := range skip {
		if a, err := filepath.Abs(p); err == nil {
			abs[a] = true
		}
		if fi, err := os.Stat(p); err == nil {
			infos = append(infos, fi)
		}
	}
	return func(p string) bool {
		if a, err := filepath.Abs(p); err == nil && abs[a] {
			return true
		}
		if len(infos) == 0 {
			return false
		}
		fi, err := os.Stat(p)
		if err != nil {
			return false
		}
		for _, s := range infos {
			if os.SameFile(fi, s) {
				return true
			}
		}
		return false
	}
}
