"""Before Qt starts on Linux: are the system libraries of Qt's xcb platform
plugin installed?

Without them Qt aborts with "Could not load the Qt platform plugin "xcb"" and
a list of plugins, which tells a person nothing about what to install. This
module tries to load each library the plugin needs (``ctypes.CDLL`` by its
soname, exactly as the dynamic loader would) and, when some are missing,
words a message naming them and the one ``apt-get`` line that installs
everything the editor needs on Debian and Ubuntu. Nothing here imports Qt.

``XCB_LIBRARIES`` lists the libraries (soname -> Debian/Ubuntu package) that
PySide6's ``libqxcb.so``, ``libQt6XcbQpa`` and ``libQt6Gui`` ask for beyond
the C/C++ runtime; ``tests/test_platform_check.py`` compares it with what
the installed plugin needs.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from pathlib import Path

XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

# the one line the README gives (every package once, in a stable order)
APT_PACKAGES = " ".join(dict.fromkeys(XCB_LIBRARIES.values()))
APT_LINE = f"sudo apt-get install {APT_PACKAGES}"


def uses_xcb(environ=None, platform: str | None = None) -> bool:
    """Will Qt pick its xcb plugin here? (Linux, and QT_QPA_PLATFORM names xcb,
    or is unset with an X display and no Wayland session.)"""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(environ.get("DISPLAY"))


def missing_libraries(load=None) -> list[str]:
    """The sonames of ``XCB_LIBRARIES`` the dynamic loader cannot find."""
    load = load or _load
    return [name for name in XCB_LIBRARIES if not load(name)]


def _load(soname: str) -> bool:
    try:
        ctypes.CDLL(soname, mode=getattr(os, "RTLD_LAZY", 1) | getattr(os, "RTLD_LOCAL", 0))
    except OSError:
        return False
    return True


def xcb_plugin() -> Path | None:
    """PySide6's xcb plugin (found without importing Qt), or None."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def message(missing: list[str]) -> str:
    names = ", ".join(f"{m} ({XCB_LIBRARIES.get(m, '?')})" for m in missing)
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[m] for m in missing if m in XCB_LIBRARIES))
    return (f"neurocanvas: the editor cannot open a window: Qt's X11 (xcb) platform plugin needs "
            f"{names}, which {'is' if len(missing) == 1 else 'are'} not installed.\n"
            f"Install {'it' if len(missing) == 1 else 'them'}: sudo apt-get install {packages}\n"
            f"or everything the editor needs on Debian/Ubuntu at once:\n  {APT_LINE}\n"
            "The command line works without a window: neurocanvas --help")


def check(environ=None, load=None) -> str | None:
    """None when Qt can start here; else the message to print instead of Qt's abort."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries(load)
    return message(missing) if missing else None
