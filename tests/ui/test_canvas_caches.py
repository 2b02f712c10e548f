"""Cards and the arrow layer keep their drawing as pixmaps (DeviceCoordinateCache); the pictures stay right.

Qt draws an item into its cache without telling it which view asked, and keeps the pixmap
until the item is updated: the audience view must still get the projection look, and a
theme change must reach every cached card.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

import model
from app.editor import Editor
from canvas.view import BoardView
from model import style as st
from model.projection import projected_one

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


def _pixel(view: BoardView, x: float, y: float) -> str:
    view.centerOn(x, y)
    QApplication.processEvents()
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    point = view.mapFromScene(x, y)
    return image.pixelColor(point.x(), point.y()).name()


def test_a_cached_card_has_the_look_of_the_view_it_is_in_and_follows_the_theme(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = Editor(model.load(BLUEPRINT))
    qtbot.addWidget(editor)
    editor.resize(QSize(1000, 700))
    editor.show()
    qtbot.waitExposed(editor)
    editor.view.zoom_actual()
    geometry = next(iter(editor.scene.layout.cards.values()))
    body = geometry.primitives[1]
    spot = (geometry.x + body.x + 20, geometry.y + body.y + body.h - 6)  # the fill, clear of text and border
    assert _pixel(editor.view, *spot) == QColor(body.fill).name()
    editor.set_theme("dark")  # cached pixmaps of the light look must go
    dark = _pixel(editor.view, *spot)
    assert dark == QColor(st.themed(body.fill, "dark")).name()
    audience = BoardView(editor.scene)
    audience.projection_look = True  # as app/present.py's PresentationView
    qtbot.addWidget(audience)
    audience.resize(QSize(1000, 700))
    audience.show()
    qtbot.waitExposed(audience)
    assert _pixel(audience, *spot) == QColor(projected_one(body).fill).name()  # type: ignore[union-attr]
    assert _pixel(editor.view, *spot) == dark  # the editor's own cache keeps its look


def test_caches_off_while_presenting_and_back_after_the_background_stays_uncached(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QGraphicsItem

    editor = Editor(model.load(BLUEPRINT))
    qtbot.addWidget(editor)
    scene = editor.scene
    cache, none = QGraphicsItem.CacheMode.DeviceCoordinateCache, QGraphicsItem.CacheMode.NoCache
    card = scene.card_item(next(iter(scene.layout.cards)))
    assert (card.cacheMode(), scene.arrows.cacheMode(), scene._background.cacheMode()) == (cache, cache, none)
    scene.set_cached(False)  # the presentation's second view (app/present.py)
    assert (card.cacheMode(), scene.arrows.cacheMode()) == (none, none)
    scene.set_cached(True)
    # The background is cheap to draw and a cached big item slows every scroll step.
    assert (card.cacheMode(), scene.arrows.cacheMode(), scene._background.cacheMode()) == (cache, cache, none)
