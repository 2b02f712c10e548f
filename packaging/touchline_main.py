"""Entry point of the PyInstaller bundle: the ``touchline`` command, the editor included."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
