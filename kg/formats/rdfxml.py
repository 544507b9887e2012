"""RDF RDF_XML for graphs and datasets, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_graph_writer

register(Format("rdfxml", "application/rdf+xml", "rdf", "graph", oxigraph_graph_writer(ox.RdfFormat.RDF_XML),
                aliases=("rdfxml", "rdf+xml"), dataset=False))
