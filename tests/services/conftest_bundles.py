"""Builders for the diagnostics tests: platform-style logs, real and malicious archives, X painting."""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import tarfile
import zipfile
from pathlib import Path

TWS_LOG = """\
2024-03-05 09:30:00.100 [JTS-Main] INFO  - Starting the platform
2024-03-05 09:30:01.250 [JTS-Farm] INFO  - Market data farm connection is OK:usfarm errorCode=2104
2024-03-05 09:31:02.500 [JTS-Net] ERROR - Connectivity between IB and TWS has been lost. code=1100
java.net.SocketException: Connection reset
\tat java.net.SocketInputStream.read(SocketInputStream.java:210)
2024-03-05 09:31:40.000 [JTS-Net] WARN  - reconnecting through proxy zanzibarquokka
2024-03-05 09:32:05.000 [JTS-Net] INFO  - Connectivity restored, data maintained. errorCode=1102
2024-03-05 09:33:00.000 [JTS-API] ERROR - API connect failed: errorCode=502 port 7497
"""

SECRET_LOG = """\
2024-03-05 10:00:00.000 [JTS-Auth] INFO  - login user=bob password=hunter2 account U1234567
2024-03-05 10:00:01.000 [JTS-Auth] INFO  - Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345
2024-03-05 10:00:02.000 [JTS-Pay] INFO  - card 4111 1111 1111 1111 charged for U1234567
2024-03-05 10:00:03.000 [JTS-Pay] INFO  - order id 1234567890123 ok
"""

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5e5c5a70000000049454e44ae426082")


def good_zip(path: Path, *, nested: bytes | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("logs/tws.20240305.log", TWS_LOG)
        zf.writestr("settings/tws.xml", "<settings><proxy>on</proxy></settings>")
        zf.writestr("screenshot.png", PNG_1PX)
        zf.writestr("logs/tws.20240304.ibgzenc", b"\x1f\x8b\x08\x00garbled-bytes\x00\x01\x02")
        zf.writestr("reason.txt", "ATTENTION: 12345678 quotes freeze")
        if nested is not None:
            zf.writestr("extra/older.zip", nested)
    return path


def zip_bytes(entries: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def tar_with(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tf:
        for info, data in members:
            tf.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def tar_file(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 1709631000
    return info, data


def store_files(store: Path) -> list[Path]:
    return [p for p in store.rglob("*") if p.is_file()] if store.exists() else []


class XPainter:
    """Paints on a real X display through libX11: a solid root background and solid rectangles."""

    def __init__(self, display: str) -> None:
        self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XCreateSimpleWindow.restype = ctypes.c_ulong
        self.x.XCreateSimpleWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                               ctypes.c_uint, ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong,
                                               ctypes.c_ulong]
        for fn in ("XMapWindow", "XSetWindowBackground", "XClearWindow"):
            getattr(self.x, fn).argtypes = [ctypes.c_void_p, ctypes.c_ulong] + (
                [ctypes.c_ulong] if fn == "XSetWindowBackground" else [])
        self.x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.dpy = self.x.XOpenDisplay(display.encode())
        assert self.dpy, f"cannot open X display {display}"
        self.root = self.x.XDefaultRootWindow(self.dpy)

    def background(self, rgb: int) -> None:
        self.x.XSetWindowBackground(self.dpy, self.root, rgb)
        self.x.XClearWindow(self.dpy, self.root)
        self.x.XSync(self.dpy, 0)

    def rectangle(self, left: int, top: int, width: int, height: int, rgb: int) -> None:
        win = self.x.XCreateSimpleWindow(self.dpy, self.root, left, top, width, height, 0, 0, rgb)
        self.x.XMapWindow(self.dpy, win)
        self.x.XSync(self.dpy, 0)

    def close(self) -> None:
        self.x.XCloseDisplay(self.dpy)
