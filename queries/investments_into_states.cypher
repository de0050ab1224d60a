// name: investments_into_states
// question: Which firms invest in which US states, how much and when, with each state's total (the sum of the stated amounts)? `joint` marks an amount stated once for several states: it is in each of their totals, and counted once by state_investment_totals.
// params: state (string, default "") — a US state's name, alias or id; "" for every state
// params: min_usd (float, default 0) — leave out investments stated below this amount in US dollars
MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState)
WHERE ($state = '' OR toLower($state) IN s.lookup) AND coalesce(r.amount_usd, 0.0) >= $min_usd
WITH s, collect({firm: f.name, amount_usd: r.amount_usd, year: r.year, joint: r.joint_id IS NOT NULL,
                 confidence: r.confidence, docs: r.docs, quote: r.quote}) AS facts, sum(r.amount_usd) AS total
UNWIND facts AS x
RETURN s.name AS state, x.firm AS firm, x.amount_usd AS amount_usd, x.year AS year, x.joint AS joint,
       coalesce(total, 0.0) AS state_total_usd, x.confidence AS confidence, x.docs AS docs, x.quote AS quote
ORDER BY state_total_usd DESC, state, firm, year
