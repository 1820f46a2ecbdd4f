"""The one way to run blocking work off the GUI thread.

:func:`run_worker` wraps a plain service call in a :class:`Worker` (a QRunnable on a
QThreadPool). The service function stays Qt-free: if it accepts ``progress`` and/or
``cancel`` keyword arguments, it gets a ``progress(done, total)`` callback and a
``threading.Event`` to check between steps. ``run()`` catches everything and never touches a
widget: results and errors travel back as signals, which PySide delivers on the GUI thread.

Reads run on the shared pool; writes go through :func:`writer_pool`, a one-thread pool, so
the database sees one writer at a time.
"""

from __future__ import annotations

import inspect
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from console.services.errors import Cancelled

log = logging.getLogger(__name__)

_active: set[Worker] = set()
_writer_pool: QThreadPool | None = None


def reader_pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def writer_pool() -> QThreadPool:
    global _writer_pool
    if _writer_pool is None:
        _writer_pool = QThreadPool()
        _writer_pool.setMaxThreadCount(1)
        _writer_pool.setObjectName("writer")
    return _writer_pool


class WorkerSignals(QObject):
    """Signals of one worker.

    Signals:
        progress(int, int): ``done`` and ``total`` (total 0 = unknown).
        message(str): a short status text from the service.
        result(object): the return value, on success.
        error(object): the exception, on failure (its ``formatted_traceback`` attribute has the text).
        cancelled(): the work stopped because :meth:`Worker.cancel` was called.
        finished(): always, last.
    """

    progress = Signal(int, int)
    message = Signal(str)
    result = Signal(object)
    error = Signal(object)
    cancelled = Signal()
    finished = Signal()


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


class Worker(QRunnable):
    """Runs ``fn(*args, **kwargs)`` on a pool thread and reports through :attr:`signals`."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = WorkerSignals()
        self.cancel_event = threading.Event()
        if _accepts(fn, "progress") and "progress" not in kwargs:
            self.kwargs["progress"] = self._progress
        if _accepts(fn, "cancel") and "cancel" not in kwargs:
            self.kwargs["cancel"] = self.cancel_event
        if _accepts(fn, "message") and "message" not in kwargs:
            self.kwargs["message"] = self.signals.message.emit

    def _progress(self, done: int, total: int = 0) -> None:
        # Qt signals take C ints; clamp huge byte counts to keep the ratio.
        while total > 2**31 - 1 or done > 2**31 - 1:
            done //= 1024
            total //= 1024
        self.signals.progress.emit(int(done), int(total))

    def start(self, *, write: bool = False) -> Worker:
        """Queue this worker on the reader pool, or on the single writer with ``write=True``."""
        (writer_pool() if write else reader_pool()).start(self)
        return self

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def is_cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def run(self) -> None:
        try:
            value = self.fn(*self.args, **self.kwargs)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - run() must never raise into Qt
            exc.formatted_traceback = "".join(  # type: ignore[attr-defined]
                traceback.format_exception(type(exc), exc, exc.__traceback__))
            if self.cancel_event.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.error.emit(exc)
        else:
            if self.cancel_event.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()


def run_worker(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    write: bool = False,
    start: bool = True,
    **kwargs: Any,
) -> Worker:
    """Start ``fn`` on the reader pool (or the single writer with ``write=True``) and wire callbacks.

    Without ``on_error``, a :class:`UserFacingError` is shown in a dialog and anything else goes
    to the crash dialog. With ``start=False`` the caller connects more signals, then calls
    :meth:`Worker.start` (tests do this so that no signal can fire before they listen).
    """
    worker = Worker(fn, *args, **kwargs)
    sig = worker.signals
    if on_result is not None:
        sig.result.connect(_guard(on_result))
    sig.error.connect(_guard(on_error) if on_error is not None else _default_error)
    if on_progress is not None:
        sig.progress.connect(_guard(on_progress))
    if on_cancelled is not None:
        sig.cancelled.connect(_guard(on_cancelled))
    if on_finished is not None:
        sig.finished.connect(_guard(on_finished))
    _active.add(worker)
    sig.finished.connect(lambda: _active.discard(worker))
    if start:
        worker.start(write=write)
    return worker


def _guard(callback: Callable[..., None]) -> Callable[..., None]:
    """Drop a report whose widget was closed and deleted while the work ran (nothing is left to update)."""

    def call(*args: Any) -> None:
        try:
            callback(*args)
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            log.debug("dropped a worker report for a closed widget: %s", exc)

    return call


def _default_error(exc: BaseException) -> None:
    from console.views.messages import show_exception

    show_exception(None, exc)


def wait_for_all(timeout_ms: int = 5000) -> bool:
    """Ask every running worker to stop and wait for the pools (used on quit and in tests)."""
    for worker in list(_active):
        worker.cancel()
    ok = reader_pool().waitForDone(timeout_ms)
    if _writer_pool is not None:
        ok = _writer_pool.waitForDone(timeout_ms) and ok
    return ok
