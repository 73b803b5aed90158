"""The xcb libraries the editor checks for before Qt starts, compared with what
the installed plugin really needs, and the message a person gets."""

import shutil
import subprocess

import pytest

from gui import platform_check
from gui.platform_check import APT_LINE, XCB_LIBRARIES

RUNTIME = ("libc.so", "libm.so", "libstdc++.so", "libgcc_s.so", "libpthread.so", "libdl.so",
           "ld-linux", "libz.so", "libzstd.so")


def _needed(path) -> set:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True)
    return {line.split()[1] for line in out.stdout.splitlines() if line.strip().startswith("NEEDED")}


@pytest.mark.skipif(shutil.which("objdump") is None or platform_check.xcb_plugin() is None,
                    reason="needs binutils and PySide6's xcb plugin (Linux)")
def test_the_list_covers_what_the_xcb_plugin_needs():
    plugin = platform_check.xcb_plugin()
    qt_lib = plugin.parents[2] / "lib"
    needed = set()
    for lib in (plugin, qt_lib / "libQt6XcbQpa.so.6", qt_lib / "libQt6Gui.so.6",
                qt_lib / "libQt6Widgets.so.6", qt_lib / "libQt6DBus.so.6"):
        needed |= _needed(lib)
    system = {n for n in needed if "Qt6" not in n and "libicu" not in n
              and not n.startswith(RUNTIME)}
    assert system <= set(XCB_LIBRARIES), sorted(system - set(XCB_LIBRARIES))
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"} <= set(APT_LINE.split())


def test_when_qt_would_use_xcb():
    assert platform_check.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert platform_check.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not platform_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux")
    assert not platform_check.uses_xcb({}, "linux")  # no display: Qt says so itself
    assert not platform_check.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0",
                                        "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not platform_check.uses_xcb({"DISPLAY": ":0"}, "darwin")


def test_the_message_names_each_missing_library_and_its_package():
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    text = platform_check.check({"DISPLAY": ":0"}, load=lambda name: name not in gone)
    assert "libxcb-icccm.so.4 (libxcb-icccm4), libxcb-keysyms.so.1 (libxcb-keysyms1)" in text
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in text and APT_LINE in text
    assert platform_check.check({"DISPLAY": ":0"}, load=lambda name: True) is None
    # this machine runs the GUI under Xvfb: every library is really there
    assert platform_check.missing_libraries() == []


def test_the_readme_gives_the_line():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert APT_LINE in readme
