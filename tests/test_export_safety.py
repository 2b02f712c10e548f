"""Exports are safe (issue 6, promise 7).

No user text breaks out of its element in an SVG: markup, event attributes, CDATA ends,
processing instructions, entities and control characters all stay character data of a
``<text>`` (or ``<title>``/``<desc>``). A failed export writes nothing at the target path:
no file, no partial file, no temporary file.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import exporters.pdf
import exporters.svg
from exporters import export
from exporters.common import write_atomic
from exporters.svg import render_svg
from model import Card, Document, Lane, Link, Persona, Stage
from model.layout import Layout
from model.safefile import SaveError

SVG_NS = "{http://www.w3.org/2000/svg}"
PAYLOADS = [
    "</text><script>alert(1)</script><text>",
    '" onload="alert(2)" x="',
    "' onmouseover='alert(3)'",
    "]]><script>alert(4)</script><![CDATA[",
    "<?xml-stylesheet href='http://evil.example/x.xsl'?>",
    '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;',
    "<foreignObject><iframe src='javascript:alert(5)'/></foreignObject>",
    "<a xlink:href='javascript:alert(6)'>x</a>",
    "bell\x07 nul\x00 esc\x1b vt\x0b ff\x0c del\x7f nel\x85 bom\ufeff nonchar\ufffe",
    "&amp; &lt; &#x3C;script&#x3E; %s {0}",
]


def hostile_document() -> Document:
    """Every place that takes user text holds an attack."""
    doc = Document(PAYLOADS[0], description=PAYLOADS[1])
    doc.set_personas([Persona("p1", PAYLOADS[2], role=PAYLOADS[3], quote=PAYLOADS[4])])
    doc.add_stage(Stage("s1", PAYLOADS[5], metrics={PAYLOADS[6]: 1}))
    doc.add_stage(Stage("s2", PAYLOADS[8]))
    doc.add_lane(Lane("l1", PAYLOADS[7], "customer"))
    doc.add_lane(Lane("l2", PAYLOADS[9], "emotion"))
    for i, text in enumerate(PAYLOADS):
        doc.add_card(Card(f"c{i}", "l1" if i % 2 else "l2", "s1" if i < 5 else "s2", text, wait=text[:30],
                          channel="web", tags=[text], notes=text, persona="p1", fail=True,
                          score=1 if i % 2 == 0 else None))
    doc.add_link(Link("k1", "c0", "c1", label=PAYLOADS[3]))
    doc.add_link(Link("k2", "c2", "c3", label=PAYLOADS[1], kind="depends"))
    return doc


@pytest.fixture(scope="module")
def svg_text() -> str:
    return render_svg(Layout(hostile_document()))


def test_svg_parses_and_has_no_active_content(svg_text: str) -> None:
    root = ET.fromstring(svg_text)  # well-formed, or this raises
    assert root.tag == f"{SVG_NS}svg"
    ids = {element.get("id") for element in root.iter()} - {None}
    uses = 0
    for element in root.iter():
        local = element.tag.split("}")[-1]
        assert local not in ("script", "foreignObject", "iframe", "a", "image", "style"), local
        for name, value in element.attrib.items():
            assert not name.split("}")[-1].lower().startswith("on"), f"event attribute {name}={value!r}"
            assert "javascript:" not in value.lower()
            assert "url(" not in value
            if name.split("}")[-1] == "href":  # only the glyph outlines of this file's <defs>
                assert local == "use" and value.startswith("#") and value[1:] in ids, f"{local} {name}={value!r}"
                uses += 1
    assert uses > 0  # the text is drawn as glyph outlines
    assert "<!DOCTYPE" not in svg_text and "<!ENTITY" not in svg_text and "<![CDATA[" not in svg_text
    assert "<?xml-stylesheet" not in svg_text and svg_text.count("<?") == 1  # only the XML declaration


def test_svg_holds_no_character_xml_forbids(svg_text: str) -> None:
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", svg_text)


def test_user_text_stays_character_data_of_text_elements(svg_text: str) -> None:
    root = ET.fromstring(svg_text)
    texts = {el.tag.split("}")[-1]: [] for el in root.iter()}  # type: dict[str, list[str]]
    for element in root.iter():
        texts[element.tag.split("}")[-1]].append(element.text or "")
    drawn = " ".join(texts.get("text", []))
    # The attacks are there, as text: the layout wraps lines, so look for pieces of each.
    for piece in ["<script>alert(1)</script>", 'onload="alert(2)"', "]]><script>alert(4)", "&xxe;",
                  "<foreignObject>", "&amp; &lt; &#x3C;script&#x3E;"]:
        assert piece in drawn or any(piece in t for t in texts.get("title", []) + texts.get("desc", [])), piece
    assert texts.get("title") == ["</text><script>alert(1)</script><text>"]
    assert texts.get("desc") == ['" onload="alert(2)" x="']


def test_exported_svg_file_passes_the_external_checkers(tmp_path: Path) -> None:
    target = tmp_path / "hostile.svg"
    export(hostile_document(), target)
    data = target.read_text(encoding="utf-8")
    ET.fromstring(data)
    if shutil.which("xmllint"):
        result = subprocess.run(["xmllint", "--noout", "--nonet", str(target)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    if shutil.which("rsvg-convert"):
        result = subprocess.run(["rsvg-convert", "-o", str(tmp_path / "hostile.png"), str(target)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------- failed exports
def _boom(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("renderer failed half-way")


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_a_raising_renderer_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    monkeypatch.setattr(exporters.svg, "_element", _boom)
    monkeypatch.setattr(exporters.pdf._PdfPainter, "draw", _boom)
    target = tmp_path / f"new{suffix}"
    with pytest.raises(RuntimeError, match="half-way"):
        export(hostile_document(), target)
    assert list(tmp_path.iterdir()) == [], "no file and no temporary file"


def test_a_full_disk_during_the_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "old.svg"
    old.write_bytes(b"<svg/>")
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    for target in (tmp_path / "new.svg", old):
        with pytest.raises(OSError, match="the disk is full"):
            export(hostile_document(), target)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.svg"]
    assert old.read_bytes() == b"<svg/>"


def test_write_atomic_interrupted_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even Ctrl+C between writing and renaming leaves no temporary file."""

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "x.svg", b"data")
    assert list(tmp_path.iterdir()) == []


