"""Cancel stops the real gpg process at once and leaves no output (large inputs, cancel from another thread)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from console.services import gpg
from console.services.errors import Cancelled
from console.services.gpg.process import parse_progress, stream_gpg

pytest.register_assert_rewrite("tests.services.conftest_gpg")

from tests.services.conftest_gpg import (  # noqa: E402
    HUGE,
    PASS,
    gpg_children,
    no_part_files,
    part_bigger_than,
    sparse,
    write_report,
)

pytest_plugins = ("tests.services.conftest_gpg",)


def wait_for(condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)  # polling the file system and /proc: there is no signal to wait on


@pytest.mark.timeout(60)
def test_cancel_kills_gpg_mid_file_and_leaves_nothing(alice_home, key_template, tmp_path):
    src = sparse(tmp_path / "huge.zip", HUGE)
    out = tmp_path / "out"
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []
    outcome: list[BaseException | object] = []

    def work() -> None:
        try:
            outcome.append(gpg.encrypt_files(alice_home, [src], key_template.alice, out_dir=out, cancel=cancel,
                                             progress=lambda d, t: seen.append((d, t))))
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    # gpg is running and writing: its .part has grown past 1 MB and gpg has reported progress.
    wait_for(lambda: part_bigger_than(tmp_path, 1 << 20))
    (pid,) = gpg_children()
    cancel.set()
    t = time.monotonic()
    worker.join(10)
    assert not worker.is_alive() and time.monotonic() - t < 5
    assert isinstance(outcome[0], Cancelled)
    assert not Path(f"/proc/{pid}").exists() and gpg_children() == []
    assert not (out / "huge.zip.gpg").exists() and no_part_files(tmp_path)
    assert seen == [] or seen[-1][0] < HUGE


def test_stream_gpg_terminates_the_process_it_started(alice_home, key_template, tmp_path):
    src = sparse(tmp_path / "huge.zip", HUGE)
    target = tmp_path / "o.gpg"
    cancel = threading.Event()
    procs = []

    def started(proc) -> None:  # type: ignore[no-untyped-def]
        procs.append(proc)
        threading.Timer(0.3, cancel.set).start()

    run = stream_gpg(alice_home, ["--encrypt", "--recipient", key_template.alice, "--compress-algo", "none",
                                  "--output", str(target), "--", str(src)], cancel=cancel, on_start=started)
    assert cancel.is_set() and not run.has("END_ENCRYPTION")
    assert procs[0].poll() is not None  # reaped: no gpg left behind
    target.unlink(missing_ok=True)


def test_cancel_during_decrypt_of_a_real_file(alice_home, key_template, tmp_path):
    report = write_report(tmp_path / "big.csv", 3_000_000)
    enc = gpg.encrypt_files(alice_home, [report], key_template.alice).files[0].output
    cancel = threading.Event()
    with pytest.raises(Cancelled):
        gpg.decrypt_file(alice_home, enc, tmp_path / "back.csv", passphrase=PASS,
                         progress=lambda d, t: cancel.set(), cancel=cancel)
    assert gpg_children() == []
    assert not (tmp_path / "back.csv").exists() and no_part_files(tmp_path)


def test_progress_line_parsing():
    assert parse_progress("a.zip ? 0 29296 KiB") == (0, 29296 << 10)
    assert parse_progress("my report.zip ? 10 20 MiB") == (10 << 20, 20 << 20)
    assert parse_progress("x ? 5 9") == (5, 9)
    assert parse_progress("garbage") is None
