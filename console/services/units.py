"""Human-readable sizes, the same in every table, message and CLI line."""

from __future__ import annotations

_UNITS = ("KB", "MB", "GB", "TB")


def human_size(n: int) -> str:
    """``512 B``, ``1.5 KB``, ``3.2 MB``, ``4.0 GB`` (binary multiples); a negative size (unknown) is ``—``."""
    if n < 0:
        return "—"
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in _UNITS:
        value /= 1024
        if value < 1024 or unit == _UNITS[-1]:
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")
