// name: paths_between
// dialect: neo4j (path functions and var-length filters differ from LadybugDB's)
MATCH (x:Entity) WHERE toLower($source) IN x.lookup
MATCH (y:Entity) WHERE toLower($target) IN y.lookup
MATCH p = (x)-[*1..3]-(y)
WHERE all(e IN relationships(p) WHERE e.predicate IS NOT NULL)
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
RETURN DISTINCT [n IN nodes(p) | n.name] AS names, [e IN relationships(p) | e.predicate] AS predicates, length(p) AS hops
ORDER BY hops
LIMIT $limit
