"""The sFTP page: dropped keys, the key-pair wizard, host-key trust and the remote browser (real sshd)."""
# ruff: noqa: F811  (pytest fixtures imported from conftest_sftp are used as parameters)

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from console.services.sftp import HostKeyUnknown, RemoteEntry, known_hosts_path
from console.views.sftp_browser import SftpRemoteProxyModel, SftpRemoteTableModel
from console.views.sftp_hostkey_dialog import SftpHostKeyDialog
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
    asked: list[str] = []
    page.ask_passphrase = lambda name: asked.append(name) or "pem pass"
    page.open_paths([pem])
    qtbot.waitUntil(lambda: page.key_panel.info is not None and page.key_panel.info.verified, timeout=10000)
    assert asked == ["old_key"]
    page.key_panel.save_to(tmp_path / "public.key")
    assert (tmp_path / "public.key").read_text().startswith("ssh-rsa ")


def test_wizard_creates_key_pair_and_ppk(qtbot: Any, page: Any, tmp_path: Path) -> None:
    wizard = page.open_wizard()
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


def test_passphrase_page_feedback(qtbot: Any) -> None:
    page = _PassphrasePage()
    qtbot.addWidget(page)
    assert "No passphrase" in page.feedback.text() and page.meter.value() == 0
    page.first.setText("abc")
    assert page.meter.value() <= 1 and "longer" in page.feedback.text()
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
    conn.ask_passphrase = lambda name: PASSPHRASE


@pytest.mark.sshd
def test_test_connection_trusts_after_confirmation_then_refuses_changed_key(
        qtbot: Any, page: Any, ctx: Any, sshd: Any, key_pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    _fill(page, sshd, key_pair)
    shown: list[HostKeyUnknown] = []
    page.connection.confirm_host_key = lambda exc: shown.append(exc) or True
    with qtbot.waitSignal(page.connection.tested, timeout=30000):
        page.connection.run_test()
    assert shown and shown[0].sha256.startswith("SHA256:")
    assert sshd.host_public_key.split()[1] in known_hosts_path(ctx.data_dir).read_text()
    assert "Connected" in page.connection.result.text()

    errors: list[BaseException] = []
    monkeypatch.setattr("console.views.sftp_connection.show_exception", lambda parent, exc: errors.append(exc))
    sshd.rotate_host_key()
    qtbot.waitUntil(lambda: page.connection.worker is None)
    page.connection.run_test()
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    assert "intercept" in page.connection.result.text() and len(shown) == 1


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
    with qtbot.waitSignal(page.open_in_area, timeout=20000) as blocker:
        page.browser.download_selected(target_dir=tmp_path)
    assert blocker.args[0] == "gpg" and blocker.args[1] == [tmp_path / "statement.xml.gpg"]
    assert (tmp_path / "statement.xml.gpg").read_bytes() == b"x" * 5000
