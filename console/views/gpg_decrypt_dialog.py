"""Decrypt one .gpg/.pgp file to a chosen place with the key pair's passphrase.

Failures (no secret key, wrong passphrase, damaged or not-encrypted file) are shown once,
inside the dialog, with their explanation (wrapped, scrolling when long); the dialog stays
open so the user can try again. Nothing is written on failure. Long paths are elided in the
middle, with the full path as tooltip.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services import gpg
from console.views.drops import dropped_paths
from console.views.gpg_message_area import GpgMessageArea
from console.views.gpg_path_field import GpgPathField
from console.views.progress_panel import ProgressPanel
from console.workers import Worker, run_worker


class GpgDecryptDialog(QDialog):
    """Source, output, passphrase, Decrypt.

    Signals:
        decrypted(object): the :class:`DecryptResult`.
        failed(object): the exception (already shown in the dialog).
    """

    decrypted = Signal(object)
    failed = Signal(object)

    def __init__(self, home: gpg.GpgHome, source: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("Decrypt a report"))
        self.setAcceptDrops(True)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.source = GpgPathField()
        self.output = GpgPathField()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.overwrite = QCheckBox(self.tr("Replace the output file if it exists"))
        form.addRow(self.tr("Encrypted file:"), self._with_browse(self.source, self._browse_source))
        form.addRow(self.tr("Save as:"), self._with_browse(self.output, self._browse_output))
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.overwrite)
        layout.addLayout(form)
        self.message = GpgMessageArea()
        self.result_label = self.message.label
        layout.addWidget(self.message, 1)
        layout.addStretch(0)
        self.progress = ProgressPanel(self)
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.decrypt_button = self.buttons.addButton(self.tr("Decrypt"), QDialogButtonBox.ButtonRole.ActionRole)
        self.decrypt_button.setDefault(True)
        self.decrypt_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.source, self.output, self.passphrase):
            field.textChanged.connect(self._update)
        self.source.textChanged.connect(self._suggest_output)
        if source is not None:
            self.source.setText(str(source))
        self._update()
        self.resize(680, self.sizeHint().height())

    def _with_browse(self, field: QLineEdit, slot: object) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_paths(event.mimeData())
        if files:
            self.source.setText(str(files[0]))
            self.passphrase.setFocus()
        event.acceptProposedAction()

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
        self.message.clear()
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
        self.message.show_text(text)
        self._grow_to_fit()
        self.decrypted.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, gpg.OutputExists):
            exc.hint = self.tr("Choose another name, or tick \"Replace the output file if it exists\".")
        self.message.show_failure(exc)  # shown once, here: no message box on top
        self._grow_to_fit()
        self.failed.emit(exc)

    def _grow_to_fit(self) -> None:
        """Make room for the explanation (never shrink what the user sized; the text scrolls beyond)."""
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def reject(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        super().reject()
