"""SPARQL 1.1 Query Results JSON, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_results_writer

register(Format("json", "application/sparql-results+json", "srj", "results", oxigraph_results_writer(ox.QueryResultsFormat.JSON),
                aliases=("json", "application/json")))
