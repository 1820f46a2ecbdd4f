"""New key pair, as a client does it on their own machine: who, passphrase, then create and save.

The passphrase page is a commit page ("Create key pair"): once the key exists, the earlier
pages are locked (Back is off, and the page says why), so a changed name can never be
silently ignored; another name means another run of the wizard. If creating fails, Back
works again. The last page offers the three files a client needs (the public key to send,
the key pair backup, the revocation certificate) and lists each saved file with its path,
Copy path and Open folder. Finish (or closing) without a backup warns once first.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
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
from console.views.gpg_message_area import GpgMessageArea
from console.views.gpg_saved_files import GpgSavedFilesBox
from console.views.messages import show_exception
from console.views.passphrase_fields import PassphraseFields
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
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setEnabled(False)  # greyed: a hint while typing, not an error
        form.addRow(self.feedback)
        self.name.textChanged.connect(self._changed)
        self.email.textChanged.connect(self._changed)

    def _changed(self) -> None:
        problem = self.problem()
        self.feedback.setText(self.tr(problem) if problem and (self.name.text() or self.email.text()) else "")
        self.completeChanged.emit()

    def problem(self) -> str | None:
        return gpg.identity_problem(self.name.text(), self.email.text())

    def isComplete(self) -> bool:
        return self.problem() is None


class _PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("It protects the secret key. Without it the key pair cannot decrypt anything, "
                                 "and nobody can recover it."))
        form = QFormLayout(self)
        self.fields = PassphraseFields(optional=False, empty_text=self.tr("Enter a passphrase."))
        self.first, self.second = self.fields.first, self.fields.second
        self.meter, self.feedback = self.fields.meter, self.fields.feedback
        form.addRow(self.fields)
        commit_note = QLabel(self.tr("<i>Create key pair</i> makes the key. After that, the name, email and "
                                     "passphrase cannot be changed in this wizard."))
        commit_note.setWordWrap(True)
        form.addRow(commit_note)
        self.setCommitPage(True)
        self.fields.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self.fields.is_acceptable()


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
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        self.error = GpgMessageArea()
        layout.addWidget(self.error)
        self.locked_note = QLabel(self.tr(
            "The earlier pages are locked because the key pair now exists. For a different name or email, "
            "finish here and choose New key pair… again (remove this key from the list if nobody needs it)."))
        self.locked_note.setWordWrap(True)
        self.locked_note.hide()
        layout.addWidget(self.locked_note)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy fingerprint"))
        self.export_button = QPushButton(self.tr("Export public key…"))
        self.backup_button = QPushButton(self.tr("Back up key pair…"))
        self.revocation_button = QPushButton(self.tr("Save revocation certificate…"))
        for b in (self.copy_button, self.export_button, self.backup_button, self.revocation_button):
            b.setEnabled(False)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.saved_box = GpgSavedFilesBox({
            "public": self.tr("Public key (send it):"),
            "backup": self.tr("Key pair backup (keep offline):"),
            "revocation": self.tr("Revocation certificate:"),
        })
        layout.addWidget(self.saved_box)
        self.no_backup_warning = QLabel()
        self.no_backup_warning.setWordWrap(True)
        self.no_backup_warning.hide()
        layout.addWidget(self.no_backup_warning)
        notes = QLabel("<p>" + html.escape(self.tr(gpg.BACKUP_WARNING)) + "</p><p>"
                       + html.escape(self.tr(gpg.REVOCATION_EXPLANATION)) + "</p>")
        notes.setWordWrap(True)
        layout.addWidget(notes)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._wizard.start_generation()

    def cleanupPage(self) -> None:
        # Only reachable after a failed attempt (Back is locked once the key exists).
        self._wizard.passphrase.setCommitPage(True)

    def isComplete(self) -> bool:
        return self._wizard.created is not None

    def warn_no_backup(self) -> None:
        self.no_backup_warning.setText(
            "<p style='color:#a01818'><b>" + html.escape(self.tr("No backup of the key pair yet.")) + "</b> "
            + html.escape(self.tr("Without one, a lost or replaced computer means the reports sent to this "
                                  "key can never be opened again. The exported public key is not a backup. "
                                  "Click Back up key pair… now, or Finish without backup to close anyway.")) + "</p>")
        self.no_backup_warning.show()


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
        self.revocation_in_home: Path | None = None
        self._warned_no_backup = False
        self.setWindowTitle(self.tr("New key pair"))
        self.setMinimumSize(720, 520)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create key pair"))
        self._finish_text = self.buttonText(QWizard.WizardButton.FinishButton)
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

    @property
    def saved_paths(self) -> dict[str, Path]:
        """What was saved in this run, by kind: 'public', 'backup', 'revocation'."""
        return dict(self.create_page.saved_box.paths)

    def start_generation(self) -> None:
        if self.created is not None:
            return
        self.create_page.error.clear()
        self.create_page.status.setText(self.tr("Creating the key pair… (RSA keys can take a minute)"))
        self.create_page.busy.show()
        run_worker(gpg.generate_key_pair, self.home, self.identity.name.text(), self.identity.email.text(),
                   passphrase=self.passphrase.first.text(), algo=self.identity.algo.currentData(),
                   expire=self.identity.expire.currentData(), on_result=self._created, on_error=self._failed,
                   write=True)

    def _created(self, made: gpg.GeneratedKey) -> None:
        self.created = made.key
        self.revocation_in_home = made.revocation_certificate
        p = self.create_page
        p.busy.hide()
        text = self.tr("Created {uid}<br>Fingerprint: <tt>{fpr}</tt><br>Now save the public key to send, "
                       "a backup of the key pair, and the revocation certificate.").format(
            uid=html.escape(made.key.primary_uid), fpr=made.key.grouped_fingerprint)
        if made.revocation_certificate is not None:
            text += "<br>" + self.tr("GnuPG also keeps a revocation certificate in {path}; save a copy to keep "
                                     "offline.").format(path=html.escape(str(made.revocation_certificate)))
        p.status.setText(text)
        p.locked_note.show()
        for b in (p.copy_button, p.export_button, p.backup_button, p.revocation_button):
            b.setEnabled(True)
        # Cancel would suggest the key goes away; it does not. Finish (with the backup check) closes.
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        p.completeChanged.emit()
        self.key_created.emit(made.key)

    def _failed(self, exc: BaseException) -> None:
        self.create_page.busy.hide()
        self.create_page.status.setText(self.tr("The key pair was not created. Go Back to change the details."))
        self.create_page.error.show_failure(exc)  # shown once, on the page
        # Nothing was made: unlock the earlier pages (restored when they are left again).
        self.passphrase.setCommitPage(False)
        self.create_page.completeChanged.emit()
        self.failed.emit(exc)

    def done(self, result: int) -> None:
        """Finish or close: warn once if the new key pair has no backup yet."""
        if self.created is not None and "backup" not in self.saved_paths and not self._warned_no_backup:
            self._warned_no_backup = True
            self.create_page.warn_no_backup()
            self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish without backup"))
            return
        super().done(result)

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

    def _run_save(self, kind: str, fn: Any, path: Path, *args: Any, **kwargs: Any) -> None:
        def ok(_: Any) -> None:
            self.create_page.saved_box.add(kind, path)
            if kind == "backup":
                self.create_page.no_backup_warning.hide()
                self.setButtonText(QWizard.WizardButton.FinishButton, self._finish_text)
            self.saved.emit(str(path))

        def bad(exc: BaseException) -> None:
            show_exception(self, exc)
            self.failed.emit(exc)

        run_worker(fn, self.home, *args, on_result=ok, on_error=bad, **kwargs)

    def export_public_to(self, path: Path) -> None:
        assert self.created is not None
        self._run_save("public", gpg.export_public, path, self.created.fingerprint, path)

    def backup_to(self, path: Path) -> None:
        assert self.created is not None
        self._run_save("backup", gpg.backup_key_pair, path, self.created.fingerprint, path,
                       passphrase=self.passphrase.first.text())

    def save_revocation_to(self, path: Path) -> None:
        assert self.created is not None
        self._run_save("revocation", gpg.save_revocation_certificate, path, self.created.fingerprint, path)

    def _forget_passphrase(self) -> None:
        self.passphrase.first.clear()
        self.passphrase.second.clear()
