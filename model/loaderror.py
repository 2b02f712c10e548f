"""``LoadError``: a file that cannot be opened or imported, said in words a window can translate.

Its English message is what the command line prints. Like ``model.safefile.SaveError`` it also keeps what
that sentence is made of: ``words``, an English template with {0}, {1}… ("{0}: expected a list"), and
``parts``, the values for them (a place such as ``cards[3].stage`` or ``row 4``, a value quoted from the file,
a number, or words of their own such as "a comma is missing before this"). app/problems.py says the template,
and any part that is itself words, in the interface language; the model stays Qt-free and English.

Every LoadError, CsvError and MermaidError is raised with a literal template as its first argument
(tests/ui/test_german_wording.py keeps the window's table of them in step with the model).
"""

from __future__ import annotations


class LoadError(ValueError):
    """A document that cannot be loaded; the message names the place.

    The message quotes values from the file: it is made safe to show (``readable``). A message given
    whole, with no parts, is taken as it is (its braces are not placeholders).
    """

    def __init__(self, words: str, *parts: str) -> None:
        super().__init__(readable(words.format(*parts) if parts else words))
        self.words, self.parts = words, parts


MESSAGE_CHARS = 400  # a message longer than this keeps its start (the place) and its end (the why)


def readable(message: str) -> str:
    """``message`` fit for a terminal and a dialog: control characters written as escapes (an ESC and a
    BEL in a lane's kind cleared the terminal and set its title) and at most MESSAGE_CHARS long (a
    100,000-character lane id made a 100 KB error line)."""
    if not message.isprintable():
        message = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in message)
    if len(message) > MESSAGE_CHARS:
        head = MESSAGE_CHARS * 2 // 3
        message = f"{message[:head]}…{message[len(message) - (MESSAGE_CHARS - head - 1):]}"
    return message
