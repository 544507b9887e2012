"""Store backends: an embedded Oxigraph database (memory or disk) and a remote SPARQL 1.1 server."""
