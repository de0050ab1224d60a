"""A synthetic corpus in the style of policy reports, with the facts it plants.

    python bench/gen_corpus.py --docs 100 --out bench/.work/corpus-100      # docs/*.txt + planted.jsonl
    python bench/gen_corpus.py --docs 10 --out /tmp/c10 --seed 3

Every sentence is made here from templates: actors come from the gazetteer (ontology.load_model().gazetteer:
countries, US states, agreements, policies, sectors, international organisations, agencies) and from
invented firms, people and places (syllables + industry words, so they are not in the gazetteer and must be
found by the parser's NER and the descriptive-phrase rules). Fact sentences vary their phrasing, amounts
($3.2 billion, US$450 million, USD 1.1 billion, $800m), years and surface forms (aliases); noise sentences
(outlook, statistics, hedges, section headings) carry no fact. Nothing is taken from the real corpus.

`planted.jsonl` uses the gold format of ../shared/eval/SCHEMA.md (entity and relation lines with `doc`,
`core: true`), so ../shared/eval/score.py can score a build of the corpus as well as bench/recall.py.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# -- invented names ---------------------------------------------------------------------------------------
_HEAD = ["Nor", "Vel", "Kest", "Ari", "Tam", "Bryn", "Cal", "Dor", "Ost", "Mer", "Hal", "Zen", "Lum", "Quar",
         "Sol", "Tor", "Var", "Ely", "Orin", "Pell", "Rov", "Sev", "Tal", "Ul", "Wyn", "Yar", "Fen", "Gal",
         "Ister", "Jor", "Kal", "Mor", "Nav", "Pyr", "Rel", "Sab", "Tev", "Vor", "Aster", "Bel"]
_TAIL = ["vane", "ton", "ric", "adia", "ora", "mark", "line", "wick", "stone", "field", "ex", "is", "ent",
         "ova", "grin", "holt", "dale", "quist", "ara", "ion", "tek", "ford", "mont", "gard"]
_INDUSTRY = {  # firm name word -> sector (a gazetteer sector name) it operates in
    "Battery Systems": "batteries", "Semiconductor": "semiconductors", "Motors": "automobiles",
    "Steel": "steel", "Shipbuilding": "shipbuilding", "Solar": "solar", "Chemical": "chemicals",
    "Biologics": "pharmaceuticals", "Materials": "batteries", "Energy": "solar", "Display": "displays",
}
_LEGAL = ["", "", "", " Inc.", " Corp.", " Co."]
_GIVEN = ["Mara", "Tomas", "Ines", "Kofi", "Lena", "Arvid", "Sunhee", "Dario", "Priya", "Jonah", "Yuki",
          "Elif", "Bruno", "Hana", "Idris", "Maren", "Oskar", "Talia", "Viktor", "Noor"]
_FAMILY = ["Okafor", "Lindqvist", "Varga", "Castellanos", "Rahimi", "Takeda", "Moreau", "Halvorsen",
           "Adeyemi", "Kowalczyk", "Brannigan", "Ferreira", "Nakashima", "Petrov", "Sandoval", "Whitcombe"]
_PLACE_KIND = ["Industrial Park", "Technology Park", "Battery Park", "Manufacturing Campus", "Logistics Hub"]

# -- noise: no fact in any of these ------------------------------------------------------------------------
NOISE = [
    "Analysts caution that the outlook remains uncertain.",
    "Supply chains have grown more complex over the past decade.",
    "Growth slowed to {pct} percent in {year}, below most forecasts.",
    "Observers expect the debate to continue for some time.",
    "The long-term effects of these measures are still being assessed.",
    "Public opinion on trade has shifted in recent years.",
    "Such arrangements rarely survive a change of government intact.",
    "Officials described the talks as constructive but difficult.",
    "Demand for skilled workers continues to outpace supply.",
    "Energy prices rose sharply during the second half of {year}.",
    "Several studies have questioned the value of such incentives.",
    "Inflation reached {pct} percent in {year}, according to official estimates.",
    "Interest rates remained elevated through most of {year}.",
    "Exchange-rate swings complicated the planning of many exporters.",
    "It is too early to judge whether the approach will succeed.",
    "The region's ports handled record volumes last year.",
    "Critics argue that the costs fall mainly on consumers.",
    "Few expected the negotiations to move so quickly.",
    "The survey covered more than {n} companies of all sizes.",
    "Labor shortages have delayed several construction schedules.",
]
HEADINGS = ["Background", "Investment Trends", "Trade Measures", "Outlook", "Agreements and Institutions",
            "Industry Developments", "Policy Responses", "Regional Effects"]


@dataclass
class Actor:
    name: str
    type: str
    forms: tuple[str, ...]  # surface forms the generator may write
    sector: str | None = None  # invented firms: the sector their name implies

    def form(self, rnd: random.Random) -> str:
        return self.forms[0] if rnd.random() < 0.7 or len(self.forms) == 1 else rnd.choice(self.forms[1:])


@dataclass
class Planted:
    subject: Actor
    predicate: str
    object: Actor
    props: dict = field(default_factory=dict)
    used: dict = field(default_factory=dict)  # actor name -> surface form written


# ----------------------------------------------------------------------------------------------------------
def _clean_forms(entry) -> tuple[str, ...]:
    """The gazetteer's name and its unambiguous, long-enough aliases (no short or ambiguous ones)."""
    bad = set(entry.ambiguous) | set(entry.short_aliases)
    forms = [entry.name] + [a for a in entry.aliases if a not in bad and len(a) >= 3 and "," not in a]
    return tuple(dict.fromkeys(forms))


