// name: policy_authorizations
// question: Which laws authorise which policies, and who imposed those policies (first year imposed)?
MATCH (l:Law)-[r:AUTHORIZES]->(p:Policy)
OPTIONAL MATCH (i)-[m:IMPOSES]->(p)
RETURN l.name AS law, p.name AS policy, collect(DISTINCT i.name) AS imposed_by, min(m.year) AS first_imposed,
       r.docs AS docs, r.quote AS quote
ORDER BY law, policy
