package syntax

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

// measure runs body b.N times and reports words per second of wall time
// and, where the platform tells it, per second of the thread's CPU time.
func measure(b *testing.B, words int, body func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	c0, ok := threadCPU()
	for b.Loop() {
		body()
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if c1, _ := threadCPU(); ok && c1 > c0 {
		b.ReportMetric(float64(words)*float64(b.N)/(c1-c0), "words/cpu-s")
	}
}

// benchParser returns the embedded parser, or the one of the model file
// named by $KG_SYNTAX_MODEL (to compare models in one run).
func benchParser(b *testing.B) *Parser {
	path := os.Getenv("KG_SYNTAX_MODEL")
	if path == "" {
		return Default()
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	p, err := Load(f)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// benchText is made-up news text, tokenized the way the extractor does it.
var benchText = []string{
	"Maria Lenz , the Corvian foreign minister , met her Ruritanian counterpart in Tarsa on Monday to discuss the border dispute .",
	"The talks , which lasted more than six hours , ended without an agreement , officials from both sides said .",
	"\" We will not accept any deal that ignores the rights of our citizens , \" Lenz told reporters after the meeting .",
	"Ruritania has accused Corvia of moving troops and heavy weapons closer to the frontier in recent weeks .",
	"Corvia denies the claims and says the deployment is part of a routine military exercise planned last year .",
	"The United Nations Security Council is expected to hold an emergency session on the crisis later this week .",
	"Piet Varga , deputy head of the European mission in Tarsa , urged both governments to show restraint .",
	"At least 12 people were killed and 40 wounded when air strikes hit a market in the northern town of Velo on Saturday , according to local hospital officials .",
	"The Northern Alliance said its fighters had repelled an attack by government forces near the airport .",
	"Oil prices rose 3.5 % to $ 84 a barrel , their highest level since March , as traders worried about supplies .",
	"The central bank 's governor warned that inflation could remain above the 2 % target until 2026 .",
	"President Anton Kerr didn't say whether he would attend the summit , but his spokesman said a decision would be made soon .",
	"Protesters gathered outside parliament for a third day , demanding the resignation of the prime minister .",
	"The agreement , signed by the two leaders in February , was meant to end a decade of hostility .",
	"Lenz called on the international community to support the ceasefire and to send observers .",
	"Officials said the U.S. - backed proposal would be discussed at the next round of talks in Geneva .",
}

func benchSentences() ([][]string, int) {
	var ss [][]string
	n := 0
	for _, s := range benchText {
		w := strings.Fields(s)
		ss = append(ss, w)
		n += len(w)
	}
	return ss, n
}

func BenchmarkParse(b *testing.B) {
	p := benchParser(b)
	ss, n := benchSentences()
	b.Run("baseline-lower", func(b *testing.B) {
		// a trivial pass over the same words: lower-case each one
		var sink int
		var buf []byte
		measure(b, n, func() {
			for _, s := range ss {
				for _, w := range s {
					buf = appendLower(buf[:0], w, false)
					sink += len(buf)
				}
			}
		})
	})
	b.Run("tag", func(b *testing.B) {
		var info []wordInfo
		var tags []POS
		var f []uint64
		var scratch []byte
		measure(b, n, func() {
			for _, s := range ss {
				if cap(info) < len(s) {
					info = make([]wordInfo, len(s))
					tags = make([]POS, len(s))
				}
				scratch = fillInfo(s, info[:len(s)], scratch)
				p.fillAmb(info[:len(s)])
				f = p.tag(info[:len(s)], tags[:len(s)], f)
			}
		})
	})
	b.Run("parse", func(b *testing.B) {
		buf := make([]Word, 0, 512)
		b.ReportAllocs()
		measure(b, n, func() {
			for _, s := range ss {
				buf = p.Parse(s, buf)
			}
		})
		b.ReportMetric(float64(testing.AllocsPerRun(1, func() {
			for _, s := range ss {
				buf = p.Parse(s, buf)
			}
		}))/float64(len(ss)), "allocs/sentence")
	})
}
