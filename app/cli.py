"""The ``touchline`` command (cli.md): open the editor, or run one headless sub-command.

Every sub-command calls ``model`` and ``exporters`` directly. Nothing here imports Qt at
module level: only the editor (``app.gui``) and the PNG exporter bring PySide6 in, and
both are imported when they are needed, so ``export`` to SVG or PDF, ``validate``,
``new`` and ``import`` run with no display and no QApplication.

Errors follow one contract: exit status 2, a single line
``touchline: error: <file>: <what and where>`` on standard error, no traceback, no
output file written and every existing file left as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from model.bulk import collector_paused
from model.safefile import CheckedTarget, SaveError, check_target  # loaded with model.bulk's package anyway

if TYPE_CHECKING:
    from model.document import Document

PROG = "touchline"
COMMANDS = ("new", "export", "validate", "import")
TEMPLATE_KINDS = ("blueprint", "journey")
PAGES = ("A4", "A3", "A2", "Letter", "Tabloid", "fit")
DPI_RANGE = (96, 600)
EXPORT_SUFFIXES = (".svg", ".pdf", ".png", ".drawio", ".mmd", ".mermaid", ".csv")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class CommandError(Exception):
    """A failure reported as ``touchline: error: <file>: <message>`` with exit status 2."""

    def __init__(self, file: str | os.PathLike[str], message: str) -> None:
        super().__init__(f"{os.fspath(file)}: {message}")
        self.file = os.fspath(file)
        self.message = message


class _UsageError(Exception):
    """argparse rejected the command line; the message is already one line."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become one line instead of usage plus message."""

    def error(self, message: str) -> NoReturn:
        # "touchline: error: export: ..." (the program's name once, the sub-command where a file goes).
        command = self.prog.removeprefix(PROG).strip()
        raise _UsageError(f"{command + ': ' if command else ''}{message} (see {self.prog} --help)")


def _page(value: str) -> str:
    """``--page`` is case-insensitive: a4, A4 and Fit are all accepted."""
    for page in PAGES:
        if value.lower() == page.lower():
            return page
    raise argparse.ArgumentTypeError(f"invalid page {value!r} (choose from {', '.join(PAGES)})")


def _dpi(value: str) -> int:
    try:
        dpi = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid dpi {value!r} (a whole number)") from None
    low, high = DPI_RANGE
    if not low <= dpi <= high:
        raise argparse.ArgumentTypeError(f"dpi {dpi} is outside {low}…{high}")
    return dpi


def build_parser() -> argparse.ArgumentParser:
    """The parser of the sub-commands (``touchline [FILE]`` is handled before it)."""
    parser = _Parser(
        prog=PROG,
        description="Customer journey maps and service blueprints. With no command, opens the editor.",
        epilog="touchline [FILE] opens the editor, on FILE if given; touchline --present FILE [--screen N] "
               "presents FILE full screen (on screen N, counted from 1).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    new = sub.add_parser("new", help="write a new document from a bundled template")
    new.add_argument("kind", choices=TEMPLATE_KINDS, help="the template")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help="the document to write")

    export = sub.add_parser("export", help="render a document to .svg, .pdf, .png, .drawio, .mmd or .csv "
                                           "(by OUT's suffix)")
    export.add_argument("file", metavar="FILE", help="the document to render")
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    export.add_argument("--page", type=_page, default="fit", metavar="{" + ",".join(PAGES) + "}",
                        help="paper size, or fit: one page the size of the board (default)")
    export.add_argument("--portrait", action="store_true", help="portrait paper (landscape by default)")
    export.add_argument("--tile", action="store_true", help="spread the board over several pages")
    export.add_argument("--dpi", type=_dpi, metavar="N",
                        help=f"resolution of a PNG, {DPI_RANGE[0]}…{DPI_RANGE[1]} (default 96: one pixel per board "
                             "pixel; ignored for .svg and .pdf)")
    export.add_argument("--legend", action="store_true",
                        help="draw the legend under the board (.svg, .pdf and .png)")
    export.add_argument("--theme", choices=("light", "dark"), default="light",
                        help="colours of a picture (.svg, .pdf and .png); light by default")

    validate = sub.add_parser("validate", help="load a document and print the structural findings")
    validate.add_argument("file", metavar="FILE", help="the document to check")
    validate.add_argument("--json", action="store_true", help="print the findings as JSON")

    importer = sub.add_parser("import", help="convert a Mermaid journey or a CSV table into a document")
    importer.add_argument("source", metavar="SRC", help="a .mmd, .mermaid or .csv file")
    importer.add_argument("-o", "--output", required=True, metavar="FILE", help="the document to write")
    return parser


