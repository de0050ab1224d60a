"""policygraph: policy documents in, an evidenced knowledge graph out.

    import policygraph
    g = policygraph.build(["../shared/corpus"], out="out")
    g.relations            # pandas DataFrame
    g.query("MATCH (f:Firm)-[r:INVESTS_IN]->(s) RETURN f.name, s.name, r.amount_usd")
"""
__version__ = "0.1.0"
__all__ = ["Build", "add", "build", "open_build", "remove", "__version__"]


def __getattr__(name):
    # imported lazily so `import policygraph.graph.model` stays light
    if name in ("Build", "add", "build", "open_build", "remove"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
