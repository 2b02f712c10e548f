"""Shared setup of the pytest-qt tests: Qt runs headless unless a platform is chosen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
