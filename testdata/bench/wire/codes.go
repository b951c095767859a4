package main

import (
	"slices"
	"sort"
	"strings"

	"github.com/kgraph/kg/schema"
)

// iso3 maps the names kg gives Country entities (the canonical names of
// extract/data/gazetteer.tsv) to ISO 3166-1 alpha-3 codes, the codes CAMEO
// and PLOVER actor codes start with. Entities without an ISO code of their
// own take the code of the state they are usually coded under in CAMEO
// (separatist republics under the state whose territory they claim).
var iso3 = map[string]string{
	"Afghanistan": "AFG", "Albania": "ALB", "Algeria": "DZA", "Andorra": "AND",
	"Angola": "AGO", "Antigua and Barbuda": "ATG", "Argentina": "ARG", "Armenia": "ARM",
	"Australia": "AUS", "Austria": "AUT", "Azerbaijan": "AZE", "Bahamas": "BHS",
	"Bahrain": "BHR", "Bangladesh": "BGD", "Barbados": "BRB", "Belarus": "BLR",
	"Belgium": "BEL", "Belize": "BLZ", "Benin": "BEN", "Bhutan": "BTN",
	"Bolivia": "BOL", "Bosnia and Herzegovina": "BIH", "Botswana": "BWA", "Brazil": "BRA",
	"Brunei": "BRN", "Bulgaria": "BGR", "Burkina Faso": "BFA", "Burundi": "BDI",
	"Cambodia": "KHM", "Cameroon": "CMR", "Canada": "CAN", "Cape Verde": "CPV",
	"Central African Republic": "CAF", "Chad": "TCD", "Chile": "CHL", "China": "CHN",
	"Colombia": "COL", "Comoros": "COM", "Democratic Republic of the Congo": "COD",
	"Republic of the Congo": "COG", "Costa Rica": "CRI", "Croatia": "HRV", "Cuba": "CUB",
	"Cyprus": "CYP", "Czech Republic": "CZE", "Denmark": "DNK", "Djibouti": "DJI",
	"Dominica": "DMA", "Dominican Republic": "DOM", "East Timor": "TLS", "Ecuador": "ECU",
	"Egypt": "EGY", "El Salvador": "SLV", "Equatorial Guinea": "GNQ", "Eritrea": "ERI",
	"Estonia": "EST", "Eswatini": "SWZ", "Ethiopia": "ETH", "Fiji": "FJI",
	"Finland": "FIN", "France": "FRA", "Gabon": "GAB", "Gambia": "GMB",
	"Georgia": "GEO", "Germany": "DEU", "Ghana": "GHA", "Greece": "GRC",
	"Grenada": "GRD", "Guatemala": "GTM", "Guinea": "GIN", "Guinea-Bissau": "GNB",
	"Guyana": "GUY", "Haiti": "HTI", "Honduras": "HND", "Hungary": "HUN",
	"Iceland": "ISL", "India": "IND", "Indonesia": "IDN", "Iran": "IRN",
	"Iraq": "IRQ", "Ireland": "IRL", "Israel": "ISR", "Italy": "ITA",
	"Ivory Coast": "CIV", "Jamaica": "JAM", "Japan": "JPN", "Jordan": "JOR",
	"Kazakhstan": "KAZ", "Kenya": "KEN", "Kiribati": "KIR", "Kuwait": "KWT",
	"Kyrgyzstan": "KGZ", "Laos": "LAO", "Latvia": "LVA", "Lebanon": "LBN",
	"Lesotho": "LSO", "Liberia": "LBR", "Libya": "LBY", "Liechtenstein": "LIE",
	"Lithuania": "LTU", "Luxembourg": "LUX", "Madagascar": "MDG", "Malawi": "MWI",
	"Malaysia": "MYS", "Maldives": "MDV", "Mali": "MLI", "Malta": "MLT",
	"Marshall Islands": "MHL", "Mauritania": "MRT", "Mauritius": "MUS", "Mexico": "MEX",
	"Micronesia": "FSM", "Moldova": "MDA", "Monaco": "MCO", "Mongolia": "MNG",
	"Montenegro": "MNE", "Morocco": "MAR", "Mozambique": "MOZ", "Myanmar": "MMR",
	"Namibia": "NAM", "Nauru": "NRU", "Nepal": "NPL", "Netherlands": "NLD",
	"New Zealand": "NZL", "Nicaragua": "NIC", "Niger": "NER", "Nigeria": "NGA",
	"North Korea": "PRK", "North Macedonia": "MKD", "Norway": "NOR", "Oman": "OMN",
	"Pakistan": "PAK", "Palau": "PLW", "Panama": "PAN", "Papua New Guinea": "PNG",
	"Paraguay": "PRY", "Peru": "PER", "Philippines": "PHL", "Poland": "POL",
	"Portugal": "PRT", "Qatar": "QAT", "Romania": "ROU", "Russia": "RUS",
	"Rwanda": "RWA", "Saint Kitts and Nevis": "KNA", "Saint Lucia": "LCA",
	"Saint Vincent and the Grenadines": "VCT", "Samoa": "WSM", "San Marino": "SMR",
	"São Tomé and Príncipe": "STP", "Saudi Arabia": "SAU", "Senegal": "SEN", "Serbia": "SRB",
	"Seychelles": "SYC", "Sierra Leone": "SLE", "Singapore": "SGP", "Slovakia": "SVK",
	"Slovenia": "SVN", "Solomon Islands": "SLB", "Somalia": "SOM", "South Africa": "ZAF",
	"South Korea": "KOR", "South Sudan": "SSD", "Spain": "ESP", "Sri Lanka": "LKA",
	"Sudan": "SDN", "Suriname": "SUR", "Sweden": "SWE", "Switzerland": "CHE",
	"Syria": "SYR", "Tajikistan": "TJK", "Tanzania": "TZA", "Thailand": "THA",
	"Togo": "TGO", "Tonga": "TON", "Trinidad and Tobago": "TTO", "Tunisia": "TUN",
	"Turkey": "TUR", "Turkmenistan": "TKM", "Tuvalu": "TUV", "Uganda": "UGA",
	"Ukraine": "UKR", "United Arab Emirates": "ARE", "United Kingdom": "GBR",
	"United States": "USA", "Uruguay": "URY", "Uzbekistan": "UZB", "Vanuatu": "VUT",
	"Venezuela": "VEN", "Vietnam": "VNM", "Yemen": "YEM", "Zambia": "ZMB", "Zimbabwe": "ZWE",
	"Vatican": "VAT", "Palestine": "PSE", "Taiwan": "TWN",
	// Kosovo has no ISO code; CAMEO gives it KSV, PLOVER the user-assigned XKX.
	"Kosovo": "XKX",
	// Self-proclaimed states: CAMEO codes their forces and officials under the
	// state whose territory they hold (UKRREB, GEOREB, ...).
	"Donetsk People's Republic": "UKR", "Luhansk People's Republic": "UKR",
	"Transnistria": "MDA", "Abkhazia": "GEO", "South Ossetia": "GEO",
	"Northern Cyprus": "CYP", "Somaliland": "SOM",
	"Sahrawi Arab Democratic Republic": "ESH",
}

