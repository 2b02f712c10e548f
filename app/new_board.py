"""A new board from a bundled template, in the interface language.

The templates (resources/templates) are written in English. A board started in a German
window gets its title, stage names and lane names in German, and its own words (the
blueprint's lines, the legend: model/board_words) too, so that nothing on it is left in
English. Names the template does not list here stay as written.
"""

from __future__ import annotations

import re

from app.i18n import QT_TRANSLATE_NOOP, interface_language, tr
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


# The journey template's lanes named for what the customer does, feels and thinks, not for their kind.
_TEMPLATE_LANE_KINDS = {"Doing": "customer", "Feeling": "emotion", "Thinking": "thought"}


def kind_for_lane_name(name: str) -> str | None:
    """The lane kind a new lane's name asks for ("Backstage", "Pain points", "Feelings", in English or the
    interface's language), or None for any other name: named so, a lane was still a yellow Notes lane, with
    no blueprint line, until its kind was changed in Properties."""
    wanted = _plain(name)
    if not wanted:
        return None
    for kind, label in LANE_KIND_LABELS.items():
        if wanted in {_plain(kind), _plain(label), _plain(tr(label))}:
            return kind
    for lane_name, kind in _TEMPLATE_LANE_KINDS.items():
        if wanted in {_plain(lane_name), _plain(tr(lane_name))}:
            return kind
    return None


def _plain(name: str) -> str:
    """A name compared without case, extra spaces or an English plural's s ("Touchpoint" is "Touchpoints")."""
    words = " ".join(name.casefold().split())
    return words[:-1] if words.endswith("s") else words
