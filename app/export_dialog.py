"""File › Export › PDF: paper size, orientation and tiling, with a live preview of the pages.

The preview draws the page plan (exporters.pages) with the canvas's QPainter code: the
same sheets, transforms, title block and trim marks the PDF will have. The dialog is
built and driven without exec() in tests; MainWindow.ask_page_spec runs it modally.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale, QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.chrome_palette import WARNING_INKS, ink_on
from app.i18n import QT_TRANSLATE_NOOP, tr
from exporters.common import ShortenedCardsWarning
from exporters.pages import (
    MIN_TEXT_PT,
    MM,
    PAGES,
    PagePlan,
    PageSpec,
    SmallTextWarning,
    plan_pages,
)
from exporters.qtpaint import draw_sheet
from model import style as st
from model.cardshape import MAX_LINES
from model.glyphs import NAMED_CHARS, REPLACEMENT, MissingGlyphsWarning, named_characters
from model.layout import Layout

PREVIEW_W, PREVIEW_H = 520, 340
GAP = 8.0  # between sheets in the preview, in preview px
PAGE_LABELS = {"fit": QT_TRANSLATE_NOOP("", "Fit: one page the size of the board"), "A4": "A4", "A3": "A3", "A2": "A2",
               "Letter": "Letter", "Tabloid": QT_TRANSLATE_NOOP("", "Tabloid (11 × 17 in)")}  # tr() where shown


class ExportDialog(QDialog):
    """Choose a paper size, orientation and tiling; see the pages before writing the PDF."""

    def __init__(self, layout: Layout, spec: PageSpec | None = None, parent: QWidget | None = None,
                 printing: bool = False) -> None:
        """``printing``: File › Print's pages (app/printing.py): a paper size only, and Print… goes on to the
        system's print dialog."""
        super().__init__(parent)
        title = tr("Print") if printing else tr("Export PDF")
        self.setWindowTitle(title)
        # Named for screen readers (the main window's controls are, app/accessibility.py; this dialog was not):
        # the paper box read out only the paper chosen, the preview nothing at all.
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            tr("Paper size, orientation and tiling of the printed sheets, with a preview of them") if printing
            else tr("Paper size, orientation and tiling of the PDF, with a preview of its pages"))
        self.layout_ = layout
        self.page = QComboBox()
        for page in PAGES:
            if not (printing and page == "fit"):  # a printer's paper has a size
                self.page.addItem(tr(PAGE_LABELS[page]), page)
        self.page.setAccessibleName(tr("Paper"))
        self.page.setAccessibleDescription(tr("The paper size of the PDF, or one page the size of the board"))
        self.portrait = QCheckBox(tr("Portrait"))
        self.portrait.setAccessibleDescription(tr("Print the sheets upright instead of across (with a paper size)"))
        self.tile = QCheckBox(tr("Tile across several pages (readable poster: card text 9–10 pt)"))
        self.tile.setAccessibleDescription(tr("Print the board as a poster over as many sheets as it takes "
                                              "(with a paper size)"))
        self.summary = QLabel()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        ink_on(self.warning, WARNING_INKS)
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #CBD5E1")
        self.preview.setAccessibleName(tr("Preview of the pages"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok, cancel = buttons.button(QDialogButtonBox.StandardButton.Ok), buttons.button(
            QDialogButtonBox.StandardButton.Cancel)
        ok.setText(tr("Print…") if printing else tr("Export…"))
        ok.setAccessibleDescription(tr("Choose the printer") if printing else tr("Choose where to write the PDF"))
        cancel.setAccessibleDescription(tr("Close without printing") if printing else tr("Close without exporting"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Paper"), self.page)
        form.addRow("", self.portrait)
        form.addRow("", self.tile)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.preview)
        box.addWidget(self.summary)
        box.addWidget(self.warning)
        box.addWidget(buttons)
        spec = spec or PageSpec()
        self.page.setCurrentIndex(max(0, self.page.findData(spec.page)))
        self.portrait.setChecked(spec.portrait)
        self.tile.setChecked(spec.tile)
        self.plan: PagePlan | None = None
        self._paper = spec.page
        self.page.currentIndexChanged.connect(self._paper_chosen)
        self.portrait.toggled.connect(self.update_preview)
        self.tile.toggled.connect(self.update_preview)
        self.update_preview()

    def _paper_chosen(self) -> None:
        """A paper size chosen after Fit: turned the way the board is (a journey map taller than wide printed
        across A4 landscape at 30 %, half the sheet empty); a size changed for another keeps the turn chosen."""
        paper = str(self.page.currentData())
        if self._paper == "fit" and paper != "fit":
            with QSignalBlocker(self.portrait):
                self.portrait.setChecked(self.layout_.height > self.layout_.width)
        self._paper = paper
        self.update_preview()

    def spec(self) -> PageSpec:
        """What the controls say; portrait and tiling only with a paper size."""
        page = str(self.page.currentData())
        named = page != "fit"
        return PageSpec(page, self.portrait.isChecked() and named, self.tile.isChecked() and named)

    def update_preview(self) -> None:
        """Plan the pages again and draw them side by side, scaled to the preview."""
        named = self.page.currentData() != "fit"
        self.portrait.setEnabled(named)
        self.tile.setEnabled(named)
        plan = plan_pages(self.layout_, self.spec())
        self.plan = plan
        self.summary.setText(summary(plan))
        self.preview.setAccessibleDescription(self.summary.text())  # what the picture shows, in words
        self.warning.setText("\n".join(map(in_the_window, plan.warnings)))
        self.warning.setVisible(bool(plan.warnings))
        # At the screen's resolution: made at 1x, the preview was blown up and soft on a 2x screen.
        ratio = self.preview.devicePixelRatioF()
        self.preview.setPixmap(QPixmap.fromImage(preview_image(self.layout_, plan, ratio=ratio)))


def in_the_window(warning: str) -> str:
    """An export's warning as the window says it, in the window's language, made from the figures the
    warning carries: the page plan's advice names the command line's flag, which here is a box to tick."""
    if isinstance(warning, SmallTextWarning):
        said = tr("card text is {0} pt on one {1} page (under {2} pt); tick “Tile across several pages” to print "
                  "a readable poster").format(_points(warning.text_pt), warning.page, f"{MIN_TEXT_PT:g}")
        if warning.turned_pt is not None:
            turn = tr("unticking Portrait gives {0} pt") if warning.portrait else tr("ticking Portrait gives {0} pt")
            said += "; " + turn.format(_points(warning.turned_pt))
        return said
    if isinstance(warning, ShortenedCardsWarning):
        return tr("%n card(s) longer than {0} lines end in an ellipsis; the full text is the card's tooltip "
                  "(a PDF prints it on a page of its own)", "", warning.cards).format(MAX_LINES)
    if isinstance(warning, MissingGlyphsWarning):
        named = named_characters(warning.chars)
        if len(warning.chars) > NAMED_CHARS:
            named = tr("{0} and %n more", "", len(warning.chars) - NAMED_CHARS).format(named)
        return tr("no installed font can draw {0}; drawn as {1} boxes").format(named, REPLACEMENT)
    return warning


def summary(plan: PagePlan) -> str:
    """One line describing the plan in the window's language (the command line's, ``sheets_summary``, is English)."""
    first = plan.sheets[0]
    locale = QLocale()
    return tr("%n page(s) of {0} × {1} mm, board at {2} % (card text {3} pt)", "", len(plan.sheets)).format(
        locale.toString(round(first.width / MM)), locale.toString(round(first.height / MM)),
        locale.toString(math.floor(plan.scale * 100 + 0.5)), _points(st.CARD_SIZE * plan.scale))


def _points(size: float) -> str:
    """A text size in pt, to a tenth, the way the interface's language writes numbers (3.5 or 3,5)."""
    return QLocale().toString(size, "f", 1)


def preview_image(layout: Layout, plan: PagePlan, width: int = PREVIEW_W, height: int = PREVIEW_H,
                  ratio: float = 1.0) -> QImage:
    """The plan's sheets in a grid (tiles in their rows and columns), scaled to fit ``width`` x ``height`` (px of
    ``ratio`` x ``ratio`` device pixels each)."""
    columns = len({s.viewport.x for s in plan.sheets}) if plan.spec.tile else 1
    rows = math.ceil(len(plan.sheets) / columns)
    sheet_w, sheet_h = plan.sheets[0].width, plan.sheets[0].height
    total_w = columns * sheet_w + (columns - 1) * GAP
    total_h = rows * sheet_h + (rows - 1) * GAP
    scale = min((width - 2 * GAP) / total_w, (height - 2 * GAP) / total_h)
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#CBD5E1"))
    board = list(layout.primitives())
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        left = (width - total_w * scale) / 2
        top = (height - total_h * scale) / 2
        for index, sheet in enumerate(plan.sheets):
            row, column = divmod(index, columns)
            painter.save()
            painter.translate(left + column * (sheet_w + GAP) * scale, top + row * (sheet_h + GAP) * scale)
            painter.scale(scale, scale)
            painter.setClipRect(QRectF(0, 0, sheet.width, sheet.height))
            draw_sheet(painter, sheet, board)
            painter.restore()
    finally:
        painter.end()
    return image
