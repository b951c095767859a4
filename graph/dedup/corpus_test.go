package dedup

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A generated corpus for measuring the Index: news-like articles grouped
// in stories (several articles on one event, with the same actors and
// topic, written independently), a share of them rewritten copies of
// earlier articles. Every proper name is made up from syllables.

var (
	syllables = []string{"ka", "ro", "vel", "mi", "dra", "sen", "to", "lu", "bar", "ne", "os", "tri", "ga", "lem",
		"pa", "zu", "dor", "fi", "ha", "jan", "ki", "mar", "no", "qu", "rin", "sa", "tev", "ul", "vo", "yer"}
	// topics are made of a subject and an object: 300 of them.
	topicSubjects = []string{"grain", "gas", "oil", "steel", "fishing", "water", "border", "visa", "port", "rail",
		"electricity", "fertiliser", "arms", "refugee", "prisoner"}
	topicObjects = []string{"exports", "tariffs", "quotas", "rights", "security", "access", "deliveries", "transit fees",
		"inspections", "subsidies", "sanctions", "licences", "routes", "prices", "controls", "returns", "exchanges",
		"monitoring", "investment", "debts"}
	titles = []string{"President", "Prime Minister", "Foreign Minister", "Defence Minister", "Finance Minister",
		"Interior Minister", "envoy", "ambassador", "spokeswoman", "spokesman"}
	bodies   = []string{"Council", "Union", "Organisation", "Agency", "Forum", "Alliance", "Commission", "Bank"}
	agencies = []string{"Reuters", "AFP", "AP", "TASS", "Xinhua", "Anadolu", "Kyodo", "EFE"}
	monthsEN = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"}
	weekdaysEN = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	say        = []string{"said", "told reporters", "said in a statement", "told a news conference", "wrote on social media",
		"told state television", "said late on " + "Monday", "told parliament"}
	phrases = []string{"there is no alternative to dialogue", "our patience has limits", "the door remains open",
		"we will defend our interests", "this is a matter of principle", "the talks were constructive",
		"nothing has been agreed yet", "the proposal is unacceptable", "we expect concrete steps",
		"the situation is deteriorating", "both sides showed flexibility", "we are ready to compromise",
		"the deadline cannot be moved", "pressure will only make things worse", "trust must be rebuilt",
		"the region needs stability", "we will not be intimidated", "the agreement must be honoured",
		"civilians are paying the price", "time is running out", "the numbers speak for themselves",
		"we are studying the text carefully", "a solution is within reach", "the other side is stalling",
		"history will judge this decision", "the costs are already visible", "no one wants escalation",
		"sanctions have not worked", "we call for restraint", "the mediators deserve credit"}
	boilerplate = []string{
		"The ministry did not immediately respond to a request for comment.",
		"The embassy declined to comment.",
		"Further talks are expected in the coming weeks.",
		"The statement gave no further details.",
		"Officials from both sides were not available for comment.",
	}
	// substitutes are a rewriter's word swaps.
	substitutes = map[string][]string{
		"said": {"stated", "added", "noted"}, "told": {"informed"}, "talks": {"negotiations", "discussions"},
		"met": {"held talks with"}, "warned": {"cautioned"}, "urged": {"called on", "pressed"},
		"criticised": {"condemned", "slammed"}, "agreed": {"consented"}, "rejected": {"dismissed", "refused"},
		"accused": {"blamed"}, "officials": {"authorities"}, "meeting": {"talks", "session"},
		"statement": {"communique"}, "on": {"during"}, "the": {"this"}, "would": {"will"}, "new": {"fresh"},
		"visit": {"trip"}, "plan": {"proposal"}, "government": {"administration", "cabinet"},
	}
)

type story struct {
	people  [3]string // full names
	title   [3]string
	country [3]string
	org     string
	topic   string
	city    string
}

