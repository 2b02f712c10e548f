"""Mermaid ``journey`` diagrams in and out: ``from_mermaid(text)`` and ``to_mermaid(document)``.

The reader follows Mermaid's own pipeline for a journey, step by step, so that it takes
exactly what Mermaid takes (mermaid 11, ``diagrams/user-journey/parser/journey.jison``):

1. preprocessing: line ends made ``\\n``, YAML front matter taken off (its ``title`` is the
   diagram's title), ``%%{init: …}%%`` directives and ``%%`` comment lines removed, leading
   white space trimmed; the text must then start with ``journey``;
2. Mermaid's entity codes (``#58;``, ``#35;``, ``#amp;``) are protected before lexing, so
   they never start a ``#`` comment;
3. the jison lexer's rules in their order (first match wins, case-insensitive): comments,
   ``title``, ``accTitle:``, ``accDescr:``, ``accDescr { … }``, ``section``, task names up to
   ``:``, task data up to ``#``, ``;`` or the line end; ``;`` is a syntax error;
4. the grammar: ``journey`` then any sequence of statements and new lines, where a task is a
   name directly followed by its data; the data is ``score[: actor, actor]`` as journeyDb
   splits it (a trailing ``:`` gives one empty actor, which is dropped here).

Each section becomes a stage (tasks before the first section go to a first stage with no
name); each task a card in a "Doing" lane (kind customer) plus an emotion card in a
"Feeling" lane with the score mapped 1…5 → −2…+2; each actor a persona, and both cards
are tied to the task's first actor. When a task has several actors the Doing card keeps
the whole list under the extra key ``actors``, so that writing the board back loses none.

Text: ``<br>`` in all its spellings is a line break and entity codes are decoded; the
title and description, which Mermaid passes through an HTML sanitiser, also lose their
tags and have HTML entities unescaped (``&amp;`` comes in as ``&``). Task names are shown
by Mermaid as plain text, so nothing else is interpreted in them.

``to_mermaid`` writes the stages as sections and the customer lane's cards as tasks, with
the emotion score of their stage; characters the grammar cannot hold (``:``, ``#``, ``;``,
``%%``, a keyword at the start of a name) are written as Mermaid entity codes, which
Mermaid renders as the characters themselves and ``from_mermaid`` decodes again. A line
break in a name is written ``#10;`` (Mermaid draws a space; ``<br>`` it would show as is).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from model.document import Document
from model.entities import Card, Lane, Persona, Stage
from model.fileformat import LoadError

__all__ = ["MermaidError", "from_mermaid", "to_mermaid"]

DOING_LANE = Lane("ln-doing", "Doing", "customer")
FEELING_LANE = Lane("ln-feeling", "Feeling", "emotion")
NEUTRAL_SCORE = 3  # Mermaid's 1…5 scale; 3 is Touchline's 0
EXTRA_ACTORS = "actors"  # Doing-card key holding every actor of a task with more than one


class MermaidError(LoadError):
    """A text that is not a Mermaid journey Touchline can take in; the message names the line."""


# JavaScript's \s (white space and line terminators): Mermaid's regexes use it, and it is
# not Python's (which has \x1c-\x1f but not U+FEFF).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
            "\u2028\u2029\u202f\u205f\u3000\ufeff"
_S = "[" + re.escape(_JS_SPACE) + "]"
_HS = "[" + re.escape(_JS_SPACE.replace("\n", "").replace("\r", "")) + "]"  # [^\S\n\r]

# Preprocessing (mermaid's preprocess.ts, frontmatter.ts, comments.ts, regexes.ts).
_FRONT_MATTER = re.compile(rf"^({_HS}*)-{{3}}{_S}*[\n\r](.*?)[\n\r]\1-{{3}}{_S}*[\n\r]+", re.S)
_DIRECTIVE = re.compile(
    rf"%%\{{{_S}*(?:\w+{_S}*:|\w+){_S}*(?:\w+|(?:(?!\}}%%)[^\n\r\u2028\u2029]|\r?\n)*)?{_S}*(?:\}}%%)?",
    re.I | re.A,
)
_COMMENT_START = re.compile(r"%%(?!\{)")  # comments.ts: /^\s*%%(?!{)[^\n]+\n?/gm, see _comment_lines
# encodeEntities: "#58;" and "#amp;" become placeholders before lexing (and style lines
# lose a final ";", as Mermaid's does for every diagram).
_ENTITY = re.compile(r"#(\w+);", re.A)
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around a protected entity code
_PLACEHOLDER = re.compile(f"{_OPEN}(\\w+){_CLOSE}", re.A)

# The lexer's rules, in jison's order; the first that matches wins.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("skip", re.compile(r"%(?!\{)[^\n]*")),
    ("skip", re.compile(r"[^}]%%[^\n]*")),
    ("NEWLINE", re.compile(r"\n+")),
    ("skip", re.compile(f"{_S}+")),
    ("skip", re.compile(r"#[^\n]*")),
    ("journey", re.compile(r"journey(?![A-Za-z0-9_])", re.I)),
    ("title", re.compile(rf"title{_S}[^#\n;]+", re.I)),
    ("acc_title", re.compile(rf"accTitle{_S}*:{_S}*", re.I)),
    ("acc_descr", re.compile(rf"accDescr{_S}*:{_S}*", re.I)),
    ("acc_descr_multiline", re.compile(rf"accDescr{_S}*\{{{_S}*", re.I)),
    ("section", re.compile(rf"section{_S}[^#:\n;]+", re.I)),
    ("taskName", re.compile(r"[^#:\n;]+")),
    ("taskData", re.compile(r":[^#\n;]+")),
    (":", re.compile(":")),
)
_TO_LINE_END = re.compile(r"[^\n]*")
_TO_BRACE = re.compile(r"[^}]*")

_BR = re.compile(r"<\s*/?\s*br\s*/?\s*>", re.I)  # <br>, <br/>, <BR />, </br>, <br\t/>
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_RADIX = re.compile(r"0([xXoObB])([0-9a-fA-F]+)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_ZWSP = "\u200b"  # how to_mermaid writes an empty name (a task needs one character at least)


# ---------------------------------------------------------------------- reading
@dataclass(slots=True)
class _Token:
    kind: str
    text: str
    line: int


@dataclass(slots=True)
class _Task:
    name: str
    score: int
    actors: list[str]


@dataclass(slots=True)
class _Section:
    name: str
    tasks: list[_Task] = field(default_factory=list)


@dataclass(slots=True)
class _Journey:
    title: str | None = None
    front_title: str | None = None
    acc_title: str | None = None
    description: str | None = None
    sections: list[_Section] = field(default_factory=list)


class _Source:
    """Text that remembers, for every character, its line in the file it came from."""

    def __init__(self, text: str, lines: list[int]) -> None:
        self.text = text
        self.lines = lines  # one more entry than text: the line of the end

    @classmethod
    def of(cls, text: str) -> _Source:
        lines: list[int] = []
        line = 1
        for ch in text:
            lines.append(line)
            if ch == "\n":
                line += 1
        lines.append(line)
        return cls(text, lines)

    def substitute(self, pattern: re.Pattern[str], replace: str | None = None, count: int = 0) -> _Source:
        """Every match replaced by ``pattern.sub``'s template (removed when None), lines kept."""
        text_parts: list[str] = []
        line_parts: list[int] = []
        pos = 0
        for number, match in enumerate(pattern.finditer(self.text)):
            if count and number >= count:
                break
            text_parts.append(self.text[pos:match.start()])
            line_parts.extend(self.lines[pos:match.start()])
            new = match.expand(replace) if replace is not None else ""
            text_parts.append(new)
            line_parts.extend([self.lines[match.start()]] * len(new))
            pos = match.end()
        text_parts.append(self.text[pos:])
        line_parts.extend(self.lines[pos:])
        return _Source("".join(text_parts), line_parts)

    def remove(self, spans: list[tuple[int, int]]) -> _Source:
        """The text without the given (start, end) spans, which are sorted and do not overlap."""
        keep: list[tuple[int, int]] = []
        pos = 0
        for start, end in spans:
            keep.append((pos, start))
            pos = end
        keep.append((pos, len(self.text)))
        lines = [line for start, end in keep for line in self.lines[start:end]] + [self.lines[-1]]
        return _Source("".join(self.text[start:end] for start, end in keep), lines)

    def drop_front(self, n: int) -> _Source:
        return _Source(self.text[n:], self.lines[n:])


