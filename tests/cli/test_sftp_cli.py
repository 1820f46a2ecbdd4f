"""`support-console sftp ...` against the real sshd: exit codes 0/2/3/4/5, passphrases from files and stdin."""
# ruff: noqa: F811  (pytest fixtures imported from conftest_sftp are used as parameters)

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.servers import free_port
from tests.services.conftest_sftp import PASSPHRASE, key_pair, rsa_private_key  # noqa: F401


@pytest.fixture
def pass_file(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


def conn(sshd: Any, key: str, pass_file: Path, *extra: str) -> list[str]:
    return ["--host", sshd.host, "--port", str(sshd.port), "--user", sshd.user, "--key", key,
            "--passphrase-file", str(pass_file), *extra]


def test_keygen_writes_three_files(cli: Any, tmp_path: Path, pass_file: Path) -> None:
    out = tmp_path / "keys"
    code, stdout, stderr = cli(["sftp", "keygen", "--user", "u1234567", "--out", str(out), "--passphrase-file",
                                str(pass_file), "--ppk", "--ppk-version", "2"])
    assert code == 0, stderr
    assert {p.name for p in out.iterdir()} == {"id_rsa", "public.key", "id_rsa.ppk"}
    assert stat.S_IMODE((out / "id_rsa").stat().st_mode) == 0o600
    assert "SHA256:" in stdout and (out / "public.key").read_text().strip().endswith(" u1234567")
    assert PASSPHRASE not in stdout + stderr
    code, _, stderr = cli(["sftp", "keygen", "--user", "u1234567", "--out", str(out), "--no-passphrase"])
    assert code == 2 and "already exist" in stderr


def test_pubkey_json(cli: Any, key_pair: Any) -> None:
    code, stdout, _ = cli(["sftp", "pubkey", key_pair.ppk_path, "--json"])
    data = json.loads(stdout)
    assert code == 0 and data["public_line"] == key_pair.info.public_line and data["sha256"] == key_pair.info.sha256


def test_pubkey_passphrase_from_stdin(cli: Any, key_pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    code, _, stderr = cli(["sftp", "pubkey", key_pair.private_path, "--passphrase-file", "-"])
    assert code == 2 and "passphrase" in stderr.lower()


@pytest.mark.sshd
def test_host_key_exit_codes(cli: Any, sshd: Any, key_pair: Any, pass_file: Path, tmp_path: Path) -> None:
    kh = str(tmp_path / "kh")
    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    args = ["sftp", "test", *conn(sshd, key_pair.private_path, pass_file, "--known-hosts", kh)]
    code, stdout, stderr = cli(args)
    # One message, on stderr, naming the fingerprint and the next step; nothing on stdout.
    fingerprint = stderr.split("fingerprint is ")[1].split()[0].rstrip(".")
    assert code == 3 and stdout == "" and stderr.count("\n") == 1 and "--accept-new" in stderr
    code, stdout, stderr = cli([*args, "--json"])
    assert code == 3 and json.loads(stdout)["sha256"] == fingerprint and stderr.count("\n") == 1
    code, stdout, stderr = cli([*args, "--accept-new"])
    assert code == 0 and "OK" in stdout and "newly trusted" in stdout, stderr
    code, stdout, _ = cli(args)
    assert code == 0 and "already trusted" in stdout
    sshd.rotate_host_key()
    code, _, stderr = cli([*args, "--accept-new"])
    assert code == 4 and "intercept" in stderr
    assert f"forget-host --host 127.0.0.1 --port {sshd.port} --known-hosts {kh}" in stderr


@pytest.mark.sshd
def test_forget_host_takes_options_or_positional(cli: Any, sshd: Any, key_pair: Any, pass_file: Path,
                                                 tmp_path: Path) -> None:
    kh = tmp_path / "kh"
    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    args = ["sftp", "test", *conn(sshd, key_pair.private_path, pass_file, "--known-hosts", str(kh))]
    assert cli([*args, "--accept-new"])[0] == 0
    sshd.rotate_host_key()
    assert cli(args)[0] == 4
    code, stdout, stderr = cli(["sftp", "forget-host", "--host", sshd.host, "--port", str(sshd.port),
                                "--known-hosts", str(kh)])
    assert code == 0 and "Removed 1 trusted key of" in stdout and str(kh) in stdout, stderr
    # Forgotten is not trusted: the new key is unknown until accepted on purpose.
    assert cli(args)[0] == 3
    assert cli([*args, "--accept-new"])[0] == 0
    code, stdout, _ = cli(["sftp", "forget-host", sshd.host, "--port", str(sshd.port), "--known-hosts", str(kh),
                           "--json"])
    assert code == 0 and json.loads(stdout)["removed"] == 1
    code, stdout, _ = cli(["sftp", "forget-host", sshd.host, "--port", str(sshd.port), "--known-hosts", str(kh)])
    assert code == 0 and "nothing removed." in stdout and stdout.startswith("No trusted key")


def test_forget_host_usage_errors_are_its_own(cli: Any, tmp_path: Path) -> None:
    code, _, stderr = cli(["sftp", "forget-host", "a", "b"])
    assert code == 2 and "usage: support-console sftp forget-host" in stderr and "unrecognized" in stderr
    code, _, stderr = cli(["sftp", "forget-host", "a", "--host", "b", "--known-hosts", str(tmp_path / "kh")])
    assert code == 2 and "Two servers" in stderr
    code, _, stderr = cli(["sftp", "ls", "--user", "u", "--key", "k", "x", "y"])
    assert code == 2 and "usage: support-console sftp ls" in stderr


@pytest.mark.sshd
def test_refused_and_other_failures(cli: Any, sshd: Any, key_pair: Any, pass_file: Path, tmp_path: Path) -> None:
    kh = str(tmp_path / "kh")
    code, _, stderr = cli(["sftp", "test", *conn(sshd, key_pair.ppk_path, pass_file, "--known-hosts", kh,
                                                 "--accept-new")])
    assert code == 5 and "business days" in stderr
    code, _, stderr = cli(["sftp", "test", "--host", "127.0.0.1", "--port", str(free_port()), "--user", "x",
                           "--key", key_pair.ppk_path, "--passphrase-file", str(pass_file), "--known-hosts", kh])
    assert code == 2 and "refused" in stderr


@pytest.mark.sshd
def test_ls_get_put_with_resume(cli: Any, sshd: Any, key_pair: Any, pass_file: Path, tmp_path: Path) -> None:
    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    kh = str(tmp_path / "kh")
    opts = conn(sshd, key_pair.private_path, pass_file, "--known-hosts", kh)
    assert cli(["sftp", "test", *opts, "--accept-new"])[0] == 0
    data = os.urandom(3_000_000)
    (sshd.root / "report.xml").write_bytes(data)
    code, stdout, _ = cli(["sftp", "ls", str(sshd.root), *opts, "--json"])
    assert code == 0 and "report.xml" in [e["name"] for e in json.loads(stdout)["entries"]]
    local = tmp_path / "report.xml"
    (tmp_path / "report.xml.part").write_bytes(data[:1_000_000])
    code, stdout, stderr = cli(["sftp", "get", str(sshd.root / "report.xml"), str(local), "--resume", *opts,
                                "--json"])
    assert code == 0, stderr
    result = json.loads(stdout)
    assert result["resumed_from"] == 1_000_000 and result["sha256"] == hashlib.sha256(data).hexdigest()
    assert local.read_bytes() == data
    assert cli(["sftp", "get", str(sshd.root / "report.xml"), str(local), *opts])[0] == 2  # exists
    code, _, stderr = cli(["sftp", "put", str(local), str(sshd.root / "up.xml"), *opts])
    assert code == 0, stderr
    assert (sshd.root / "up.xml").read_bytes() == data


def test_keygen_without_a_terminal_needs_an_explicit_choice(cli: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a tty
    out = tmp_path / "keys"
    code, stdout, stderr = cli(["sftp", "keygen", "--user", "u1", "--out", str(out)])
    assert code == 2 and "--no-passphrase" in stderr and "--passphrase-file" in stderr and stdout == ""
    assert "No passphrase given" in stderr and not out.exists()
    code, _, stderr = cli(["sftp", "keygen", "--user", "u1", "--out", str(out), "--no-passphrase"])
    assert code == 0 and "Note: the private key is not protected" in stderr
    from console.services.sftp import needs_passphrase

    assert not needs_passphrase(out / "id_rsa")
    code, _, stderr = cli(["sftp", "keygen", "--user", "u1", "--out", str(out), "--no-passphrase",
                           "--passphrase-file", "-"])
    assert code == 2 and "not allowed with" in stderr


def test_keygen_force_with_a_folder_in_the_way_keeps_the_old_pair(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "keys"
    assert cli(["sftp", "keygen", "--user", "u1", "--out", str(out), "--no-passphrase"])[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "id_rsa.ppk").mkdir()
    code, _, stderr = cli(["sftp", "keygen", "--user", "u1", "--out", str(out), "--no-passphrase", "--force",
                           "--ppk"])
    assert code == 2 and "id_rsa.ppk" in stderr and "not a regular file" in stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


@pytest.mark.timeout(30)
def test_pubkey_of_a_key_asking_for_billions_of_bcrypt_rounds_fails_at_once(cli: Any, key_pair: Any,
                                                                            pass_file: Path, tmp_path: Path) -> None:
    from tests.services.test_sftp_keys import _set_bcrypt_rounds

    crafted = tmp_path / "h8"
    crafted.write_bytes(Path(key_pair.private_path).read_bytes())
    _set_bcrypt_rounds(crafted, 4_278_190_096)
    code, _, stderr = cli(["sftp", "pubkey", str(crafted), "--passphrase-file", str(pass_file)])
    assert code == 2 and "bcrypt rounds" in stderr and stderr.count("\n") <= 2 and "Traceback" not in stderr


def test_known_hosts_that_is_a_folder_is_explained(cli: Any, key_pair: Any, pass_file: Path,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    code, _, stderr = cli(["sftp", "forget-host", "h", "--known-hosts", str(folder)])
    assert code == 2 and "is a folder" in stderr and "Traceback" not in stderr
    code, _, stderr = cli(["sftp", "test", "--host", "127.0.0.1", "--port", str(free_port()), "--user", "x",
                           "--key", key_pair.ppk_path, "--passphrase-file", str(pass_file), "--known-hosts",
                           str(folder)])
    assert code == 2 and ("is a folder" in stderr or "refused" in stderr)


@pytest.mark.sshd
def test_connection_test_lists_the_remote_folder(cli: Any, sshd: Any, key_pair: Any, pass_file: Path,
                                                 tmp_path: Path) -> None:
    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    kh = tmp_path / "kh"
    (sshd.root / "outgoing").mkdir()
    (sshd.root / "outgoing" / "a.csv").write_text("x")
    opts = conn(sshd, key_pair.private_path, pass_file, "--known-hosts", str(kh))
    code, stdout, stderr = cli(["sftp", "test", *opts, "--accept-new", "--remote", str(sshd.root / "outgoing"),
                                "--json"])
    assert code == 0, stderr
    report = json.loads(stdout)
    assert report["folder"] == str(sshd.root / "outgoing") and report["entries"] == 1
    code, _, stderr = cli(["sftp", "test", *opts, "--remote", str(sshd.root / "nope")])
    assert code == 2 and "nope cannot be listed" in stderr and "home folder is" in stderr
    # a known_hosts folder on connect: refused before any trust decision, clearly
    code, _, stderr = cli(["sftp", "test", *conn(sshd, key_pair.private_path, pass_file, "--known-hosts",
                                                 str(tmp_path))])
    assert code == 2 and "is a folder" in stderr


@pytest.mark.sshd
def test_service_refuses_out_of_range_ports(sshd: Any, key_pair: Any, tmp_path: Path) -> None:
    from console.services.errors import InvalidInput
    from console.services.sftp import ConnectionParams, test_connection

    for port in (99999999, -5, 0):
        with pytest.raises(InvalidInput, match="1-65535"):
            test_connection(ConnectionParams("127.0.0.1", port, "u", Path(key_pair.private_path), PASSPHRASE),
                            known_hosts=tmp_path / "kh")
