"""File › Print (Ctrl+P): the export's pages on a printer, here Qt's "print to file" (a PDF read back with poppler).

There was no Print command: a designer at a client's site had to export a PDF and print it from a viewer.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from app.export_dialog import ExportDialog
from app.long_task import CancelledError
from app.main_window import MainWindow
from app.printing import PrintError, print_board, printer_for
from exporters.pages import PageSpec, plan_pages
from model.layout import Layout


@pytest.fixture
def window(blueprint_window: MainWindow) -> MainWindow:
    return blueprint_window


def to_file(printer: QPrinter, path: Path) -> QPrinter:
    """What the print dialog's "Print to file" does to the printer."""
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_info(path: Path) -> dict[str, str]:
    lines = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def test_ctrl_p_prints_the_board_as_the_pdf_export_plans_its_pages(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    asked: list[bool] = []

    def ask_page_spec(printing: bool = False) -> PageSpec:
        asked.append(printing)
        return PageSpec("A4", portrait=False, tile=True)

    window.ask_page_spec = ask_page_spec  # type: ignore[method-assign,assignment]
    window.ask_printer = lambda printer: bool(to_file(printer, out))  # type: ignore[method-assign]
    assert window.print_action.shortcut().matches(Qt.Key.Key_P | Qt.KeyboardModifier.ControlModifier).name == \
        "ExactMatch"
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]
    shown = Layout(window.editor.document, legend=window.editor.legend_shown)  # as the window shows it
    expected = len(plan_pages(shown, PageSpec("A4", tile=True)).sheets)
    info = pdf_info(out)
    assert int(info["Pages"]) == expected > 1
    assert info["Page size"].startswith("842 x 595")  # A4 across
    text = pdf_text(out)
    assert window.editor.document.title.split(" — ")[0] in text
    assert "row 1 / column 1" in text and "Barista" in text
    assert window.statusBar().currentMessage() == f"Sent {expected} sheets to {out}"


def test_the_print_dialog_offers_paper_sizes_only_and_says_print(window: MainWindow) -> None:
    dialog = ExportDialog(window.editor.scene.layout, PageSpec("A3", portrait=True), window, printing=True)
    papers = [dialog.page.itemData(i) for i in range(dialog.page.count())]
    assert "fit" not in papers and "A4" in papers
    assert dialog.windowTitle() == "Print" and dialog.spec() == PageSpec("A3", portrait=True)
    assert "Print…" in [button.text() for button in dialog.findChildren(QPushButton)]
    dialog.close()


