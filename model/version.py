"""Touchline's version, as pyproject.toml gives it (a test holds the two equal).

Read from here rather than from ``importlib.metadata``: importing that module and finding
the installed distribution took ~25 ms of every command-line export (the PDF's creator
field names the version) and of ``touchline --version``.
"""

VERSION = "0.1.0"