class Vocabulary:
    """Actors by type: gazetteer entries plus invented firms, people and places."""

    def __init__(self, seed: int, n_firms: int = 400, n_people: int = 120, n_places: int = 120) -> None:
        from policygraph.ontology import load_model

        rnd = random.Random(seed)
        self.by_type: dict[str, list[Actor]] = {}
        gaz_names = set()
        for e in load_model().gazetteer:
            gaz_names |= {e.name.lower(), *(a.lower() for a in e.aliases)}
            if e.ambiguous and e.name in e.ambiguous:
                continue
            forms = (e.name,) if e.type == "USState" else _clean_forms(e)  # not "State of Iowa"
            self.by_type.setdefault(e.type, []).append(Actor(e.name, e.type, forms))
        sectors = {a.name for a in self.by_type.get("Sector", [])}
        # invented firms: "Norvane Battery Systems", "Kestric Semiconductor Corp."
        self.firms: list[Actor] = []
        seen = set(gaz_names)
        stems = [h + t for h in _HEAD for t in _TAIL]
        rnd.shuffle(stems)
        words = list(_INDUSTRY)
        for stem in stems:
            if len(self.firms) >= n_firms:
                break
            word = rnd.choice(words)
            name = f"{stem} {word}"
            if name.lower() in seen or stem.lower() in seen:
                continue
            seen |= {name.lower(), stem.lower()}
            legal = rnd.choice(_LEGAL)
            forms = (name + legal,) if legal else (name,)
            sector = _INDUSTRY[word] if _INDUSTRY[word] in sectors else None
            self.firms.append(Actor(name, "Firm", forms + ((name,) if legal else ()), sector))
        self.people = []
        for g in _GIVEN:
            for f in _FAMILY:
                self.people.append(Actor(f"{g} {f}", "Person", (f"{g} {f}",)))
        rnd.shuffle(self.people)
        self.people = self.people[:n_people]
        self.places = []
        for stem in stems[::-1]:
            if len(self.places) >= n_places:
                break
            if stem.lower() in seen:
                continue
            seen.add(stem.lower())
            name = f"{stem} {rnd.choice(_PLACE_KIND)}"
            self.places.append(Actor(name, "Facility", (name,)))
        # the gazetteer types the templates use, a few common ones weighted up as in real reports
        self.countries = self.by_type["Country"]
        self.states = self.by_type["USState"]
        self.agreements = self.by_type["Agreement"]
        self.policies = self.by_type["Policy"]
        self.sectors = self.by_type["Sector"]
        self.orgs = self.by_type["InternationalOrganization"]
        self.bodies = self.by_type["GovernmentBody"]
        self.laws = self.by_type["Law"]


