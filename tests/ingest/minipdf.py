"""A tiny PDF writer for the PDF reader's tests, so they need neither chromium nor a PDF library.

`write(pages)` lays out text lines (Helvetica, WinAnsi: Latin text only) at given positions, one content stream
per page; `scan()` is a page holding only an image, as a scanner makes it; `article(paragraphs)` sets running
text into pages with a running header and footer and hyphenates long words at line ends, as typesetters do.
"""
from __future__ import annotations

import zlib

WIDTH, HEIGHT = 612, 792
FONT_SIZE, LEADING = 11, 14


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write(pages: list[list[tuple[float, float, str]]], title: str | None = None,
          images: set[int] = frozenset()) -> bytes:
    """A PDF whose page i shows each (x, y, text) of pages[i]; a page index in `images` also (or only) shows
    a grey picture covering the page."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pixels = bytes([128]) * 64
    image = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    kids = []
    for i, lines in enumerate(pages):
        ops = []
        if i in images:
            ops.append(b"q %d 0 0 %d 0 0 cm /Im1 Do Q" % (WIDTH, HEIGHT))
        for x, y, text in lines:
            ops.append(b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET" % (FONT_SIZE, x, y, _escape(text)))
        stream = zlib.compress(b"\n".join(ops))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                        % (pages_obj, WIDTH, HEIGHT, content, font, image)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title (" + _escape(title) + b") >>") if title else None
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    out += (b" /Info %d 0 R" % info if info else b"") + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def scan(pages: int = 2) -> bytes:
    """A scanned document: pictures of pages, no text layer."""
    return write([[] for _ in range(pages)], images=set(range(pages)))


def wrap(text: str, width: int) -> list[str]:
    """Greedy line breaking at `width` characters; a long word that does not fit is hyphenated."""
    lines, line = [], ""
    for word in text.split():
        room = width - len(line) - (1 if line else 0)
        if len(word) <= room:
            line = f"{line} {word}" if line else word
            continue
        if word.isalpha() and len(word) >= 8 and room >= 4:
            cut = min(room - 1, len(word) - 3)
            line = f"{line} {word[:cut]}-" if line else f"{word[:cut]}-"
            word = word[cut:]
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def article(paragraphs: list[str], header: str, footer: str, width: int = 60, lines_per_page: int = 16,
            title: str | None = None) -> bytes:
    """Running text over as many pages as it needs, a header and a footer ("… page N of M") on each page."""
    body: list[str | None] = []  # None: the gap between paragraphs
    for para in paragraphs:
        body += wrap(para, width) + [None]
    chunks = [body[i:i + lines_per_page] for i in range(0, len(body), lines_per_page)]
    pages = []
    for n, chunk in enumerate(chunks, 1):
        lines = [(72, HEIGHT - 40, header), (72, 30, f"{footer} page {n} of {len(chunks)}")]
        y = HEIGHT - 90
        for text in chunk:
            if text is not None:
                lines.append((72, y, text))
            y -= LEADING
        pages.append(lines)
    return write(pages, title=title)
