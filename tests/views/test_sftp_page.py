"""The sFTP page: dropped keys, the key-pair wizard, host-key trust and the remote browser (real sshd)."""
# ruff: noqa: F811  (pytest fixtures imported from conftest_sftp are used as parameters)

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget, QWizard

from console.services.sftp import HostKeyChanged, HostKeyUnknown, RemoteEntry, known_hosts_path
from console.views.sftp_browser import SftpRemoteProxyModel, SftpRemoteTableModel
from console.views.sftp_hostkey_dialog import SftpHostChangedDialog, SftpHostKeyDialog, confirm_forget_text
from console.views.sftp_key_panel import PublicLineView
from console.views.sftp_key_wizard import _PassphrasePage
from console.views.sftp_page import SftpPage
from console.workers import wait_for_all
from tests.services.conftest_sftp import PASSPHRASE, key_pair, rsa_private_key  # noqa: F401


@pytest.fixture
def page(qtbot: Any, ctx: Any) -> Any:
    widget = SftpPage(ctx)
    qtbot.addWidget(widget)
    yield widget
    wait_for_all()


def test_dropped_ppk_shows_public_line_and_copy(qtbot: Any, page: Any, key_pair: Any) -> None:
    page.open_paths([Path(key_pair.ppk_path)])
    qtbot.waitUntil(lambda: page.key_panel.info is not None)
    assert page.key_panel.public_line.toPlainText() == key_pair.info.public_line
    assert page.key_panel.sha256.text() == key_pair.info.sha256
    page.key_panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == key_pair.info.public_line


def test_encrypted_pem_asks_passphrase(qtbot: Any, page: Any, tmp_path: Path) -> None:
    pem = tmp_path / "old_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "pem pass", "-f", str(pem)],
                   check=True)
    asked: list[tuple[str, bool]] = []
    answers = iter(["not it", "pem pass"])
    page.ask_passphrase = lambda name, wrong=False: asked.append((name, wrong)) or next(answers)
    page.open_paths([pem])
    qtbot.waitUntil(lambda: page.key_panel.info is not None and page.key_panel.info.verified, timeout=10000)
    # A wrong passphrase asks again, saying it was wrong, instead of failing once.
    assert asked == [("old_key", False), ("old_key", True)]
    page.key_panel.save_to(tmp_path / "public.key")
    assert (tmp_path / "public.key").read_text().startswith("ssh-rsa ")


