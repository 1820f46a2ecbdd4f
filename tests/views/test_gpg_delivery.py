"""GPG page: sFTP delivery from the encrypt dialog against the real sshd, and the gpg_binary setting.

Real gpg homes, a real OpenSSH sshd with a saved sFTP profile and a host key trusted through the
sFTP services, a real gpg behind a wrapper script for the configured-program checks.
"""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from console.services import gpg

pytest.register_assert_rewrite("tests.services.conftest_gpg", "tests.services.conftest_sftp")

from tests.services.conftest_gpg import PASS, write_report  # noqa: E402

pytest_plugins = ("tests.services.conftest_gpg", "tests.services.conftest_sftp")

TIMEOUT = 20000


def _close_message_boxes() -> list[str]:
    texts = []
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            texts.append(w.text())
            w.close()
    return texts


@pytest.fixture
def sftp_profile(ctx, sshd, params):
    """A saved sFTP profile for the sshd's outbox, its host key trusted in the console's known_hosts."""
    from console.services.sftp import known_hosts_path, profiles, trust_host_key

    outbox = sshd.root / "outbox"
    outbox.mkdir()
    key_type, key_b64 = sshd.host_public_key.split()[:2]
    trust_host_key(known_hosts_path(ctx.data_dir), sshd.host, sshd.port, key_type, key_b64)
    profiles.save_profile(profiles.default_path(ctx.data_dir), profiles.Profile(
        name="Client outbox", host=sshd.host, port=sshd.port, username=sshd.user,
        key_path=str(params.key_path), remote_dir=str(outbox)))
    return outbox


@pytest.mark.sshd
def test_encrypt_dialog_uploads_to_the_sftp_outbox(qtbot, ctx, alice_home, key_template, sftp_profile, params,
                                                   tmp_path):
    from console.views.gpg_page import GpgPage

    outbox = sftp_profile
    page = GpgPage(ctx, home=alice_home)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=TIMEOUT)
    reports = tmp_path / "reports"
    a, b = write_report(reports / "a.csv"), write_report(reports / "b.csv", 50_000)
    dialog = page.encrypt_paths([a, b])
    assert dialog.to_sftp.isEnabled() and dialog.profile.currentData() == "Client outbox"
    assert dialog.remote_dir.text() == str(outbox)
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(key_template.alice))
    dialog.to_sftp.setChecked(True)
    dialog.sftp_passphrase.setText(params.passphrase)
    assert dialog.encrypt_button.isEnabled()

    with qtbot.waitSignal(dialog.encrypted, timeout=TIMEOUT) as done:
        dialog.encrypt_button.click()
    outcome = done.args[0]
    assert sorted(p.name for p in outbox.iterdir()) == ["a.csv.gpg", "b.csv.gpg"]
    assert [d.remote for d in outcome.delivered] == [str(outbox / "a.csv.gpg"), str(outbox / "b.csv.gpg")]
    assert "sFTP" in dialog.result_label.text()
    assert sorted(p.name for p in reports.iterdir()) == ["a.csv", "b.csv"]  # staged elsewhere, originals alone
    assert not any(Path(f.output).exists() for f in outcome.result.files)  # the staging folder is gone
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    assert dialog.sftp_passphrase.text() == ""  # not kept after the run
    back = tmp_path / "back.csv"
    gpg.decrypt_file(alice_home, outbox / "b.csv.gpg", back, passphrase=PASS)
    assert back.read_bytes() == b.read_bytes()

    # A second delivery must not replace the client's files unless asked to.
    before = (outbox / "a.csv.gpg").read_bytes()
    dialog.sftp_passphrase.setText(params.passphrase)
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        dialog.encrypt_button.click()
    from console.services.sftp import TargetExists

    assert isinstance(failed.args[0], TargetExists)
    assert "a.csv.gpg" in dialog.result_label.text() and dialog.message.is_error
    assert _close_message_boxes() == []  # shown once, in the dialog
    assert (outbox / "a.csv.gpg").read_bytes() == before
    assert sorted(p.name for p in outbox.iterdir()) == ["a.csv.gpg", "b.csv.gpg"]  # no .part left
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)

    dialog.sftp_passphrase.setText(params.passphrase)
    dialog.overwrite.setChecked(True)
    with qtbot.waitSignal(dialog.encrypted, timeout=TIMEOUT):
        dialog.encrypt_button.click()
    assert (outbox / "a.csv.gpg").read_bytes() != before  # a fresh encryption replaced it
    gpg.decrypt_file(alice_home, outbox / "a.csv.gpg", back, passphrase=PASS, overwrite=True)
    assert back.read_bytes() == a.read_bytes()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    dialog.reject()


