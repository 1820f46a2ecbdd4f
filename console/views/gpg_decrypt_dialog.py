"""Decrypt one .gpg/.pgp file to a chosen place with the key pair's passphrase.

Failures (no secret key, wrong passphrase, damaged or not-encrypted file) are shown with
their explanation; the dialog stays open so the user can try again. Nothing is written on
failure.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from console.services import gpg
from console.views.messages import show_exception
from console.views.progress_panel import ProgressPanel
from console.workers import Worker, run_worker


class GpgDecryptDialog(QDialog):
    """Source, output, passphrase, Decrypt.

    Signals:
        decrypted(object): the :class:`DecryptResult`.
        failed(object): the exception (already shown to the user).
    """

    decrypted = Signal(object)
    failed = Signal(object)

    def __init__(self, home: gpg.GpgHome, source: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("Decrypt a report"))
        self.setAcceptDrops(True)
        form = QFormLayout(self)
        self.source = QLineEdit()
        self.output = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.overwrite = QCheckBox(self.tr("Replace the output file if it exists"))
        form.addRow(self.tr("Encrypted file:"), self._with_browse(self.source, self._browse_source))
        form.addRow(self.tr("Save as:"), self._with_browse(self.output, self._browse_output))
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.overwrite)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        form.addRow(self.result_label)
        self.progress = ProgressPanel(self)
        form.addRow(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.decrypt_button = self.buttons.addButton(self.tr("Decrypt"), QDialogButtonBox.ButtonRole.ActionRole)
        self.decrypt_button.setDefault(True)
        self.decrypt_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for field in (self.source, self.output, self.passphrase):
            field.textChanged.connect(self._update)
        self.source.textChanged.connect(self._suggest_output)
        if source is not None:
            self.source.setText(str(source))
        self._update()

    def _with_browse(self, field: QLineEdit, slot: object) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    def _browse_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Encrypted file"), self.source.text(),
                                              self.tr("Encrypted files (*.gpg *.pgp *.asc);;All files (*)"))
        if path:
            self.source.setText(path)

    def _browse_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save decrypted file as"), self.output.text())
        if path:
            self.output.setText(path)
            self.overwrite.setChecked(Path(path).exists())  # the save dialog already asked

    def _suggest_output(self, text: str) -> None:
        if not text:
            return
        out = gpg.default_decrypted_name(Path(text))
        n = 1
        while out.exists():  # never suggest a name that would replace a file
            base = gpg.default_decrypted_name(Path(text))
            out = base.with_name(f"{base.stem} ({n}){base.suffix}")
            n += 1
        self.output.setText(str(out))

    def _update(self) -> None:
        busy = self.worker is not None
        self.decrypt_button.setEnabled(not busy and all(f.text() for f in (self.source, self.output,
                                                                            self.passphrase)))

    def start(self) -> None:
        self.result_label.clear()
        self.worker = run_worker(gpg.decrypt_file, self.home, Path(self.source.text()), Path(self.output.text()),
                                 passphrase=self.passphrase.text(), overwrite=self.overwrite.isChecked(),
                                 on_result=self._done, on_error=self._failed, on_finished=self._finished,
                                 start=False)
        self.progress.track(self.worker, self.tr("Decrypting…"))
        from console.workers import reader_pool

        reader_pool().start(self.worker)
        self._update()

    def _finished(self) -> None:
        self.worker = None
        self.passphrase.clear()  # never kept longer than one attempt
        self._update()

    def _done(self, result: gpg.DecryptResult) -> None:
        text = self.tr("Decrypted to {path}.").format(path=result.output)
        if result.signature:
            text += " " + self.tr("Signature: {sig}.").format(sig=result.signature)
        self.result_label.setText(text)
        self.decrypted.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.result_label.setText(str(exc))
        show_exception(self, exc)
        self.failed.emit(exc)

    def reject(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        super().reject()
