// name: timeline
// question: What happened year by year: every dated fact between two years, optionally of one relation type?
// params: from_year (int, default 0) — the first year
// params: to_year (int, default 9999) — the last year
// params: predicate (string, default "") — only this relation type, e.g. INVESTS_IN; "" for all
MATCH (x)-[r]->(y)
WHERE r.year IS NOT NULL AND r.year >= $from_year AND r.year <= $to_year
  AND ($predicate = '' OR r.predicate = toUpper($predicate))
RETURN r.year AS year, x.name AS subject, r.predicate AS predicate, y.name AS object, r.amount_usd AS amount_usd,
       r.measure AS measure, r.docs AS docs, r.quote AS quote
ORDER BY year, predicate, subject, object
