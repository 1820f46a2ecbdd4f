"""GPG dialogs after the new-user trial: Encrypt re-checks on every input, the wizard locks its
earlier pages once the key exists and confirms each save, the decrypt dialog explains failures
once, readable, inside itself. Real gpg homes, offscreen Qt, waits on signals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from console.services import gpg

pytest.register_assert_rewrite("tests.services.conftest_gpg")

from tests.services.conftest_gpg import PASS, write_report  # noqa: E402

pytest_plugins = ("tests.services.conftest_gpg",)

TIMEOUT = 15000


def _visible_message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _close_message_boxes() -> list[str]:
    texts = []
    for box in _visible_message_boxes():
        texts.append(box.text())
        box.close()
    return texts


@pytest.fixture
def make_page(qtbot, ctx):
    from console.views.gpg_page import GpgPage

    def make(home):
        page = GpgPage(ctx, home=home)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.model.rowCount() == len(gpg.list_keys(home)), timeout=TIMEOUT)
        return page

    return make


# ---------------------------------------------------------------------- encrypt dialog
def test_encrypt_button_follows_the_folder_field(qtbot, make_page, alice_home, key_template, tmp_path):
    page = make_page(alice_home)
    dialog = page.encrypt_paths([write_report(tmp_path / "r.csv")])
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(key_template.alice))
    assert dialog.encrypt_button.isEnabled() and dialog.beside.isChecked()

    dialog.to_folder.setChecked(True)  # chosen with the folder still empty
    assert not dialog.encrypt_button.isEnabled()
    assert "folder" in dialog.why_disabled.text() and dialog.encrypt_button.toolTip() == dialog.why_disabled.text()

    qtbot.keyClicks(dialog.out_dir, str(tmp_path / "out"))  # typed, as a person does
    assert dialog.encrypt_button.isEnabled() and dialog.why_disabled.text() == ""

    dialog.out_dir.clear()
    assert not dialog.encrypt_button.isEnabled()
    dialog.out_dir.setText(str(tmp_path / "picked"))  # what Browse… does with the chosen folder
    assert dialog.encrypt_button.isEnabled() and dialog.to_folder.isChecked()

    (tmp_path / "a-file").write_text("x")
    dialog.out_dir.setText(str(tmp_path / "a-file"))
    assert not dialog.encrypt_button.isEnabled() and "is a file" in dialog.why_disabled.text()
    dialog.beside.setChecked(True)
    assert dialog.encrypt_button.isEnabled()

    dialog.sign.setChecked(True)
    assert not dialog.encrypt_button.isEnabled() and "passphrase" in dialog.why_disabled.text()
    dialog.sign_passphrase.setText(PASS + " team")
    assert dialog.encrypt_button.isEnabled()
    dialog.clear_files()
    assert not dialog.encrypt_button.isEnabled() and "reports" in dialog.why_disabled.text()
    dialog.reject()


def test_encrypt_failure_shows_once_in_the_dialog_with_the_replace_box_named(qtbot, make_page, alice_home,
                                                                            key_template, tmp_path):
    page = make_page(alice_home)
    report = write_report(tmp_path / "r.csv")
    gpg.encrypt_files(alice_home, [report], key_template.alice)
    dialog = page.encrypt_paths([report])
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(key_template.alice))
    with qtbot.waitSignal(page.operation_failed, timeout=TIMEOUT) as failed:
        dialog.encrypt_button.click()
    assert isinstance(failed.args[0], gpg.OutputExists)
    assert dialog.message.is_error and "Replace existing .gpg files" in dialog.result_label.text()
    assert _close_message_boxes() == []
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    dialog.reject()


def test_encrypt_dialog_elides_long_report_paths_in_the_middle(qtbot, make_page, alice_home, tmp_path):
    from PySide6.QtCore import Qt

    page = make_page(alice_home)
    report = write_report(tmp_path / ("long folder name " * 6).strip() / "statement.csv")
    dialog = page.encrypt_paths([report])
    assert dialog.files.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert dialog.files.item(0).toolTip() == str(report)
    dialog.reject()


# ---------------------------------------------------------------------- decrypt dialog
def test_decrypt_dialog_no_secret_key_is_shown_once_wrapped_and_whole(qtbot, make_page, alice_home, other_home,
                                                                      key_template, tmp_path):
    from PySide6.QtWidgets import QScrollArea

    deep = tmp_path / ("a long client folder " * 5).strip() / "2024" / "statements"
    enc = gpg.encrypt_files(alice_home, [write_report(deep / "monthly statement.csv")],
                            key_template.alice).files[0].output
    page = make_page(other_home)
    dialog = page.decrypt_path(enc)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.minimumWidth() >= 560 and dialog.width() >= 560
    dialog.passphrase.setFocus()
    qtbot.waitUntil(lambda: dialog.source.is_elided(), timeout=TIMEOUT)
    shown = dialog.source.displayed_text()
    assert "…" in shown and shown.endswith("statement.csv.gpg") and shown.startswith(str(tmp_path)[:8])
    assert dialog.source.toolTip() == str(enc) and dialog.source.text() == str(enc)
    assert dialog.output.toolTip() == dialog.output.text()

    dialog.passphrase.setText(PASS)
    with qtbot.waitSignal(page.operation_failed, timeout=TIMEOUT) as failed:
        dialog.decrypt_button.click()
    exc = failed.args[0]
    assert isinstance(exc, gpg.NoSecretKey)
    assert _visible_message_boxes() == []  # once, in the dialog
    area = dialog.message
    assert isinstance(area, QScrollArea) and area.isVisible() and dialog.result_label.wordWrap()
    text = dialog.result_label.text()
    assert exc.message.split(",")[0] in text and exc.hint.split(",")[0] in text
    # All of it is reachable once laid out: no wider than the area, and it fits or the area scrolls.
    qtbot.waitUntil(lambda: dialog.result_label.width() <= area.viewport().width(), timeout=TIMEOUT)
    label_height = dialog.result_label.heightForWidth(area.viewport().width())
    assert label_height <= area.viewport().height() or area.verticalScrollBar().maximum() > 0
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    dialog.reject()


def test_decrypt_existing_output_names_the_replace_box(qtbot, make_page, alice_home, key_template, tmp_path):
    enc = gpg.encrypt_files(alice_home, [write_report(tmp_path / "r.csv")], key_template.alice).files[0].output
    page = make_page(alice_home)
    dialog = page.decrypt_path(enc)
    dialog.output.setText(str(tmp_path / "r.csv"))  # the original is still there
    dialog.passphrase.setText(PASS)
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        dialog.decrypt_button.click()
    assert isinstance(failed.args[0], gpg.OutputExists)
    assert "Replace the output file if it exists" in dialog.result_label.text()
    assert _visible_message_boxes() == []
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    dialog.reject()


def test_path_field_elides_only_when_not_editing(qtbot):
    from console.views.gpg_path_field import GpgPathField

    field = GpgPathField()
    qtbot.addWidget(field)
    field.resize(200, field.sizeHint().height())
    path = "/home/agent/clients/" + "x" * 80 + "/report.csv.gpg"
    field.setText(path)
    assert field.toolTip() == path and field.is_elided() and field.displayed_text().endswith("report.csv.gpg")
    field.setText("/short")
    assert not field.is_elided() and field.displayed_text() == "/short"


# ---------------------------------------------------------------------- key pair wizard
def _to_commit_page(wizard, name="First Name", email="first@example.com"):
    wizard.identity.name.setText(name)
    wizard.identity.email.setText(email)
    wizard.identity.algo.setCurrentIndex(wizard.identity.algo.findData("ed25519"))
    wizard.next()
    wizard.passphrase.first.setText(PASS)
    wizard.passphrase.second.setText(PASS)


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_wizard_locks_earlier_pages_once_the_key_exists(qtbot, make_page, home, tmp_path):
    page = make_page(home)
    wizard = page.new_key_pair()
    _to_commit_page(wizard)
    assert wizard.passphrase.isCommitPage()
    with qtbot.waitSignal(wizard.key_created, timeout=TIMEOUT):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.create_page.isComplete(), timeout=TIMEOUT)
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    note = wizard.create_page.locked_note
    assert note.isVisibleTo(wizard) and "New key pair" in note.text()
    assert wizard.testOption(QWizard.WizardOption.NoCancelButton)  # Cancel would not undo the key
    wizard.button(QWizard.WizardButton.BackButton).click()  # a person pressing Back (or Alt+B)
    assert wizard.currentPage() is wizard.create_page
    assert "openpgp-revocs.d" in str(wizard.revocation_in_home)
    assert str(wizard.revocation_in_home) in wizard.create_page.status.text()
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.backup_to(tmp_path / "b.asc")
    wizard.accept()
    assert [k.primary_uid for k in gpg.list_keys(home)] == ["First Name <first@example.com>"]


def test_wizard_identity_page_says_what_is_wrong(qtbot, home):
    from console.views.gpg_keypair_wizard import GpgKeyPairWizard

    wizard = GpgKeyPairWizard(home)
    qtbot.addWidget(wizard)
    page = wizard.identity
    page.name.setText("Bad <Name>")
    page.email.setText("bad@example.com")
    assert not page.isComplete() and "no < >" in page.feedback.text()
    page.name.setText("Good Name")
    page.email.setText("not-an-email")
    assert not page.isComplete() and "not an email" in page.feedback.text()
    page.email.setText("good@example.com")
    assert page.isComplete() and page.feedback.text() == ""


def test_wizard_after_a_failed_creation_goes_back_and_makes_the_corrected_key(qtbot, home, tmp_path):
    from console.views.gpg_keypair_wizard import GpgKeyPairWizard

    broken = gpg.GpgHome(home.path, str(tmp_path / "missing" / "gpg"))  # gpg not installed (yet)
    wizard = GpgKeyPairWizard(broken)
    qtbot.addWidget(wizard)
    wizard.show()
    _to_commit_page(wizard)
    with qtbot.waitSignal(wizard.failed, timeout=TIMEOUT) as failed:
        wizard.next()
    assert isinstance(failed.args[0], gpg.GpgNotInstalled)
    assert _visible_message_boxes() == []  # shown once, on the page
    assert wizard.create_page.error.is_error and "GnuPG" in wizard.create_page.error.label.text()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.home = home  # GnuPG installed meanwhile
    wizard.back()
    wizard.back()
    assert wizard.currentPage() is wizard.identity
    wizard.identity.name.setText("Corrected Name")
    wizard.next()
    assert wizard.passphrase.isCommitPage()
    wizard.passphrase.first.setText(PASS)
    wizard.passphrase.second.setText(PASS)
    with qtbot.waitSignal(wizard.key_created, timeout=TIMEOUT) as made:
        wizard.next()
    assert made.args[0].primary_uid == "Corrected Name <first@example.com>"
    assert wizard.create_page.error.isHidden()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert [k.primary_uid for k in gpg.list_keys(home)] == ["Corrected Name <first@example.com>"]
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.backup_to(tmp_path / "b.asc")
    wizard.accept()


def test_wizard_confirms_saves_and_finish_warns_without_a_backup(qtbot, make_page, home, tmp_path):
    page = make_page(home)
    wizard = page.new_key_pair()
    _to_commit_page(wizard)
    with qtbot.waitSignal(wizard.key_created, timeout=TIMEOUT):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.create_page.isComplete(), timeout=TIMEOUT)
    box = wizard.create_page.saved_box
    assert box.isHidden()
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.export_public_to(tmp_path / "pub.asc")
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.save_revocation_to(tmp_path / "rev.asc")
    assert box.isVisibleTo(wizard) and box.fields["public"].text() == str(tmp_path / "pub.asc")
    assert box.fields["revocation"].isVisibleTo(wizard) and not box.fields["backup"].isVisibleTo(wizard)

    with qtbot.waitSignal(box.path_copied):
        box.copy_buttons["public"].click()
    assert QGuiApplication.clipboard().text() == str(tmp_path / "pub.asc")
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        box.open_buttons["revocation"].click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(tmp_path)]

    wizard.show()
    with qtbot.assertNotEmitted(wizard.finished):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and wizard.create_page.no_backup_warning.isVisibleTo(wizard)
    assert "not a backup" in wizard.create_page.no_backup_warning.text()
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "Finish without backup"
    with qtbot.waitSignal(wizard.finished, timeout=TIMEOUT):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not (tmp_path / "b.asc").exists()


def test_backup_clears_the_warning_and_the_new_key_is_selected_after_the_wizard(qtbot, make_page, alice_home,
                                                                               tmp_path):
    page = make_page(alice_home)
    page.filter.setText("alice")  # a filter that would hide the new key
    wizard = page.new_key_pair()
    _to_commit_page(wizard, name="Zed Client", email="zed@example.com")
    with qtbot.waitSignal(wizard.key_created, timeout=TIMEOUT) as made:
        wizard.next()
    fpr = made.args[0].fingerprint
    wizard.done(QWizard.DialogCode.Rejected)  # Esc / window close: warns too
    assert wizard.create_page.no_backup_warning.isVisibleTo(wizard)
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.backup_to(tmp_path / "zed-backup.asc")
    assert not wizard.create_page.no_backup_warning.isVisibleTo(wizard)
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) != "Finish without backup"
    assert wizard.create_page.saved_box.fields["backup"].text() == str(tmp_path / "zed-backup.asc")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=TIMEOUT)
    page.select_fingerprint(page.model.key_at(0).fingerprint)  # the user clicked elsewhere meanwhile
    with qtbot.waitSignal(wizard.finished, timeout=TIMEOUT):
        wizard.accept()
    assert page.filter.text() == ""
    assert page.selected_key().fingerprint == fpr


def test_new_key_is_selected_once_the_list_reloads(qtbot, make_page, alice_home, tmp_path):
    page = make_page(alice_home)
    wizard = page.new_key_pair()
    _to_commit_page(wizard, name="Yan Client", email="yan@example.com")
    with qtbot.waitSignal(page.keys_loaded, timeout=TIMEOUT):
        wizard.next()
    qtbot.waitUntil(lambda: page.selected_key() is not None
                    and page.selected_key().primary_uid == "Yan Client <yan@example.com>", timeout=TIMEOUT)
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.backup_to(tmp_path / "b.asc")
    wizard.accept()


# ---------------------------------------------------------------------- the page's home
def test_page_refuses_a_mistyped_gnupg_home_setting(qtbot, ctx, tmp_path):
    from console.config import Settings
    from console.views.gpg_page import GpgPage

    typo = tmp_path / "gnupg-typo"
    ctx.settings.save({"gnupg_home": str(typo)})
    ctx.settings = Settings.load()
    page = GpgPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(_visible_message_boxes()), timeout=TIMEOUT)
    assert any("does not exist" in t for t in _close_message_boxes())
    assert not typo.exists() and not page.home.create
