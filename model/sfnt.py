"""The few numbers layout needs from a TrueType/OpenType file, read with ``struct``.

Layout measures text with the bundled face's advance widths and character map. Reading
them through fontTools meant importing fontTools.ttLib (~15-25 ms) in every start and
every PDF export, which need nothing else from it. This reader gives what
``TTFont.getBestCmap()``, ``hmtx``, ``hhea`` and ``head`` give for those tables: the same
choice of character map subtable (formats 4 and 12; None for a font whose best one is
another format, which model.fonts then reads with fontTools), the same advances.
"""

from __future__ import annotations

import struct
from pathlib import Path

from model.valueclass import value_class

# fontTools' getBestCmap order: full Unicode first, then the BMP subtables.
_CMAP_PREFERENCE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


@value_class(frozen=True)
class FaceNumbers:
    """A face's character map (code point -> glyph index), advances (by glyph index) and vertical metrics."""

    units_per_em: int
    ascent: int
    descent: int  # as the hhea table has it: negative below the baseline
    cmap: dict[int, int]
    advances: list[int]
    tables: frozenset[bytes]  # the tags of the face's tables
    name: bytes | None  # the raw name table


def read_face(path: Path | str, index: int = 0) -> FaceNumbers | None:
    """The numbers of face ``index`` (of a collection; 0 for a single font), or None when its
    best character map is a format this reader does not parse.

    A table the face lacks raises KeyError, a malformed file struct.error or IndexError.
    """
    data = Path(path).read_bytes()
    tables = table_directory(data, path, index)
    head, hhea, maxp = tables[b"head"][0], tables[b"hhea"][0], tables[b"maxp"][0]
    units_per_em = struct.unpack_from(">H", data, head + 18)[0]
    ascent, descent = struct.unpack_from(">hh", data, hhea + 4)
    h_metrics = struct.unpack_from(">H", data, hhea + 34)[0]
    glyphs = struct.unpack_from(">H", data, maxp + 4)[0]
    cmap = _best_cmap(data, tables[b"cmap"][0])
    if cmap is None:
        return None
    pairs = struct.unpack_from(f">{2 * h_metrics}H", data, tables[b"hmtx"][0])
    advances = list(pairs[0::2])
    advances += [advances[-1]] * (glyphs - h_metrics)  # the rest share the last advance
    name = tables.get(b"name")
    return FaceNumbers(units_per_em, ascent, descent, cmap, advances, frozenset(tables),
                       data[name[0]:name[0] + name[1]] if name else None)


def weight_class(path: Path | str, index: int = 0) -> int | None:
    """Face ``index``'s weight as its OS/2 table gives it (400 regular, 700 bold); without that table 700 or 400
    by the head table's bold bit (as fontconfig reads such a face); None with neither.

    Read from the file's first bytes and the tables' own, not the whole file (a CJK fallback is 4-20 MB).
    """
    with open(path, "rb") as handle:
        start = _face_start(handle.read(12 + 4 * (index + 1)), path, index)
        handle.seek(start + 4)
        count = struct.unpack(">H", handle.read(2))[0]
        handle.seek(start)
        found = _tables(handle.read(12 + 16 * count), 0)
        if b"OS/2" in found:
            handle.seek(found[b"OS/2"][0] + 4)  # usWeightClass
            return int(struct.unpack(">H", handle.read(2))[0])
        if b"head" in found:
            handle.seek(found[b"head"][0] + 44)  # macStyle: bit 0 bold
            return 700 if struct.unpack(">H", handle.read(2))[0] & 1 else 400
    return None


def table_directory(data: bytes, path: Path | str, index: int = 0) -> dict[bytes, tuple[int, int]]:
    """Offset and length of face ``index``'s tables by tag, in the bytes ``data`` of the font file ``path``."""
    return _tables(data, _face_start(data, path, index))


def _face_start(data: bytes, path: Path | str, index: int) -> int:
    """Where face ``index``'s table directory starts, from the file's first bytes (a collection's header, or 0)."""
    if data[:4] == b"ttcf":  # a collection: the offsets of its faces' table directories
        return int(struct.unpack_from(">I", data, 12 + 4 * index)[0])
    if index:
        raise IndexError(f"{path} holds one face, not face {index}")
    return 0


def _tables(data: bytes, start: int) -> dict[bytes, tuple[int, int]]:
    """Offset and length of the face's tables by tag (its table directory at ``start``)."""
    count = struct.unpack_from(">H", data, start + 4)[0]
    found: dict[bytes, tuple[int, int]] = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, start + 12 + 16 * i)
        found[tag] = (offset, length)
    return found


def _best_cmap(data: bytes, cmap: int) -> dict[int, int] | None:
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        subtables.setdefault((platform, encoding), cmap + offset)
    for key in _CMAP_PREFERENCE:
        if key in subtables:
            start = subtables[key]
            fmt = struct.unpack_from(">H", data, start)[0]
            if fmt == 4:
                return _format4(data, start)
            if fmt == 12:
                return _format12(data, start)
            return None
    return {}


def _format4(data: bytes, start: int) -> dict[int, int]:
    """Segment mapping to delta values (the BMP subtable); glyph 0 (.notdef) is no mapping, as in fontTools."""
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts_at = start + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, starts_at + 2 * segments)
    range_at = starts_at + 4 * segments
    ranges = struct.unpack_from(f">{segments}H", data, range_at)
    mapping: dict[int, int] = {}
    for i in range(segments):
        first, last, delta, range_offset = starts[i], ends[i], deltas[i], ranges[i]
        if first == 0xFFFF:
            continue
        for code in range(first, last + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = range_at + 2 * i + range_offset + 2 * (code - first)
                glyph = struct.unpack_from(">H", data, at)[0]
                if glyph:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph:
                mapping[code] = glyph
    return mapping


def _format12(data: bytes, start: int) -> dict[int, int]:
    """Segmented coverage (the full Unicode subtable)."""
    groups = struct.unpack_from(">I", data, start + 12)[0]
    mapping: dict[int, int] = {}
    for i in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * i)
        for offset in range(last - first + 1):
            mapping[first + offset] = glyph + offset
    return mapping
