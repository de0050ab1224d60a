// name: fact_evidence
// question: Where is a fact stated: its documents, sentences and their offsets (walk from a fact to its text)?
// params: fact (string) — the fact's id (the `fact` column of actor_profile, or the facts export's id)
MATCH (x)-[r]->(y) WHERE r.id = $fact
MATCH (d:Document)-[:HAS_SENTENCE]->(s:Sentence)
WHERE s.id IN r.sentences
RETURN r.id AS fact, x.name AS subject, r.predicate AS predicate, y.name AS object, d.id AS doc, d.path AS path,
       s.position AS sentence, s.start_offset AS start_offset, s.end_offset AS end_offset, s.text AS text
ORDER BY doc, sentence
