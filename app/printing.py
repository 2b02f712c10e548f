"""File › Print: the board on a printer's paper, sheet for sheet as the PDF export plans it.

The pages are the export's (exporters.pages): the same paper sizes, the board fitted on one sheet with
its title block or tiled as a poster with trim marks and margin names, drawn by the QPainter code the
export dialog's preview uses (exporters.qtpaint.draw_sheet), here on a QPrinter. What the system's print
dialog adds is the printer's: which printer, copies, a range of sheets, or its "print to file". A paper
chosen there that Touchline names (A4, A3, A2, Letter, Tabloid) is planned for afresh; any other gets the
sheets scaled to fit it, centred.

Qt's printing module is imported only here, when Print is chosen: a start never loads it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPicture
from PySide6.QtPrintSupport import QPrinter

from app.i18n import tr
from app.long_task import CancelledError
from app.problems import problem
from exporters.pages import PagePlan, PageSpec, plan_pages
from exporters.qtpaint import draw_sheet
from exporters.sheet_index import SheetIndex
from model.layout import Layout
from model.primitives import Primitive
from model.safefile import SaveError, check_target, put_in_place, write_temporary

PROGRESS_STEP = 500  # primitives drawn between two looks at the progress dialog (~0.1 s at most)

# Touchline's paper names and Qt's page sizes: the same sheets (exporters.pages.PAGE_SIZES, in points).
PAGE_IDS: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "A2": QPageSize.PageSizeId.A2,
    "Letter": QPageSize.PageSizeId.Letter, "Tabloid": QPageSize.PageSizeId.Tabloid,
}


class PrintError(Exception):
    """Nothing was printed: the printer did not take the job, or the sheets asked for are not there (in the
    window's language)."""


def printer_for(spec: PageSpec, name: str = "Touchline") -> QPrinter:
    """A printer set up for ``spec``'s paper and turn, for the system's print dialog to start from; ``name``
    (the board's) is the job's in the print queue and the file name "print to file" offers."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_IDS[spec.page]))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait if spec.portrait else QPageLayout.Orientation.Landscape)
    printer.setFullPage(True)  # the sheets have their own margins: the paper's corner is their origin
    printer.setDocName(name)
    return printer


def spec_for(printer: QPrinter, asked: PageSpec) -> PageSpec:
    """``asked`` with the paper and turn the print dialog ended on, where Touchline names that paper."""
    layout = printer.pageLayout()
    named = next((name for name, page_id in PAGE_IDS.items() if layout.pageSize().id() == page_id), None)
    if named is None:
        return asked
    return PageSpec(named, layout.orientation() == QPageLayout.Orientation.Portrait, asked.tile)


def print_board(printer: QPrinter, layout: Layout, spec: PageSpec,
                progress: Callable[[int, int], bool] | None = None) -> PagePlan:
    """Print the board on ``printer`` as the PDF export would lay out ``spec``'s pages (after the print dialog:
    its paper, its range of sheets); the plan printed, whose ``sheets`` are the sheets sent.

    ``progress(done, total)`` is told how far the drawing is (in primitives, every PROGRESS_STEP of them) and
    answers whether to go on: False aborts the job and raises CancelledError. Printed to a file (the dialog's
    "Print to file"), the sheets go to a temporary file beside it, put in its place once all are drawn: a
    cancelled or failed print leaves the file as it was (Qt's PDF writer truncates it on the first sheet and
    cannot take back the sheets written).
    """
    plan = plan_pages(layout, spec_for(printer, spec))
    count = len(plan.sheets)
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), printer.toPage() or count
    plan.sheets = plan.sheets[first - 1:last]
    if not plan.sheets:
        raise PrintError(tr("the board prints on %n sheet(s); sheets {0} to {1} were asked for", "",
                            count).format(first, last))
    target = printer.outputFileName()
    if not target:
        _draw(printer, layout, plan, progress)
        return plan
    # A file is written as every export is (model.safefile): its target checked as a save's (a folder, a
    # read-only file refused; a symbolic link followed), the sheets drawn into a new temporary file beside it
    # (made by the save's own step: a fresh name nobody planted, with the file's mode), flushed to disk and
    # renamed over it once all are drawn.
    try:
        checked = check_target(target)
        temporary = write_temporary(checked, b"")
    except SaveError as exc:
        raise PrintError(problem(exc)) from None
    printer.setOutputFileName(str(temporary))
    try:
        _draw(printer, layout, plan, progress)
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        put_in_place(checked, temporary)
    except PrintError:  # the file could not be opened: said of the file, not of a printer
        raise PrintError(tr("“{0}” could not be written").format(Path(target).name)) from None
    except SaveError as exc:
        raise PrintError(problem(exc)) from None
    except OSError as exc:
        raise PrintError(tr("“{0}” could not be written ({1})").format(Path(target).name, exc.strerror)) from None
    finally:
        temporary.unlink(missing_ok=True)
        printer.setOutputFileName(target)
    return plan


def _draw(printer: QPrinter, layout: Layout, plan: PagePlan, progress: Callable[[int, int], bool] | None) -> None:
    """Draw the plan's sheets on ``printer``, one a page; CancelledError, nothing sent, when told to stop.

    The sheets are drawn first into pictures (QPicture records the painter's commands), with the progress and
    its Cancel, and only then played onto the printer, which takes a moment and is not cancelled: Qt's
    ``QPrinter.abort`` does nothing on its PDF and CUPS engines, and ending the painter sends what was drawn,
    so a print cancelled half-way printed the sheets drawn so far.
    """
    pictures = _recorded(layout, plan, progress)
    printer.setFullPage(True)
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(tr("the printer did not take the job"))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        order = list(zip(plan.sheets, pictures, strict=True))
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:  # the print dialog's "Reverse"
            order.reverse()
        for index, (sheet, picture) in enumerate(order):
            if index:
                printer.newPage()
            # A paper Touchline does not name: the sheet scaled to fit it, centred.
            fit = min(1.0, paper.width() / sheet.width, paper.height() / sheet.height)
            painter.save()
            # Device dots a point, less the scale drawPicture adds itself (a picture is resolution independent: it
            # is played at the printer's dots per inch over its own).
            played = printer.logicalDpiX() / picture.logicalDpiX()
            painter.scale(printer.resolution() / 72.0 / played, printer.resolution() / 72.0 / played)
            painter.translate((paper.width() - sheet.width * fit) / 2, (paper.height() - sheet.height * fit) / 2)
            painter.scale(fit, fit)
            painter.setClipRect(QRectF(0, 0, sheet.width, sheet.height))
            painter.drawPicture(0, 0, picture)
            painter.restore()
    finally:
        painter.end()


def _recorded(layout: Layout, plan: PagePlan, progress: Callable[[int, int], bool] | None) -> list[QPicture]:
    """Each sheet of the plan drawn into a picture, in page points; CancelledError when ``progress`` says stop.

    A poster's sheet gets the shapes near its part of the board, as the PDF export's do (exporters.sheet_index):
    all of them, clipped, made a 40-sheet poster of 1,000 cards take 4.3 s and 124 MB of pictures (0.5 s, 11 MB).
    """
    board = list(layout.primitives())
    shown = [board] if len(plan.sheets) == 1 else []
    if not shown:
        views = [sheet.viewport for sheet in plan.sheets]
        where = SheetIndex.for_views(board, views)
        shown = [where.within(view.x, view.y, view.x + view.w, view.y + view.h) for view in views]
    total = sum(map(len, shown))
    done = 0
    stopped: list[bool] = []
    pictures: list[QPicture] = []
    for sheet, shapes in zip(plan.sheets, shown, strict=True):
        picture = QPicture()
        painter = QPainter(picture)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            draw_sheet(painter, sheet, shapes if progress is None else _told(shapes, done, total, progress, stopped))
        finally:
            painter.end()
        if stopped:
            raise CancelledError
        done += len(shapes)
        pictures.append(picture)
    return pictures


def _told(board: list[Primitive], done: int, total: int, progress: Callable[[int, int], bool],
          stopped: list[bool]) -> Iterator[Primitive]:
    """``board``'s primitives, ``progress`` told every PROGRESS_STEP of them; they end early, ``stopped`` marked,
    when it says stop (the sheet's drawing then ends as usual, its painter states restored)."""
    for start in range(0, len(board), PROGRESS_STEP):
        if not progress(done + start, total):
            stopped.append(True)
            return
        yield from board[start:start + PROGRESS_STEP]
