"""The generated files of one generation in one file: what the MkDocs hook hands to MkDocs.

``python -m scripts pages`` writes every generated page as a file of its own under
``docs/generated/`` (Zensical reads them there). The MkDocs hook needs no such copy:
MkDocs takes a page from a plugin as a virtual file, so the hook writes the same pages
into this one file (``build/cache/site-pages.bundle``) and MkDocs reads each page from
it when it renders that page. Creating 16,000 files costs the kernel more than
generating their text (docs/performance.md); one file costs one write, and the pages
are never all in memory at once.

The format, versioned by :data:`MAGIC`::

    MAGIC
    the files' bytes, one after another (UTF-8)
    the index: JSON {"fingerprint": ..., "files": {path: [offset, length], ...}}
    the index's offset: 16 hexadecimal digits, then a newline

This module is the only one that reads or writes it. The file is written through a
temporary file and a rename; a bundle that cannot be read is treated as missing (the
next build writes it again).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

BUNDLE_FILE = Path("build") / "cache" / "site-pages.bundle"
MAGIC = b"briefing-archive generated files v1\n"
_TRAILER = 17  # 16 hexadecimal digits and a newline


class Bundle:
    """An open bundle: the files' paths, and each file's bytes read when asked for.

    It keeps its file open, so a bundle replaced meanwhile (another build) does not
    change what this one reads. Close it when the build is over.
    """

    def __init__(self, path: Path, fd: int, fingerprint: str, files: dict[str, tuple[int, int]]) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.files = files
        self._fd: int | None = fd

    def read(self, name: str) -> bytes:
        """The bytes of the file ``name``; KeyError when the bundle has no such file."""
        offset, length = self.files[name]
        if self._fd is None:
            raise ValueError(f"{self.path} is closed")
        data = os.pread(self._fd, length, offset)
        if len(data) != length:
            raise OSError(f"{self.path} is truncated: {name} has {len(data)} of its {length} bytes")
        return data

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()


def open_bundle(path: Path) -> Bundle | None:
    """The bundle at ``path``; None when there is none or it is not a whole, readable bundle."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        size = os.fstat(fd).st_size
        if size < len(MAGIC) + _TRAILER or os.pread(fd, len(MAGIC), 0) != MAGIC:
            raise ValueError("not a bundle")
        trailer = os.pread(fd, _TRAILER, size - _TRAILER)
        start = int(trailer[:16], 16)
        if not trailer.endswith(b"\n") or not len(MAGIC) <= start <= size - _TRAILER:
            raise ValueError("bad trailer")
        index = json.loads(os.pread(fd, size - _TRAILER - start, start))
        files = {str(name): (int(place[0]), int(place[1])) for name, place in index["files"].items()}
        if any(offset < len(MAGIC) or length < 0 or offset + length > start for offset, length in files.values()):
            raise ValueError("a file outside the bundle")
        return Bundle(path, fd, str(index["fingerprint"]), files)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        os.close(fd)
        return None


def write_bundle(path: Path, fingerprint: str, files: Iterable[tuple[str, str]]) -> Bundle:
    """Write every (path, text) of ``files``, one at a time, into a new bundle at ``path``; return it, open.

    A path given twice is an error (nothing is written).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    written: int | None = None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC)
            offset = len(MAGIC)
            index: dict[str, tuple[int, int]] = {}
            for name, text in files:
                if name in index:
                    raise ValueError(f"{name} is generated twice")
                data = text.encode("utf-8")
                out.write(data)
                index[name] = (offset, len(data))
                offset += len(data)
            out.write(json.dumps({"fingerprint": fingerprint, "files": index}, separators=(",", ":")).encode("utf-8"))
            out.write(f"{offset:016x}\n".encode("ascii"))
        written = os.open(tmp, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))  # this file, whoever renames after us
        os.replace(tmp, path)
    except BaseException:
        if written is not None:
            os.close(written)
        Path(tmp).unlink(missing_ok=True)
        raise
    return Bundle(path, written, fingerprint, index)

