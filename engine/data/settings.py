"""The document's ``data`` section: which dataset, with which options,
preprocessing and augmentation. Plain JSON through ``to_dict``/``from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.data.augmentation import AugmentationSettings
from engine.data.dataset import DataError, Dataset
from engine.data.preprocessing import PreprocessSettings, apply_preprocessing
from engine.data.registry import dataset_info, load_dataset


@dataclass
class DataSettings:
    """Everything needed to rebuild the training data of a document.

    Example:
        >>> s = DataSettings("digits", {"size": 28},
        ...                  PreprocessSettings(channels=1))
        >>> DataSettings.from_dict(s.to_dict()) == s
        True
    """

    dataset: str = "iris"
    options: dict = field(default_factory=dict)
    preprocess: PreprocessSettings = field(default_factory=PreprocessSettings)
    augmentation: AugmentationSettings = field(default_factory=AugmentationSettings)

    def to_dict(self) -> dict:
        return {"dataset": self.dataset, "options": dict(self.options),
                "preprocess": self.preprocess.to_dict(),
                "augmentation": self.augmentation.to_dict()}

    @classmethod
    def from_dict(cls, d: dict | None) -> "DataSettings":
        d = dict(d or {})
        unknown = sorted(set(d) - {"dataset", "options", "preprocess", "augmentation"})
        if unknown:
            raise DataError(f"Unknown data setting(s): {', '.join(unknown)}.",
                            hint="Known settings: dataset, options, preprocess, augmentation.")
        return cls(dataset=str(d.get("dataset", "iris")), options=dict(d.get("options") or {}),
                   preprocess=PreprocessSettings.from_dict(d.get("preprocess")),
                   augmentation=AugmentationSettings.from_dict(d.get("augmentation")))

    @classmethod
    def suggested(cls, dataset: str, **options) -> "DataSettings":
        """Settings with the preprocessing that usually fits ``dataset``."""
        info = dataset_info(dataset)
        return cls(dataset, dict(options), PreprocessSettings.from_dict(info.suggested))


def build_dataset(settings: DataSettings | dict) -> Dataset:
    """Load and preprocess the data a ``DataSettings`` describes."""
    if isinstance(settings, dict):
        settings = DataSettings.from_dict(settings)
    ds = load_dataset(settings.dataset, **settings.options)
    ds = apply_preprocessing(ds, settings.preprocess)
    ds.meta["data_settings"] = settings.to_dict()
    return ds
