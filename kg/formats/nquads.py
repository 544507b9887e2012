"""RDF N_QUADS for graphs and datasets, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_graph_writer

register(Format("nquads", "application/n-quads", "nq", "graph", oxigraph_graph_writer(ox.RdfFormat.N_QUADS),
                aliases=("nquads",), dataset=True))
