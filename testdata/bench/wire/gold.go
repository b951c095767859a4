package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
)

// record is one gold sentence with its coded events.
type record struct {
	ID       string
	Category string // the file's category ("AFP", "GOLD"; PLOVER: the event category)
	Text     string
	Events   []event
	// Skipped counts gold events dropped because an actor has no country
	// or IGO code ("---REB", NGO, militant movements) or no target.
	Skipped int
}

// event is one gold dyadic event: source and target country codes (first
// three letters, normalized) and the CAMEO code ("042") or, for PLOVER
// records, the CAMEO root the PLOVER category stands for.
type event struct {
	Src, Tgt string
	Code     string
	Label    string // the event as the gold file writes it ("042", "CONSULT")
	RawSrc   string // the gold actor codes as written, for listings
	RawTgt   string
}

// readGold parses a gold file: a PETRARCH validation file (XML records with
// <EventCoding sourcecode targetcode eventcode>) or the PLOVER gold standard
// records (a JSON array, with trailing commas tolerated).
func readGold(data []byte) ([]record, error) {
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '[':
		return readPLOVER(trimmed)
	case bytes.Contains(data, []byte("<Sentence")):
		return readPETRARCH(data)
	}
	return nil, fmt.Errorf("neither a PETRARCH validation file (<Sentence> records) nor PLOVER gold standard records (a JSON array)")
}

var (
	reComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	reSentence = regexp.MustCompile(`(?s)<Sentence\b([^>]*)>(.*?)</Sentence>`)
	reCoding   = regexp.MustCompile(`<EventCoding\b([^>]*?)/?>`)
	reText     = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	reAttr     = regexp.MustCompile(`(\w+)\s*=\s*"([^"]*)"`)
)

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range reAttr.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = a[2]
	}
	return m
}

// readPETRARCH reads validation records with a regular-expression scan: the
// files are not well-formed XML (unclosed <EventCoding ...> tags).
func readPETRARCH(data []byte) ([]record, error) {
	s := reComment.ReplaceAllString(string(data), "")
	var out []record
	for _, m := range reSentence.FindAllStringSubmatch(s, -1) {
		a := attrs(m[1])
		r := record{ID: a["id"], Category: a["category"]}
		if r.ID == "" {
			return nil, fmt.Errorf("a <Sentence> record has no id attribute")
		}
		t := reText.FindStringSubmatch(m[2])
		if t == nil {
			return nil, fmt.Errorf("record %s: no <Text>", r.ID)
		}
		r.Text = strings.Join(strings.Fields(html.UnescapeString(t[1])), " ")
		for _, c := range reCoding.FindAllStringSubmatch(m[2], -1) {
			ca := attrs(c[1])
			if strings.EqualFold(ca["noevents"], "true") || ca["error"] != "" {
				continue // a sentence that must give no event, or a coder error
			}
			code := strings.TrimSpace(ca["eventcode"])
			if code == "" {
				return nil, fmt.Errorf("record %s: <EventCoding> without eventcode", r.ID)
			}
			e := event{Src: normCode(ca["sourcecode"]), Tgt: normCode(ca["targetcode"]),
				Code: code, Label: code, RawSrc: ca["sourcecode"], RawTgt: ca["targetcode"]}
			if e.Src == "" || e.Tgt == "" {
				r.Skipped++
				continue
			}
			r.Events = append(r.Events, e)
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no <Sentence> records")
	}
	return out, nil
}

var reTrailingComma = regexp.MustCompile(`,(\s*[}\]])`)

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

type ploverRecord struct {
	ID       string          `json:"id"`
	Event    string          `json:"event"`
	Text     string          `json:"text"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	TextInfo json.RawMessage `json:"textInfo"`
}

// actorsOf decodes a PLOVER source or target: an array of actors, or an
// empty string or absent field for none.
func actorsOf(raw json.RawMessage) ([]ploverActor, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil, nil
	}
	var as []ploverActor
	err := json.Unmarshal(raw, &as)
	return as, err
}

// readPLOVER reads the PLOVER gold standard records. A record is one event
// with compound actors: every (source, target) pair of distinct codes is a
// gold dyad. A record whose markup says SRC/TAR and has no target is a
// reciprocal event among its sources (CAMEO codes it both ways).
func readPLOVER(data []byte) ([]record, error) {
	data = reTrailingComma.ReplaceAll(data, []byte("$1"))
	var recs []ploverRecord
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("PLOVER records: %w", err)
	}
	var out []record
	for _, p := range recs {
		if p.Event == "DOCUMENT" || p.Text == "" {
			continue // the file's own documentation entry
		}
		root, ok := ploverRoot[p.Event]
		if !ok {
			return nil, fmt.Errorf("record %s: unknown PLOVER event %q", p.ID, p.Event)
		}
		src, err := actorsOf(p.Source)
		if err != nil {
			return nil, fmt.Errorf("record %s: source: %w", p.ID, err)
		}
		tgt, err := actorsOf(p.Target)
		if err != nil {
			return nil, fmt.Errorf("record %s: target: %w", p.ID, err)
		}
		text := strings.TrimSpace(p.Text)
		text = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(text, "{"), "}"))
		r := record{ID: p.ID, Category: p.Event, Text: strings.Join(strings.Fields(text), " ")}
		pairs := func(as, bs []ploverActor) {
			for _, a := range as {
				for _, b := range bs {
					if a.Code == b.Code && a.ActorText == b.ActorText {
						continue
					}
					e := event{Src: normCode(a.Code), Tgt: normCode(b.Code), Code: root, Label: p.Event,
						RawSrc: a.Code + " (" + a.ActorText + ")", RawTgt: b.Code + " (" + b.ActorText + ")"}
					if e.Src == "" || e.Tgt == "" {
						r.Skipped++
						continue
					}
					r.Events = append(r.Events, e)
				}
			}
		}
		switch {
		case len(tgt) > 0:
			pairs(src, tgt)
		case len(src) > 1 && bytes.Contains(p.TextInfo, []byte("SRC/TAR")):
			pairs(src, src)
		default:
			r.Skipped++ // an event with no target: nothing dyadic to find
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no PLOVER records")
	}
	return out, nil
}
