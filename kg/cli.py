"""Moved to `aichip_kg.cli` (the composition root above the layers); `python -m kg.cli` still works while
callers move. Imported only when run as a program, so the `kg` package itself never imports upwards."""

if __name__ == "__main__":
    from aichip_kg.cli import main
    main()
