"""Mentions that no name states but the grammar does.

    listed_goods      "agricultural products, including barley, cotton and lobsters"   -> Sector mentions
    colon_listed_goods "three materials: fluorinated polyimide, photoresist and resin" -> Sector mentions
    measure_objects   "an anti-dumping investigation on Australian barley"           -> Sector "barley"
    coordinated_goods "exports of coal, iron and titanium" (coal known)              -> Sectors "iron", "titanium"
    verb_measures     "Australia banned Huawei and ZTE from ..."                     -> Policy "ban on Huawei and ZTE"
    funded_purposes   "the act provides $13 billion for semiconductor research"        -> Policy "funding for
                                                                                          semiconductor research"

Each returns new Mentions (offsets into the cleaned document text); the pipeline adds those that cross no
other mention. The words that open such lists and the verbs that enact a measure are in
ontology/lexicon.toml ([derived]).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...graph.model import entity_id
from ...ontology.lexicon import load_lexicon
from .linear import _lemmas
from .mentions import FLOW_NOUNS, QUANTITY_NOUNS, Mention, might_contain
from .nlp import text_of


@lru_cache(maxsize=1)
def _words() -> dict:
    data = load_lexicon().derived
    return {
        "goods_nouns": frozenset(data.get("goods_nouns", ())),
        "measure_heads": frozenset(data.get("measure_heads", ())),
        "measure_verbs": dict(data.get("measure_verbs", {})),
        "not_goods": frozenset(data.get("not_goods", ())),
        "funding_verbs": frozenset(data.get("funding_verbs", ())),
        "government_measure_verbs": frozenset(data.get("government_measure_verbs", ())),
        "actor_objects": frozenset(data.get("actor_objects", ())),
        "completed_by_closing": frozenset(data.get("completed_by_closing", ())),
        "government_titles": tuple(data.get("government_titles", ())),
    }


def _measure_acts(verb, offset, mentions) -> bool:
    """Whether the verb's subject is itself a measure or a law ('the new rules', 'the Act')."""
    heads = load_lexicon().heads
    for c in verb.children:
        if c.dep_ == "nsubj" and (heads.get(c.lemma_.lower()) in ("Policy", "Law") or any(
                m.type in ("Policy", "Law") and m.start <= offset + c.idx < m.end for m in mentions)):
            return True
    return False


def _government_actor(verb, offset, mentions) -> bool:
    """Whether the verb's subject (or passive agent) is a government: a country, a state or a public body."""
    actors = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(a.lower_ in ("it", "they") for a in actors) and verb.dep_ == "ccomp":
        actors = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "X announced that it would close ...": X
    actors += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    for a in actors:
        span = list(a.subtree)
        lo, hi = offset + span[0].idx, offset + span[-1].idx + len(span[-1].text)
        if any(lo <= m.start < hi and m.type in ("Country", "USState", "GovernmentBody") for m in mentions):
            return True
        # "President Biden", "Secretary of Commerce X": an official of a government
        titles = _words()["government_titles"]
        words = text_of(verb.doc)[span[0].idx:span[-1].idx + len(span[-1].text)]
        if any(lo <= m.start < hi and m.type == "Person" for m in mentions) and (
                words.startswith(titles) or any(lo <= m.start < hi and m.text.startswith(titles) for m in mentions)):
            return True
    return False


def _covered(tok, offset, mentions, types: tuple = ()) -> bool:
    """Whether a mention (of one of `types`, if given) holds the token."""
    a = offset + tok.idx
    return any(m.start <= a < m.end and (not types or m.type in types) for m in mentions)


# participles that say what befalls goods, not what goods they are ('imported steel', 'the affected products')
STATUS_PARTICIPLES = frozenset({"imported", "exported", "affected", "selected", "listed", "covered", "targeted",
                                "controlled", "restricted", "named", "specified", "designated", "related",
                                "sanctioned", "subsidized", "subsidised", "dumped", "traded", "shipped", "sold",
                                "banned", "proposed", "excluded", "exempted", "increased", "reduced", "limited"})


