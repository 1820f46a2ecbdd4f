"""Settings: declared once; environment, then file, then default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.config import OPTIONS, Settings, settings_file
from console.services.errors import ConfigError


def test_defaults_follow_the_data_dir(isolated_dirs: Path) -> None:
    s = Settings.load()
    assert s.data_dir == isolated_dirs
    assert s.db_url == f"sqlite:///{isolated_dirs / 'console.db'}"
    assert s.bundle_store_dir == isolated_dirs / "bundles"
    assert s.gnupg_home == isolated_dirs / "gnupg"
    assert (s.sftp_host, s.sftp_port, s.language) == ("xfer.interactivebrokers.com", 32, "en")
    assert s.source("sftp_port") == "default"


def test_environment_beats_file_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    Settings.load().save({"sftp_port": 2222, "sftp_host": "files.example"})
    s = Settings.load()
    assert (s.sftp_host, s.sftp_port) == ("files.example", 2222)
    assert s.source("sftp_port") == "file"
    monkeypatch.setenv("SUPPORT_CONSOLE_SFTP_PORT", "4022")
    s = Settings.load()
    assert s.sftp_port == 4022 and s.source("sftp_port") == "env"
    assert s.sftp_host == "files.example"


def test_saving_none_restores_the_default() -> None:
    Settings.load().save({"sftp_host": "a.example"})
    Settings.load().save({"sftp_host": None})
    assert Settings.load().sftp_host == "xfer.interactivebrokers.com"
    assert json.loads(settings_file().read_text())["version"] == 1


def test_every_option_has_an_env_var_and_help() -> None:
    envs = [o.env for o in OPTIONS]
    assert len(set(envs)) == len(envs)
    assert all(o.env.startswith("SUPPORT_CONSOLE_") and o.help and o.label for o in OPTIONS)


@pytest.mark.parametrize(("env", "value"), [("SUPPORT_CONSOLE_SFTP_PORT", "port"),
                                            ("SUPPORT_CONSOLE_LANGUAGE", "klingon")])
def test_invalid_values_are_named(monkeypatch: pytest.MonkeyPatch, env: str, value: str) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError, match=env):
        Settings.load()


def test_corrupt_settings_file_is_a_clear_error() -> None:
    settings_file().parent.mkdir(parents=True)
    settings_file().write_text("{not json")
    with pytest.raises(ConfigError, match="settings file"):
        Settings.load()


def test_save_is_atomic_and_leaves_no_temp_files() -> None:
    Settings.load().save({"sftp_host": "x.example"})
    leftovers = [p.name for p in settings_file().parent.iterdir() if p.name != "settings.json"]
    assert leftovers == []


def test_unwritable_data_dir_is_refused_without_creating_anything(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("SUPPORT_CONSOLE_DATA_DIR", str(blocker / "data"))
    with pytest.raises(ConfigError, match="not writable"):
        Settings.load().ensure_data_dir()
    assert blocker.read_text() == "x"


def test_non_number_port_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORT_CONSOLE_SFTP_PORT", "abc")
    with pytest.raises(ConfigError, match="'abc' is not a whole number"):
        Settings.load()
