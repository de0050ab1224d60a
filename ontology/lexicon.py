"""Load the extraction lexicon (lexicon.toml) and relation patterns (patterns.toml)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Rule:
    predicate: str
    verbs: frozenset = frozenset()
    nouns: frozenset = frozenset()
    adverbs: frozenset = frozenset()
    subject: tuple = ()
    object: tuple = ()
    subject_types: tuple = ()
    object_types: tuple = ()
    amount: bool = False
    pairwise: bool = False
    pairwise_only: bool = False
    pairwise_words: tuple = ()
    both_directions: bool = False
    negation_ok: bool = False
    confidence: float = 0.7
    flags: frozenset = frozenset()  # the predicate's quirks (RULE_FLAGS), read by loaders/extract/relations.py
    head_types: frozenset = frozenset()  # "@Facility" in nouns: a named facility ("the Metaplant") triggers too


@dataclass
class Lexicon:
    heads: dict  # lemma -> type
    needs_modifier: frozenset
    generic_modifiers: frozenset
    generic_phrases: frozenset
    novelty_modifiers: frozenset
    amendment_nouns: frozenset
    amendment_adjectives: frozenset
    amendment_verbs: frozenset
    group_nouns: frozenset
    owner_nouns: frozenset
    legislature_nouns: frozenset
    chamber_nouns: frozenset
    government_nouns: frozenset
    news_outlets: frozenset
    news_outlet_words: frozenset
    sector_carriers: frozenset
    dyad_anaphors: tuple
    name_endings: dict  # type -> set of final words
    ignore_endings: frozenset
    firm_cues: frozenset
    titles: dict  # title word -> role
    sector_nouns: dict = field(default_factory=dict)  # "chipmaker" -> "semiconductors" (a gazetteer Sector)
    # the nouns that make a name set beside them a firm: the firm cues and those that do so only in apposition
    # ("X, a private equity fund")
    firm_beside: frozenset = frozenset()
    name_prefixes: dict = field(default_factory=dict)  # type -> first words that type a name ("Ministry of")
    person_titles: frozenset = frozenset()  # words a person's name may carry in front ("Chair", "Secretary")
    korean_surnames: frozenset = frozenset()  # "Son" in "Son Jae-il": a family name before a hyphenated given name
    acting_heads: frozenset = frozenset()  # measures named by what they do: "an order prohibiting X"
    seat_participles: frozenset = frozenset()  # "firms based in China": seated in China, as "Chinese firms"
    designing_heads: frozenset = frozenset()  # instruments whose "would" says what they do: "the rule would bar X"
    named_subject: frozenset = frozenset()  # predicates no country adjective is the subject of (patterns.toml)
    without_firm: dict = field(default_factory=dict)  # predicate -> what it is when neither side is a firm
    between_bodies: dict = field(default_factory=dict)  # predicate -> what it is between two government bodies
    body_to_firm: dict = field(default_factory=dict)  # predicate -> what it is from a government body to a firm
    not_acted_for: frozenset = frozenset()  # predicates no leader or body states for its country (patterns.toml)
    infobox: dict = field(default_factory=dict)  # infobox field -> (predicate, "in" | "out")
    generic_words: frozenset = frozenset()  # modifiers that tell no measure from another ("executive order")
    praise_words: frozenset = frozenset()  # "a Historic Trade Agreement": no title starts with praise
    choosing_verbs: frozenset = frozenset()  # "selected X over sites in Y": the sites are not taken
    leaving_verbs: frozenset = frozenset()  # "exited the SSD business": no longer in that field
    business_nouns: frozenset = frozenset()  # "a battery plant", "its chip business": what a firm runs in a field
    phase_nouns: frozenset = frozenset()  # "the conclusion of negotiations": a stage of an act, whose actor acts
    arms_words: frozenset = frozenset()  # "missile", "nuclear": a program of these is no measure
    threat_nouns: frozenset = frozenset()  # "in response to X's missile threat": a measure answering it targets X
    headline_treaty_verbs: frozenset = frozenset()  # "Chile, Peru Sign Free Trade Agreement": no part of a name
    measure_extensions: frozenset = frozenset()  # "hike" in "tariff hikes": the phrase names the measure
    acts_on_of: frozenset = frozenset()  # measures whose "of" is what they act on ("a boycott of Lotte")
    limits_of: frozenset = frozenset()  # measures that cap an amount of what their "of" names ("a quota of ...")
    goods_of: frozenset = frozenset()  # measures whose "of" may name goods ("export controls of chips")
    kind_adjectives: frozenset = frozenset()  # "anti-dumping duties": a legal kind of measure says which
    place_nouns: frozenset = frozenset()  # "U.S. projects", "Korean soil": the place their modifier names
    title_only: frozenset = frozenset()  # heads that name a measure only capitalised ("Resolution 2397")
    capitalised_heads: frozenset = frozenset()  # modified, a name only capitalised ("the Jones Act"; "a state act")
    benefits_for: frozenset = frozenset()  # measures whose "for" is who gets them ("subsidies for chipmakers")
    measure_kinds: dict = field(default_factory=dict)  # "duty" -> its kind's number ("tariff" has the same)
    measure_hypernyms: frozenset = frozenset()  # "measure", "step": any measure
    purchase_heads: frozenset = frozenset()  # "an order for four carriers" is a purchase, not a measure
    industry_members: frozenset = frozenset()  # "firms" in "Chinese firms in shipbuilding": a country's industry
    undoing_nouns: frozenset = frozenset()  # "a phase-out of tariffs": what is "of" it is being undone
    derived: dict = field(default_factory=dict)  # [derived]: goods and measure words (loaders/extract/derived.py)
    rules: list = field(default_factory=list)
    # the words of the MEMBER_OF rules whose object is any name ("join", "member", "accession"): a name a country
    # joins or is a member of is an organization of states ("Peru joined the Pacific Grain Forum")
    membership_words: frozenset = frozenset()

    # -- descriptive heads ---------------------------------------------------------------------
    def head_type(self, tok) -> str | None:
        lemma = tok.lemma_.lower()  # (read once: asked of every token of every sentence)
        got = self.heads.get(lemma) or self.heads.get(tok.lower_)
        if got and lemma in self.title_only and not tok.text[:1].isupper() and not self._title_only_named(tok):
            return None
        if got is None and lemma in self.measure_extensions and any(
                c.dep_ == "compound" and c.i == tok.i - 1 and self.heads.get(c.lemma_.lower()) == "Policy"
                for c in tok.children):
            return "Policy"  # "tariff hikes", "the sanctions regime": the measure as it changes or stands
        return got

    def _seat_place(self, ent) -> bool:
        """Whether the name is (one of the places of) where something is headquartered, based or located."""
        node = ent.root
        for _ in range(4):
            if node.dep_ in ("appos", "conj", "compound", "npadvmod") and node.head.i != node.i:
                node = node.head
                continue
            break
        return node.dep_ == "pobj" and node.head.lower_ in ("in", "at") \
            and node.head.head.lemma_.lower().removesuffix("ed") in self.seat_participles

    def _joined_by_country(self, ent) -> bool:
        """Whether the name is what a country joins or is a member of ("Bolivia joined the X", "Peru became a
        member of the X", "Peru's accession to the X", "Peru, a member of the X,")."""
        root = ent.root
        if root.dep_ == "dobj" and root.head.pos_ == "VERB":
            word = root.head
        elif root.dep_ == "pobj" and root.head.lower_ in ("of", "in", "to", "into"):
            word = root.head.head
        else:
            return False
        if word.lemma_.lower() not in self.membership_words:
            return False
        holders = [c for c in word.children if c.dep_ in ("nsubj", "poss")]
        if word.dep_ in ("attr", "oprd", "xcomp"):  # "Peru is a member of", "Peru hopes to join": the head's subject
            holders += [c for c in word.head.children if c.dep_ == "nsubj"]
        if word.dep_ == "appos":  # "Peru, a member of the X,"
            holders.append(word.head)
        return any(h.ent_type_ == "GPE" for h in holders)

    @staticmethod
    def _title_only_named(tok) -> bool:
        """A title-only head written in lower case that still names one: by its number ("as resolution 2270"), or
        bare after "the"/"this", where it refers back to one named before ("the resolution"; "the dispute
        resolution" and "a resolution" name none)."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.like_num and nxt.text[:1].isdigit():
            return True
        lefts = list(tok.lefts)
        return len(lefts) == 1 and lefts[0].dep_ == "det" and lefts[0].lower_ in ("the", "this")

    def head_type_word(self, word: str) -> str | None:
        w = word.lower()
        return self.heads.get(w) or self.heads.get(w.rstrip("s")) or self.heads.get(re.sub(r"ies$", "y", w))

    def bare_ok(self, tok) -> bool:
        return tok.lemma_.lower() not in self.needs_modifier

    @property
    def plain_re(self):
        words = sorted({h for h in self.heads} | {h + "s" for h in self.heads}
                       | {re.sub(r"y$", "ies", h) for h in self.heads}, key=len, reverse=True)
        mod = r"(?:[A-Za-z][\w.\-]*\s){1,3}"
        return re.compile(rf"(?P<mods>{mod})?(?P<head>\b(?:{'|'.join(map(re.escape, words))})\b)", re.IGNORECASE)

    # -- unknown names ---------------------------------------------------------------------------
    def type_for_name(self, text: str, label: str, sent=None, ent=None) -> str | None:
        words = text.split()
        last = words[-1] if words else ""
        if ent is not None and label == "ORG" and self._seat_place(ent):
            return None  # "headquartered in Songdo, Incheon, South Korea": a place, whatever the tagger says
        if ent is not None and label == "ORG" and self._joined_by_country(ent) and not any(
                last in self.name_endings.get(t, ()) for t in ("Agreement", "Policy", "Law")):
            return "InternationalOrganization"  # (a "Council", a "Group", a "Bank" or a "Forum" too: a country is
            # no member of a government's body or a firm; a pact it joins is typed by its own ending)
        if last in self.ignore_endings:
            return None
        for type_, starts in self.name_prefixes.items():  # "Department of the Navy", "Office of ..."
            if any(text.startswith(p + " ") for p in starts):
                return type_
        if ent is not None and label != "PERSON" and ent.root.dep_ in ("amod", "compound") \
                and ent.root.head.lemma_.lower() in STATE_GROUPS:
            return None  # "13 other Indo-Pacific countries", "the Visegrad nations": where, not who (a person's
            # name before "government" is its leader's: "the Ishiba Shigeru government")
        if ent is not None and label in ("ORG", "PERSON", "GPE", "PRODUCT", "NORP"):
            # "CS Wind, a Korean wind tower maker": the appositive says what the name is
            after = [t for t in ent.doc[ent.end:ent.end + 8]]
            titles = {w.casefold() for w in self.person_titles}
            if label in ("PERSON", "ORG") and after and after[0].text == "," and any(
                    t.text.casefold() in titles and t.dep_ == "appos" and t.head.i in range(ent.start, ent.end)
                    for t in after[1:]) and (label == "PERSON" or not any(
                    w in endings for w in words for endings in self.name_endings.values())):
                return "Person"  # "Mary Barra, CEO of General Motors": a person's title, not a firm's (also where
                # the tagger says ORG: "Jasem Albudaiwi, Secretary-General of the GCC,")
            if after and after[0].text == "," and any(
                    t.dep_ == "appos" and t.head.i in range(ent.start, ent.end)
                    and self.heads.get(t.lemma_.lower()) == "Facility" for t in after[1:]):
                return "Facility"  # "BlueOval City, Ford's new campus near Stanton,"
            if after and after[0].text == "," and any(
                    t.lower_ in self.firm_cues and t.head.i in range(ent.start, ent.end) or
                    t.lower_ in self.firm_beside and t.dep_ == "appos" for t in after[1:]):
                return "Firm"
            root = ent.root
            # "a joint venture, BlueRiver VK,": the name set beside a firm's noun; "BlueRiver VK is a joint
            # venture of A and B": the name a firm's noun is said of
            if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lower_ in self.firm_beside \
                    or root.dep_ == "nsubj" and \
                    root.head.lemma_ == "be" and any(c.dep_ == "attr" and c.lower_ in self.firm_cues
                                                     for c in root.head.children):
                return "Firm"
        for type_, endings in self.name_endings.items():
            if last in endings:
                return type_
        if label not in ("PERSON", "GPE", "NORP"):
            # "the Lima Accord on Fisheries", "the Special Act on Strengthening ...": a title's head word comes
            # before its first "on/of/for"
            for word, after in zip(words, words[1:]):
                type_ = next((t for t, endings in self.name_endings.items() if word in endings and t != "Firm"), None)
                if after in ("on", "of", "for") and type_ is not None:
                    return type_
        if label == "PERSON" and ent is not None and ent.start > 0 and ent.doc[ent.start - 1].pos_ == "NOUN" \
                and ent.doc[ent.start - 1].lower_ in self.firm_cues:
            return "Firm"  # "Norwegian shipbuilder Tarsk Marine": the trade set before a name says a firm
        if label == "PERSON" and len(words) >= 2 and all(w[:1].isupper() for w in words) \
                and not any(ch.isdigit() for ch in text):  # ("K9 Thunder" is a howitzer)
            return "Person"
        if label == "ORG" and sent is not None:
            context = {t.lower_ for t in sent}
            if context & self.firm_cues:
                return "Firm"
        if label == "LAW":
            return "Law"
        return None


# nouns for a group of states or for a stretch of land: a name before them is a region's, a bloc's or a place's
# ("Indo-Pacific countries", "the Huntsville area")
STATE_GROUPS = frozenset({"country", "nation", "economy", "state", "government", "ally", "region", "area", "county",
                          "city", "metro", "suburb", "valley", "corridor"})
RULE_KEYS = frozenset({"predicate", "verbs", "nouns", "adverbs", "subject", "object", "subject_types", "object_types",
                       "amount", "pairwise", "pairwise_only", "pairwise_words", "both_directions", "negation_ok",
                       "confidence", "flags"})
RULE_FLAGS = frozenset({"no_intent", "pursued_only", "named_subjects", "named_country_subject", "parties_of_object",
                        "topic_sector",
                        "owned_measures", "negated_exemption", "continues_subject", "trade_flow", "owner_invests",
                        "measure_owners", "own_kind_only", "joint_only", "pairwise_clause", "named_objects",
                        "named_whole"})
# the roles relations.py can fill (a typo in patterns.toml must fail loudly, not match nothing)
ROLES = frozenset({"subj", "owner", "copula", "appos", "dobj", "compound", "sectors", "between", "self",
                   "one_of", "for_owner", "recipient", "experiencer", "patient", "means_target", "target_of",
                   "copula_for", "fellow", "held", "origin", "goods_origin", "imports_of",
                   "investor_of", "purpose", "share_of", "goods_owner", "relied_on", "control_of", "destination",
                   "barred_act", "patient_owner",
                   "passive_subject", "agent", "sector_place", "destination_of", "listing_owner",
                   "goods_reached", "with_place", "examples", "haver"})


def _check_rule(i: int, d: dict, predicates: set | None) -> None:
    where = f"patterns.toml rule #{i} ({d.get('predicate', '?')})"
    unknown = set(d) - RULE_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(RULE_KEYS)}")
    if predicates is not None and d.get("predicate") not in predicates:
        raise ValueError(f"{where}: unknown predicate {d.get('predicate')!r}")
    unknown_flags = set(d.get("flags", ())) - RULE_FLAGS
    if unknown_flags:
        raise ValueError(f"{where}: unknown flags {sorted(unknown_flags)}; flags: {sorted(RULE_FLAGS)}")
    for side in ("subject", "object"):
        for role in d.get(side, ()):
            if role not in ROLES and not role.startswith("pp:"):
                raise ValueError(f"{where}: unknown {side} role {role!r}; roles: {sorted(ROLES)} or pp:<prep>,...")


# the keys of patterns.toml's [predicates] table: quirks of a predicate whatever rule finds it
PREDICATE_TABLE_KEYS = frozenset({"named_subject", "without_firm", "between_bodies", "body_to_firm", "not_acted_for"})


def _check_predicate_table(table: dict, predicates: set) -> None:
    unknown = set(table) - PREDICATE_TABLE_KEYS
    if unknown:
        raise ValueError(f"patterns.toml [predicates]: unknown keys {sorted(unknown)}; "
                         f"allowed: {sorted(PREDICATE_TABLE_KEYS)}")
    for key, value in table.items():
        named = set(value) | (set(value.values()) if isinstance(value, dict) else set())
        if named - predicates:
            raise ValueError(f"patterns.toml [predicates] {key}: unknown predicates {sorted(named - predicates)}")


def _nouns(words, heads: dict, where: str) -> frozenset:
    """A rule's nouns; "@Facility" stands for every head word of that type in lexicon.toml (one list, not two)."""
    out = set()
    for w in words:
        if w.startswith("@"):
            of_type = {h for h, t in heads.items() if t == w[1:]}
            if not of_type:
                raise ValueError(f"{where}: {w!r} names no head type of lexicon.toml")
            out |= of_type
        else:
            out.add(w)
    return frozenset(out)


def _rule(i: int, d: dict, heads: dict) -> Rule:
    return Rule(
        predicate=d["predicate"],
        verbs=frozenset(d.get("verbs", ())),
        nouns=_nouns(d.get("nouns", ()), heads, f"patterns.toml rule #{i} ({d['predicate']})"),
        adverbs=frozenset(d.get("adverbs", ())),
        subject=tuple(d.get("subject", ())),
        object=tuple(d.get("object", ())),
        subject_types=tuple(d.get("subject_types", ())),
        object_types=tuple(d.get("object_types", ())),
        amount=bool(d.get("amount", False)),
        pairwise=bool(d.get("pairwise", False)),
        pairwise_only=bool(d.get("pairwise_only", False)),
        pairwise_words=tuple(d.get("pairwise_words", ())),
        both_directions=bool(d.get("both_directions", False)),
        negation_ok=bool(d.get("negation_ok", False)),
        confidence=float(d.get("confidence", 0.7)),
        flags=frozenset(d.get("flags", ())),
        head_types=frozenset(w[1:] for w in d.get("nouns", ()) if w.startswith("@")),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = tomllib.loads((HERE / "lexicon.toml").read_text(encoding="utf-8"))
    pats = tomllib.loads((HERE / "patterns.toml").read_text(encoding="utf-8"))
    from . import load_model

    predicates = set(load_model().relations)
    for i, r in enumerate(pats["rule"], 1):
        _check_rule(i, r, predicates)
    _check_predicate_table(pats.get("predicates", {}), predicates)
    heads = {}
    for type_, words in lex["heads"].items():
        if type_ in ("needs_modifier",):
            continue
        if isinstance(words, list) and type_[0].isupper():
            for w in words:
                heads[w] = type_
    endings = {k: set(v) for k, v in lex["name_endings"].items()
               if k not in ("ignore", "firm_cues", "firm_appositions")}
    titles = {}
    for role, words in lex["titles"].items():
        for w in words:
            titles[w] = role
    rules = [_rule(i, r, heads) for i, r in enumerate(pats["rule"], 1)]
    return Lexicon(
        heads=heads,
        needs_modifier=frozenset(lex["heads"]["needs_modifier"]),
        generic_modifiers=frozenset(lex["heads"]["generic_modifiers"]),
        generic_phrases=frozenset(lex["heads"]["generic_phrases"]),
        novelty_modifiers=frozenset(lex["heads"].get("novelty_modifiers", ())),
        amendment_nouns=frozenset(lex["heads"]["amendment_nouns"]),
        amendment_adjectives=frozenset(lex["heads"]["amendment_adjectives"]),
        amendment_verbs=frozenset(lex["heads"]["amendment_verbs"]),
        group_nouns=frozenset(lex["heads"]["group_nouns"]),
        owner_nouns=frozenset(lex["heads"]["owner_nouns"]),
        legislature_nouns=frozenset(lex["heads"]["legislature_nouns"]),
        chamber_nouns=frozenset(lex["heads"]["chamber_nouns"]),
        government_nouns=frozenset(lex["heads"]["government_nouns"]),
        news_outlets=frozenset(lex["heads"]["news_outlets"]),
        news_outlet_words=frozenset(lex["heads"]["news_outlet_words"]),
        sector_carriers=frozenset(lex["heads"]["sector_carriers"]),
        dyad_anaphors=tuple(lex["heads"]["dyad_anaphors"]),
        name_endings=endings,
        ignore_endings=frozenset(lex["name_endings"]["ignore"]),
        firm_cues=frozenset(lex["name_endings"]["firm_cues"]),
        firm_beside=frozenset(lex["name_endings"]["firm_cues"])
        | frozenset(lex["name_endings"].get("firm_appositions", ())),
        titles=titles,
        sector_nouns=dict(lex.get("sector_nouns", {})),
        derived=dict(lex.get("derived", {})),
        name_prefixes={k: tuple(v) for k, v in lex.get("name_prefixes", {}).items()},
        person_titles=frozenset(lex.get("person_titles", {}).get("words", ())),
        korean_surnames=frozenset(lex.get("person_names", {}).get("korean_surnames", ())),
        acting_heads=frozenset(lex["heads"].get("acting_heads", ())),
        designing_heads=frozenset(lex["heads"].get("designing_heads", ())),
        seat_participles=frozenset(lex["heads"].get("seat_participles", ())),
        generic_words=frozenset(lex["heads"].get("kind_words", ())),
        praise_words=frozenset(lex["heads"].get("praise_words", ())),
        choosing_verbs=frozenset(lex["heads"]["choosing_verbs"]),
        leaving_verbs=frozenset(lex["heads"]["leaving_verbs"]),
        business_nouns=frozenset(lex["heads"]["business_nouns"]),
        phase_nouns=frozenset(lex["heads"].get("phase_nouns", ())),
        arms_words=frozenset(lex["heads"].get("arms_words", ())),
        threat_nouns=frozenset(lex["heads"].get("threat_nouns", ())),
        headline_treaty_verbs=frozenset(lex["heads"].get("headline_treaty_verbs", ())),
        measure_extensions=frozenset(lex["heads"].get("measure_extensions", ())),
        acts_on_of=frozenset(lex["heads"].get("acts_on_of", ())),
        limits_of=frozenset(lex["heads"].get("limits_of", ())),
        goods_of=frozenset(lex["heads"].get("goods_of", ())),
        benefits_for=frozenset(lex["heads"].get("benefits_for", ())),
        title_only=frozenset(lex["heads"].get("title_only", ())),
        capitalised_heads=frozenset(lex["heads"].get("capitalised_heads", ())),
        place_nouns=frozenset(lex["heads"].get("place_nouns", ())),
        kind_adjectives=frozenset(lex["heads"].get("kind_adjectives", ())),
        measure_kinds={w: i for i, kind in enumerate(lex["heads"].get("measure_kinds", ())) for w in kind},
        measure_hypernyms=frozenset(lex["heads"].get("measure_hypernyms", ())),
        industry_members=frozenset(lex["heads"].get("industry_members", ())),
        undoing_nouns=frozenset(lex["heads"].get("undoing_nouns", ())),
        purchase_heads=frozenset(lex["heads"].get("purchase_heads", ())),
        rules=rules,
        membership_words=frozenset().union(*(r.verbs | r.nouns for r in rules
                                             if r.predicate == "MEMBER_OF" and not r.object_types)),
        named_subject=frozenset(pats.get("predicates", {}).get("named_subject", ())),
        without_firm=dict(pats.get("predicates", {}).get("without_firm", {})),
        between_bodies=dict(pats.get("predicates", {}).get("between_bodies", {})),
        body_to_firm=dict(pats.get("predicates", {}).get("body_to_firm", {})),
        not_acted_for=frozenset(pats.get("predicates", {}).get("not_acted_for", ())),
        infobox={k: tuple(v) for k, v in lex.get("infobox", {}).items()},
    )
