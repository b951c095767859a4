package syntax

// POS is a Universal Dependencies part-of-speech tag (UPOS). The zero value
// is no tag.
type POS uint8

// The seventeen Universal POS tags.
const (
	ADJ POS = iota + 1
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	numPOS = int(X) + 1
)

var posNames = [numPOS]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the UD name of the tag ("NOUN"), or "_" for the zero value.
func (p POS) String() string {
	if int(p) < numPOS {
		return posNames[p]
	}
	return "_"
}

// ParsePOS returns the tag named s ("NOUN"), or false.
func ParsePOS(s string) (POS, bool) {
	for i := 1; i < numPOS; i++ {
		if posNames[i] == s {
			return POS(i), true
		}
	}
	return 0, false
}

// Rel is a Universal Dependencies relation, with the subtypes the English
// Web Treebank uses (nsubj:pass, acl:relcl, obl:agent, ...). The zero value
// is no relation.
type Rel uint8

// The relations. OblUnmarked and NmodUnmarked are the bare noun-phrase
// modifiers ("met Tuesday", "five miles long") that earlier UD releases
// called obl:tmod, obl:npmod, nmod:tmod and nmod:npmod.
const (
	Acl          Rel = iota + 1 // acl: clausal modifier of a noun
	AclRelcl                    // acl:relcl: relative clause
	Advcl                       // advcl: adverbial clause
	AdvclRelcl                  // advcl:relcl: sentential relative clause
	Advmod                      // advmod: adverbial modifier
	Amod                        // amod: adjectival modifier
	Appos                       // appos: apposition
	Aux                         // aux: auxiliary
	AuxPass                     // aux:pass: passive auxiliary
	Case                        // case: case marker (preposition, possessive 's)
	CC                          // cc: coordinating conjunction
	CCPreconj                   // cc:preconj: preconjunct ("both", "either")
	Ccomp                       // ccomp: clausal complement
	Compound                    // compound
	CompoundPrt                 // compound:prt: verb particle
	Conj                        // conj: conjunct
	Cop                         // cop: copula
	Csubj                       // csubj: clausal subject
	CsubjOuter                  // csubj:outer
	CsubjPass                   // csubj:pass: clausal passive subject
	Dep                         // dep: unspecified dependency
	Det                         // det: determiner
	DetPredet                   // det:predet: predeterminer ("all the")
	Discourse                   // discourse
	Dislocated                  // dislocated
	Expl                        // expl: expletive ("there", "it")
	Fixed                       // fixed: fixed multiword expression
	Flat                        // flat: flat name
	Goeswith                    // goeswith
	IObj                        // iobj: indirect object
	List                        // list
	Mark                        // mark: subordinating marker ("that", "to")
	Nmod                        // nmod: nominal modifier
	NmodDesc                    // nmod:desc: descriptive nominal modifier
	NmodPoss                    // nmod:poss: possessive
	NmodUnmarked                // nmod:unmarked: bare noun-phrase modifier of a noun
	NSubj                       // nsubj: nominal subject
	NSubjOuter                  // nsubj:outer
	NSubjPass                   // nsubj:pass: passive nominal subject
	Nummod                      // nummod: numeric modifier
	Obj                         // obj: object
	Obl                         // obl: oblique nominal
	OblAgent                    // obl:agent: agent of a passive ("by X")
	OblUnmarked                 // obl:unmarked: bare noun-phrase oblique ("met Tuesday")
	Orphan                      // orphan
	Parataxis                   // parataxis
	Punct                       // punct: punctuation
	Reparandum                  // reparandum
	Root                        // root
	Vocative                    // vocative
	Xcomp                       // xcomp: open clausal complement
	numRel       = int(Xcomp) + 1
)

var relNames = [numRel]string{"_",
	"acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux", "aux:pass", "case",
	"cc", "cc:preconj", "ccomp", "compound", "compound:prt", "conj", "cop", "csubj", "csubj:outer", "csubj:pass",
	"dep", "det", "det:predet", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith", "iobj",
	"list", "mark", "nmod", "nmod:desc", "nmod:poss", "nmod:unmarked", "nsubj", "nsubj:outer", "nsubj:pass", "nummod",
	"obj", "obl", "obl:agent", "obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "root", "vocative",
	"xcomp",
}

var relBase = func() (b [numRel]Rel) {
	for i := range b {
		b[i] = Rel(i)
	}
	b[AclRelcl] = Acl
	b[AdvclRelcl] = Advcl
	b[AuxPass] = Aux
	b[CCPreconj] = CC
	b[CompoundPrt] = Compound
	b[CsubjOuter] = Csubj
	b[CsubjPass] = Csubj
	b[DetPredet] = Det
	b[NmodDesc] = Nmod
	b[NmodPoss] = Nmod
	b[NmodUnmarked] = Nmod
	b[NSubjOuter] = NSubj
	b[NSubjPass] = NSubj
	b[OblAgent] = Obl
	b[OblUnmarked] = Obl
	return b
}()

// String returns the UD name of the relation ("nsubj:pass"), or "_" for
// the zero value.
func (r Rel) String() string {
	if int(r) < numRel {
		return relNames[r]
	}
	return "_"
}

// Base returns the relation without its subtype: nsubj:pass -> nsubj.
func (r Rel) Base() Rel {
	if int(r) < numRel {
		return relBase[r]
	}
	return 0
}

// legacyRels maps subtypes of other UD English treebanks and releases to
// the ones above.
var legacyRels = map[string]Rel{
	"obl:tmod": OblUnmarked, "obl:npmod": OblUnmarked,
	"nmod:tmod": NmodUnmarked, "nmod:npmod": NmodUnmarked,
	"flat:foreign": Flat, "flat:name": Flat, "det:poss": NmodPoss,
	"nsubj:xsubj": NSubj, "compound:lvc": Compound, "obl:npmod:tmod": OblUnmarked,
}

// ParseRel returns the relation named s ("nsubj:pass"). Names of older
// releases map to their successor (obl:tmod -> obl:unmarked); an unknown
// subtype falls back to its base relation.
func ParseRel(s string) (Rel, bool) {
	for i := 1; i < numRel; i++ {
		if relNames[i] == s {
			return Rel(i), true
		}
	}
	if r, ok := legacyRels[s]; ok {
		return r, true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return ParseRel(s[:i])
		}
	}
	return 0, false
}
