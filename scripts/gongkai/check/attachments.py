"""Text attachments that open with their Chinese intact: CSV and TXT files as UTF-8 with a BOM.

Excel on Chinese Windows reads a CSV without a BOM as GBK, so UTF-8 text turns into 乱码; a GBK
file in turn is garbled on phones, Macs and in browsers. UTF-8 with a BOM opens right in all of
them. A file of ASCII characters only reads the same in every encoding and passes as it is.
"""

from __future__ import annotations

from ..config import PortalConfig
from ..read.corpus import Corpus
from ..read.files import shown_path
from ..read.text import text_encoding
from .problem import Problem, warning

TEXT_TYPES = ("csv", "txt")
# Enough to tell the encoding; a large table is not read whole.
SAMPLE_BYTES = 1024 * 1024
HOW_TO_SAVE = ("转存为“带有 BOM 的 UTF-8”：用记事本打开后“另存为”，编码选“带有 BOM 的 UTF-8”"
               "（表格也可在 Excel 中另存为“CSV UTF-8（逗号分隔）”），再替换这个文件。")
# What goes wrong, by encoding (and for UTF-8 without a BOM, by file type), then what to do.
OPENS_AS_GBK = {"csv": "中文版 Windows 上的 Excel 会", "txt": "中文版 Windows 上的旧版记事本等软件会"}
WHY = {
    "gb18030": "是 GBK（GB18030）编码，在手机、苹果电脑和浏览器中打开时中文会显示为乱码。请",
    "unknown": "的编码无法识别（既不是 UTF-8，也不是 GBK），打开时很可能是乱码。请核对原件后",
}


def _why(encoding: str, file_type: str) -> str:
    if encoding == "utf-8":
        return f"是没有 BOM 的 UTF-8 文本，{OPENS_AS_GBK[file_type]}把它当作 GBK 打开，中文显示为乱码。请"
    return WHY[encoding]


def check_attachment_encodings(corpus: Corpus, config: PortalConfig) -> list[Problem]:
    """A warning for each CSV or TXT attachment that is not UTF-8 with a BOM."""
    problems, seen = [], set()
    for doc in corpus.documents():
        for attachment in doc.attachments:
            file = config.content_path / attachment.path
            file_type = attachment.path.rsplit(".", 1)[-1].lower()
            if attachment.path in seen or file_type not in TEXT_TYPES or not file.is_file():
                continue
            seen.add(attachment.path)
            with file.open("rb") as stream:
                head = stream.read(SAMPLE_BYTES + 1)
            encoding = text_encoding(head[:SAMPLE_BYTES], whole=len(head) <= SAMPLE_BYTES)
            if encoding not in ("utf-8-sig", "ascii"):
                shown = shown_path(file, config.root)
                problems.append(warning(shown, 1, "attachment-encoding",
                                        f"附件“{shown}”{_why(encoding, file_type)}{HOW_TO_SAVE}"))
    return problems
