"""The same bytes for the same content: Office files without the time they were saved."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile


def same_bytes_zip(data: bytes, when: dt.datetime) -> bytes:
    """An Office file (.xlsx, .docx) with every zip entry and its "modified" property dated ``when``.
    openpyxl and python-docx stamp the save time into both, so each build would publish a
    "changed" file with the same content."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content)
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()
