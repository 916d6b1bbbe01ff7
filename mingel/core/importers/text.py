"""Opening an uploaded file as text without holding it in memory.

Exports come in UTF-8 (with or without a byte order mark), UTF-16 (some Outlook and Excel
exports) or a Windows code page (Outlook, Excel on Windows). The encoding is found by one
streaming pass: UTF-8 when every byte decodes as UTF-8, else cp1252, else latin-1 (which
decodes anything, so a file always opens; wrong letters then show in the preview).
"""

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from mingel.core.importers.model import FileError

CHUNK = 1 << 20
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Cells up to this size are read; a larger one (or a quote that never closes) stops the
# file with a clear error instead of growing without bound.
FIELD_LIMIT = 128 * 1024
# Nor is a longer line read whole into memory.
LINE_LIMIT = 1024 * 1024


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> str:
    """The encoding to read `path` with (a Python codec name)."""
    with open(path, "rb") as f:
        head = f.read(4)
    for bom, encoding in _BOMS:
        if head.startswith(bom) and _decodes(path, encoding):
            return encoding
    for encoding in ("utf-8", "cp1252"):
        if _decodes(path, encoding):
            return encoding
    return "latin-1"


def open_text(path: Path, encoding: str | None = None) -> io.TextIOWrapper:
    """`path` as a text stream that keeps line endings (csv and vCard need them raw)."""
    try:
        return open(path, encoding=encoding or detect_encoding(path), newline="")
    except (OSError, LookupError) as exc:
        raise FileError("unreadable", detail=str(exc)) from exc


def csv_rows(stream, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, cells) for each row; FileError on broken quoting or a
    huge cell, with the line where it happened."""
    csv.field_size_limit(FIELD_LIMIT)
    lines = limited_lines(stream)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            detail = str(exc)
            code = "huge_field" if "field limit" in detail else "bad_quoting"
            raise FileError(code, line=start, detail=detail) from exc
        except UnicodeDecodeError as exc:
            raise FileError("bad_encoding", line=start, detail=str(exc)) from exc
        yield start, row
        start = reader.line_num + 1


def limited_lines(stream, limit: int = LINE_LIMIT) -> Iterator[str]:
    """The stream's lines; FileError for a line longer than `limit` (never read whole)."""
    number = 0
    while line := stream.readline(limit):
        number += 1
        if len(line) >= limit and not line.endswith(("\n", "\r")):
            raise FileError("huge_field", line=number)
        yield line
