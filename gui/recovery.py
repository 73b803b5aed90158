"""Nothing lost: every change is journalled within half a second, one record
per open document, in a folder that belongs to this running instance.

Layout (under :func:`gui.app_paths.recovery_dir`)::

    recovery/
      <pid>-<random>/          one folder per running instance
        lock                   a QLockFile held while the instance runs
        <document uid>.json    one record per open document
        <document uid>.weights.npz

A record always says how to open its document again (its *entry*: the file,
the preset or the imported model it came from); while the document has
unsaved changes it also holds a copy of the document (and of the weights it
carries, e.g. an imported model never saved). Saving, discarding or undoing
back to the saved state removes that copy; closing the document removes the
record. :class:`Journal` writes a record at most :data:`DELAY_MS` (half a
second) after the first change that is not on disk yet (atomically: temp file + rename), so a
``kill -9`` at any moment loses at most the last couple of seconds.

A folder whose lock is held belongs to a live instance and is never touched
by another one, so two running instances never read or overwrite each
other's records. At start :func:`claim_stale` takes over the folders of
instances that ended without closing (a crash, a kill): their unsaved
records are offered for recovery and their entries say what was open. A
normal exit writes ``session.json`` (the documents open at the end) and
removes the instance's folder.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer, Signal

from engine.errors import NeuroCanvasError
from engine.atomic import write_atomic
from engine.network import Network
from gui import app_paths

DELAY_MS = 500  # a change reaches the disk within this (plus the write itself)
RECORD_FORMAT = "neurocanvas-recovery/2"
SESSION_FORMAT = "neurocanvas-session/1"


# ------------------------------------------------------------ instance --

class Instance:
    """This process's recovery folder, locked for as long as it runs."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else app_paths.recovery_dir()
        self.folder = self.root / f"{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.lock = _lock(self.folder)
        if not self.lock.tryLock(0):
            raise OSError(f"cannot lock {self.folder}")
        self.journals: list[Journal] = []

    def record_path(self, uid: str) -> Path:
        return self.folder / f"{uid}.json"

    def weights_path(self, uid: str) -> Path:
        return self.folder / f"{uid}.weights.npz"

    def remember_session(self) -> None:
        """Write ``session.json``: the documents open in this instance now."""
        entries = [j.doc.session_entry() for j in self.journals if j.doc is not None]
        if entries:
            write_session(entries)

    def release(self) -> None:
        """At exit: the folder goes, unless a document still open has unsaved
        changes (an exit that did not close the windows): then its record is
        brought up to date and left for the next start to offer."""
        unsaved = False
        for journal in list(self.journals):
            if journal.enabled and journal.doc is not None and journal.doc.modified:
                journal.write()
                unsaved = True
            journal.stop()
        self.lock.unlock()
        if not unsaved:
            shutil.rmtree(self.folder, ignore_errors=True)


_INSTANCE: Instance | None = None


def instance() -> Instance:
    """The running instance's folder (made on first use, released at exit)."""
    global _INSTANCE
    root = app_paths.recovery_dir()
    if _INSTANCE is None or _INSTANCE.root != root or not _INSTANCE.folder.exists():
        _INSTANCE = Instance(root)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(release_instance)
    return _INSTANCE


def release_instance() -> None:
    global _INSTANCE
    if _INSTANCE is not None:
        _INSTANCE.release()
        _INSTANCE = None


