"""Connection profiles and "Test connection", with host-key trust on first contact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.services.errors import UserFacingError
from console.services.sftp import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ConnectionParams,
    ConnectionReport,
    HostKeyChanged,
    HostKeyUnknown,
    PassphraseNeeded,
    WrongPassphrase,
    forget_host,
    known_hosts_path,
    needs_passphrase,
    test_connection,
    trust_host_key,
)
from console.services.sftp import profiles as profile_store
from console.views.messages import show_error, show_exception
from console.views.progress_panel import ProgressPanel
from console.views.sftp_hostkey_dialog import SftpHostChangedDialog, SftpHostKeyDialog, confirm_forget_text
from console.views.sftp_passphrase import ask_key_passphrase
from console.workers import Worker, run_worker


class SftpConnectionPanel(QWidget):
    """Profile form (name, host, port, username, key file, folder) and the connection test.

    Signals:
        tested(object): a :class:`ConnectionReport` after a successful test.
        profiles_changed(): profiles were saved or deleted.
        forgotten(str, int): the old key of this host and port was forgotten (after a changed key).
    """

    tested = Signal(object)
    profiles_changed = Signal()
    forgotten = Signal(str, int)

    def __init__(self, data_dir: Path, default_host: str = DEFAULT_HOST, default_port: int = DEFAULT_PORT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known_hosts = known_hosts_path(data_dir)
        self.profiles_path = profile_store.default_path(data_dir)
        self._passphrases: dict[str, str] = {}  # in memory only, per key file, for this page's lifetime
        self._wrong: set[str] = set()  # key files whose last passphrase was wrong (the prompt says so)
        self._just_trusted: set[tuple[str, int, str]] = set()  # (host, port, key) trusted by the person just now
        self.changed: HostKeyChanged | None = None  # the last changed-key refusal, until forgotten or connected
        self._again = False  # test again when the running test's worker finishes
        self.worker: Worker | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.profile_box = QComboBox()
        self.profile_box.setPlaceholderText(self.tr("No saved profile"))
        self.profile_box.currentTextChanged.connect(self._load_profile)
        self.profile_box.currentTextChanged.connect(lambda _t: self._update_buttons())
        top.addWidget(QLabel(self.tr("Profile")))
        top.addWidget(self.profile_box, 1)
        layout.addLayout(top)
        form = QFormLayout()
        self.name = QLineEdit()
        self.host = QLineEdit(default_host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(default_port)
        self.port.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.port.setMinimumWidth(self.port.fontMetrics().horizontalAdvance("000000") + 40)
        self.username = QLineEdit()
        self.key_path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_path, 1)
        key_row.addWidget(browse)
        self.remote_dir = QLineEdit(".")
        form.addRow(self.tr("Profile name"), self.name)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("sFTP username"), self.username)
        form.addRow(self.tr("Private key file"), key_row)
        form.addRow(self.tr("Remote folder"), self.remote_dir)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save profile"))
        self.save_button.clicked.connect(self.save_profile)
        self.delete_button = QPushButton(self.tr("Delete profile"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete_profile)
        self.forget_button = QPushButton(self.tr("Forget this host's old key…"))
        self.forget_button.setToolTip(self.tr("Only after the broker confirmed the server's new fingerprint"))
        self.forget_button.clicked.connect(self._forget_clicked)
        self.forget_button.hide()
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.run_test)
        for button in (self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.forget_button)
        buttons.addWidget(self.test_button)
        layout.addLayout(buttons)
        self.progress = ProgressPanel()
        layout.addWidget(self.progress)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setObjectName("testResult")
        self._plain_palette = self.result.palette()
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.reload_profiles()

    def show_result(self, text: str, *, warning: bool = False) -> None:
        """The line under the buttons; a warning (changed server key) is bold, dark red, with a warning sign."""
        self.result.setProperty("warning", warning)
        font = self.result.font()
        font.setBold(warning)
        self.result.setFont(font)
        if warning:
            palette = QPalette(self._plain_palette)
            palette.setColor(QPalette.ColorRole.WindowText, QColor(176, 0, 32))
            self.result.setPalette(palette)
            self.result.setText("⚠ " + text)
        else:
            self.result.setPalette(self._plain_palette)
            self.result.setText(text)

    # ------------------------------------------------------------------ profiles
    def reload_profiles(self, select: str | None = None) -> None:
        try:
            names = [p.name for p in profile_store.load_profiles(self.profiles_path)]
        except UserFacingError as exc:
            show_error(self, exc)
            names = []
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        self.profile_box.addItems(names)
        self.profile_box.setCurrentIndex(names.index(select) if select in names else -1)
        self.profile_box.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(bool(self.profile_box.currentText()))

    def _load_profile(self, name: str) -> None:
        if not name:
            return
        try:
            profile = profile_store.get_profile(self.profiles_path, name)
        except UserFacingError as exc:
            show_error(self, exc)
            return
        self.name.setText(profile.name)
        self.host.setText(profile.host)
        self.port.setValue(profile.port)
        self.username.setText(profile.username)
        self.key_path.setText(profile.key_path)
        self.remote_dir.setText(profile.remote_dir)

    def current_profile(self) -> profile_store.Profile:
        return profile_store.Profile(
            name=self.name.text() or self.username.text(), host=self.host.text(), port=self.port.value(),
            username=self.username.text(), key_path=self.key_path.text(), remote_dir=self.remote_dir.text())

    def save_profile(self) -> None:
        try:
            saved = profile_store.save_profile(self.profiles_path, self.current_profile())
        except UserFacingError as exc:
            show_error(self, exc)
            return
        self.name.setText(saved.name)
        self.reload_profiles(select=saved.name)
        self.profiles_changed.emit()

    def delete_profile(self) -> None:
        name = self.profile_box.currentText()
        if not name:
            return
        try:
            profile_store.delete_profile(self.profiles_path, name)
        except UserFacingError as exc:
            show_error(self, exc)
            return
        self.reload_profiles()
        self.profiles_changed.emit()

    def use_key(self, username: str, key_path: str) -> None:
        """Prefill from the wizard: its username and new key, the broker's server."""
        self.username.setText(username)
        self.key_path.setText(key_path)
        if not self.name.text():
            self.name.setText(username)

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Private key"), self.key_path.text(),
                                              self.tr("Private keys (id_* *.ppk *.pem *.key);;All files (*)"))
        if path:
            self.key_path.setText(path)

    # ------------------------------------------------------------------ connecting
    def ask_passphrase(self, key_name: str, wrong: bool = False) -> str | None:
        """Modal prompt (replaced in tests); ``wrong`` says the previous attempt failed."""
        return ask_key_passphrase(self, key_name, wrong=wrong)

    def confirm_host_key(self, exc: HostKeyUnknown) -> bool:
        """Show the fingerprint and ask (replaced in tests)."""
        return SftpHostKeyDialog(exc, self).exec() == QDialog.DialogCode.Accepted

    def show_changed_key(self, exc: HostKeyChanged) -> bool:
        """The changed-key warning (replaced in tests); True when the person asked, and confirmed, to forget."""
        dialog = SftpHostChangedDialog(exc, self.known_hosts, lambda: self.confirm_forget(exc), self)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm_forget(self, exc: HostKeyChanged) -> bool:
        """The second, explicit confirmation before forgetting an old host key (replaced in tests)."""
        text, details = confirm_forget_text(exc.host, exc.port, self.known_hosts, exc.sha256)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Forget the old server key?"), text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(details)
        forget = box.addButton(self.tr("Forget the old key"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is forget

    def _key_id(self, key: Path) -> str:
        try:
            return str(key.resolve())
        except OSError:
            return str(key)

    def params(self) -> ConnectionParams | None:
        """Connection parameters from the form; None = cancelled or invalid (already said).

        The key's passphrase is asked once and kept in memory for this page's lifetime (per key
        file), so the retry after trusting a server and the Files tab do not ask again. It is
        forgotten, and asked again with a "wrong passphrase" note, when it does not open the key.
        """
        profile = self.current_profile()
        try:
            profile = profile_store.validate(profile)
            if not profile.key_path:
                raise UserFacingError(self.tr("Choose the private key file to connect with."))
            key = Path(profile.key_path).expanduser()
            encrypted = needs_passphrase(key)
        except UserFacingError as exc:
            show_error(self, exc)
            return None
        passphrase = None
        if encrypted:
            key_id = self._key_id(key)
            passphrase = self._passphrases.get(key_id)
            if passphrase is None:
                passphrase = self.ask_passphrase(key.name, key_id in self._wrong)
                if passphrase is None:
                    return None
                self._wrong.discard(key_id)
                self._passphrases[key_id] = passphrase
        return ConnectionParams(profile.host, profile.port, profile.username, key, passphrase)

    def forget_passphrase(self, params: ConnectionParams, *, wrong: bool = False) -> None:
        key_id = self._key_id(Path(params.key_path))
        self._passphrases.pop(key_id, None)
        if wrong:
            self._wrong.add(key_id)

    def resolve(self, params: ConnectionParams, exc: BaseException) -> bool | None:
        """Deal with a connection failure of these params (the test's or the Files tab's).

        True: try again (a new passphrase will be asked, or the server was just trusted);
        False: handled here, nothing more to show; None: not a case handled here.
        """
        if isinstance(exc, (WrongPassphrase, PassphraseNeeded)):
            self.forget_passphrase(params, wrong=True)
            return True
        if isinstance(exc, HostKeyUnknown):
            if not self.confirm_host_key(exc):
                self.show_result(self.tr("Not connected: the server was not trusted."))
                return False
            trust_host_key(self.known_hosts, exc.host, exc.port, exc.key_type, exc.key_base64)
            self._just_trusted.add((exc.host, exc.port, exc.key_base64))
            return True
        if isinstance(exc, HostKeyChanged):
            self.changed = exc
            self.show_result(exc.message, warning=True)
            self.forget_button.setVisible(True)
            if self.show_changed_key(exc):
                self.forget_old_key()
            return False
        return None

    def forget_old_key(self) -> None:
        """Remove the old key of the server that presented a changed one (the person confirmed)."""
        exc = self.changed
        if exc is None:
            return
        try:
            removed = forget_host(self.known_hosts, exc.host, exc.port)
        except OSError as err:
            show_error(self, UserFacingError(self.tr("Cannot update {path}: {err}").format(
                path=self.known_hosts, err=err.strerror or err)))
            return
        self.changed = None
        self.forget_button.setVisible(False)
        keys = self.tr("the old key") if removed == 1 else self.tr("{n} old keys").format(n=removed)
        self.show_result(self.tr(
            "Forgot {keys} of {host} port {port} (in {path}). Test the connection again: the new key's "
            "fingerprint is shown, and it is trusted only if you confirm it.").format(
                keys=keys, host=exc.host, port=exc.port, path=self.known_hosts))
        self.forgotten.emit(exc.host, exc.port)

    def _forget_clicked(self) -> None:
        if self.changed is not None and self.confirm_forget(self.changed):
            self.forget_old_key()

    def run_test(self) -> None:
        if self.worker is not None:
            return
        params = self.params()
        if params is None:
            return
        self.show_result("")
        self.test_button.setEnabled(False)
        self.worker = run_worker(test_connection, params, known_hosts=self.known_hosts,
                                 remote_dir=self.remote_dir.text().strip() or ".",
                                 on_result=lambda r: self._tested(params, r),
                                 on_error=lambda e: self._failed(params, e), on_finished=self._finished)
        self.progress.track(self.worker, self.tr("Testing the connection…"))

    def _finished(self) -> None:
        self.worker = None
        self.test_button.setEnabled(True)
        if self._again:
            self._again = False
            QTimer.singleShot(0, self, self.run_test)

    def _tested(self, params: ConnectionParams, report: ConnectionReport) -> None:
        key = (report.host, report.port, report.host_key.key_base64)
        newly = report.newly_trusted or key in self._just_trusted
        self._just_trusted.discard(key)
        self.changed = None
        self.forget_button.setVisible(False)
        trust = self.tr("newly trusted") if newly else self.tr("already trusted")
        folder = report.folder or report.home
        which = self.tr("Home folder") if folder == report.home else self.tr("Remote folder")
        holds = (self.tr("is empty") if report.entries == 0 else self.tr("holds 1 entry") if report.entries == 1
                 else self.tr("holds {n} entries").format(n=report.entries))
        self.show_result(self.tr(
            "Connected to {host}:{port} as {user} in {sec:.1f} s. Server key {fp} ({trust}). "
            "{which} {folder} {holds}.").format(
                host=report.host, port=report.port, user=report.username, sec=report.seconds,
                fp=report.host_key.sha256, trust=trust, which=which, folder=folder, holds=holds))
        self.tested.emit(report)

    def _failed(self, params: ConnectionParams, exc: BaseException) -> None:
        outcome = self.resolve(params, exc)
        if outcome is True:
            if self.worker is None:  # finished already, during a dialog's event loop
                QTimer.singleShot(0, self, self.run_test)
            else:
                self._again = True  # once this worker has finished (its finished signal follows this one)
            return
        if outcome is False:
            return
        if isinstance(exc, UserFacingError):
            self.show_result(exc.one_line())
        show_exception(self, exc)

    def state(self) -> dict[str, Any]:
        return {"profile": self.profile_box.currentText()}
