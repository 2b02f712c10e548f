"""The board's right-click menu: what can be done with the card, header, arrow or cell under the pointer.

A designer with a mouse right-clicked a card, a header, an arrow and an empty cell and got nothing (nor was
anything chosen): a lane's kind, an arrow's kind, deleting a stage were in the menu bar or the Properties
panel only. The menu holds the Edit menu's own actions (the same words and keys, enabled as there) for the
thing clicked, which is chosen first as desktop programs do, plus the kinds of a lane or an arrow.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.i18n import tr
from app.properties import LINK_KIND_LABELS
from canvas import commands as cmd
from canvas.items import CardItem, HeaderItem, LinkItem
from model.entities import LANE_KIND_LABELS, LANE_KINDS, LINK_KINDS

if TYPE_CHECKING:
    from app.editor import Editor


def board_menu(editor: Editor, at: QPoint) -> QMenu:
    """The menu for what lies under viewport point ``at``, that thing chosen first (an empty cell becomes the
    current cell, where Add card adds)."""
    scene, view = editor.scene, editor.view
    point = view.mapToScene(at)
    if scene.needs_building:
        scene.complete()
    hit = next((item for item in view.items(at) if isinstance(item, CardItem | HeaderItem | LinkItem)), None)
    if hit is not None and not hit.isSelected():
        scene.clearSelection()
        scene.select_cell(None)
        hit.setSelected(True)
    a = editor.edit_actions
    menu = QMenu(view)
    if isinstance(hit, CardItem):
        card = editor.document.card(hit.card_id)
        scored = card.score is not None or editor.document.lane(card.lane).kind == "emotion"
        _add(menu, [a.edit_text, a.add_card], [a.cut, a.copy, a.paste, a.duplicate], [a.vote, a.unvote],
             [a.connect, a.next_arrow, a.show_impact], [a.raise_score, a.lower_score] if scored else [], [a.delete])
    elif isinstance(hit, HeaderItem) and hit.kind == "stage":
        _add(menu, [_named_as(a.edit_text, tr("&Rename"), menu)], [a.add_stage, a.delete_stage])
    elif isinstance(hit, HeaderItem):
        _add(menu, [_named_as(a.edit_text, tr("&Rename"), menu)], [a.add_lane, a.delete_lane])
        _kinds(menu, tr("Lane &kind"), editor.document.lane(hit.item_id).kind,
               [(kind, tr(LANE_KIND_LABELS[kind])) for kind in LANE_KINDS],
               lambda kind, lane_id=hit.item_id: editor.push(cmd.SetLaneField(editor.document, lane_id, "kind", kind)))
    elif isinstance(hit, LinkItem):
        _add(menu, [_named_as(a.edit_text, tr("Edit &label"), menu)], [a.delete])
        _kinds(menu, tr("Arrow &kind"), editor.document.link(hit.link_id).kind,
               [(kind, tr(LINK_KIND_LABELS.get(kind, kind))) for kind in LINK_KINDS],
               lambda kind, link_id=hit.link_id: editor.push(cmd.SetLinkField(editor.document, link_id, "kind", kind)))
    else:
        cell = scene.layout.cell_at(point.x(), point.y())
        scene.clearSelection()
        scene.select_cell(cell)
        if cell is not None:
            scene.nav.set_focus(("cell", cell), select=False)
            _add(menu, [a.add_card, a.paste], [a.add_stage, a.add_lane], [a.select_all, a.zoom_fit])
        else:
            board: list[QAction] = []
            if scene.layout.title_rect.contains(point.x(), point.y()):  # as a double-click there renames it
                rename = QAction(tr("&Rename board"), menu)
                rename.triggered.connect(lambda _checked=False: scene.rename_title())
                board.append(rename)
            _add(menu, board, [a.add_stage, a.add_lane, a.paste], [a.select_all, a.zoom_fit, a.zoom_actual])
    return menu


def _named_as(action: QAction, text: str, menu: QMenu) -> QAction:
    """``action`` under the words that fit what was clicked ("Rename" for a header's Edit text), its key shown."""
    named = QAction(text, menu)
    named.setShortcut(action.shortcut())
    named.setEnabled(action.isEnabled())
    named.triggered.connect(action.trigger)
    return named


def _add(menu: QMenu, *groups: Iterable[QAction]) -> None:
    """The actions in groups parted by separators."""
    for group in filter(None, map(list, groups)):
        if menu.actions():
            menu.addSeparator()
        for action in group:
            menu.addAction(action)


def _kinds(menu: QMenu, title: str, current: str, kinds: list[tuple[str, str]], choose: object) -> None:
    """A submenu of kinds, the current one ticked; choosing another pushes its change."""
    menu.addSeparator()
    submenu = menu.addMenu(title)
    for kind, label in kinds:
        action = submenu.addAction(label)
        action.setCheckable(True)
        action.setChecked(kind == current)
        if kind != current:
            action.triggered.connect(lambda _checked=False, kind=kind: choose(kind))  # type: ignore[operator]