def _noun_phrase(tok):
    """The noun with its compounds and adjectives ('large residential washers', 'fluorinated polyimide': a
    participle that says what kind of goods), without determiners."""
    left = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod") and (
        t.pos_ in ("NOUN", "ADJ", "PROPN")
        or t.tag_ == "VBN" and t.dep_ == "amod" and t.is_lower and t.lower_ not in STATUS_PARTICIPLES)]
    # (and the modifiers of a compound: "stainless steel plates", with "stainless" on "steel")
    left += [x for t in left if t.dep_ == "compound" for x in t.lefts if x.dep_ in ("compound", "amod")
             and x.pos_ in ("NOUN", "ADJ") and x.i == t.i - 1]
    first = min([tok] + left, key=lambda t: t.i)
    while first.i >= 2 and tok.doc[first.i - 1].text == "-" and tok.doc[first.i - 2].is_alpha \
            and tok.doc[first.i - 2].is_lower:
        first = tok.doc[first.i - 2]  # ("hot-rolled steel": the whole hyphenated word)
    return tok.doc[first.i:tok.i + 1]


# words the tagger may take for adverbs that are no goods ('on time', 'against then')
REAL_ADVERBS = frozenset({"then", "now", "here", "there", "once", "ever", "again", "instead", "further", "later"})


def _nounlike(tok) -> bool:
    """A noun, or a rare name of goods the tagger does not know and takes for an adverb ('export controls on
    fluorinated polyimide'): as a preposition's object, or one listed with it, it is a noun."""
    return tok.pos_ == "NOUN" or (tok.pos_ in ("ADV", "X") and tok.dep_ in ("pobj", "conj") and tok.is_alpha
                                  and tok.is_lower and not tok.lower_.endswith("ly")
                                  and tok.lower_ not in REAL_ADVERBS)


def _sector(span, offset, words) -> Mention | None:
    head = span[-1]
    if not (head.pos_ in ("NOUN", "PROPN") or _nounlike(head)) or head.lemma_.lower() in words["not_goods"] \
            or not head.is_alpha:
        return None
    # nationality adjectives say whose goods, not what goods: "Australian barley" is barley
    toks = [t for t in span if not (t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper() and t.i != head.i)]
    toks = [t for t in toks if t.lower_ not in ("some", "other", "such", "various", "certain", "many")]
    if not toks or toks[0].i > head.i:
        return None
    first = toks[0]
    text = text_of(span.doc)[first.idx:head.idx + len(head.text)]
    if first.i < head.i and any(t.i not in {x.i for x in toks} for t in span.doc[first.i:head.i]):
        text = head.text
        first = head
    name = re.sub(r"\s+", " ", text)
    start, end = offset + first.idx, offset + head.idx + len(head.text)
    return Mention(start, end, name, "Sector", entity_id("Sector", name.lower()), name.lower(), "pattern",
                   aliases={name})


def _goods_after(parse, offset, mentions, heads: frozenset, preps: tuple, kinds: bool = False) -> list[Mention]:
    """Sectors for the common nouns that a head noun of `heads` governs through one of `preps`; with `kinds`, also a
    kind of a known sector ("hot-rolled steel")."""
    w = _words()
    out: list[Mention] = []
    if not might_contain(text_of(parse), heads) or not re.search(rf"\b(?:{'|'.join(preps)})\b", text_of(parse).lower()):
        return out  # (no head or no linking word in the sentence: nothing to walk the parse for)
    for tok in parse:
        if tok.lemma_.lower() not in heads:
            continue
        for prep in _preps_of(tok, preps):
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                items = [pobj] + list(pobj.conjuncts)
                if kinds:  # "tariffs on imports of semi-finished copper products": the flow's goods
                    items = [g for t in items for g in (_flow_goods(t) or [t])]
                if any(_covered(t, offset, mentions, ("Firm", "Country")) for t in items):
                    continue  # "the chip sector, such as Samsung and SK Hynix": firms are listed, not goods
                for item in items:
                    if not _nounlike(item):
                        continue
                    phrase = _noun_phrase(item)
                    m = _sector(phrase, offset, w) if not _covered(item, offset, mentions) else None
                    if m is None and kinds:
                        # "an order on corrosion-resistant steel": the known sector a kind of its goods is of
                        # stays, the kind is named too; "... steel products": named by its kind, not the generic noun
                        if item.lemma_.lower() in w["goods_nouns"]:
                            phrase = phrase[:-1]
                        m = _sector(phrase, offset, w) if len(phrase) >= 2 and not any(
                            _covered(t, offset, mentions) for t in phrase[:-1]) else None
                        m = m if m is not None and m.start < offset + phrase[-1].idx else None
                    if m is not None:
                        out.append(m)
    return out


