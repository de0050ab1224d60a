"""What a sentence states as fact, and amounts stated once for several facts.

`statement(sv, candidate)`: 'negated' when the clause that links the two ends of a candidate is negated ("South
Korea did not sign ..."), 'hypothetical' when it is hypothetical ("if Japan imposed ...", "could join", "would
ratify"). Such candidates are dropped: the graph holds stated facts only. What an instrument would do as drafted
("the proposed rule would bar X", "the bill would impose tariffs on Y") is its content, not a hypothesis: it is
'proposed', and the fact is kept with `status = "proposed"`, which every query, view and brief shows. (Aims, "seeks
to join", are read by the frame rules: the `no_intent` flag of patterns.toml.) Facts linked inside a noun phrase are
presupposed and kept ("does not violate U.S. sanctions on North Korea" still says there are U.S. sanctions on North
Korea).

`mark_joint(candidates, sv, doc_id)`: one amount stated for several objects or subjects ("$11.4 billion for
battery parks in Kentucky and Tennessee") is the same money: each fact keeps the amount, marked `joint` with a
shared `joint_id`, so that roll-ups count it once.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from ...ontology.lexicon import load_lexicon
from .amounts import find_amounts

# (and what must still be done: "must be approved by parliament before it takes effect")
HYPOTHETICAL = frozenset({"could", "would", "might", "may", "should", "must"})
CONDITIONAL = frozenset({"if", "unless", "whether"})
HEDGES = frozenset({"likely", "possibly", "perhaps", "potentially", "maybe", "conceivably", "presumably"})
UNCERTAIN = frozenset({"likely", "unlikely", "possible", "probable", "unclear", "uncertain", "conceivable"})
# "X announced that it would build": a reported plan is stated, not hypothetical
REPORTING = frozenset({"announce", "say", "state", "confirm", "pledge", "promise", "plan", "report", "disclose",
                       "reveal", "decide", "agree", "commit", "declare", "tell", "indicate", "vow", "expect"})
NEGATORS = frozenset({"not", "never", "n't", "no"})
# verbs whose complement did not happen: "refused to join", "declined to invest", "denied that it had imposed"
REFUSING = frozenset({"refuse", "decline", "fail", "reject", "deny", "avoid", "neglect", "forgo", "forego"})
# verbs whose complement is only weighed, asked for or wished: "considered imposing", "urged X to impose"
WEIGHING = frozenset({"consider", "urge", "ask", "press", "want", "hope", "wish", "threaten", "demand", "request",
                      "recommend", "propose", "encourage", "weigh", "mull", "contemplate", "debate", "suggest",
                      "call", "lobby", "push", "petition", "advise", "study", "explore",
                      # "firms looking to invest", "prepares to implement tariffs" (not "aim": a law aims at what it does)
                      "look", "prepare"})
# verbs that undo a plan before it happened: "abandoned plans to invest in X", "scrapped a plant in Y"
CANCELLING = frozenset({"abandon", "cancel", "scrap", "shelve", "scuttle", "drop", "ditch", "axe", "forgo",
                        "forego"})
# verbs that bring a measure into being: when they are denied or weighed, so is the measure (constructions.ENACTING
# is a law's: "the credits established by the Act")
MEASURE_MAKING = frozenset({"impose", "introduce", "adopt", "enact", "levy", "implement", "announce", "issue", "place",
                      "slap", "apply", "establish", "launch", "initiate", "take"})


def tokens_of(sv, m):
    """The sentence's tokens a mention covers."""
    a, b = m.start - sv.start, m.end - sv.start
    return [t for t in sv.tokens if t.idx < b and a < t.idx + len(t.text)]


def _clause_chain(tok, limit: int = 12):
    """The token and its heads up to the sentence root."""
    out = [tok]
    while tok.head.i != tok.i and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def _up_to(tok, anchor):
    """The token and its heads up to the anchor (included) or the sentence root."""
    out = []
    for node in _clause_chain(tok):
        out.append(node)
        if node.i == anchor.i:  # (spaCy makes a new Token object at each access: compare positions)
            break
    return out


