"""``support-console gpg ...`` end to end, in-process, on real gpg homes."""

from __future__ import annotations

import json

import pytest

from console.services import gpg

pytest.register_assert_rewrite("tests.services.conftest_gpg", "tests.services.conftest_sftp")

from tests.services.conftest_gpg import PASS, fast_home, write_report  # noqa: E402

pytest_plugins = ("tests.services.conftest_gpg", "tests.services.conftest_sftp")


@pytest.fixture
def pw(tmp_path):
    f = tmp_path / "pass.txt"
    f.write_text(PASS + "\n")
    return f


def G(home, *args):
    return ["gpg", *args, "--gnupghome", str(home.path)]


def test_keys_empty_and_json(cli, home):
    code, out, _err = cli(G(home, "keys"))
    assert code == 0 and "keyring is empty" in out
    code, out, _ = cli(G(home, "keys", "--json"))
    assert code == 0 and json.loads(out) == []


def test_default_home_comes_from_settings(cli, tmp_path, monkeypatch, gnupghome):
    monkeypatch.setenv("SUPPORT_CONSOLE_GNUPGHOME", str(fast_home(gnupghome)))
    code, _out, _ = cli(["gpg", "keys", "--json"])
    assert code == 0 and (gnupghome / "gpg-agent.conf").read_text().count("default-cache-ttl 0") == 1


def test_generate_export_backup_restore(cli, home, other_home, pw, tmp_path):
    code, out, err = cli(G(home, "generate", "--name", "Carol Wu", "--email", "carol@example.com",
                           "--algo", "ed25519", "--passphrase-file", str(pw),
                           "--revocation-out", str(tmp_path / "carol.rev"), "--json"))
    assert code == 0, err
    made = json.loads(out)
    fpr = made["key"]["fingerprint"]
    assert made["key"]["has_secret"] and made["key"]["expires_in_days"] >= 729
    assert (tmp_path / "carol.rev").is_file()
    code, out, _ = cli(G(home, "export-public", fpr, str(tmp_path / "carol.asc")))
    assert code == 0 and "not a backup" in out
    assert gpg.file_kind(tmp_path / "carol.asc") == "public-key"
    code, out, err = cli(G(home, "backup", fpr, str(tmp_path / "carol-backup.asc"), "--passphrase-file", str(pw)))
    assert code == 0, err
    code, out, err = cli(G(other_home, "restore", str(tmp_path / "carol-backup.asc")))
    assert code == 0 and "1 public, 1 secret key imported" in out
    code, out, err = cli(G(other_home, "restore", str(tmp_path / "carol.asc")))
    assert code == 2 and "not a key pair backup" in err


def test_backup_with_wrong_passphrase(cli, alice_home, key_template, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("nope nope nope\n")
    code, _, err = cli(G(alice_home, "backup", key_template.alice, str(tmp_path / "b.asc"),
                         "--passphrase-file", str(bad)))
    assert code == 4 and "wrong" in err and not (tmp_path / "b.asc").exists()


def test_import_then_trust_then_encrypt_and_decrypt(cli, alice_home, other_home, key_template, pw, tmp_path):
    pub = tmp_path / "alice.asc"
    gpg.export_public(alice_home, key_template.alice, pub)
    code, out, _ = cli(G(other_home, "import", str(pub)))
    assert code == 0 and gpg.group_fingerprint(key_template.alice) in out and "gpg trust" in out
    report = write_report(tmp_path / "reports" / "statement.csv")
    code, out, err = cli(G(other_home, "encrypt", str(report), "--to", "alice@example.com"))
    assert code == 5 and "not been confirmed" in err and len(err.strip().splitlines()) == 1
    code, _, _ = cli(G(other_home, "trust", key_template.alice))
    assert code == 0
    code, out, err = cli(G(other_home, "encrypt", str(report.parent), "--to", "alice@example.com",
                           "--out", str(tmp_path / "outbox"), "--json"))
    assert code == 0, err
    enc = json.loads(out)["files"][0]["output"]
    assert enc.endswith("outbox/reports/statement.csv.gpg")
    # decrypt where the secret key lives; then "another computer" without it
    code, out, err = cli(G(alice_home, "decrypt", enc, "--out", str(tmp_path / "back.csv"),
                           "--passphrase-file", str(pw)))
    assert code == 0 and (tmp_path / "back.csv").read_bytes() == report.read_bytes()
    code, out, err = cli(G(other_home, "decrypt", enc, "--out", str(tmp_path / "x.csv"), "--passphrase-file", str(pw)))
    assert code == 4 and "key ID" in err and not (tmp_path / "x.csv").exists()


def test_import_with_trust_from_stdin(cli, alice_home, other_home, key_template, monkeypatch):
    import io

    _, armored = gpg.export_public(alice_home, key_template.alice)

    class In:
        buffer = io.BytesIO(armored.encode())

    monkeypatch.setattr("sys.stdin", In)
    code, out, _ = cli(G(other_home, "import", "-", "--trust", "--json"))
    assert code == 0 and json.loads(out)["keys"][0]["trusted"] is True


def test_wrong_passphrase_and_damaged_input(cli, alice_home, key_template, tmp_path, monkeypatch):
    report = write_report(tmp_path / "r.csv")
    assert cli(G(alice_home, "encrypt", str(report), "--to", key_template.alice))[0] == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("wrong passphrase\n"))
    code, _, err = cli(G(alice_home, "decrypt", str(tmp_path / "r.csv.gpg"), "--out", str(tmp_path / "o.csv"),
                         "--passphrase-file", "-"))
    assert code == 4 and "passphrase is wrong" in err
    code, _, err = cli(G(alice_home, "decrypt", str(report), "--out", str(tmp_path / "o.csv"),
                         "--passphrase-file", str(tmp_path / "r.csv")))
    assert code == 6 and "not an encrypted file" in err
    assert not (tmp_path / "o.csv").exists()


