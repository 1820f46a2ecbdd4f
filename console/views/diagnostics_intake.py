"""Intake form: ticket, client (looked up in the SLS data), platform, reason, files, screenshot now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.services import bundles
from console.views import messages
from console.views.diagnostics_banner import DiagnosticsDatabaseBanner, with_database
from console.views.diagnostics_screenshot import DiagnosticsScreenshotDialog
from console.views.drops import dropped_paths
from console.views.progress_panel import ProgressPanel
from console.workers import Worker, run_worker

_WARN_STYLE = "QLabel { color: #b26a00; font-weight: bold; }"


class DiagnosticsIntakeForm(QWidget):
    """Collects one bundle and takes it in with a worker (the single writer).

    Signals:
        ingested(object): the :class:`~console.services.bundles.IngestResult`.
        status_message(str): a short text for the status bar.
    """

    ingested = Signal(object)
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAcceptDrops(True)
        self._lookup_worker: Worker | None = None
        self._users: dict[str, Any] = {}
        self.database_ready: bool | None = None
        self._busy = False
        #: The last client check and the (username, account) it was made for.
        self._check: bundles.ClientCheck | None = None
        self.confirm_box: QMessageBox | None = None
        self.banner = DiagnosticsDatabaseBanner(self.tr("taking in bundles"))
        self.ticket_edit = QLineEdit()
        self.ticket_edit.setPlaceholderText(self.tr("found in the reason when left empty"))
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("client username (type to search the SLS data)"))
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._user_chosen)
        self.user_edit.setCompleter(completer)
        self._lookup_timer = QTimer(self, singleShot=True, interval=300)
        self._lookup_timer.timeout.connect(self._lookup)
        self.user_edit.textEdited.connect(lambda _t: self._lookup_timer.start())
        self.account_edit = QLineEdit()
        self.account_edit.setPlaceholderText(self.tr("account id, e.g. U1234567 (checked against the SLS data)"))
        self._check_timer = QTimer(self, singleShot=True, interval=400)
        self._check_timer.timeout.connect(self.check_client)
        for edit in (self.user_edit, self.account_edit):
            edit.textChanged.connect(self._client_edited)
        self.client_label = QLabel()
        self.client_label.setWordWrap(True)
        self.platform_box = QComboBox()
        self.platform_box.addItem(self.tr("(not known)"), None)
        for key, label in bundles.PLATFORMS:
            self.platform_box.addItem(label, key)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("what the client wrote, e.g. ATTENTION: 12345678 quotes freeze"))
        self.reason_edit.setMaximumHeight(80)
        self.reason_edit.textChanged.connect(self._reason_changed)
        self.files = QListWidget()
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setToolTip(self.tr("Drop a .zip/.tar.gz, a folder or loose files here"))
        self.expand_box = QCheckBox(self.tr("Also take in archives found inside (up to 3 levels)"))
        add_files = QPushButton(self.tr("Add files…"))
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(self.tr("Add folder…"))
        add_folder.clicked.connect(self._choose_folder)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_selected)
        self.shot_button = QPushButton(self.tr("Capture screenshot now…"))
        self.shot_button.clicked.connect(self.capture_screenshot)
        self.ingest_button = QPushButton(self.tr("Take in bundle"))
        self.ingest_button.setDefault(True)
        self.ingest_button.clicked.connect(self.ingest)
        self.progress = ProgressPanel()

        form = QFormLayout()
        form.addRow(self.tr("Ticket"), self.ticket_edit)
        # The check's note sits right under the username, in the same field (a form row of its own
        # would get the height of a much narrower label and leave gaps).
        user_field = QWidget()
        uv = QVBoxLayout(user_field)
        uv.setContentsMargins(0, 0, 0, 0)
        uv.setSpacing(2)
        uv.addWidget(self.user_edit)
        uv.addWidget(self.client_label)
        self.client_label.hide()
        form.addRow(self.tr("Client username"), user_field)
        form.addRow(self.tr("Account"), self.account_edit)
        form.addRow(self.tr("Platform"), self.platform_box)
        form.addRow(self.tr("Reason"), self.reason_edit)
        buttons = QHBoxLayout()
        for b in (add_files, add_folder, remove, self.shot_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Files (drop them here)")))
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.expand_box)
        layout.addWidget(self.ingest_button)
        layout.addWidget(self.progress)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.ingest)

    # ------------------------------------------------------------------ files
    def add_paths(self, paths: list[Path]) -> None:
        present = set(self.paths())
        for p in paths:
            p = Path(p)
            if p not in present:
                item = QListWidgetItem(str(p))
                item.setData(Qt.ItemDataRole.UserRole, str(p))
                self.files.addItem(item)
                present.add(p)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.files.count())]

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files to the bundle"))
        self.add_paths([Path(n) for n in names])

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the bundle"))
        if name:
            self.add_paths([Path(name)])

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_paths(dropped_paths(event.mimeData()))
        event.acceptProposedAction()

    def capture_screenshot(self) -> DiagnosticsScreenshotDialog:
        dialog = DiagnosticsScreenshotDialog(self.ctx.data_dir / "captures", self)
        dialog.accepted.connect(lambda: self._add_capture(dialog))
        dialog.open()
        return dialog

    def _add_capture(self, dialog: DiagnosticsScreenshotDialog) -> None:
        if dialog.path is not None:
            self.add_paths([dialog.path])

    # ------------------------------------------------------------------ client lookup
    def _reason_changed(self) -> None:
        found = bundles.ticket_in(self.reason_edit.toPlainText())
        self.ticket_edit.setPlaceholderText(
            self.tr("ticket {t} found in the reason").format(t=found) if found
            else self.tr("found in the reason when left empty"))

    def _lookup(self) -> None:
        text = self.user_edit.text().strip()
        if len(text) < 2 or self.database_ready is False:
            return
        try:
            from console.services import sls

            lookup = sls.lookup_users
        except (ImportError, AttributeError):
            self._client_note(self.tr("Client lookup is not available in this version."))
            return
        if self._lookup_worker is not None:
            self._lookup_worker.cancel()
        self._lookup_worker = run_worker(with_database(self.ctx, lookup), text, 20,
                                         on_result=self._lookup_done, on_error=lambda _e: None)

    def _lookup_done(self, users: list[Any]) -> None:
        self._users = {u.username: u for u in users}
        self._names.setStringList(sorted(self._users))

    def _user_chosen(self, name: str) -> None:
        user = self._users.get(name)
        if user is not None:
            self.account_edit.setText(getattr(user, "account", "") or "")

    def _client_note(self, text: str, *, warn: bool = False) -> None:
        self.client_label.setText(text)
        self.client_label.setStyleSheet(_WARN_STYLE if warn else "")
        self.client_label.setVisible(bool(text))

    def _client_values(self) -> tuple[str | None, str | None]:
        return self.user_edit.text().strip() or None, self.account_edit.text().strip() or None

    def _client_edited(self) -> None:
        self._check = None
        self._client_note("")
        if any(self._client_values()) and self.database_ready is not False:
            self._check_timer.start()

    def check_client(self, then: Any = None) -> Worker | None:
        """Look the username/account up in the SLS data; ``then(check)`` runs when the answer is in."""
        self._check_timer.stop()
        username, account = self._client_values()
        if username is None and account is None:
            return None
        return run_worker(with_database(self.ctx, bundles.check_client), username, account,
                          on_result=lambda c: self._checked(c, then), on_error=lambda _e: None)

    def _checked(self, check: bundles.ClientCheck, then: Any) -> None:
        if (check.username, check.account) != self._client_values():
            return  # typed on since: a newer check follows
        self._check = check
        if check.warnings:
            self._client_note("⚠ " + self.tr("{what}: you can still take the bundle in under it, "
                                             "but check the spelling with the client.").format(
                what="; ".join(check.warnings).capitalize()), warn=True)
        elif check.checked and check.entity_name:
            self._client_note(self.tr("✓ {name} (account {account})").format(
                name=check.entity_name, account=check.account_of_user or "–"))
        elif not check.checked:
            self._client_note(self.tr("No client data loaded: the username and account are not checked."))
        if then is not None:
            then(check)

    # ------------------------------------------------------------------ ingest
    def set_database_ready(self, ready: bool | None) -> None:
        """Disable what needs the database while it is unavailable (the banner says why)."""
        self.database_ready = ready
        self.banner.set_database_ready(ready)
        self._update_ingest_button()
        if ready and any(self._client_values()) and self._check is None:
            self._check_timer.start()

    def _update_ingest_button(self) -> None:
        self.ingest_button.setEnabled(not self._busy and self.database_ready is not False)

    def ingest(self) -> Worker | None:
        """Take the form in; an unknown client name is confirmed first. Returns the ingest worker if it started."""
        paths = self.paths()
        if not paths:
            self.status_message.emit(self.tr("Add an archive, a folder, files or a screenshot first."))
            return None
        if self._busy or self.database_ready is False:
            return None
        if not any(self._client_values()):
            return self._start_ingest()
        if self._check is not None and (self._check.username, self._check.account) == self._client_values():
            return self._confirm_client(self._check)
        self._busy = True
        self._update_ingest_button()
        worker = self.check_client(then=self._client_checked_for_ingest)
        if worker is not None:
            # No answer (e.g. the database went away): go on, and the ingest reports what is wrong.
            worker.signals.error.connect(self._ingest_after_failed_check)
        return None

    def _ingest_after_failed_check(self, _error: object) -> None:
        self._ingest_finished()
        self._start_ingest()

    def _client_checked_for_ingest(self, check: bundles.ClientCheck) -> None:
        self._busy = False
        self._update_ingest_button()
        self._confirm_client(check)

    def _confirm_client(self, check: bundles.ClientCheck) -> Worker | None:
        if not check.warnings:
            return self._start_ingest()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Client not in the client data"),
                          self.tr("{what}.").format(what="; ".join(check.warnings).capitalize()),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Take the bundle in under this name anyway? It will be filed as typed."))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Take in anyway"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(self._start_ingest)
        self.confirm_box = box
        box.open()
        return None

    def _start_ingest(self) -> Worker | None:
        paths = self.paths()
        if not paths or self._busy:
            return None
        self._busy = True
        self._update_ingest_button()
        username, account = self._client_values()
        check = self._check
        if (account is None and check is not None and check.username_found
                and (check.username, check.account) == (username, account)):
            account = check.account_of_user  # the username typed in full: file the bundle under its account
        worker = run_worker(
            with_database(self.ctx, bundles.ingest_bundle), self.ctx.settings.bundle_store_dir, paths,
            ticket=self.ticket_edit.text().strip() or None, username=username, account=account,
            platform=self.platform_box.currentData(), reason=self.reason_edit.toPlainText().strip() or None,
            expand_nested=self.expand_box.isChecked(), on_result=self._ingested,
            on_error=lambda e: messages.show_exception(self, e), on_finished=self._ingest_finished, write=True)
        self.progress.track(worker, self.tr("Taking in the bundle…"))
        return worker

    def _ingest_finished(self) -> None:
        self._busy = False
        self._update_ingest_button()

    def _ingested(self, result: bundles.IngestResult) -> None:
        # The form is free again as soon as the result is in (``finished`` follows, but may come later).
        self._ingest_finished()
        self.files.clear()
        for edit in (self.ticket_edit, self.user_edit, self.account_edit):
            edit.clear()
        self.reason_edit.clear()
        self._client_note("")
        self._check = None
        text = (self.tr("Bundle {id} taken in: 1 file") if result.files == 1
                else self.tr("Bundle {id} taken in: {n} files")).format(id=result.id, n=f"{result.files:,}")
        if result.ticket and result.ticket_source not in (None, "form", "reason"):
            text += self.tr("; ticket {t} found in {file}").format(t=result.ticket, file=result.ticket_source)
        # The page switches to the Bundles tab on ``ingested`` (which clears the status bar): say it after.
        self.ingested.emit(result)
        self.status_message.emit(text)