# -- amounts and years ----------------------------------------------------------------------------------
def money(rnd: random.Random) -> tuple[str, float]:
    """A USD amount written one of several ways, and its value."""
    if rnd.random() < 0.55:
        value = round(rnd.uniform(0.2, 25), rnd.choice([1, 1, 2]))
        scale, word = 1e9, rnd.choice(["billion", "billion", "billion", "bn"])
    else:
        value = rnd.choice([rnd.randrange(50, 990, 10), rnd.randrange(100, 950, 25)])
        scale, word = 1e6, rnd.choice(["million", "million", "million", "m"])
    num = f"{value:g}" if isinstance(value, float) else str(value)
    style = rnd.random()
    if word in ("bn", "m"):
        text = f"${num}{word}"
    elif style < 0.6:
        text = f"${num} {word}"
    elif style < 0.8:
        text = f"US${num} {word}"
    else:
        text = f"USD {num} {word}"
    return text, float(value) * scale


# -- fact templates -------------------------------------------------------------------------------------------
# Each returns (sentence, [Planted...]); slots are filled with surface forms, facts name the actors.
def _f(rnd, a: Actor, used: dict) -> str:
    s = a.form(rnd)
    used[a.name] = s
    return s


def t_invest_state(v: Vocabulary, rnd):
    firm, state = rnd.choice(v.firms), rnd.choice(v.states)
    amt, value = money(rnd)
    year = rnd.randrange(2012, 2026)
    sector = firm.sector or rnd.choice(["battery", "semiconductor", "solar", "auto parts"])
    used: dict = {}
    F, S = _f(rnd, firm, used), _f(rnd, state, used)
    kind = rnd.choice(["plant", "factory", "facility"])
    a_n = "an" if sector[0] in "aeiou" else "a"
    noun = {"batteries": "battery", "semiconductors": "chip", "automobiles": "vehicle",
            "pharmaceuticals": "drug", "chemicals": "chemical", "displays": "display"}.get(sector, sector)
    text = rnd.choice([
        f"In {year}, {F} announced that it would invest {amt} in a new {noun} {kind} in {S}.",
        f"{F} committed {amt} in {year} to build {a_n} {noun} {kind} in {S}.",
        f"{F} has invested {amt} in {S} since {year}, mostly in {noun} production.",
        f"In {year}, {F} pledged {amt} for {a_n} {noun} {kind} in {S}, creating about {rnd.randrange(3, 40) * 50} jobs.",
        f"{F} said in {year} that it plans to invest {amt} in {S}.",
    ])
    return text, [Planted(firm, "INVESTS_IN", state, {"amount_usd": value, "year": year}, used)]


def t_invest_country(v: Vocabulary, rnd):
    a, b = rnd.sample(v.countries[:40], 2)
    amt, value = money(rnd)
    year = rnd.randrange(2005, 2026)
    used: dict = {}
    A, B = _f(rnd, a, used), _f(rnd, b, used)
    text = rnd.choice([
        f"{A} invested {amt} in {B} in {year}, according to government figures.",
        f"In {year}, investors from {A} poured {amt} into {B}.",
    ])
    subj_note = {"amount_usd": value, "year": year}
    return text, [Planted(a, "INVESTS_IN", b, subj_note, used)]


def t_partners(v: Vocabulary, rnd):
    a, b = rnd.sample(v.firms, 2)
    used: dict = {}
    A, B = _f(rnd, a, used), _f(rnd, b, used)
    sector = rnd.choice(v.sectors).forms[0]
    if rnd.random() < 0.5:
        amt, value = money(rnd)
        text = rnd.choice([
            f"{A} formed a {amt} joint venture with {B} to produce {sector}.",
            f"{A} announced a {amt} partnership with {B} covering {sector}.",
        ])
        props = {"amount_usd": value}
    else:
        text = rnd.choice([
            f"{A} will partner with {B} on {sector} research.",
            f"{A} entered into a partnership with {B} last year.",
        ])
        props = {}
    return text, [Planted(a, "PARTNERS_WITH", b, props, used)]


