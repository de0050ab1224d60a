// name: actor_profile
// question: Everything stated about an actor (or any entity): each fact in or out, with its amounts, years and evidence.
// params: name (string) — the entity's name, alias or id, e.g. "Hyundai"
MATCH (x)-[r]->(y)
WHERE r.predicate IS NOT NULL AND (toLower($name) IN x.lookup OR toLower($name) IN y.lookup)
RETURN x.name AS subject, r.predicate AS predicate, y.name AS object, r.amount_usd AS amount_usd,
       r.year AS year, r.confidence AS confidence, r.docs AS docs, r.quote AS quote, r.id AS fact
ORDER BY predicate, subject, object, year
