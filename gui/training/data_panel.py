"""Choose the training data and see it before training: a built-in, Keras
or own dataset, its options, preprocessing, split and augmentation; a
preview (sample images with labels, or a table), shapes, class names and
sizes; and, before any training, whether it fits the model — with the fix
offered as a button.

Settings go into the document's ``data`` section through undoable commands.
Loading the preview runs on a worker thread.
"""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from gui.background import Worker
from gui.i18n import translate, tx
from gui.training import data_fix, sections
from gui.training.controller import catching, settle
from gui.training.plots import common

SOURCES = (("scikit-learn", QT_TRANSLATE_NOOP("DataPanel", "built-in")),
           ("generated", QT_TRANSLATE_NOOP("DataPanel", "built-in")),
           ("keras", QT_TRANSLATE_NOOP("DataPanel", "Keras (downloads)")),
           ("file", QT_TRANSLATE_NOOP("DataPanel", "your own file")))
# choices of the preprocessing and augmentation combos that are words, shown translated
CHOICE_TEXTS = {
    "none": QT_TRANSLATE_NOOP("DataPanel", "none"),
    "keep": QT_TRANSLATE_NOOP("DataPanel", "keep"),
    "horizontal": QT_TRANSLATE_NOOP("DataPanel", "horizontal"),
    "vertical": QT_TRANSLATE_NOOP("DataPanel", "vertical"),
    "horizontal_and_vertical": QT_TRANSLATE_NOOP("DataPanel", "horizontal and vertical"),
}


def _fill_choices(combo: QComboBox, values) -> None:
    """Add ``values`` as choices: words translated, settings names as they are."""
    for value in values:
        text = CHOICE_TEXTS.get(value)
        combo.addItem(translate("DataPanel", text) if text else value, value)


def _choose(combo: QComboBox, value) -> None:
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)


def model_shapes(doc) -> tuple[dict, dict]:
    """The model's input and output shapes without the batch axis, by node name,
    from the document's analysis (no Keras)."""
    net = doc.network
    report = doc.report()
    ins, outs = {}, {}
    for nid in net.inputs:
        info = report.by_node.get(nid)
        if info is not None and info.output_shapes:
            ins[net.nodes[nid].name] = tuple(info.output_shapes[0][1:])
    for nid, port in net.outputs:
        info = report.by_node.get(nid)
        if info is not None and info.output_shapes and port < len(info.output_shapes):
            outs[net.nodes[nid].name] = tuple(info.output_shapes[port][1:])
    return ins, outs


def _parse(text: str):
    text = text.strip()
    if text == "":
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