def _matrix(verb) -> str | None:
    """What a verb says of the act in its complement: 'negated' ("refused to join", "denied that it had
    imposed"), 'hypothetical' ("considered imposing", "urged X to impose"), else None."""
    lemma = verb.lemma_.lower()
    if lemma in ("have", "be", "remain") and any(c.lower_ == "yet" for c in verb.children):
        return "negated"  # "has yet to ratify", "is yet to be approved": not done so far
    return "negated" if lemma in REFUSING else "hypothetical" if lemma in WEIGHING else None


def misattached_conjunct(verb) -> bool:
    """'China believed that the deployment would affect its security and took countermeasures': a finite verb
    the parser coordinated with a modal's base-form verb inside a "that" clause belongs with the clause above
    (a modal takes no past tense), so it shares that clause's subject and modality."""
    head = verb.head
    past = verb.tag_ == "VBD" or verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ == "conj" and past and head.tag_ in ("VB", "VBP") and head.dep_ == "ccomp" \
            and head.head.lemma_.lower() in DEMANDING_VERBS and head.head.tag_ == "VBD":
        return True  # "the resolution demanded that X cease testing and prohibited exports": a demand's subjunctive
        # takes no past tense either (nor a bare participle: the tagger's "imposed" may be either)
    return (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in head.children)
            and head.dep_ == "ccomp" and head.head.i != head.i)


# verbs whose "that" clause is a subjunctive: "demanded that North Korea cease testing"
DEMANDING_VERBS = frozenset({"demand", "urge", "insist", "require", "ask", "request", "recommend", "propose"})


def _weighing_clause(sv) -> bool:
    """Whether the sentence has a clause inside a noun phrase that only weighs its act ("firms looking to ...")."""
    memo = sv.clause_memo
    if "weighing" not in memo:
        memo["weighing"] = any(t.dep_ == "acl" and t.lemma_.lower() in WEIGHING for t in sv.tokens)
    return memo["weighing"]