def t_imposes(v: Vocabulary, rnd):
    c, p = rnd.choice(v.countries[:12]), rnd.choice(v.policies)
    year = rnd.randrange(2001, 2026)
    used: dict = {}
    C, P = _f(rnd, c, used), _f(rnd, p, used)
    text = rnd.choice([
        f"In {year}, {C} imposed {P} on a range of imports.",
        f"{C} introduced {P} in {year}.",
        f"{C} adopted {P} in {year} after months of debate.",
    ])
    return text, [Planted(c, "IMPOSES", p, {"year": year}, used)]


def t_targets(v: Vocabulary, rnd):
    p, s = rnd.choice(v.policies), rnd.choice(v.sectors)
    used: dict = {}
    P, S = _f(rnd, p, used), _f(rnd, s, used)
    text = rnd.choice([
        f"{P} targeted imports of {S}.",
        f"{P} hit {S} harder than any other industry.",
        f"The measures under {P} were aimed at {S}.",
    ])
    return text, [Planted(p, "TARGETS", s, {}, used)]


def t_agreement(v: Vocabulary, rnd):
    c, ag = rnd.choice(v.countries[:40]), rnd.choice(v.agreements)
    year = rnd.randrange(1995, 2026)
    used: dict = {}
    C, A = _f(rnd, c, used), _f(rnd, ag, used)
    pred, text = rnd.choice([
        ("SIGNS", f"{C} signed the {A} in {year}."),
        ("SIGNS", f"In {year}, {C} signed the {A}."),
        ("RATIFIES", f"{C} ratified the {A} in {year}."),
        ("WITHDRAWS_FROM", f"{C} withdrew from the {A} in {year}."),
        ("PARTY_TO", f"{C} joined the {A} in {year}."),
        ("PARTY_TO", f"{C} is a party to the {A}."),
    ])
    props = {"year": year} if str(year) in text and pred != "PARTY_TO" else {}
    facts = [Planted(c, pred, ag, props, used)]
    return text.replace("the the ", "the "), facts


def t_negotiates(v: Vocabulary, rnd):
    a, b = rnd.sample(v.countries[:25], 2)
    ag = rnd.choice(v.agreements)
    year = rnd.randrange(1995, 2025)
    used: dict = {}
    A, B, G = _f(rnd, a, used), _f(rnd, b, used), _f(rnd, ag, used)
    text = rnd.choice([
        f"{A} and {B} negotiated the {G} in {year}.",
        f"In {year}, {A} and {B} began negotiating the {G}.",
    ])
    return text, [Planted(a, "NEGOTIATES", ag, {"year": year}, used),
                  Planted(b, "NEGOTIATES", ag, {"year": year}, used)]


def t_member(v: Vocabulary, rnd):
    c, o = rnd.choice(v.countries[:60]), rnd.choice(v.orgs)
    used: dict = {}
    C, O = _f(rnd, c, used), _f(rnd, o, used)
    text = rnd.choice([
        f"{C} is a member of the {O}.",
        f"{C} joined the {O} in {rnd.randrange(1950, 2020)}.",
        f"As a member of the {O}, {C} must notify such measures.",
    ])
    return text.replace("the the ", "the "), [Planted(c, "MEMBER_OF", o, {}, used)]


def t_exports(v: Vocabulary, rnd):
    a, b = rnd.sample(v.countries[:30], 2)
    amt, value = money(rnd)
    year = rnd.randrange(2000, 2025)
    sector = rnd.choice(v.sectors).forms[0]
    used: dict = {}
    A, B = _f(rnd, a, used), _f(rnd, b, used)
    text = rnd.choice([
        f"{A} exported {amt} of {sector} to {B} in {year}.",
        f"In {year}, {A} shipped {amt} worth of {sector} to {B}.",
        f"{A}'s exports to {B} reached {amt} in {year}.",
    ])
    return text, [Planted(a, "EXPORTS_TO", b, {"amount_usd": value, "year": year}, used)]