def from_mermaid(text: str | bytes, default_title: str = "Untitled journey") -> Document:
    """A Touchline document from a Mermaid ``journey``; MermaidError names the line of a problem.

    ``default_title`` is used when the diagram has neither a title nor an accTitle.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MermaidError("byte {0}: not valid UTF-8", str(exc.start)) from None
    journey = _parse(text.removeprefix("\ufeff"))
    return _build(journey, default_title)


def _preprocess(text: str) -> tuple[_Source, str | None]:
    source = _Source.of(text.replace("\r\n", "\n").replace("\r", "\n"))
    front_title = None
    match = _FRONT_MATTER.match(source.text)
    if match:
        front_title = _yaml_title(match.group(2))
        source = source.drop_front(match.end())
    source = source.substitute(_DIRECTIVE)
    source = source.remove(_comment_lines(source.text))
    start = len(source.text) - len(source.text.lstrip(_JS_SPACE))
    return source.drop_front(start), front_title


def _yaml_title(body: str) -> str | None:
    """``title:`` of a front matter, read without a YAML library (a plain or quoted scalar)."""
    for line in body.split("\n"):
        match = re.match(r"title\s*:\s*(.*?)\s*$", line)
        if match:
            value = match.group(1)
            if len(value) >= 2 and value[0] == value[-1] == "'":
                value = value[1:-1].replace("''", "'")
            elif len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1].replace('\\"', '"')
            elif " #" in value:
                value = value.split(" #", 1)[0].rstrip()
            return value or None
    return None


def _lex(source: _Source) -> Iterator[_Token]:
    text, pos, end = source.text, 0, len(source.text)
    while pos < end:
        found = next(((kind, m) for kind, rule in _RULES if (m := rule.match(text, pos))), None)
        if found is None:  # jison's "." rule: only ";" gets here
            yield _Token("INVALID", text[pos], source.lines[pos])
            pos += 1
            continue
        kind, match = found
        line = source.lines[pos]
        pos = match.end()
        if kind in ("acc_title", "acc_descr"):
            value = _TO_LINE_END.match(text, pos)
            assert value is not None
            yield _Token(kind, value.group(), line)
            pos = value.end()
        elif kind == "acc_descr_multiline":
            value = _TO_BRACE.match(text, pos)
            assert value is not None
            if value.group():  # "accDescr {}" says nothing, as in jison (the brace rule comes first)
                yield _Token(kind, value.group(), line)
            pos = value.end() + 1  # past the closing brace (or the end)
        elif kind != "skip":
            yield _Token(kind, match.group(), line)
    yield _Token("EOF", "", source.lines[end])


def _parse(text: str) -> _Journey:
    source, front_title = _preprocess(text)
    if not source.text.strip():
        raise MermaidError('line 1: empty (a Mermaid journey starts with "journey")')
    if not re.match(r"journey", source.text):  # Mermaid's detector: case-sensitive, nothing before it
        first = source.text.split(None, 1)[0][:40]
        raise MermaidError('line {0}: "{1}" is not a Mermaid journey (the diagram must start with "journey")',
                           str(source.lines[0]), first)
    source = _Source(*_drop_style_semicolons(source))
    source = source.substitute(_ENTITY, f"{_OPEN}\\1{_CLOSE}")
    tokens = list(_lex(source))
    journey = _Journey(front_title=front_title)
    if tokens[0].kind != "journey":
        raise MermaidError('line {0}: the diagram must start with "journey"', str(tokens[0].line))
    index = 1
    while True:
        token = tokens[index]
        index += 1
        if token.kind == "EOF":
            return journey
        if token.kind == "NEWLINE":
            continue
        if token.kind == "title":
            journey.title = _rich_text(token.text[6:], multiline=False)
        elif token.kind == "acc_title":
            journey.acc_title = _rich_text(token.text, multiline=False)
        elif token.kind in ("acc_descr", "acc_descr_multiline"):
            value = _strip_js(token.text)
            value = re.sub(rf"\n{_S}+", "\n", value)  # Mermaid's setAccDescription
            journey.description = _rich_text(value, multiline=True)
        elif token.kind == "section":
            journey.sections.append(_Section(_plain_text(token.text[8:])))
        elif token.kind == "taskName":
            data = tokens[index]
            if data.kind != "taskData":
                raise _task_without_data(token, data)
            index += 1
            if not journey.sections:
                journey.sections.append(_Section(""))
            journey.sections[-1].tasks.append(_task(token, data))
        else:
            raise _unexpected(token)


def _comment_lines(text: str) -> list[tuple[int, int]]:
    """Where Mermaid's comment-line regex matches, found in linear time.

    The regex (``^\\s*%%(?!{)[^\\n]+\\n?`` with the m flag) retries its ``\\s*`` from every
    line start of a long blank run, which a large file turns quadratic; the match is the
    same: from the first line start of the white space before ``%%`` to the line's end.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _COMMENT_START.finditer(text):
        start = match.start()
        if start < pos or start + 2 >= len(text) or text[start + 2] == "\n":
            continue
        first = start
        while first > pos and text[first - 1] in _JS_SPACE:
            first -= 1
        if first > 0 and text[first - 1] != "\n":
            newline = text.find("\n", first, start)
            if newline < 0:
                continue  # "%%" in the middle of a line
            first = newline + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        spans.append((first, end))
        pos = end
    return spans


def _drop_style_semicolons(source: _Source) -> tuple[str, list[int]]:
    """Mermaid's encodeEntities drops the last ";" of a line matching ``style.*:\\S*#.*;`` (then
    ``classDef.*:\\S*#.*;``); so do we, line by line in linear time."""
    text, lines = source.text, source.lines
    drop: set[int] = set()
    offset = 0
    for line in text.split("\n"):
        for word in ("style", "classDef"):
            semicolon = _style_semicolon(line, word, {i - offset for i in drop})
            if semicolon is not None:
                drop.add(offset + semicolon)
        offset += len(line) + 1
    if not drop:
        return text, lines
    keep = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in keep), [lines[i] for i in keep] + [lines[-1]]


