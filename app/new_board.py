"""A new board from a bundled template, in the interface language.

The templates (resources/templates) are written in English. A board started in a German
window gets its title, stage names and lane names in German, and its own words (the
blueprint's lines, the legend: model/board_words) too, so that nothing on it is left in
English. Names the template does not list here stay as written.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.i18n import interface_language, tr
from model import Document
from model.board_words import BOARD_LANGUAGES, ENGLISH
from model.entities import LANE_KIND_LABELS
from model.templates import new_document

# The templates' own names that are no lane kind's (those the catalogue has already, app/properties.py),
# marked for the catalogue (tr() when a board is made).
UNTITLED_TITLES = (
    QT_TRANSLATE_NOOP("", "Untitled service blueprint"),
    QT_TRANSLATE_NOOP("", "Untitled journey map"),
)  # a new board's title until it is named (or saved under a name: MainWindow._title_after_file)
TEMPLATE_NAMES = (
    *UNTITLED_TITLES,
    QT_TRANSLATE_NOOP("", "Doing"),
    QT_TRANSLATE_NOOP("", "Feeling"),
    QT_TRANSLATE_NOOP("", "Thinking"),
)
_NUMBERED_STAGE = re.compile(r"Stage (\d+)")


def new_board(kind: str) -> Document:
    """A new board from the ``blueprint`` or ``journey`` template, in the interface language."""
    document = new_document(kind)
    language = interface_language()
    if language == ENGLISH:
        return document
    known = {*TEMPLATE_NAMES, *LANE_KIND_LABELS.values()}
    if document.title in known:
        document.set_title(tr(document.title))
    for stage in document.stages:
        numbered = _NUMBERED_STAGE.fullmatch(stage.name)
        if numbered:
            document.set_stage_field(stage.id, "name", tr("Stage {0}").format(numbered.group(1)))
    for lane in document.lanes:
        if lane.name in known:
            document.set_lane_field(lane.id, "name", tr(lane.name))
    if language in BOARD_LANGUAGES:
        document.set_language(language)
    return document
