"""The result of a deployment: one row per format, as JSON and as Markdown."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class ExportRow:
    """One format's export and what its verification measured.

    ``accuracy``/``keras_accuracy`` are fractions in [0, 1] for
    classification (``None`` for regression); ``error``/``keras_error`` are
    the mean absolute error for regression (``None`` for classification).
    ``max_abs_diff`` is the largest absolute difference between the export's
    outputs and Keras's on the same samples. ``latency_ms`` is the mean time
    of one sample at batch 1 on the CPU. A refused export has ``path`` ``None``
    and its reason in ``refused`` (and ``hint``).
    """

    format: str
    path: str | None = None
    size_bytes: int | None = None
    max_abs_diff: float | None = None
    accuracy: float | None = None
    keras_accuracy: float | None = None
    error: float | None = None
    keras_error: float | None = None
    latency_ms: float | None = None
    warning: str | None = None
    refused: str | None = None
    hint: str | None = None
    layer: str | None = None
    notes: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.refused is None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class DeployReport:
    """Every format's row, the source exported, the task, and the samples used."""

    source: str
    task: str
    samples: int
    rows: list = field(default_factory=list)
    out_dir: str | None = None
    cancelled: bool = False  # stopped before every chosen format was done

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(r.ok for r in self.rows)

    def to_dict(self) -> dict:
        return {"source": self.source, "task": self.task, "samples": self.samples,
                "out_dir": self.out_dir, "cancelled": self.cancelled,
                "exports": [r.to_dict() for r in self.rows]}

    @classmethod
    def from_dict(cls, data: dict) -> "DeployReport":
        """The report ``to_dict`` wrote (what ``neurocanvas deploy`` prints)."""
        known = set(ExportRow.__dataclass_fields__)
        rows = [ExportRow(**{k: v for k, v in row.items() if k in known})
                for row in data.get("exports") or []]
        return cls(str(data.get("source", "")), str(data.get("task", "classification")),
                   int(data.get("samples") or 0), rows, data.get("out_dir"),
                   bool(data.get("cancelled")))

    def to_markdown(self) -> str:
        """A Markdown table, one row per format (what "Copy as Markdown" copies)."""
        classification = self.task != "regression"
        quality = ("accuracy", "Keras accuracy") if classification else ("MAE", "Keras MAE")
        head = ["format", "file", "size", "max |Δ| vs Keras", *quality, "latency (ms/sample)",
                "warning", "notes"]
        lines = [f"Deployment of {self.source} — verified on {self.samples} validation samples.",
                 "", _md_row(head), "|" + "---|" * len(head)]
        for r in self.rows:
            if not r.ok:
                cells = [r.format, "—", "—", "—", "—", "—", "—",
                         f"refused: {r.refused}" + (f" {r.hint}" if r.hint else ""), ""]
            else:
                ours, ref = ((r.accuracy, r.keras_accuracy) if classification
                             else (r.error, r.keras_error))
                cells = [r.format, _name(r.path), format_size(r.size_bytes),
                         format_diff(r.max_abs_diff), format_quality(ours, classification),
                         format_quality(ref, classification), format_latency(r.latency_ms),
                         r.warning or "", "; ".join(r.notes)]
            lines.append(_md_row(cells))
        return "\n".join(lines) + "\n"


def _md_row(cells) -> str:
    return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"


def _name(path) -> str:
    from pathlib import Path

    return Path(path).name if path else "—"


def format_size(n) -> str:
    """``"12.3 KB"``: sizes in decimal units, as file managers show them."""
    if n is None:
        return "—"
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000.0
    return f"{n:.1f} GB"  # pragma: no cover


def format_diff(v) -> str:
    return "—" if v is None else f"{v:.2e}"


def format_quality(v, classification: bool) -> str:
    if v is None:
        return "—"
    return f"{100.0 * v:.2f} %" if classification else f"{v:.4g}"


def format_latency(v) -> str:
    return "—" if v is None else f"{v:.3f}"
