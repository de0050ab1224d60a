// name: agreement_parties
// question: Who are the parties to each agreement?
// params: agreement (string, default "") — an agreement's name, alias or id; "" for every agreement
MATCH (p)-[r:PARTY_TO]->(a:Agreement)
WHERE $agreement = '' OR toLower($agreement) IN a.lookup
RETURN a.name AS agreement, p.name AS party, p.type AS party_type, r.docs AS docs, r.quote AS quote
ORDER BY agreement, party
