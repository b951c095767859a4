// Command gencorpus writes a generated news corpus as JSON Lines, for
// measuring kg at scale (throughput, memory):
//
//	go run ./testdata/gencorpus -n 100000 > corpus.jsonl
//	/usr/bin/time -v kg build --quiet corpus.jsonl
//
// Articles are made of wire-style sentences over fixed pools of people,
// countries, organizations and cities, so that the extractor finds
// entities and relations in them, and the number of distinct entities
// stays bounded however many articles are generated (as in real news,
// where the same actors come back). The output is a function of -n and
// -seed.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

var (
	given = []string{"Anna", "Boris", "Carlos", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ines", "Jonas",
		"Katarina", "Luis", "Marta", "Nikolai", "Olga", "Pedro", "Rania", "Stefan", "Tomas", "Yusuf"}
	surnames = []string{"Adler", "Barros", "Castell", "Dorin", "Ekberg", "Falk", "Gorski", "Haddad", "Ivanek", "Jovic",
		"Kessler", "Lindqvist", "Moreau", "Novak", "Oyelaran", "Petrov", "Quintero", "Rasmussen", "Sato", "Tamm"}
	countries = []string{"France", "Germany", "Poland", "Turkey", "Egypt", "Brazil", "Mexico", "Japan", "India",
		"Kenya", "Nigeria", "Ukraine", "Russia", "China", "Iran", "Israel", "Spain", "Italy", "Canada", "Australia"}
	capitals = []string{"PARIS", "BERLIN", "WARSAW", "ANKARA", "CAIRO", "BRASILIA", "MEXICO CITY", "TOKYO", "NEW DELHI",
		"NAIROBI", "ABUJA", "KYIV", "MOSCOW", "BEIJING", "TEHRAN", "JERUSALEM", "MADRID", "ROME", "OTTAWA", "CANBERRA"}
	titles = []string{"President", "Prime Minister", "Foreign Minister", "Defence Minister", "Interior Minister"}
	orgs   = []string{"the United Nations", "NATO", "the European Union", "the African Union", "the World Bank",
		"the International Monetary Fund", "the World Health Organization", "OPEC"}
	topics = []string{"trade", "energy supplies", "the border dispute", "migration", "arms control",
		"grain exports", "sanctions relief", "a ceasefire", "debt relief", "water rights"}
	months  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	sources = []string{"AFP", "Reuters", "AP", "TASS", "Xinhua"}
)

type person struct{ name, surname, title, country string }

// people returns a pool of n people: person i has the given name
// given[i%20] and the surname surnames[(i/20+i)%20], a title and a
// country. With n above 20 a surname alone names several people.
func people(n int) []person {
	out := make([]person, n)
	for i := range out {
		out[i] = person{
			name:    given[i%len(given)] + " " + surnames[(i/len(given)+i)%len(surnames)],
			surname: surnames[(i/len(given)+i)%len(surnames)],
			title:   titles[i%len(titles)],
			country: countries[(i*7)%len(countries)],
		}
	}
	return out
}

type article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed")
	npeople := flag.Int("people", 200, "size of the pool of people")
	flag.Parse()
	if *n < 0 || *npeople < 2 {
		fmt.Fprintln(os.Stderr, "gencorpus: -n must be >= 0 and -people >= 2")
		os.Exit(2)
	}
	r := rand.New(rand.NewPCG(*seed, 0x6b67))
	pool := people(*npeople)
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range *n {
		if err := enc.Encode(generate(r, pool, i)); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func generate(r *rand.Rand, pool []person, i int) article {
	a, b := pick(r, pool), pick(r, pool)
	for b.name == a.name {
		b = pick(r, pool)
	}
	c := pick(r, countries)
	ci := r.IntN(len(countries))
	month, day, year := r.IntN(12), 1+r.IntN(28), 2020+r.IntN(6)
	src := pick(r, sources)
	topic := pick(r, topics)
	org := pick(r, orgs)
	var s []string
	s = append(s, fmt.Sprintf("%s, %s %d, %d (%s) - %s %s %s met %s %s %s in %s on Monday to discuss %s, officials said.",
		capitals[ci], months[month], day, year, src, a.country, a.title, a.name, b.country, b.title, b.name, countries[ci], topic))
	s = append(s, fmt.Sprintf("%s said the talks with %s had been \"frank and useful\" and that both sides would meet again next month.", a.surname, b.surname))
	switch r.IntN(4) {
	case 0:
		s = append(s, fmt.Sprintf("%s accused %s of violating the agreement on %s.", a.name, c, topic))
	case 1:
		s = append(s, fmt.Sprintf("%s warned %s against any escalation.", b.name, c))
	case 2:
		s = append(s, fmt.Sprintf("%s urged %s to resume negotiations on %s.", org, a.country, topic))
	default:
		s = append(s, fmt.Sprintf("%s denied the accusations made by %s.", c, b.country))
	}
	if r.IntN(2) == 0 {
		s = append(s, fmt.Sprintf("%s criticized %s for its handling of %s.", b.country, org, topic))
	}
	if r.IntN(3) == 0 {
		s = append(s, fmt.Sprintf("%s is due to visit %s in %s.", a.name, c, months[(month+1)%12]))
	}
	s = append(s, fmt.Sprintf("Analysts said the meeting was unlikely to settle the dispute over %s quickly.", topic))
	return article{
		ID:        fmt.Sprintf("gen-%07d", i),
		Title:     fmt.Sprintf("%s and %s discuss %s", a.surname, b.surname, topic),
		Source:    src,
		Published: fmt.Sprintf("%d-%02d-%02d", year, month+1, day),
		URL:       fmt.Sprintf("https://news.example/%d", i),
		Text:      strings.Join(s, " "),
	}
}
