"""Issue 11, item 11 (files): one atomic-write helper (engine.atomic) under the
document save and the exports. It keeps the target's mode (a new file gets the
umask's permissions, not 0600), writes through a symbolic link, and on a full
disk leaves the old file, no temporary file, and an error naming the path."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest

from engine import atomic
from engine.network import Network
from neurocanvas_cli import main
from tests.faults.conftest import small_document


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _net():

    return Network.from_dict(small_document())


def full_disk(monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(atomic, "_fsync", no_space)


def test_a_new_document_gets_the_umask_permissions(tmp_path, umask_022):
    path = tmp_path / "new.json"
    _net().save(path)
    assert mode(path) == 0o644


def test_save_keeps_the_mode_of_the_file_it_replaces(tmp_path, umask_022):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(small_document()))
    os.chmod(path, 0o640)
    _net().save(path)
    assert mode(path) == 0o640
    os.chmod(path, 0o664)
    _net().save(path)
    assert mode(path) == 0o664


def test_save_writes_through_a_symbolic_link(tmp_path, umask_022):
    real = tmp_path / "store" / "doc.json"
    real.parent.mkdir()
    real.write_text("{}")
    os.chmod(real, 0o644)
    link = tmp_path / "doc.json"
    link.symlink_to(real)
    net = _net()
    net.set_name("through the link")
    net.save(link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert Network.load(real).name == "through the link" and mode(real) == 0o644
    assert sorted(p.name for p in real.parent.iterdir()) == ["doc.json"]


def test_full_disk_on_save_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "doc.json"
    _net().save(path)
    before = path.read_bytes()
    full_disk(monkeypatch)
    net = _net()
    net.set_name("changed")
    with pytest.raises(OSError) as info:
        net.save(path)
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]


def test_export_on_a_full_disk_names_the_path_and_leaves_no_temp(tmp_path, monkeypatch, capsys):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(small_document()))
    out = tmp_path / "out"
    out.mkdir()
    full_disk(monkeypatch)
    for flag, name in (("--python", "model.py"), ("--keras", "model.keras")):
        code = main(["export", str(doc), flag, str(out / name)])
        err = capsys.readouterr().err
        assert code == 2
        assert f"neurocanvas: {out / name}: No space left on device" in err, err
        assert list(out.iterdir()) == []  # no temp file, no partial file


def test_export_keras_writes_a_loadable_model_with_the_umask_mode(tmp_path, umask_022, capsys):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(small_document()))
    target = tmp_path / "m.keras"
    assert main(["export", str(doc), "--keras", str(target), "--python", str(tmp_path / "m.py")]) == 0
    assert mode(target) == 0o644 and mode(tmp_path / "m.py") == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json", "m.keras", "m.py"]
    from engine.keras_import import from_file

    assert from_file(target).analyze().total_params == 15
