"""aichip-kg graph core: the store, the namespace, formats, inference and analytics."""
from kg.store import Store, open_store

__all__ = ["Store", "open_store"]
