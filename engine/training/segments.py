"""A run that goes on with an edited network: segments.

A run's first segment trains the network it was started with. Continuing
it with an edited network (`resume_training(run, network=edited)`) starts a
new segment of the same run: the same folder, the same curves and epoch
counter, the same optimizer step. When the new segment's model is built (on
the training thread):

1. the run's last checkpoint is loaded;
2. the edited network is built and compiled with the run's settings;
3. layers the edit transformed (`engine.net2net`, named in the document's
   ``"net2net"`` section) get the document's weights; every layer whose
   name, type and weight shapes are unchanged gets the checkpoint's weights
   bitwise and its optimizer slots (`engine.network_diff.carry_into`); the
   rest start fresh;
4. the new model is saved as ``last.keras`` and the segment is recorded:
   ``segments/<n>/network.json`` holds each segment's network, the run's
   ``network.json`` becomes the edited one, and ``run.json`` lists the
   segments with the epoch and step where each began and its carried,
   reinitialised and transformed layers.

From then on the run is an ordinary run: a restart resumes it from
``last.keras`` in its newest segment.
"""

from __future__ import annotations

import copy
from pathlib import Path

from engine.atomic import write_atomic
from engine.network_diff import TRANSFORMED_SECTION
from engine.plain_data import json_safe
from engine.training.runs import LAST_MODEL, SNAPSHOT_FILE, save_model_atomic, write_json_atomic
from engine.training.runs.folders import now_iso

SEGMENTS_DIR = "segments"


def segments_of(info: dict) -> list[dict]:
    """The run's segments (one, implicit, for a run never edited)."""
    return list(info.get("segments") or [])


def segment_count(info: dict) -> int:
    return max(1, len(segments_of(info)))


def snapshot_of(net, settings: dict) -> dict:
    """The network as the run records it: no weights section, no pending
    transform list, the run's own data and training settings."""
    snap = net.to_dict()
    snap.pop("weights", None)
    snap.pop(TRANSFORMED_SECTION, None)
    snap["data"] = copy.deepcopy(settings.get("data") or {})
    snap["training"] = copy.deepcopy(settings.get("training") or {})
    return snap


def transformed_layers(net, record) -> tuple[list, object, str | None]:
    """The layer names whose weights the edited document's own weights give
    (a Net2Net edit), the store holding them, and a note when they are
    ignored because they were grown from another checkpoint."""
    section = net.extra.get(TRANSFORMED_SECTION) or {}
    names = [n for n in (section.get("transformed") or []) if isinstance(n, str)]
    store = net.weights
    if not names:
        return [], None, None
    if store is None:
        return [], None, ("The document names grown layers but has no weights; "
                          "they start fresh.")
    base = section.get("base")
    ckpt = record.checkpoint or {}
    if isinstance(base, dict) and (base.get("run") != record.id
                                   or base.get("step") != ckpt.get("step")):
        return [], None, (f"The grown layers were grown from run {base.get('run')} at step "
                          f"{base.get('step')}, not from this run's checkpoint (step "
                          f"{ckpt.get('step')}); they start fresh.")
    ids = {nid for nid, node in net.nodes.items() if node.name in names}
    from engine.weights import WeightStore

    return names, WeightStore({nid: lw for nid, lw in store.layers.items() if nid in ids}), None


def segment_model_source(record, recorder, net, training, steps_per_epoch: int,
                         transformed: list, store, epoch: int, step, outcome: dict):
    """The function that builds the new segment's model (see module doc).
    ``outcome`` receives ``diff`` (a `SegmentDiff`) and ``segment`` (its index)."""

    def build():
        from engine import weights
        from engine.keras_build import build_model
        from engine.network_diff import carry_into
        from engine.training.compile import compile_arguments

        old = record.load_model("last")
        model = build_model(net, weights=False)
        names = list(getattr(model, "output_names", None) or [])
        model.compile(**compile_arguments(training.compile, names, steps_per_epoch,
                                          int(training.epochs)))
        if store is not None:
            weights.apply(net, model, store)
        diff = carry_into(old, model, transformed)
        outcome["diff"] = diff
        outcome["segment"] = commit_segment(recorder, net, model, diff, epoch, step)
        return model

    return build


def commit_segment(recorder, net, model, diff, epoch: int, step) -> int:
    """Save the new segment's model as the checkpoint and record the segment."""
    path = Path(recorder.path)
    info = recorder.info
    settings = info.get("settings") or {}
    segments = segments_of(info)
    if not segments:  # the run's first segment, recorded when the first edit comes
        first = path / SEGMENTS_DIR / "0"
        first.mkdir(parents=True, exist_ok=True)
        if (path / SNAPSHOT_FILE).exists():
            write_atomic(first / SNAPSHOT_FILE, (path / SNAPSHOT_FILE).read_bytes())
        segments.append({"index": 0, "network": f"{SEGMENTS_DIR}/0/{SNAPSHOT_FILE}",
                         "start_epoch": 0, "start_step": 0})
    index = len(segments)
    folder = path / SEGMENTS_DIR / str(index)
    folder.mkdir(parents=True, exist_ok=True)
    snap = snapshot_of(net, settings)
    write_json_atomic(folder / SNAPSHOT_FILE, snap)
    save_model_atomic(model, path / LAST_MODEL)
    write_json_atomic(path / SNAPSHOT_FILE, snap)
    edits = list((net.extra.get(TRANSFORMED_SECTION) or {}).get("edits") or [])
    segments.append({"index": index, "network": f"{SEGMENTS_DIR}/{index}/{SNAPSHOT_FILE}",
                     "start_epoch": int(epoch), "start_step": step, "time": now_iso(),
                     "edits": edits, **diff.to_dict()})
    info["segments"] = json_safe(segments)
    info["checkpoint"] = {"epoch": int(epoch), "step": step, "file": LAST_MODEL,
                          "time": now_iso(), "segment": index}
    info["network"] = {"name": net.name, "nodes": len(net.nodes)}
    recorder._write_info()
    recorder.log(f"Segment {index + 1} from epoch {epoch} with an edited network: "
                 f"{diff.describe()}; optimizer state carried for "
                 f"{diff.optimizer_slots_carried} slot(s), reset for "
                 f"{diff.optimizer_slots_reset}.")
    return index


__all__ = ["SEGMENTS_DIR", "segments_of", "segment_count", "transformed_layers",
           "segment_model_source", "commit_segment", "snapshot_of"]