def test_gpg_missing(cli, home, tmp_path):
    code, _, err = cli(G(home, "keys", "--gpg-binary", str(tmp_path / "nowhere" / "gpg")))
    assert code == 3 and "Gpg4win" in err


def test_passphrase_is_never_a_command_line_option(cli, home):
    code, _, err = cli(G(home, "decrypt", "x.gpg", "--out", "x", "--passphrase", "s3cret-value"))
    assert code == 2 and "not taken on the command line" in err and "s3cret-value" not in err


def test_remove_needs_yes(cli, alice_home, key_template):
    code, _, err = cli(G(alice_home, "remove", key_template.team))
    assert code == 2 and "--yes" in err
    code, out, _ = cli(G(alice_home, "remove", key_template.team, "--yes"))
    assert code == 0 and "Removed Support Team" in out
    assert [k.fingerprint for k in gpg.list_keys(alice_home)] == [key_template.alice]


@pytest.mark.sshd
def test_encrypt_and_upload_to_sftp_outbox(cli, alice_home, key_template, sshd, params, trusted, tmp_path):
    report = write_report(tmp_path / "statement.csv")
    keypass = tmp_path / "ssh-pass.txt"
    keypass.write_text(params.passphrase + "\n")
    outbox = sshd.root / "outbox"
    outbox.mkdir()
    code, out, err = cli(G(alice_home, "encrypt", str(report), "--to", key_template.alice,
                           "--upload-to", str(outbox), "--sftp-host", params.host, "--sftp-port", str(params.port),
                           "--sftp-user", params.username, "--sftp-key", str(params.key_path),
                           "--sftp-passphrase-file", str(keypass), "--known-hosts", str(trusted), "--json"))
    assert code == 0, err
    assert json.loads(out)["uploaded"][0]["remote"].endswith("outbox/statement.csv.gpg")
    assert (outbox / "statement.csv.gpg").read_bytes() == (tmp_path / "statement.csv.gpg").read_bytes()


# ---------------------------------------------------------------------- new-user trial findings
def test_generate_says_where_gpg_keeps_the_revocation_certificate(cli, home, pw):
    code, out, err = cli(G(home, "generate", "--name", "Dan Ho", "--email", "dan@example.com",
                           "--algo", "ed25519", "--passphrase-file", str(pw)))
    assert code == 0, err
    fpr = next(line.split(None, 1)[1] for line in out.splitlines() if "fingerprint" in line).replace(" ", "")
    stored = home.path / "openpgp-revocs.d" / f"{fpr}.rev"
    assert stored.is_file() and str(stored) in out
    assert f"gpg revocation {fpr}" in out  # how to save a copy to keep offline


def test_generate_json_names_the_stored_revocation_certificate(cli, home, pw):
    code, out, err = cli(G(home, "generate", "--name", "Eve Lo", "--email", "eve@example.com",
                           "--algo", "ed25519", "--passphrase-file", str(pw), "--json"))
    assert code == 0, err
    made = json.loads(out)
    assert made["revocation_certificate"] is None
    assert made["revocation_certificate_in_home"].endswith(f"openpgp-revocs.d/{made['key']['fingerprint']}.rev")


def test_existing_output_hint_names_overwrite(cli, alice_home, key_template, pw, tmp_path):
    report = write_report(tmp_path / "r.csv")
    assert cli(G(alice_home, "encrypt", str(report), "--to", key_template.alice))[0] == 0
    code, _, err = cli(G(alice_home, "encrypt", str(report), "--to", key_template.alice))
    assert code == 2 and "already exists" in err and "--overwrite" in err and "allow overwriting" not in err
    (tmp_path / "out.csv").write_text("keep me")
    code, _, err = cli(G(alice_home, "decrypt", str(tmp_path / "r.csv.gpg"), "--out", str(tmp_path / "out.csv"),
                         "--passphrase-file", str(pw)))
    assert code == 2 and "--overwrite" in err and (tmp_path / "out.csv").read_text() == "keep me"
    assert cli(G(alice_home, "encrypt", str(report), "--to", key_template.alice, "--overwrite"))[0] == 0


def test_remove_unknown_key_says_how_to_list_keys(cli, alice_home):
    code, out, err = cli(G(alice_home, "remove", "NOPE", "--yes"))
    assert code == 2 and out == ""
    assert "no key matching 'NOPE'" in err and str(alice_home.path) in err and "nothing was removed" in err
    assert "gpg keys" in err and "Import" not in err
    code, _, err = cli(G(alice_home, "export-public", "NOPE", "-"))
    assert code == 2 and "gpg keys" in err and "Import" not in err


