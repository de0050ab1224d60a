// name: shortest_path
// question: What is the shortest chain of facts (at most 6) linking two entities?
// params: source (string) — the first entity's name, alias or id
// params: target (string) — the second entity's name, alias or id
MATCH (x) WHERE toLower($source) IN x.lookup
MATCH (y) WHERE toLower($target) IN y.lookup
MATCH p = (x)-[r* SHORTEST 1..6 (e, n | WHERE e.predicate IS NOT NULL)]-(y)
RETURN properties(nodes(p), 'name') AS names, properties(rels(p), 'predicate') AS predicates, length(p) AS hops
