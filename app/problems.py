"""Why a file could not be saved, opened or imported, said in the interface language.

The model's errors are English and Qt-free (the command line prints them as they are): a SaveError
(model/safefile.py) and a LoadError, CsvError or MermaidError (model/loaderror.py) keep the English
template their message was made from (``words``) and the values that filled it (``parts``). ``problem``
says the template through the catalogue and fills it with the parts: places ("cards[3].stage", a file's
path), values quoted from the file and numbers as they are, and a part that is itself words ("a comma is
missing before this", "the disk is full …") in the interface language too. A German window said
"„board.touchline“ konnte nicht geöffnet werden." and then "row 4, column score: "high" is not a whole
number from -2 to 2".

``_WORDS`` holds each template and each such part as a literal pyside6-lupdate sees;
tests/ui/test_german_wording.py keeps it in step with the model's templates.
"""

from __future__ import annotations

from canvas.translate import QT_TRANSLATE_NOOP, tr
from model.loaderror import LoadError, readable

_WORDS = frozenset({
    # A failed save (model/safefile.py: SAVE_PROBLEMS, and its reasons).
    QT_TRANSLATE_NOOP("", "{0}: the folder {1} does not exist"),
    QT_TRANSLATE_NOOP("", "{0}: is a folder"),
    QT_TRANSLATE_NOOP("", "{0}: {1}; it was not changed"),
    QT_TRANSLATE_NOOP("", "{0}: cannot write: {1}; the file on disk was not changed"),
    QT_TRANSLATE_NOOP("", "{0}: cannot create a file in the folder {1} ({2}); the file on disk was not changed"),
    QT_TRANSLATE_NOOP("", "{0}: cannot write: {1}"),
    QT_TRANSLATE_NOOP("", "the disk is full (no space left on device)"),
    QT_TRANSLATE_NOOP("", "the disk quota is used up"),
    QT_TRANSLATE_NOOP("", "the disk is read-only"),
    QT_TRANSLATE_NOOP("", "the file is read-only"),
    QT_TRANSLATE_NOOP("", "permission denied"),
    QT_TRANSLATE_NOOP("", "the operation is not permitted"),
    QT_TRANSLATE_NOOP("", "the file name is too long"),
    QT_TRANSLATE_NOOP("", "the file is too large for this disk"),
    QT_TRANSLATE_NOOP("", "the disk reported an input/output error"),
    # A file that cannot be read (model/fileformat.read_file, model/limits.py); the reasons are the system's
    # own words (strerror), the same on Linux, macOS and Windows for these three.
    QT_TRANSLATE_NOOP("", "no such file"),
    QT_TRANSLATE_NOOP("", "is a folder, not a file"),
    QT_TRANSLATE_NOOP("", "cannot be read ({0})"),
    QT_TRANSLATE_NOOP("", "Permission denied"),
    QT_TRANSLATE_NOOP("", "Operation not permitted"),
    QT_TRANSLATE_NOOP("", "Input/output error"),
    QT_TRANSLATE_NOOP("", "the file is {0}, more than the {1} Touchline opens"),
    QT_TRANSLATE_NOOP("", "more than the {0} Touchline opens"),
    # Not JSON (model/fileformat.py; the last ten are its JSON_PROBLEMS, a part of the first).
    QT_TRANSLATE_NOOP("", "line {0}, column {1}: not valid JSON: {2}"),
    QT_TRANSLATE_NOOP("", "a value is missing here"),
    QT_TRANSLATE_NOOP("", 'a text value starts here and is never closed (a missing ")'),
    QT_TRANSLATE_NOOP("", "a comma is missing before this"),
    QT_TRANSLATE_NOOP("", "a colon is missing after the name"),
    QT_TRANSLATE_NOOP("", "a name in double quotes was expected (a comma too many?)"),
    QT_TRANSLATE_NOOP("", "something follows the end of the data"),
    QT_TRANSLATE_NOOP("", "a line break or tab inside a text value (write it as \\n or \\t)"),
    QT_TRANSLATE_NOOP("", "a backslash that starts no valid escape (write \\\\ for one backslash)"),
    QT_TRANSLATE_NOOP("", "the file ends early, before the document is closed (cut off?)"),
    QT_TRANSLATE_NOOP("", 'the file ends inside a text value that starts here (a missing " or a file cut off?)'),
    QT_TRANSLATE_NOOP("", "the file is empty (no JSON in it)"),
    QT_TRANSLATE_NOOP("", "byte {0}: not valid UTF-8"),
    QT_TRANSLATE_NOOP("", "expected text or bytes"),
    QT_TRANSLATE_NOOP("", "the JSON is nested too deeply"),
    QT_TRANSLATE_NOOP("", "unreadable document ({0}: {1})"),
    QT_TRANSLATE_NOOP("", "not valid JSON ({0} is not a JSON number)"),
    QT_TRANSLATE_NOOP("", "the number {0} is too large for Touchline"),
    QT_TRANSLATE_NOOP("", "a number with {0} digits is too long for Touchline"),
    QT_TRANSLATE_NOOP("", "the document: holds an unpaired surrogate (not Unicode text)"),
    QT_TRANSLATE_NOOP("", "{0}: holds an unpaired surrogate (not Unicode text)"),
    QT_TRANSLATE_NOOP("", "the top level: a key holds an unpaired surrogate (not Unicode text)"),
    QT_TRANSLATE_NOOP("", "{0}: a key holds an unpaired surrogate (not Unicode text)"),
    # Not a Touchline document, or one of a newer version.
    QT_TRANSLATE_NOOP("", "not a Touchline document (the top level is not an object)"),
    QT_TRANSLATE_NOOP("", 'not a Touchline document ("format" is not "touchline")'),
    QT_TRANSLATE_NOOP("", "version: expected a whole number"),
    QT_TRANSLATE_NOOP("", "version {0} is newer than this Touchline understands ({1})"),
    QT_TRANSLATE_NOOP("", "version: {0} is not a Touchline version"),
    QT_TRANSLATE_NOOP("", "{0}: {1} {0} is more than the {2} Touchline opens"),
    QT_TRANSLATE_NOOP("", "{0}: nested more than {1} levels deep"),
    # A field of the wrong type or value, or an unknown reference ({0} is its JSON path).
    QT_TRANSLATE_NOOP("", "{0}: expected an object"),
    QT_TRANSLATE_NOOP("", "{0}: missing"),
    QT_TRANSLATE_NOOP("", "{0}: expected a list"),
    QT_TRANSLATE_NOOP("", "{0}: expected a string"),
    QT_TRANSLATE_NOOP("", "{0}: must not be empty"),
    QT_TRANSLATE_NOOP("", "{0}: expected a list of strings"),
    QT_TRANSLATE_NOOP("", "{0}: expected an object of numbers"),
    QT_TRANSLATE_NOOP("", "{0}: expected a number"),
    QT_TRANSLATE_NOOP("", "{0}: expected a finite number"),
    QT_TRANSLATE_NOOP("", '{0}: unknown lane kind "{1}" (one of {2})'),
    QT_TRANSLATE_NOOP("", '{0}: "{1}" is not a colour of the form "#rrggbb"'),
    QT_TRANSLATE_NOOP("", "{0}: expected a whole number from {1} to {2}"),
    QT_TRANSLATE_NOOP("", "{0}: {1} is outside {2}…{3}"),
    QT_TRANSLATE_NOOP("", "{0}: expected true or false"),
    QT_TRANSLATE_NOOP("", '{0}: unknown link kind "{1}" (one of {2})'),
    QT_TRANSLATE_NOOP("", '{0}: duplicate id "{1}" (first used at {2})'),
    QT_TRANSLATE_NOOP("", '{0}: no lane with id "{1}"'),
    QT_TRANSLATE_NOOP("", '{0}: no stage with id "{1}"'),
    QT_TRANSLATE_NOOP("", '{0}: no persona with id "{1}"'),
    QT_TRANSLATE_NOOP("", '{0}: no card with id "{1}"'),
    # An import (model/imports.py).
    QT_TRANSLATE_NOOP("", "unknown input format ({0}); use .mmd or .mermaid (a Mermaid journey) or .csv"),
    QT_TRANSLATE_NOOP("", "no suffix"),
    QT_TRANSLATE_NOOP("", "{0} {1} is more than the {2} Touchline opens"),
    # A CSV table (model/csvtable.py).
    QT_TRANSLATE_NOOP("", "row 1: the table is empty (it needs a header row: stage, lane, lane_kind, text)"),
    QT_TRANSLATE_NOOP("", "row {0}: not a readable CSV row ({1})"),
    QT_TRANSLATE_NOOP("", "byte {0}: not valid UTF-16"),
    QT_TRANSLATE_NOOP("", 'row {0}: not valid UTF-8 (byte {1}); save the table as "CSV UTF-8"'),
    QT_TRANSLATE_NOOP("", "row 1, column {0}: appears twice (columns {1} and {2})"),
    QT_TRANSLATE_NOOP("", "row 1: no column {0} (the header row needs stage, lane, lane_kind, text)"),
    QT_TRANSLATE_NOOP("", "row {0}, column {1}: a value under no heading (the header has {2} columns)"),
    QT_TRANSLATE_NOOP("", "row {0}, column stage: empty (the first row of a table names its stage)"),
    QT_TRANSLATE_NOOP("", "row {0}, column lane: empty (the first card of a table names its lane)"),
    QT_TRANSLATE_NOOP("", 'row {0}, column lane_kind: "{1}" but lane "{2}" is "{3}" (row {4})'),
    QT_TRANSLATE_NOOP("", 'row {0}, column lane_kind: "{1}" is not a lane kind (one of {2})'),
    QT_TRANSLATE_NOOP("", 'row {0}, column score: "{1}" is not a whole number from {2} to {3}'),
    QT_TRANSLATE_NOOP("", 'row {0}, column fail: "{1}" is not yes or no'),
    QT_TRANSLATE_NOOP("", 'row {0}, column color: "{1}" is not a colour of the form "#rrggbb"'),
    # A Mermaid journey (model/mermaid.py).
    QT_TRANSLATE_NOOP("", 'line 1: empty (a Mermaid journey starts with "journey")'),
    QT_TRANSLATE_NOOP("", 'line {0}: "{1}" is not a Mermaid journey (the diagram must start with "journey")'),
    QT_TRANSLATE_NOOP("", 'line {0}: the diagram must start with "journey"'),
    QT_TRANSLATE_NOOP("", 'line {0}: score "{1}" is not a number from 1 to 5'),
    QT_TRANSLATE_NOOP("", 'line {0}: score "{1}" is not a whole number from 1 to 5'),
    QT_TRANSLATE_NOOP("", 'line {0}: task "{1}" has no score after ":" (write "{1}: 3: Actor")'),
    QT_TRANSLATE_NOOP(
        "", 'line {0}: "{1}" is neither a title, a section nor a task (a task is written "Name: score: actor, actor")'),
    QT_TRANSLATE_NOOP("", 'line {0}: unexpected "{1}" (Mermaid does not allow it here)'),
    QT_TRANSLATE_NOOP("", 'line {0}: unexpected "{1}" (a section name cannot hold ":")'),
    QT_TRANSLATE_NOOP("", 'line {0}: unexpected "{1}" (only the first line says "journey")'),
    QT_TRANSLATE_NOOP("", 'line {0}: unexpected "{1}"'),
})


def problem(exc: BaseException) -> str:
    """What ``exc`` says, in the interface language when it is one of the model's worded errors (a reason the
    system gave in words of its own, or any other error, is said as it is)."""
    words = getattr(exc, "words", None)
    if not isinstance(words, str) or words not in _WORDS:
        return str(exc)
    parts = [tr(part) if part in _WORDS else part for part in getattr(exc, "parts", ())]
    said = tr(words).format(*parts)
    # A load error quotes the file: its words are made safe to show as its English message is.
    return readable(said) if isinstance(exc, LoadError) else said