def _editor_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, add_help=False)
    parser.add_argument("file", nargs="?", metavar="FILE")
    parser.add_argument("--present", action="store_true")
    parser.add_argument("--screen", type=_screen, metavar="N")
    return parser


def _screen(value: str) -> int:
    try:
        screen = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid screen {value!r} (a whole number from 1)") from None
    if screen < 1:
        raise argparse.ArgumentTypeError(f"invalid screen {value!r} (a whole number from 1)")
    return screen


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``touchline`` command with ``argv`` (``sys.argv[1:]`` when None); return the exit status."""
    _kept.clear()  # what the last command made (only a caller running several in one process has one)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version")):
            options = build_parser().parse_args(args)
            # A one-shot command makes hundreds of thousands of objects (imports, load,
            # layout, the drawing) and no garbage cycles worth chasing before it exits: the
            # collector's passes were ~10 % of a 5,000-card PDF export.
            with collector_paused():
                status = _COMMAND_RUNNERS[options.command](options)
            try:
                sys.stdout.flush()  # here, where a closed or full standard output can be told
            except OSError as exc:
                raise _OutputError(exc) from None
            return status
        options = _editor_parser().parse_args(args)
        if options.present or options.screen is not None:
            return _run_presentation(options.file, options.screen)
        return _run_editor(options.file)
    except _UsageError as exc:
        return _fail(str(exc))
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except CommandError as exc:
        return _fail(str(exc))
    except _OutputError as exc:
        # (`validate --json | head -1`, `> /dev/full`) Nothing more goes to it, not even at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _fail(f"standard output: cannot be written ({exc.reason})")
    except KeyboardInterrupt:  # Ctrl+C: the temporary files are gone (finally), the target untouched
        return _fail("interrupted; no file was written or changed")


# What a command made that the process's end frees at once (``quick_exit``): an export's layout and
# board. Freed when the export returned, a 5,000-card board's objects one by one were ~2 % of its
# instructions (~50 M), on the way to the exit.
_kept: list[object] = []


def quick_exit(status: int, argv: Sequence[str] | None = None) -> NoReturn:
    """End the process with ``status``; after a command-line command, without tearing its objects down.

    A command has written its file (renamed into place and synced) and its messages by
    now; freeing a 5,000-card board's hundreds of thousands of objects one by one before
    exiting took ~3 % of an export. Output is flushed first. The editor exits as usual
    (Qt and its settings are shut down in order).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    sys.exit(status)


def _fail(line: str) -> int:
    from model.loaderror import readable

    # One line, whatever the message holds: a newline in a file name must not make two, nor an
    # escape sequence in one (or in a value quoted from a file) drive the terminal.
    print(f"{PROG}: error: {readable(' '.join(line.splitlines()))}", file=sys.stderr)
    return EXIT_ERROR