def test_refused_encrypt_leaves_no_output_folder(cli, alice_home, other_home, key_template, tmp_path):
    pub = tmp_path / "alice.asc"
    gpg.export_public(alice_home, key_template.alice, pub)
    assert cli(G(other_home, "import", str(pub)))[0] == 0  # imported, not confirmed
    report = write_report(tmp_path / "reports" / "statement.csv")
    out_dir = tmp_path / "new" / "outbox"
    code, _, err = cli(G(other_home, "encrypt", str(report.parent), "--to", key_template.alice,
                         "--out", str(out_dir)))
    assert code == 5 and "not been confirmed" in err
    assert not (tmp_path / "new").exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    code, _, _ = cli(G(other_home, "encrypt", str(report), "--to", key_template.alice, "--out", str(kept)))
    assert code == 5 and kept.is_dir()  # a folder that was already there stays


def test_mistyped_gnupghome_is_refused_not_created(cli, home, tmp_path):
    typo = tmp_path / "gnupg-hom"
    code, out, err = cli(["gpg", "keys", "--gnupghome", str(typo)])
    assert code == 2 and out == ""
    assert f"GnuPG home {typo} does not exist" in err and not typo.exists()
    (tmp_path / "a-file").write_text("x")
    code, _, err = cli(["gpg", "keys", "--gnupghome", str(tmp_path / "a-file")])
    assert code == 2 and "is a file" in err


def test_default_home_is_created_on_first_use(cli, monkeypatch):
    from console.config import Settings

    monkeypatch.delenv("SUPPORT_CONSOLE_GNUPGHOME", raising=False)
    default = Settings.load().gnupg_home
    assert not default.exists()
    try:
        code, _out, err = cli(["gpg", "keys"])
        assert code == 0, err
        assert default.is_dir() and (default / "gpg-agent.conf").is_file()
        code, _, err = cli(["gpg", "keys", "--gnupghome", str(default)])  # the same home, named
        assert code == 0, err
    finally:
        gpg.stop_agent(gpg.GpgHome(default))


def test_unusable_output_paths_are_refused_before_any_work(cli, alice_home, key_template, pw, tmp_path):
    report = write_report(tmp_path / "report.csv")
    assert cli(G(alice_home, "encrypt", str(report), "--to", key_template.alice))[0] == 0
    enc = str(tmp_path / "report.csv.gpg")
    for out in (str(report / "x"), "/proc/x7"):
        code, _, err = cli(G(alice_home, "decrypt", enc, "--out", out, "--passphrase-file", str(pw)))
        assert code == 2 and "cannot be written" in err and len(err.strip().splitlines()) == 1, err
    code, _, err = cli(G(alice_home, "encrypt", str(report), "--to", key_template.alice,
                         "--out", str(report / "sub"), "--overwrite"))
    assert code == 2 and "is a file, not a folder" in err, err
    code, _, err = cli(G(alice_home, "backup", key_template.alice, str(report / "b.asc"),
                         "--passphrase-file", str(pw)))
    assert code == 2 and "is a file, not a folder" in err, err
    code, _, err = cli(G(alice_home, "export-public", key_template.alice, "/proc/x7.asc"))
    assert code == 2 and "not writable" in err, err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_generate_checks_revocation_path_and_expiry_before_creating(cli, home, pw, tmp_path):
    folder = tmp_path / "adir"
    folder.mkdir()
    base = G(home, "generate", "--name", "Dan Ho", "--email", "dan@example.com", "--algo", "ed25519",
             "--passphrase-file", str(pw))
    code, _, err = cli([*base, "--revocation-out", str(folder)])
    assert code == 2 and "is a folder" in err, err
    code, _, err = cli([*base, "--expire", "9999y"])
    assert code == 2 and "at most" not in err and "50 years" in err, err
    assert gpg.list_keys(home) == []  # nothing was created by the refused runs
    code, out, err = cli([*base, "--expire", "50y", "--json"])
    assert code == 0 and json.loads(out)["key"]["expires_in_days"] > 365 * 49, err


def test_restore_of_something_else_says_what_a_backup_is(cli, home, tmp_path):
    ssh = tmp_path / "id_ed25519.pub"
    ssh.write_text("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq0 someone@host\n")
    junk = tmp_path / "notes.txt"
    junk.write_bytes(b"hello \x00\x01 world")
    for f in (ssh, junk):
        code, _, err = cli(G(home, "restore", str(f)))
        assert code == 2 and "not a GnuPG key pair backup" in err and "BEGIN PGP PRIVATE KEY BLOCK" in err, err


def test_encrypt_message_counts_files_in_words(cli, alice_home, key_template, tmp_path):
    report = write_report(tmp_path / "one.csv")
    code, out, _ = cli(G(alice_home, "encrypt", str(report), "--to", key_template.alice))
    assert code == 0 and "Encrypted 1 file to" in out and "(s)" not in out