def _style_semicolon(line: str, word: str, dropped: set[int]) -> int | None:
    """The index of the ";" the regex ``word.*:\\S*#.*;`` would end on in ``line``, if it matches."""
    start = line.find(word)
    last = max((i for i in range(len(line)) if line[i] == ";" and i not in dropped), default=-1)
    if start < 0 or last < 0:
        return None
    next_hash = [len(line)] * (len(line) + 1)  # the next "#" before any white space
    for i in range(len(line) - 1, -1, -1):
        if line[i] == "#":
            next_hash[i] = i
        elif line[i] not in _JS_SPACE:
            next_hash[i] = next_hash[i + 1]
    for colon in range(start + len(word), last):
        if line[colon] == ":" and next_hash[colon + 1] < last:
            return last
    return None


def _task(name: _Token, data: _Token) -> _Task:
    pieces = data.text[1:].split(":")
    actors = pieces[1].split(",") if len(pieces) > 1 else []
    return _Task(
        name=_plain_text(name.text),
        score=_score(pieces[0], data.line),
        actors=[a for a in (_plain_text(actor, multiline=False) for actor in actors) if a],
    )


def _score(text: str, line: int) -> int:
    """Mermaid reads the score with JavaScript's Number(); Touchline needs a whole 1…5."""
    value = _js_number(text)  # an entity code is no number to Mermaid either
    shown = _strip_js(_decode_entities(text))
    if value is None or not 1 <= value <= 5:
        raise MermaidError('line {0}: score "{1}" is not a number from 1 to 5', str(line), shown)
    if value != int(value):
        raise MermaidError('line {0}: score "{1}" is not a whole number from 1 to 5', str(line), shown)
    return int(value)


