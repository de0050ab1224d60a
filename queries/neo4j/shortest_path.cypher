// name: shortest_path
// dialect: neo4j (shortestPath() instead of LadybugDB's `* SHORTEST`)
MATCH (x:Entity) WHERE toLower($source) IN x.lookup
MATCH (y:Entity) WHERE toLower($target) IN y.lookup
MATCH p = shortestPath((x)-[*..6]-(y))
WHERE all(e IN relationships(p) WHERE e.predicate IS NOT NULL)
RETURN [n IN nodes(p) | n.name] AS names, [e IN relationships(p) | e.predicate] AS predicates, length(p) AS hops
