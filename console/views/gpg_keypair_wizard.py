"""New key pair, as a client does it on their own machine: who, passphrase, then create and save.

The last page runs the generation in a worker, then offers the three files a client needs:
the public key to send, the key pair backup (both parts) and the revocation certificate.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from console.services import gpg
from console.views.messages import show_exception
from console.workers import run_worker

EXPIRY_CHOICES = (("1y", "1 year"), ("2y", "2 years (recommended)"), ("3y", "3 years"), ("5y", "5 years"),
                  ("0", "never"))


class _IdentityPage(QWizardPage):
    def __init__(self, algorithms: list[str]) -> None:
        super().__init__()
        self.setTitle(self.tr("Who is the key pair for?"))
        self.setSubTitle(self.tr("The name and email the client's reports will be encrypted for."))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.algo = QComboBox()
        for a in algorithms:
            self.algo.addItem(self.tr(gpg.ALGORITHM_LABELS[a]), a)
        self.expire = QComboBox()
        for value, label in EXPIRY_CHOICES:
            self.expire.addItem(self.tr(label), value)
        self.expire.setCurrentIndex(1)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Email:"), self.email)
        form.addRow(self.tr("Key type:"), self.algo)
        form.addRow(self.tr("Expires after:"), self.expire)
        self.name.textChanged.connect(self.completeChanged)
        self.email.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return len(self.name.text().strip()) >= 2 and "@" in self.email.text()


class _PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("It protects the secret key. Without it the key pair cannot decrypt anything, "
                                 "and nobody can recover it."))
        form = QFormLayout(self)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        form.addRow(self.tr("Passphrase:"), self.first)
        form.addRow(self.tr("Repeat:"), self.second)
        form.addRow(self.tr("Strength:"), self.meter)
        form.addRow(self.feedback)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        s = gpg.passphrase_strength(self.first.text())
        self.meter.setValue(s.score)
        text = self.tr("{label}. {advice}").format(label=s.label.capitalize(), advice=s.advice)
        if self.second.text() and self.second.text() != self.first.text():
            text += " " + self.tr("The two entries differ.")
        self.feedback.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return gpg.passphrase_strength(self.first.text()).acceptable and self.first.text() == self.second.text()


class _CreatePage(QWizardPage):
    def __init__(self, wizard: GpgKeyPairWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Create and save"))
        layout = QVBoxLayout(self)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy fingerprint"))
        self.export_button = QPushButton(self.tr("Export public key…"))
        self.backup_button = QPushButton(self.tr("Back up key pair…"))
        self.revocation_button = QPushButton(self.tr("Save revocation certificate…"))
        for b in (self.copy_button, self.export_button, self.backup_button, self.revocation_button):
            b.setEnabled(False)
            row.addWidget(b)
        layout.addLayout(row)
        notes = QLabel("<p>" + html.escape(self.tr(gpg.BACKUP_WARNING)) + "</p><p>"
                       + html.escape(self.tr(gpg.REVOCATION_EXPLANATION)) + "</p>")
        notes.setWordWrap(True)
        layout.addWidget(notes)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._wizard.start_generation()

    def isComplete(self) -> bool:
        return self._wizard.created is not None


class GpgKeyPairWizard(QWizard):
    """Name and email, key type, expiry, passphrase with strength feedback; then create, export, back up.

    Signals:
        key_created(object): the new :class:`KeyInfo`.
        saved(str): a file was written (its path).
        failed(object): a step failed (the exception), already shown to the user.
    """

    key_created = Signal(object)
    saved = Signal(str)
    failed = Signal(object)

    def __init__(self, home: gpg.GpgHome, parent: QWidget | None = None, *,
                 algorithms: list[str] | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.created: gpg.KeyInfo | None = None
        self.setWindowTitle(self.tr("New key pair"))
        self.identity = _IdentityPage(algorithms or list(gpg.ALGORITHMS))
        self.passphrase = _PassphrasePage()
        self.create_page = _CreatePage(self)
        self.addPage(self.identity)
        self.addPage(self.passphrase)
        self.addPage(self.create_page)
        p = self.create_page
        p.copy_button.clicked.connect(self._copy)
        p.export_button.clicked.connect(
            lambda: self._ask_path(self.tr("Export public key"), "public", self.export_public_to))
        p.backup_button.clicked.connect(lambda: self._ask_path(self.tr("Back up key pair"), "backup", self.backup_to))
        p.revocation_button.clicked.connect(
            lambda: self._ask_path(self.tr("Save revocation certificate"), "revocation", self.save_revocation_to))
        self.finished.connect(self._forget_passphrase)

    def start_generation(self) -> None:
        if self.created is not None:
            return
        self.create_page.status.setText(self.tr("Creating the key pair… (RSA keys can take a minute)"))
        self.create_page.busy.show()
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        run_worker(gpg.generate_key_pair, self.home, self.identity.name.text(), self.identity.email.text(),
                   passphrase=self.passphrase.first.text(), algo=self.identity.algo.currentData(),
                   expire=self.identity.expire.currentData(), on_result=self._created, on_error=self._failed,
                   write=True)

    def _created(self, made: gpg.GeneratedKey) -> None:
        self.created = made.key
        p = self.create_page
        p.busy.hide()
        p.status.setText(self.tr("Created {uid}<br>Fingerprint: <tt>{fpr}</tt><br>Now save the public key to send, "
                                 "a backup of the key pair, and the revocation certificate.")
                         .format(uid=html.escape(made.key.primary_uid), fpr=made.key.grouped_fingerprint))
        for b in (p.copy_button, p.export_button, p.backup_button, p.revocation_button):
            b.setEnabled(True)
        p.completeChanged.emit()
        self.key_created.emit(made.key)

    def _failed(self, exc: BaseException) -> None:
        self.create_page.busy.hide()
        self.create_page.status.setText(self.tr("The key pair was not created."))
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        show_exception(self, exc)
        self.failed.emit(exc)

    def _copy(self) -> None:
        if self.created is not None:
            QGuiApplication.clipboard().setText(self.created.fingerprint)

    def _ask_path(self, title: str, kind: str, action: Any) -> None:
        if self.created is None:
            return
        email = self.created.primary_uid.split("<")[-1].rstrip(">") or "key"
        suggested = {"public": f"{email}-public.asc", "backup": f"{email}-keypair-backup.asc",
                     "revocation": f"{email}-revocation.asc"}[kind]
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested),
                                              self.tr("Armored key (*.asc);;All files (*)"))
        if path:
            action(Path(path))

    def _run_save(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        def ok(result: Any) -> None:
            self.saved.emit(str(args[-1]))

        def bad(exc: BaseException) -> None:
            show_exception(self, exc)
            self.failed.emit(exc)

        run_worker(fn, self.home, *args, on_result=ok, on_error=bad, **kwargs)

    def export_public_to(self, path: Path) -> None:
        assert self.created is not None
        self._run_save(gpg.export_public, self.created.fingerprint, path)

    def backup_to(self, path: Path) -> None:
        assert self.created is not None
        self._run_save(gpg.backup_key_pair, self.created.fingerprint, path, passphrase=self.passphrase.first.text())

    def save_revocation_to(self, path: Path) -> None:
        assert self.created is not None
        self._run_save(gpg.save_revocation_certificate, self.created.fingerprint, path)

    def _forget_passphrase(self) -> None:
        self.passphrase.first.clear()
        self.passphrase.second.clear()
