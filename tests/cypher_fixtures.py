"""A small hand-made knowledge graph for the Cypher store, Neo4j sync and named-query tests.

The facts are invented for the tests (not taken from the corpus). One firm's name holds quotes and Cypher
keywords, so a test can show that user values only ever reach Cypher as parameters.
"""
from __future__ import annotations

import re

from policygraph.graph.model import DocumentInfo, Entity, Evidence, KnowledgeGraph, Relation, entity_id

EVIL = "O'Brien\"); MATCH (n) DETACH DELETE n //"

DOCS = {
    "alpha": (
        "Hyundai Motor Group will invest $5.5 billion in an EV plant in Georgia in 2022. "
        "Hanwha Q Cells plans to invest $2.5 billion in Georgia in 2023. "
        "Hyundai Motor Group also invests $300 million in Alabama in 2023. "
        "China retaliated against South Korea in 2017 with a tourism ban. "
        "The United States and South Korea are parties to the KORUS FTA. "
        "The Trade Expansion Act of 1962 authorizes the Section 232 steel tariffs. "
        "The United States imposed the Section 232 steel tariffs in 2018. "
        "The Section 232 steel tariffs target South Korea and the steel sector. "
        "Hyundai Motor Group operates in the automobile sector. "
        "Hanwha Q Cells operates in the solar sector. "
        f"{EVIL} invests $1 million in Texas in 2021. "
        "The Metaplant America plant is located in Georgia. "
        "The Department of Commerce regulates the steel sector. "
    ),
    "beta": (
        "Hyundai Motor Group will invest $5.5 billion in Georgia in 2022, the governor said. "
        "Japan retaliated against South Korea in 2019 with export controls. "
        "South Korea retaliated against Japan in 2019 with a WTO complaint. "
        "South Korea ratified the KORUS FTA in 2011. "
        "The United States signed the KORUS FTA in 2007. "
        "Japan and South Korea are parties to the CPTPP talks agreement. "
        "Hyundai Motor Group partners with SK On. "
        "Yoon Suk Yeol leads South Korea. "
    ),
}

ENTITIES = [
    ("Firm", "Hyundai Motor Group", {"Hyundai"}, "Q55931"),
    ("Firm", "Hanwha Q Cells", {"Qcells"}, None),
    ("Firm", "SK On", set(), None),
    ("Firm", EVIL, set(), None),
    ("USState", "Georgia", set(), "Q1428"),
    ("USState", "Alabama", set(), None),
    ("USState", "Texas", set(), None),
    ("Country", "United States", {"US", "USA"}, "Q30"),
    ("Country", "South Korea", {"Korea", "ROK"}, "Q884"),
    ("Country", "China", set(), "Q148"),
    ("Country", "Japan", set(), "Q17"),
    ("Agreement", "KORUS FTA", {"KORUS"}, None),
    ("Agreement", "CPTPP talks agreement", set(), None),
    ("Law", "Trade Expansion Act of 1962", set(), None),
    ("Policy", "Section 232 steel tariffs", {"Section 232"}, None),
    ("Sector", "steel", set(), None),
    ("Sector", "automobiles", set(), None),
    ("Sector", "solar", set(), None),
    ("Facility", "Metaplant America", set(), None),
    ("GovernmentBody", "Department of Commerce", set(), None),
    ("Person", "Yoon Suk Yeol", set(), None),
]

# (subject, predicate, object, props, doc, a phrase of the sentence that states it)
FACTS = [
    ("Hyundai Motor Group", "INVESTS_IN", "Georgia", {"amount_usd": 5.5e9, "year": 2022}, "alpha", "EV plant in Georgia"),
    ("Hyundai Motor Group", "INVESTS_IN", "Georgia", {"amount_usd": 5.5e9, "year": 2022}, "beta", "the governor said"),
    ("Hanwha Q Cells", "INVESTS_IN", "Georgia", {"amount_usd": 2.5e9, "year": 2023}, "alpha", "Hanwha Q Cells plans"),
    ("Hyundai Motor Group", "INVESTS_IN", "Alabama", {"amount_usd": 3e8, "year": 2023}, "alpha", "in Alabama"),
    (EVIL, "INVESTS_IN", "Texas", {"amount_usd": 1e6, "year": 2021}, "alpha", "in Texas"),
    ("China", "RETALIATES_AGAINST", "South Korea", {"year": 2017, "measure": "tourism ban"}, "alpha", "tourism ban"),
    ("Japan", "RETALIATES_AGAINST", "South Korea", {"year": 2019, "measure": "export controls"}, "beta", "export controls"),
    ("South Korea", "RETALIATES_AGAINST", "Japan", {"year": 2019, "measure": "WTO complaint"}, "beta", "WTO complaint"),
    ("United States", "PARTY_TO", "KORUS FTA", {}, "alpha", "are parties to the KORUS"),
    ("South Korea", "PARTY_TO", "KORUS FTA", {}, "alpha", "are parties to the KORUS"),
    ("Japan", "PARTY_TO", "CPTPP talks agreement", {}, "beta", "CPTPP talks"),
    ("South Korea", "PARTY_TO", "CPTPP talks agreement", {}, "beta", "CPTPP talks"),
    ("South Korea", "RATIFIES", "KORUS FTA", {"year": 2011}, "beta", "ratified"),
    ("United States", "SIGNS", "KORUS FTA", {"year": 2007}, "beta", "signed"),
    ("Trade Expansion Act of 1962", "AUTHORIZES", "Section 232 steel tariffs", {}, "alpha", "authorizes"),
    ("United States", "IMPOSES", "Section 232 steel tariffs", {"year": 2018}, "alpha", "imposed"),
    ("Section 232 steel tariffs", "TARGETS", "South Korea", {"year": 2018}, "alpha", "target South Korea"),
    ("Section 232 steel tariffs", "TARGETS", "steel", {}, "alpha", "target South Korea"),
    ("Hyundai Motor Group", "OPERATES_IN", "automobiles", {}, "alpha", "automobile sector"),
    ("Hanwha Q Cells", "OPERATES_IN", "solar", {}, "alpha", "solar sector"),
    ("Metaplant America", "LOCATED_IN", "Georgia", {}, "alpha", "Metaplant"),
    ("Department of Commerce", "REGULATES", "steel", {}, "alpha", "regulates the steel"),
    ("Hyundai Motor Group", "PARTNERS_WITH", "SK On", {"purpose": "batteries"}, "beta", "partners with SK On"),
    ("Yoon Suk Yeol", "LEADS", "South Korea", {"role": "president"}, "beta", "Yoon Suk Yeol leads"),
]


