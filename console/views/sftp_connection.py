"""Connection profiles and "Test connection", with host-key trust on first contact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
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
    HostKeyUnknown,
    known_hosts_path,
    needs_passphrase,
    test_connection,
    trust_host_key,
)
from console.services.sftp import profiles as profile_store
from console.views.messages import show_error, show_exception
from console.views.progress_panel import ProgressPanel
from console.views.sftp_hostkey_dialog import SftpHostKeyDialog
from console.workers import Worker, run_worker


class SftpConnectionPanel(QWidget):
    """Profile form (name, host, port, username, key file, folder) and the connection test.

    Signals:
        tested(object): a :class:`ConnectionReport` after a successful test.
        profiles_changed(): profiles were saved or deleted.
    """

    tested = Signal(object)
    profiles_changed = Signal()

    def __init__(self, data_dir: Path, default_host: str = DEFAULT_HOST, default_port: int = DEFAULT_PORT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known_hosts = known_hosts_path(data_dir)
        self.profiles_path = profile_store.default_path(data_dir)
        self._passphrases: dict[str, str] = {}  # in memory only, per key file, for this session
        self.worker: Worker | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.profile_box = QComboBox()
        self.profile_box.setPlaceholderText(self.tr("No saved profile"))
        self.profile_box.currentTextChanged.connect(self._load_profile)
        top.addWidget(QLabel(self.tr("Profile")))
        top.addWidget(self.profile_box, 1)
        layout.addLayout(top)
        form = QFormLayout()
        self.name = QLineEdit()
        self.host = QLineEdit(default_host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(default_port)
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
        self.delete_button.clicked.connect(self.delete_profile)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.run_test)
        for button in (self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        layout.addLayout(buttons)
        self.progress = ProgressPanel()
        layout.addWidget(self.progress)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setObjectName("testResult")
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.reload_profiles()

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
    def ask_passphrase(self, key_name: str) -> str | None:
        """Modal prompt (replaced in tests)."""
        text, ok = QInputDialog.getText(self, self.tr("Passphrase"),
                                        self.tr("Passphrase of {name}:").format(name=key_name),
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    def confirm_host_key(self, exc: HostKeyUnknown) -> bool:
        """Show the fingerprint and ask (replaced in tests)."""
        return SftpHostKeyDialog(exc, self).exec() == QDialog.DialogCode.Accepted

    def params(self) -> ConnectionParams | None:
        """Connection parameters from the form, asking the key's passphrase once per session; None = cancelled."""
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
            passphrase = self._passphrases.get(str(key))
            if passphrase is None:
                passphrase = self.ask_passphrase(key.name)
                if passphrase is None:
                    return None
        return ConnectionParams(profile.host, profile.port, profile.username, key, passphrase)

    def remember_passphrase(self, params: ConnectionParams) -> None:
        if params.passphrase:
            self._passphrases[str(params.key_path)] = params.passphrase

    def forget_passphrase(self, params: ConnectionParams) -> None:
        self._passphrases.pop(str(params.key_path), None)

    def run_test(self) -> None:
        params = self.params()
        if params is None or self.worker is not None:
            return
        self.result.setText("")
        self.test_button.setEnabled(False)
        self.worker = run_worker(test_connection, params, known_hosts=self.known_hosts,
                                 on_result=lambda r: self._tested(params, r),
                                 on_error=lambda e: self._failed(params, e), on_finished=self._finished)
        self.progress.track(self.worker, self.tr("Testing the connection…"))

    def _finished(self) -> None:
        self.worker = None
        self.test_button.setEnabled(True)

    def _tested(self, params: ConnectionParams, report: ConnectionReport) -> None:
        self.remember_passphrase(params)
        trust = self.tr("newly trusted") if report.newly_trusted else self.tr("already trusted")
        self.result.setText(self.tr(
            "Connected to {host}:{port} as {user} in {sec:.1f} s. Server key {fp} ({trust}). "
            "Home folder {home} holds {n} entries.").format(
                host=report.host, port=report.port, user=report.username, sec=report.seconds,
                fp=report.host_key.sha256, trust=trust, home=report.home, n=report.entries))
        self.tested.emit(report)

    def _failed(self, params: ConnectionParams, exc: BaseException) -> None:
        from console.services.sftp import WrongPassphrase

        if isinstance(exc, WrongPassphrase):
            self.forget_passphrase(params)
        if isinstance(exc, HostKeyUnknown):
            if self.confirm_host_key(exc):
                trust_host_key(self.known_hosts, exc.host, exc.port, exc.key_type, exc.key_base64)
                self.worker = None
                self._retry()
            else:
                self.result.setText(self.tr("Not connected: the server was not trusted."))
            return
        if isinstance(exc, UserFacingError):
            self.result.setText(exc.one_line())
        show_exception(self, exc)

    def _retry(self) -> None:
        # Deferred so the finishing worker's bookkeeping runs first.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.run_test)

    def state(self) -> dict[str, Any]:
        return {"profile": self.profile_box.currentText()}
