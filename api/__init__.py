"""The HTTP service: SPARQL 1.1 Protocol, Graph Store Protocol, entity API, questions and the web page.

`api.app.create_app(settings)` builds the FastAPI app; `api.app.serve(...)` runs it (used by `kg serve`).
"""
