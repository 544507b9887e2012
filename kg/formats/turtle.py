"""RDF TURTLE for graphs and datasets, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_graph_writer

register(Format("turtle", "text/turtle", "ttl", "graph", oxigraph_graph_writer(ox.RdfFormat.TURTLE),
                aliases=("ttl",), dataset=False))
