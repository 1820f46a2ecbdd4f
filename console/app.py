"""GUI start: QApplication, logging and Qt messages, excepthooks, the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from console import APP_ID, APP_NAME, __version__, logs

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


_QT_NOISE = ("This plugin does not support propagateSizeHints",)


def _qt_message_handler(mode: QtMsgType, context: object, message: str) -> None:
    if message.startswith(_QT_NOISE):
        mode = QtMsgType.QtDebugMsg
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    return app


def resources_dir() -> Path:
    """``console.resources`` when installed, ``resources/`` in a checkout."""
    try:
        from console.resources import RESOURCES_DIR

        return Path(RESOURCES_DIR)
    except ImportError:
        return Path(__file__).resolve().parents[1] / "resources"


def install_translator(app: QApplication, language: str) -> bool:
    """Load ``console_<language>.qm`` if it exists (English needs none)."""
    if language == "en":
        return False
    from PySide6.QtCore import QTranslator

    qm = resources_dir() / "translations" / f"console_{language}.qm"
    translator = QTranslator(app)
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        return True
    log.info("no translation for %s yet; using English", language)
    return False


def run_gui() -> int:
    """Open the main window; returns the exit code of the event loop."""
    from console.config import Settings
    from console.context import AppContext
    from console.services.errors import UserFacingError
    from console.views.crash_dialog import install_excepthooks
    from console.views.messages import show_error

    app = create_application()
    qInstallMessageHandler(_qt_message_handler)
    install_excepthooks()
    settings_error: UserFacingError | None = None
    try:
        settings = Settings.load()
    except UserFacingError as exc:
        settings_error = exc
        settings = Settings.load(environ={})  # defaults, so the window still opens
    ctx = AppContext(settings)
    install_translator(app, str(settings.language))
    logs.setup_logging(ctx.data_dir / "logs", stderr_level=logging.WARNING)
    log.info("%s %s starting (platform %s)", APP_NAME, __version__, app.platformName())

    from console.views.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    if settings_error is not None:
        show_error(window, settings_error)
    probe = os.environ.get("SUPPORT_CONSOLE_STARTUP_PROBE")  # bench/startup.py: time to the shown window
    if probe:
        import time

        from PySide6.QtCore import QTimer

        def shown() -> None:
            with open(probe, "w", encoding="utf-8") as fh:
                fh.write(repr(time.time()))
            app.quit()

        QTimer.singleShot(0, shown)
    code = app.exec()
    from console.workers import wait_for_all

    wait_for_all(3000)
    ctx.close()
    return code
