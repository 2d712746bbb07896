"""A build whose scratch file cannot be written (a full temporary folder) fails with one error, not a traceback."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

import pizhu.parts_store as parts_store
from pizhu.builder import build_site
from pizhu.config import load_config
from pizhu.errors import BuildError


def test_a_scratch_file_that_cannot_be_written_is_a_build_error(project: Path, monkeypatch):
    def full_disk(folder=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(parts_store, "Spill", full_disk)
    with pytest.raises(BuildError, match="cannot write the build's scratch file: No space left on device"):
        build_site(load_config(project / "site.yaml"), use_cache=False)