def _js_number(text: str) -> float | None:
    text = _strip_js(text)
    if text == "":
        return 0.0
    if _NUMBER.fullmatch(text):
        return float(text)
    radix = _RADIX.fullmatch(text)
    if radix:
        base = {"x": 16, "o": 8, "b": 2}[radix.group(1).lower()]
        try:
            return float(int(radix.group(2), base))
        except ValueError:
            return None
    return None


def _strip_js(text: str) -> str:
    return text.strip(_JS_SPACE)


def _task_without_data(name: _Token, after: _Token) -> MermaidError:
    shown = _plain_text(name.text, multiline=False)[:60]
    if after.kind == "INVALID":
        return _unexpected(after)
    if after.kind == ":":
        return MermaidError('line {0}: task "{1}" has no score after ":" (write "{1}: 3: Actor")', str(after.line),
                            shown)
    return MermaidError('line {0}: "{1}" is neither a title, a section nor a task (a task is written "Name: score: '
                        'actor, actor")', str(name.line), shown)


def _unexpected(token: _Token) -> MermaidError:
    line = str(token.line)
    if token.kind == "INVALID":
        return MermaidError('line {0}: unexpected "{1}" (Mermaid does not allow it here)', line, token.text)
    if token.kind == "taskData":
        return MermaidError('line {0}: unexpected "{1}" (a section name cannot hold ":")', line,
                            token.text.strip()[:40])
    if token.kind == "journey":
        return MermaidError('line {0}: unexpected "{1}" (only the first line says "journey")', line, token.text)
    return MermaidError('line {0}: unexpected "{1}"', line, token.text.strip()[:40])


