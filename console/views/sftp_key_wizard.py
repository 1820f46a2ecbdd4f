"""The key-pair wizard: sFTP username → key size → passphrase → where to save → result and what to send."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from console.services.sftp import DEFAULT_HOST, DEFAULT_PORT, KEY_SIZES, KeyPairResult, save_key_pair
from console.services.sftp.keys import PPK_NAME, PRIVATE_NAME, PUBLIC_NAME, username_problem
from console.views.messages import show_exception
from console.views.passphrase_fields import PassphraseFields
from console.views.sftp_key_panel import SftpKeyPanel
from console.workers import Worker, run_worker


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class _UserPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your sFTP username"))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr(
            "The key's comment must be the sFTP username the broker gave you; the broker uses it to match the "
            "key to the account.")))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. u1234567"))
        layout.addWidget(self.username)
        self.problem = _label("")
        self.problem.setObjectName("usernameProblem")
        palette = self.problem.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(176, 0, 32))
        self.problem.setPalette(palette)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.registerField("username*", self.username)
        self.username.textChanged.connect(self._check)

    def _problem(self) -> str | None:
        return username_problem(self.username.text())

    def _check(self) -> None:
        # Nothing typed yet: the disabled Next says enough; anything else wrong is said right here.
        problem = self._problem() if self.username.text().strip() else None
        self.problem.setText(self.tr("Next is blocked: {why}").format(why=problem) if problem else "")
        self.problem.setVisible(problem is not None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._problem() is None


class _SizePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Key size"))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr(
            "An RSA key of 2048 bits is what the broker asks for. Larger keys also work but are slower.")))
        self.bits = QComboBox()
        for bits in KEY_SIZES:
            self.bits.addItem(self.tr("{n} bits").format(n=bits), bits)
        layout.addWidget(self.bits)


class _PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Passphrase (optional)"))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr(
            "A passphrase encrypts the private key file, so a copied file is useless without it. You will type "
            "it when connecting. It cannot be recovered if forgotten: you would make a new key pair. Leave both "
            "fields empty for no passphrase.")))
        self.fields = PassphraseFields(optional=True, empty_text=self.tr(
            "No passphrase: anyone with the file can use the key."))
        self.first, self.second = self.fields.first, self.fields.second
        self.meter, self.feedback = self.fields.meter, self.fields.feedback
        self.fields.changed.connect(self.completeChanged)
        layout.addWidget(self.fields)

    def isComplete(self) -> bool:
        return self.fields.is_acceptable()


class _SavePage(QWizardPage):
    def __init__(self, default_dir: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Where to save"))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr(
            "The private key is saved as {priv} (OpenSSH format, readable only by you) and the public key as "
            "{pub}. PuTTY and WinSCP users also need a .ppk file.").format(priv=PRIVATE_NAME, pub=PUBLIC_NAME)))
        row = QHBoxLayout()
        self.folder = QLineEdit(str(default_dir))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.ppk = QCheckBox(self.tr("Also save {name} for PuTTY / WinSCP").format(name=PPK_NAME))
        self.ppk_version = QComboBox()
        self.ppk_version.addItem(self.tr("Version 3 (PuTTY 0.75 and later)"), 3)
        self.ppk_version.addItem(self.tr("Version 2 (older PuTTY and WinSCP)"), 2)
        self.ppk_version.setEnabled(False)
        self.ppk.toggled.connect(self.ppk_version.setEnabled)
        layout.addWidget(self.ppk)
        layout.addWidget(self.ppk_version)
        self.commit_note = _label(self.tr(
            "Create key pair writes the files. After that the earlier pages are locked; for another username "
            "or key size, run the wizard again."))
        self.commit_note.setEnabled(False)  # greyed: a note, not a warning
        layout.addWidget(self.commit_note)
        layout.addStretch(1)
        self.overwrite = False
        self.setCommitPage(True)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the key files"), self.folder.text())
        if path:
            self.folder.setText(path)

    def confirm_overwrite(self, names: list[str]) -> bool:
        answer = QMessageBox.question(self, self.tr("Replace key files?"), self.tr(
            "{names} already exist in this folder. Replacing them makes the old key unusable for good. "
            "Replace?").format(names=", ".join(names)))
        return answer == QMessageBox.StandardButton.Yes

    def validatePage(self) -> bool:
        self.setCommitPage(True)  # unlocked again after a failed attempt; locked once more on the way out
        folder = Path(self.folder.text().strip()).expanduser()
        names = [PRIVATE_NAME, PUBLIC_NAME] + ([PPK_NAME] if self.ppk.isChecked() else [])
        existing = [n for n in names if (folder / n).exists()]
        self.overwrite = bool(existing) and self.confirm_overwrite(existing)
        return not existing or self.overwrite


class _ResultPage(QWizardPage):
    def __init__(self, wizard: SftpKeyWizard) -> None:
        super().__init__()
        self.wizard_ref = wizard
        self.setTitle(self.tr("Your key pair"))
        layout = QVBoxLayout(self)
        self.status = _label(self.tr("Generating the key…"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        self.panel = SftpKeyPanel(stacked=True)
        layout.addWidget(self.panel)
        self.advice = _label("")
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.advice)
        self.locked_note = _label(self.tr(
            "The earlier pages are locked because the key files now exist. For another username or key size, "
            "finish here and choose New key pair… again."))
        self.locked_note.setEnabled(False)
        self.locked_note.hide()
        layout.addWidget(self.locked_note)
        self.test_button = QPushButton(self.tr("&Test the connection…"))
        self.test_button.setEnabled(False)
        self.test_button.clicked.connect(wizard.request_test)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        layout.addStretch(1)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.wizard_ref.generate()

    def show_result(self, result: KeyPairResult) -> None:
        self.done = True
        self.busy.hide()
        files = [self.tr("{name} (the private key: keep it)").format(name=Path(result.private_path).name),
                 self.tr("{name} (the public key: send it)").format(name=Path(result.public_path).name)]
        if result.ppk_path:
            files.append(self.tr("{name} (the private key for PuTTY / WinSCP: keep it)").format(
                name=Path(result.ppk_path).name))
        self.status.setText(self.tr("Saved {count} files in {folder}:\n{files}").format(
            count=len(files), folder=Path(result.private_path).parent, files="\n".join("• " + f for f in files)))
        self.locked_note.show()
        self.panel.set_info(result.info)
        self.advice.setText(self.tr(
            "What to send: only the public key above (the file {pub}), through the Message Center or by email "
            "as the broker instructs. Never send the private key ({priv} or the .ppk) to anyone, the broker "
            "included. Once the broker has installed the key (allow 1-2 business days), connect to {host} on "
            "port {port} with the private key.").format(pub=PUBLIC_NAME, priv=PRIVATE_NAME, host=DEFAULT_HOST,
                                                        port=DEFAULT_PORT))
        self.test_button.setEnabled(True)
        self.completeChanged.emit()

    def show_failure(self) -> None:
        self.busy.hide()
        self.status.setText(self.tr("The key pair was not created. Go Back to change the settings."))

    def isComplete(self) -> bool:
        return self.done


class SftpKeyWizard(QWizard):
    """Creates an RSA key pair for sFTP and shows what to do with it.

    Signals:
        generated(object): the :class:`KeyPairResult` once the files are written.
        test_requested(str, str): username and private key path, to test the connection.
        idle(): the key-writing worker has finished (the wizard may then be deleted).
    """

    generated = Signal(object)
    test_requested = Signal(str, str)
    idle = Signal()

    DEFAULT_SIZE = QSize(760, 640)

    def __init__(self, default_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New sFTP key pair"))
        # Big enough for the last page: the whole public line of a 4096-bit key, both fingerprints
        # unbroken, and the advice, without anything cut or squeezed.
        self.setMinimumSize(self.DEFAULT_SIZE)
        self.resize(self.DEFAULT_SIZE)
        self.user_page = _UserPage()
        self.size_page = _SizePage()
        self.pass_page = _PassphrasePage()
        self.save_page = _SavePage(default_dir)
        self.result_page = _ResultPage(self)
        for page in (self.user_page, self.size_page, self.pass_page, self.save_page, self.result_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create key pair"))
        self.key_result: KeyPairResult | None = None
        self.worker: Worker | None = None
        self.busy = False

    def generate(self) -> None:
        self.busy = True
        self.key_result = None
        kwargs: dict[str, Any] = {
            "bits": int(self.size_page.bits.currentData()), "passphrase": self.pass_page.first.text() or None,
            "write_ppk": self.save_page.ppk.isChecked(), "ppk_version": int(self.save_page.ppk_version.currentData()),
            "overwrite": self.save_page.overwrite}
        folder = Path(self.save_page.folder.text().strip()).expanduser()
        self.worker = run_worker(save_key_pair, folder, self.user_page.username.text().strip(), **kwargs,
                                 on_result=self._done, on_error=self._failed, on_finished=self._idle)

    def _idle(self) -> None:
        self.busy = False
        self.worker = None
        self.idle.emit()

    def _done(self, result: KeyPairResult) -> None:
        self.key_result = result
        self.clear_passphrase()  # written into the files; not needed any more
        self.result_page.show_result(result)
        # The key files exist: Cancel would suggest they go away. Finish closes.
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.generated.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.result_page.show_failure()
        # Nothing was written: unlock the earlier pages (locked again when the save page is left).
        self.save_page.setCommitPage(False)
        self.result_page.completeChanged.emit()
        show_exception(self, exc)

    def clear_passphrase(self) -> None:
        for field in (self.pass_page.first, self.pass_page.second):
            field.clear()

    def done(self, result: int) -> None:
        """Finish or close: the passphrase fields are emptied so no copy stays in the widgets."""
        self.clear_passphrase()
        super().done(result)

    def request_test(self) -> None:
        if self.key_result is not None:
            self.test_requested.emit(self.user_page.username.text().strip(), self.key_result.private_path)
