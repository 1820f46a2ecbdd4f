"""Encrypt and decrypt with the real gpg; every failure the issue lists is produced for real."""

from __future__ import annotations

import threading
import zipfile

import pytest

from console.services import gpg
from console.services.errors import Cancelled, ConfigError, InvalidInput
from console.services.gpg.engine import GpgHome

pytest.register_assert_rewrite("tests.services.conftest_gpg")

from tests.services.conftest_gpg import (  # noqa: E402
    PASS,
    make_expired_key,
    no_part_files,
    revoke,
    share_public,
    sparse,
    write_report,
)

pytest_plugins = ("tests.services.conftest_gpg",)


@pytest.fixture
def encrypted(alice_home, key_template, tmp_path):
    report = write_report(tmp_path / "in" / "statement.csv")
    result = gpg.encrypt_files(alice_home, [report], key_template.alice)
    return result.files[0].output


def test_round_trip_keeps_original_and_names_output(alice_home, key_template, tmp_path):
    report = write_report(tmp_path / "statement.csv")
    before = report.read_bytes()
    result = gpg.encrypt_files(alice_home, [report], key_template.alice)
    (item,) = result.files
    assert item.output == tmp_path / "statement.csv.gpg" and item.compressed_by_gpg
    assert report.read_bytes() == before
    assert gpg.file_kind(item.output) == "encrypted"
    out = tmp_path / "back" / "statement.csv"
    dec = gpg.decrypt_file(alice_home, item.output, out, passphrase=PASS)
    assert out.read_bytes() == before and dec.original_name == "statement.csv"
    assert dec.key_fingerprint == key_template.alice


def test_wrong_passphrase_is_refused_right_after_a_right_one(alice_home, encrypted, tmp_path):
    gpg.decrypt_file(alice_home, encrypted, tmp_path / "a.csv", passphrase=PASS)
    with pytest.raises(gpg.BadPassphrase) as info:
        gpg.decrypt_file(alice_home, encrypted, tmp_path / "b.csv", passphrase="wrong horse")
    assert info.value.exit_code == 4
    assert not (tmp_path / "b.csv").exists() and no_part_files(tmp_path)
    gpg.decrypt_file(alice_home, encrypted, tmp_path / "c.csv", passphrase=PASS)


def test_no_secret_key_names_the_key_and_lists_the_secret_keys_here(alice_home, other_home, encrypted,
                                                                    key_template, make_key, tmp_path):
    bob = make_key(other_home, "Bob Lee", "bob@example.com")
    share_public(alice_home, other_home, key_template.alice, trust=False)
    out = tmp_path / "out.csv"
    with pytest.raises(gpg.NoSecretKey) as info:
        gpg.decrypt_file(other_home, encrypted, out, passphrase=PASS)
    err = info.value
    alice = gpg.find_key(alice_home, key_template.alice)
    assert err.key_ids == alice.subkey_ids  # the encryption subkey the file names
    assert alice.subkey_ids[0] in err.message and "Alice Chen" in err.message
    assert "Bob Lee" in err.message and err.secret_keys == (bob.fingerprint,)
    assert "restore" in err.hint and "new public key" in err.hint
    assert not out.exists() and no_part_files(tmp_path)


def test_no_secret_key_on_an_empty_keyring(other_home, encrypted, tmp_path):
    with pytest.raises(gpg.NoSecretKey, match="no secret keys at all"):
        gpg.decrypt_file(other_home, encrypted, tmp_path / "o.csv", passphrase=PASS)


def test_untrusted_recipient_is_refused_until_confirmed(alice_home, other_home, key_template, tmp_path):
    share_public(alice_home, other_home, key_template.alice, trust=False)
    report = write_report(tmp_path / "r.csv", 300_000)
    with pytest.raises(gpg.UntrustedRecipient) as info:
        gpg.encrypt_files(other_home, [report], key_template.alice)
    assert info.value.exit_code == 5 and "confirm" in info.value.hint.lower()
    assert not (tmp_path / "r.csv.gpg").exists() and no_part_files(tmp_path)
    gpg.trust_key(other_home, key_template.alice)
    assert gpg.encrypt_files(other_home, [report], key_template.alice).files[0].output.exists()


