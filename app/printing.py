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
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.i18n import tr
from app.long_task import CancelledError
from app.problems import problem
from exporters.pages import PagePlan, PageSpec, plan_pages
from exporters.qtpaint import draw_sheet
from model.layout import Layout
from model.primitives import Primitive
from model.safefile import TEMP_SUFFIX, SaveError, check_target, put_in_place, temp_prefix

PROGRESS_STEP = 500  # primitives drawn between two looks at the progress dialog (~0.1 s at most)

# Touchline's paper names and Qt's page sizes: the same sheets (exporters.pages.PAGE_SIZES, in points).
PAGE_IDS: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "A2": QPageSize.PageSizeId.A2,
    "Letter": QPageSize.PageSizeId.Letter, "Tabloid": QPageSize.PageSizeId.Tabloid,
}


class PrintError(Exception):
    """Nothing was printed: the printer did not take the job, or the sheets asked for are not there (in the
    window's language)."""


def printer_for(spec: PageSpec) -> QPrinter:
    """A printer set up for ``spec``'s paper and turn, for the system's print dialog to start from."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_IDS[spec.page]))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait if spec.portrait else QPageLayout.Orientation.Landscape)
    printer.setFullPage(True)  # the sheets have their own margins: the paper's corner is their origin
    printer.setDocName(spec.page)
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
    # read-only file refused; a symbolic link followed), the sheets drawn into a temporary file beside it, that
    # file renamed over it once all are drawn.
    try:
        checked = check_target(target)
    except SaveError as exc:
        raise PrintError(problem(exc)) from None
    temporary = checked.folder / (temp_prefix(checked.path) + "print" + TEMP_SUFFIX)
    printer.setOutputFileName(str(temporary))
    try:
        _draw(printer, layout, plan, progress)
        os.chmod(temporary, checked.mode)
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
    """Draw the plan's sheets on ``printer``, one a page; CancelledError (the job aborted) when told to stop."""
    printer.setFullPage(True)
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    dots_per_point = printer.resolution() / 72.0
    board = list(layout.primitives())
    total = len(board) * len(plan.sheets)
    stopped: list[bool] = []
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(tr("the printer did not take the job"))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for index, sheet in enumerate(plan.sheets):
            if index:
                printer.newPage()
            # A paper Touchline does not name: the sheet scaled to fit it, centred.
            fit = min(1.0, paper.width() / sheet.width, paper.height() / sheet.height)
            painter.save()
            painter.scale(dots_per_point, dots_per_point)
            painter.translate((paper.width() - sheet.width * fit) / 2, (paper.height() - sheet.height * fit) / 2)
            painter.scale(fit, fit)
            painter.setClipRect(QRectF(0, 0, sheet.width, sheet.height))
            shapes = board if progress is None else _told(board, index * len(board), total, progress, stopped)
            draw_sheet(painter, sheet, shapes)
            painter.restore()
            if stopped:
                printer.abort()
                raise CancelledError
    finally:
        painter.end()


def _told(board: list[Primitive], done: int, total: int, progress: Callable[[int, int], bool],
          stopped: list[bool]) -> Iterator[Primitive]:
    """``board``'s primitives, ``progress`` told every PROGRESS_STEP of them; they end early, ``stopped`` marked,
    when it says stop (the sheet's drawing then ends as usual, its painter states restored)."""
    for start in range(0, len(board), PROGRESS_STEP):
        if not progress(done + start, total):
            stopped.append(True)
            return
        yield from board[start:start + PROGRESS_STEP]
