"""The SGML reader of scripts/materialise_real_gold.py keeps a story's lead before its first <P>."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "materialise_real_gold.py"
_spec = importlib.util.spec_from_file_location("materialise_real_gold", SCRIPT)
materialise = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(materialise)

STORY = """<DOC>
<DOCNO> NYT19990101.0001 </DOCNO>
<HEADLINE> KESTREL BUYS A RIVAL </HEADLINE>
<TEXT>
Kestrel Batteries Inc. has bought Volta Cells for $5 million.
<P>
The deal closed on Tuesday, the company said.
</P>
<P>
(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)
</P>
<P>
Volta Cells was founded in Dayton &AMP; employs 40 people.
</P>
</TEXT>
</DOC>"""


def test_the_lead_before_the_first_paragraph_tag_is_kept_and_notes_to_editors_are_dropped():
    record = materialise.sgml_record(STORY, "NYT19990101.0001")
    assert record["headline"] == "KESTREL BUYS A RIVAL"
    assert record["text"] == (
        "Kestrel Batteries Inc. has bought Volta Cells for $5 million.\n\n"
        "The deal closed on Tuesday, the company said.\n\n"
        "Volta Cells was founded in Dayton & employs 40 people."
    )


def test_a_story_without_paragraph_tags_splits_on_blank_lines():
    raw = "<DOC><TEXT>\nFirst paragraph here.\n\nSecond one.\n</TEXT></DOC>"
    assert materialise.sgml_record(raw, None)["text"] == "First paragraph here.\n\nSecond one."
