"""Hostile .xlsx files, built here in a second or two: a deflate stream of one block repeated
(each block compressed from a reset state, so its bytes repeat too) and a hand-written zip."""

import struct
import zlib
from io import BytesIO

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
GiB, MiB = 1 << 30, 1 << 20
SHEET_HEAD = f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()
SHEET_TAIL = b"</sheetData></worksheet>"


def _deflate(head: bytes, block: bytes = b"", count: int = 0,
             tail: bytes = b"") -> tuple[bytes, int, int]:
    """Raw deflate of head + block * count + tail: (compressed, crc32, size)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    unit = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH) if count else b""
    last = packer.compress(tail) + packer.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return first + unit * count + last, crc, len(head) + len(block) * count + len(tail)


def _zip(parts: dict[str, tuple[bytes, int, int]]) -> bytes:
    """A zip of already deflated parts (no ZIP64: every part stays below 4 GiB)."""
    out, central = BytesIO(), []
    for name, (data, crc, size) in parts.items():
        offset, encoded = out.tell(), name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data),
                              size, len(encoded), 0) + encoded + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21,
                                   crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset)
                       + encoded)
    directory, start = b"".join(central), out.tell()
    out.write(directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts),
                                      len(directory), start, 0))
    return out.getvalue()


def workbook(sheet: tuple[bytes, int, int], sheet_name: str = "survey") -> bytes:
    """A minimal .xlsx (no <dimension>, inline strings) around one deflated worksheet."""
    sheet_type = f"{PKG.replace('package/2006', 'officeDocument/2006')}/relationships/worksheet"
    small = {
        "[Content_Types].xml": (
            f'<Types xmlns="{PKG}/content-types"><Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension='
            '"xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application'
            '/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            f'<Relationships xmlns="{PKG}/relationships"><Relationship Id="rId1" Type="{REL}/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="{sheet_name}" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}/relationships"><Relationship Id="rId1" '
            f'Type="{sheet_type}" Target="worksheets/sheet1.xml"/></Relationships>'),
    }
    parts = {name: _deflate(text.encode()) for name, text in small.items()}
    return _zip({**parts, "xl/worksheets/sheet1.xml": sheet})


def rows_sheet(row: bytes, rows: int) -> tuple[bytes, int, int]:
    """A worksheet of `rows` copies of one <row> element."""
    per_block = max(1, MiB // len(row))
    blocks, rest = divmod(rows, per_block)
    return _deflate(SHEET_HEAD, row * per_block, blocks, row * rest + SHEET_TAIL)


def huge_cell(size: int = GiB) -> bytes:
    """One cell holding `size` letters: 1 GiB unpacks from about 1 MB."""
    head = SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    return workbook(_deflate(head, b"A" * MiB, size // MiB, b"</t></is></c></row>" + SHEET_TAIL))


def many_rows(size: int = 2150 * 10**6) -> bytes:
    """Rows of long text unpacking to `size` bytes (2.15 GB from about 3 MB)."""
    row = b'<row><c t="inlineStr"><is><t>' + b"a" * 4000 + b"</t></is></c></row>"
    return workbook(rows_sheet(row, size // len(row)))


def million_rows(rows: int = 1_000_000) -> bytes:
    """A million small rows in a sheet without <dimension> (about 30 KB)."""
    return workbook(rows_sheet(b"<row><c><v>1</v></c></row>", rows))


def wide_row(cells: int = 2_300_000) -> bytes:
    """One row of 2.3 million cells."""
    return workbook(_deflate(SHEET_HEAD + b"<row>", b"<c><v>1</v></c>" * 4096, cells // 4096,
                             b"</row>" + SHEET_TAIL))


def text_rows(rows: list[list[str]], sheet_name: str = "survey") -> bytes:
    """An ordinary small workbook in the same shape (to check the builder itself)."""
    def cell(text: str) -> str:
        return f'<c t="inlineStr"><is><t>{text}</t></is></c>'
    body = "".join("<row>" + "".join(cell(t) for t in row) + "</row>" for row in rows)
    return workbook(_deflate(SHEET_HEAD + body.encode() + SHEET_TAIL), sheet_name)
