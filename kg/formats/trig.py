"""RDF TRIG for graphs and datasets, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_graph_writer

register(Format("trig", "application/trig", "trig", "graph", oxigraph_graph_writer(ox.RdfFormat.TRIG),
                aliases=("trig",), dataset=True))
