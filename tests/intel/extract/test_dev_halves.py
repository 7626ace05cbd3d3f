"""scripts/dev_halves.py puts each dev document, text and gold together, in the same half every time."""

from __future__ import annotations

import importlib.util
import zlib
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "dev_halves.py"
_spec = importlib.util.spec_from_file_location("dev_halves", SCRIPT)
dev_halves = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev_halves)


def test_each_document_lands_in_its_half_with_its_gold(tmp_path):
    dev = tmp_path / "dev"
    dev.mkdir()
    stems = [f"doc-{n}" for n in range(12)]
    for stem in stems:
        (dev / f"{stem}.txt").write_text(stem)
        (dev / f"{stem}.gold.json").write_text("{}")
    counts = dev_halves.split(dev, tmp_path / "halves")
    expected_a = {s for s in stems if zlib.crc32(s.encode()) % 2 == 0}
    assert counts == {"A": len(expected_a), "B": len(stems) - len(expected_a)}
    for stem in stems:
        half = "A" if stem in expected_a else "B"
        assert (tmp_path / "halves" / half / f"{stem}.txt").read_text() == stem
        assert (tmp_path / "halves" / half / f"{stem}.gold.json").exists()
        other = "B" if half == "A" else "A"
        assert not (tmp_path / "halves" / other / f"{stem}.txt").exists()


def test_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert dev_halves.main([str(tmp_path / "nowhere"), "--out", str(tmp_path / "h")]) == 2
    assert "no such folder" in capsys.readouterr().err
