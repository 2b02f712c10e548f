"""Bundled line icons (Lucide, ISC licence) as layout path commands.

resources/icons/lucide.json holds the SVG elements of the few icons Touchline draws,
copied unchanged from the icon set (licence beside it). They are turned into M/L/C/Z
path commands here, once, so every renderer draws them through the ordinary Path
primitive: SVG arcs become cubic curves, circles and rounded rectangles become paths.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache

from model.fonts import RESOURCES
from model.primitives import Path, PathCommand

ICON_FILE = RESOURCES / "icons" / "lucide.json"
GRID = 24.0  # the icon set's view box
KAPPA = 0.5522847498

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@cache
def _bundle() -> dict[str, list[list[object]]]:
    data = json.loads(ICON_FILE.read_text(encoding="utf-8"))
    icons: dict[str, list[list[object]]] = data["icons"]
    return icons


def icon_names() -> tuple[str, ...]:
    """The names of the bundled icons."""
    return tuple(sorted(_bundle()))


@cache
def icon_commands(name: str) -> tuple[PathCommand, ...]:
    """One icon as absolute path commands in its 24-unit grid; KeyError for an unknown name."""
    commands: list[PathCommand] = []
    for tag, attrs in _bundle()[name]:
        a = {str(k): str(v) for k, v in attrs.items()}  # type: ignore[attr-defined]
        if tag == "path":
            commands += parse_svg_path(a["d"])
        elif tag == "circle":
            commands += _ellipse(float(a["cx"]), float(a["cy"]), float(a["r"]), float(a["r"]))
        elif tag == "rect":
            commands += _rect(float(a.get("x", 0)), float(a.get("y", 0)), float(a["width"]), float(a["height"]),
                              float(a.get("rx", a.get("ry", 0))))
        elif tag == "line":
            commands += [("M", float(a["x1"]), float(a["y1"])), ("L", float(a["x2"]), float(a["y2"]))]
        elif tag in ("polyline", "polygon"):
            values = [float(v) for v in _NUMBER.findall(a["points"])]
            points = list(zip(values[::2], values[1::2], strict=True))
            commands.append(("M", *points[0]))
            commands += [("L", *p) for p in points[1:]]
            if tag == "polygon":
                commands.append(("Z",))
        else:
            raise ValueError(f"icon {name}: unsupported element <{tag}>")
    return tuple(commands)


def icon_path(name: str, x: float, y: float, size: float, color: str) -> Path:
    """The icon ``name`` drawn in a ``size`` px square whose top-left corner is (x, y)."""
    scale = size / GRID
    placed: list[PathCommand] = []
    for command in icon_commands(name):
        op, *coords = command
        moved = [round((float(c) * scale) + (y if i % 2 else x), 3) for i, c in enumerate(coords)]  # type: ignore[arg-type]
        placed.append((op, *moved))
    # The set's 2-unit stroke, scaled; never exactly 1 so the canvas does not make it a
    # cosmetic hairline that stays thin when zoomed in.
    width = max(1.25, round(2 * scale * 4) / 4)
    return Path(tuple(placed), stroke=color, width=width, round=True)


# ------------------------------------------------------------------ SVG geometry
def _ellipse(cx: float, cy: float, rx: float, ry: float) -> list[PathCommand]:
    kx, ky = rx * KAPPA, ry * KAPPA
    return [
        ("M", cx + rx, cy),
        ("C", cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
        ("C", cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
        ("C", cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
        ("C", cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy),
        ("Z",),
    ]


def _rect(x: float, y: float, w: float, h: float, r: float) -> list[PathCommand]:
    r = min(r, w / 2, h / 2)
    if r <= 0:
        return [("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)]
    k = r * (1 - KAPPA)
    x2, y2 = x + w, y + h
    return [
        ("M", x + r, y), ("L", x2 - r, y), ("C", x2 - k, y, x2, y + k, x2, y + r),
        ("L", x2, y2 - r), ("C", x2, y2 - k, x2 - k, y2, x2 - r, y2),
        ("L", x + r, y2), ("C", x + k, y2, x, y2 - k, x, y2 - r),
        ("L", x, y + r), ("C", x, y + k, x + k, y, x + r, y), ("Z",),
    ]


def _tokens(d: str) -> list[str]:
    """Tokens of a path's data; arc flags may be written without separators ("a5 5 0 00-3 1")."""
    out: list[str] = []
    pos = 0
    arc_index = -1  # position inside an arc's seven arguments, -1 outside an arc
    while pos < len(d):
        ch = d[pos]
        if ch in " ,\t\n\r":
            pos += 1
            continue
        if ch.isalpha():
            out.append(ch)
            arc_index = 0 if ch in "Aa" else -1
            pos += 1
            continue
        if arc_index in (3, 4):  # a flag: exactly one character
            out.append(ch)
            pos += 1
        else:
            match = _NUMBER.match(d, pos)
            if match is None:
                raise ValueError(f"bad path data near {d[pos:pos + 10]!r}")
            out.append(match.group())
            pos = match.end()
        if arc_index >= 0:
            arc_index = (arc_index + 1) % 7
    return out