@pytest.mark.sshd
def test_sftp_delivery_with_an_untrusted_host_is_refused(qtbot, ctx, alice_home, key_template, sftp_profile, params,
                                                         tmp_path):
    from console.services.sftp import HostKeyUnknown, forget_host, known_hosts_path
    from console.views.gpg_page import GpgPage

    forget_host(known_hosts_path(ctx.data_dir), params.host, params.port)
    page = GpgPage(ctx, home=alice_home)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=TIMEOUT)
    dialog = page.encrypt_paths([write_report(tmp_path / "a.csv")])
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(key_template.alice))
    dialog.to_sftp.setChecked(True)
    dialog.sftp_passphrase.setText(params.passphrase)
    assert dialog.encrypt_button.isEnabled()
    with qtbot.waitSignal(page.operation_failed, timeout=TIMEOUT) as failed:
        dialog.encrypt_button.click()
    assert isinstance(failed.args[0], HostKeyUnknown)
    _close_message_boxes()
    assert list(sftp_profile.iterdir()) == []
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT)
    dialog.reject()


@pytest.fixture
def wrapped_gpg(tmp_path):
    """A gpg program at an unusual path that records each call's options (no secrets: those go by fd)."""
    real = shutil.which("gpg")
    log = tmp_path / "calls.log"
    wrapper = tmp_path / "bin" / "my-gpg"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper, log


def test_page_and_its_dialogs_follow_the_gpg_settings(qtbot, ctx, alice_home, key_template, wrapped_gpg, tmp_path):
    from console.config import Settings
    from console.views.gpg_page import GpgPage

    wrapper, log = wrapped_gpg
    ctx.settings.save({"gnupg_home": str(alice_home.path), "gpg_binary": str(wrapper)})
    ctx.settings = Settings.load()
    page = GpgPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=TIMEOUT)
    assert page.home == gpg.GpgHome(alice_home.path, str(wrapper), create=False)
    assert "--list-keys" in log.read_text()

    report = write_report(tmp_path / "r.csv")
    enc_dialog = page.encrypt_paths([report])
    assert enc_dialog.home.binary == str(wrapper)
    enc_dialog.recipient.setCurrentIndex(enc_dialog.recipient.findData(key_template.alice))
    with qtbot.waitSignal(enc_dialog.encrypted, timeout=TIMEOUT):
        enc_dialog.encrypt_button.click()
    assert "--encrypt" in log.read_text()
    qtbot.waitUntil(lambda: enc_dialog.worker is None, timeout=TIMEOUT)
    enc_dialog.reject()

    dec_dialog = page.decrypt_path(tmp_path / "r.csv.gpg")
    assert dec_dialog.home.binary == str(wrapper)
    dec_dialog.output.setText(str(tmp_path / "back.csv"))
    dec_dialog.passphrase.setText(PASS)
    with qtbot.waitSignal(page.operation_done, timeout=TIMEOUT):
        dec_dialog.decrypt_button.click()
    assert "--decrypt" in log.read_text() and (tmp_path / "back.csv").read_bytes() == report.read_bytes()
    qtbot.waitUntil(lambda: dec_dialog.worker is None, timeout=TIMEOUT)

    wizard = page.new_key_pair()
    assert wizard.home.binary == str(wrapper)
    wizard.reject()

    # Preferences changed the program: the page uses the new one without a restart.
    ctx.settings.save({"gpg_binary": str(tmp_path / "missing" / "gpg")})
    ctx.settings = Settings.load()
    with qtbot.waitSignal(page.operation_failed, timeout=TIMEOUT) as failed:
        page.reload()
    assert isinstance(failed.args[0], gpg.GpgNotInstalled)
    assert "gpg4win" in failed.args[0].hint.lower()
    _close_message_boxes()
