"""Moved to `ontology.gazetteer`; kept while imports move."""
from ontology.gazetteer import *  # noqa: F401,F403
from ontology.gazetteer import Gazetteer  # noqa: F401