def parse_svg_path(d: str) -> list[PathCommand]:
    """SVG path data as absolute M/L/C/Z commands (H, V, S, Q, T and A converted)."""
    tokens = _tokens(d)
    commands: list[PathCommand] = []
    i = 0
    op = ""
    x = y = sx = sy = 0.0
    last_ctrl: tuple[float, float] | None = None
    last_quad: tuple[float, float] | None = None

    def num() -> float:
        nonlocal i
        value = float(tokens[i])
        i += 1
        return value

    while i < len(tokens):
        if tokens[i].isalpha():
            op = tokens[i]
            i += 1
            if op in "Zz":
                commands.append(("Z",))
                x, y = sx, sy
                last_ctrl = last_quad = None
                continue
        rel = op.islower()
        o = op.upper()
        ox, oy = (x, y) if rel else (0.0, 0.0)
        ctrl: tuple[float, float] | None = None
        quad: tuple[float, float] | None = None
        if o == "M":
            x, y = num() + ox, num() + oy
            sx, sy = x, y
            commands.append(("M", x, y))
            op = "l" if rel else "L"  # further pairs are line-tos
        elif o == "L":
            x, y = num() + ox, num() + oy
            commands.append(("L", x, y))
        elif o == "H":
            x = num() + (ox if rel else 0.0)
            commands.append(("L", x, y))
        elif o == "V":
            y = num() + (oy if rel else 0.0)
            commands.append(("L", x, y))
        elif o in "CS":
            if o == "C":
                x1, y1 = num() + ox, num() + oy
            else:
                x1, y1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
            x2, y2 = num() + ox, num() + oy
            x, y = num() + ox, num() + oy
            commands.append(("C", x1, y1, x2, y2, x, y))
            ctrl = (x2, y2)
        elif o in "QT":
            if o == "Q":
                qx, qy = num() + ox, num() + oy
            else:
                qx, qy = (2 * x - last_quad[0], 2 * y - last_quad[1]) if last_quad else (x, y)
            ex, ey = num() + ox, num() + oy
            commands.append(("C", x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y),
                             ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey), ex, ey))
            x, y = ex, ey
            quad = (qx, qy)
        elif o == "A":
            rx, ry, angle = num(), num(), num()
            large, sweep = num() != 0, num() != 0
            ex, ey = num() + ox, num() + oy
            commands += _arc(x, y, rx, ry, angle, large, sweep, ex, ey)
            x, y = ex, ey
        else:
            raise ValueError(f"unknown path command {op!r}")
        last_ctrl, last_quad = ctrl, quad
    return commands


def _arc(x1: float, y1: float, rx: float, ry: float, angle: float, large: bool, sweep: bool,
         x2: float, y2: float) -> list[PathCommand]:
    """An SVG elliptical arc as cubic curves (SVG 1.1, appendix F.6, endpoint to centre)."""
    if (x1, y1) == (x2, y2):
        return []
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0:
        return [("L", x2, y2)]
    phi = math.radians(angle)
    cos_p, sin_p = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p, y1p = cos_p * dx + sin_p * dy, -sin_p * dx + cos_p * dy
    lam = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if lam > 1:
        rx, ry = rx * math.sqrt(lam), ry * math.sqrt(lam)
    num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    coef = math.sqrt(max(0.0, num / den)) * (-1 if large == sweep else 1)
    cxp, cyp = coef * rx * y1p / ry, -coef * ry * x1p / rx
    cx = cos_p * cxp - sin_p * cyp + (x1 + x2) / 2
    cy = sin_p * cxp + cos_p * cyp + (y1 + y2) / 2

    def angle_of(ux: float, uy: float, vx: float, vy: float) -> float:
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    theta = angle_of(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry)
    delta = angle_of((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry)
    if not sweep and delta > 0:
        delta -= 2 * math.pi
    elif sweep and delta < 0:
        delta += 2 * math.pi
    pieces = max(1, math.ceil(abs(delta) / (math.pi / 2) - 1e-9))
    step = delta / pieces
    t = 4 / 3 * math.tan(step / 4)
    out: list[PathCommand] = []

    def point(a: float) -> tuple[float, float]:
        px, py = rx * math.cos(a), ry * math.sin(a)
        return cx + cos_p * px - sin_p * py, cy + sin_p * px + cos_p * py

    def tangent(a: float) -> tuple[float, float]:
        px, py = -rx * math.sin(a), ry * math.cos(a)
        return cos_p * px - sin_p * py, sin_p * px + cos_p * py

    a0 = theta
    for _ in range(pieces):
        a1 = a0 + step
        p0, p1 = point(a0), point(a1)
        d0, d1 = tangent(a0), tangent(a1)
        out.append(("C", p0[0] + t * d0[0], p0[1] + t * d0[1], p1[0] - t * d1[0], p1[1] - t * d1[1], *p1))
        a0 = a1
    last = out[-1]
    out[-1] = (*last[:5], x2, y2)  # land exactly on the end point
    return out
