"""SPARQL 1.1 Query Results CSV, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_results_writer

register(Format("csv", "text/csv", "csv", "results", oxigraph_results_writer(ox.QueryResultsFormat.CSV),
                aliases=("csv",)))
