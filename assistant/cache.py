"""Files derived from the store (the lexical index, the hubness, the vectors), written so that no reader sees half
of one, and read only when they belong to the store as it is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `path` through `write`, into a temporary file that then replaces it in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        write(f)
    tmp.replace(path)


def save_arrays(path: Path, revision: int, **arrays: Any) -> None:
    """Arrays derived from store revision `revision`, saved as one .npz file."""
    write_atomically(path, lambda f: np.savez(f, revision=revision, **arrays))


def load_arrays(path: Path, revision: int) -> dict[str, np.ndarray] | None:
    """The arrays `save_arrays` saved for this store revision; None when there are none, or only for another
    revision, or the file is damaged."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["revision"]) != revision:
                return None
            return {name: data[name] for name in data.files if name != "revision"}
    except (OSError, ValueError, KeyError):
        return None
