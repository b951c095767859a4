//go:build race

package ingest

// raceEnabled reports whether the tests run under the race detector, which
// makes the large-input tests too slow for it: testdata/run-tests runs
// them without -race.
const raceEnabled = true
