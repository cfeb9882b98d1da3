"""A tiny PDF writer for the demo documents: one A4 page of plain text, no dependency.

The standard Helvetica font has no Vietnamese letters, so the text is written without diacritics;
real documents are uploaded as the scanned or exported PDFs that the offices already have.
"""

from __future__ import annotations

import unicodedata


def _ascii(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "D").replace("–", "-").replace("“", '"').replace("”", '"')
    bare = bare.encode("ascii", "replace").decode("ascii")
    return bare.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(title: str, lines: list[str]) -> bytes:
    """A valid single-page PDF with a title and lines of text."""
    rows = [f"BT /F1 14 Tf 56 780 Td ({_ascii(title)}) Tj ET"]
    y = 750
    for line in lines:
        for chunk in [line[i : i + 90] for i in range(0, max(len(line), 1), 90)]:
            rows.append(f"BT /F1 10 Tf 56 {y} Td ({_ascii(chunk)}) Tj ET")
            y -= 14
    stream = "\n".join(rows).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
