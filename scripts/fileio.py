"""Reading untrusted files and writing files atomically.

* :func:`read_regular` reads a file only when it is a regular file (not a
  symbolic link, directory, pipe or device) of bounded size;
* :func:`decode_utf8` turns its bytes into text or a precise problem;
* :func:`atomic_write` writes through a temporary file and a rename, with the
  permissions a normal file gets under the user's umask (not ``mkstemp``'s 0600),
  never leaves its temporary file behind on an error, and leaves a file that
  already holds the same bytes untouched.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .problems import Problem

TEMP_SUFFIX = ".tmp"


def atomic_write(path: Path, text: str) -> bool:
    """Write ``text`` via a temp file and rename; return False (and touch nothing) if unchanged."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _unchanged(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file (not a link) holding exactly ``data``; one ``lstat`` when it is not."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _open_temp(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path`` (``mode`` 0o666 less the umask, as a normal file gets).

    The name is unique to this process; when a killed run of a process with the same id left
    it behind, ``mkstemp`` picks another, which then gets the normal permissions too.
    """
    tmp = str(path.parent / f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        return os.open(tmp, _CREATE, 0o666), tmp
    except FileExistsError:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)
        return fd, tmp


def atomic_write_bytes(path: Path, data: bytes) -> bool:
    """:func:`atomic_write` for bytes."""
    if _unchanged(path, data):
        return False
    try:
        fd, tmp = _open_temp(path)
    except FileNotFoundError:  # the folder is new
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _open_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def temp_files(directory: Path) -> list[Path]:
    """Temporary files :func:`atomic_write` left in ``directory`` (a run killed mid-write)."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob(f".*{TEMP_SUFFIX}") if p.is_file() and not p.is_symlink())


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular(path: Path, file: str, max_bytes: int, what: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of ``path`` when it is a regular file of at most ``max_bytes``; else the problem.

    Symbolic links are refused, not followed (a link to ``/etc/passwd`` is never
    read); a pipe is refused without blocking.
    """
    try:
        info = os.lstat(path)
    except OSError as error:
        return None, [Problem(file, 1, f"cannot be read: {error.strerror or error}")]
    if stat.S_ISLNK(info.st_mode):
        return None, [Problem(file, 1, f"a symbolic link, not a file: {what} must be a regular file (copy it in)")]
    if not stat.S_ISREG(info.st_mode):
        return None, [Problem(file, 1, f"{_kind(info.st_mode)}, not a file: {what} must be a regular file")]
    if info.st_size > max_bytes:
        return None, [Problem(file, 1, f"{info.st_size:,} bytes: {what} may have at most {max_bytes:,}")]
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return None, [Problem(file, 1, f"cannot be read: {error.strerror or error}")]
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None, [Problem(file, 1, f"not a regular file: {what} must be a regular file")]
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        return None, [Problem(file, 1, f"more than {max_bytes:,} bytes: {what} may have at most {max_bytes:,}")]
    return data, []


def decode_utf8(raw: bytes, file: str, what: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file's bytes, or the problem that stops it being read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(file, 1, f"UTF-16 text: save {what} as UTF-8")]
    if b"\x00" in raw:
        return None, [Problem(file, 1, f"binary file (it contains NUL bytes), not {what}: remove it or save it as text")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        guess = " (it looks like Windows-1251/1252 or Latin-1)" if 0x80 <= byte <= 0xFF else ""
        return None, [
            Problem(
                file,
                line,
                f"not UTF-8 text: byte 0x{byte:02x} at line {line}, column {column} (offset {error.start}) "
                f"cannot be read{guess}; save the file as UTF-8",
            )
        ]