// territories maps kg Location names that ISO 3166 codes on their own
// (CAMEO codes events there under these codes, not the sovereign's).
var territories = map[string]string{
	"Hong Kong": "HKG", "Macau": "MAC", "Puerto Rico": "PRI", "Greenland": "GRL",
	"Western Sahara": "ESH",
}

// goldAlias normalizes obsolete or non-ISO country codes that the gold
// files still use (old CAMEO and KEDS codes) to the ISO 3166 code.
var goldAlias = map[string]string{
	"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "KSV": "XKX", "UAR": "EGY",
	"LEB": "LBN", "KUW": "KWT", "INS": "IDN", "MOM": "OMN", "NZE": "NZL",
	"IVO": "CIV", "LTH": "LTU", "BUL": "BGR", "UNK": "GBR",
}

// igo lists kg's canonical names of intergovernmental organizations: CAMEO
// codes them IGO... (IGOUNO, IGOEUREEC, IGONAT), PLOVER plainly IGO. Bodies
// whose gazetteer part_of chain reaches one of these are IGOs too.
var igo = map[string]bool{
	"United Nations": true, "International Monetary Fund": true, "World Bank": true,
	"World Trade Organization": true, "International Criminal Court": true,
	"Permanent Court of Arbitration": true, "International Tribunal for the Law of the Sea": true,
	"International Organization for Migration": true, "OPCW": true, "CTBTO": true,
	"Interpol": true, "Financial Action Task Force": true, "OECD": true,
	"Bank for International Settlements": true, "International Energy Agency": true,
	"International Renewable Energy Agency": true, "Asian Development Bank": true,
	"African Development Bank": true, "Asian Infrastructure Investment Bank": true,
	"New Development Bank": true, "European Bank for Reconstruction and Development": true,
	"Inter-American Development Bank": true, "Islamic Development Bank": true,
	"Paris Club": true, "NATO": true, "European Union": true, "Council of Europe": true,
	"OSCE": true, "African Union": true, "ASEAN": true, "OPEC": true, "OPEC Plus": true,
	"Arab League": true, "Gulf Cooperation Council": true,
	"Organisation of Islamic Cooperation": true, "ECOWAS": true, "SADC": true, "EAC": true,
	"IGAD": true, "ECCAS": true, "COMESA": true, "Alliance of Sahel States": true,
	"G5 Sahel": true, "Mercosur": true, "Organization of American States": true,
	"CARICOM": true, "CELAC": true, "Andean Community": true, "Pacific Alliance": true,
	"ALBA": true, "Pacific Islands Forum": true, "APEC": true, "G7": true, "G8": true,
	"G20": true, "G77": true, "BRICS": true, "Shanghai Cooperation Organisation": true,
	"CSTO": true, "Eurasian Economic Union": true, "Commonwealth of Independent States": true,
	"Union State": true, "Quad": true, "AUKUS": true, "Commonwealth": true,
	"Non-Aligned Movement": true, "Visegrad Group": true, "Arctic Council": true,
	"Nordic Council": true, "Conference on Interaction and Confidence-Building Measures in Asia": true,
}

