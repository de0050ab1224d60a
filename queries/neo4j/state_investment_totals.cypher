// name: state_investment_totals
// dialect: neo4j (reduce() and toString() instead of LadybugDB's list_to_string() and cast())
MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState)
WITH f.name AS firm, s.name AS st, r.amount_usd AS usd,
     coalesce(r.joint_id, f.id + '|' + toString(coalesce(r.amount_usd, -1.0)) + '|' + coalesce(r.quote, r.id)) AS amount_key
ORDER BY st
WITH amount_key, collect(DISTINCT st) AS states, collect(DISTINCT firm) AS fs, max(usd) AS usd
UNWIND fs AS firm
WITH reduce(acc = '', x IN states | CASE WHEN acc = '' THEN x ELSE acc + ' and ' + x END)
       + CASE WHEN size(states) > 1 THEN ' (joint)' ELSE '' END AS state,
     size(states) > 1 AS joint, firm, coalesce(usd, 0.0) / size(fs) AS share, amount_key
RETURN state, joint, round(sum(share), 2) AS total_usd, count(DISTINCT amount_key) AS amounts,
       count(DISTINCT firm) AS firms, collect(DISTINCT firm) AS firm_names
ORDER BY total_usd DESC, state