def t_located(v: Vocabulary, rnd):
    place, state = rnd.choice(v.places), rnd.choice(v.states)
    used: dict = {}
    P, S = _f(rnd, place, used), _f(rnd, state, used)
    text = rnd.choice([
        f"The {P} in {S} opened to its first tenants this spring.",
        f"Construction of the {P} in {S} is due to finish within two years.",
    ])
    return text, [Planted(place, "LOCATED_IN", state, {}, used)]


def t_operates(v: Vocabulary, rnd):
    firm = rnd.choice([f for f in v.firms if f.sector])
    sector = next(s for s in v.sectors if s.name == firm.sector)
    used: dict = {}
    F, S = _f(rnd, firm, used), sector.name
    used[sector.name] = S
    text = rnd.choice([
        f"{F} manufactures {S} for customers across Asia and North America.",
        f"{F} produces {S} at several sites.",
        f"{F} has built a strong presence in {S}.",
    ])
    return text, [Planted(firm, "OPERATES_IN", sector, {}, used)]


def t_leads(v: Vocabulary, rnd):
    person, firm = rnd.choice(v.people), rnd.choice(v.firms)
    used: dict = {}
    P, F = _f(rnd, person, used), _f(rnd, firm, used)
    text = rnd.choice([
        f"{P}, the chief executive of {F}, said the company would keep hiring.",
        f"{F} is led by {P}, who became chief executive in {rnd.randrange(2010, 2025)}.",
    ])
    return text, [Planted(person, "LEADS", firm, {}, used)]


def t_retaliates(v: Vocabulary, rnd):
    a, b = rnd.sample(v.countries[:15], 2)
    year = rnd.randrange(2002, 2026)
    sector = rnd.choice(v.sectors).forms[0]
    used: dict = {}
    A, B = _f(rnd, a, used), _f(rnd, b, used)
    text = rnd.choice([
        f"In {year}, {A} retaliated against {B} with tariffs on {sector}.",
        f"{A} announced retaliation against {B} in {year}.",
    ])
    return text, [Planted(a, "RETALIATES_AGAINST", b, {"year": year}, used)]


def t_cooperates(v: Vocabulary, rnd):
    a, b = rnd.sample(v.countries[:30], 2)
    sector = rnd.choice(v.sectors).forms[0]
    used: dict = {}
    A, B = _f(rnd, a, used), _f(rnd, b, used)
    text = rnd.choice([
        f"{A} and {B} agreed to cooperate on {sector}.",
        f"{A} has cooperated with {B} on {sector} for years.",
    ])
    return text, [Planted(a, "COOPERATES_WITH", b, {}, used)]


TEMPLATES = [  # (weight, template)
    (6, t_invest_state), (2, t_invest_country), (3, t_partners), (3, t_imposes), (2, t_targets),
    (4, t_agreement), (2, t_negotiates), (2, t_member), (3, t_exports), (2, t_located), (2, t_operates),
    (2, t_leads), (2, t_retaliates), (2, t_cooperates),
]


def _noise(rnd) -> str:
    return rnd.choice(NOISE).format(pct=f"{rnd.uniform(0.5, 6):.1f}", year=rnd.randrange(2000, 2026),
                                    n=rnd.randrange(2, 40) * 50)


