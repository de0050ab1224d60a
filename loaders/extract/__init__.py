"""Relation extraction components that work on one parsed sentence at a time.

    pairs.py   every pair of mentions the ontology allows a relation between, with its features
    scorer.py  a linear model over those features (the "learned" backend), weights in relation_model.json
    train.py   how relation_model.json is made: from gold annotations, scored leave-one-document-out
"""
