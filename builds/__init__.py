"""Build machinery: a build folder made, cached, locked, swapped in and read back. The API (api.py) wraps it.

    layout.py      every name in a build folder, and the "no build here" message
    folder.py      what a build folder is, where one may go, the user's files inside it
    atomic.py      the lock, and the atomic swap of a finished build into place
    cache.py       each document's cached extraction and named graph; the extractor's fingerprint
    validation.py  what SHACL validation depends on; the nodes a delta build validates again
    outputs.py     writing every output (RDF, facts, documents, store, view)
    builder.py     one build: decide the documents, take them from the cache or extract them, write
    operations.py  build, add, remove, repair, extract: each a Result
    reader.py      reading a build back
"""
