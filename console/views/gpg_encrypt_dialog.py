"""Encrypt reports (files or whole folders) to a confirmed client key, then deliver them.

Delivery: beside the reports, into a chosen folder, or uploaded to the client's sFTP outbox
through a saved sFTP profile. Optional signing with a secret key of the console (the team key).
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.config import config_dir
from console.services import gpg
from console.views.drops import dropped_paths
from console.views.gpg_import_dialog import GpgImportDialog
from console.views.gpg_message_area import GpgMessageArea
from console.views.gpg_path_field import GpgPathField
from console.views.progress_panel import ProgressPanel
from console.workers import Worker, reader_pool, run_worker


@dataclass(frozen=True)
class SftpTarget:
    """Where to upload (from an sFTP profile) and the key passphrase typed for this run."""

    host: str
    port: int
    username: str
    key_path: Path
    remote_dir: str
    known_hosts: Path
    key_passphrase: str | None


@dataclass(frozen=True)
class EncryptOutcome:
    result: gpg.EncryptResult
    delivered: tuple[gpg.DeliveredFile, ...]


def encrypt_and_deliver(home: gpg.GpgHome, paths: list[Path], recipient: str, *, out_dir: Path | None,
                        sign_with: str | None, passphrase: str | None, overwrite: bool,
                        target: SftpTarget | None, progress: Callable[[int, int], None] | None = None,
                        cancel: threading.Event | None = None) -> EncryptOutcome:
    """The two service calls the dialog makes, in order (same as ``gpg encrypt --upload-to``)."""
    staging = None
    if target is not None and out_dir is None:
        staging = tempfile.TemporaryDirectory(prefix="console-gpg-")
        out_dir = Path(staging.name)
    try:
        result = gpg.encrypt_files(home, paths, recipient, out_dir=out_dir, sign_with=sign_with,
                                   passphrase=passphrase, overwrite=overwrite, progress=progress, cancel=cancel)
        delivered: tuple[gpg.DeliveredFile, ...] = ()
        if target is not None:
            delivered = gpg.upload_reports([f.output for f in result.files], host=target.host, port=target.port,
                                           username=target.username, key_path=target.key_path,
                                           remote_dir=target.remote_dir, known_hosts=target.known_hosts,
                                           key_passphrase=target.key_passphrase, overwrite=overwrite,
                                           progress=progress, cancel=cancel)
        return EncryptOutcome(result, delivered)
    finally:
        if staging is not None:
            staging.cleanup()


def _settings() -> QSettings:
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


class GpgEncryptDialog(QDialog):
    """Files, recipient, signing, delivery; Encrypt runs in a worker with progress and Cancel.

    Signals:
        encrypted(object): the :class:`EncryptOutcome`.
        key_confirmed(object): the :class:`gpg.KeyInfo` confirmed from this dialog.
        failed(object): the exception (already shown in the dialog).
    """

    encrypted = Signal(object)
    failed = Signal(object)
    key_confirmed = Signal(object)

    def __init__(self, home: gpg.GpgHome, keys: list[gpg.KeyInfo], paths: list[Path] | None = None,
                 parent: QWidget | None = None, *, data_dir: Path | None = None,
                 sftp_defaults: tuple[str, int] = ("", 22)) -> None:
        super().__init__(parent)
        self.home = home
        self.data_dir = data_dir
        self.worker: Worker | None = None
        self.confirm_dialog: GpgImportDialog | None = None
        self.setWindowTitle(self.tr("Encrypt reports"))
        self.setAcceptDrops(True)
        self.resize(700, 540)
        self.setMinimumWidth(620)  # below this the delivery row's fields are cut to a letter or two
        layout = QVBoxLayout(self)

        layout.addWidget(QLabel(self.tr("Reports (files or folders; drop them here):")))
        self.files = QListWidget()
        # Long paths: keep the start (which folder) and the end (which file), full path in the tooltip.
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.files)
        row = QHBoxLayout()
        add_files = QPushButton(self.tr("Add files…"))
        add_folder = QPushButton(self.tr("Add folder…"))
        clear = QPushButton(self.tr("Clear"))
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        clear.clicked.connect(self.clear_files)
        for b in (add_files, add_folder, clear):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)

        form = QFormLayout()
        # Long names and hints wrap instead of pushing the dialog wider than a small screen.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.recipient = QComboBox()
        self.recipient.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.recipient.setMinimumContentsLength(30)
        self._keys = {k.fingerprint: k for k in keys}
        usable = [k for k in keys if k.can_encrypt and k.trusted]
        # Imported but not confirmed ("Import only"): listed, greyed, with the way to confirm right here,
        # so the agent is never left wondering where the client's key went.
        self.unconfirmed = {k.fingerprint for k in keys if k.can_encrypt and not k.trusted}
        for k in usable:
            self.recipient.addItem(f"{k.primary_uid}  ({k.key_id})", k.fingerprint)
        for k in keys:
            if k.fingerprint in self.unconfirmed:
                self._add_unconfirmed(k)
        self.no_recipient = QLabel(self.tr("No confirmed client key yet: import the client's public key and "
                                           "confirm its fingerprint first."))
        self.no_recipient.setWordWrap(True)
        self.no_recipient.setVisible(not usable and not self.unconfirmed)
        self.recipient_hint = QLabel()
        self.recipient_hint.setWordWrap(True)
        self.recipient_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm_button = QPushButton(self.tr("Confirm fingerprint…"))
        self.confirm_button.setToolTip(self.tr("Compare the fingerprint with the client, then confirm the key "
                                               "for encryption"))
        self.confirm_button.clicked.connect(self.confirm_recipient)
        recipient_row = QHBoxLayout()
        recipient_row.addWidget(self.recipient, 1)
        recipient_row.addWidget(self.confirm_button)
        self.hint_box = self.recipient_hint
        not_listed = [k for k in keys if k.expired or k.revoked]
        self.not_listed = QLabel()
        self.not_listed.setWordWrap(True)
        self.not_listed.setEnabled(False)  # greyed: a note, not an error
        if not_listed:
            names = ", ".join(k.primary_uid for k in not_listed[:3]) + ("…" if len(not_listed) > 3 else "")
            self.not_listed.setText(
                (self.tr("Not listed: 1 expired or revoked key ({names}).") if len(not_listed) == 1 else
                 self.tr("Not listed: {n} expired or revoked keys ({names}).")).format(n=len(not_listed),
                                                                                     names=names))
        self.not_listed.setVisible(bool(not_listed))
        form.addRow(self.tr("Encrypt to:"), recipient_row)
        form.addRow(self.no_recipient)
        form.addRow(self.recipient_hint)
        form.addRow(self.not_listed)

        self.sign = QCheckBox(self.tr("Sign with"))
        self.signer = QComboBox()
        for k in keys:
            if k.has_secret and not k.expired and not k.revoked:
                self.signer.addItem(f"{k.primary_uid}  ({k.key_id})", k.fingerprint)
        self.sign.setEnabled(self.signer.count() > 0)
        self.sign_passphrase = QLineEdit()
        self.sign_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_passphrase.setPlaceholderText(self.tr("its passphrase"))
        self.sign_passphrase.setToolTip(self.tr("Passphrase of the signing key"))
        self.signer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.signer.setMinimumContentsLength(20)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign)
        sign_row.addWidget(self.signer, 1)
        sign_row.addWidget(self.sign_passphrase, 1)
        form.addRow(self.tr("Signature:"), sign_row)
        layout.addLayout(form)

        self.beside = QRadioButton(self.tr("Save each NAME.gpg beside its report"))
        self.to_folder = QRadioButton(self.tr("Save to folder:"))
        self.to_sftp = QRadioButton(self.tr("Upload to the client's sFTP outbox:"))
        self.delivery = QButtonGroup(self)
        for i, radio in enumerate((self.beside, self.to_folder, self.to_sftp)):
            self.delivery.addButton(radio, i)
        self.beside.setChecked(True)
        self.out_dir = GpgPathField()
        self.out_dir.setPlaceholderText(self.tr("folder for the .gpg files"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_out)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.to_folder)
        folder_row.addWidget(self.out_dir, 1)
        folder_row.addWidget(browse)
        self.profile = QComboBox()
        self.remote_dir = QLineEdit()
        self.remote_dir.setPlaceholderText(self.tr("remote folder"))
        self.sftp_passphrase = QLineEdit()
        self.sftp_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sftp_passphrase.setPlaceholderText(self.tr("key passphrase"))
        self.sftp_passphrase.setToolTip(self.tr("Passphrase of the sFTP key, if it has one"))
        self.profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile.setMinimumContentsLength(12)
        self._profiles = self._load_profiles()
        for p in self._profiles:
            self.profile.addItem(f"{p.name} ({p.username}@{p.host})", p.name)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self._profile_changed()
        sftp_row = QHBoxLayout()
        sftp_row.addWidget(self.to_sftp)
        sftp_row.addWidget(self.profile, 1)
        sftp_row.addWidget(self.remote_dir, 1)
        sftp_row.addWidget(self.sftp_passphrase, 1)
        self.no_sftp = QLabel(self.tr("Uploading needs a saved sFTP profile: create one under sFTP keys > "
                                      "Connection (Save profile), then open this dialog again."))
        self.no_sftp.setWordWrap(True)
        self.no_sftp.setEnabled(False)  # greyed: says why the row is off
        self.no_sftp.setContentsMargins(24, 0, 0, 0)
        if not self._profiles:
            for w in (self.to_sftp, self.profile, self.remote_dir, self.sftp_passphrase):
                w.setEnabled(False)
                w.setToolTip(self.no_sftp.text())
        self.no_sftp.setVisible(not self._profiles)
        self.overwrite = QCheckBox(self.tr("Replace existing .gpg files"))
        layout.addWidget(self.beside)
        layout.addLayout(folder_row)
        layout.addLayout(sftp_row)
        layout.addWidget(self.no_sftp)
        layout.addWidget(self.overwrite)

        self.why_disabled = QLabel()
        self.why_disabled.setWordWrap(True)
        self.why_disabled.setEnabled(False)  # greyed: a hint, not an error
        layout.addWidget(self.why_disabled)
        self.message = GpgMessageArea()
        self.result_label = self.message.label
        layout.addWidget(self.message)
        self.progress = ProgressPanel(self)
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.encrypt_button = self.buttons.addButton(self.tr("Encrypt"), QDialogButtonBox.ButtonRole.ActionRole)
        self.encrypt_button.setDefault(True)
        self.encrypt_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._restore_settings()
        # Every input re-checks the Encrypt button (and the line saying why it is off).
        self.out_dir.textChanged.connect(self._folder_typed)
        self.delivery.idToggled.connect(self._delivery_changed)
        for signal in (self.sign.toggled, self.sign_passphrase.textChanged, self.recipient.currentIndexChanged,
                       self.signer.currentIndexChanged, self.profile.currentIndexChanged,
                       self.remote_dir.textChanged, self.overwrite.toggled):
            signal.connect(self._update)
        for p in paths or []:
            self.add_path(Path(p))
        self._update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_height()
        super().resizeEvent(event)

    def _fit_height(self) -> None:
        # Wrapped hint lines need more height when the dialog is narrow; Qt does not raise a
        # top-level window's minimum height for that by itself, so the rows would overlap.
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if layout is not None and layout.hasHeightForWidth() else -1
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    # ------------------------------------------------------------------ inputs
    def _load_profiles(self) -> list[Any]:
        if self.data_dir is None:
            return []
        try:
            from console.services.sftp import profiles

            return list(profiles.load_profiles(profiles.default_path(self.data_dir)))
        except Exception:  # noqa: BLE001 - a broken profile file must not block encryption
            return []

    def _profile_changed(self) -> None:
        name = self.profile.currentData()
        for p in self._profiles:
            if p.name == name:
                self.remote_dir.setText(p.remote_dir)

    def clear_files(self) -> None:
        self.files.clear()
        self._update()

    def add_path(self, path: Path) -> None:
        if str(path) not in self.paths_as_text():
            self.files.addItem(str(path))
            self.files.item(self.files.count() - 1).setToolTip(str(path))
        self._update()

    def paths_as_text(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def _add_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Reports to encrypt"))
        for n in names:
            self.add_path(Path(n))

    def _add_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Folder of reports"))
        if name:
            self.add_path(Path(name))

    def _browse_out(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Save encrypted reports to"), self.out_dir.text())
        if name:
            self.out_dir.setText(name)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for path in dropped_paths(event.mimeData()):
            self.add_path(path)
        event.acceptProposedAction()

    def _folder_typed(self, text: str) -> None:
        if text.strip():
            self.to_folder.setChecked(True)  # typing or browsing a folder means "save there"
        self._update()

    def _delivery_changed(self, _id: int, checked: bool) -> None:
        if checked and self.to_folder.isChecked() and not self.out_dir.text().strip():
            self.out_dir.setFocus()
        self._update()

    def missing(self) -> str:
        """Why Encrypt is off (empty when it can run)."""
        folder = self.out_dir.text().strip()
        if self.worker is not None:
            return ""
        if self.files.count() == 0:
            return self.tr("Add the reports to encrypt (or drop them here).")
        if self.recipient.count() == 0:
            return self.tr("No client key to encrypt to yet.")
        if self.recipient.currentData() in self.unconfirmed:
            return self.tr("The chosen key is not confirmed yet: compare its fingerprint with the client, "
                           "then click Confirm fingerprint.")
        if self.sign.isChecked() and not self.sign_passphrase.text():
            return self.tr("Type the passphrase of the signing key, or untick \"Sign with\".")
        if self.to_folder.isChecked() and not folder:
            return self.tr("Type or browse for the folder to save the .gpg files in.")
        if self.to_folder.isChecked() and Path(folder).expanduser().is_file():
            return self.tr("The output folder is a file: choose a folder.")
        if self.to_sftp.isChecked() and self.profile.currentData() is None:
            return self.tr("Choose the sFTP profile to upload with.")
        return ""

    def _update(self) -> None:
        why = self.missing()
        self.encrypt_button.setEnabled(self.worker is None and not why)
        self.encrypt_button.setToolTip(why)
        # The recipient cases already have their own explanation above.
        self.why_disabled.setText(why if self.recipient.count() > 0 else "")
        self._update_recipient_hint()
        if self.isVisible():
            self._fit_height()

    def _update_recipient_hint(self) -> None:
        fpr = self.recipient.currentData()
        key = self._keys.get(fpr) if fpr else None
        if key is not None and fpr in self.unconfirmed:
            self.recipient_hint.setText(self.tr(
                "Not confirmed: compare the fingerprint with the client (by phone or another channel), "
                "then Confirm.\n{fpr}").format(fpr=key.grouped_fingerprint))
            self.confirm_button.show()
            self.recipient_hint.show()
        elif self.unconfirmed:
            n = len(self.unconfirmed)
            self.recipient_hint.setText(
                (self.tr("1 more key is listed greyed: it is not confirmed yet (choose it to confirm it).")
                 if n == 1 else
                 self.tr("{n} more keys are listed greyed: they are not confirmed yet (choose one to confirm "
                         "it).")).format(n=n))
            self.confirm_button.hide()
            self.recipient_hint.show()
        else:
            self.confirm_button.hide()
            self.recipient_hint.hide()

    def _add_unconfirmed(self, key: gpg.KeyInfo) -> None:
        self.recipient.addItem(self.tr("{uid}  ({keyid}), not confirmed").format(uid=key.primary_uid,
                                                                                  keyid=key.key_id),
                               key.fingerprint)
        i = self.recipient.count() - 1
        self.recipient.setItemData(i, self.palette().color(QPalette.ColorRole.PlaceholderText),
                                   Qt.ItemDataRole.ForegroundRole)
        self.recipient.setItemData(i, self.tr("Not confirmed: compare the fingerprint with the client, then "
                                              "Confirm."), Qt.ItemDataRole.ToolTipRole)

    def confirm_recipient(self) -> GpgImportDialog | None:
        """The fingerprint check for the chosen, unconfirmed key; on Confirm the key becomes usable here."""
        fpr = self.recipient.currentData()
        key = self._keys.get(fpr) if fpr else None
        if key is None or fpr not in self.unconfirmed:
            return None
        dialog = GpgImportDialog([key], self.tr("the keyring"), self)
        dialog.setWindowTitle(self.tr("Confirm key"))
        dialog.import_only.hide()
        dialog.import_trust.setText(self.tr("Confirm"))
        self.confirm_dialog = dialog

        def accepted() -> None:
            if dialog.trust:
                run_worker(gpg.trust_key, self.home, key.fingerprint, write=True, on_result=self._confirmed,
                           on_error=self.message.show_failure)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def _confirmed(self, key: gpg.KeyInfo) -> None:
        self.unconfirmed.discard(key.fingerprint)
        self._keys[key.fingerprint] = key
        i = self.recipient.findData(key.fingerprint)
        if i >= 0:
            self.recipient.setItemText(i, f"{key.primary_uid}  ({key.key_id})")
            self.recipient.setItemData(i, None, Qt.ItemDataRole.ForegroundRole)
            self.recipient.setItemData(i, None, Qt.ItemDataRole.ToolTipRole)
        self.message.show_text(self.tr("Confirmed {uid} for encryption.").format(uid=key.primary_uid))
        self.key_confirmed.emit(key)
        self._update()

    def _restore_settings(self) -> None:
        s = _settings()
        self.out_dir.setText(str(s.value("gpg/encrypt_out_dir", "") or ""))
        self.beside.setChecked(True)
        signer = s.value("gpg/sign_with", "")
        i = self.signer.findData(signer)
        if i >= 0:
            self.signer.setCurrentIndex(i)
        recipient = s.value("gpg/last_recipient", "")
        i = self.recipient.findData(recipient)
        if i >= 0:
            self.recipient.setCurrentIndex(i)

    def _save_settings(self) -> None:
        s = _settings()
        if self.out_dir.text().strip():
            s.setValue("gpg/encrypt_out_dir", self.out_dir.text().strip())
        if self.sign.isChecked():
            s.setValue("gpg/sign_with", self.signer.currentData())
        s.setValue("gpg/last_recipient", self.recipient.currentData())

    # ------------------------------------------------------------------ run
    def _target(self) -> SftpTarget | None:
        if not self.to_sftp.isChecked():
            return None
        name = self.profile.currentData()
        prof = next(p for p in self._profiles if p.name == name)
        from console.services.sftp import known_hosts_path

        assert self.data_dir is not None
        return SftpTarget(prof.host, prof.port, prof.username, Path(prof.key_path),
                          self.remote_dir.text().strip() or prof.remote_dir, known_hosts_path(self.data_dir),
                          self.sftp_passphrase.text() or None)

    def start(self) -> None:
        self.message.clear()
        self._save_settings()
        out_dir = Path(self.out_dir.text().strip()) if self.to_folder.isChecked() else None
        self.worker = run_worker(
            encrypt_and_deliver, self.home, [Path(p) for p in self.paths_as_text()], self.recipient.currentData(),
            out_dir=out_dir, sign_with=self.signer.currentData() if self.sign.isChecked() else None,
            passphrase=self.sign_passphrase.text() if self.sign.isChecked() else None,
            overwrite=self.overwrite.isChecked(), target=self._target(),
            on_result=self._done, on_error=self._failed, on_finished=self._finished, start=False)
        self.progress.track(self.worker, self.tr("Encrypting…"))
        reader_pool().start(self.worker)
        self._update()

    def _finished(self) -> None:
        self.worker = None
        self.sign_passphrase.clear()
        self.sftp_passphrase.clear()
        self._update()

    def _done(self, outcome: EncryptOutcome) -> None:
        r = outcome.result
        n = len(r.files)
        text = (self.tr("Encrypted 1 file to {who}.") if n == 1 else
                self.tr("Encrypted {n} files to {who}.")).format(n=n, who=r.recipient_uid)
        if outcome.delivered:
            up = len(outcome.delivered)
            text += " " + (self.tr("Uploaded 1 file to the sFTP outbox.") if up == 1 else
                           self.tr("Uploaded {n} files to the sFTP outbox.")).format(n=up)
        elif r.files:
            text += " " + self.tr("Saved in {folder}.").format(folder=r.files[0].output.parent)
        self.message.show_text(text)
        self.encrypted.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, gpg.OutputExists):
            exc.hint = self.tr("Choose another folder, or tick \"Replace existing .gpg files\".")
        self.message.show_failure(exc)  # shown once, here: no message box on top
        self.failed.emit(exc)

    def reject(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        super().reject()
