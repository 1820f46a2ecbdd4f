"""The main window shell: areas, remembered state, drag and drop, dialogs, database check."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from console.context import AppContext
from console.views.main_window import MainWindow
from console.views.pages import PAGES


@pytest.fixture
def window(qtbot, ctx: AppContext):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.database_ready is not None, timeout=20000)
    return win


def test_title_and_five_areas(window: MainWindow) -> None:
    assert "Support Console" in window.windowTitle()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Clients & SLS devices", "Diagnostics intake", "HAR inspector", "Encrypted reports (GPG)",
                      "sFTP keys"]
    assert window.database_ready is True
    assert "Database:" in window.db_label.text()


def test_every_area_opens(window: MainWindow) -> None:
    for spec in PAGES:
        page = window.show_area(spec.key)
        assert window.stack.currentWidget() is page
        assert window.current_area() == spec.key


def test_geometry_and_last_area_are_remembered(qtbot, ctx: AppContext) -> None:
    first = MainWindow(ctx, check_database=False)
    qtbot.addWidget(first)
    first.resize(641, 481)  # within the offscreen screen (800x800)
    first.show_area("har")
    first.close()
    second = MainWindow(ctx, check_database=False)
    qtbot.addWidget(second)
    assert second.current_area() == "har"
    assert (second.size().width(), second.size().height()) == (641, 481)


def _drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


@pytest.mark.parametrize(("name", "content", "area"), [
    ("capture.har", b'{"log": {"entries": []}}', "har"),
    ("bundle.zip", b"PK\x05\x06" + b"\0" * 18, "diagnostics"),
    ("report.gpg", b"\x85\x01", "gpg"),
    ("id_rsa.pub", b"ssh-rsa AAAAB3NzaC1yc2E user", "sftp"),
])
def test_drop_routes_by_type(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             name: str, content: bytes, area: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    received: list[list[Path]] = []
    page_cls = next(p for p in PAGES if p.key == area).load()
    monkeypatch.setattr(page_cls, "open_paths", lambda self, paths: received.append(paths))
    _drop(window, [path])
    assert window.current_area() == area
    assert received == [[path]]


def test_drop_of_unknown_file_says_so(window: MainWindow, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(b"x")
    before = window.current_area()
    _drop(window, [path])
    box = window.findChild(QMessageBox)
    assert box is not None and "letter.docx" in box.text()
    assert window.current_area() == before
    box.close()


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent.*deprecated:DeprecationWarning")
def test_drag_enter_accepts_files_only(window: MainWindow) -> None:
    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    mime.setText("just text")
    event = QDragEnterEvent(QPoint(1, 1), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(event)
    assert not event.isAccepted()


def test_unreachable_database_shows_dialog_and_window_stays_usable(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORT_CONSOLE_DB_URL", "postgresql://agent:hidden-pw@127.0.0.1:1/console")
    ctx = AppContext()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.database_ready is False, timeout=20000)
    box = win.findChild(QMessageBox)
    assert box is not None
    assert "127.0.0.1:1" in box.text() and "hidden-pw" not in box.text() + box.informativeText()
    assert "still work" in box.informativeText()
    box.close()
    assert win.db_label.text() == "Database: unavailable"
    page = win.show_area("har")
    assert win.stack.currentWidget() is page
    ctx.close()


def test_log_pane_shows_log_records(window: MainWindow, qtbot) -> None:
    import logging

    window.log_pane.show()
    logging.getLogger("console.test").warning("hello from the test, token=abc123secret")
    qtbot.waitUntil(lambda: "hello from the test" in window.log_pane.text.toPlainText(), timeout=5000)
    assert "abc123secret" not in window.log_pane.text.toPlainText()


def test_about_dialog_names_versions(qtbot, ctx: AppContext) -> None:
    from console import __version__
    from console.views.about_dialog import AboutDialog

    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    label_texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.findChild(
        __import__("PySide6.QtWidgets", fromlist=["QLabel"]).QLabel))))
    assert __version__ in label_texts and "Qt" in label_texts


def test_preferences_dialog_saves_settings(qtbot, ctx: AppContext) -> None:
    from PySide6.QtWidgets import QLineEdit, QSpinBox

    from console.config import Settings
    from console.views.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(ctx.settings)
    qtbot.addWidget(dialog)
    spin = dialog.editors["sftp_port"]
    assert isinstance(spin, QSpinBox) and spin.value() == 32
    spin.setValue(2022)
    host = dialog.editors["sftp_host"]
    assert isinstance(host, QLineEdit)
    host.setText("files.example")
    dialog.save()
    saved = Settings.load()
    assert (saved.sftp_port, saved.sftp_host) == (2022, "files.example")
    assert saved.source("data_dir") == "env"  # untouched: it came from the environment
    dialog2 = PreferencesDialog(saved)
    qtbot.addWidget(dialog2)
    dialog2.restore_defaults()
    dialog2.save()
    assert Settings.load().sftp_port == 32


def test_preferences_env_settings_are_locked(qtbot, ctx: AppContext) -> None:
    from console.views.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(ctx.settings)
    qtbot.addWidget(dialog)
    assert not dialog.editors["data_dir"].isEnabled() or not dialog.editors["data_dir"].parentWidget().isEnabled()


def test_new_database_url_in_preferences_takes_effect_without_restart(qtbot, monkeypatch: pytest.MonkeyPatch,
                                                                       tmp_path: Path) -> None:
    from console.config import Settings

    Settings.load().save({"db_url": "postgresql://agent:pw@127.0.0.1:1/console"})
    ctx = AppContext()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.database_ready is False, timeout=20000)
    box = win.findChild(QMessageBox)
    assert box is not None and box.windowTitle() == "Database unavailable"
    box.close()
    page = win.show_area("har")
    Settings.load().save({"db_url": f"sqlite:///{tmp_path / 'fixed.db'}"})
    monkeypatch.setattr("console.views.preferences_dialog.PreferencesDialog.exec", lambda self: 1)
    win.show_preferences()
    qtbot.waitUntil(lambda: win.database_ready is True, timeout=20000)
    assert page.database_ready is True and "fixed.db" in win.db_label.text()
    ctx.close()
