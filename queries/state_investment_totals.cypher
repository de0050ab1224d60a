// name: state_investment_totals
// question: How much investment is stated for each US state, from how many firms? An amount stated once for several states (a joint amount, or one sentence naming several) is one row for those states together ("Kentucky and Tennessee (joint)"), so that every amount is counted once.
MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState)
WITH f.name AS firm, s.name AS st, r.amount_usd AS usd,
     coalesce(r.joint_id, f.id + '|' + cast(coalesce(r.amount_usd, -1.0) AS STRING) + '|' + coalesce(r.quote, r.id)) AS amount_key
WITH amount_key, list_sort(collect(DISTINCT st)) AS states, collect(DISTINCT firm) AS fs, max(usd) AS usd
UNWIND fs AS firm
WITH list_to_string(' and ', states) + CASE WHEN size(states) > 1 THEN ' (joint)' ELSE '' END AS state,
     size(states) > 1 AS joint, firm, coalesce(usd, 0.0) / size(fs) AS share, amount_key
RETURN state, joint, round(sum(share), 2) AS total_usd, count(DISTINCT amount_key) AS amounts,
       count(DISTINCT firm) AS firms, collect(DISTINCT firm) AS firm_names
ORDER BY total_usd DESC, state
