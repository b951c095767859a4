//go:build race

package dedup

// raceEnabled reports whether the tests run under the race detector, ten
// times slower: the large corpus test then runs on fewer articles.
const raceEnabled = true
