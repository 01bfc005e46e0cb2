"""Atomic writes: what they leave on disk (scripts/fileio.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from scripts.fileio import TEMP_SUFFIX, atomic_write, temp_files


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_file_holding_the_same_text_is_not_touched(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    assert atomic_write(page, "same") is True
    before = page.stat()
    assert atomic_write(page, "same") is False
    after = page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert atomic_write(page, "other") is True and page.read_text(encoding="utf-8") == "other"


def test_a_file_of_the_same_size_but_other_bytes_is_rewritten(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("abc", encoding="utf-8")
    assert atomic_write(page, "abd") is True
    assert page.read_text(encoding="utf-8") == "abd"


def test_missing_folders_are_made_and_no_temporary_file_stays(tmp_path: Path, umask_022: None) -> None:
    page = tmp_path / "a" / "b" / "page.md"
    assert atomic_write(page, "x") is True
    assert page.read_text(encoding="utf-8") == "x"
    assert stat.S_IMODE(page.stat().st_mode) == 0o644
    assert sorted(p.name for p in page.parent.iterdir()) == ["page.md"]


def test_a_link_is_replaced_by_a_file_and_its_target_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    target.write_text("secret", encoding="utf-8")
    link = tmp_path / "page.md"
    link.symlink_to(target)
    assert atomic_write(link, "secret") is True  # same text through a link: still written, as a file of its own
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "secret"
    assert target.read_text(encoding="utf-8") == "secret"


def test_a_leftover_temporary_file_of_the_same_process_id_is_not_reused(tmp_path: Path, umask_022: None) -> None:
    leftover = tmp_path / f".page.md.{os.getpid()}{TEMP_SUFFIX}"
    leftover.write_text("half a page", encoding="utf-8")
    page = tmp_path / "page.md"
    assert atomic_write(page, "whole") is True
    assert page.read_text(encoding="utf-8") == "whole"
    assert stat.S_IMODE(page.stat().st_mode) == 0o644
    assert leftover.read_text(encoding="utf-8") == "half a page"
    assert temp_files(tmp_path) == [leftover]  # reported, as every leftover is


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "page.md").mkdir(parents=True)  # a folder where the file should go: the rename fails
    with pytest.raises(OSError):
        atomic_write(folder / "page.md", "x")
    assert temp_files(folder) == []
