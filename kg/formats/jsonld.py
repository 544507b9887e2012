"""RDF JSON_LD for graphs and datasets, serialised by Oxigraph."""
import pyoxigraph as ox

from kg.formats import Format, register
from kg.formats._results import oxigraph_graph_writer

register(Format("jsonld", "application/ld+json", "jsonld", "graph", oxigraph_graph_writer(ox.RdfFormat.JSON_LD),
                aliases=("json-ld", "application/x-json+ld"), dataset=True))