def test_wizard_says_why_a_username_blocks_next(qtbot: Any, page: Any) -> None:
    wizard = page.open_wizard()
    qtbot.waitExposed(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not wizard.user_page.problem.isVisible() and not next_button.isEnabled()  # empty: nothing to say yet
    wizard.user_page.username.setText("bad user")
    assert wizard.user_page.problem.isVisible() and "space" in wizard.user_page.problem.text()
    assert not next_button.isEnabled()
    wizard.user_page.username.setText("u" * 70)
    assert "64" in wizard.user_page.problem.text() and not next_button.isEnabled()
    wizard.user_page.username.setText("u1234567")
    assert not wizard.user_page.problem.isVisible() and next_button.isEnabled()
    wizard.reject()


def _inside(widget: QWidget, top: QWidget) -> bool:
    corner = widget.mapTo(top, QPoint(widget.width(), widget.height()))
    return widget.mapTo(top, QPoint(0, 0)).x() >= 0 and corner.x() <= top.width() and corner.y() <= top.height()


def test_public_line_view_always_shows_the_whole_line(qtbot: Any) -> None:
    view = PublicLineView()
    qtbot.addWidget(view)
    view.resize(420, 40)
    view.show()
    view.set_text("ssh-rsa " + "A" * 716 + " u1234567")  # as long as a 4096-bit key's line
    qtbot.waitUntil(lambda: view.viewport().height() >= view.document().size().height())
    view.resize(900, view.height())
    qtbot.waitUntil(lambda: view.viewport().height() - view.document().size().height() < 25)


def test_wizard_creates_key_pair_and_ppk(qtbot: Any, page: Any, tmp_path: Path) -> None:
    wizard = page.open_wizard()
    qtbot.waitExposed(wizard)
    assert wizard.size() == wizard.DEFAULT_SIZE and wizard.minimumSize() == wizard.DEFAULT_SIZE
    wizard.user_page.username.setText("u7654321")
    wizard.next()
    assert wizard.size_page.bits.currentData() == 2048
    wizard.next()
    wizard.pass_page.first.setText("a long enough passphrase!")
    wizard.pass_page.second.setText("a long enough passphrase")
    assert not wizard.pass_page.isComplete()
    wizard.pass_page.second.setText("a long enough passphrase!")
    assert wizard.pass_page.isComplete()
    wizard.next()
    wizard.save_page.folder.setText(str(tmp_path / "keys"))
    wizard.save_page.ppk.setChecked(True)
    with qtbot.waitSignal(wizard.generated, timeout=30000) as blocker:
        wizard.next()
    result = blocker.args[0]
    assert Path(result.ppk_path).read_text().startswith("PuTTY-User-Key-File-3: ssh-rsa")
    assert (tmp_path / "keys" / "public.key").read_text().strip().endswith(" u7654321")
    assert wizard.result_page.panel.public_line.toPlainText() == result.info.public_line
    assert "Never send the private key" in wizard.result_page.advice.text()
    assert wizard.result_page.test_button.isEnabled()
    assert page.key_panel.info == result.info
    # At the default size: the whole public line, both fingerprints unbroken, nothing outside the wizard.
    panel = wizard.result_page.panel
    qtbot.waitUntil(lambda: panel.public_line.viewport().height() >= panel.public_line.document().size().height())
    assert panel.public_line.isReadOnly()
    for field, text in ((panel.sha256, result.info.sha256), (panel.md5, result.info.md5)):
        assert field.text() == text and field.isReadOnly() and field.width() >= field.needed_width()
    assert panel.details.wordWrap() and panel.details.width() >= panel.details.minimumSizeHint().width()
    rows = [w for w in panel.body.children() if isinstance(w, QWidget) and w.isVisible()]
    assert len(rows) > 6

    def overlaps() -> list[tuple[QWidget, QWidget]]:
        return [(a, b) for i, a in enumerate(rows) for b in rows[i + 1:] if a.geometry().intersects(b.geometry())]

    qtbot.waitUntil(lambda: not overlaps(), timeout=2000)  # once the layout has settled
    shown = [w for w in wizard.result_page.findChildren(QWidget) if w.isVisible()]
    assert shown and all(_inside(w, wizard) for w in shown), [w for w in shown if not _inside(w, wizard)]
    panel.copy_sha256.click()
    assert QGuiApplication.clipboard().text() == result.info.sha256
    # Every file written is listed; the earlier pages are locked (as in the GPG wizard) and say why.
    status = wizard.result_page.status.text()
    assert all(name in status for name in ("id_rsa ", "public.key", "id_rsa.ppk")) and "Saved 3 files" in status
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert wizard.result_page.locked_note.isVisible()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    # The passphrase is gone from the widgets; closing drops the page's reference to the wizard.
    assert wizard.pass_page.first.text() == "" and wizard.pass_page.second.text() == ""
    import shiboken6

    wizard.accept()
    assert page.wizard is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard), timeout=5000)  # deleted, not kept alive


def test_wizard_failure_unlocks_back_and_close_clears_the_passphrase(qtbot: Any, page: Any, tmp_path: Path) -> None:
    blocker_file = tmp_path / "a-file"
    blocker_file.write_text("x")
    wizard = page.open_wizard()
    qtbot.waitExposed(wizard)
    wizard.user_page.username.setText("u7654321")
    wizard.next()
    wizard.next()
    wizard.pass_page.first.setText("secret words here")
    wizard.pass_page.second.setText("secret words here")
    wizard.next()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Create key pair"
    assert wizard.save_page.commit_note.isVisible()
    wizard.save_page.folder.setText(str(blocker_file))
    with qtbot.waitSignal(wizard.idle, timeout=30000):
        wizard.next()
    assert "not created" in wizard.result_page.status.text()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.back()
    assert wizard.currentPage() is wizard.save_page
    wizard.reject()
    assert wizard.pass_page.first.text() == "" and wizard.pass_page.second.text() == ""
    assert page.wizard is None


def test_passphrase_page_feedback(qtbot: Any) -> None:
    page = _PassphrasePage()
    qtbot.addWidget(page)
    assert "No passphrase" in page.feedback.text() and page.meter.value() == 0
    page.first.setText("abc")
    assert page.meter.value() <= 1 and "weak" in page.feedback.text().lower()
    page.first.setText("Correct-Horse-Battery-9")
    page.second.setText("Correct-Horse-Battery-")
    assert page.meter.value() >= 3 and "differ" in page.feedback.text()


def test_remote_models(qtmodeltester: Any) -> None:
    model = SftpRemoteTableModel()
    model.set_entries([
        RemoteEntry("b.xml", "/in/b.xml", 2048, 1_700_000_000.0, "", False, "-rw-r--r--"),
        RemoteEntry("archive", "/in/archive", 4096, 1_600_000_000.0, "", True, "drwxr-xr-x"),
        RemoteEntry("a.xml", "/in/a.xml", 10, 1_700_000_100.0, "", False, "-rw-r--r--"),
    ])
    qtmodeltester.check(model)
    proxy = SftpRemoteProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(0)
    qtmodeltester.check(proxy)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["archive/", "a.xml", "b.xml"]
    proxy.sort(1)
    assert proxy.index(0, 0).data() == "a.xml"  # 10 bytes, sorted as a number
    proxy.set_name_filter("B.X")
    assert proxy.rowCount() == 1


