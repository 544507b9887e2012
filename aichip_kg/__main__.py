"""`python -m aichip_kg …` is the `kg` command."""
from aichip_kg.cli import main

main()
