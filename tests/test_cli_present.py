"""``touchline --present FILE [--screen N]``: bad calls fail in one line before any window opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parents[1]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


@pytest.mark.parametrize(("args", "says"), [
    (["--present"], "--present needs a FILE"),
    (["--present", "missing.touchline"], "missing.touchline: no such file"),
    (["--present", str(BLUEPRINT), "--screen", "0"], "invalid screen '0'"),
    (["--present", str(BLUEPRINT), "--screen", "two"], "invalid screen 'two'"),
])
def test_bad_present_calls_exit_2_with_one_line(args: list[str], says: str, capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("touchline: error: ") and says in err


def test_present_opens_the_editor_presenting_on_the_screen_given(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str | None, bool, int | None]] = []

    def fake_run_editor(path: str | None, present: bool = False, screen_index: int | None = None) -> int:
        calls.append((path, present, screen_index))
        return 0

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # a screen to open on

    import app.gui

    monkeypatch.setattr(app.gui, "run_editor", fake_run_editor)
    assert cli.main(["--present", str(BLUEPRINT), "--screen", "2"]) == 0
    assert cli.main(["--present", str(BLUEPRINT)]) == 0
    assert calls == [(str(BLUEPRINT), True, 1), (str(BLUEPRINT), True, None)]
