//go:build race

package extract_test

// raceEnabled reports whether the tests run under the race detector, which
// slows the extraction loops tenfold: testdata/run-tests runs the timed
// cancellation test without -race.
const raceEnabled = true
