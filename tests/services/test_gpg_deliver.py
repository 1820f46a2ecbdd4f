"""Deliver encrypted reports to a client's sFTP outbox: real gpg, real OpenSSH sshd."""

from __future__ import annotations

import pytest

from console.services import gpg

pytest.register_assert_rewrite("tests.services.conftest_gpg", "tests.services.conftest_sftp")

from tests.services.conftest_gpg import PASS, write_report  # noqa: E402

pytest_plugins = ("tests.services.conftest_gpg", "tests.services.conftest_sftp")

pytestmark = pytest.mark.sshd


def test_encrypt_and_upload_to_outbox(alice_home, key_template, sshd, params, trusted, tmp_path):
    reports = [write_report(tmp_path / "r" / n) for n in ("a.csv", "b.csv")]
    enc = gpg.encrypt_files(alice_home, reports, key_template.alice, out_dir=tmp_path / "enc")
    outbox = sshd.root / "outbox"
    outbox.mkdir()
    sent = gpg.upload_reports([f.output for f in enc.files], host=params.host, port=params.port,
                              username=params.username, key_path=params.key_path,
                              key_passphrase=params.passphrase, remote_dir=str(outbox), known_hosts=trusted)
    assert sorted(p.name for p in outbox.iterdir()) == ["a.csv.gpg", "b.csv.gpg"]
    assert [d.size for d in sent] == [f.size for f in enc.files]
    back = tmp_path / "back.csv"
    gpg.decrypt_file(alice_home, outbox / "a.csv.gpg", back, passphrase=PASS)
    assert back.read_bytes() == reports[0].read_bytes()


def test_upload_refuses_unknown_host_key(alice_home, key_template, sshd, params, tmp_path):
    from console.services.sftp import HostKeyUnknown

    enc = gpg.encrypt_files(alice_home, [write_report(tmp_path / "a.csv")], key_template.alice)
    with pytest.raises(HostKeyUnknown):
        gpg.upload_reports([enc.files[0].output], host=params.host, port=params.port, username=params.username,
                           key_path=params.key_path, key_passphrase=params.passphrase,
                           remote_dir=str(sshd.root), known_hosts=tmp_path / "empty_known_hosts")
    assert not (sshd.root / "a.csv.gpg").exists()