def test_host_key_dialog_shows_fingerprint(qtbot: Any) -> None:
    exc = HostKeyUnknown("x", host="h", port=32, key_type="ssh-ed25519", key_base64="AAAA", sha256="SHA256:abc",
                         md5="MD5:00")
    dialog = SftpHostKeyDialog(exc)
    qtbot.addWidget(dialog)
    assert dialog.fingerprint.text() == "SHA256:abc"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
    with qtbot.waitSignal(dialog.accepted):
        dialog.trust_button.click()


def _fill(page: Any, sshd: Any, key_pair: Any) -> None:
    conn = page.connection
    conn.host.setText(sshd.host)
    conn.port.setValue(sshd.port)
    conn.username.setText(sshd.user)
    conn.key_path.setText(key_pair.private_path)
    conn.ask_passphrase = lambda name, wrong=False: PASSPHRASE


def test_profile_buttons_and_port_width(qtbot: Any, page: Any, key_pair: Any) -> None:
    conn = page.connection
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(conn)
    assert not conn.delete_button.isEnabled()  # no profile yet
    assert conn.port.width() < conn.host.width() / 3
    conn.username.setText("u1234567")
    conn.key_path.setText(key_pair.private_path)
    conn.save_profile()
    assert conn.profile_box.currentText() == "u1234567" and conn.delete_button.isEnabled()
    conn.delete_profile()
    assert conn.profile_box.count() == 0 and not conn.delete_button.isEnabled()


@pytest.mark.sshd
def test_first_connection_asks_passphrase_once_and_files_tab_reuses_it(
        qtbot: Any, page: Any, ctx: Any, sshd: Any, key_pair: Any) -> None:
    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    _fill(page, sshd, key_pair)
    conn = page.connection
    asked: list[bool] = []
    answers = iter(["wrong one", PASSPHRASE])
    conn.ask_passphrase = lambda name, wrong=False: asked.append(wrong) or next(answers)
    shown: list[HostKeyUnknown] = []

    def confirm(exc: HostKeyUnknown) -> bool:
        shown.append(exc)
        qtbot.waitUntil(lambda: conn.worker is None)  # like the real dialog's event loop: the worker ends meanwhile
        return True

    conn.confirm_host_key = confirm
    with qtbot.waitSignal(conn.tested, timeout=30000):
        conn.run_test()
    # Wrong passphrase: asked again with the note; then trusted once; the retry did not ask again.
    assert asked == [False, True] and len(shown) == 1
    assert sshd.host_public_key.split()[1] in known_hosts_path(ctx.data_dir).read_text()
    assert "newly trusted" in conn.result.text() and "already trusted" not in conn.result.text()
    qtbot.waitUntil(lambda: conn.worker is None)
    with qtbot.waitSignal(conn.tested, timeout=30000):
        conn.run_test()
    assert "already trusted" in conn.result.text() and asked == [False, True]
    # The Files tab reuses the passphrase...
    inbox = sshd.root / "inbox"
    inbox.mkdir()
    (inbox / "a.xml").write_bytes(b"a")
    page.browser.refresh(str(inbox))
    qtbot.waitUntil(lambda: page.browser.model.rowCount() == 1, timeout=20000)
    assert asked == [False, True]
    # ...and when the one it holds no longer opens the key, asks again (saying so) and retries.
    qtbot.waitUntil(lambda: page.browser.worker is None)
    conn._passphrases = {k: "stale" for k in conn._passphrases}
    answers = iter([PASSPHRASE])
    (inbox / "b.xml").write_bytes(b"b")
    page.browser.refresh(str(inbox))
    qtbot.waitUntil(lambda: page.browser.model.rowCount() == 2, timeout=20000)
    assert asked == [False, True, True]
    # Kept in memory only: no file of the data folder (profiles, known_hosts, logs) holds it.
    conn.save_profile()
    files = [f for f in Path(ctx.data_dir).rglob("*") if f.is_file()]
    assert files and not any(PASSPHRASE.encode() in f.read_bytes() for f in files)
    # Test connection lists the profile's remote folder, not just the home folder.
    assert "Home folder" in conn.result.text()
    conn.remote_dir.setText(str(inbox))
    with qtbot.waitSignal(conn.tested, timeout=30000) as blocker:
        conn.run_test()
    assert blocker.args[0].folder == str(inbox)
    assert f"Remote folder {inbox} holds 2 entries." in conn.result.text()