def split_sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^ ].*?\.(?= |$)", text)]


def _sentence_of(doc: str, phrase: str) -> tuple[int, int]:
    text = DOCS[doc]
    at = text.index(phrase)
    for start, end in split_sentences(text):
        if start <= at < end:
            return start, end
    raise AssertionError(phrase)


def sample_kg() -> KnowledgeGraph:
    """The test graph (fresh each call)."""
    kg = KnowledgeGraph()
    for doc, text in DOCS.items():
        kg.add_document(DocumentInfo(doc, f"corpus/{doc}.txt", "0" * 64, len(text), "txt"))
    ids = {}
    for type_, name, aliases, qid in ENTITIES:
        docs = {d for d, text in DOCS.items() if name in text or any(a in text for a in aliases)}
        e = Entity(entity_id(type_, name), name, type_, aliases=set(aliases) | {name}, docs=docs, wikidata=qid,
                   source="gazetteer" if qid else "pattern")
        kg.add_entity(e)
        ids[name] = e.id
    for s, p, o, props, doc, phrase in FACTS:
        start, end = _sentence_of(doc, phrase)
        ev = Evidence(doc, start, end, DOCS[doc][start:end])
        kg.add_relation(Relation(ids[s], p, ids[o], dict(props), 0.8, [ev]))
    return kg


def sample_sentences() -> list[dict]:
    return [{"doc": doc, "index": i, "start": s, "end": e, "text": text[s:e]}
            for doc, text in DOCS.items() for i, (s, e) in enumerate(split_sentences(text))]


def sample_mentions(kg: KnowledgeGraph | None = None) -> list[dict]:
    """Every entity name (or alias) found in a sentence, as the extractor would report it."""
    kg = kg or sample_kg()
    out = []
    for sent in sample_sentences():
        for e in kg.sorted_entities():
            if any(name in sent["text"] for name in e.aliases | {e.name}):
                out.append({"doc": sent["doc"], "sentence_index": sent["index"], "entity_id": e.id})
    return out


# -- Neo4j's own Cypher grammar (tests/cypher_grammar, npm @neo4j-cypher/language-support) ---------------
import json as _json
import shutil as _shutil
import subprocess as _subprocess
from pathlib import Path as _Path

GRAMMAR_DIR = _Path(__file__).resolve().parent / "cypher_grammar"


def neo4j_grammar_available() -> str | None:
    """None when the parser can run, else the reason it cannot (for pytest.skip)."""
    if _shutil.which("node") is None:
        return "node is not installed: Neo4j's Cypher grammar (npm @neo4j-cypher/language-support) cannot run"
    if not (GRAMMAR_DIR / "node_modules" / "@neo4j-cypher" / "language-support").exists():
        npm = _shutil.which("npm")
        if npm is None:
            return "npm is not installed: cannot install tests/cypher_grammar (npm ci)"
        done = _subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=GRAMMAR_DIR,
                               capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"npm ci in {GRAMMAR_DIR} failed: {done.stderr.strip()[-500:]}")
    return None


def neo4j_parse(statements: list, parameters: dict | None = None) -> list[dict]:
    """Parse statements with Neo4j's grammar + semantic analysis: [{errors: [...], warnings: [...]}, ...].

    `parameters` declares the $parameters (name -> example value) so they are not reported as undefined."""
    payload = {"statements": list(statements), "parameters": parameters or {}}
    done = _subprocess.run(["node", str(GRAMMAR_DIR / "parse.cjs")], input=_json.dumps(payload),
                           capture_output=True, text=True, timeout=300, cwd=GRAMMAR_DIR)
    if done.returncode != 0:
        raise RuntimeError(f"parse.cjs failed: {done.stderr.strip()[-1000:]}")
    return _json.loads(done.stdout)