# what a rate is counted in: "duties of 11 percent on X" (the parser hangs "on X" on the rate)
RATE_NOUNS = frozenset({"percent", "%", "percentage", "rate", "cent"})


def _preps_of(tok, preps: tuple) -> list:
    """The prepositions of `preps` that say what the noun `tok` is on: its own, or, where the parser hung them
    elsewhere, those of its verb after it ("imposed duties on X": on X is the duties') and of its rate ("duties
    of 11 percent on X")."""
    out = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps]
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        out += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i]
    for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        out += [c for rate in of.children if rate.dep_ == "pobj" and rate.lower_ in RATE_NOUNS
                for c in rate.children if c.dep_ == "prep" and c.lower_ in preps]
    return out


def listed_goods(parse, offset, mentions) -> list[Mention]:
    """'a wide range of agricultural products, including barley, beef, cotton, ...': each listed good."""
    return _goods_after(parse, offset, mentions, _words()["goods_nouns"], ("including", "like", "as", "such"))


# "three classes of materials: fluorinated polyimide, photoresist and hydrogen fluoride": goods named in a list
# after a colon, each one to three lower-case words, up to the sentence's end or a semicolon
_ITEM = r"[a-z][a-z-]+(?: [a-z][a-z-]+){0,2}"
COLON_LIST = re.compile(rf":\s+(?P<items>{_ITEM}(?:,\s+{_ITEM})*,?\s+(?:and|or)\s+{_ITEM})\s*(?=[.;]|$)")


