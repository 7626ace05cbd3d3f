"""A plain-text document is titled by its headline from the moment it is stored, never by its file name."""

from __future__ import annotations

import pytest

from kopru.intel.domain.analysis import _has_placeholder_title
from kopru.intel.domain.ingest import IncomingFile, ingest_files
from kopru.intel.domain.reading import headline

pytestmark = pytest.mark.integration

TEXT = "\n\nTÜRASAŞ and CRRC Zhuzhou sign rail MoU / Photo: AA\nAnkara, 3 March 2025 — They signed.\n"


def test_headline_is_the_first_line_without_the_photo_credit():
    assert headline(TEXT) == "TÜRASAŞ and CRRC Zhuzhou sign rail MoU"
    assert headline("") == ""


def test_a_stored_text_file_is_titled_by_its_headline(db):
    batch = ingest_files([IncomingFile("press_rail_mou.txt", TEXT.encode())], enqueue=False)
    document = batch.items.get().document
    assert document.title == "TÜRASAŞ and CRRC Zhuzhou sign rail MoU"
    assert document.original_name == "press_rail_mou.txt"
    # The extractor's own title may still replace the stand-in headline.
    assert _has_placeholder_title(document)