def _enacted(noun, tok_mentions: dict | None = None) -> str:
    """How the clause brings the measure this noun heads into being: 'negated' in "did not impose tariffs on X",
    'hypothetical' in "considered imposing tariffs on X", 'proposed' in "the bill would impose tariffs on X",
    'stated' otherwise (also when no verb makes it)."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.lemma_.lower() not in MEASURE_MAKING:
        return "stated"
    return _clause_modality(noun.head, tok_mentions)


def _lowest_common(a, b):
    up = {t.i: t for t in _clause_chain(a, 50)}
    for t in _clause_chain(b, 50):
        if t.i in up:
            return t
    return None


def modality(sv, subject, obj) -> str:
    """'stated', 'negated' or 'hypothetical' for the clause linking two mentions."""
    if sv.parse is None:
        return "stated"
    ts, to = tokens_of(sv, subject), tokens_of(sv, obj)
    if not ts and not to:
        return "stated"
    if any(_lacked(toks[-1]) for toks in (ts, to) if toks):
        return "negated"  # "Without production facilities for EVs in North America, X ...": what is lacked is not
    anchor = _lowest_common(ts[-1], to[-1]) if ts and to else (ts or to)[-1]
    if anchor is not None and _prevented(to[-1] if to else ts[-1], anchor) and not (
            subject.type in ("Policy", "Law") and anchor.lemma_.lower() in PREVENTING):
        return "negated"  # "preventing Korean companies from investing in China": no investment is stated (what
        # an instrument prevents is what it is on: "the Act restricts recipients from expanding in Peru")
    if anchor is not None and anchor.pos_ in ("NOUN", "PROPN") and _enacted(anchor) == "negated":
        return "negated"  # "did not impose tariffs on Chinese steel": a measure denied is no measure
    if anchor is not None and anchor.pos_ in ("NOUN", "PROPN") and ts and to:
        # "the Pact, to which Chile is not a party,": a relative clause in the noun phrase says it for itself
        for tok in (ts[-1], to[-1]):
            said = next((_clause_modality(n) for n in _up_to(tok, anchor) if n.dep_ == "relcl" and n.i != anchor.i),
                        "stated")
            if said in ("negated", "hypothetical"):
                return said
    if anchor is None or anchor.pos_ not in ("VERB", "AUX"):
        # linked inside a noun phrase ("U.S. sanctions on North Korea", "China's plan"): the phrase presupposes
        # the fact whatever the clause around it says ("does not violate U.S. sanctions on North Korea"), but not
        # what a clause inside it only weighs ("Chilean firms looking to invest in Texas")
        if anchor is not None and _asked_for(anchor):
            return "hypothetical"  # "rejected demands for a U.S. content requirement": only asked for
        if anchor is None or not ts or not to or not _weighing_clause(sv):
            return "stated"
        weighed = [n for tok in (ts[-1], to[-1]) for n in _up_to(tok, anchor) if n.dep_ == "xcomp"
                   and n.head.dep_ == "acl" and _matrix(n.head) == "hypothetical"]
        return "hypothetical" if weighed else "stated"
    paths = [_up_to(tok, anchor) for tok in (ts[-1], to[-1])] if ts and to else []
    # "abandoned plans to invest in X", "cancelled its plant in Y": a plan undone before it happened
    if any(n.dep_ in ("dobj", "nsubjpass") and n.head.lemma_.lower() in CANCELLING for path in paths for n in path):
        return "negated"
    # "Korea refused to join X", "critics urged Korea to impose Y": the act sits in the clause of a verb that
    # denies or only weighs it, below the anchor the two ends share
    for path in paths:
        for k, n in enumerate(path):
            if n.i != anchor.i and n.dep_ in ("xcomp", "ccomp") and n.head.i == anchor.i and _matrix(anchor) \
                    and not any(misattached_conjunct(x) for x in path[:k]):
                # (not past a verb the parser coordinated into the clause: "demanded that X cease testing and
                # prohibited exports" states the prohibition)
                return _matrix(anchor)
    said = _clause_modality(anchor, sv.tok_mentions)
    if said == "proposed" and any(any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in n.children)
                                  for path in paths for n in path if n.i != anchor.i):
        return "hypothetical"  # "If Congress passes it, the bill would ...": Congress's act is only supposed
    return said


# nouns whose "for" or "of" phrase is only asked for or threatened: "demands for a quota", "the threat of tariffs"
ASKING_NOUNS = frozenset({"demand", "call", "request", "plea", "push", "threat", "appeal", "bid"})


def _asked_for(noun) -> bool:
    """Whether a noun phrase stands in the "for"/"of" phrase of a noun that only asks for or threatens it."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("for", "of") and prep.head.lemma_.lower() in ASKING_NOUNS \
        and prep.head.pos_ == "NOUN"


def _lacked(tok) -> bool:
    """Whether a word stands in the noun phrase of a "without" ("without plants in Ohio", "without a deal")."""
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "pobj" and node.head.lower_ == "without":
            return True
        node = node.head
    return False


def governing_modality(tok) -> str:
    """'stated', 'negated' or 'hypothetical' for the clause of the verb a noun phrase hangs from ("could smooth
    the conclusion of an FTA with Japan": hypothetical)."""
    for node in _clause_chain(tok):
        if node.pos_ not in ("VERB", "AUX"):
            continue
        said = _clause_modality(node)
        if said != "stated" or node.dep_ not in ("pcomp", "acl", "advcl", "xcomp", "conj", "csubj"):
            return said  # ("would contribute ... in providing a pact with X": the clause the gerund serves)
    return "stated"


def not_until(verb) -> bool:
    """'did not sign the pact until 2012': it was signed, in 2012 (the negation bounds the time, not the act)."""
    return any(t.lower_ in ("until", "till") for t in verb.subtree)


# what an instrument's head noun or name is (the lexicon's [heads] types): "agreement", "act", "tariff", ...
INSTRUMENT_TYPES = frozenset({"Policy", "Law", "Agreement"})


@lru_cache(maxsize=1)
def _designing_heads() -> frozenset:
    return load_lexicon().designing_heads


