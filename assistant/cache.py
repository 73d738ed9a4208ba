"""Files derived from the store (the lexical index, the hubness), written so that no reader sees half of one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `path` through `write`, into a temporary file that then replaces it in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        write(f)
    tmp.replace(path)