def test_expired_recipient(home, tmp_path):
    fpr = make_expired_key(home)
    gpg.trust_key(home, fpr)
    key = gpg.find_key(home, fpr)
    assert key.expired and key.status == "expired" and not key.can_encrypt
    with pytest.raises(gpg.KeyExpired, match="expired on 2020-01-02"):
        gpg.encrypt_files(home, [write_report(tmp_path / "r.csv")], fpr)
    assert no_part_files(tmp_path) and not (tmp_path / "r.csv.gpg").exists()


def test_revoked_recipient(alice_home, other_home, key_template, tmp_path):
    share_public(alice_home, other_home, key_template.alice, trust=True)
    revoke(alice_home, key_template.alice)
    share_public(alice_home, other_home, key_template.alice, trust=False)  # the revoked key, as sent
    assert gpg.find_key(other_home, key_template.alice).revoked
    with pytest.raises(gpg.KeyRevoked):
        gpg.encrypt_files(other_home, [write_report(tmp_path / "r.csv")], key_template.alice)
    assert no_part_files(tmp_path)


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_corrupt_input_leaves_no_output(alice_home, key_template, tmp_path, damage):
    report = tmp_path / "big.bin"
    report.write_bytes(bytes(range(256)) * 800 + b"tail")
    enc = gpg.encrypt_files(alice_home, [report], key_template.alice).files[0].output
    data = bytearray(enc.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    else:
        for i in range(len(data) // 2, len(data) // 2 + 64):
            data[i] ^= 0xFF
    enc.write_bytes(bytes(data))
    out = tmp_path / "out.bin"
    with pytest.raises(gpg.CorruptInput) as info:
        gpg.decrypt_file(alice_home, enc, out, passphrase=PASS)
    assert info.value.exit_code == 6
    assert not out.exists() and no_part_files(tmp_path)


def test_not_encrypted_inputs(alice_home, key_template, tmp_path):
    plain = write_report(tmp_path / "plain.csv")
    with pytest.raises(gpg.NotEncrypted):
        gpg.decrypt_file(alice_home, plain, tmp_path / "o1", passphrase=PASS)
    key_file = tmp_path / "alice.asc"
    gpg.export_public(alice_home, key_template.alice, key_file)
    assert gpg.file_kind(key_file) == "public-key"
    with pytest.raises(gpg.NotEncrypted):
        gpg.decrypt_file(alice_home, key_file, tmp_path / "o2", passphrase=PASS)
    assert not (tmp_path / "o1").exists() and not (tmp_path / "o2").exists() and no_part_files(tmp_path)


def test_folder_to_out_dir_skips_hidden_and_encrypted_and_compressed_files_are_not_recompressed(
        alice_home, key_template, tmp_path):
    src = tmp_path / "reports"
    write_report(src / "a.csv")
    write_report(src / "sub" / "b.csv")
    (src / ".hidden").write_text("x")
    (src / "old.csv.gpg").write_bytes(b"x")
    with zipfile.ZipFile(src / "c.zip", "w") as zf:
        zf.writestr("c.csv", "1,2\n" * 100)
    out = tmp_path / "outbox"
    result = gpg.encrypt_files(alice_home, [src], key_template.alice, out_dir=out)
    names = sorted(str(f.output.relative_to(out)) for f in result.files)
    assert names == ["reports/a.csv.gpg", "reports/c.zip.gpg", "reports/sub/b.csv.gpg"]
    by_name = {f.source.name: f for f in result.files}
    assert by_name["c.zip"].compressed_by_gpg is False and by_name["a.csv"].compressed_by_gpg
    with pytest.raises(InvalidInput, match="already exists"):
        gpg.encrypt_files(alice_home, [src], key_template.alice, out_dir=out)
    assert len(gpg.encrypt_files(alice_home, [src], key_template.alice, out_dir=out, overwrite=True).files) == 3


def test_signed_with_the_team_key(alice_home, key_template, tmp_path):
    report = write_report(tmp_path / "r.csv")
    with pytest.raises(gpg.BadPassphrase, match="signing key"):
        gpg.encrypt_files(alice_home, [report], key_template.alice, sign_with=key_template.team,
                          passphrase="wrong")
    assert no_part_files(tmp_path) and not (tmp_path / "r.csv.gpg").exists()
    res = gpg.encrypt_files(alice_home, [report], key_template.alice, sign_with=key_template.team,
                            passphrase=PASS + " team")
    assert res.signed_by == key_template.team
    dec = gpg.decrypt_file(alice_home, res.files[0].output, tmp_path / "d.csv", passphrase=PASS)
    assert dec.signature.startswith("good signature") and "Support Team" in dec.signature


def test_progress_and_cancel_leave_nothing(alice_home, key_template, tmp_path):
    report = write_report(tmp_path / "big.csv", 3_000_000)
    seen: list[tuple[int, int]] = []
    gpg.encrypt_files(alice_home, [report], key_template.alice, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (report.stat().st_size, report.stat().st_size)
    cancel = threading.Event()

    def stop_after_first(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(Cancelled):
        gpg.decrypt_file(alice_home, tmp_path / "big.csv.gpg", tmp_path / "back.csv", passphrase=PASS,
                         progress=stop_after_first, cancel=cancel)
    assert not (tmp_path / "back.csv").exists() and no_part_files(tmp_path)


def test_decrypt_refuses_to_overwrite_and_needs_a_passphrase(alice_home, encrypted, tmp_path):
    out = tmp_path / "exists.csv"
    out.write_text("keep me")
    with pytest.raises(InvalidInput, match="already exists"):
        gpg.decrypt_file(alice_home, encrypted, out, passphrase=PASS)
    assert out.read_text() == "keep me"
    with pytest.raises(InvalidInput, match="passphrase"):
        gpg.decrypt_file(alice_home, encrypted, tmp_path / "x.csv", passphrase="")


def test_encrypt_to_unknown_key(alice_home, tmp_path):
    with pytest.raises(gpg.KeyNotFound):
        gpg.encrypt_files(alice_home, [write_report(tmp_path / "r.csv")], "nobody@example.com")


def test_file_kind_and_default_names(tmp_path):
    (tmp_path / "x.txt").write_text("hello")
    assert gpg.file_kind(tmp_path / "x.txt") == "unknown"
    (tmp_path / "m.asc").write_text("-----BEGIN PGP MESSAGE-----\n")
    assert gpg.file_kind(tmp_path / "m.asc") == "encrypted"
    assert gpg.default_decrypted_name(tmp_path / "r.csv.gpg") == tmp_path / "r.csv"
    assert gpg.already_compressed(tmp_path / "a.ZIP")


def test_home_type():
    assert GpgHome.of("~/x").path.is_absolute()


def test_existing_outputs_raise_output_exists_with_the_paths(alice_home, key_template, encrypted, tmp_path):
    report = encrypted.with_suffix("")
    with pytest.raises(gpg.OutputExists) as caught:
        gpg.encrypt_files(alice_home, [report], key_template.alice)
    assert caught.value.paths == (str(encrypted),) and caught.value.exit_code == 2
    assert "--overwrite" not in caught.value.one_line()  # each front end names its own switch


def test_failed_decrypt_removes_the_folders_it_made(alice_home, encrypted, tmp_path):
    out = tmp_path / "new" / "deeper" / "statement.csv"
    with pytest.raises(gpg.BadPassphrase):
        gpg.decrypt_file(alice_home, encrypted, out, passphrase="not the passphrase")
    assert not (tmp_path / "new").exists()
    gpg.decrypt_file(alice_home, encrypted, out, passphrase=PASS)
    assert out.is_file()


def test_a_failure_after_some_files_keeps_the_finished_ones(alice_home, key_template, tmp_path):
    reports = tmp_path / "reports"
    first = write_report(reports / "a.csv").stat().st_size
    sparse(reports / "b.bin")  # far too big to finish: cancelled while gpg works on it
    cancel = threading.Event()
    out_dir = tmp_path / "out"

    def stop_after_first(done, total):
        if done > first:
            cancel.set()

    with pytest.raises(Cancelled):
        gpg.encrypt_files(alice_home, [reports], key_template.alice, out_dir=out_dir,
                          progress=stop_after_first, cancel=cancel)
    assert sorted(p.name for p in out_dir.rglob("*")) == ["a.csv.gpg", "reports"]


def test_only_the_default_home_is_created(tmp_path):
    typo = tmp_path / "gnupg-typo"
    home = GpgHome.chosen(typo, None, default=tmp_path / "gnupg")
    assert not home.create
    with pytest.raises(ConfigError, match="does not exist"):
        gpg.list_keys(home)
    assert not typo.exists()
    default = GpgHome.chosen(tmp_path / "gnupg", None, default=tmp_path / "gnupg")
    assert default.create
    try:
        assert gpg.list_keys(default) == [] and default.path.is_dir()
    finally:
        gpg.stop_agent(default)
