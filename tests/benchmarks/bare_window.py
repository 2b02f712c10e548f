"""The floor of "open a file to first paint": a bare window of plain items, whole process.

``python bare_window.py [FILE]`` reads the .touchline file with the json module, puts one
rectangle with its text per card on a plain grid (stage x lane, stacked) in a
QGraphicsView of the editor's window size and reports its first paint the way the editor
does (app/first_paint.py). Without a file it is an empty window: the floor of start-up.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from app.first_paint import watch_first_paint

CARD_W, CARD_H, COLUMN_W, LANE_H = 188.0, 60.0, 216.0, 400.0


def main(argv: list[str]) -> int:
    """Open the bare window on the file named in ``argv`` (or empty) and run until killed."""
    app = QApplication(argv[:1])
    scene = QGraphicsScene()
    if len(argv) > 1:
        data = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        stage_x = {stage["id"]: i * COLUMN_W for i, stage in enumerate(data["stages"])}
        lane_y = {lane["id"]: i * LANE_H for i, lane in enumerate(data["lanes"])}
        stacked: dict[tuple[str, str], int] = {}
        for card in data["cards"]:
            cell = (card["stage"], card["lane"])
            depth = stacked[cell] = stacked.get(cell, -1) + 1
            rect = QGraphicsRectItem(0, 0, CARD_W, CARD_H)
            rect.setPos(QPointF(stage_x[cell[0]], lane_y[cell[1]] + (depth * 8) % LANE_H))
            QGraphicsSimpleTextItem(card["text"][:40], rect).setPos(12, 10)
            scene.addItem(rect)
        scene.setSceneRect(QRectF(0, 0, len(stage_x) * COLUMN_W, len(lane_y) * LANE_H))
    view = QGraphicsView(scene)
    view.resize(1400, 900)
    watch_first_paint(view.viewport())
    view.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv))
