"""Entry point of the packaged application: the same program as ``python -m app``."""

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