class _OutputError(Exception):
    """Standard output could not be written: the reader closed it (a pipe to `head`) or the disk is full."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.reason = "the reader closed it" if isinstance(error, BrokenPipeError) else (error.strerror or str(error))


def _out(line: str) -> None:
    """Print ``line`` to standard output; _OutputError when it cannot be written."""
    try:
        print(line)
    except OSError as exc:
        raise _OutputError(exc) from None


def _version() -> str:
    from model.version import VERSION

    return VERSION


# ---------------------------------------------------------------------- editor
def _no_display(file: str | None) -> int | None:
    """Status 2 and one line when the editor has no screen to open on (Linux without a display: Qt
    aborted with a core dump and five lines of plugin talk), else None."""
    if not sys.platform.startswith("linux") or any(
            os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    where = f"{file}: " if file else ""
    return _fail(f"{where}cannot open the editor: no display (DISPLAY and WAYLAND_DISPLAY are not set); "
                 f"{', '.join(COMMANDS)} run without one")


def _run_editor(file: str | None) -> int:
    if file and not Path(file).suffix and not Path(file).exists() and os.sep not in file:
        # A word that is neither a file nor a command ("touchline expot"): most likely a mistyped command.
        raise _UsageError(f"{file}: no such command or file (commands: {', '.join(COMMANDS)}; see {PROG} --help)")
    failed = _no_display(file)
    if failed is not None:
        return failed
    from app.qt_import import import_qt

    import_qt()  # Qt comes in here, and only here
    from app.gui import run_editor

    return int(run_editor(file) or 0)


def _run_presentation(file: str | None, screen: int | None) -> int:
    """``touchline --present FILE [--screen N]``: the editor, presenting FILE full screen at once."""
    if not file:
        raise _UsageError(f"--present needs a FILE (see {PROG} --help)")
    _load(file)  # a file that cannot be shown fails here, in one line, before any window opens
    failed = _no_display(file)
    if failed is not None:
        return failed
    from app.qt_import import import_qt

    import_qt()
    from app.gui import run_editor

    return int(run_editor(file, present=True, screen_index=None if screen is None else screen - 1) or 0)


# ---------------------------------------------------------------------- new
def _cmd_new(options: argparse.Namespace) -> int:
    from model.templates import new_document

    output = options.output
    _save_new_file(new_document(options.kind), output, "new")
    _out(f"{output}: new {options.kind} written")
    return EXIT_OK


# ---------------------------------------------------------------------- export
def _cmd_export(options: argparse.Namespace) -> int:
    output = options.output
    target = Path(output)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        shown = f'"{target.suffix}"' if target.suffix else "no suffix"
        raise CommandError(output, f"unknown output format ({shown}); use .svg, .pdf, .png, .drawio, .mmd or .csv")
    if options.page == "fit" and (options.portrait or options.tile):
        flag = "--portrait" if options.portrait else "--tile"
        raise CommandError(output, f"{flag} needs a paper size: add --page A4, A3, A2, Letter or Tabloid")
    if options.page != "fit" and suffix != ".pdf":
        what = "one picture the size of the board" if suffix in (".svg", ".png") else "a file for another tool"
        raise CommandError(output, f"--page {options.page} applies to PDF only; a {suffix} is {what}, with no pages")
    shared = _share_with_a_child(options, suffix)
    try:
        document = _load(options.file)
        # Checked before the drawing (seconds for a large board), and written as a save is
        # (model.safefile): through a symbolic link, the file it points to.
        checked = _check_output(output, target)
        try:
            warnings = _export(document, checked.path, suffix, options)
        except SaveError as exc:
            raise _save_failed(output, exc) from None
        except (ValueError, OSError) as exc:  # a renderer's (a dpi too high, Qt unable to encode the PNG)
            raise CommandError(output, f"cannot export ({exc})") from None
    finally:
        if shared:
            from exporters.halves import end_early

            end_early()  # a child whose part was never asked for (an error, a small board) is stopped
    for warning in warnings:
        print(f"{PROG}: warning: {output}: {warning}", file=sys.stderr)
    return EXIT_OK


# A file below this size holds too few cards for two processes to repay the fork (exporters.halves).
SHARED_EXPORT_BYTES = 128 * 1024


def _share_with_a_child(options: argparse.Namespace, suffix: str) -> bool:
    """For a large SVG or fit-page PDF: fork a child (exporters.halves.fork_early) that reads and lays
    out the board beside this process and writes the second half of the drawing; whether it did."""
    if suffix not in (".svg", ".pdf") or (suffix == ".pdf" and options.page != "fit"):
        return False
    try:
        if os.path.getsize(options.file) < SHARED_EXPORT_BYTES:
            return False
    except OSError:
        return False  # _load says what is wrong with it
    from exporters.halves import fork_early, may_fork

    if not may_fork():
        return False
    fork_early(lambda: _child_part(options, suffix))
    return True


def _child_part(options: argparse.Namespace, suffix: str) -> None:
    """What the child of ``_share_with_a_child`` does: the parent's steps up to drawing (the same board,
    laid out the same way, ``_export``), where exporters.halves.in_two has it draw the second half,
    hand it over and end. It writes no file and prints nothing."""
    from model import load
    from model.layout import Layout

    # The child draws the second part: the cards (and the labels over them), not the arrows
    # before them. Its SVG layout routes none (``defer_links``, ~40 % of a layout): the writer
    # routes any that fall in its part (exporters.svg ``_routed``).
    layout = Layout(load(options.file), legend=options.legend, theme=options.theme, defer_links=suffix == ".svg",
                    static=True)
    # Only the writer of this format is imported: the PDF's pulls in reportlab and PIL (~0.1-0.2 s),
    # which an SVG's child spent before it even read the file, on the way to the parent's wait.
    if suffix == ".svg":
        from exporters.svg import render_svg

        render_svg(layout)
    else:
        import exporters
        from exporters.pdf import render_pdf

        render_pdf(layout, exporters.PageSpec(options.page, options.portrait, options.tile))


def _export(document: Document, path: Path, suffix: str, options: argparse.Namespace) -> list[str]:
    """Render ``document`` to ``path``; the warning lines for the user."""
    import exporters  # SVG and PDF load no Qt; PNG brings it in when it runs
    from model.layout import Layout

    source: Document | Layout = document
    if suffix in (".svg", ".pdf", ".png"):
        source = Layout(document, legend=options.legend, theme=options.theme, static=True)  # never edited
        _kept[:] = [source]  # with its document: freed by the process's end, not when this returns
    page = exporters.PageSpec(options.page, options.portrait, options.tile)
    if suffix == ".png" and options.dpi is not None:
        return exporters.export(source, path, dpi=options.dpi)
    return exporters.export(source, path, page=page)


# ---------------------------------------------------------------------- validate
def _cmd_validate(options: argparse.Namespace) -> int:
    from model.analysis import has_errors, structural_findings
    from model.blueprint_checks import blueprint_findings
    from model.stage_numbers import stage_numbers

    document = _load(options.file)
    findings = structural_findings(document) + blueprint_findings(document)
    failed = has_errors(findings)
    if options.json:
        report = {
            "ok": not failed,
            "findings": [f.to_json() for f in findings],
            "stages": [numbers.to_json() for numbers in stage_numbers(document)],
        }
        _out(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            cards = f" (cards: {', '.join(finding.cards)})" if finding.cards else ""
            _out(f"{options.file}: {finding.severity}: {finding.message} [{finding.code}]{cards}")
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
        _out(f"{options.file}: {'problems found' if failed else 'ok'} ({summary})")
    return EXIT_FINDINGS if failed else EXIT_OK


# ---------------------------------------------------------------------- import
def _cmd_import(options: argparse.Namespace) -> int:
    from model import LoadError
    from model.imports import import_file

    source, output = options.source, options.output
    try:
        document = import_file(source)
    except LoadError as exc:
        raise CommandError(source, str(exc)) from None
    _save_new_file(document, output, "import")
    cards, stages = document.card_count(), len(document.stages)
    _out(f"{output}: {cards} card{'s' if cards != 1 else ''} in {stages} stage{'s' if stages != 1 else ''} "
         f"imported from {source}")
    return EXIT_OK


# ---------------------------------------------------------------------- shared
def _save_new_file(document: Document, output: str, command: str) -> None:
    """Save ``document`` as the new file ``output``; ``command`` (new, import) never overwrites one."""
    from model import save

    target = Path(output)
    _check_output(output, target)
    if target.suffix.lower() in EXPORT_SUFFIXES:  # a Touchline document in "board.svg" opens nowhere
        raise CommandError(output, f"{command} writes a .touchline document, not {target.suffix}; "
                                   f"name it board.touchline, then: {PROG} export board.touchline -o {output}")
    if target.exists():
        raise CommandError(output, f"already exists; {command} never overwrites a file")
    try:
        save(document, target)
    except SaveError as exc:
        raise _save_failed(output, exc) from None


def _load(file: str) -> Document:
    from model import LoadError, load

    try:
        return load(file)
    except LoadError as exc:
        raise CommandError(file, str(exc)) from None


def _check_output(output: str, target: Path) -> CheckedTarget:
    """Where ``output`` is written (model.safefile.check_target, as a save's and the editor's): refused, in
    a save's words, when its folder is missing, when it is a folder or read-only, or when its mode cannot be
    read (a symbolic link in a loop ended in a traceback)."""
    try:
        return check_target(target)
    except SaveError as exc:
        raise _save_failed(output, exc) from None


def _save_failed(output: str, exc: SaveError) -> CommandError:
    """A SaveError as the command's one line: ``output`` (as the user typed it) in front, where the error
    names the file written (through a symbolic link, the file it points to)."""
    return CommandError(output, str(exc).removeprefix(f"{exc.parts[0]}: ") if exc.parts else str(exc))


_COMMAND_RUNNERS = {
    "new": _cmd_new,
    "export": _cmd_export,
    "validate": _cmd_validate,
    "import": _cmd_import,
}