class DataPanel(QWidget):
    """The data of the open document, in sections: the dataset and its
    options, the preview with the compatibility check, preprocessing and
    split, augmentation. Each section is built by its own method."""

    dataset_loaded = Signal(object)   # the preprocessed Dataset of the preview
    checked = Signal(list)            # the compatibility diagnostics

    def __init__(self, window=None, parent=None):
        super().__init__(parent)
        self.window = window
        self.doc = None
        self.dataset = None
        self.diagnostics: list = []
        self.error = ""
        self._loading = False
        self._updating = False
        self._fit_next = False
        self._fitting = False
        self.refused_fix = ""
        self.worker = Worker(self)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(250)
        self._reload.timeout.connect(self.load_preview)

        self._dataset_section()
        pre = self._preprocessing_section()
        aug = self._augmentation_section()
        self._preview_section()
        self._connect_edits()
        self._lay_out(pre, aug)

    # ------------------------------------------------------------------ sections --
    def _dataset_section(self) -> None:
        """The dataset chooser, its description and the form of its options."""
        self.dataset_box = QComboBox()
        self.dataset_box.setToolTip(self.tr("The data to train on"))
        # long dataset titles must not widen the panel past its dock (the
        # Browse buttons would be out of sight)
        self.dataset_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.dataset_box.setMinimumContentsLength(14)
        from engine.data import list_datasets

        for source, label in SOURCES:
            for info in list_datasets(source=source):
                self.dataset_box.addItem(f"{tx(info.title)}  ·  {self.tr(label)}", info.name)
        self.dataset_box.currentIndexChanged.connect(lambda _i: self._dataset_changed())
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.options_form = QFormLayout()
        self.option_edits: dict[str, QLineEdit] = {}
        self.browse_buttons: dict[str, QPushButton] = {}

    def _preprocessing_section(self) -> QGroupBox:
        self.scale = QComboBox()
        _fill_choices(self.scale, ["none", "divide255", "standardize", "minmax"])
        self.scale_target = QComboBox()
        _fill_choices(self.scale_target, ["none", "standardize", "minmax"])
        self.labels = QComboBox()
        _fill_choices(self.labels, ["keep", "sparse", "onehot"])
        self.resize_on = QCheckBox(self.tr("resize images to"))
        self.resize_h, self.resize_w = QSpinBox(), QSpinBox()
        for s in (self.resize_h, self.resize_w):
            s.setRange(1, 4096)
            s.setValue(32)
        self.channels = QComboBox()
        _fill_choices(self.channels, ["keep", "1", "3"])
        self.add_channel = QCheckBox(self.tr("add channel axis"))
        self.flatten = QCheckBox(self.tr("flatten samples"))
        self.val_split = QDoubleSpinBox()
        self.val_split.setRange(0.0, 0.9)
        self.val_split.setSingleStep(0.05)
        self.val_split.setDecimals(2)
        self.replace_val = QCheckBox(self.tr("split even if the data has a validation set"))
        self.suggested_button = QPushButton(self.tr("Use suggested preprocessing"))
        self.suggested_button.clicked.connect(self.use_suggested)

        pre = QGroupBox(self.tr("Preprocessing and split"))
        pf = QFormLayout(pre)
        pf.addRow(self.tr("Scale inputs"), self.scale)
        pf.addRow(self.tr("Scale targets"), self.scale_target)
        pf.addRow(self.tr("Labels"), self.labels)
        resize = QHBoxLayout()
        resize.addWidget(self.resize_on)
        resize.addWidget(self.resize_h)
        resize.addWidget(QLabel("×"))
        resize.addWidget(self.resize_w)
        pf.addRow(resize)
        pf.addRow(self.tr("Channels"), self.channels)
        # rows of one widget span the form, so the panel fits a narrow dock
        pf.addRow(self.add_channel)
        pf.addRow(self.flatten)
        pf.addRow(self.tr("Validation split"), self.val_split)
        pf.addRow(self.replace_val)
        pf.addRow(self.suggested_button)
        return pre

    def _augmentation_section(self) -> QGroupBox:
        self.flip = QComboBox()
        _fill_choices(self.flip, ["none", "horizontal", "vertical", "horizontal_and_vertical"])
        self.rotation = QDoubleSpinBox()
        self.rotation.setRange(0, 180)
        self.zoom = QDoubleSpinBox()
        self.shift = QDoubleSpinBox()
        for s in (self.zoom, self.shift):
            s.setRange(0.0, 0.95)
            s.setSingleStep(0.05)
        aug = QGroupBox(self.tr("Augmentation (training images only)"))
        af = QFormLayout(aug)
        af.addRow(self.tr("Flip"), self.flip)
        af.addRow(self.tr("Rotation (°)"), self.rotation)
        af.addRow(self.tr("Zoom (±)"), self.zoom)
        af.addRow(self.tr("Shift (±)"), self.shift)
        return aug

    def _preview_section(self) -> None:
        """The summary, sample thumbnails, table and the compatibility check with its fix."""
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.thumbs = QWidget()
        self.thumbs_grid = QGridLayout(self.thumbs)
        self.thumbs_grid.setContentsMargins(0, 0, 0, 0)
        self.thumb_cells: list[tuple[QLabel, QLabel]] = []
        self.table = QTableWidget(0, 0)
        self.table.setMaximumHeight(170)
        self.compat = QLabel("")
        self.compat.setWordWrap(True)
        self.fix_button = QPushButton(self.tr("Apply the fix"))
        self.fix_button.clicked.connect(self.apply_fix)
        self.fix_button.hide()

    def _connect_edits(self) -> None:
        """Every preprocessing and augmentation control stores its change (`_edited`)."""
        for w in (self.scale, self.scale_target, self.labels, self.channels, self.flip):
            w.currentIndexChanged.connect(lambda _i: self._edited())
        for w in (self.resize_on, self.add_channel, self.flatten, self.replace_val):
            w.toggled.connect(lambda _c: self._edited())
        for w in (self.resize_h, self.resize_w, self.val_split, self.rotation, self.zoom, self.shift):
            w.valueChanged.connect(lambda _v: self._edited())

    def _lay_out(self, pre: QGroupBox, aug: QGroupBox) -> None:
        """Dataset, preview and check, then the two groups, in a scroll area."""
        inner = QWidget()
        layout = QVBoxLayout(inner)
        top = QFormLayout()
        top.addRow(self.tr("Dataset"), self.dataset_box)
        layout.addLayout(top)
        layout.addWidget(self.description)
        layout.addLayout(self.options_form)
        layout.addWidget(self.summary)
        layout.addWidget(self.compat)
        layout.addWidget(self.fix_button)
        layout.addWidget(self.thumbs)
        layout.addWidget(self.table)
        layout.addWidget(pre)
        layout.addWidget(aug)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        from gui import wheel_guard

        wheel_guard.install()           # the wheel scrolls the panel, never changes a value by itself
        wheel_guard.scroll_past_plots(self)

    # ------------------------------------------------------------------ document --
    def set_document(self, doc) -> None:
        if self.doc is not None:
            try:
                self.doc.undo_stack.indexChanged.disconnect(self._stack_moved)
                self.doc.analyzed.disconnect(self._analyzed)
            except (RuntimeError, TypeError):
                pass
        self.doc = doc
        doc.undo_stack.indexChanged.connect(self._stack_moved)
        doc.analyzed.connect(self._analyzed)
        self.show_settings()
        self.dataset = None
        self._stale = True
        if self.isVisible():
            self.load_preview()

    def showEvent(self, event):
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.load_preview()

    @common.while_alive
    def _stack_moved(self, _index) -> None:
        if self.doc.network.extra.get(sections.DATA) is None:
            return
        settings, _derived, _ = sections.data_settings(self.doc.network)
        if settings.to_dict() != self.settings().to_dict():
            self.show_settings()
            self._reload.start()

    @common.while_alive
    def _analyzed(self, _report) -> None:
        if self.dataset is not None:
            self.check()

    def show_settings(self) -> None:
        """Put the document's data settings into the editors."""
        s, self._derived, problem = sections.data_settings(self.doc.network)
        self.show_data_settings(s)
        if problem:
            self.compat.setText(_html(problem))

    def show_data_settings(self, s) -> None:
        self._updating = True
        try:
            i = self.dataset_box.findData(s.dataset)
            if i >= 0:
                self.dataset_box.setCurrentIndex(i)
            self._fill_options(s.dataset, s.options)
            p = s.preprocess
            _choose(self.scale, p.scale)
            _choose(self.scale_target, p.scale_target)
            _choose(self.labels, p.labels)
            self.resize_on.setChecked(bool(p.resize))
            if p.resize:
                self.resize_h.setValue(int(p.resize[0]))
                self.resize_w.setValue(int(p.resize[1]))
            _choose(self.channels, str(p.channels) if p.channels else "keep")
            self.add_channel.setChecked(bool(p.add_channel))
            self.flatten.setChecked(bool(p.flatten))
            self.val_split.setValue(float(p.validation_split))
            self.replace_val.setChecked(bool(p.replace_validation))
            a = s.augmentation
            _choose(self.flip, a.flip)
            self.rotation.setValue(float(a.rotation))
            self.zoom.setValue(float(a.zoom))
            self.shift.setValue(float(max(a.shift_width, a.shift_height)))
            self._reshape = p.reshape
        finally:
            self._updating = False

    def _fill_options(self, name: str, values: dict) -> None:
        from engine.data import dataset_info

        while self.options_form.rowCount():
            self.options_form.removeRow(0)
        self.option_edits.clear()
        try:
            info = dataset_info(name)
        except Exception:
            return
        self.browse_buttons.clear()
        self.description.setText(tx(info.description))
        required = set(info.required_options)
        for key, default in info.options.items():
            edit = QLineEdit()
            value = values.get(key, default)
            edit.setText("" if value is None else (value if isinstance(value, str) else json.dumps(value)))
            if key in required:
                edit.setPlaceholderText(self.tr("required"))
            elif default is None:
                edit.setPlaceholderText(self.tr("optional"))
            else:
                edit.setPlaceholderText(json.dumps(default))
            edit.editingFinished.connect(self._edited)
            label = f"{key} *" if key in required else key
            kind = info.path_kind(key)
            if kind is None:
                self.options_form.addRow(label, edit)
            else:
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                browse = QPushButton(self.tr("Browse…"))
                browse.setToolTip(self.tr("Choose the folder") if kind == "folder" else
                                  self.tr("Choose the file"))
                browse.clicked.connect(lambda _c=False, k=key, f=kind: self.browse(k, f))
                row.addWidget(browse)
                self.options_form.addRow(label, row)
                self.browse_buttons[key] = browse
            self.option_edits[key] = edit

    def browse(self, key: str, kind: str = "file") -> str:
        """Choose a file or folder for option ``key`` with the system dialog."""
        edit = self.option_edits.get(key)
        if edit is None:
            return ""
        start = edit.text().strip() or (str(self.doc.path.parent) if self.doc is not None
                                        and self.doc.path is not None else "")
        if kind == "folder":
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose {option}").format(option=key),
                                                    start)
        else:
            filters = {"csv": self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"),
                       "arrays": self.tr("NumPy arrays (*.npz *.npy);;All files (*)")}
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose {option}").format(option=key),
                                                  start, filters.get(self.dataset_box.currentData(),
                                                                     self.tr("All files (*)")))
        if path:
            edit.setText(path)
            self._edited()
        return path or ""

    def missing_required(self) -> str:
        """What to fill in before the data can load (``""`` when nothing is missing)."""
        from engine.data import dataset_info
        from engine.data.registry import missing_option_message

        try:
            info = dataset_info(self.dataset_box.currentData())
        except Exception:
            return ""
        for key in info.required_options:
            edit = self.option_edits.get(key)
            if edit is not None and not edit.text().strip():
                return tx(missing_option_message(info, key))
        return ""

    def settings(self):
        """The data settings the editors show."""
        from engine.data import AugmentationSettings, DataSettings, PreprocessSettings

        name = self.dataset_box.currentData()
        from engine.data import dataset_info

        try:
            defaults = dataset_info(name).options
        except Exception:
            defaults = {}
        options = {}
        for key, edit in self.option_edits.items():
            value = _parse(edit.text())
            if value is not None and value != defaults.get(key):
                options[key] = value
        pre = PreprocessSettings(
            scale=self.scale.currentData(), scale_target=self.scale_target.currentData(),
            labels=self.labels.currentData(),
            resize=[self.resize_h.value(), self.resize_w.value()] if self.resize_on.isChecked() else None,
            channels=None if self.channels.currentData() == "keep" else int(self.channels.currentData()),
            add_channel=self.add_channel.isChecked(), flatten=self.flatten.isChecked(),
            reshape=getattr(self, "_reshape", None),
            validation_split=round(self.val_split.value(), 4),
            replace_validation=self.replace_val.isChecked())
        aug = AugmentationSettings(flip=self.flip.currentData(), rotation=self.rotation.value(),
                                   zoom=self.zoom.value(), shift_width=self.shift.value(),
                                   shift_height=self.shift.value())
        return DataSettings(name, options, pre, aug)

    def _dataset_changed(self) -> None:
        if self._updating:
            return
        from engine.data import DataSettings

        name = self.dataset_box.currentData()
        suggested = DataSettings.suggested(name)
        self._updating = True
        try:
            self._fill_options(name, {})
        finally:
            self._updating = False
        self._store(suggested, self.tr("Use the {dataset} data").format(dataset=name), field="dataset")
        self.show_settings()
        self._fit_next = True  # fit the shape options to the model once loaded
        self._reload.start()

    def use_suggested(self) -> None:
        from engine.data import DataSettings

        s = self.settings()
        suggested = DataSettings.suggested(s.dataset, **s.options)
        suggested.augmentation = s.augmentation
        self._store(suggested, self.tr("Use the suggested preprocessing"))
        self.show_settings()
        self._reload.start()

    def _edited(self) -> None:
        if self._updating or self.doc is None:
            return
        self._store(self.settings(), self.tr("Change data settings"), field="edit")
        self._reload.start()

    def _store(self, settings, text: str, field: str = "") -> None:
        if self.doc is not None:
            sections.set_section(self.doc, sections.DATA, settings.to_dict(), field, text)

    # ------------------------------------------------------------------ preview --
    def load_preview(self) -> None:
        """Load and preprocess the data on a worker thread, then show it."""
        if self.doc is None:
            return
        self._stale = False
        net = self.doc.network.copy()
        derived = net.extra.get(sections.DATA) is None or self._fit_next
        self._fitting = derived and net.extra.get(sections.DATA) is not None
        self._fit_next = False
        settings = self.settings()
        missing = self.missing_required()
        if missing:   # nothing to load yet: say what to choose, not why a call failed
            self.dataset = None
            self.error = missing
            self.summary.setText(common.bold(_html(missing)))
            self._show_samples([])
            self.compat.setText("")
            self.fix_button.hide()
            return
        self._loading = True
        self.summary.setText(self.tr("Loading {dataset}…").format(dataset=settings.dataset))
        self.worker.run(catching(lambda: _load_checked(net, settings, derived)), self._loaded)

    @common.while_alive
    def _loaded(self, result, error: str) -> None:
        result, error = settle(result, error)
        self._loading = False
        ds, fitted = result if result is not None else (None, None)
        if fitted is not None and self.doc is not None \
                and self.doc.network.extra.get(sections.DATA) is None:
            self.show_data_settings(fitted)  # what a run would use; stored once edited
        elif fitted is not None and self._fitting and self.doc is not None:
            self._store(fitted, self.tr("Fit the data to the model"), field="dataset")
            self.show_data_settings(fitted)
        self.dataset = ds
        self.error = error
        if error:
            self.summary.setText(common.coloured(_html(error), common.error_color()))
            self._show_samples([])
            self.compat.setText("")
            self.fix_button.hide()
            return
        self.summary.setText(summary_html(ds))
        try:
            self._show_samples(ds.preview(8))
        except Exception:  # a preview is best effort
            self.summary.setText(common.html_lines([self.summary.text(),
                                                    self.tr("(no preview of these samples)")]))
        self.check()
        self.dataset_loaded.emit(ds)

    def _show_samples(self, items: list[dict]) -> None:
        images = [it for it in items if common.looks_like_image(np.shape(it["x"]))]
        for cell, label in self.thumb_cells:
            cell.clear()
            label.setText("")
        if items and len(images) == len(items):
            self.table.hide()
            self.thumbs.show()
            while len(self.thumb_cells) < len(items):
                i = len(self.thumb_cells)
                cell, label = QLabel(), QLabel()
                cell.setAlignment(Qt.AlignCenter)
                label.setAlignment(Qt.AlignCenter)
                self.thumbs_grid.addWidget(cell, 2 * (i // 4), i % 4)
                self.thumbs_grid.addWidget(label, 2 * (i // 4) + 1, i % 4)
                self.thumb_cells.append((cell, label))
            for (cell, label), it in zip(self.thumb_cells, items):
                cell.setPixmap(common.to_pixmap(it["x"], 56))
                label.setText(str(it["label"]))
            return
        self.thumbs.hide()
        self.table.setVisible(bool(items))
        if not items:
            return
        flat = [np.ravel(np.asarray(it["x"]))[:12] for it in items]
        cols = max(len(f) for f in flat)
        self.table.setColumnCount(cols + 1)
        self.table.setRowCount(len(items))
        self.table.setHorizontalHeaderLabels([f"x{j}" for j in range(cols)] + [self.tr("target")])
        for r, (it, f) in enumerate(zip(items, flat)):
            for c, v in enumerate(f):
                self.table.setItem(r, c, QTableWidgetItem(f"{float(v):.4g}"))
            self.table.setItem(r, cols, QTableWidgetItem(str(it["label"])))

    # ------------------------------------------------------------------ compatibility --
    def check(self) -> list:
        """Compare the loaded data with the model; show the problems and the fix."""
        from engine.data import check_compatible

        if self.dataset is None or self.doc is None:
            return []
        ins, outs = model_shapes(self.doc)
        try:
            self.diagnostics = check_compatible(self.dataset, ins, outs or None) if ins else []
        except Exception as exc:
            self.diagnostics = []
            said = getattr(exc, "message", None)
            reason = tx(said) if said else self.tr("the model or the data has an unusual shape")
            self.compat.setText(self.tr("Cannot compare the data with the model: {reason}").format(
                reason=_html(reason)))
            return []
        self.checked.emit(self.diagnostics)
        if not self.diagnostics:
            self.compat.setText(common.coloured("✔ " + self.tr("The data fits the model."),
                                                common.ok_color()))
            self.fix_button.hide()
            return []
        lines = []
        for d in self.diagnostics:
            colour = common.error_color().name() if d.is_error else "inherit"
            lines.append(common.coloured(_html(tx(d.message)), colour))
            if d.hint:
                lines.append(common.italic(self.tr("Fix: {hint}").format(hint=_html(tx(d.hint)))))
        self.compat.setText(common.html_lines(lines))
        fix = self.fix_for(self.diagnostics[0])
        self.fix_button.setVisible(fix is not None)
        if fix is not None:
            self.fix_button.setText(fix[0])
        elif self.refused_fix:
            self.compat.setText(common.html_lines([self.compat.text(),
                                                   common.italic(_html(self.refused_fix))]))
        return self.diagnostics

    def fix_for(self, diagnostic):
        """``(button text, apply function)`` for a diagnostic, or ``None``.

        A change of the network is offered only when the network stays valid
        after it (tried on a copy); otherwise `refused_fix` says what to change
        by hand."""
        self.refused_fix = ""
        hint = diagnostic.hint or ""
        changes = data_fix.preprocess_changes(hint)
        if changes:
            def apply():
                s = self.settings()
                for k, v in changes.items():
                    setattr(s.preprocess, k, v)
                self._store(s, self.tr("Fix the data to fit the model"))
                self.show_settings()
                self.load_preview()
            text = ", ".join(f"{k} = {v}" for k, v in changes.items())
            return self.tr("Apply the fix ({changes})").format(changes=text), apply
        change = data_fix.network_change(hint)
        if change is not None:
            param, value = change
            net = self.doc.network
            target = None
            if param == "units":
                by_name = {n.name: nid for nid, n in net.nodes.items()}
                target = by_name.get(diagnostic.node) or (net.outputs[0][0] if net.outputs else None)
            elif net.inputs:
                target = net.inputs[0]
            if target is None or param not in net.nodes[target].params and param != "units":
                return None
            problem = _breaks_network(net, target, param, value)
            if problem:
                self.refused_fix = self.tr(
                    "Setting {layer}.{param} to {value} would break the network ({problem}); change "
                    "the data (preprocessing, another dataset) or the network by hand.").format(
                        layer=net.nodes[target].name, param=param, value=value, problem=tx(problem))
                return None

            def apply():
                from gui.commands import SetParamCommand

                try:
                    self.doc.push(SetParamCommand(self.doc, target, param, value))
                except Exception as exc:  # the engine refused: say why
                    self.compat.setText(_html(tx(getattr(exc, "message", None) or str(exc))))
                    return
                self.check()
            return self.tr("Set {layer}.{param} to {value}").format(
                layer=net.nodes[target].name, param=param, value=value), apply
        return None

    def apply_fix(self) -> bool:
        if not self.diagnostics:
            return False
        fix = self.fix_for(self.diagnostics[0])
        if fix is None:
            return False
        fix[1]()
        return True


def _breaks_network(net, node_id: str, param: str, value) -> str:
    """The first error a copy of ``net`` has after ``param`` = ``value`` on a
    node ("" when it stays valid)."""
    trial = net.copy()
    try:
        trial.set_param(node_id, param, value)
        report = trial.analyze()
    except Exception as exc:  # the engine refused the value
        return getattr(exc, "message", None) or translate("DataPanel", "the value is refused")
    if report.valid:
        return ""
    first = report.errors[0]
    return first.message


def _load_checked(net, settings, derived):
    """Load on the worker thread; an error that is not one of ours becomes a
    sentence (never an exception's own text)."""
    from engine.errors import NeuroCanvasError

    try:
        return sections.load_data(net, settings, derived)
    except NeuroCanvasError:
        raise
    except Exception:
        from engine.data.dataset import DataError

        raise DataError(translate("DataPanel", "The {dataset} data could not be loaded with these "
                                  "settings.").format(dataset=settings.dataset),
                        hint=translate("DataPanel", "Check the dataset's options and the "
                                       "preprocessing.")) from None


TASKS = {"classification": QT_TRANSLATE_NOOP("DataPanel", "classification"),
         "regression": QT_TRANSLATE_NOOP("DataPanel", "regression"),
         "sequence": QT_TRANSLATE_NOOP("DataPanel", "sequence")}


def summary_html(ds) -> str:
    s = ds.summary()
    targets = tuple(s['target_shape']) or translate("DataPanel", "one value")
    parts = [f"<b>{_html(s['name'])}</b> · {translate('DataPanel', TASKS.get(s['task'], s['task']))}",
             translate("DataPanel", "inputs {shape} ({dtype}) · targets {targets} ({labels})").format(
                 shape=tuple(s['input_shape']), dtype=s['x_dtype'], targets=targets,
                 labels=s['label_mode']),
             translate("DataPanel", "{train} training samples · {val} validation samples").format(
                 train=s['num_train'], val=s['num_val'])]
    names = s.get("class_names")
    if names:
        shown = ", ".join(names[:12])
        if len(names) > 12:
            shown = translate("DataPanel", "{names}, … ({count} classes)").format(
                names=shown, count=len(names))
        parts.append(translate("DataPanel", "classes: {names}").format(names=_html(shown)))
    return "<br>".join(parts)


def _html(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
