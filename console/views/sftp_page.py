"""sFTP keys area: key pairs (wizard, open/drop a key), connection profiles with host-key trust, transfers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.services.errors import UserFacingError
from console.services.sftp import (
    ConnectionParams,
    HostKeyChanged,
    HostKeyUnknown,
    KeyInfo,
    PassphraseNeeded,
    WrongPassphrase,
    key_info,
    known_hosts_path,
)
from console.views.area_page import AreaPage
from console.views.messages import show_exception
from console.views.sftp_browser import ENCRYPTED_SUFFIXES, SftpBrowser
from console.views.sftp_connection import SftpConnectionPanel
from console.views.sftp_key_panel import SftpKeyPanel
from console.views.sftp_key_wizard import SftpKeyWizard
from console.views.sftp_passphrase import ask_key_passphrase
from console.workers import run_worker


class SftpPage(AreaPage):
    """Three tabs: Keys, Connection, Files. Dropped key files open on the Keys tab."""

    area_key = "sftp"
    title = "sFTP keys"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        data_dir = Path(ctx.settings.data_dir)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        keys_tab = QWidget()
        keys_layout = QVBoxLayout(keys_tab)
        intro = QLabel(self.tr(
            "Clients who receive statements by sFTP need an RSA key pair: they keep the private key and send the "
            "broker the one-line public key. Create one with the wizard, or open an existing key (OpenSSH, PEM "
            "or PuTTY .ppk) to see its public key and fingerprints."))
        intro.setWordWrap(True)
        keys_layout.addWidget(intro)
        row = QHBoxLayout()
        self.wizard_button = QPushButton(self.tr("&New key pair…"))
        self.wizard_button.clicked.connect(self.open_wizard)
        self.open_button = QPushButton(self.tr("&Open key…"))
        self.open_button.clicked.connect(self.open_dialog)
        row.addWidget(self.wizard_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        keys_layout.addLayout(row)
        self.key_panel = SftpKeyPanel()
        self.key_panel.saved.connect(lambda p: self.status_message.emit(self.tr("Saved {p}").format(p=p)))
        keys_layout.addWidget(self.key_panel)
        keys_layout.addStretch(1)
        self.tabs.addTab(keys_tab, self.tr("Keys"))

        self.connection = SftpConnectionPanel(data_dir, str(ctx.settings.sftp_host), int(ctx.settings.sftp_port))
        self.connection.tested.connect(self._tested)
        self.tabs.addTab(self.connection, self.tr("Connection"))

        self.browser = SftpBrowser(self._browser_params, known_hosts_path(data_dir), Path.home())
        self.browser.error_handler = self._browser_error
        self.browser.status.connect(self.status_message)
        self.browser.downloaded.connect(self._downloaded)
        self.tabs.addTab(self.browser, self.tr("Files"))
        self.wizard: SftpKeyWizard | None = None
        self.loaded: KeyInfo | None = None
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.open_wizard)

    # ------------------------------------------------------------------ keys
    def open_wizard(self) -> SftpKeyWizard:
        self.wizard = SftpKeyWizard(Path.home() / "sftp-keys", self)
        self.wizard.generated.connect(lambda r: self.key_panel.set_info(r.info))
        self.wizard.test_requested.connect(self._test_from_wizard)
        self.wizard.finished.connect(self._wizard_closed)
        self.wizard.open()
        return self.wizard

    def _wizard_closed(self) -> None:
        """Drop the closed wizard (its passphrase fields are already empty); delete it once its worker is done."""
        wizard, self.wizard = self.wizard, None
        if wizard is None:
            return
        if wizard.busy:
            wizard.idle.connect(wizard.deleteLater)
        else:
            wizard.deleteLater()

    def _test_from_wizard(self, username: str, key_path: str) -> None:
        if self.wizard is not None:
            self.wizard.accept()  # finished → _wizard_closed drops it
        self.connection.use_key(username, key_path)
        self.tabs.setCurrentWidget(self.connection)
        self.connection.run_test()

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a key"), str(Path.home()),
                                              self.tr("Keys (*.pub *.ppk *.key *.pem id_*);;All files (*)"))
        if path:
            self.open_paths([Path(path)])

    def ask_passphrase(self, name: str, wrong: bool = False) -> str | None:
        """Modal prompt (replaced in tests); ``wrong`` says the previous attempt failed."""
        return ask_key_passphrase(self, name, wrong=wrong)

    def open_paths(self, paths: list[Path]) -> None:
        """Dropped key files: show the first one's public line and fingerprints."""
        if not paths:
            return
        self.tabs.setCurrentIndex(0)
        self._load_key(Path(paths[0]), None)

    def _load_key(self, path: Path, passphrase: str | None) -> None:
        run_worker(key_info, path, passphrase, on_result=self._key_loaded,
                   on_error=lambda exc: self._key_failed(path, exc))

    def _key_loaded(self, info: KeyInfo) -> None:
        self.loaded = info
        self.key_panel.set_info(info)
        self.status_message.emit(self.tr("Key {name}: {fp}").format(name=Path(info.path).name, fp=info.sha256))

    def _key_failed(self, path: Path, exc: BaseException) -> None:
        if isinstance(exc, (PassphraseNeeded, WrongPassphrase)):
            # Asked again until it opens or the person cancels; a wrong one is said in the prompt.
            passphrase = self.ask_passphrase(path.name, isinstance(exc, WrongPassphrase))
            if passphrase is not None:
                self._load_key(path, passphrase)
            return
        if isinstance(exc, UserFacingError):
            self.key_panel.set_info(None)
        show_exception(self, exc)

    # ------------------------------------------------------------------ connection and files
    def _browser_params(self) -> ConnectionParams | None:
        return self.connection.params()

    def _browser_error(self, params: ConnectionParams, exc: BaseException) -> bool | None:
        """Files-tab failures the Connection tab knows how to resolve (passphrase, host keys)."""
        if isinstance(exc, (HostKeyUnknown, HostKeyChanged)):
            self.tabs.setCurrentWidget(self.connection)
        return self.connection.resolve(params, exc)

    def _tested(self, report: object) -> None:
        self.status_message.emit(self.tr("Connection test passed."))
        self.browser.path = self.connection.remote_dir.text() or "."

    def _downloaded(self, paths: list[Path]) -> None:
        encrypted = [p for p in paths if p.suffix.lower() in ENCRYPTED_SUFFIXES]
        if encrypted and self.browser.decrypt.isChecked():
            self.open_in_area.emit("gpg", encrypted)
