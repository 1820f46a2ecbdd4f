"""Guards against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 on Python < 3.12 loses a reference to ``None`` on every Qt method call that
returns nothing; a day's use of the console then aborts with "deallocating None".
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_alive() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) - before > -10, "this PySide6 leaks references to None: pin another version"
