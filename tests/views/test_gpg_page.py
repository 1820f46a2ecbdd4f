"""The GPG page and its dialogs on real gpg homes (offscreen Qt, waits on signals)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWizard

from console.services import gpg

pytest.register_assert_rewrite("tests.services.conftest_gpg")

from tests.services.conftest_gpg import (  # noqa: E402
    PASS,
    gpg_children,
    no_part_files,
    part_bigger_than,
    sparse,
    write_report,
)

pytest_plugins = ("tests.services.conftest_gpg",)

TIMEOUT = 15000


@pytest.fixture
def make_page(qtbot, ctx):
    from console.views.gpg_page import GpgPage

    def make(home):
        page = GpgPage(ctx, home=home)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.model.rowCount() == len(gpg.list_keys(home)) and page.stack.currentWidget()
                        is (page.table if page.model.rowCount() else page.empty), timeout=TIMEOUT)
        return page

    return make


def _close_message_boxes(qtbot):
    from PySide6.QtWidgets import QApplication

    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            w.close()


def test_keys_model(qtmodeltester, alice_home):
    from console.views.gpg_keys_model import GpgKeysProxyModel, GpgKeysTableModel

    model = GpgKeysTableModel()
    model.set_keys(gpg.list_keys(alice_home))
    qtmodeltester.check(model)
    proxy = GpgKeysProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter_text("team@")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("")
    proxy.set_secret_only(True)
    assert proxy.rowCount() == 2


def test_empty_state_then_drop_a_public_key_and_confirm_its_fingerprint(qtbot, make_page, alice_home, other_home,
                                                                        key_template, tmp_path):
    from console.views.gpg_import_dialog import GpgImportDialog

    page = make_page(other_home)
    assert page.stack.currentWidget() is page.empty
    pub = tmp_path / "alice.asc"
    gpg.export_public(alice_home, key_template.alice, pub)
    page.open_paths([pub])
    qtbot.waitUntil(lambda: isinstance(page.dialog, GpgImportDialog), timeout=TIMEOUT)
    dialog = page.dialog
    assert not dialog.import_trust.isEnabled()  # not before the fingerprint was compared
    labels = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert gpg.group_fingerprint(key_template.alice) in labels
    dialog.compared.setChecked(True)
    with qtbot.waitSignal(page.operation_done, timeout=TIMEOUT) as done:
        dialog.import_trust.click()
    assert "1 public, 0 secret key imported" in done.args[0]
    # The page's first listing may still land late (busy pool): wait for the reload after the import.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.key_at(0).trusted, timeout=TIMEOUT)
    assert page.stack.currentWidget() is page.table


def test_import_only_leaves_key_unconfirmed_and_encrypt_dialog_says_so(qtbot, make_page, alice_home, other_home,
                                                                        key_template, tmp_path):
    page = make_page(other_home)
    _, armored = gpg.export_public(alice_home, key_template.alice)
    page.import_text(armored.encode(), "the clipboard")
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(page.operation_done, timeout=TIMEOUT) as done:
        page.dialog.import_only.click()
    assert "Not confirmed" in done.args[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    assert page.model.data(page.model.index(0, page.model.STATUS)) == "Not confirmed"
    dialog = page.encrypt_paths([write_report(tmp_path / "r.csv")])
    # Listed, greyed, and explained, with the way to confirm right there.
    assert dialog.recipient.count() == 1 and dialog.recipient.currentData() == key_template.alice
    assert "not confirmed" in dialog.recipient.currentText() and dialog.no_recipient.isHidden()
    assert not dialog.encrypt_button.isEnabled() and "not confirmed" in dialog.encrypt_button.toolTip()
    assert not dialog.hint_box.isHidden() and not dialog.confirm_button.isHidden()
    assert gpg.group_fingerprint(key_template.alice) in dialog.recipient_hint.text()
    confirm = dialog.confirm_recipient()
    confirm.compared.setChecked(True)
    with qtbot.waitSignal(dialog.key_confirmed, timeout=TIMEOUT), \
            qtbot.waitSignal(page.operation_done, timeout=TIMEOUT) as done:
        confirm.import_trust.click()
    assert "Confirmed" in done.args[0] and "Confirmed" in dialog.message.plain_text
    assert dialog.encrypt_button.isEnabled() and dialog.hint_box.isHidden()
    assert "not confirmed" not in dialog.recipient.currentText()
    assert gpg.find_key(other_home, key_template.alice).trusted
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.key_at(0).trusted, timeout=TIMEOUT)
    dialog.reject()


def test_encrypt_dialog_says_why_sftp_upload_is_off_and_which_keys_it_leaves_out(qtbot, make_page, alice_home,
                                                                                   tmp_path):
    from tests.services.conftest_gpg import make_expired_key

    make_expired_key(alice_home)
    page = make_page(alice_home)
    dialog = page.encrypt_paths([write_report(tmp_path / "r.csv")])
    assert not dialog.to_sftp.isEnabled() and not dialog.no_sftp.isHidden()
    assert "sFTP profile" in dialog.no_sftp.text() and dialog.to_sftp.toolTip() == dialog.no_sftp.text()
    assert not dialog.not_listed.isHidden() and "1 expired or revoked key (Old Client" in dialog.not_listed.text()
    assert dialog.recipient.findText("Old Client", Qt.MatchFlag.MatchContains) == -1
    dialog.reject()


def test_drop_encrypted_report_wrong_then_right_passphrase(qtbot, make_page, alice_home, key_template, tmp_path):
    from console.views.gpg_decrypt_dialog import GpgDecryptDialog

    report = write_report(tmp_path / "statement.csv")
    enc = gpg.encrypt_files(alice_home, [report], key_template.alice, out_dir=tmp_path / "in").files[0].output
    page = make_page(alice_home)
    page.open_paths([enc])
    dialog = page.dialog
    assert isinstance(dialog, GpgDecryptDialog)
    assert dialog.output.text() == str(tmp_path / "in" / "statement.csv")
    dialog.passphrase.setText("wrong passphrase")
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        dialog.decrypt_button.click()
    assert isinstance(failed.args[0], gpg.BadPassphrase)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    assert dialog.passphrase.text() == "" and not (tmp_path / "in" / "statement.csv").exists()
    _close_message_boxes(qtbot)
    dialog.passphrase.setText(PASS)
    with qtbot.waitSignal(page.operation_done, timeout=TIMEOUT):
        dialog.decrypt_button.click()
    assert (tmp_path / "in" / "statement.csv").read_bytes() == report.read_bytes()


def test_no_secret_key_is_explained_in_the_dialog(qtbot, make_page, alice_home, other_home, key_template, tmp_path):
    enc = gpg.encrypt_files(alice_home, [write_report(tmp_path / "r.csv")], key_template.alice).files[0].output
    page = make_page(other_home)
    dialog = page.decrypt_path(enc)
    dialog.passphrase.setText(PASS)
    with qtbot.waitSignal(page.operation_failed, timeout=TIMEOUT) as failed:
        dialog.decrypt_button.click()
    assert isinstance(failed.args[0], gpg.NoSecretKey)
    assert "key ID" in dialog.result_label.text()
    _close_message_boxes(qtbot)


def test_encrypt_dialog_to_folder_with_signature(qtbot, make_page, alice_home, key_template, tmp_path):
    page = make_page(alice_home)
    reports = tmp_path / "reports"
    write_report(reports / "a.csv")
    write_report(reports / "b.csv")
    dialog = page.encrypt_paths([reports])
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(key_template.alice))
    dialog.out_dir.setText(str(tmp_path / "out"))
    assert dialog.to_folder.isChecked()
    dialog.sign.setChecked(True)
    dialog.signer.setCurrentIndex(dialog.signer.findData(key_template.team))
    assert not dialog.encrypt_button.isEnabled()  # signing needs the passphrase
    dialog.sign_passphrase.setText(PASS + " team")
    with qtbot.waitSignal(dialog.encrypted, timeout=TIMEOUT) as done:
        dialog.encrypt_button.click()
    assert sorted(p.name for p in (tmp_path / "out" / "reports").iterdir()) == ["a.csv.gpg", "b.csv.gpg"]
    assert done.args[0].result.signed_by == key_template.team
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    assert dialog.sign_passphrase.text() == ""


def test_key_pair_wizard_creates_and_backs_up(qtbot, make_page, home, other_home, tmp_path):
    page = make_page(home)
    wizard = page.new_key_pair()
    wizard.identity.name.setText("Dana Client")
    wizard.identity.email.setText("dana@example.com")
    wizard.identity.algo.setCurrentIndex(wizard.identity.algo.findData("ed25519"))
    assert wizard.identity.expire.currentData() == "2y"
    wizard.next()
    wizard.passphrase.first.setText("short")
    assert not wizard.passphrase.isComplete()
    wizard.passphrase.first.setText(PASS)
    wizard.passphrase.second.setText(PASS)
    assert wizard.passphrase.isComplete() and wizard.passphrase.meter.value() >= 2
    with qtbot.waitSignal(wizard.key_created, timeout=TIMEOUT):
        wizard.next()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.backup_to(tmp_path / "dana-backup.asc")
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.save_revocation_to(tmp_path / "dana.rev")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    wizard.accept()
    assert wizard.passphrase.first.text() == ""
    assert gpg.restore_backup(other_home, tmp_path / "dana-backup.asc").summary == "1 public, 1 secret key imported"


def test_remove_asks_first(qtbot, make_page, alice_home, key_template):
    page = make_page(alice_home)
    page.select_fingerprint(key_template.team)
    assert page.backup_button.isEnabled() and not page.trust_button.isEnabled()
    page.remove_selected()
    box = page.dialog
    assert "SECRET" in box.informativeText()
    with qtbot.waitSignal(page.operation_done, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)


def test_backup_from_page_and_copy_fingerprint(qtbot, make_page, alice_home, key_template, tmp_path):
    from PySide6.QtGui import QGuiApplication

    page = make_page(alice_home)
    page.select_fingerprint(key_template.alice)
    page.copy_fingerprint()
    assert QGuiApplication.clipboard().text() == key_template.alice
    dialog = page.backup(key_template.alice, tmp_path / "b.asc")
    dialog.field.setText(PASS)
    with qtbot.waitSignal(page.operation_done, timeout=TIMEOUT):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "PRIVATE KEY BLOCK" in (tmp_path / "b.asc").read_text()


def test_cancel_in_the_encrypt_dialog_stops_gpg_and_leaves_nothing(qtbot, make_page, alice_home, key_template,
                                                                   tmp_path):
    page = make_page(alice_home)
    src = sparse(tmp_path / "in" / "huge.zip")
    out = tmp_path / "out"
    dialog = page.encrypt_paths([src])
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(key_template.alice))
    dialog.out_dir.setText(str(out))
    dialog.encrypt_button.click()
    worker = dialog.worker
    qtbot.waitUntil(lambda: part_bigger_than(out, 1 << 20), timeout=TIMEOUT)
    assert len(gpg_children()) == 1
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        dialog.progress.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    assert gpg_children() == [] and no_part_files(tmp_path) and not (out / "huge.zip.gpg").exists()
    assert dialog.encrypt_button.isEnabled()
    dialog.reject()


def test_ctrl_d_opens_decrypt_and_delete_asks_to_remove(qtbot, make_page, alice_home):
    """Ctrl+D must reach Decrypt on every platform (on X11 StandardKey.Delete also means Ctrl+D);
    the keys table's Remove is the plain Delete key."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from console.views.gpg_decrypt_dialog import GpgDecryptDialog

    page = make_page(alice_home)
    before = page.model.rowCount()
    with qtbot.waitActive(page, timeout=TIMEOUT):
        page.show()
        page.activateWindow()
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.dialog, GpgDecryptDialog) and page.dialog.isVisible(), timeout=TIMEOUT)
    page.dialog.reject()
    page.dialog = None
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: isinstance(page.dialog, QMessageBox) and page.dialog.isVisible(), timeout=TIMEOUT)
    assert "Remove" in page.dialog.text()
    page.dialog.reject()
    assert page.model.rowCount() == before == len(gpg.list_keys(alice_home))  # nothing removed without a Yes


