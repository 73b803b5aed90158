"""Issue 11, item 7: CSV files are streamed line by line with a bound; a file
without line breaks (or with a huge field) is refused naming the file and the
line, without being read whole into memory."""

from __future__ import annotations

import tracemalloc

import pytest

from engine.data.dataset import DataError
from engine.data.user_files import MAX_LINE_CHARS, load_csv

ROWS = "a,b,label\n" + "".join(f"{i % 7},{i % 5},{i % 2}\n" for i in range(40))


def test_a_line_over_the_bound_is_refused_with_file_and_line(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("a,b,label\n1,2,0\n" + "3," * 200 + "1\n4,5,1\n")
    with pytest.raises(DataError) as info:
        load_csv(str(path), max_line_chars=100)
    assert str(path) in str(info.value) and "Line 3 " in str(info.value)
    with pytest.raises(DataError, match="Row 3 of wide.csv has 201 values"):  # within a larger
        load_csv(str(path), max_line_chars=1000)  # bound the line is read and judged as a row


def test_normal_tables_load_under_a_small_bound(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text(ROWS)
    ds = load_csv(str(path), max_line_chars=32, validation_split=0)
    assert ds.x_train.shape == (40, 2)


def test_a_huge_quoted_field_spanning_lines_is_refused_with_its_line(tmp_path):
    path = tmp_path / "field.csv"
    path.write_text('a,b,label\n1,2,0\n"' + ("x" * 1000 + "\n") * 200 + '",3,1\n')
    with pytest.raises(DataError) as info:
        load_csv(str(path), max_line_chars=2000)
    message = str(info.value)
    assert str(path) in message and "line " in message and "field larger than field limit" in message


def test_20_mb_without_newlines_is_refused_with_bounded_memory(tmp_path):
    path = tmp_path / "blob.csv"
    chunk = "1," * (1 << 19)  # 1 MiB
    with open(path, "w") as fh:
        for _ in range(20):
            fh.write(chunk)
    assert path.stat().st_size == 20 << 20
    tracemalloc.start()
    try:
        with pytest.raises(DataError) as info:
            load_csv(str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "Line 1 of" in str(info.value) and str(path) in str(info.value)
    assert f"{MAX_LINE_CHARS:,}" in str(info.value)
    # one bounded line (1 MiB of text, a few times over as str + buffers), never the 20 MB file
    assert peak < 8 * MAX_LINE_CHARS, peak
