"""Touchline's Qt application: the main window, its panels and the ``touchline`` command."""
