// name: state_investment_totals
// question: How much investment does each US state receive in total, from how many firms (the sum of the stated amounts)?
MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState)
WITH s, f, sum(r.amount_usd) AS firm_usd, count(r) AS facts
RETURN s.name AS state, coalesce(sum(firm_usd), 0.0) AS total_usd, count(f) AS firms, sum(facts) AS facts,
       collect(f.name) AS firm_names
ORDER BY total_usd DESC, state
