"""The CLI's frame: version, usage errors, db, doctor, config, error channels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console import __version__


def test_version(cli) -> None:
    code, out, _ = cli(["--version"])
    assert code == 0 and __version__ in out


@pytest.mark.parametrize("argv", [["no-such-area"], ["db", "no-such-verb"], ["db", "status", "--bogus"]])
def test_usage_errors_exit_2_with_usage(cli, argv: list[str]) -> None:
    code, _, err = cli(argv)
    assert code == 2
    assert "usage:" in err and "Traceback" not in err


def test_verb_reports_its_own_unknown_arguments(cli) -> None:
    code, _, err = cli(["db", "status", "--bogus"])
    assert code == 2 and "usage: support-console db status" in err and "--bogus" in err


def test_area_without_verb_shows_its_help(cli) -> None:
    code, _, err = cli(["db"])
    assert code == 2 and "status" in err and "upgrade" in err


def test_db_upgrade_and_status(cli, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORT_CONSOLE_DB_URL", db_url)
    code, out, _ = cli(["db", "status", "--json"])
    assert code == 0 and json.loads(out)["revision"] is None
    code, out, _ = cli(["db", "upgrade", "--json"])
    data = json.loads(out)
    assert code == 0 and data["at_head"] and data["revision"] == data["head"]


def test_unreachable_database_is_one_line_exit_2(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORT_CONSOLE_DB_URL", "postgresql://agent:pw-not-shown@127.0.0.1:1/console")
    for verb in ("status", "upgrade"):
        code, _out, err = cli(["db", verb])
        assert code == 2
        assert "pw-not-shown" not in err and "Traceback" not in err
    code, _, err = cli(["db", "upgrade"])
    assert err.count("\n") == 1 and "127.0.0.1:1" in err and "agent:***@" in err


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_doctor_json_reports_truthfully(cli, backend: str, request: pytest.FixtureRequest,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if backend == "postgresql":
        db = request.getfixturevalue("pg_database")
        monkeypatch.setenv("SUPPORT_CONSOLE_DB_URL", db.raw_url)
    else:
        cli(["db", "upgrade"])
    code, out, _ = cli(["doctor", "--json"])
    report = json.loads(out)
    for key in ("app_version", "python", "qt", "gpg", "database", "screens", "data_dir"):
        assert {"ok", "detail"} <= set(report[key]), key
    assert report["app_version"]["version"] == __version__
    assert report["database"]["at_head"] is True and report["database"]["revision"]
    assert report["database"]["url"].startswith("postgresql" if backend == "postgresql" else "sqlite")
    assert report["gpg"]["ok"] is True and report["gpg"]["path"]
    assert report["screens"]["ok"] is False  # tests run without a display
    assert code == 0


def test_doctor_says_when_database_is_behind(cli) -> None:
    code, out, _ = cli(["doctor", "--json"])
    report = json.loads(out)
    assert report["database"]["ok"] is False and report["database"]["at_head"] is False
    assert "db upgrade" in report["database"]["detail"]
    assert code == 1


@pytest.mark.xvfb_screen
def test_doctor_sees_the_screen(cli) -> None:
    _, out, _ = cli(["doctor", "--json"])
    screens = json.loads(out)["screens"]
    assert screens["ok"] and screens["monitors"][0]["width"] == 1920


def test_config_show_set_unset(cli) -> None:
    assert cli(["config", "set", "sftp_port", "2200"])[0] == 0
    code, out, _ = cli(["config", "show", "--json"])
    rows = {r["name"]: r for r in json.loads(out)["settings"]}
    assert rows["sftp_port"]["value"] == "2200" and rows["sftp_port"]["source"] == "file"
    assert cli(["config", "unset", "sftp_port"])[0] == 0
    code, err = cli(["config", "set", "nope", "1"])[0::2]
    assert code == 2 and "Unknown setting" in err


def test_unwritable_data_dir_is_clear_and_creates_nothing(cli, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    monkeypatch.setenv("SUPPORT_CONSOLE_DATA_DIR", str(blocker / "data"))
    code, _, err = cli(["db", "upgrade"])
    assert code == 2 and "not writable" in err and "Traceback" not in err
    assert blocker.is_file()


def test_entry_point_runs_as_a_process(tmp_path: Path) -> None:
    env = dict(os.environ, SUPPORT_CONSOLE_DATA_DIR=str(tmp_path / "d"), SUPPORT_CONSOLE_CONFIG_DIR=str(tmp_path / "c"))
    proc = subprocess.run([sys.executable, "-m", "console", "db", "status", "--json"], env=env,
                          capture_output=True, text=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["backend"] == "sqlite"


def test_password_with_unencoded_characters_is_not_shown(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORT_CONSOLE_DB_URL", "postgresql://svc:Db@Pass:Xyz987@127.0.0.1:1/app")
    code, _, err = cli(["db", "status"])
    assert code == 2 and "Xyz987" not in err and "Db@Pass" not in err and "%40" in err


def test_secret_options_are_refused_without_echo(cli) -> None:
    code, _, err = cli(["db", "status", "--passphrase", "MySecretPass123"])
    assert code == 2 and "MySecretPass123" not in err and "not taken on the command line" in err


def test_unknown_arguments_are_not_echoed_as_values(cli) -> None:
    code, _, err = cli(["db", "status", "stray-value"])
    assert code == 2 and "stray-value" not in err


def test_path_problems_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from console.cli.runner import run_handler

    blocker = tmp_path / "file"
    blocker.write_text("x")

    def handler(args: argparse.Namespace, ctx: object) -> None:
        (blocker / "sub").mkdir()

    code = run_handler(handler, argparse.Namespace(prog_name="support-console", verbose=False))
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and str(blocker / "sub") in err and "Traceback" not in err


def test_out_of_range_numbers_are_usage_errors(cli) -> None:
    code, _, err = cli(["config", "set", "sftp_port", "99999999"])
    assert code == 2 and "out of range" in err


def test_data_dir_database_and_log_are_private(tmp_path: Path) -> None:
    data = tmp_path / "d"
    env = dict(os.environ, SUPPORT_CONSOLE_DATA_DIR=str(data), SUPPORT_CONSOLE_CONFIG_DIR=str(tmp_path / "c"))
    proc = subprocess.run([sys.executable, "-m", "console", "db", "upgrade"], env=env, capture_output=True,
                          text=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert data.stat().st_mode & 0o777 == 0o700
    assert (data / "console.db").stat().st_mode & 0o077 == 0
    assert (data / "logs" / "console.log").stat().st_mode & 0o077 == 0
