"""``python -m app``: the ``touchline`` command."""

from app.cli import main, quick_exit

if __name__ == "__main__":
    quick_exit(main())
