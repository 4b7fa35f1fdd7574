"""The wheel: everything under the one ``antqa`` package, no generic top-level names."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_the_wheel_installs_only_the_antqa_package(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = tmp_path.glob("antqa-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/", 1)[0] for name in names if not name.startswith("antqa-")}
    assert top_level == {"antqa"}, "no top-level bots (or any other generic) package"
    assert "antqa/bots/discord_bot.py" in names, "the Discord adapter ships inside antqa"
    assert "antqa/static/index.html" in names