def _decode_entities(text: str) -> str:
    """Mermaid's entity codes back to characters: ``#58;`` → ``:``, ``#amp;`` → ``&``."""

    def decode(match: re.Match[str]) -> str:
        name = match.group(1)
        if re.fullmatch(r"\+?\d+", name):
            code = int(name)
            if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                return chr(code)
            return f"#{name};"
        decoded = html.unescape(f"&{name};")
        return decoded if decoded != f"&{name};" else f"#{name};"

    return _PLACEHOLDER.sub(decode, text)


def _lines(text: str, multiline: bool) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    if not multiline:
        return " ".join(line for line in lines if line)
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _plain_text(text: str, multiline: bool = True) -> str:
    """A task, section or actor name as Mermaid shows it: line breaks and entity codes only."""
    result = _lines(_decode_entities(_BR.sub("\n", text)), multiline)
    return "" if result == _ZWSP else result


def _rich_text(text: str, multiline: bool) -> str:
    """A title or description, which Mermaid reads as HTML: no tags, entities unescaped."""
    text = html.unescape(_TAG.sub("", _BR.sub("\n", text)))
    return _lines(_decode_entities(text), multiline)


def _build(journey: _Journey, default_title: str) -> Document:
    title = journey.title or journey.front_title or journey.acc_title or default_title
    personas: dict[str, Persona] = {}
    used_ids = {DOING_LANE.id, FEELING_LANE.id}
    stages: list[Stage] = []
    cards: list[Card] = []
    number = 0
    for index, section in enumerate(journey.sections, start=1):
        stage = Stage(f"st-{index}", section.name)
        stages.append(stage)
        for task in section.tasks:
            number += 1
            for actor in task.actors:
                if actor not in personas:
                    personas[actor] = Persona(_persona_id(actor, used_ids), actor)
            persona = personas[task.actors[0]].id if task.actors else None
            extra = {EXTRA_ACTORS: list(task.actors)} if len(task.actors) > 1 else {}
            cards.append(Card(f"c-{number}", DOING_LANE.id, stage.id, task.name, persona=persona, extra=extra))
            cards.append(Card(f"f-{number}", FEELING_LANE.id, stage.id, task.name,
                              score=task.score - NEUTRAL_SCORE, persona=persona))
    return Document.build(
        title=title,
        description=journey.description or None,
        stages=stages,
        lanes=[Lane(DOING_LANE.id, DOING_LANE.name, DOING_LANE.kind),
               Lane(FEELING_LANE.id, FEELING_LANE.name, FEELING_LANE.kind)],
        cards=cards,
        links=[],
        personas=list(personas.values()),
        extra={},
    )


def _persona_id(name: str, used: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:32]
    base = f"p-{slug}" if slug else "p"
    candidate, number = (base if slug else "p-1"), 1
    while candidate in used:
        number += 1
        candidate = f"{base}-{number}"
    used.add(candidate)
    return candidate


# ---------------------------------------------------------------------- writing
# A name may not start with what the lexer would read as a keyword.
_KEYWORD_START = re.compile(
    rf"journey(?![A-Za-z0-9_])|title{_S}|section{_S}|accTitle{_S}*:|accDescr{_S}*[:{{]", re.I
)