func properName(r *rand.Rand, parts int) string {
	var b strings.Builder
	for range parts {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func newStory(r *rand.Rand) story {
	var s story
	for i := range s.people {
		s.people[i] = properName(r, 2) + " " + properName(r, 2+r.IntN(2))
		s.title[i] = titles[r.IntN(len(titles))]
		s.country[i] = properName(r, 2) + []string{"ia", "stan", "land", "ar"}[r.IntN(4)]
	}
	s.org = "the " + properName(r, 2) + "ian " + bodies[r.IntN(len(bodies))]
	s.topic = topicSubjects[r.IntN(len(topicSubjects))] + " " + topicObjects[r.IntN(len(topicObjects))]
	s.city = properName(r, 2)
	return s
}

func surname(full string) string { return full[strings.LastIndexByte(full, ' ')+1:] }

// sentence writes one sentence about s from one of the templates.
func (s story) sentence(r *rand.Rand, t int) string {
	a, b := r.IntN(3), r.IntN(3)
	if a == b {
		b = (a + 1) % 3
	}
	p, q := s.people[a], s.people[b]
	quote := func() string {
		x := phrases[r.IntN(len(phrases))]
		if r.IntN(2) == 0 {
			x += " and " + phrases[r.IntN(len(phrases))]
		}
		return strings.ToUpper(x[:1]) + x[1:]
	}
	n := 2 + r.IntN(900)
	day := weekdaysEN[r.IntN(7)]
	// alt picks one of the '|'-separated wordings: reporters word the
	// same kind of sentence in many ways.
	alt := func(opts string) string {
		o := strings.Split(opts, "|")
		return o[r.IntN(len(o))]
	}
	switch t % 16 {
	case 0:
		return fmt.Sprintf("%s %s %s %s %s %s %s in %s on %s %s %s.", s.country[a], s.title[a], p,
			alt("met|held talks with|sat down with|received"), s.country[b], s.title[b], q, s.city, day,
			alt("to discuss|for talks on|to try to settle the dispute over|amid a row over"), s.topic)
	case 1:
		return fmt.Sprintf("\"%s,\" %s %s.", quote(), surname(p), say[r.IntN(len(say))])
	case 2:
		return fmt.Sprintf("%s accused %s of %s %s, a charge %s %s.", s.country[a], s.country[b],
			alt("blocking progress on|stalling on|acting in bad faith over|backtracking on"), s.topic, surname(q),
			alt("rejected|denied|dismissed as baseless|called absurd"))
	case 3:
		return fmt.Sprintf("%s %s %s to %s before the end of %s.", s.org, alt("urged|called on|pressed|asked"), s.country[b],
			alt("return to the table|resume talks|make concessions|sign the deal"), monthsEN[r.IntN(12)])
	case 4:
		return fmt.Sprintf("About %d %s gathered outside the %s %s in %s on %s, %s.", n,
			alt("people|protesters|demonstrators|supporters"), s.country[a], alt("embassy|parliament|ministry|mission"), s.city, day,
			alt("according to police|police said|organisers said|witnesses said"))
	case 5:
		return fmt.Sprintf("%s warned that %s would %s if the %s over %s was not %s.", surname(p), s.country[b],
			alt("face consequences|pay a price|regret it|be held responsible"), alt("dispute|row|standoff|quarrel"), s.topic,
			alt("settled|resolved|ended soon"))
	case 6:
		return fmt.Sprintf("The two %s have been at odds over %s since %d, when %s.", alt("governments|countries|neighbours|capitals"), s.topic, 1990+r.IntN(34),
			alt("a previous deal collapsed|talks broke down|a border incident left two dead|an earlier accord expired"))
	case 7:
		return fmt.Sprintf("%s said %d %s from %s would travel to %s %s for %s talks.", s.org, n%40+2,
			alt("officials|experts|diplomats|negotiators"), s.country[a], s.country[b], alt("next week|this month|soon|within days"),
			alt("technical|preliminary|further|closed-door"))
	case 8:
		return fmt.Sprintf("\"%s,\" %s, %s's %s, %s.", quote(), q, s.country[b], s.title[b], say[r.IntN(len(say))])
	case 9:
		return fmt.Sprintf("%s said a %s on %s was unlikely before %s elections in %s.", alt("Analysts|Diplomats|Observers|Experts"),
			alt("breakthrough|deal|compromise|settlement"), s.topic, s.country[r.IntN(3)], monthsEN[r.IntN(12)])
	case 10:
		return fmt.Sprintf("%s %s %s for what it called %s over %s.", s.country[b], alt("criticised|condemned|attacked|rebuked"), s.org,
			alt("a lack of transparency|double standards|bias|its silence"), s.topic)
	case 11:
		return fmt.Sprintf("%s between %s and %s %s %d percent last year to %d.%d billion dollars.", alt("Trade|Commerce|Bilateral trade"),
			s.country[a], s.country[b], alt("fell|rose|dropped|grew"), n%30+1, n%90+1, n%10)
	case 12:
		return fmt.Sprintf("%s is %s to visit %s in %s, the %s in %s said.", p, alt("due|expected|scheduled|set"), s.country[b], monthsEN[r.IntN(12)],
			alt("foreign ministry|government|presidency|embassy"), s.city)
	case 13:
		return fmt.Sprintf("%s and %s agreed to %s on %s.", surname(p), surname(q),
			alt("set up a joint working group|meet again|exchange proposals|keep talking"), s.topic)
	case 14:
		return fmt.Sprintf("%s, who took office in %d, has made %s a %s of the %s government.", p, 2000+r.IntN(25), s.topic,
			alt("priority|centrepiece|key issue"), s.country[a])
	default:
		return fmt.Sprintf("%s %s reports that %s had offered concessions on %s to %s.", s.country[a], alt("denied|rejected|dismissed"), p, s.topic, s.country[b])
	}
}

func dateline(r *rand.Rand, city string) string {
	c := strings.ToUpper(city)
	m, d := monthsEN[r.IntN(12)], 1+r.IntN(28)
	ag := agencies[r.IntN(len(agencies))]
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s, %s %d (%s) - ", c, m, d, ag)
	case 1:
		return fmt.Sprintf("%s, %s %d. /%s/. ", c, m, d, ag)
	case 2:
		return fmt.Sprintf("%s, %s %d, %d (%s) — ", c, m, d, 2020+r.IntN(6), ag)
	}
	return ""
}

// genArticle is one generated article: its sentences and text, and for a
// copy the index of the original its chain of copies started from (-1
// for an original).
type genArticle struct {
	id    string
	text  string
	sents []string
	story int
	orig  int
	exact bool
}

type genCorpus struct {
	arts    []genArticle
	stories []story
	copies  int
}

// generate makes n articles; about copyShare of them are copies of an
// earlier article: one copy in ten an exact repost (another dateline and
// layout), the others rewrites. Half the originals start a story, the
// others are another article, written independently, on one of the 50
// latest stories.
func generate(n int, copyShare float64, seed uint64) *genCorpus {
	r := rand.New(rand.NewPCG(seed, 0x646564))
	g := &genCorpus{arts: make([]genArticle, 0, n)}
	for i := range n {
		var a genArticle
		if i > 0 && r.Float64() < copyShare {
			// Wire copies follow their story within days: nine copies in
			// ten copy one of the 5,000 latest articles, the tenth any
			// earlier article.
			from := r.IntN(i)
			if r.IntN(10) > 0 {
				from = i - 1 - r.IntN(min(i, 5000))
			}
			a = g.copyOf(r, from)
			g.copies++
		} else {
			// Half the originals start a story; the others are another
			// article on one of the 50 latest stories.
			var st int
			if len(g.stories) == 0 || r.IntN(2) == 0 {
				g.stories = append(g.stories, newStory(r))
				st = len(g.stories) - 1
			} else {
				st = len(g.stories) - 1 - r.IntN(min(len(g.stories), 50))
			}
			a = g.original(r, st)
		}
		a.id = fmt.Sprintf("art-%07d", i)
		g.arts = append(g.arts, a)
	}
	return g
}

func (g *genCorpus) original(r *rand.Rand, st int) genArticle {
	s := g.stories[st]
	k := 5 + r.IntN(6)
	perm := r.Perm(16)
	sents := make([]string, 0, k+1)
	sents = append(sents, s.sentence(r, 0)) // the lead
	for _, t := range perm {
		if len(sents) == k {
			break
		}
		if t != 0 {
			sents = append(sents, s.sentence(r, t))
		}
	}
	if r.IntN(4) == 0 {
		sents = append(sents, boilerplate[r.IntN(len(boilerplate))])
	}
	return genArticle{sents: sents, text: dateline(r, s.city) + strings.Join(sents, " "), story: st, orig: -1}
}

// copyOf copies src: an exact repost (one time in ten) under another
// dateline, with other line breaks; else a rewrite: sentences reordered,
// one dropped, one added, words substituted, a number changed, each with
// some probability, and another dateline.
func (g *genCorpus) copyOf(r *rand.Rand, from int) genArticle {
	src := g.arts[from]
	orig := src.orig
	if orig < 0 {
		orig = from
	}
	s := g.stories[src.story]
	if r.IntN(10) == 0 {
		return genArticle{sents: src.sents, story: src.story, orig: orig, exact: true,
			text: dateline(r, s.city) + strings.Join(src.sents, "\n\n")}
	}
	sents := append([]string(nil), src.sents...)
	if r.IntN(2) == 0 && len(sents) > 2 {
		// reorder the body, keep the lead
		body := sents[1:]
		r.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	}
	if r.IntN(2) == 0 && len(sents) >= 6 {
		d := 1 + r.IntN(len(sents)-1)
		sents = append(sents[:d], sents[d+1:]...)
	}
	if r.IntN(2) == 0 {
		at := 1 + r.IntN(len(sents))
		sents = append(sents[:at], append([]string{s.sentence(r, r.IntN(16))}, sents[at:]...)...)
	}
	rate := r.Float64() * 0.06
	for i, sent := range sents {
		words := strings.Split(sent, " ")
		for j, w := range words {
			if subs, ok := substitutes[strings.ToLower(w)]; ok && r.Float64() < rate*4 {
				words[j] = subs[r.IntN(len(subs))]
			} else if r.Float64() < rate/2 {
				words[j] = syllables[r.IntN(len(syllables))] + "s"
			}
		}
		sents[i] = strings.Join(words, " ")
	}
	return genArticle{sents: sents, story: src.story, orig: orig, text: dateline(r, s.city) + strings.Join(sents, " ")}
}

// score adds the corpus to a new Index and counts the copies, the
// duplicates reported, and those reported right: a copy reported as a copy
// of its original or of an earlier copy of its original (which happens
// when that copy was missed: it is then the first article of the story
// that the Index knows). An original reported as a copy is wrong.
type score struct {
	copies, reported, correct int
	wrong                     []string
}

func (g *genCorpus) score() score {
	x := New()
	var s score
	for _, a := range g.arts {
		m, ok := x.Add(a.id, a.text)
		if a.orig >= 0 {
			s.copies++
		}
		if !ok {
			continue
		}
		s.reported++
		if a.orig >= 0 && g.family(m.Of) == a.orig {
			s.correct++
		} else if len(s.wrong) < 10 {
			s.wrong = append(s.wrong, fmt.Sprintf("%s (copy of %d) reported as %s copy of %s (nearest %s, %.2f)", a.id, a.orig, m.Kind, m.Of, m.Nearest, m.Similarity))
		}
	}
	return s
}

// family returns the original that the article id copies, or the
// article itself when it is an original.
func (g *genCorpus) family(id string) int {
	var i int
	if _, err := fmt.Sscanf(id, "art-%d", &i); err != nil || i >= len(g.arts) {
		return -1
	}
	if o := g.arts[i].orig; o >= 0 {
		return o
	}
	return i
}

func (s score) precision() float64 { return float64(s.correct) / float64(max(s.reported, 1)) }
func (s score) recall() float64    { return float64(s.correct) / float64(max(s.copies, 1)) }
