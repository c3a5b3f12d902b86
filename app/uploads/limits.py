"""Limits on an uploaded .xlsx workbook, checked before any parsing (the zip's directory, then
a streaming count of every part's rows and cells)."""

import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO

from app.uploads.scan import scan_part

MB = 1_000_000


@dataclass(frozen=True)
class XlsxLimits:
    """What one kind of upload may hold; `max_rows` counts blank rows too."""

    max_bytes: int
    max_unpacked: int
    max_part: int
    max_rows: int
    max_cells: int
    max_parts: int = 500


class TooLarge(ValueError):
    """The upload exceeds a limit (HTTP 413); the message says which, in English."""


def _mb(size: int) -> str:
    return f"{size / MB:g} MB"


def check_size(data: bytes, limits: XlsxLimits) -> None:
    """Refuse a file larger than the upload limit."""
    if len(data) > limits.max_bytes:
        raise TooLarge(f"the file is larger than {_mb(limits.max_bytes)}")


def check_xlsx(data: bytes, limits: XlsxLimits) -> None:
    """Raise TooLarge when the file, its unpacked parts, a sheet's rows or a row's cells exceed
    `limits`. A file that is not a zip passes: the caller's reader says what it is.

    The sizes come from the zip's directory: Python's zipfile (which openpyxl reads through)
    never unpacks more than a part declares, so they bound what any later parse can see.
    """
    check_size(data, limits)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    with archive:
        parts = archive.infolist()
        if len(parts) > limits.max_parts:
            raise TooLarge(f"the workbook has more than {limits.max_parts} parts")
        if sum(part.file_size for part in parts) > limits.max_unpacked:
            raise TooLarge(f"the workbook unpacks to more than {_mb(limits.max_unpacked)}")
        for part in parts:
            if part.file_size > limits.max_part:
                raise TooLarge(f"the part {part.filename[:80]!r} of the workbook unpacks to "
                               f"more than {_mb(limits.max_part)}")
        for part in parts:
            _scan(archive, part, limits)


def _scan(archive: zipfile.ZipFile, part: zipfile.ZipInfo, limits: XlsxLimits) -> None:
    try:
        with archive.open(part) as stream:
            problem = scan_part(stream, max_rows=limits.max_rows, max_cells=limits.max_cells)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError):
        return  # a damaged or encrypted part: openpyxl reports the workbook as unreadable
    if problem:
        raise TooLarge(problem)
