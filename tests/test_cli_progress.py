"""The command line's training progress (neurocanvas_cli._Progress) on a real run:
plain epoch lines when stderr is not a terminal, a rich progress bar when it is."""

import io
import re

from neurocanvas_cli import _Progress
from engine.training.session import prepare_training
from tests.training.test_session import tiny

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _train(progress, epochs=2):
    session = prepare_training(tiny(epochs=epochs, batch_size=30), record=False,
                               subscribers=[progress])
    session.start()
    assert session.wait(300) == "finished"
    return session


def test_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = _Progress(stream)
    assert not progress.live
    _train(progress)
    text = stream.getvalue()
    lines = text.splitlines()
    assert lines[0].startswith("Training ") and "epochs 1 to 2, 4 steps each." in lines[0]
    assert re.match(r"Epoch 1/2 \[4/4\] \d+\.\ds - .*\bloss [\d.]+ .*- lr [\d.]+$", lines[1]), lines[1]
    assert lines[2].startswith("Epoch 2/2 [4/4] ") and len(lines) == 3
    assert "\r" not in text and not ANSI.search(text)   # nothing but lines for a log or CI


def test_a_rich_bar_on_a_terminal_leaves_one_line_per_epoch():
    stream = io.StringIO()
    progress = _Progress(stream, live=True)
    _train(progress)
    text = stream.getvalue()
    assert ANSI.search(text)                              # drawn by rich, for a terminal
    plain = ANSI.sub("", text)
    assert "━" in plain                                   # rich's bar
    assert "Epoch 1/2 [4/4]" in plain and "Epoch 2/2 [4/4]" in plain
    assert progress._bar is None                          # stopped with the run
