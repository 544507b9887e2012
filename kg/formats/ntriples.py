"""RDF N_TRIPLES for graphs and datasets, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_graph_writer

register(Format("ntriples", "application/n-triples", "nt", "graph", oxigraph_graph_writer(ox.RdfFormat.N_TRIPLES),
                aliases=("ntriples", "n-triples"), dataset=False))
