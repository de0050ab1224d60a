// name: firms_by_sector
// question: Which firms operate in (or invest in) each sector, and what do they invest, where, and how much?
// params: sector (string, default "") — a sector's name, alias or id; "" for every sector
MATCH (f:Firm)-[:OPERATES_IN|INVESTS_IN]->(s:Sector)
WHERE $sector = '' OR toLower($sector) IN s.lookup
WITH DISTINCT s, f
OPTIONAL MATCH (f)-[i:INVESTS_IN]->(t)
RETURN s.name AS sector, f.name AS firm, count(i) AS investments, coalesce(sum(i.amount_usd), 0.0) AS invested_usd,
       collect(DISTINCT t.name) AS invested_in
ORDER BY sector, invested_usd DESC, firm