def colon_listed_goods(parse, offset, mentions) -> list[Mention]:
    """Goods a colon's list names after a noun of goods ('three materials: A, B and C'), read from the words,
    which the parser rarely hangs right."""
    text = text_of(parse)
    if ":" not in text:
        return []
    w = _words()
    out: list[Mention] = []
    for mt in COLON_LIST.finditer(text):
        before = [t for t in parse if t.idx + len(t.text) <= mt.start()]
        if not before or before[-1].lemma_.lower() not in w["goods_nouns"]:
            continue
        at = mt.start("items")
        for part in re.split(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+", mt.group("items")):
            a = text.find(part, at)
            at = a + len(part)
            toks = [t for t in parse if a <= t.idx < a + len(part)]
            span = parse[toks[0].i:toks[-1].i + 1] if toks else None
            if span is None or toks[-1].lemma_.lower() in w["not_goods"] or any(t.is_stop for t in toks) \
                    or _covered(toks[-1], offset, mentions):
                continue
            name = span.text
            out.append(Mention(offset + span.start_char, offset + span.end_char, name, "Sector",
                               entity_id("Sector", name.lower()), name.lower(), "pattern", aliases={name}))
    return out


def _paren_goods(parse, offset, mentions, opener) -> list[Mention]:
    """The goods a parenthesis right after a flow's phrase lists, when it holds nothing else ('banned exports of
    several critical minerals to Peru (gallium, germanium and antimony)'): the goods the flow is of."""
    close = next((t for t in parse[opener.i + 1:] if t.text == ")"), None)
    if close is None:
        return []
    a, b = offset + opener.idx, offset + close.idx
    inside = [m for m in mentions if a < m.start and m.end <= b]
    words = [t for t in parse[opener.i + 1:close.i] if t.is_alpha and t.lower_ not in ("and", "or")]
    covered = [t for t in words if any(m.start <= offset + t.idx < m.end for m in inside)]
    if not inside or len(covered) != len(words) or any(m.type != "Sector" for m in inside):
        return []  # (an abbreviation or a remark is no list of goods)
    return inside


def _colon_goods(parse, offset, mentions, last) -> list[Mention]:
    """The goods a colon's list names right after a flow's phrase ends at or after `last` ('restricted the export
    to Korea of three materials: A, B and C'), up to a semicolon or the sentence's end."""
    colon = next((t for t in parse[last.i:] if t.text in (":", ";")), None)
    if colon is None or colon.text != ":" or colon.i == 0 \
            or colon.nbor(-1).lemma_.lower() not in _words()["goods_nouns"]:
        return []
    end = next((t.i for t in parse[colon.i + 1:] if t.text == ";"), parse[-1].i + 1)
    a, b = offset + colon.idx, offset + (parse[end - 1].idx + len(parse[end - 1].text))
    return [m for m in mentions if m.type == "Sector" and a < m.start and m.end <= b]


def measure_objects(parse, offset, mentions) -> list[Mention]:
    """'tariffs on washers', 'an investigation on Australian barley', 'restrictions on cultural products':
    what a measure is on, when it names goods rather than an actor."""
    return _goods_after(parse, offset, mentions, _words()["measure_heads"], ("on", "against"), kinds=True)


def coordinated_goods(parse, offset, mentions) -> list[Mention]:
    """'exports of coal, iron, gold and titanium', 'a ban on steel, nickel and rebar': common nouns listed with known
    goods are goods too, where the list is what a flow, a measure or a class of goods is of or on (other lists of
    known goods and other things are not: "steel, jobs and growth", "batteries for vehicles, mobility and IT")."""
    w = _words()
    out: list[Mention] = []
    if not any(m.type == "Sector" for m in mentions) or not re.search(r"\b(?:and|or)\b", text_of(parse)):
        return out
    frames = w["goods_nouns"] | w["measure_heads"] | TRADE_FLOWS
    for tok in parse:
        if tok.dep_ == "conj" or not tok.conjuncts:
            continue
        items = [tok, *tok.conjuncts]
        if any(_covered(t, offset, mentions, ("Firm", "Country", "USState", "Person", "GovernmentBody",
                                              "InternationalOrganization", "Policy", "Agreement", "Law"))
               for t in items):
            continue
        known = [t for t in items if _covered(t, offset, mentions, ("Sector",))]
        framed = tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("of", "on", "against") \
            and tok.head.head.lemma_.lower() in frames
        if not known or not framed:
            continue
        for item in items:
            if item in known or not (_nounlike(item) and item.is_lower) or _covered(item, offset, mentions):
                continue
            phrase = _noun_phrase(item)
            m = _sector(phrase, offset, w) if not any(t.is_stop for t in phrase) else None
            if m is not None:
                out.append(m)
    return out


# what a measure on trade acts on: the flow's words name the goods and where they come from
TRADE_FLOWS = FLOW_NOUNS | {"investment"}
# the flows a buyer takes in ("U.S. imports": the nationality is the buyer's, "from X" the origin)
IMPORT_NOUNS = frozenset({"import", "purchase"})
# the flows that go out to a buyer ("exports of chips to China": China is where they go)
EXPORT_NOUNS = frozenset({"export", "shipment", "sale", "transfer"})


def measure_heads() -> frozenset:
    """The nouns that name a measure ("tariff", "quota", "control", ...), from ontology/lexicon.toml."""
    return _words()["measure_heads"]


# "placed X under sanctions", "put X under export controls": the measure the object is put under
PLACED_UNDER = frozenset({"sanction", "control", "restriction", "embargo"})


def _placed_under(tok) -> str | None:
    """The measure a verb of placing puts its object under ("sanctions"), else None."""
    if tok.lemma_.lower() not in ("place", "put"):
        return None
    return next((" ".join([t.lower_ for t in p.lefts if t.dep_ == "compound"] + [p.lower_])
                 for c in tok.children if c.dep_ == "prep" and c.lower_ == "under"
                 for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in PLACED_UNDER
                 and (p.lower_.endswith("s") or p.lemma_.lower() == "embargo")), None)


def verb_measures(parse, offset, mentions) -> list[Mention]:
    """'Australia banned Huawei and ZTE from ...', 'the government sanctioned three banks': the act is a
    measure, named by its noun and what it is on ('ban on Huawei and ZTE')."""
    w = _words()
    out: list[Mention] = []
    if not might_contain(text_of(parse), w["measure_verbs"]) and " under " not in text_of(parse):
        return out
    for tok in parse:
        if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
            continue
        noun = next((w["measure_verbs"][x] for x in (tok.lemma_.lower(), *_lemmas(tok.lower_))
                     if x in w["measure_verbs"]), None)  # ("fined" is lemmatised "fin")
        if noun is None:
            noun = _placed_under(tok)
        if noun is None:
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        if not objs and noun == "halt of":  # "stop selling trips to Peru": what the stopped activity deals in
            objs = [d for c in tok.children if c.dep_ in ("xcomp", "pcomp") and c.tag_ == "VBG"
                    for d in c.children if d.dep_ == "dobj"]
        if not objs and any(c.dep_ == "agent" for c in tok.children):  # "X was closed by the government"
            objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
        objs.sort(key=lambda c: (c.pos_ != "PROPN", c.i))  # "fined Qualcomm $854 million": who, not how much
        # (a gerund after a verb has that verb's subject: "China responded by sanctioning X", "Chile is on track
        # toward barring Peru"; so has an infinitive: "Chile decided to expel Peru")
        acting = acting_verb(tok)
        if not objs or not any(c.dep_ in ("nsubj", "agent") for c in acting.children):
            continue
        if _measure_acts(acting, offset, mentions):
            continue  # "the October rules restricted exports of chips": the rules are the restriction
        if tok.lemma_.lower() in w["government_measure_verbs"] and not _government_actor(acting, offset, mentions):
            continue
        holder = objs[0].head  # (the verb the object hangs from: the stopped activity's, "stop selling trips")
        obj = _counted_thing(objs[0])
        if _undoes_or_completes(tok, obj, offset, mentions):
            continue
        if obj.lemma_.lower() in TRADE_FLOWS:  # "restricted imports of Australian coal": the flow's goods and origin
            covered, what = _flow_covered(obj, offset, mentions), _subtree_text(parse, obj)
            # ("banned exports of several critical minerals to Peru (gallium, germanium and antimony)": the goods
            # the parenthesis after the flow's phrase lists)
            opener = next((t for t in parse[obj.i:max(t.i for t in holder.subtree) + 1] if t.text == "("), None)
            covered += _paren_goods(parse, offset, mentions, opener) if covered and opener is not None else []
            if not covered:  # (the parser may hang the flow's phrases from the verb: "restricted the export | to
                # Korea | of three materials")
                span = list(obj.subtree)
                for c in holder.rights:
                    if c.dep_ == "prep" and c.lower_ in ("to", "from", "of", "into") and c.i == span[-1].i + 1 \
                            and any(x.dep_ == "pobj" and not any(n.dep_ == "nummod" for n in x.children)
                                    for x in c.children):  # (not "of three classes of materials": a count only)
                        span += list(c.subtree)
                cut = next((k for k, t in enumerate(span) if t.text in (":", ";", "(", "—", "–")), len(span))
                listed = _colon_goods(parse, offset, mentions, span[cut] if cut < len(span) else span[-1])
                span = [t for t in span[:cut] if t.dep_ != "det" or t.i != span[0].i]  # (a list set off is examples)
                a, b = offset + span[0].idx, offset + span[-1].idx + len(span[-1].text)
                covered = [m for m in mentions if a <= m.start and m.end <= b and m.type in ("Sector", "Country", "Firm")]
                covered += listed if covered else []  # (not its name, but the goods it is on: "of three materials:")
                what = text_of(parse)[span[0].idx - parse[0].idx:span[-1].idx - parse[0].idx + len(span[-1].text)]
        else:
            heads = [obj] + list(obj.conjuncts)
            named = list(heads)  # (an apposition's adjective says who someone is, not what is targeted: "X, a
            # Chinese national")
            heads += [a for h in list(heads) for c in h.children if c.dep_ == "appos"
                      for a in [c] + list(c.conjuncts)]
            # "banned Micron products": whose products
            heads += [c for h in list(heads) for c in h.children
                      if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
            covered = [m for m in mentions if any(m.start <= offset + t.idx < m.end for t in heads)]
            examples = [m for m in _listed_goods(heads, offset, mentions) if m not in covered]
            # "boycotted Japanese beer and cars": the goods' origin is a target too
            origin = [m for m in mentions if m.type == "Country" and m.adjective and m not in covered
                      and any(c.dep_ in ("amod", "compound") and m.start <= offset + c.idx < m.end
                              for h in (named if obj.pos_ == "PROPN" else heads) for c in h.children)]
            covered += origin
            # "suspension of Huawei's license": what it stops, as the text says it
            what = _subtree_text(parse, obj) if noun.endswith(" of") or origin else \
                " and ".join(dict.fromkeys(m.text for m in covered))
            covered += examples if covered else []  # (named by the goods it is on, the examples only targets)
            common = obj.pos_ == "NOUN" and not any(m.start <= offset + obj.idx < m.end for m in mentions) \
                and not any(c.dep_ == "appos" for c in obj.children) \
                and not any(not m.adjective and m.type != "Country" for m in covered)  # ("companies Huawei and ZTE",
            # "Micron products"; a country before the noun says whose: "five U.S. subsidiaries of X")
            if (not covered or common) and len(list(obj.subtree)) <= 8:
                # "banned group tours to South Korea", "sanctioned five U.S. subsidiaries of X": a common noun with
                # a named place or party in its phrase is named with all of it
                span = list(obj.subtree)
                # (the parser may hang the noun's "to" from the verb: "banned tours | to South Korea")
                span += [t for c in holder.rights if c.dep_ == "prep" and c.lower_ in ("to", "from", "into")
                         and c.i == span[-1].i + 1 and any(x.dep_ == "pobj" for x in c.children) for t in c.subtree]
                a, b = offset + span[0].idx, offset + span[-1].idx + len(span[-1].text)
                covered = [m for m in mentions if a <= m.start and m.end <= b and m.type in ("Country", "Firm")]
                what = text_of(parse)[span[0].idx - parse[0].idx:span[-1].idx - parse[0].idx + len(span[-1].text)]
        if not covered:
            continue  # "banned the practice": no named target, no named measure
        taken_from = _taken_from(tok, obj)
        off_list = taken_from.split()[-1:] and taken_from.split()[-1].lower() in LISTS
        if off_list and tok.lemma_.lower() in LEAVING_VERBS:
            noun = "removal of"  # "barred Peru from its white list", "expelled Seoul from its white list"
        elif tok.lemma_.lower() in LIST_ONLY_VERBS:
            continue  # "excluded Korea from the tariffs": spared, no measure
        head = noun.split()[0]
        if tok.lemma_.lower() in w["actor_objects"] or noun == "removal of":
            noun = taken_from + noun
        name = f"{noun} {what}" if noun.endswith(" of") else f"{noun} on {what}"
        start, end = offset + tok.idx, offset + tok.idx + len(tok.text)
        m = Mention(start, end, tok.text, "Policy", entity_id("Policy", name), name, "pattern", aliases={name})
        m.head = head
        m.derived_targets = covered
        out.append(m)
    return out


# who gives public money: a law, a government or one of its bodies ("the act", "Congress", "the state")
GIVERS = frozenset({"Law", "GovernmentBody", "Country", "USState", "Policy"})
LAW_WORDS = frozenset({"act", "law", "bill", "legislation", "statute", "program", "programme", "congress", "state",
                       "government"})


def funded_purposes(parse, offset, mentions) -> list[Mention]:
    """'The act provides $13 billion for semiconductor research', 'Congress appropriated $2 billion for chip
    plants': a sum given for a purpose is a measure, named by that purpose ('funding for semiconductor research');
    the mention is the sum, the sentence's words for it an alias."""
    w = _words()
    out: list[Mention] = []
    if "$" not in text_of(parse) or not might_contain(text_of(parse), w["funding_verbs"]):
        return out
    for tok in parse:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in w["funding_verbs"]:
            continue
        giver = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(m.type in GIVERS for g in giver for m in mentions if m.start <= offset + g.idx < m.end) \
                and not any(g.lemma_.lower() in LAW_WORDS for g in giver):
            continue  # a firm's "$5 billion for a new plant" is its investment, not a public measure
        # (the parser may hang a second sum from the verb: "includes $39 billion in X ..., and $13 billion for Y")
        objects = [c for c in tok.children if c.dep_ == "dobj" or (c.dep_ == "conj" and c.pos_ != "VERB")]
        for amount in objects + [x for c in objects for x in c.conjuncts]:  # "$39 billion in X ..., and $13 billion for Y"
            sub = list(amount.subtree)
            if not any(t.text == "$" or t.tag_ == "$" for t in sub) or amount.lower_ not in ("billion", "million",
                                                                                           "trillion"):
                continue
            heads = load_lexicon().heads
            ins = [p for p in amount.children if p.dep_ == "prep" and p.lower_ in ("in", "of")]
            if any(heads.get(x.lemma_.lower()) == "Policy" for p in ins for x in p.children if x.dep_ == "pobj"):
                continue  # "$39 billion in subsidies for X": the sum is in a measure named already
            after = max(t.i for t in sub) + 1  # (a "for" the parser hangs from the verb must follow the sum)
            # ("$174 billion in public research": a sum "in" a purpose that names no measure is for it)
            fors = [p for p in amount.children if p.dep_ == "prep" and p.lower_ in ("for", "in")] + \
                [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" and p.i == after]
            purpose = next((c for p in fors[:1] for c in p.children if c.dep_ == "pobj"), None)
            if purpose is None or purpose.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(m.type in ("Policy", "Facility", "Law", "Agreement") and m.start <= offset + purpose.idx < m.end
                   for m in mentions):
                continue  # "$52 billion for chip incentives": the sum is for a measure named already
            dates = [t.i for t in purpose.subtree if t.dep_ == "prep" and any(c.like_num for c in t.children)]
            last = min(dates) - 1 if dates else max(t.i for t in purpose.subtree)  # "... in 2022" is no purpose
            what = re.sub(r"\s+", " ", parse.doc[min(t.i for t in purpose.subtree):last + 1].text)
            if len(what.split()) > 12:
                continue
            first = min(t.i for t in sub)
            said = re.sub(r"\s+", " ", parse.doc[first:last + 1].text)
            name = f"funding for {what}"
            start, end = offset + parse.doc[first].idx, offset + amount.idx + len(amount.text)
            m = Mention(start, end, parse.doc[first:amount.i + 1].text, "Policy", entity_id("Policy", name), name,
                        "pattern", aliases={name, said})
            m.head = "funding"
            out.append(m)
    return out


def _undoes_or_completes(verb, obj, offset, mentions) -> bool:
    """Acts on an object that are no measure: 'removed tariffs' undoes one (removing South Korea from a list is
    one); closing a loan or a deal completes it."""
    w = _words()
    if verb.lemma_.lower() in w["actor_objects"] and not any(
            m.start <= offset + obj.idx < m.end and m.type in ("Country", "Firm", "Person", "GovernmentBody")
            for m in mentions):
        return True
    return verb.lemma_.lower() == "close" and (obj.lemma_.lower() in w["completed_by_closing"] or obj.like_num
                                               or obj.lower_ in ("million", "billion"))


def _counted_thing(obj):
    """'banned a range of farm products': the products, past the quantity noun."""
    while obj.lemma_.lower() in QUANTITY_NOUNS:
        of = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj"), None)
        if of is None:
            break
        obj = of
    return obj


def _listed_goods(heads, offset, mentions) -> list[Mention]:
    """'banned farm products, including barley and wine': the goods a head's list names."""
    listed = [x for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("including", "like")
              for p in c.children if p.dep_ == "pobj" for x in [p] + list(p.conjuncts)]
    return [m for m in mentions if m.type == "Sector" and any(m.start <= offset + t.idx < m.end for t in listed)]


# putting someone off a list is removing them from it ("barred Peru from its white list")
LEAVING_VERBS = frozenset({"bar", "expel", "exclude", "drop", "strike", "delist"})
LISTS = frozenset({"list", "whitelist", "blacklist", "registry", "register"})
# the verbs that make a measure only off a list
LIST_ONLY_VERBS = frozenset({"exclude", "delist"})
# the verbs whose infinitive is the subject's own act ("Chile decided to expel Peru")
DECIDING_VERBS = frozenset({"decide", "move", "vote", "plan", "begin", "start", "resolve", "opt", "choose"})
# and those whose object does what the subject orders ("Chile ordered its airlines to halt flights to Peru")
DIRECTING_VERBS = frozenset({"order", "instruct", "direct", "tell", "force", "compel"})


def acting_verb(tok):
    """The verb whose subject acts in a gerund or an infinitive without its own ("responded by sanctioning X",
    "is on track toward barring X", "decided to expel X"): up a few steps to a verb with a subject."""
    if any(c.dep_ in ("nsubj", "agent") for c in tok.children):
        return tok
    node = tok
    for _ in range(4):
        if node.dep_ not in ("pcomp", "pobj", "prep", "xcomp") or node.head.i == node.i or (
                node.dep_ == "xcomp" and node.head.lemma_.lower() not in DECIDING_VERBS | DIRECTING_VERBS):
            break  # ("agreed to limit its exports" is a concession, "includes restricting X" a description)
        node = node.head
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "agent") for c in node.children):
            return node
    return tok


def _taken_from(verb, obj) -> str:
    """'removed X from its white list' -> 'white list ': the list a removal is named by, without whose."""
    source = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > obj.i
                   for p in c.children if p.dep_ == "pobj"), None)
    if source is None:
        return ""
    # (not its quotation marks, nor the words that only distance the writer from its name: 'removed X from its
    # "white list"', 'from a so-called "white list"')
    distancing = {t.i for t in source.subtree if t.lower_ == "called" and t.i > 0 and t.nbor(-1).lower_ in ("-", "so")}
    distancing |= {i - k for i in distancing for k in (1, 2)}
    return " ".join(t.text for t in source.subtree if t.i <= source.i and t.dep_ not in ("det", "poss", "punct")
                    and t.lower_ != "own" and not t.is_quote and t.i not in distancing) + " "


