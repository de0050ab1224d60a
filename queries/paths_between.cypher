// name: paths_between
// question: How are two actors connected: the paths of at most 3 facts between them (in either direction, no entity visited twice)?
// params: source (string) — the first entity's name, alias or id
// params: target (string) — the second entity's name, alias or id
// params: limit (int, default 25) — at most this many paths, shortest first
MATCH (x) WHERE toLower($source) IN x.lookup
MATCH (y) WHERE toLower($target) IN y.lookup
MATCH p = (x)-[r* ACYCLIC 1..3 (e, n | WHERE e.predicate IS NOT NULL)]-(y)
WHERE is_acyclic(p)
RETURN DISTINCT properties(nodes(p), 'name') AS names, properties(rels(p), 'predicate') AS predicates, length(p) AS hops
ORDER BY hops
LIMIT $limit