def test_keys_table_fits_a_1024_px_window(qtbot, make_page, alice_home, qtmodeltester):
    """At 1024x700 (about 800 px for the page) Status and Secret part stay on screen and the filter
    keeps its placeholder readable; curve keys carry the same name as in the wizard."""
    page = make_page(alice_home)
    qtmodeltester.check(page.model)
    page.resize(810, 640)
    page.show()
    qtbot.waitUntil(lambda: page.table.viewport().width() > 0)
    header = page.table.horizontalHeader()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c)
                for c in (page.model.STATUS, page.model.SECRET))
    assert right <= page.table.viewport().width()
    assert not page.table.horizontalScrollBar().isVisible()
    assert page.filter.width() >= page.filter.fontMetrics().horizontalAdvance(page.filter.placeholderText())
    types = {page.model.data(page.model.index(r, page.model.TYPE)) for r in range(page.model.rowCount())}
    assert "Curve 25519\n(ed25519)" in types
    assert "Curve 25519 (ed25519)" in gpg.ALGORITHM_LABELS["ed25519"]
    fpr = page.model.data(page.model.index(0, page.model.FINGERPRINT))
    assert len(fpr.splitlines()) == 2 and fpr.replace("\n", "").replace(" ", "") == page.model.key_at(0).fingerprint