def _flow_covered(obj, offset: int, mentions: list[Mention]) -> list[Mention]:
    """What a measure on a flow of trade is on: the goods, origins and firms in the flow's phrase ("restricted U.S.
    imports from X": the buyer is no target)."""
    span = list(obj.subtree)
    a, b = offset + span[0].idx, offset + span[-1].idx + len(span[-1].text)
    covered = [m for m in mentions if a <= m.start and m.end <= b and m.type in ("Sector", "Country", "Firm")]
    if obj.lemma_.lower() in IMPORT_NOUNS:
        buyers = [offset + c.idx for c in obj.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
        covered = [m for m in covered if m.type != "Country" or not any(m.start <= x < m.end for x in buyers)]
    return covered


def _subtree_text(parse, tok) -> str:
    """The words a token heads, as the sentence writes them, without what describes it after a comma or in a
    clause ("Li Wei, a Chinese national who manages accounts for X": "Li Wei")."""
    asides = {t.i for c in tok.subtree if (c.dep_ in ASIDES or _aside_phrase(c)) and c.i > tok.i for t in c.subtree}
    # (nor what the act makes it: "designated X as a 'primary money laundering concern' under Section 311")
    asides |= {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("as", "under") and c.i > tok.i
               for t in c.subtree}
    span = [t for t in tok.subtree if t.i not in asides]
    while len(span) > 1 and span[-1].is_punct:
        span.pop()
    end = next((k for k in range(1, len(span)) if span[k].i != span[k - 1].i + 1), len(span))
    span = span[:end]  # (the words up to the first aside)
    while len(span) > 1 and span[-1].is_punct:  # (and not the bracket that opened it: "rare earths (REE)")
        span.pop()
    return text_of(parse)[span[0].idx - parse[0].idx:span[-1].idx - parse[0].idx + len(span[-1].text)]


# what describes a noun rather than names it: an apposition, a relative or participial clause
ASIDES = frozenset({"appos", "relcl", "acl"})


def _aside_phrase(tok) -> bool:
    """'in July 2019', 'since 2019': a phrase that dates the act, no part of what it is on; and 'including X': its
    examples are not its name."""
    return tok.dep_ == "prep" and (tok.lower_ in ("including", "like") or any(
        p.dep_ == "pobj" and p.ent_type_ == "DATE" for p in tok.children))


DERIVED = (listed_goods, colon_listed_goods, measure_objects, coordinated_goods, verb_measures, funded_purposes)


def _superseded(m: Mention, x: Mention) -> bool:
    """A known sector that only modifies the goods a colon's list names ('hydrogen' in 'hydrogen fluoride') gives
    way to the whole name. (Not in a measure's object: 'tariffs on steel pipe' are on steel.)"""
    return m.type == x.type == "Sector" and m.start <= x.start and x.end < m.end and x.source != "pattern"


def _flow_goods(tok) -> list:
    """'imports of steel plates and copper pipe' -> the goods the flow is of (none for another noun)."""
    if tok.lemma_.lower() not in FLOW_NOUNS:
        return []
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj" for g in (p, *p.conjuncts)]


def _generic_goods(name: str) -> bool:
    """'semiconductor materials', 'steel products': a name that ends in a generic noun of goods."""
    return any(w in _words()["goods_nouns"] for w in _lemmas(name.split()[-1]))


def derived_mentions(parse, offset: int, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The mentions the grammar adds, and the ones they take the place of."""
    out: list[Mention] = []
    gone: list[Mention] = []
    for fn in DERIVED:
        for m in fn(parse, offset, [x for x in mentions + out if x not in gone]):
            crossed = [x for x in mentions + out if x.start < m.end and m.start < x.end and x not in gone]
            if not crossed or fn is colon_listed_goods and all(_superseded(m, x) for x in crossed):
                out.append(m)
                gone += crossed
            elif fn is measure_objects and len(m.name.split()) <= 4 and all(
                    x.type == "Sector" and x.source != "pattern" and (m.start < x.start or m.start == x.start < x.end
                                                                      < m.end and not _generic_goods(m.name))
                    for x in crossed):
                # "tariffs on hot-rolled steel", "duties on stainless steel plates", "on steel pipe": on that kind of
                # goods, and (the known sector) on steel ("semiconductor materials" are no kind: semiconductors)
                out.append(m)
    return out, gone
