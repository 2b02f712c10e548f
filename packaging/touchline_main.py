"""Entry point of the PyInstaller bundle: the ``touchline`` command, the editor included."""

import gc
import sys

gc.disable()  # as app/__main__.py: no collection while starting; the editor resumes it after its first paint

from app.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
