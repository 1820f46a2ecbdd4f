"""Encrypted reports (GPG): the console's keyring, client key pairs, backups, encrypt and decrypt.

Dropped files are sorted by what they hold: a public key (or key pair backup) opens the
import flow with its fingerprint to confirm; an encrypted file opens the decrypt dialog;
anything else opens the encrypt dialog with those reports.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.services import gpg
from console.views.area_page import AreaPage
from console.views.drops import dropped_paths
from console.views.gpg_decrypt_dialog import GpgDecryptDialog
from console.views.gpg_encrypt_dialog import GpgEncryptDialog
from console.views.gpg_import_dialog import GpgImportDialog
from console.views.gpg_keypair_wizard import GpgKeyPairWizard
from console.views.gpg_keys_model import KEY_ROLE, GpgKeysProxyModel, GpgKeysTableModel
from console.views.gpg_passphrase_dialog import GpgPassphraseDialog
from console.views.messages import show_exception
from console.workers import run_worker


class GpgPage(AreaPage):
    """Keys table with actions; import, key pair wizard, backup/restore, encrypt and decrypt dialogs.

    Signals:
        keys_loaded(int): the keys table was (re)loaded with this many keys.
        operation_done(str): an action finished (a short text, also shown in the status bar).
        operation_failed(object): an action failed (the exception, already shown to the user).
    """

    area_key = "gpg"
    keys_loaded = Signal(int)
    operation_done = Signal(str)
    operation_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, home: gpg.GpgHome | None = None) -> None:
        super().__init__(ctx, parent)
        self._fixed_home = home
        self._home_cache: tuple[tuple[str, str], gpg.GpgHome] | None = None
        self.setAcceptDrops(True)
        self.dialog: Any = None

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import key…"))
        self.paste_button = QPushButton(self.tr("Paste key"))
        self.new_button = QPushButton(self.tr("New key pair…"))
        self.restore_button = QPushButton(self.tr("Restore backup…"))
        self.encrypt_button = QPushButton(self.tr("Encrypt reports…"))
        self.decrypt_button = QPushButton(self.tr("Decrypt…"))
        for b in (self.import_button, self.paste_button, self.new_button, self.restore_button,
                  self.encrypt_button, self.decrypt_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        # The filter has its own row: beside six buttons it was squeezed to a few letters on small screens.
        filter_row = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name, email or fingerprint"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(480)
        filter_row.addWidget(self.filter, 1)
        filter_row.addStretch(0)
        layout.addLayout(filter_row)

        self.model = GpgKeysTableModel(self)
        self.proxy = GpgKeysProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(GpgKeysTableModel.USER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The user id takes what is left (elided, full text in its tooltip and below the table), so
        # Status and Secret part stay on screen at 1024 px.
        header.setSectionResizeMode(GpgKeysTableModel.USER, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.empty = QLabel(self.tr("<h3>No keys yet</h3>Drop a client's public key (.asc) here, paste one, "
                                    "or create a key pair with <b>New key pair…</b>.<br>Drop an encrypted "
                                    "report (.gpg) to decrypt it."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        actions = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy fingerprint"))
        self.trust_button = QPushButton(self.tr("Confirm fingerprint…"))
        self.export_button = QPushButton(self.tr("Export public key…"))
        self.backup_button = QPushButton(self.tr("Back up key pair…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        for b in (self.copy_button, self.trust_button, self.export_button, self.backup_button, self.remove_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.import_button.clicked.connect(self._choose_import)
        self.paste_button.clicked.connect(self.paste_key)
        self.new_button.clicked.connect(self.new_key_pair)
        self.restore_button.clicked.connect(self._choose_restore)
        self.encrypt_button.clicked.connect(lambda: self.encrypt_paths([]))
        self.decrypt_button.clicked.connect(lambda: self.decrypt_path(None))
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.trust_button.clicked.connect(self.confirm_selected)
        self.export_button.clicked.connect(self._choose_export)
        self.backup_button.clicked.connect(self._choose_backup)
        self.remove_button.clicked.connect(self.remove_selected)
        self.filter.textChanged.connect(self.proxy.set_filter_text)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        shortcuts: list[tuple[Any, QWidget, Any]] = [
            (QKeySequence.StandardKey.Paste, self, self.paste_key),
            (QKeySequence.StandardKey.Find, self, self.filter.setFocus),
            (QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected),  # not StandardKey: Ctrl+D on X11
            (QKeySequence.StandardKey.Copy, self.table, self.copy_fingerprint),
            (QKeySequence("Ctrl+E"), self, lambda: self.encrypt_paths([])),
            (QKeySequence("Ctrl+D"), self, lambda: self.decrypt_path(None)),
            (QKeySequence.StandardKey.Refresh, self, self.reload),
        ]
        for seq, owner, slot in shortcuts:
            QShortcut(seq, owner).activated.connect(slot)
        self._selection_changed()
        self.reload()

    # ------------------------------------------------------------------ helpers
    @property
    def home(self) -> gpg.GpgHome:
        """The GnuPG home and gpg program of the current settings (Preferences may change both).

        Every action and dialog of the page takes its home from here, so the ``gnupg_home`` and
        ``gpg_binary`` settings apply without a restart.
        """
        if self._fixed_home is not None:
            return self._fixed_home
        settings = self.ctx.settings
        wanted = (str(settings.gnupg_home), str(settings.gpg_binary or "gpg"))
        if self._home_cache is None or self._home_cache[0] != wanted:
            # Only the default home is created on first use; a mistyped setting is reported instead.
            self._home_cache = (wanted, gpg.GpgHome.chosen(*wanted, default=self.ctx.data_dir / "gnupg"))
        return self._home_cache[1]

    def _fail(self, exc: BaseException) -> None:
        show_exception(self, exc)
        self.operation_failed.emit(exc)

    def _done(self, text: str) -> None:
        self.status_message.emit(text)
        self.operation_done.emit(text)

    def _reload_and_say(self, text: str) -> None:
        self.reload()
        self._done(text)

    def reload(self) -> None:
        run_worker(gpg.list_keys, self.home, on_result=self._show_keys, on_error=self._fail)

    def _show_keys(self, keys: list[gpg.KeyInfo]) -> None:
        selected = self.selected_key()
        self.model.set_keys(keys)
        self.stack.setCurrentWidget(self.table if keys else self.empty)
        if selected is not None:
            self.select_fingerprint(selected.fingerprint)
        soon = [k for k in keys if k.expires_soon]
        if soon:
            self.status_message.emit((self.tr("1 key expires within {d} days.") if len(soon) == 1 else
                                      self.tr("{n} keys expire within {d} days.")).format(
                n=len(soon), d=gpg.EXPIRY_WARNING_DAYS))
        self._selection_changed()
        self.keys_loaded.emit(len(keys))

    def selected_key(self) -> gpg.KeyInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        key: gpg.KeyInfo = rows[0].data(KEY_ROLE)
        return key

    def select_fingerprint(self, fpr: str) -> bool:
        for row in range(self.proxy.rowCount()):
            idx = self.proxy.index(row, 0)
            if idx.data(KEY_ROLE).fingerprint == fpr:
                self.table.selectRow(row)
                self.table.scrollTo(idx)
                return True
        return False

    def _selection_changed(self, *_: QItemSelection) -> None:
        k = self.selected_key()
        for b in (self.copy_button, self.export_button, self.remove_button):
            b.setEnabled(k is not None)
        self.trust_button.setEnabled(k is not None and not k.trusted and not k.revoked)
        self.backup_button.setEnabled(k is not None and k.has_secret)
        if k is None:
            self.details.setText("")
            return
        lines = [f"<b>{html.escape(', '.join(k.user_ids))}</b>",
                 f"<tt>{k.grouped_fingerprint}</tt> · {html.escape(k.algorithm_label)}"]
        if k.expires_soon:
            lines.append(self.tr("Expires in {n} days: ask the client for an extended or new key.")
                         .format(n=k.expires_in_days))
        if not k.trusted and not k.revoked and not k.expired:
            lines.append(self.tr("Not confirmed: compare the fingerprint with the owner, then Confirm."))
        self.details.setText("<br>".join(lines))

    # ------------------------------------------------------------------ drop / open
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls():
            self.open_paths(dropped_paths(mime))
        elif mime.hasText():
            self.import_text(mime.text().encode("utf-8"), self.tr("the dropped text"))
        event.acceptProposedAction()

    def open_paths(self, paths: list[Path]) -> None:
        """Keys go to import, encrypted files to decrypt, anything else to encrypt."""
        reports: list[Path] = []
        for path in paths:
            kind = gpg.file_kind(path) if path.is_file() else "unknown"
            if kind in ("public-key", "secret-key"):
                self.import_file(path)
            elif kind == "encrypted" or (path.suffix.lower() in (".gpg", ".pgp") and kind != "unknown"):
                self.decrypt_path(path)
            else:
                reports.append(path)
        if reports:
            self.encrypt_paths(reports)

    # ------------------------------------------------------------------ import / trust / remove
    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a public key"), "",
                                              self.tr("Keys (*.asc *.gpg *.pgp *.key *.pub);;All files (*)"))
        if name:
            self.import_file(Path(name))

    def paste_key(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._fail(gpg.BadKeyFile(self.tr("The clipboard is empty: copy the client's public key first.")))
            return
        self.import_text(text.encode("utf-8"), self.tr("the clipboard"))

    def import_file(self, path: Path) -> None:
        def read_and_preview(home: gpg.GpgHome, p: Path) -> tuple[bytes, list[gpg.KeyInfo]]:
            data = gpg.read_key_file(p)
            return data, gpg.preview_keys(home, data)

        run_worker(read_and_preview, self.home, path,
                   on_result=lambda r: self._confirm_import(r[0], r[1], path.name), on_error=self._fail)

    def import_text(self, data: bytes, source: str) -> None:
        run_worker(gpg.preview_keys, self.home, data,
                   on_result=lambda keys: self._confirm_import(data, keys, source), on_error=self._fail)

    def _confirm_import(self, data: bytes, keys: list[gpg.KeyInfo], source: str) -> None:
        dialog = GpgImportDialog(keys, source, self)
        self.dialog = dialog

        def accepted() -> None:
            trust = dialog.trust
            run_worker(gpg.import_keys, self.home, data, trust=trust, write=True,
                       on_result=lambda s: self._imported(s, trust), on_error=self._fail)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _imported(self, summary: gpg.ImportSummary, trusted: bool) -> None:
        text = summary.summary + "."
        if not trusted and any(not k.trusted for k in summary.keys):
            text += " " + self.tr("Not confirmed yet: it cannot be used for encryption until you confirm it.")
        self.reload()
        if summary.keys:
            self.keys_loaded.connect(self._select_after_load(summary.keys[0].fingerprint))
        self._done(text)

    def _select_after_load(self, fpr: str) -> Any:
        tries = [2]  # an older reload may land first without the key: allow one more

        def select(_: int) -> None:
            tries[0] -= 1
            if self.select_fingerprint(fpr) or tries[0] <= 0:
                self.keys_loaded.disconnect(select)

        return select

    def confirm_selected(self) -> None:
        k = self.selected_key()
        if k is None:
            return
        dialog = GpgImportDialog([k], self.tr("the keyring"), self)
        dialog.import_only.hide()
        dialog.import_trust.setText(self.tr("Confirm"))
        self.dialog = dialog

        def accepted() -> None:
            if dialog.trust:
                run_worker(gpg.trust_key, self.home, k.fingerprint, write=True, on_error=self._fail,
                           on_result=lambda key: self._reload_and_say(
                               self.tr("Confirmed {uid} for encryption.").format(uid=key.primary_uid)))

        dialog.accepted.connect(accepted)
        dialog.open()

    def remove_selected(self) -> None:
        k = self.selected_key()
        if k is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove key"), "", parent=self)
        box.setText(self.tr("Remove {uid} ({fpr}) from the console's keyring?").format(
            uid=k.primary_uid, fpr=k.grouped_fingerprint))
        if k.has_secret:
            box.setInformativeText(self.tr("This includes the SECRET key: files encrypted to it can no longer be "
                                           "decrypted here unless you have a backup."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.dialog = box

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                run_worker(gpg.remove_key, self.home, k.fingerprint, write=True, on_error=self._fail,
                           on_result=lambda key: self._reload_and_say(
                               self.tr("Removed {uid}.").format(uid=key.primary_uid)))

        box.finished.connect(answered)
        box.open()

    def copy_fingerprint(self) -> None:
        k = self.selected_key()
        if k is not None:
            QGuiApplication.clipboard().setText(k.fingerprint)
            self._done(self.tr("Fingerprint copied."))

    # ------------------------------------------------------------------ key pairs
    def new_key_pair(self) -> GpgKeyPairWizard:
        wizard = GpgKeyPairWizard(self.home, self)
        wizard.key_created.connect(self._key_pair_created)
        wizard.finished.connect(lambda _: self._show_new_key(wizard.created))
        self.dialog = wizard
        wizard.open()
        return wizard

    def _key_pair_created(self, key: gpg.KeyInfo) -> None:
        self.keys_loaded.connect(self._select_after_load(key.fingerprint))
        self._reload_and_say(self.tr("Key pair created for {uid}.").format(uid=key.primary_uid))

    def _show_new_key(self, key: gpg.KeyInfo | None) -> None:
        """After the wizard: the new key is the selected row, in view, with the keyboard focus."""
        if key is None:
            return
        self.filter.clear()  # a filter typed before must not hide the new key
        self.select_fingerprint(key.fingerprint)
        self.table.setFocus()

    def _choose_export(self) -> None:
        k = self.selected_key()
        if k is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export public key"), f"{k.key_id}-public.asc",
                                              self.tr("Armored key (*.asc)"))
        if name:
            self.export_public(k.fingerprint, Path(name))

    def export_public(self, fpr: str, out: Path) -> None:
        run_worker(gpg.export_public, self.home, fpr, out, on_error=self._fail,
                   on_result=lambda r: self._done(self.tr("Public key saved to {path}. It is not a backup.")
                                                  .format(path=out)))

    def _choose_backup(self) -> None:
        k = self.selected_key()
        if k is None or not k.has_secret:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Back up key pair"), f"{k.key_id}-keypair-backup.asc",
                                              self.tr("Armored key (*.asc)"))
        if name:
            self.backup(k.fingerprint, Path(name))

    def backup(self, fpr: str, out: Path) -> GpgPassphraseDialog:
        dialog = GpgPassphraseDialog(self.tr("The passphrase of the key pair is needed to back it up (secret "
                                             "and public parts together)."), self, title=self.tr("Back up"))
        self.dialog = dialog

        def accepted() -> None:
            run_worker(gpg.backup_key_pair, self.home, fpr, out, passphrase=dialog.passphrase(), on_error=self._fail,
                       on_result=lambda r: self._done(self.tr("Key pair backed up to {path}.").format(path=out)))
            dialog.field.clear()

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def _choose_restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore a key pair backup"), "",
                                              self.tr("Armored key (*.asc);;All files (*)"))
        if name:
            self.restore(Path(name))

    def restore(self, path: Path) -> None:
        run_worker(gpg.restore_backup, self.home, path, write=True, on_error=self._fail,
                   on_result=lambda s: self._reload_and_say(s.summary + "."))

    # ------------------------------------------------------------------ encrypt / decrypt
    def encrypt_paths(self, paths: list[Path]) -> GpgEncryptDialog:
        dialog = GpgEncryptDialog(self.home, self.model.keys(), paths, self, data_dir=self.ctx.data_dir)
        dialog.encrypted.connect(lambda o: self._done(dialog.message.plain_text))
        dialog.key_confirmed.connect(lambda key: self._reload_and_say(
            self.tr("Confirmed {uid} for encryption.").format(uid=key.primary_uid)))
        dialog.failed.connect(self.operation_failed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def decrypt_path(self, path: Path | None) -> GpgDecryptDialog:
        dialog = GpgDecryptDialog(self.home, path, self)
        dialog.decrypted.connect(lambda r: self._done(dialog.message.plain_text))
        dialog.failed.connect(self.operation_failed)
        self.dialog = dialog
        dialog.open()
        dialog.passphrase.setFocus()
        return dialog
