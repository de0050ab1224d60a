// name: targets_country
// question: What targets, retaliates against or regulates a given country, when, how, and who imposed it?
// params: country (string) — the country's name, alias or id, e.g. "South Korea"
MATCH (c:Country) WHERE toLower($country) IN c.lookup
MATCH (x)-[r:TARGETS|RETALIATES_AGAINST|REGULATES]->(c)
OPTIONAL MATCH (i)-[:IMPOSES]->(x)
RETURN c.name AS country, x.name AS source, x.type AS source_type, r.predicate AS predicate, r.year AS year,
       r.measure AS measure, collect(DISTINCT i.name) AS imposed_by, r.docs AS docs, r.quote AS quote
ORDER BY year, source, predicate
