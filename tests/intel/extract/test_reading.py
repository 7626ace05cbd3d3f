"""Reading: formats, encodings, directories, and a clear error for every file that cannot be read."""

from __future__ import annotations

import pytest

from kopru.intel.extract.reading import MAX_BYTES, ReadError, iter_paths, normalise_text, read_path

pytestmark = pytest.mark.unit


def test_normalise_text_nfc_spaces_and_newlines():
    raw = "Kac\u0131r\u00a0said:\r\n\r\n\r\n\tCafe\u0301  opens\u200b today.  \n"
    assert normalise_text(raw) == "Kacır said:\n\nCafé opens today."


def test_it_reads_utf8_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Türkiye and China.\n", encoding="utf-8")
    doc = read_path(str(path))
    assert doc.text == "Türkiye and China."
    assert doc.source == str(path)


def test_it_decodes_latin1_text(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café de la société générale à Paris, très économique et réputé.".encode("latin-1"))
    doc = read_path(str(path))
    assert "café" in doc.text and "société" in doc.text


def test_markdown_loses_its_markup_and_gives_a_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# BYD in Manisa\n\nThe **plant** is [here](http://x).\n", encoding="utf-8")
    doc = read_path(str(path))
    assert doc.title == "BYD in Manisa"
    assert doc.text == "BYD in Manisa\n\nThe plant is here."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n  ", "empty file"),
        ("junk.txt", bytes(range(256)) * 8, "binary"),
        ("junk.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, "broken PDF"),
        ("notpdf.pdf", b"hello, I am not a PDF", "broken PDF"),
        ("sheet.xlsx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_unreadable_files_raise_a_clear_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_path(str(path))


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(ReadError, match="not found"):
        read_path(str(tmp_path / "nope.txt"))


def test_a_file_over_50_mb_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(ReadError, match="too large"):
        read_path(str(path))


def test_html_keeps_the_article_and_never_leaks_script(tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(["BYD will build a plant in Manisa with about 5,000 jobs, the ministry said."] * 6)
    path.write_text(
        f"""<html><head><title>BYD to build plant | Daily Sabah</title>
        <meta property="og:site_name" content="Daily Sabah">
        <meta property="article:published_time" content="2024-07-08T10:00:00Z">
        <script>var secret = "SCRIPT_TEXT_MUST_NOT_LEAK";</script><style>.x{{color:red}}</style></head>
        <body><nav><a href="/">Home</a> <a href="/economy">Economy NAVLINK</a></nav>
        <article><h1>BYD to build plant</h1><p>{body}</p><p>{body}</p>
        <script>document.write("SCRIPT_TEXT_MUST_NOT_LEAK")</script></article>
        <footer>Copyright FOOTERTEXT</footer></body></html>""",
        encoding="utf-8",
    )
    doc = read_path(str(path))
    assert "SCRIPT_TEXT_MUST_NOT_LEAK" not in doc.text
    assert "color:red" not in doc.text
    assert "NAVLINK" not in doc.text
    assert "BYD will build a plant in Manisa" in doc.text
    assert doc.title == "BYD to build plant"
    assert doc.published == "2024-07-08"
    assert doc.publisher == "Daily Sabah"


def test_html_made_only_of_script_is_an_error(tmp_path):
    path = tmp_path / "script.html"
    path.write_text("<html><body><script>alert('x')</script></body></html>", encoding="utf-8")
    with pytest.raises(ReadError):
        read_path(str(path))


def test_a_real_pdf_is_read(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 20 100 Td (Huawei opens a lab in Istanbul.) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    path = tmp_path / "doc.pdf"
    with path.open("wb") as f:
        writer.write(f)
    doc = read_path(str(path))
    assert doc.text == "Huawei opens a lab in Istanbul."


def test_directories_expand_recursively_sorted_by_name(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.md").write_text("a")
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "notes.json").write_text("{}")  # not a document: skipped inside a directory
    (tmp_path / ".hidden.txt").write_text("h")
    paths = list(iter_paths([str(tmp_path)]))
    assert [p[len(str(tmp_path)) + 1 :] for p in paths] == ["a.html", "b/a.md", "b/z.txt"]


def test_explicit_files_keep_the_order_given(tmp_path):
    assert list(iter_paths(["x.txt", "a.txt"])) == ["x.txt", "a.txt"]


def test_lists_of_other_headlines_leave_a_scraped_page():
    page = (
        "The harbour board approved the new crane contract on Monday after a long debate.\n"
        "RELATED STORIES\n"
        "Mayor Tom Keller opens a bakery downtown\n"
        "October 15, 2023\n"
        "Storm closes the coastal road for a week\n"
        "The board said the cranes would arrive next spring and cost less than planned.\n"
        "Most read\n"
        "1.\n"
        "Singer Ana Brill wins the regional contest\n"
        "Tags\n"
        "cranes\n"
        "harbour\n"
        "Related: Ten pictures of the old harbour\n"
        "Copy link"
    )
    assert normalise_text(page) == (
        "The harbour board approved the new crane contract on Monday after a long debate.\n"
        "The board said the cranes would arrive next spring and cost less than planned."
    )


def test_a_link_block_ends_where_the_article_goes_on_mid_sentence():
    page = (
        "More on this topic\n"
        "Ferry strike ends after two days\n"
        "The minister, who will open the new terminal in the north on Jan 1\n"
        "2\n"
        ", declined to comment."
    )
    assert normalise_text(page) == (
        "The minister, who will open the new terminal in the north on Jan 1\n2, declined to comment."
    )
