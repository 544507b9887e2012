"""SPARQL 1.1 Query Results XML, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_results_writer

register(Format("xml", "application/sparql-results+xml", "srx", "results", oxigraph_results_writer(ox.QueryResultsFormat.XML),
                aliases=("xml", "application/xml", "text/xml")))