def test_a_range_of_sheets_prints_those_sheets(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "two.pdf"
    printer = to_file(printer_for(PageSpec("A4", tile=True)), out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    plan = print_board(printer, Layout(window.editor.document), PageSpec("A4", tile=True))
    assert [sheet.label for sheet in plan.sheets] == ["row 1 / column 2", "row 2 / column 1"]
    text = pdf_text(out)
    assert int(pdf_info(out)["Pages"]) == 2 and "row 1 / column 2" in text and "row 1 / column 1" not in text
    printer.setFromTo(7, 9)
    with pytest.raises(PrintError, match="prints on 4 sheets; sheets 7 to 9"):
        print_board(printer, Layout(window.editor.document), PageSpec("A4", tile=True))


def test_another_paper_chosen_in_the_print_dialog_is_planned_for(window: MainWindow, tmp_path: Path) -> None:
    """Letter chosen there is a paper Touchline names: planned for it (its title block says so); A5 is not:
    the A4 sheet is scaled onto it."""
    from PySide6.QtGui import QPageLayout, QPageSize

    letter = to_file(printer_for(PageSpec("A4", portrait=True)), tmp_path / "letter.pdf")
    letter.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    print_board(letter, Layout(window.editor.document), PageSpec("A4", portrait=True))
    assert pdf_info(tmp_path / "letter.pdf")["Page size"].startswith("612 x 792")
    assert "Letter portrait" in pdf_text(tmp_path / "letter.pdf")
    a5 = to_file(printer_for(PageSpec("A4")), tmp_path / "a5.pdf")
    a5.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    a5.setPageOrientation(QPageLayout.Orientation.Landscape)
    print_board(a5, Layout(window.editor.document), PageSpec("A4"))
    assert pdf_info(tmp_path / "a5.pdf")["Page size"].startswith("595 x 420")
    assert "A4 landscape" in pdf_text(tmp_path / "a5.pdf")  # the A4 sheet, whole, made smaller


def test_a_cancelled_print_to_a_file_leaves_the_file_as_it_was(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"an earlier print")
    told: list[tuple[int, int]] = []

    def stop_at_the_second_sheet(done: int, total: int) -> bool:
        told.append((done, total))
        return len(told) < 2

    printer = to_file(printer_for(PageSpec("A4", tile=True)), out)
    with pytest.raises(CancelledError):
        print_board(printer, Layout(window.editor.document), PageSpec("A4", tile=True), stop_at_the_second_sheet)
    assert out.read_bytes() == b"an earlier print"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf"]  # no temporary left beside it
    assert told[0][0] == 0 and told[-1][0] > 0


def test_cancel_in_the_progress_dialog_says_nothing_was_sent(window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QProgressDialog

    out = tmp_path / "never.pdf"
    window.ask_page_spec = lambda printing=False: PageSpec("A4", tile=True)  # type: ignore[method-assign,assignment]
    window.ask_printer = lambda printer: bool(to_file(printer, out))  # type: ignore[method-assign]
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert window.print_board() is False
    assert not out.exists()
    assert window.statusBar().currentMessage() == "Printing cancelled: nothing was sent to the printer"


def test_a_file_that_cannot_be_written_is_said_so_as_a_save_says_it(window: MainWindow, tmp_path: Path) -> None:
    """Printed to a file, the file is checked as a save's and an export's are: a missing folder is named, a file
    marked read-only (a handout) is refused and left as it was."""
    errors: list[tuple[str, str]] = []
    window.show_error = lambda title, text: errors.append((title, text))  # type: ignore[method-assign]
    window.ask_page_spec = lambda printing=False: PageSpec("A4")  # type: ignore[method-assign,assignment]
    missing = tmp_path / "missing" / "x.pdf"
    window.ask_printer = lambda printer: bool(to_file(printer, missing))  # type: ignore[method-assign]
    assert window.print_board() is False
    assert errors == [("Could not print", f"The board could not be printed: {missing}: the folder {missing.parent} "
                                          "does not exist.")]
    handout = tmp_path / "handout.pdf"
    handout.write_bytes(b"the handout")
    handout.chmod(0o444)
    window.ask_printer = lambda printer: bool(to_file(printer, handout))  # type: ignore[method-assign]
    assert window.print_board() is False
    assert "read-only" in errors[-1][1] and handout.read_bytes() == b"the handout"


def test_cancel_sends_nothing_to_the_printer(window: MainWindow, tmp_path: Path) -> None:
    """Qt's QPrinter.abort does nothing on its PDF and CUPS engines: the sheets drawn before Cancel were sent when
    the painter ended. The sheets are drawn aside first; Cancel there leaves the printer untouched."""
    from app import printing

    out = tmp_path / "straight.pdf"  # the printer itself, not print_board's temporary file
    printer = to_file(printer_for(PageSpec("A4", tile=True)), out)
    plan = plan_pages(Layout(window.editor.document), PageSpec("A4", tile=True))
    told: list[int] = []

    def stop_at_the_third_sheet(done: int, total: int) -> bool:
        told.append(done)
        return len(told) < 3

    with pytest.raises(CancelledError):
        printing._draw(printer, Layout(window.editor.document), plan, stop_at_the_third_sheet)
    assert not out.exists()


def test_a_link_planted_beside_the_file_is_not_followed(window: MainWindow, tmp_path: Path) -> None:
    """The temporary file had a fixed name, and Qt opens it following a symbolic link: a link planted there
    had another file overwritten with the sheets and the target turned into a link."""
    out = tmp_path / "handout.pdf"
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file", encoding="utf-8")
    victim.chmod(0o600)
    (tmp_path / ".handout.pdf.print.tmp").symlink_to(victim)
    printer = to_file(printer_for(PageSpec("A4")), out)
    print_board(printer, Layout(window.editor.document), PageSpec("A4"))
    assert victim.read_text(encoding="utf-8") == "someone else's file" and victim.stat().st_mode & 0o777 == 0o600
    assert not out.is_symlink() and out.read_bytes().startswith(b"%PDF")


def test_reverse_order_prints_the_last_sheet_first(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "reversed.pdf"
    printer = to_file(printer_for(PageSpec("A4", tile=True)), out)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    plan = print_board(printer, Layout(window.editor.document), PageSpec("A4", tile=True))
    first_page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], check=True, capture_output=True,
                                text=True).stdout
    assert plan.sheets[-1].label in first_page and plan.sheets[0].label not in first_page


def test_the_print_job_is_named_for_the_board(window: MainWindow, tmp_path: Path) -> None:
    names: list[str] = []

    def ask_printer(printer: QPrinter) -> bool:
        names.append(printer.docName())
        return False  # the print dialog cancelled

    window.ask_page_spec = lambda printing=False: PageSpec("A4")  # type: ignore[method-assign,assignment]
    window.ask_printer = ask_printer  # type: ignore[method-assign]
    assert window.print_board() is False
    assert names == ["coffee-shop-blueprint"]
