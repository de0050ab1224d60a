"""policygraph: policy documents in, an evidenced knowledge graph out.

    import policygraph
    g = policygraph.build(["../shared/corpus"], out="out")
    g.relations            # pandas DataFrame
    g.query("MATCH (f:Firm)-[r:INVESTS_IN]->(s) RETURN f.name, s.name, r.amount_usd")
"""
__version__ = "0.1.0"
