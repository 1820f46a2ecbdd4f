"""Crash dialog for bugs: what happened, the log file, and "Copy details" for the ticket."""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console import __version__, logs

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.details = details
        layout = QVBoxLayout(self)
        where = logs.log_file()
        intro = self.tr("Support Console hit an unexpected problem. Your work so far is kept; you can carry on, "
                        "but please send the details below to the console's developers.")
        if where:
            intro += "\n" + self.tr("The log file is {path}.").format(path=where)
        label = QLabel(intro)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(640, 260)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class CrashReporter(QObject):
    """Receives crashes from any thread and shows them on the GUI thread.

    Signals:
        crashed(str): a formatted report (already scrubbed of secrets).
    """

    crashed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialogs: list[CrashDialog] = []

    @Slot(str)
    def _show(self, text: str) -> None:
        if len(self.dialogs) >= 3:  # a crash loop must not bury the desk in dialogs
            return
        dialog = CrashDialog(text, QApplication.activeWindow())
        dialog.finished.connect(lambda _=0, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        self.dialogs.append(dialog)
        dialog.open()


_reporter: CrashReporter | None = None


def _environment() -> str:
    return f"Support Console {__version__}, Python {platform.python_version()}, {platform.platform()}"


def report_crash(text: str) -> None:
    """Log ``text`` (a traceback) and show it in the crash dialog, from any thread."""
    report = logs.scrub(f"{_environment()}\n\n{text}")
    log.error("unexpected error:\n%s", report)
    if _reporter is not None:
        _reporter.crashed.emit(report)


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    from console.services.errors import UserFacingError

    if isinstance(exc, UserFacingError) and _reporter is not None:
        from console.views.messages import show_error

        show_error(None, exc)
        return
    report_crash("".join(traceback.format_exception(exc_type, exc, tb)))


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    report_crash("".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))


def install_excepthooks() -> CrashReporter:
    """Route uncaught exceptions (GUI thread and other threads) to the log and the crash dialog."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    return _reporter


def uninstall_excepthooks() -> None:
    global _reporter
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    _reporter = None
