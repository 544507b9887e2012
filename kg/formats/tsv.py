"""SPARQL 1.1 Query Results TSV, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_results_writer

register(Format("tsv", "text/tab-separated-values", "tsv", "results", oxigraph_results_writer(ox.QueryResultsFormat.TSV),
                aliases=("tsv",)))