// interaction lists the relation types the benchmark scores: the dated
// events between actors. Structural relations (HOLDS_ROLE, PART_OF,
// MEMBER_OF) only serve to give people and bodies a country.
var interaction = map[schema.RelationType]bool{
	schema.Meets: true, schema.Visits: true, schema.Proposes: true, schema.Requests: true,
	schema.Agrees: true, schema.Rejects: true, schema.Denies: true, schema.Accuses: true,
	schema.Criticizes: true, schema.Warns: true, schema.Supports: true, schema.Sanctions: true,
	schema.Fights: true,
}

// symmetric relation types match a gold event in either direction.
var symmetric = map[schema.RelationType]bool{schema.Meets: true, schema.Fights: true}

// ploverRoot maps a PLOVER event category to the CAMEO root it aggregates
// (the table in the PLOVER README); FIGHT and ASSAULT are the two halves of
// CAMEO 18-20 in the PLOVER version the gold standard records were coded in.
var ploverRoot = map[string]string{
	"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
	"CONCEDE": "08", "RETREAT": "08", "INVESTIGATE": "09", "DEMAND": "10",
	"DISAPPROVE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
	"MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18", "FIGHT": "19",
}

// cameoTypes is the correspondence between CAMEO codes and kg relation
// types, from the CAMEO column and the conventions of kg's ontology. A
// three-digit entry overrides its root. A code absent here (01 public
// statements, 09 investigations, 15 force posture) has no kg type: such an
// event can be found untyped but never typed.
var cameoTypes = map[string][]schema.RelationType{
	// 01 MAKE PUBLIC STATEMENT: only two sub-codes name an act on another actor.
	"016": {schema.Denies}, // deny responsibility
	"019": {schema.Agrees}, // express accord
	// 02 APPEAL: requests, and the proposals and suggestions CAMEO files with them.
	"02": {schema.Requests, schema.Proposes},
	// 03 EXPRESS INTENT TO COOPERATE: offers (PROPOSES), promises that kg
	// records as the promised act in the future tense (will support, will
	// meet), and agreeing to cooperate.
	"03":  {schema.Proposes, schema.Agrees, schema.Supports},
	"036": {schema.Meets, schema.Visits, schema.Proposes}, // intent to meet or negotiate: kg tells a planned meeting or visit in the future tense
	// 04 CONSULT: meetings, talks, calls; 042 make a visit; 043 host a visit.
	"04":  {schema.Meets},
	"042": {schema.Visits, schema.Meets},
	"043": {schema.Meets, schema.Visits}, // the visitor VISITS the host: matched reversed
	// 05 ENGAGE IN DIPLOMATIC COOPERATION: praise, endorse, defend; 057 sign a
	// formal agreement.
	"05":  {schema.Supports},
	"057": {schema.Agrees},
	// 06 ENGAGE IN MATERIAL COOPERATION: kg has no such type; joint action is
	// told as support or as an agreement carried out.
	"06": {schema.Supports, schema.Agrees},
	// 07 PROVIDE AID.
	"07": {schema.Supports},
	// 08 YIELD: concessions, easing, releases, compliance.
	"08": {schema.Agrees},
	// 10 DEMAND.
	"10": {schema.Requests},
	// 11 DISAPPROVE: 111 criticize, 112 accuse, 115 lawsuit, 116 find guilty.
	"11": {schema.Criticizes, schema.Accuses},
	// 12 REJECT: refusals of proposals (REJECTS) and of claims (DENIES).
	"12": {schema.Rejects, schema.Denies},
	// 13 THREATEN.
	"13": {schema.Warns},
	// 14 PROTEST: a protest against X is CRITICIZES X.
	"14": {schema.Criticizes},
	// 16 REDUCE RELATIONS, 17 COERCE: sanctions, expulsions, arrests, bans;
	// 175 violent repression is also force.
	"16":  {schema.Sanctions},
	"17":  {schema.Sanctions},
	"175": {schema.Sanctions, schema.Fights},
	// 18 ASSAULT, 19 FIGHT, 20 UNCONVENTIONAL MASS VIOLENCE.
	"18": {schema.Fights},
	"19": {schema.Fights},
	"20": {schema.Fights},
}

