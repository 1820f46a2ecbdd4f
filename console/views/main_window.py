"""The main window: navigation over the five areas, status bar, log pane, menus, drag and drop."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyle,
    QWidget,
)

from console import APP_NAME, logs
from console.config import config_dir
from console.context import AppContext
from console.services import routing
from console.services.errors import UserFacingError
from console.views.area_page import AreaPage
from console.views.drops import dropped_paths
from console.views.messages import show_error
from console.views.pages import PAGES, PAGES_BY_KEY
from console.workers import run_worker

log = logging.getLogger(__name__)


def window_state() -> QSettings:
    """Window geometry and last area, next to the settings file (not the registry/plist)."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, *, check_database: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.pages: dict[str, AreaPage] = {}
        self.database_ready: bool | None = None

        self.nav = QListWidget()
        self.nav.setObjectName("AreaNavigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setMaximumWidth(300)
        self.nav.setMinimumWidth(150)
        self.stack = QStackedWidget()
        for spec in PAGES:
            icon = self.style().standardIcon(getattr(QStyle.StandardPixmap, spec.icon))
            item = QListWidgetItem(icon, spec.title.replace("&&", "&"))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # real page built on first visit
        self.nav.currentRowChanged.connect(self.show_area_index)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([190, 1090])
        self.setCentralWidget(splitter)

        from console.views.log_pane import LogPane

        self.log_pane = LogPane(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.log_pane)
        self.log_pane.hide()

        self.db_label = QLabel(self.tr("Database: checking…"))
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_menus()
        self._restore_state()
        if check_database:
            self.check_database()

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_action = QAction(self.tr("&Open…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.open_dialog)
        file_menu.addAction(open_action)
        prefs = QAction(self.tr("&Preferences…"), self)
        prefs.setShortcut(QKeySequence.StandardKey.Preferences)
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        prefs.triggered.connect(self.show_preferences)
        file_menu.addAction(prefs)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view = self.menuBar().addMenu(self.tr("&View"))
        for index, spec in enumerate(PAGES):
            action = QAction(spec.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            view.addAction(action)
        view.addSeparator()
        toggle_log = self.log_pane.toggleViewAction()
        toggle_log.setText(self.tr("&Log pane"))
        toggle_log.setShortcut(QKeySequence("Ctrl+L"))
        view.addAction(toggle_log)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        logs_action = QAction(self.tr("Open the &log folder"), self)
        logs_action.triggered.connect(self.open_log_folder)
        help_menu.addAction(logs_action)
        about = QAction(self.tr("&About Support Console"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # ------------------------------------------------------------------ areas
    def page(self, key: str) -> AreaPage:
        """The page of area ``key``, built on first use."""
        if key not in self.pages:
            spec = PAGES_BY_KEY[key]
            page = spec.load()(self.ctx, self)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            page.open_in_area.connect(lambda area, paths: self.show_area(area).open_paths(list(paths)))
            if self.database_ready is not None:
                page.set_database_ready(self.database_ready)
            index = [p.key for p in PAGES].index(key)
            old = self.stack.widget(index)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(index, page)
            self.pages[key] = page
        return self.pages[key]

    def show_area_index(self, index: int) -> None:
        if index < 0:
            return
        key = PAGES[index].key
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    def show_area(self, key: str) -> AreaPage:
        index = [p.key for p in PAGES].index(key)
        self.nav.setCurrentRow(index)
        self.show_area_index(index)
        return self.pages[key]

    def current_area(self) -> str:
        return PAGES[max(0, self.nav.currentRow())].key

    # ------------------------------------------------------------------ files
    def open_paths(self, paths: list[Path]) -> None:
        """Route files to their areas by type; say so when a file fits none."""
        routed: dict[str, list[Path]] = {}
        unknown: list[Path] = []
        for path in paths:
            area = routing.area_for_path(path)
            (routed.setdefault(area, []) if area else unknown).append(path)
        if unknown:
            names = ", ".join(p.name for p in unknown)
            show_error(self, UserFacingError(
                self.tr("The console does not know what to do with: {names}").format(names=names),
                hint=self.tr("It opens .har files, client snapshots (.json), diagnostic bundles "
                             "(.zip, .tar.gz, folders, logs), GPG files (.asc, .gpg, .pgp) "
                             "and SSH keys (.pub, .ppk, private keys).")))
        for area, files in routed.items():
            self.show_area(area).open_paths(files)
            names = ", ".join(p.name for p in files)
            log.info("opened %s in %s", names, PAGES_BY_KEY[area].title.replace("&&", "&"))

    def open_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open files"), "",
            self.tr("Supported files (*.har *.json *.zip *.tar.gz *.tgz *.log *.asc *.gpg *.pgp *.pub *.ppk *.key);;"
                    "All files (*)"))
        if files:
            self.open_paths([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # ------------------------------------------------------------------ database
    def check_database(self) -> None:
        """Migrate and check the database off the GUI thread; the window stays usable meanwhile."""
        self.db_label.setText(self.tr("Database: checking…"))
        run_worker(self.ctx.ready_database, on_result=lambda _db: self._database_checked(None),
                   on_error=self._database_checked, write=True)

    def _database_checked(self, error: BaseException | None) -> None:
        self.database_ready = error is None
        url = self.ctx.database.masked_url
        if error is None:
            self.db_label.setText(self.tr("Database: {url}").format(url=url))
            self.db_label.setToolTip("")
        else:
            self.db_label.setText(self.tr("Database: unavailable"))
            self.db_label.setToolTip(str(error))
            if isinstance(error, UserFacingError):
                show_error(self, type(error)(
                    error.message,
                    hint=(error.hint or "") + " " + self.tr(
                        "Areas that need no database (HAR inspector, GPG, sFTP keys) still work.")))
            else:
                from console.views.messages import show_exception

                show_exception(self, error)
        for page in self.pages.values():
            page.set_database_ready(self.database_ready)

    # ------------------------------------------------------------------ dialogs
    def show_preferences(self) -> None:
        from console.views.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.ctx.settings, self)
        if dialog.exec():
            try:
                self.ctx.reload_settings()
            except UserFacingError as exc:
                show_error(self, exc)
                return
            self.statusBar().showMessage(self.tr("Preferences saved."), 5000)
            # A new database URL (or a server that came back) takes effect without a restart.
            self.check_database()

    def show_about(self) -> None:
        from console.views.about_dialog import AboutDialog

        AboutDialog(self.ctx, self).exec()

    def open_log_folder(self) -> None:
        where = logs.log_file()
        folder = where.parent if where else self.ctx.data_dir
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ------------------------------------------------------------------ state
    def _restore_state(self) -> None:
        state = window_state()
        geometry = state.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        dock_state = state.value("state")
        if isinstance(dock_state, QByteArray) and not dock_state.isEmpty():
            self.restoreState(dock_state)
        last = str(state.value("last_area", PAGES[0].key))
        keys = [p.key for p in PAGES]
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        state = window_state()
        state.setValue("geometry", self.saveGeometry())
        state.setValue("state", self.saveState())
        state.setValue("last_area", self.current_area())
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.log_pane.close_pane()
        super().closeEvent(event)
