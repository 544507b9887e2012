"""aichip-kg's composition root: the `kg` command line, above the layers it drives.

Data flows one way, documents → `ingest` → `kg` → `api`, with `ontology` (data and name normalisation) read
by all of them; only this package imports every layer.
"""