// typesFor returns the kg relation types that correspond to a CAMEO event
// code ("042", "1124"), the longest listed prefix winning. A bare root ("04",
// what a PLOVER category stands for) covers all its sub-codes: it gets the
// union of the root's types and those of its listed sub-codes.
func typesFor(code string) []schema.RelationType {
	if len(code) == 2 {
		var out []schema.RelationType
		keys := make([]string, 0, len(cameoTypes))
		for k := range cameoTypes {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !strings.HasPrefix(k, code) {
				continue
			}
			for _, t := range cameoTypes[k] {
				if !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
		}
		return out
	}
	for n := min(len(code), 3); n >= 2; n-- {
		if ts, ok := cameoTypes[code[:n]]; ok {
			return ts
		}
	}
	return nil
}

// normCode returns the country part of a gold actor code: its first three
// letters, upper-cased, with obsolete codes replaced. It returns "" for codes
// that name no country or IGO ("---", "NGO", "IMG" militant groups).
func normCode(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	if len(c) < 3 {
		return ""
	}
	c = c[:3]
	if a, ok := goldAlias[c]; ok {
		c = a
	}
	if c == "IGO" {
		return c
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	if nonState[c] {
		return ""
	}
	return c
}

// nonState lists the three-letter CAMEO prefixes of transnational actors
// that carry no country: NGOs, multinational corporations, militant and
// religious movements, and the unknown-actor markers.
var nonState = map[string]bool{
	"NGO": true, "NGM": true, "MNC": true, "IMG": true, "ISM": true, "UIS": true,
	"REB": true, "OPP": true, "SEP": true, "CVL": true, "GOV": true, "MIL": true,
	"BUS": true, "CRM": true, "EDU": true, "MED": true, "REL": true, "JUD": true,
	"LEG": true, "COP": true, "SPY": true, "AGR": true, "ELI": true, "LAB": true,
	"REF": true, "HLH": true, "ENV": true, "UAF": true, "JEW": true, "MOS": true,
	"CHR": true, "BUD": true, "HIN": true,
}
