// name: agreement_timeline
// question: Who negotiated, signed, ratified, amended, joined or withdrew from an agreement, and when?
// params: agreement (string, default "") — an agreement's name, alias or id; "" for every agreement
MATCH (x)-[r:NEGOTIATES|SIGNS|RATIFIES|WITHDRAWS_FROM|AMENDS|PARTY_TO]->(a:Agreement)
WHERE $agreement = '' OR toLower($agreement) IN a.lookup
RETURN a.name AS agreement, r.year AS year, x.name AS actor, r.predicate AS action, r.docs AS docs,
       r.quote AS quote
ORDER BY agreement, year, action, actor