def designs(verb, tok_mentions: dict) -> bool:
    """Whether a "would" clause says what an instrument does as drafted: its subject is a rule, a bill, an order, a
    pact (lexicon `designing_heads`: "the proposed rule would bar X", "the bill would impose tariffs on Y") or a named
    one ("CPTPP would bring a modified TPP into effect"), not an actor ("Korea would join": a hypothesis)."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        node = node.head  # "would bar X and require Y": the second verb's subject is the first's
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.pos_ == "NOUN":
        return subject.lemma_.lower() in _designing_heads()
    return subject.pos_ == "PROPN" and any(m.type in INSTRUMENT_TYPES for m in tok_mentions.get(subject.i, ()))


def _clause_modality(anchor, tok_mentions: dict | None = None) -> str:
    """'stated', 'negated', 'hypothetical' or (given the sentence's mentions by token) 'proposed' for the clause of
    a verb, up through the verbs it complements."""
    for node in _clause_chain(anchor):
        if node.pos_ not in ("VERB", "AUX"):
            break
        kids = list(node.children)
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "neg")) for c in kids) \
                and not not_until(node):
            return "negated"
        for c in kids:
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL:
                if c.lower_ == "would" and node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING:
                    continue
                if c.lower_ == "would" and tok_mentions is not None and designs(node, tok_mentions) and not any(
                        k.dep_ == "mark" and k.lower_ in CONDITIONAL or k.dep_ == "advmod" and k.lower_ in HEDGES
                        for k in kids):
                    return "proposed"  # ("the bill would likely impose ...", "... if passed": still a hypothesis)
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL:
                return "hypothetical"
            if c.dep_ == "advmod" and c.lower_ in HEDGES:
                return "hypothetical"  # "X will likely invest", "Y could possibly join"
        if node.dep_ == "ccomp" and any(c.dep_ == "acomp" and c.lower_ in UNCERTAIN for c in node.head.children):
            return "hypothetical"  # "it is likely that Y will ...", "it is unclear whether ..."
        if node.dep_ in ("xcomp", "ccomp") and _matrix(node.head):
            return _matrix(node.head)  # "Korea refused to join", "Korea considered imposing"
        if node.dep_ not in ("xcomp", "conj", "aux", "auxpass"):
            break  # the clause ends: "X said that Y would ..." is Y's clause only
    return "stated"


# verbs that keep someone from doing what their "from" clause says: "barred X from investing in Y"
PREVENTING = frozenset({"prevent", "prohibit", "bar", "ban", "stop", "block", "forbid", "keep", "exclude", "deter",
                        "restrict", "discourage", "restrain", "preclude", "refrain", "withhold"})


def _prevented(tok, anchor) -> bool:
    """Whether, between tok and the anchor of the fact, an action stands in the "from" clause of a preventing
    verb ("prohibiting the two countries from cooperating", "Huawei was banned from supplying")."""
    return any(n.dep_ == "pcomp" and n.head.lower_ == "from" and n.head.head.lemma_.lower() in PREVENTING
               for n in _up_to(tok, anchor))


# Rules whose facts no clause modality touches: they read negation themselves ("has not exempted X ...,
# despite doing so for Y": Y is exempted), or the fact is presupposed by a noun phrase or a list ("Japanese
# firms like Sony", "forums such as the G20", "SK On of South Korea", "TSMC's chief executive C. C. Wei").
PRESUPPOSED = frozenset({"negated-exemption", "ellipsis-exemption", "forum-list", "nationality-list",
                         "agreement-owner", "agreement-with", "descriptor-nationality", "descriptor-sector",
                         "descriptor-seat", "of-country", "members-listed", "organisation-title", "office-holder",
                         "head-of-state", "title-of"})


# the constructions that read the exception itself (constructions.left_out, constructions.excepted_members)
EXCEPTION_RULES = frozenset({"left-out", "excepted-member"})


def statement(sv, candidate, presupposed: bool = False) -> str:
    """How the sentence gives the candidate: 'stated', 'proposed' (what an instrument does as drafted: "the rule
    would bar X"), 'negated' or 'hypothetical'; `presupposed`: a noun phrase's fact no clause modality touches."""
    if (excepted(sv, candidate.subject) or excepted(sv, candidate.object)) and candidate.rule not in EXCEPTION_RULES:
        return "negated"  # "All TPP signatories except the US agreed ...": the US is the one left out (and exempt
        # from a measure on all others: constructions.left_out)
    if presupposed or candidate.rule in PRESUPPOSED:
        # a noun phrase presupposes its measure, unless the clause denies bringing it into being ("did not impose
        # tariffs on X"); a measure weighed is still what it would be on ("whether to apply tariffs to X")
        enacted = enactment(sv, candidate.subject) if candidate.subject.type == "Policy" else "stated"
        if enacted in ("negated", "proposed"):
            return enacted
        measure = next((m for m in (candidate.subject, candidate.object) if m.type == "Policy"), None)
        toks = tokens_of(sv, measure) if measure is not None and sv.parse is not None else []
        return "hypothetical" if toks and _asked_for(toks[-1]) else "stated"
    return modality(sv, candidate.subject, candidate.object)


def enactment(sv, measure) -> str:
    """How the sentence brings a measure into being: 'negated' in "did not impose tariffs on X", 'hypothetical' in
    "considered imposing tariffs on X", 'proposed' in "the bill would impose tariffs on X", else 'stated' (also
    when no verb enacts it: "U.S. sanctions on Iran")."""
    if sv.parse is None:
        return "stated"
    toks = tokens_of(sv, measure)
    return _enacted(toks[-1], sv.tok_mentions) if toks else "stated"


EXCEPT = re.compile(r"\b(?:except(?:\s+for)?|excluding|other\s+than|apart\s+from|save\s+for|with\s+the\s+"
                    r"exception\s+of)\s+(?:the\s+|for\s+)?$", re.IGNORECASE)
# a word each exception opens with: without one before a mention, neither test of `excepted` can succeed
EXCEPTION_WORD = re.compile(r"except|excluding|other|apart|save", re.IGNORECASE)
# the names listed before a mention inside the same exception: "except Canada, Japan and | Mexico"
LISTED_BEFORE = re.compile(r"(?:(?:the\s+)?[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}"
                           r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?){1,8}$")


# an exception that names the sources of what it leaves out: "with the exception of imports from", "except for
# steel from", "excluding goods from"
SOURCES_EXCEPTED = re.compile(r"\b(?:exception\s+of|except(?:\s+for)?|excluding|other\s+than|apart\s+from)\s+"
                              r"(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?$", re.IGNORECASE)


def excepted(sv, m, opener: re.Pattern = EXCEPT) -> bool:
    """A mention the sentence names as left out of what it says ("all ... except the US", "all countries except
    Canada and Mexico"); with `opener` SOURCES_EXCEPTED, one named as the source of what is left out ("with the
    exception of imports from Canada and Mexico")."""
    a = m.start - sv.start
    if not 0 <= a <= len(sv.text):
        return False
    before = sv.text[max(0, a - 160):a]
    if not EXCEPTION_WORD.search(before):
        return False  # (the common case: the list's pattern below is slow to fail)
    if opener.search(before[-60:]):
        return True
    listed = LISTED_BEFORE.search(before)
    return listed is not None and opener.search(before[max(0, listed.start() - 60):listed.start()]) is not None


def mark_joint(cands, sv, doc_id: str, symmetric=frozenset()) -> None:
    """Facts of one predicate in one sentence that carry the same amount, stated once in the sentence, share
    it: `joint` = True and one `joint_id` (document, sentence, where the amount is written). A symmetric
    predicate's two directions are one fact ("X secured a loan from Y" found both ways shares nothing)."""
    amounts = find_amounts(sv.text)
    groups: dict[tuple, list] = {}
    for c in cands:
        value = c.props.get("amount_usd")
        if value is not None:
            groups.setdefault((c.predicate, value), []).append(c)
    for (pred, value), group in groups.items():
        pairs = {(c.subject.id, c.object.id) if pred not in symmetric else frozenset((c.subject.id, c.object.id))
                 for c in group}
        written = [a for a in amounts if abs(a.value - value) < 1e-6 * max(1.0, value)]
        if len(pairs) < 2 or len(written) != 1:
            continue
        key = f"{doc_id}:{sv.start + written[0].start}:{pred}"
        joint_id = "joint/" + hashlib.sha1(key.encode()).hexdigest()[:12]
        for c in group:
            c.props["joint"] = True
            c.props["joint_id"] = joint_id