def test_drawio_export_keeps_user_text_as_data() -> None:
    """draw.io files are XML too, and their labels are HTML for draw.io: nothing may turn active."""
    from exporters.drawio import render_drawio

    data = render_drawio(hostile_document())
    root = ET.fromstring(data)
    for element in root.iter():
        assert element.tag.lower() not in ("script", "foreignobject", "iframe")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            if name == "value":  # draw.io renders a cell's value as HTML when html=1
                assert "<script" not in value.lower() and "<iframe" not in value.lower(), value
    assert not re.search(b"[\x00-\x08\x0b\x0c\x0e-\x1f]", data)


def test_an_export_through_a_symbolic_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    """Replaced by a rename, the link became a file of its own and the shared handout kept the old board."""
    shared = tmp_path / "shared"
    shared.mkdir()
    handout = shared / "handout.svg"
    handout.write_bytes(b"old")
    link = tmp_path / "handout.svg"
    link.symlink_to(handout)
    write_atomic(link, b"new")
    assert link.is_symlink() and handout.read_bytes() == b"new"


def test_an_export_leaves_a_file_marked_read_only_as_it_was(tmp_path: Path) -> None:
    """The editor's export (through write_atomic) replaced a 0444 handout, run as root; the command line and a
    save refuse it."""
    handout = tmp_path / "handout.pdf"
    handout.write_bytes(b"the printed version")
    handout.chmod(0o444)
    with pytest.raises(SaveError, match="the file is read-only; it was not changed"):
        write_atomic(handout, b"new")
    assert handout.read_bytes() == b"the printed version" and handout.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]


# ---------------------------------------------------------------------- written as a save is
def test_an_export_over_a_folder_is_refused_as_a_save_is(tmp_path: Path) -> None:
    """An export rendered the board, renamed its temporary file over the folder and said "cannot write: Is a
    directory"; a save says "is a folder" before it writes anything."""
    folder = tmp_path / "board.svg"
    folder.mkdir()
    with pytest.raises(SaveError) as info:
        write_atomic(folder, b"new")
    assert str(info.value) == f"{folder}: is a folder"
    assert list(tmp_path.iterdir()) == [folder] and list(folder.iterdir()) == []


def test_a_full_disk_when_the_temporary_file_is_made_is_called_full(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An export called every failure to create its temporary file "cannot create a file in the folder", a full
    disk included; a save says the disk is full, and so does an export now."""
    import tempfile

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile, "mkstemp", full)
    target = tmp_path / "board.pdf"
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert str(info.value) == (f"{target}: cannot write: the disk is full (no space left on device); "
                               "the file on disk was not changed")
    assert list(tmp_path.iterdir()) == []


def test_an_export_removes_what_a_killed_export_of_the_same_file_left(tmp_path: Path) -> None:
    """As a save: a temporary file a killed export left beside its target goes with the next export there (the
    editor's exports left theirs for good), and only its own."""
    from model.safefile import temp_prefix

    target = tmp_path / "board.svg"
    left = tmp_path / f"{temp_prefix(target)}deadbeef.tmp"
    other = tmp_path / f"{temp_prefix(tmp_path / 'other.svg')}deadbeef.tmp"
    for stale in (left, other):
        stale.write_bytes(b"half")
    write_atomic(target, [b"<svg>", b"</svg>"])
    assert target.read_bytes() == b"<svg></svg>"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["board.svg", other.name])