def to_mermaid(document: Document) -> str:
    """The board as a Mermaid ``journey``: stages as sections, the customer lane's cards as tasks.

    Each task's score is the emotion of its stage: the n-th emotion card when the stage
    has as many scored emotion cards as tasks, else their mean, else neutral (3).
    """
    out = ["journey"]
    title = _title_text(document.title)
    if title:
        out.append(f"    title {title}")
    if document.description and document.description.strip():
        lines = [_description_text(line) for line in document.description.strip().split("\n")]
        if len(lines) == 1:
            out.append(f"    accDescr: {lines[0]}")
        else:
            out += ["    accDescr {", *(f"        {line}" for line in lines), "    }"]
    doing = _first_lane(document, "customer")
    feeling = _first_lane(document, "emotion")
    names = {persona.id: persona.name for persona in document.personas}
    for index, stage in enumerate(document.stages):
        tasks = [document.card(c) for c in document.cell_cards(stage.id, doing.id)] if doing else []
        if not (index == 0 and tasks and not stage.name.strip()):
            out.append(f"    section {_name_text(stage.name)}")
        scores = _stage_scores(document, stage.id, feeling)
        for position, card in enumerate(tasks):
            score = _task_score(scores, position, len(tasks))
            actors = ", ".join(_actor_text(a) for a in _actors(card, names))
            line = f"      {_name_text(card.text)}: {score}"
            out.append(f"{line}: {actors}" if actors else line)
    return "\n".join(out) + "\n"


def _first_lane(document: Document, kind: str) -> Lane | None:
    return next((lane for lane in document.lanes if lane.kind == kind), None)


def _stage_scores(document: Document, stage_id: str, lane: Lane | None) -> list[int]:
    if lane is None:
        return []
    cards = (document.card(c) for c in document.cell_cards(stage_id, lane.id))
    return [card.score for card in cards if card.score is not None]


def _task_score(scores: list[int], position: int, tasks: int) -> int:
    if not scores:
        return NEUTRAL_SCORE
    if len(scores) == tasks:
        return scores[position] + NEUTRAL_SCORE
    mean = sum(scores) / len(scores)
    rounded = int(mean + 0.5) if mean >= 0 else -int(-mean + 0.5)  # half away from zero
    return rounded + NEUTRAL_SCORE


def _actors(card: Card, names: dict[str, str]) -> list[str]:
    if card.persona is None or card.persona not in names:
        return []
    first = names[card.persona]
    more = card.extra.get(EXTRA_ACTORS)
    others = [a for a in more if isinstance(a, str) and a != first] if isinstance(more, list) else []
    return [a for a in (first, *others) if a.strip()]  # a nameless persona is no actor


def _code(ch: str) -> str:
    return f"#{ord(ch)};"


def _escape(text: str, special: str) -> str:
    """Entity codes for ``special`` and "#"; "%%" and a leading "%" never reach Mermaid's comment rules."""
    text = _CONTROL.sub("", text.replace("\t", " "))
    text = "".join(_code(ch) if ch in special or ch == "#" else ch for ch in text)
    if "%%" in text or text.startswith("%"):
        text = text.replace("%", _code("%"))
    return text


def _name_text(text: str) -> str:
    """A task or section name on one line: a line break is ``#10;``; never empty.

    Not ``<br>``: Mermaid draws a journey's task and section names as plain text in a
    foreignObject (its default ``textPlacement: fo``), so a browser shows "<br>" as it is.
    The code ``#10;`` is drawn as a space there and reads back as the line break.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # A literal "<br>" in the text is no line break: its "<" goes as a code.
    parts = [_BR.sub(lambda m: _code("<") + m.group()[1:], _escape(line, ":;")) for line in lines]
    if not any(parts):
        return _code(_ZWSP)
    escaped = _code("\n").join(parts)
    if _KEYWORD_START.match(escaped):
        escaped = _code(escaped[0]) + escaped[1:]
    return escaped


def _actor_text(name: str) -> str:
    return _escape(" ".join(name.split()), ":;,")


def _title_text(text: str) -> str:
    """A title on one line; "&", "<" and ">" as codes too, since Mermaid reads titles as HTML."""
    return _escape(" ".join(text.split()), ";&<>")


def _description_text(line: str) -> str:
    return _escape(line.strip(), "}&<>")
