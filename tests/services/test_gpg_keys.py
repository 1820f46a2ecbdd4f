"""The console's GnuPG home, keyring, key generation, backup and restore (real gpg, temp homes)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from console.services import gpg
from console.services.errors import InvalidInput

pytest.register_assert_rewrite("tests.services.conftest_gpg")

from tests.services.conftest_gpg import (  # noqa: E402
    PASS,
    share_public,
)

pytest_plugins = ("tests.services.conftest_gpg",)


def test_home_never_caches_passphrases_and_trusts_directly(home, tmp_path):
    (home.path / "gpg-agent.conf").write_text("max-cache-ttl 7200\nenable-ssh-support\n")
    gpg.ensure_home(home)
    agent = (home.path / "gpg-agent.conf").read_text().split("\n")
    assert "default-cache-ttl 0" in agent and "max-cache-ttl 0" in agent
    assert "allow-loopback-pinentry" in agent and "enable-ssh-support" in agent
    assert "max-cache-ttl 7200" not in agent
    assert "trust-model direct" in (home.path / "gpg.conf").read_text()
    assert stat.S_IMODE(os.stat(home.path).st_mode) == 0o700


def test_generated_pair_is_listed_with_secret_part_and_revocation(alice_home, key_template, tmp_path):
    keys = {k.fingerprint: k for k in gpg.list_keys(alice_home)}
    alice = keys[key_template.alice]
    assert alice.user_ids == ("Alice Chen <alice@example.com>",)
    assert alice.has_secret and alice.trusted and alice.can_encrypt and alice.status == "ok"
    assert alice.algorithm_label == "Curve 25519 (ed25519)"
    assert alice.expires is not None and 700 < alice.expires_in_days <= 731
    assert alice.grouped_fingerprint.replace(" ", "") == alice.fingerprint
    out = gpg.save_revocation_certificate(alice_home, alice.fingerprint, tmp_path / "alice.rev")
    assert "BEGIN PGP PUBLIC KEY BLOCK" in out.read_text()
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert "revocation" in gpg.REVOCATION_EXPLANATION.lower()


@pytest.mark.slow
def test_default_key_type_is_rsa3072(home):
    made = gpg.generate_key_pair(home, "Rita Client", "rita@example.com", passphrase=PASS)
    assert made.key.algorithm_label == "RSA 3072" and made.key.has_secret and made.key.can_encrypt
    assert made.revocation_certificate is not None and made.revocation_certificate.is_file()


@pytest.mark.parametrize("kwargs, words", [
    ({"email": "not-an-email"}, "email"),
    ({"passphrase": "short"}, "at least 8"),
    ({"expire": "soon"}, "expiry"),
    ({"algo": "dsa1024"}, "key type"),
    ({"name": "<x>"}, "name"),
])
def test_generate_rejects_bad_input_before_running_gpg(home, kwargs, words):
    args = {"name": "Al Client", "email": "al@example.com", "passphrase": PASS, "algo": "ed25519"} | kwargs
    with pytest.raises(InvalidInput, match=words):
        gpg.generate_key_pair(home, args.pop("name"), args.pop("email"), **args)
    assert gpg.list_keys(home) == []


def test_passphrase_strength_feedback():
    scores = [gpg.passphrase_strength(p).score for p in ("", "abc", "password1", "Tr0ub4dor&3x",
                                                           "correct horse battery staple pencil")]
    assert scores == sorted(scores) and scores[0] == 0 and scores[-1] >= 3
    assert not gpg.passphrase_strength("1234567").acceptable
    assert gpg.passphrase_strength("12345678").acceptable


def test_import_shows_fingerprint_but_does_not_trust(alice_home, other_home, key_template):
    _, armored = gpg.export_public(alice_home, key_template.alice)
    preview = gpg.preview_keys(other_home, armored.encode())
    assert [k.fingerprint for k in preview] == [key_template.alice]
    assert gpg.list_keys(other_home) == []  # previewing changes nothing
    summary = gpg.import_keys(other_home, armored.encode())
    assert summary.summary == "1 public, 0 secret key imported"
    key = gpg.find_key(other_home, key_template.alice)
    assert not key.trusted and not key.has_secret and key.status == "not confirmed"
    assert gpg.trust_key(other_home, key.fingerprint).trusted


def test_import_rejects_files_without_keys(home, tmp_path):
    bad = tmp_path / "notes.asc"
    bad.write_text("hello, this is not a key\n")
    with pytest.raises(gpg.BadKeyFile):
        gpg.import_key_file(home, bad)
    with pytest.raises(gpg.BadKeyFile):
        gpg.preview_keys(home, b"")


def test_find_and_remove_key(alice_home, key_template):
    assert gpg.find_key(alice_home, "alice@EXAMPLE.com").fingerprint == key_template.alice
    assert gpg.find_key(alice_home, gpg.group_fingerprint(key_template.alice)).fingerprint == key_template.alice
    with pytest.raises(InvalidInput, match="matches 2 keys"):
        gpg.find_key(alice_home, "example.com")
    with pytest.raises(gpg.KeyNotFound):
        gpg.find_key(alice_home, "nobody@example.com")
    gpg.remove_key(alice_home, key_template.team)
    assert [k.fingerprint for k in gpg.list_keys(alice_home)] == [key_template.alice]


def test_backup_needs_the_right_passphrase(alice_home, key_template, tmp_path):
    out = tmp_path / "usb" / "alice-backup.asc"
    with pytest.raises(gpg.BadPassphrase):
        gpg.backup_key_pair(alice_home, key_template.alice, out, passphrase="not the passphrase")
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    gpg.backup_key_pair(alice_home, key_template.alice, out, passphrase=PASS)
    text = out.read_text()
    assert "BEGIN PGP PRIVATE KEY BLOCK" in text
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_backup_restores_on_a_fresh_home_with_its_secret_part(alice_home, other_home, key_template, tmp_path):
    out = tmp_path / "alice-backup.asc"
    gpg.backup_key_pair(alice_home, key_template.alice, out, passphrase=PASS)
    summary = gpg.restore_backup(other_home, out)
    assert summary.summary == "1 public, 1 secret key imported"
    (key,) = summary.keys
    assert key.fingerprint == key_template.alice and key.has_secret and key.trusted


def test_restore_refuses_a_public_key_export(alice_home, other_home, key_template, tmp_path):
    pub = tmp_path / "alice-public.asc"
    gpg.export_public(alice_home, key_template.alice, pub)
    with pytest.raises(gpg.BadKeyFile, match="only a public key"):
        gpg.restore_backup(other_home, pub)
    assert gpg.list_keys(other_home) == []


def test_backup_of_public_only_key_is_refused(alice_home, other_home, key_template, tmp_path):
    share_public(alice_home, other_home, key_template.alice, trust=True)
    with pytest.raises(gpg.KeyNotFound, match="Only the public part"):
        gpg.backup_key_pair(other_home, key_template.alice, tmp_path / "b.asc", passphrase=PASS)


def test_gpg_not_installed(tmp_path):
    missing = gpg.GpgHome(tmp_path / "gnupg", binary=str(tmp_path / "no-such-dir" / "gpg"))
    with pytest.raises(gpg.GpgNotInstalled) as info:
        gpg.list_keys(missing)
    assert info.value.exit_code == 3
    assert "Gpg4win" in info.value.one_line() and "brew install gnupg" in info.value.one_line()
    report = tmp_path / "r.csv"
    report.write_text("x")
    with pytest.raises(gpg.GpgNotInstalled):
        gpg.decrypt_file(missing, report, tmp_path / "out.csv", passphrase=PASS)
    assert not (tmp_path / "out.csv").exists()


def test_key_file_size_limit(home, tmp_path):
    big = tmp_path / "big.asc"
    with open(big, "wb") as fh:
        fh.truncate(11 * 1024 * 1024)
    with pytest.raises(gpg.BadKeyFile, match="too big"):
        gpg.import_key_file(home, big)


def test_expiry_warning_window(alice_home, key_template):
    from dataclasses import replace
    from datetime import datetime, timedelta, timezone

    key = gpg.find_key(alice_home, key_template.alice)
    soon = replace(key, expires=datetime.now(timezone.utc) + timedelta(days=10, hours=1))
    assert soon.expires_soon and soon.status == "expires soon"
    assert not replace(key, expires=None).expires_soon



def test_identity_problem_is_the_rule_the_wizard_and_generate_share():
    assert gpg.identity_problem("Al Client", "al@example.com") is None
    assert "no < >" in gpg.identity_problem("Al <x>", "al@example.com")
    assert "not an email" in gpg.identity_problem("Al Client", "al@example")
    assert "Enter the client's email" in gpg.identity_problem("Al Client", "")


@pytest.mark.parametrize(("text", "ok"), [("2y", "2y"), ("50y", "50y"), ("600m", "600m"), ("90", "90"),
                                          ("0", "never"), ("0y", "never"), ("51y", None), ("9999y", None),
                                          ("20000", None), ("700m", None)])
def test_expiry_is_bounded_to_fifty_years(text, ok):
    if ok is None:
        with pytest.raises(InvalidInput, match="50 years"):
            gpg.validate_expire(text)
    else:
        assert gpg.validate_expire(text) == ok


def test_output_path_checks(tmp_path):
    afile = tmp_path / "report.csv"
    afile.write_text("x")
    with pytest.raises(InvalidInput, match="is a file, not a folder"):
        gpg.check_output_file(afile / "x")
    with pytest.raises(InvalidInput, match="is a file, not a folder"):
        gpg.check_output_folder(afile / "sub" / "deeper")
    with pytest.raises(InvalidInput, match="is a folder"):
        gpg.check_output_file(tmp_path)
    with pytest.raises(InvalidInput, match="not writable"):
        gpg.check_output_file(Path("/proc/x7"))
    with pytest.raises(InvalidInput, match="not writable"):
        gpg.check_output_folder(Path("/proc/new/dir"))
    # a missing folder is fine (made later) and is not created by the check
    assert gpg.check_output_file(tmp_path / "new" / "x.gpg") == tmp_path / "new" / "x.gpg"
    assert not (tmp_path / "new").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_curve_keys_have_one_name(alice_home, key_template):
    key = gpg.find_key(alice_home, key_template.alice)
    assert key.algorithm_label == "Curve 25519 (ed25519)"
    assert key.algorithm_label.split(":")[0] in gpg.ALGORITHM_LABELS["ed25519"]
