"""RDF TURTLE for graphs and datasets, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_graph_writer

# Turtle is N3 without its rules and formulae, so a client asking for N3 can read Turtle
N3_NAMES = ("n3", "text/n3", "text/rdf+n3", "application/n3")

register(Format("turtle", "text/turtle", "ttl", "graph", oxigraph_graph_writer(ox.RdfFormat.TURTLE),
                aliases=("ttl", "application/turtle", "application/x-turtle", *N3_NAMES), dataset=False))