def _lock(folder: Path) -> QLockFile:
    lock = QLockFile(str(folder / "lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock


# ------------------------------------------------------------- journal --

class Journal(QObject):
    """Keeps the record of one window's document up to date."""

    failed = Signal(str)  # an OSError while writing; once until a write succeeds again

    def __init__(self, get_instance=instance, parent=None, delay_ms: int = DELAY_MS,
                 enabled: bool = True):
        super().__init__(parent)
        self._get_instance = get_instance
        self._instance: Instance | None = None
        self.enabled = enabled
        self.doc = None
        self._written = None  # (uid, generation, modified, path) last on disk
        self._weights_written = None  # (uid, id(store)) whose weights are on disk
        self._failing = False
        self.delay_ms = delay_ms
        self._pending_since = 0.0  # monotonic time of the oldest change not on disk
        self._last_write = float("-inf")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.write)

    @property
    def instance(self) -> Instance:
        if self._instance is None:
            self._instance = self._get_instance()
            self._instance.journals.append(self)
        return self._instance

    @property
    def path(self) -> Path | None:
        return self.instance.record_path(self.doc.uid) if self.doc is not None else None

    def watch(self, doc) -> None:
        """Journal ``doc`` from now on; the previous document's record goes."""
        old = self.doc
        if old is doc:
            return
        if old is not None:
            for signal, slot in ((old.changed, self._changed), (old.modified_changed, self._changed),
                                 (old.saved, self._changed), (old.analyzed, self._settled)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
            self.forget(old)
        self.doc = doc
        self._written = None
        doc.changed.connect(self._changed)
        doc.modified_changed.connect(self._changed)
        doc.saved.connect(self._changed)
        doc.analyzed.connect(self._settled)
        if self.enabled:
            self.write()

    def _changed(self, *_args) -> None:
        """A change not on disk yet: written DELAY_MS from now at the latest."""
        if self.enabled and not self.timer.isActive():
            self._pending_since = time.monotonic()
            self.timer.start()

    def _settled(self, *_args) -> None:
        """A command (or undo, redo) completed and the document is consistent: the
        first change after a quiet spell is written now, as is one whose write is
        overdue because the GUI thread was busy; changes that follow within
        DELAY_MS are written together by the timer."""
        if not (self.enabled and self.timer.isActive()):
            return
        now = time.monotonic()
        delay = self.delay_ms / 1000.0
        if now - self._last_write >= delay or now - self._pending_since >= delay:
            self.write()

    def write(self) -> bool:
        """Bring the record up to date now; returns whether it wrote."""
        self.timer.stop()
        doc = self.doc
        if doc is None or not self.enabled:
            return False
        state = (doc.uid, doc.generation, doc.modified, str(doc.path))
        if state == self._written:
            return False
        inst = self.instance
        try:
            weights = self._write_weights(doc) if doc.modified else None
            record = {"format": RECORD_FORMAT, "pid": os.getpid(), "written": time.time(),
                      "title": doc.title, "entry": doc.session_entry(),
                      "path": str(doc.path) if doc.path else None, "unsaved": doc.modified,
                      "weights": weights}
            if doc.modified:
                record["document"] = doc.network.to_dict()
            write_atomic(inst.record_path(doc.uid), json.dumps(record))
            if not doc.modified:
                _unlink(inst.weights_path(doc.uid))
                self._weights_written = None
        except OSError as exc:
            if not self._failing:
                self._failing = True
                self.failed.emit(f"{exc.filename or inst.folder}: {exc.strerror or exc}")
            self.timer.start()  # try again
            return False
        self._failing = False
        self._written = state
        self._last_write = time.monotonic()
        return True

    def _write_weights(self, doc) -> str | None:
        store = doc.network.weights
        if not store:
            return None
        target = self.instance.weights_path(doc.uid)
        key = (doc.uid, id(store))
        if self._weights_written != key or not target.exists():
            store.save(target)  # atomic
            self._weights_written = key
        return target.name

    def forget(self, doc=None) -> None:
        """The document was closed (saved or its changes discarded): its record goes."""
        doc = doc or self.doc
        if doc is None or self._instance is None:
            return
        _unlink(self._instance.record_path(doc.uid))
        _unlink(self._instance.weights_path(doc.uid))
        if doc is self.doc:
            self._written = None
        self._weights_written = None

    def closed(self) -> None:
        """The window closed normally: remember what was open, then drop the record."""
        self.timer.stop()
        if self.enabled and self.doc is not None:
            try:
                self.instance.remember_session()
            except OSError:
                pass  # the next start opens the default document instead
        self.forget()
        self.stop()

    def stop(self) -> None:
        self.timer.stop()
        if self._instance is not None and self in self._instance.journals:
            self._instance.journals.remove(self)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # a folder that cannot be written: the next start offers it, no harm


# ------------------------------------------------------------ records --

@dataclass
class Record:
    """A document of an instance that ended without closing it."""

    file: Path
    entry: dict
    title: str
    unsaved: bool
    path: str | None = None
    network: Network | None = None  # the unsaved document, when there is one
    weights: object = None  # engine.weights.WeightStore or None
    written: float = 0.0


@dataclass
class Stale:
    """The folders of ended instances, taken over by this one."""

    records: list = field(default_factory=list)
    folders: list = field(default_factory=list)
    locks: list = field(default_factory=list)

    @property
    def unsaved(self) -> list:
        return [r for r in self.records if r.unsaved and r.network is not None]

    @property
    def entries(self) -> list:
        return [r.entry for r in self.records]

    def discard(self) -> None:
        """Remove the folders (after their work was recovered or declined)."""
        for lock, folder in zip(self.locks, self.folders):
            lock.unlock()
            shutil.rmtree(folder, ignore_errors=True)
        self.records, self.folders, self.locks = [], [], []


def read_record(file: Path) -> Record | None:
    """A record, with its document and weights; None if it cannot be read."""
    try:
        payload = json.loads(Path(file).read_text(encoding="utf-8"))
        if payload.get("format") != RECORD_FORMAT or not isinstance(payload.get("entry"), dict):
            return None
        record = Record(Path(file), payload["entry"], str(payload.get("title") or "untitled"),
                        bool(payload.get("unsaved")), payload.get("path"),
                        written=float(payload.get("written") or 0.0))
        if record.unsaved and isinstance(payload.get("document"), dict):
            record.network = Network.from_dict(payload["document"])
            weights = payload.get("weights")
            if isinstance(weights, str) and Path(weights).name == weights:
                from engine.weights import WeightStore

                record.weights = WeightStore.load(Path(file).with_name(weights))
                record.network.weights = record.weights
    except (OSError, ValueError, KeyError, TypeError, NeuroCanvasError):
        return None
    return record


def claim_stale(root: Path | None = None, own: Path | None = None) -> Stale:
    """Take over the folders of instances that are no longer running (their
    lock is stale) and read their records, oldest first. Folders of live
    instances are left alone."""
    root = Path(root) if root is not None else app_paths.recovery_dir()
    stale = Stale()
    if not root.is_dir():
        return stale
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if own is not None and folder == own:
            continue
        lock = _lock(folder)
        if not lock.tryLock(0):
            continue  # a running instance's
        stale.folders.append(folder)
        stale.locks.append(lock)
        for file in sorted(folder.glob("*.json")):
            record = read_record(file)
            if record is not None:
                stale.records.append(record)
    stale.records.sort(key=lambda r: r.written)
    return stale


# ------------------------------------------------------------ session --

def write_session(entries: list) -> None:
    write_atomic(app_paths.session_file(),
                 json.dumps({"format": SESSION_FORMAT, "documents": entries}, indent=1))


def read_session() -> list:
    """The entries of the documents open at the end of the last session."""
    try:
        payload = json.loads(app_paths.session_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    docs = payload.get("documents") if isinstance(payload, dict) else None
    return [d for d in docs if isinstance(d, dict)] if isinstance(docs, list) else []
