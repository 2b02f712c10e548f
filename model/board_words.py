"""The words Touchline itself writes on a board, in the board's language.

The blueprint's lines, the legend, a persona's "Goals" and "Pains", a metric chart's "by
stage": drawn by the layout, so the editor, the SVG and the PDF say them alike. They follow
the board's own `language` (docs/format-extensions.md), not the window's: a board made in a
German window and exported from the command line, or opened by a colleague in English, says
them the same. A board without one, or with a language not listed here, says them in English.

Kept here rather than in the Qt catalogue: the model (and the command line) runs without Qt.
"""

from __future__ import annotations

ENGLISH = "en"
# The languages a board can be written in, each by its name in itself (the Properties panel lists them).
BOARD_LANGUAGES: dict[str, str] = {ENGLISH: "English", "de": "Deutsch"}

_GERMAN: dict[str, str] = {
    # blueprint lines (model/layout.py)
    "Line of interaction": "Interaktionslinie",
    "Line of visibility": "Sichtbarkeitslinie",
    "Line of internal interaction": "Linie der internen Interaktion",
    # legend (model/legend.py)
    "Legend": "Legende",
    "Lanes": "Bahnen",
    "Markers": "Markierungen",
    "Emotion": "Emotion",
    "Channels": "Kanäle",
    "Fail point": "Fehlerpunkt",
    "Wait point": "Wartepunkt",
    "Hand-off across the line of visibility": "Übergabe über die Sichtbarkeitslinie",
    "Opportunity answering a pain point": "Chance als Antwort auf einen Schmerzpunkt",
    "Persona of a card": "Persona einer Karte",
    "Very negative": "Sehr negativ",
    "Negative": "Negativ",
    "Neutral": "Neutral",
    "Positive": "Positiv",
    "Very positive": "Sehr positiv",
    # lane kinds, as the Properties panel names them (model/entities.py LANE_KIND_LABELS)
    "Physical evidence": "Physische Belege",
    "Customer actions": "Kundenaktionen",
    "Frontstage": "Frontstage",
    "Backstage": "Backstage",
    "Support processes": "Unterstützende Prozesse",
    "Touchpoints": "Touchpoints",
    "Emotions": "Emotionen",
    "Thoughts": "Gedanken",
    "Pain points": "Schmerzpunkte",
    "Opportunities": "Chancen",
    "Notes": "Notizen",
    # persona header (model/persona_header.py) and metric charts (model/metrics_row.py)
    "Goals": "Ziele",
    "Pains": "Schmerzpunkte",
    "Persona": "Persona",
    "by stage": "je Phase",
    "Untitled": "Unbenannt",
    # printed pages (exporters/pages.py, exporters/pdf.py), their parts as {0}, {1}
    "portrait": "Hochformat",
    "landscape": "Querformat",
    "Persona: {0}": "Persona: {0}",
    "Personas: {0}": "Personas: {0}",
    "1 page": "1 Seite",
    "{0} × {1} pages": "{0} × {1} Seiten",
    ", {0} blank not printed": ", {0} leer, nicht gedruckt",
    "row {0} / column {1}": "Zeile {0} / Spalte {1}",
    "Stage {0}": "Phase {0}",
    "Full text of shortened cards": "Volltext gekürzter Karten",
    "Full text of shortened cards (continued)": "Volltext gekürzter Karten (Fortsetzung)",
}

_WORDS: dict[str, dict[str, str]] = {"de": _GERMAN}


def board_word(text: str, language: str) -> str:
    """``text`` (one of the English words above) in ``language``; as it is for English or a language not listed.

    A language is matched on its main part, whatever its case: "de-AT", "de_DE" and "DE" are German.
    """
    words = _WORDS.get(language) or _WORDS.get(language_key(language), {})
    return words.get(text, text)


def language_key(language: str) -> str:
    """A language code's main part, lower case: "de-AT", "de_DE" and "DE" are "de"."""
    return language.replace("_", "-").split("-")[0].lower()


__all__ = ["BOARD_LANGUAGES", "ENGLISH", "board_word", "language_key"]