def make_document(v: Vocabulary, rnd: random.Random, doc_id: str, sentences: tuple[int, int] = (16, 40),
                  fact_share: float = 0.55) -> tuple[str, list[dict]]:
    """One document's text and its planted facts (gold-format relation lines plus entity lines)."""
    weights = [w for w, _ in TEMPLATES]
    n = rnd.randint(*sentences)
    title = rnd.choice(["Notes on", "Briefing:", "Report on", "Review of"]) + " " + rnd.choice(
        ["trade and investment", "industrial policy", "economic security", "market access", "supply chains"])
    paragraphs, para, facts = [title], [], []
    for i in range(n):
        if len(para) >= 3 and rnd.random() < 0.2:
            paragraphs.append(" ".join(para))
            para = []
            if rnd.random() < 0.3:
                paragraphs.append(rnd.choice(HEADINGS))
        if rnd.random() < fact_share:
            template = rnd.choices([t for _, t in TEMPLATES], weights)[0]
            text, planted = template(v, rnd)
            para.append(text)
            for p in planted:
                facts.append((p, text))
        else:
            para.append(_noise(rnd))
    if para:
        paragraphs.append(" ".join(para))
    body = "\n\n".join(paragraphs) + "\n"
    records: list[dict] = []
    entities: dict[str, dict] = {}
    for p, text in facts:
        for a in (p.subject, p.object):
            ent = entities.setdefault(a.name, {"kind": "entity", "doc": doc_id, "name": a.name, "type": a.type,
                                               "aliases": []})
            form = p.used.get(a.name)
            if form and form not in ent["aliases"]:
                ent["aliases"].append(form)
        rec = {"kind": "relation", "doc": doc_id, "subject": p.subject.name, "predicate": p.predicate,
               "object": p.object.name, "props": p.props, "evidence": text, "core": True}
        records.append(rec)
    return body, list(entities.values()) + records


def generate(n_docs: int, out: Path, seed: int = 7, vocab: Vocabulary | None = None) -> dict:
    """Write n_docs documents to out/docs/ and their planted facts to out/planted.jsonl; returns counts."""
    out = Path(out)
    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for old in docs_dir.glob("*.txt"):
        old.unlink()
    v = vocab or Vocabulary(seed)
    rnd = random.Random(seed * 1_000_003 + n_docs)
    lines, n_rel, n_words, n_sent = [], 0, 0, 0
    for i in range(n_docs):
        doc_id = f"synth-{i:05d}"
        body, recs = make_document(v, rnd, doc_id)
        (docs_dir / f"{doc_id}.txt").write_text(body, encoding="utf-8")
        n_words += len(body.split())
        n_sent += len(re.findall(r"[.!?](?:\s|$)", body))
        for r in recs:
            n_rel += r["kind"] == "relation"
            lines.append(json.dumps(r, ensure_ascii=False))
    (out / "planted.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"docs": n_docs, "planted_relations": n_rel, "words": n_words, "sentences_approx": n_sent,
            "seed": seed}


def check_planted(out: Path) -> list[str]:
    """Consistency problems of a generated corpus (empty when it is sound): every relation's ends are entity
    lines of the same document, every planted fact's evidence sentence is in its document, every written
    alias occurs in that sentence's document, amounts are positive, predicates are the ontology's."""
    from policygraph.ontology import load_model

    model = load_model()
    problems = []
    ents, texts = {}, {}
    for line in (Path(out) / "planted.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        doc = r["doc"]
        if doc not in texts:
            texts[doc] = (Path(out) / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
        if r["kind"] == "entity":
            ents[(doc, r["name"])] = r
            for a in r["aliases"]:
                if a not in texts[doc]:
                    problems.append(f"{doc}: alias {a!r} of {r['name']} not in the text")
            continue
        for end in ("subject", "object"):
            if (doc, r[end]) not in ents:
                problems.append(f"{doc}: {r[end]} has no entity line")
        if r["predicate"] not in model.relations:
            problems.append(f"{doc}: unknown predicate {r['predicate']}")
        else:
            s, o = ents.get((doc, r["subject"])), ents.get((doc, r["object"]))
            if s and o and not model.allows(r["predicate"], s["type"], o["type"]):
                problems.append(f"{doc}: {s['type']} -{r['predicate']}-> {o['type']} not allowed by the ontology")
        if r["evidence"] not in texts[doc]:
            problems.append(f"{doc}: evidence sentence not in the text")
        amt = r["props"].get("amount_usd")
        if amt is not None and not amt > 0:
            problems.append(f"{doc}: bad amount {amt}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--out", required=True, help="directory: docs/*.txt and planted.jsonl are written there")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--check", action="store_true", help="also check the planted facts' consistency")
    args = ap.parse_args(argv)
    counts = generate(args.docs, Path(args.out), args.seed)
    print(json.dumps(counts))
    if args.check:
        problems = check_planted(Path(args.out))
        for p in problems[:20]:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
