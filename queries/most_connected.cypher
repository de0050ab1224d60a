// name: most_connected
// question: Which actors (or entities of another class) take part in the most facts?
// params: class (string, default "Actor") — an ontology class, e.g. Actor, Firm, Country, Entity
// params: limit (int, default 10) — how many to list
MATCH (a)-[r]-(b)
WHERE r.predicate IS NOT NULL AND $class IN a.classes
RETURN a.name AS name, a.type AS type, count(r) AS relations, count(DISTINCT b.id) AS neighbours,
       collect(DISTINCT r.predicate) AS predicates
ORDER BY relations DESC, name
LIMIT $limit
