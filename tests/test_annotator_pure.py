"""The annotator is pure: `annotate` writes no file; `prepare` is what keeps the dictionary's compiled
cache in the user's cache folder, and a read-only home only means no cache."""
import os
import subprocess
import sys

from support import ROOT

SCRIPT = """
import annotator, sys
if sys.argv[1] == "prepare":
    annotator.prepare()
print(len(annotator.annotate("远山矿业董事长陈建平表示，公司2023年营收增长5%。", date="2023-05-01").entities))
"""


def _run(cache_home, mode: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    return subprocess.run([sys.executable, "-c", SCRIPT, mode], cwd=ROOT, env=env, capture_output=True, text=True)


def _files(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_annotate_writes_no_file(tmp_path):
    result = _run(tmp_path, "annotate")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0 and _files(tmp_path) == []


def test_prepare_keeps_the_dictionary_cache(tmp_path):
    result = _run(tmp_path, "prepare")
    assert result.returncode == 0, result.stderr
    assert any(name.startswith("pizhu/seg-") for name in _files(tmp_path))


def test_unwritable_cache_folder_still_annotates(tmp_path):
    blocked = tmp_path / "not-a-folder"  # a file where the cache folder would go (root ignores chmod)
    blocked.write_text("", encoding="utf-8")
    result = _run(blocked, "prepare")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0
