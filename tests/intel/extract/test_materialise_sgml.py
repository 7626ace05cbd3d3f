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


def test_a_text_printed_as_wire_copy_is_wrapped_indented_and_reads_back_as_the_same_paragraphs():
    from kopru.intel.extract.reading import normalise_text

    text = (
        "Ministers Agree On Rail Links\n\n"
        + "The two ministers said the joint committee would meet again in Ankara in the spring. " * 3
        + "\n\n"
        + "Officials declined to comment on the financing of the battery plant near the port."
    )
    printed = materialise.as_wire_copy(text, 70)
    lines = printed.splitlines()
    assert lines[0] == "Ministers Agree On Rail Links"
    assert lines[1].startswith("    The two ministers")
    assert all(len(line) <= 70 for line in lines[1:])
    assert normalise_text(printed) == normalise_text(text)
    assert materialise.as_wire_copy(text, 70, shout=True) == printed.upper()


def test_a_text_without_blank_lines_between_paragraphs_is_not_printed_as_wire_copy():
    text = "Ministers Agree On Rail Links\nThe two ministers met in Ankara."
    assert materialise.as_wire_copy(text, 70) == text
