// name: firms_by_sector
// question: Which firms operate in (or invest in) each sector, and what do they invest, where, and how much?
// params: sector (string, default "") — a sector's name, alias or id; "" for every sector
// One sentence that names several destinations of one investment (a state and a plant, say) gives several
// INVESTS_IN facts with the same amount and quote: they count as one investment here.
MATCH (f:Firm)-[:OPERATES_IN|INVESTS_IN]->(s:Sector)
WHERE $sector = '' OR toLower($sector) IN s.lookup
WITH DISTINCT s, f
OPTIONAL MATCH (f)-[i:INVESTS_IN]->(t)
WITH s, f, collect(DISTINCT t.name) AS invested_in
OPTIONAL MATCH (f)-[j:INVESTS_IN]->()
WITH DISTINCT s, f, invested_in, j.amount_usd AS usd, j.year AS year, j.quote AS quote
RETURN s.name AS sector, f.name AS firm, count(quote) AS investments, coalesce(sum(usd), 0.0) AS invested_usd,
       invested_in
ORDER BY sector, invested_usd DESC, firm
