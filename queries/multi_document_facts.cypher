// name: multi_document_facts
// question: Which facts are stated by more than one document (the best-corroborated facts)?
// params: min_docs (int, default 2) — at least this many documents
MATCH (x)-[r]->(y)
WHERE r.predicate IS NOT NULL AND size(r.docs) >= $min_docs
RETURN x.name AS subject, r.predicate AS predicate, y.name AS object, r.amount_usd AS amount_usd, r.year AS year,
       size(r.docs) AS n_docs, r.docs AS docs, r.confidence AS confidence
ORDER BY n_docs DESC, subject, predicate, object
