"""How much memory a model may use here: this machine's RAM and, once known,
the selected GPU's memory. Read without TensorFlow (``os.sysconf``); a GPU's
size is registered by whoever selects it (:func:`set_gpu_memory`), or probed
with ``nvidia-smi`` by :func:`probe_gpu_memory`.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from engine.errors import WARNING, Diagnostic
from engine.i18n import msg

BYTES_PER_VALUE = 4  # float32
_gpu: tuple[str, int] | None = None
_machine: int | None | bool = False  # False: not read yet


def machine_memory() -> int | None:
    """Physical memory of this machine in bytes (None where the OS does not say)."""
    global _machine
    if _machine is False:
        try:
            _machine = int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
        except (AttributeError, ValueError, OSError):
            _machine = None
    return _machine


def set_gpu_memory(name: str | None, total_bytes: int | None) -> None:
    """Register the selected GPU (None forgets it); the analysis then checks against it."""
    global _gpu
    _gpu = (name, int(total_bytes)) if name and total_bytes else None


def gpu_memory() -> tuple[str, int] | None:
    return _gpu


def probe_gpu_memory(timeout: float = 3.0) -> tuple[str, int] | None:
    """The first NVIDIA GPU's name and memory from ``nvidia-smi`` (registered), or None."""
    tool = shutil.which("nvidia-smi")
    if tool is None:
        return None
    try:
        out = subprocess.run([tool, "--query-gpu=name,memory.total", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=timeout, check=True).stdout
        name, mib = out.splitlines()[0].rsplit(",", 1)
        set_gpu_memory(f"GPU {name.strip()}", int(float(mib)) * (1 << 20))
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None
    return _gpu


def _gb(n: int) -> str:
    return f"{n / (1 << 30):,.1f} GB"


def memory_diagnostics(total_params: int, trainable_params: int, activation_values: int) -> list:
    """Warnings when the weights, the training state or one sample's activations
    cannot fit this machine's memory (or the registered GPU's), with the numbers."""
    limits = []
    machine = machine_memory()
    if machine:
        limits.append(("this machine", machine))
    if _gpu is not None:
        limits.append(_gpu)
    out = []
    weights = total_params * BYTES_PER_VALUE
    training = weights + 3 * trainable_params * BYTES_PER_VALUE  # gradients and two Adam slots
    activations = activation_values * BYTES_PER_VALUE
    for where, limit in limits:
        if weights > limit:
            out.append(Diagnostic(
                None, WARNING,
                msg("The parameters need {gb} ({total_params} × {size} bytes) "
                    "but {where} has {gb2} of memory: the model cannot be built there.",
                    gb=_gb(weights), total_params=format(total_params, ','), size=BYTES_PER_VALUE,
                    where=where, gb2=_gb(limit)),
                msg("Use fewer units or filters, or a smaller input."), code="memory"))
        elif training > limit:
            out.append(Diagnostic(
                None, WARNING,
                msg("Training needs at least {gb} (the {gb2} of parameters, their "
                    "gradients and the optimizer's state) but {where} has {gb3} of memory.",
                    gb=_gb(training), gb2=_gb(weights), where=where, gb3=_gb(limit)),
                msg("Use a smaller model, or freeze layers so that fewer parameters are trained."),
                code="memory"))
        if activations > limit:
            out.append(Diagnostic(
                None, WARNING,
                msg("The activations of one sample need {gb} ({activation_values} values) "
                    "but {where} has {gb2} of memory.",
                    gb=_gb(activations), activation_values=format(activation_values, ','), where=where,
                    gb2=_gb(limit)),
                msg("Use a smaller input, or downsample earlier (pooling or strides)."), code="memory"))
    return out
