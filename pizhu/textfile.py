"""Reading the user's text files: UTF-8, or an error naming the first bad byte and the likely encoding."""
from __future__ import annotations

from pathlib import Path

from .errors import BuildError

# Encodings a Chinese text is likely saved in when it is not UTF-8, tried in this order (GB18030
# includes GBK and GB2312; Big5 is traditional Chinese's).
_LIKELY = (("gb18030", "GB18030"), ("big5", "Big5"))


def read_text(path: str | Path) -> str:
    """The file's text as Path.read_text(encoding="utf-8") reads it (newlines as "\\n"), or a
    BuildError naming the file and saying why not."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise BuildError(path, None, "is a folder, not a file") from None
    except OSError as exc:
        raise BuildError(path, None, f"cannot read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BuildError(path, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}): "
                                     f"save it as UTF-8{_likely_encoding(data)}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _likely_encoding(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "; it looks like UTF-16"
    for codec, name in _LIKELY:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return f"; it looks like {name}"
    return ""
