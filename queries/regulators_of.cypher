// name: regulators_of
// question: Who regulates a given sector or firm, and which laws and policies target it?
// params: target (string) — a sector's or firm's name, alias or id, e.g. "steel"
MATCH (t) WHERE toLower($target) IN t.lookup
MATCH (x)-[r:REGULATES|TARGETS]->(t)
RETURN t.name AS target, t.type AS target_type, x.name AS regulator, x.type AS regulator_type,
       r.predicate AS how, r.year AS year, r.docs AS docs, r.quote AS quote
ORDER BY target, how, regulator