@pytest.mark.sshd
def test_changed_host_key_offers_forget_with_confirmation_never_auto_accepts(
        qtbot: Any, page: Any, ctx: Any, sshd: Any, key_pair: Any) -> None:
    from console.services.sftp import trust_host_key

    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    kh = known_hosts_path(ctx.data_dir)
    key_type, key_b64 = sshd.host_public_key.split()[:2]
    trust_host_key(kh, sshd.host, sshd.port, key_type, key_b64)
    _fill(page, sshd, key_pair)
    conn = page.connection
    changed: list[Any] = []
    conn.show_changed_key = lambda exc: changed.append(exc) or False  # the person closes the warning
    unknown: list[HostKeyUnknown] = []
    conn.confirm_host_key = lambda exc: unknown.append(exc) or False
    sshd.rotate_host_key()
    conn.run_test()
    qtbot.waitUntil(lambda: bool(changed) and conn.worker is None, timeout=30000)
    assert "intercept" in conn.result.text() and conn.forget_button.isVisibleTo(conn)
    # Styled as a warning, not plain text.
    assert conn.result.property("warning") is True and conn.result.font().bold()
    assert conn.result.palette().color(conn.result.foregroundRole()).red() > 150
    assert changed[0].known_hosts == kh and kh.read_text().count(key_b64) == 1
    confirmations: list[Any] = []
    conn.confirm_forget = lambda exc: confirmations.append(exc) or False  # "Keep it"
    conn.forget_button.click()
    assert len(confirmations) == 1 and key_b64 in kh.read_text()
    conn.confirm_forget = lambda exc: confirmations.append(exc) or True
    with qtbot.waitSignal(conn.forgotten):
        conn.forget_button.click()
    assert key_b64 not in kh.read_text() and str(kh) in conn.result.text()
    assert "the old key of" in conn.result.text() and conn.result.property("warning") is False
    assert not conn.forget_button.isVisibleTo(conn)
    # The new key is not trusted by forgetting: the next test asks, and a "no" keeps it untrusted.
    conn.run_test()
    qtbot.waitUntil(lambda: bool(unknown) and conn.worker is None, timeout=30000)
    new_b64 = sshd.host_public_key.split()[1]
    assert unknown[0].key_base64 == new_b64 and new_b64 not in kh.read_text()
    assert "not trusted" in conn.result.text() and len(changed) == 1


def test_changed_key_dialog_shows_path_and_needs_confirmation(qtbot: Any, tmp_path: Path) -> None:
    exc = HostKeyChanged("changed", sha256="SHA256:new", expected_sha256=("SHA256:old",), host="h", port=32,
                         known_hosts=tmp_path / "known_hosts")
    answers = [False, True]
    dialog = SftpHostChangedDialog(exc, tmp_path / "known_hosts", lambda: answers.pop(0))
    qtbot.addWidget(dialog)
    assert dialog.path.text() == str(tmp_path / "known_hosts")
    assert dialog.new_fingerprint.text() == "SHA256:new" and dialog.old_fingerprints.text() == "SHA256:old"
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.isDefault() and not dialog.forget_button.isDefault()
    dialog.forget_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    with qtbot.waitSignal(dialog.accepted):
        dialog.forget_button.click()
    _text, details = confirm_forget_text("h", 32, tmp_path / "known_hosts", "SHA256:new")
    assert "intercept" in details and str(tmp_path / "known_hosts") in details and "SHA256:new" in details


@pytest.mark.sshd
def test_browser_lists_and_downloads(qtbot: Any, page: Any, ctx: Any, sshd: Any, key_pair: Any,
                                     tmp_path: Path) -> None:
    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    from console.services.sftp import trust_host_key

    key_type, key_b64 = sshd.host_public_key.split()[:2]
    trust_host_key(known_hosts_path(ctx.data_dir), sshd.host, sshd.port, key_type, key_b64)
    _fill(page, sshd, key_pair)
    inbox = sshd.root / "inbox"
    inbox.mkdir()
    (inbox / "statement.xml.gpg").write_bytes(b"x" * 5000)
    page.browser.refresh(str(inbox))
    qtbot.waitUntil(lambda: page.browser.model.rowCount() == 1, timeout=20000)
    page.browser.table.selectRow(0)
    page.browser.decrypt.setChecked(True)
    statuses: list[str] = []
    page.browser.status.connect(statuses.append)
    with qtbot.waitSignal(page.open_in_area, timeout=20000) as blocker:
        page.browser.download_selected(target_dir=tmp_path)
    assert f"Downloaded statement.xml.gpg to {tmp_path}" in statuses and not any("(s)" in t for t in statuses)
    assert not page.browser.table.wordWrap()
    assert blocker.args[0] == "gpg" and blocker.args[1] == [tmp_path / "statement.xml.gpg"]
    assert (tmp_path / "statement.xml.gpg").read_bytes() == b"x" * 5000
