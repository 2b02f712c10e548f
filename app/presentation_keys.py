"""The keys of present mode, for the help the audience view and the presenter panel show.

A module of its own so that the presenter panel, built with the window, does not import
present mode itself (app.present) before the board's first paint (issue 9, start-up).
"""

from __future__ import annotations

from canvas.translate import QT_TRANSLATE_NOOP

# The presentation's own keys (besides the editor's actions), for the shortcut sheet and the presenter panel;
# marked for the catalogue here, tr() where shown (key names in words too: "Bild ab" for PageDown in German).
PRESENTATION_KEYS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("", "Right, PageDown"), QT_TRANSLATE_NOOP("", "next part or stage")),
    (QT_TRANSLATE_NOOP("", "Left, PageUp"), QT_TRANSLATE_NOOP("", "previous part or stage")),
    (QT_TRANSLATE_NOOP("", "Home, End"), QT_TRANSLATE_NOOP("", "the whole board")),
    ("1 … 9", QT_TRANSLATE_NOOP("", "jump to a stage")),
    ("+, -", QT_TRANSLATE_NOOP("", "a closer or wider look")),
    ("T", QT_TRANSLATE_NOOP("", "start, pause or resume the countdown")),
    ("B, .", QT_TRANSLATE_NOOP("", "black screen (any key or click brings the board back)")),
    (QT_TRANSLATE_NOOP("", "Click a card or lane header"), QT_TRANSLATE_NOOP("", "spotlight it")),
    ("S", QT_TRANSLATE_NOOP("", "spotlight the card reached with the arrows")),
    # Editing while presenting: the editor's keys, on the document itself (one undo).
    (QT_TRANSLATE_NOOP("", "Tab, then type"), QT_TRANSLATE_NOOP("", "a new card in the stage on screen")),
    (QT_TRANSLATE_NOOP("", "Up, Down"), QT_TRANSLATE_NOOP("", "move between cells and cards")),
    (QT_TRANSLATE_NOOP("", "V, Shift+V"), QT_TRANSLATE_NOOP("", "a vote more or less for the chosen card")),
    (QT_TRANSLATE_NOOP("", "F2, Delete"), QT_TRANSLATE_NOOP("", "edit or delete the chosen card")),
    (QT_TRANSLATE_NOOP("", "Ctrl+Z, Ctrl+Shift+Z"), QT_TRANSLATE_NOOP("", "undo, redo")),
    ("Esc", QT_TRANSLATE_NOOP("", "end the spotlight or let go of the card, else leave")),
    ("F5", QT_TRANSLATE_NOOP("", "leave")),
    ("F1, ?", QT_TRANSLATE_NOOP("", "these keys")),
)

