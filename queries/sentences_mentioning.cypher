// name: sentences_mentioning
// question: Which sentences of which documents mention an entity (the text behind the graph)?
// params: name (string) — the entity's name, alias or id
// params: limit (int, default 50) — at most this many sentences
MATCH (e) WHERE toLower($name) IN e.lookup
MATCH (d:Document)-[:HAS_SENTENCE]->(s:Sentence)-[:MENTIONS]->(e)
RETURN e.name AS entity, d.id AS doc, s.position AS sentence, s.start_offset AS start_offset,
       s.end_offset AS end_offset, s.text AS text
ORDER BY doc, sentence
LIMIT $limit
