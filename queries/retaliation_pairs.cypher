// name: retaliation_pairs
// question: Who retaliates against whom, with what measure and in which year, and is the retaliation mutual?
MATCH (a)-[r:RETALIATES_AGAINST]->(b)
RETURN a.name AS retaliator, b.name AS target, r.measure AS measure, r.year AS year,
       EXISTS { MATCH (b)-[:RETALIATES_AGAINST]->(a) } AS mutual, r.docs AS docs, r.quote AS quote
ORDER BY year, retaliator, target
