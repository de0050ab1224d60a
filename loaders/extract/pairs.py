"""Candidate relations: every ordered pair of mentions in a sentence that the ontology allows a predicate
between, described by features a linear model can weigh.

Features are strings. Most are conjoined with the predicate ("SIGNS|prep=by"); a few are relative to the
predicate's own trigger words from ontology/patterns.toml ("self_trigger_on_path": a SIGNS trigger such as
"sign" or "signatory" lies on the dependency path between the two mentions), so that what is learned for one
predicate carries over to the others. Nothing here names an entity or a sentence: the features are the
grammar between two mentions, their types, and which rules of `relations.py`/`structural.py` proposed them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ...ontology.lexicon import load_lexicon

if TYPE_CHECKING:
    from .mentions import Mention
    from .sentence import Candidate

CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADP", "PROPN", "AUX", "ADV", "PART"})
MODALS = frozenset({"could", "would", "might", "may", "should"})


@dataclass
class Pair:
    """One candidate relation in one sentence, before scoring."""

    subject: Mention
    predicate: str
    object: Mention
    features: dict[str, float] = field(default_factory=dict)
    rule: Candidate | None = None  # the rule Candidate that proposed it, if any (its props are kept)
    trigger: int | None = None  # sentence offset of the word that states it (for years and amounts)
    probability: float | None = None  # the scorer's, when `pairs` was given one (then no features are written)


@lru_cache(maxsize=1)
def trigger_words() -> dict[str, frozenset]:
    """predicate -> the verb and noun lemmas that state it (from ontology/patterns.toml)."""
    out: dict[str, set] = {}
    for r in load_lexicon().rules:
        out.setdefault(r.predicate, set()).update(r.verbs, r.nouns)
    return {k: frozenset(v) for k, v in out.items()}


# ------------------------------------------------------------------------------------------------
# the dependency path between two mentions
# ------------------------------------------------------------------------------------------------
class _Grid:
    """One sentence's parse as plain lists, a token's place in the sentence its index: the pair features walk
    heads and read tags for every pair, and each step over spaCy tokens makes a new object."""

    __slots__ = ("head", "dep", "pos", "text", "lower", "idx", "lemma", "passive", "negated", "modal", "ancestors")

    def __init__(self, sv) -> None:
        toks = sv.tokens
        base = toks[0].i if toks else 0
        self.head = [t.head.i - base for t in toks]
        self.dep = [t.dep_ for t in toks]
        self.pos = [t.pos_ for t in toks]
        self.text = [t.text for t in toks]
        self.lower = sv.lowers
        self.idx = [t.idx for t in toks]
        self.lemma = sv.lemmas
        # the verbs with a passive subject or auxiliary, and the tokens a negation or a modal auxiliary hangs from
        self.passive = frozenset(h for j, (h, d) in enumerate(zip(self.head, self.dep))
                                 if d in ("nsubjpass", "auxpass") and h != j)
        self.negated = frozenset(h for h, d in zip(self.head, self.dep) if d == "neg")
        self.modal = frozenset(h for h, d, w in zip(self.head, self.dep, self.lower) if d == "aux" and w in MODALS)
        self.ancestors: dict[int, list[int]] = {}

    def tokens_of(self, offset: int, m) -> list[int]:
        """The tokens a mention overlaps."""
        a, b = m.start - offset, m.end - offset
        k = max(0, bisect_right(self.idx, a) - 1)
        out = []
        while k < len(self.idx) and self.idx[k] < b:
            if a < self.idx[k] + len(self.text[k]):
                out.append(k)
            k += 1
        return out

    def phrase_head(self, tokens: list[int]) -> int:
        inside = set(tokens)
        for t in tokens:
            if self.head[t] not in inside or self.head[t] == t:
                return t
        return tokens[-1]

    def list_head(self, t: int) -> tuple[int, bool]:
        """The first conjunct stands for a whole coordination: 'between A, B and C' reads the same for A, B, C."""
        steps = 0
        while self.dep[t] == "conj" and self.head[t] != t and steps < 30:
            t = self.head[t]
            steps += 1
        return t, steps > 0

    def up_from(self, t: int) -> list[int]:
        got = self.ancestors.get(t)
        if got is None:
            got = [t]
            while self.head[t] != t and len(got) < 50:
                t = self.head[t]
                got.append(t)
            self.ancestors[got[0]] = got
        return got

    def path(self, a: int, b: int):
        """(tokens up from a, lowest common ancestor, tokens down to b) or None across parse roots."""
        up_a, up_b = self.up_from(a), self.up_from(b)
        where = {t: k for k, t in enumerate(up_b)}
        for k, t in enumerate(up_a):
            if t in where:
                return up_a[:k], t, up_b[:where[t]][::-1]
        return None


@dataclass
class _Side:
    mention: object
    tokens: list[int]
    head: int


class PairFeatures:
    """Pairs and their features for one parsed sentence (a `sentence.SentenceView`)."""

    def __init__(self, model, triggers: dict[str, frozenset] | None = None) -> None:
        self.model = model
        # (a trained scorer's own: the words its weights were learned with)
        self.triggers = triggers if triggers is not None else trigger_words()
        self.predicates = sorted(model.relations)
        self._allowed: dict[bool, dict] = {}

    def pairs(self, sv, rule_candidates=(), unrelated_only: bool = False, scorer=None) -> list[Pair]:
        """Every pair of the sentence's mentions with every predicate the ontology allows between them, with
        features; the rule candidates among them carry their candidate. With a `scorer` and `unrelated_only` (only
        pairs the rules relate by nothing, and no rule candidate's pair), only the pairs the scorer may add: the
        features of those are the same either way, and computing no others saves most of the time."""
        if sv.parse is None:
            return []
        by_key: dict[tuple, list] = {}
        for c in rule_candidates:
            by_key.setdefault((c.subject.id, c.predicate, c.object.id), []).append(c)
        related = {frozenset((c.subject.id, c.object.id)) for c in rule_candidates} if unrelated_only else set()
        sides = self._sides(sv)
        sentence_lemmas = set(sv.lemmas)
        out: list[Pair] = []
        made = set()
        # (subject type, object type) -> the predicates wanted between them: those the ontology allows, and the
        # scorer may add when only its additions are wanted
        addable = scorer is not None and unrelated_only
        allowed = self._allowed.setdefault(addable, {})
        for s in sides:
            for o in sides:
                if s.mention.id == o.mention.id or (s.mention.start, s.mention.end) == (o.mention.start, o.mention.end):
                    continue
                if related and frozenset((s.mention.id, o.mention.id)) in related:
                    continue
                types = (s.mention.type, o.mention.type)
                preds = allowed.get(types)
                if preds is None:
                    preds = allowed[types] = [p for p in self.predicates if self.model.allows(p, *types)
                                              and (not addable or scorer.may_add(p, *types))]
                    # (the same for every sentence: kept for the next)
                if not preds:
                    continue
                shared, lexical = self._grammar(sv, s, o)
                suffixes = self._suffixes(s.mention, o.mention, shared, lexical)
                for p in preds:
                    rules = by_key.get((s.mention.id, p, o.mention.id), [])
                    if scorer is None:
                        f = self._features(p, s.mention, o.mention, shared, lexical, sentence_lemmas, by_key, suffixes)
                        pair = Pair(s.mention, p, o.mention, f, rules[0] if rules else None, shared["_trigger"])
                    else:  # (scoring only: the probability, with no feature dict to write)
                        pair = Pair(s.mention, p, o.mention, {}, rules[0] if rules else None, shared["_trigger"],
                                    self._probability(scorer, p, s.mention, o.mention, shared, lexical,
                                                      sentence_lemmas, by_key, suffixes))
                    out.append(pair)
                    made.add((s.mention.id, p, o.mention.id))
        # rule candidates whose mentions are not in the sentence's words (implicit parties, coreference)
        for key, cands in by_key.items() if not unrelated_only else ():
            if key in made:
                continue
            c = cands[0]
            f = self._features(c.predicate, c.subject, c.object, {"implicit": 1}, {}, sentence_lemmas, by_key)
            out.append(Pair(c.subject, c.predicate, c.object, f, c, None))
            made.add(key)
        return out

    @staticmethod
    def _grid(sv) -> _Grid:
        grid = sv.__dict__.get("_pair_grid")
        if grid is None:
            grid = sv.__dict__["_pair_grid"] = _Grid(sv)
        return grid

    # -- the mentions of the sentence -------------------------------------------------------------
    def _sides(self, sv) -> list[_Side]:
        out, seen = [], set()
        grid = self._grid(sv)
        for m in sv.mentions:
            key = (m.start, m.end, m.id)
            if key in seen:
                continue
            seen.add(key)
            toks = grid.tokens_of(sv.start, m)
            if toks:
                out.append(_Side(m, toks, grid.phrase_head(toks)))
        return out

    # -- grammar between two mentions (the same for every predicate) -------------------------------
    def _grammar(self, sv, s: _Side, o: _Side) -> tuple[dict, dict]:
        """Predicate-independent facts about the pair: `shared` (order, nesting, list membership, path
        shape, negation) and `lexical` (words on the path and between the mentions)."""
        g = self._grid(sv)
        lemmas, pos, dep = g.lemma, g.pos, g.dep
        ms, mo = s.mention, o.mention
        shared: dict = {"_trigger": None}
        shared["s_first" if ms.start < mo.start else "o_first"] = 1
        if ms.start <= mo.start and mo.end <= ms.end:
            shared["s_contains_o"] = 1
        elif mo.start <= ms.start and ms.end <= mo.end:
            shared["o_contains_s"] = 1
        shared[f"s_source={ms.source}"] = 1
        shared[f"o_source={mo.source}"] = 1
        if ms.adjective:
            shared["s_adjective"] = 1
        if mo.adjective:
            shared["o_adjective"] = 1
        gap = abs(s.head - o.head)
        shared[f"distance={gap if gap < 10 else (15 if gap < 20 else 30)}"] = 1
        lo, hi = (s.tokens, o.tokens) if ms.start < mo.start else (o.tokens, s.tokens)
        between = range(lo[-1] + 1, hi[0])
        lexical: dict = {"between": {lemmas[t] for t in between if pos[t] in CONTENT_POS}}
        if len(between) <= 4:
            lexical["between_seq"] = " ".join(lemmas[t] for t in between)
        for t in between:
            word = g.text[t]
            if word == ",":
                shared["between_comma"] = 1
            elif word == "(":
                shared["between_paren"] = 1
            elif word in (";", ":", "—", "–"):
                shared["between_break"] = 1
        a, in_list_s = g.list_head(s.head)
        b, in_list_o = g.list_head(o.head)
        if in_list_s:
            shared["s_in_list"] = 1
        if in_list_o:
            shared["o_in_list"] = 1
        if a == b:
            shared["same_list"] = 1
            a, b = s.head, o.head
        path = g.path(a, b)
        if path is None:
            shared["no_path"] = 1
            lexical["path"] = set()
            return shared, lexical
        up, lca, down = path
        inner = up[1:] + ([lca] if up and down else []) + down[:-1]
        if not up or not down:
            inner = (up[1:] + down[:-1]) if (up or down) else []
        ups, downs = ">".join(dep[t] for t in up), "<".join(dep[t] for t in down)
        deps = ups + "|" + downs
        length = len(up) + len(down)
        shared[f"path_length={min(length, 6)}"] = 1
        shared["path_shape=" + (deps if length <= 4 else "long")] = 1
        lca_lemma = lemmas[lca]
        shared["_lca"] = lca_lemma
        shared["_roles"] = f"{dep[up[-1]] if up else 'self'}|{dep[down[0]] if down else 'self'}"
        shared["_trigger"] = g.idx[lca]
        lexical["path"] = {lemmas[t] for t in inner if pos[t] in CONTENT_POS}
        lexical["deps"] = deps
        lexical["lca"] = lca_lemma + "/" + pos[lca]
        if length <= 5:
            lexical["lexpath"] = ups + "/" + lca_lemma + "/" + downs
        lexical["preps"] = {g.lower[t] for t in inner if dep[t] == "prep" or pos[t] == "ADP"}
        on_path = inner + [lca]
        if any(t in g.negated for t in on_path):
            shared["negated"] = 1
        if any(t in g.modal for t in on_path):
            shared["modal"] = 1
        if pos[lca] in ("VERB", "AUX") and lca in g.passive:
            shared["passive"] = 1
        return shared, lexical

    # -- features of one predicate for the pair ----------------------------------------------------
    @staticmethod
    def _suffixes(ms, mo, shared, lexical) -> list[str]:
        """The pair's features that every predicate takes with its name before them ("types=Firm>USState",
        "path_word=invest", ...), in the order the feature dict is written."""
        out = [f"types={ms.type}>{mo.type}"]
        out += [k for k in shared if not k.startswith("_")]
        out += [f"path_word={w}" for w in lexical.get("path", ())]
        if len(lexical.get("between", ())) <= 10:
            out += [f"between_word={w}" for w in lexical.get("between", ())]
        if "between_seq" in lexical:
            out.append(f"between_seq={lexical['between_seq']}")
        out += [f"prep={w}" for w in lexical.get("preps", ())]
        out += [f"{k}={lexical[k]}" for k in ("deps", "lca", "lexpath") if k in lexical]
        return out

    def _on_path(self, lexical) -> list[str]:
        """The predicates whose trigger words stand on the pair's path (read once per pair, kept in `lexical`)."""
        hits = lexical.get("_on_path")
        if hits is None:
            path_words = lexical.get("path", set())
            hits = lexical["_on_path"] = [q for q, words in self.triggers.items() if path_words & words] \
                if path_words else []
        return hits

    def _own_keys(self, p, ms, mo, shared, lexical, sentence_lemmas, by_key) -> list[str]:
        """The features written whole: the predicate's trigger words, what the rules said about the pair, its
        roles."""
        f: list[str] = []
        # the predicate's own trigger words, wherever they are (shared across predicates)
        own = self.triggers.get(p, frozenset())
        path_words, between_words = lexical.get("path", set()), lexical.get("between", set())
        if path_words & own:
            f += ["self_trigger_on_path", f"self_trigger_on_path|{shared.get('_roles', '')}"]
        if between_words & own:
            f.append("self_trigger_between")
        if sentence_lemmas & own:
            f += ["self_trigger_in_sentence", f"{p}|self_trigger_in_sentence"]
        if shared.get("_lca") in own:
            f += ["self_trigger_is_lca", f"self_trigger_is_lca|{shared.get('_roles', '')}"]
        for q in self._on_path(lexical):
            if q != p:
                f += ["other_trigger_on_path", f"{p}|other_trigger_on_path={q}"]
        # what the rules said about this pair (nothing, for most pairs: the lookups are skipped)
        if by_key:
            rules = by_key.get((ms.id, p, mo.id))
            if rules:
                f += ["rule", f"{p}|rule"] + [f"{p}|rule={c.rule or 'rule'}" for c in rules]
            others = [q for q in self.predicates if q != p and (ms.id, q, mo.id) in by_key]
            if others:
                f += ["rule_other_predicate"] + [f"{p}|rule_other={q}" for q in others]
            if (mo.id, p, ms.id) in by_key:
                f.append("rule_reversed")
        f.append("roles|" + shared.get("_roles", "none"))
        return f

    def _features(self, p, ms, mo, shared, lexical, sentence_lemmas, by_key, suffixes=None) -> dict[str, float]:
        f: dict[str, float] = {p: 1.0}
        for suffix in suffixes if suffixes is not None else self._suffixes(ms, mo, shared, lexical):
            f[f"{p}|{suffix}"] = 1.0
        for k in self._own_keys(p, ms, mo, shared, lexical, sentence_lemmas, by_key):
            f[k] = 1.0
        return f

    def _probability(self, scorer, p, ms, mo, shared, lexical, sentence_lemmas, by_key, suffixes) -> float:
        """What `scorer.probability(self._features(...))` gives, without writing the features: the weights of the
        predicate's own features are looked up by their suffix (the same sums, in the same order)."""
        weights, mine = scorer.weights, scorer.by_predicate().get(p, {})
        total = 0.0
        total += weights.get(p, 0.0)
        for suffix in suffixes:
            total += mine.get(suffix, 0.0)
        for k in dict.fromkeys(self._own_keys(p, ms, mo, shared, lexical, sentence_lemmas, by_key)):
            total += weights.get(k, 0.0)  # (no own key is a suffixed one: each is counted once, as in the dict)
        return scorer.squash(total)
