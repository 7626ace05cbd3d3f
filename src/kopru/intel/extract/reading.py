"""Reading documents: files and directories -> normalised plain text plus whatever metadata the format has.

Every failure is a ``ReadError`` with a sentence a person can act on; callers report it per file and go on.
The text returned is already normalised (``normalise_text``): all character offsets produced later index
into exactly this string.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
PDF_EXTENSIONS = {".pdf"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | PDF_EXTENSIONS


class ReadError(Exception):
    """A document that cannot be read; the message is the reason shown to the user."""


@dataclass
class Document:
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    # the publisher is the site's own newsroom (a markdown post's front matter names it): its "we" is a party
    publisher_speaks: bool = False


# ---------------------------------------------------------------------------------------------- normalising

# zero-width characters and the soft hyphen carry no text
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES_RE = re.compile(r"[^\S\n]+")  # any whitespace but newline (tabs, NBSP, thin spaces ...)
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


# residue of markup in scraped text: HTML entities, markdown links and images, link leftovers, bare URLs,
# navigation and sharing lines
_ENTITY_RE = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]{2,8});|&nbsp(?![;\w])")
_MD_IMAGE_RE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)")
_MD_INLINE_LINK_RE = re.compile(r"\[([^\[\]\n]{1,300})\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_MD_REF_LINK_RE = re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,40}\]")
_MD_REF_DEF_RE = re.compile(r"^\s*\[[^\]\n]{1,60}\]:\s*\S+.*$", re.MULTILINE)
_LINK_TAIL_RE = re.compile(r"\]\((?:https?://|www\.|/|#|mailto:)[^)\s]*\)?")  # "Name](https://…"
_LINK_HEAD_RE = re.compile(r"(?<![\w\]])\[(?=[^\[\]\n]{1,300}(?:\n|$))")  # a "[" whose "](" was cut
_AUTOLINK_RE = re.compile(r"<(?:https?://|www\.)[^>\s]+>")
_URL_LINE_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.MULTILINE)
_MD_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_MD_HEADING_MARK_RE = re.compile(r"^#{1,6}[ \t]+(?=\S)", re.MULTILINE)
# Wire copy marks company names with angle brackets ("<Acme Holdings Inc> said ...", "<IBM>"); left in, the
# bracket sticks to the name. A marked name starts with a capital or a digit and holds no "=", "/" or quote;
# an HTML element name alone (<P>, <BR>, <TD>) is a tag left in a text, not a name.
_ANGLE_NAME_RE = re.compile(r"<([A-Z0-9][^<>\n=/\"]{1,80})>")
_HTML_ELEMENT_RE = re.compile(
    r"a|abbr|b|big|blockquote|body|br|caption|center|code|dd|div|dl|dt|em|font|h[1-6]|head|hr|html|i|img|li|ol"
    r"|p|pre|s|small|span|strong|sub|sup|table|tbody|td|th|thead|title|tr|tt|u|ul",
    re.IGNORECASE,
)


def _unmark_name(match: re.Match) -> str:
    inner = match.group(1)
    if _HTML_ELEMENT_RE.fullmatch(inner):
        return match.group()
    if _TICKER_RE.fullmatch(inner) and _NAME_BEFORE_RE.search(
        match.string, max(0, match.start() - 40), match.start()
    ):
        return f"({inner})"  # "Harwick Industries Inc <HWK>": a ticker after the name, read as "(HWK)"
    return inner


# a stock symbol ("HWK", "BRK.A") and the name it follows ("... Inc <HWK>", "HARWICK <HWK>"), same line
_TICKER_RE = re.compile(r"[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?")
_NAME_BEFORE_RE = re.compile(r"[A-Z][\w.&'’-]*[ \t]$")


_FURNITURE_RE = re.compile(
    r"^\s*(?:Share(?: this(?: article| story| page)?)?(?: on \w+)?|Follow us(?: on \w+)?|Sign up\b.*|"
    r"Subscribe\b.*|Advertisement|ADVERTISEMENT|Skip to (?:main )?content|Read more\W*"
    r"|Related(?: articles| stories| news| posts)?\W*|Click here\b.*|Print(?: this)?|Comments?\W*"
    r"|Tweet|Email|Facebook|Twitter|WhatsApp"
    r"|LinkedIn|Back to top|Next article|Previous article)\s*$",
    re.MULTILINE,
)
_NEW_WINDOW_RE = re.compile(r"[ \t]?\((?:opens|Opens) in a new (?:window|tab)\)")
_NAV_SEPARATORS_RE = re.compile(r"\s+(?:\||•|·|»|›|/)\s+")
# page furniture on a line of its own: sharing and account buttons, font-size switches
_BUTTON_LINE_RE = re.compile(
    r"^(?:Copy link|Change text size|Gift (?:full|premium) articles?|View more(?: newsletters?)?|"
    r"Log ?in|Sign (?:in|up)|Already a subscriber\??|Thanks for sharing!?|"
    r"Play|Small|Medium|Large|WhatsApp|Telegram)$",
    re.IGNORECASE,
)
# a heading that opens a block of links to other articles ("RELATED STORIES", "Most read", "More in
# Business", "TAGS"): the headlines below it are other stories, not this one
_LINK_BLOCK_HEAD_RE = re.compile(
    r"^(?:related(?: articles?| stories| news| posts| content| topics| coverage| reading)?|"
    r"read next|read more|read also|also read|see also|see more|more|more on this (?:topic|story)|"
    r"more (?:in|from) [\w &]{2,30}|more stories|"
    r"editors?['’]? picks?|editor['’]s choice|most (?:read|viewed|popular|shared|commented)|popular(?: now)?|"
    r"trending(?: now| stories)?|tags?|topics|featured(?: stories| articles)?|top stories|the latest|"
    r"latest(?: news| stories)?|breaking news|recommended(?: for you| stories)?|you may also like|"
    r"you might also like|don['’]t miss|in other news|view more|[\w ]{0,40} poll)\s*:?$",
    re.IGNORECASE,
)
# legal and consent lines of sign-up boxes: "Terms & Conditions", "By signing up, I accept X Media's"
_CONSENT_LINE_RE = re.compile(
    r"^(?:Terms (?:&|and) Conditions|Terms of (?:Use|Service)|Privacy Policy|Cookie Policy|"
    r"By (?:signing up|registering|subscribing|providing (?:an|your) email)\b.*|"
    r"Yes, I would (?:also )?like to receive\b.*|I (?:agree|accept)\b.{0,80})$",
    re.IGNORECASE,
)
# "Related: <headline>" / "READ MORE: <headline>" on one line
_LINK_LINE_RE = re.compile(
    r"^[\[(]?(?:related|read more|read also|also read|see also|see more|more|watch|listen)\s*:\s+\S",
    re.IGNORECASE,
)
# a writer's address or handle on its own line under a web story ("ann.lee@example.com", "twitter.com/annlee",
# "@annlee"): it names nobody in the story (in a press release's contact block an address tells whose it is,
# so only pages lose them)
_CONTACT_LINE_RE = re.compile(
    r"^(?:(?:e-?mail|twitter|follow)\s*:?\s*)?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{2,30}"
    r"|(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin)\.com/\S+)$",
    re.IGNORECASE,
)
# a web page's lines about the page, not the story: "Follow Ann Lee on Twitter", "This article first appeared
# on X", "Want more stories like this? Sign up for X", "READ: <headline>", "Also read <headline>"
_PAGE_LINE_RE = re.compile(
    r"^(?:Follow [^\n]{1,60} on (?:Twitter|X|Facebook|Instagram|LinkedIn|Threads|Bluesky|TikTok|YouTube)\W*"
    r"|(?:This|The) (?:article|story|post|piece) (?:first |originally )?"
    r"(?:appeared|was (?:first |originally )?published) (?:on|in|at|by)\b[^.!?]{0,80}\.?"
    r"|[^\n.?!]{3,80}\? (?:Sign up|Subscribe|Register)\b.{0,120}"
    r"|(?:READ:\s+|(?:Also read|Read also|See also|ALSO READ|READ ALSO|SEE ALSO)\s+)"
    r"[A-Z\d\"“‘'][^\n]{0,140})$"
)  # each a short line of its own: a paragraph of the story that starts so stays
_DATE_LINE_RE = re.compile(
    r"^(?:\w+,? )?(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?: \d{1,2},?)? \d{4}$|^\d{1,2}\.?$|^\d{4}-\d{2}-\d{2}$",
    re.IGNORECASE,
)
_LINK_BLOCK_MAX_LINES = 40


def _prose_line(line: str) -> bool:
    """A paragraph of the article rather than a linked headline: a sentence that ends, or a long line."""
    words = len(line.split())
    ends_sentence = re.search(r"[.!][\"”’')]*$", line) and not line.endswith((" ...", "…"))
    return words >= 25 or (words >= 8 and bool(ends_sentence))


def _broken_prose(lines: list[str], i: int) -> bool:
    """A line whose sentence goes on in the next line ("... on Jan 1" / "2, the ..."): text split by
    inline links, not a list of headlines."""
    line = lines[i].rstrip()
    if len(line.split()) < 5:
        return False  # a tag ("electric vehicles") or a section name
    nxt = next((x.strip() for x in lines[i + 1 : i + 3] if x.strip()), "")
    return bool(nxt) and (
        nxt[0].islower()
        or nxt[0] in ",;)"
        or bool(re.fullmatch(r"\d{1,2},?", nxt))  # "on Jan 1" / "2" / ", the ..."
        or line.endswith((",", "("))
    )


# a link to another story inside the text: its headline, its section's slug in lower case, the next
# headline ("Ishii's army ready to strike" / "thailand" / "Maris to visit Myanmar next week")
_SECTION_SLUG_RE = re.compile(r"[a-z]{3,15}")
_NOT_SLUGS = frozenset({"and", "or", "but", "the", "with", "for", "from", "into", "than", "then", "also"})
_LINK_HEADLINE_RE = re.compile(r"[A-Z0-9“\"‘'][^\n]{2,118}(?<![.,;:])")
_OPEN_ENDING_RE = re.compile(r"\b(?:an|the|of|and|to|in|a|for|with)$")  # a sentence cut at a line end


def _link_headline(line: str) -> bool:
    """A story's headline: three words or more, no sentence cut at its end, no block's head ("TAGS")."""
    return (
        len(line.split()) >= 3
        and bool(_LINK_HEADLINE_RE.fullmatch(line))
        and not _OPEN_ENDING_RE.search(line)
        and not _LINK_BLOCK_HEAD_RE.match(line)
    )


def _section_tagged_links(lines: list[str]) -> set[int]:
    """Indexes of the lines of headline / slug / headline triples (and chains of them)."""
    drop: set[int] = set()
    for i in range(1, len(lines) - 1):
        slug = lines[i].strip()
        if (
            _SECTION_SLUG_RE.fullmatch(slug)
            and slug not in _NOT_SLUGS
            and _link_headline(lines[i - 1].strip())
            and _link_headline(lines[i + 1].strip())
        ):
            drop.update((i - 1, i, i + 1))
    return drop


def drop_link_blocks(text: str) -> str:
    """Lists of other articles' headlines (under "Related stories", "Most read", "Tags" ...), one-line
    "Related: ..." links, links tagged with their section's slug and button lines out of a scraped page. A
    block ends at the first line that reads as the article's own prose."""
    lines = text.split("\n")
    tagged = _section_tagged_links(lines)
    if tagged:
        lines = [line for i, line in enumerate(lines) if i not in tagged]
    out: list[str] = []
    in_block = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if (
            _BUTTON_LINE_RE.match(stripped)
            or _LINK_LINE_RE.match(stripped)
            or _CONSENT_LINE_RE.match(stripped)
        ):
            continue
        if _LINK_BLOCK_HEAD_RE.match(stripped):
            in_block = _LINK_BLOCK_MAX_LINES
            continue
        if in_block and stripped:
            if _prose_line(stripped) or _broken_prose(lines, i):
                in_block = 0
            else:
                in_block -= 1
                continue
        out.append(line)
    return "\n".join(out)


def _nav_line(line: str) -> bool:
    """ "Home | World | Business | Tech": three or more short items and no sentence."""
    parts = _NAV_SEPARATORS_RE.split(line.strip())
    if len(parts) < 3:
        return False
    return all(0 < len(p.split()) <= 4 and not re.search(r"[.!?,;:]$|\d{4}", p) for p in parts)


def strip_markup_residue(text: str) -> str:
    """Markdown links and images, link leftovers, entities, bare URL lines and navigation lines out of a
    scraped text: ``[Name](https://…)`` -> ``Name``, ``Name](https://…`` -> ``Name``, ``&amp;`` -> ``&``."""
    import html

    if "&" in text:
        text = _ENTITY_RE.sub(
            lambda m: html.unescape(m.group() if m.group().endswith(";") else m.group() + ";"), text
        )
    if "[" in text or "]" in text:
        text = _MD_IMAGE_RE.sub("", text)
        text = _MD_INLINE_LINK_RE.sub(r"\1", text)
        text = _MD_REF_LINK_RE.sub(r"\1", text)
        text = _MD_REF_DEF_RE.sub("", text)
        text = _LINK_TAIL_RE.sub("", text)
        text = _LINK_HEAD_RE.sub("", text)
    if "://" in text or "www." in text:
        text = _AUTOLINK_RE.sub("", text)
        text = _URL_LINE_RE.sub("", text)
    if "<" in text:
        text = _ANGLE_NAME_RE.sub(_unmark_name, text)
    if "**" in text or "__" in text:
        text = _MD_BOLD_RE.sub(r"\2", text)
    if "#" in text:
        text = _MD_HEADING_MARK_RE.sub("", text)
    text = _FURNITURE_RE.sub("", text)
    if "(opens in a new" in text or "(Opens in a new" in text:
        text = _NEW_WINDOW_RE.sub("", text)  # "PayPal(opens in a new window)": a link's note, not the name's
    text = drop_link_blocks(text)
    if "|" in text or "•" in text or "·" in text or "»" in text:
        text = "\n".join("" if _nav_line(line) else line for line in text.split("\n"))
    return text


# a sentence that a page broke around an inline link: "Srettha met with\nWang Tong\n, president of ..."
_BROKEN_BEFORE_LINK_RE = re.compile(
    r"\b(with|by|and|of|the|for|to|at|from|including|between|met|said|says)\n(?=[A-Z][^\n]{0,50}\n[,;:)])"
)
_BROKEN_AFTER_LINK_RE = re.compile(r"(?<=\S)\n(?=[,;)](?:\s|$))")


# "... Malaysian Transport Minister\nAnthony Loke\nsaid the ...": a short capitalised line (the link) between
# a line that stops mid-sentence and one that goes on in lower case
_BROKEN_AROUND_LINK_RE = re.compile(r"(?<=[a-z])\n([A-Z][^\n.!?;:,]{0,50}?)\n(?=[a-z])")


def _rejoin_link_breaks(text: str) -> str:
    text = _BROKEN_AROUND_LINK_RE.sub(r" \1 ", text)
    if "\n," not in text and "\n;" not in text and "\n)" not in text:
        return text
    text = _BROKEN_BEFORE_LINK_RE.sub(r"\1 ", text)
    return _BROKEN_AFTER_LINK_RE.sub("", text)


# A line that ends a sentence, a quotation or a bracket may end a paragraph; one that stops on a word does not
_LINE_END_OF_SENTENCE = (".", "!", "?", ":", ";", '"', "\u201d", "'", "\u2019", ")")
_WRAP_MIN_WIDTH, _WRAP_MAX_WIDTH = 40, 100
# the longest word that may not fit at the end of a wrapped line: a line this much shorter ended its paragraph
_WRAP_SLACK = 20
_BLOCK_LINE_RE = re.compile(r"^\s*(?:[-*+\u2022]\s|\d{1,3}[.)]\s|#|>|\|)|\S\s{3,}\S")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _headline_shaped(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words:
        return True
    if line.upper() == line:
        return True
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def unwrap_fixed_width(text: str) -> str:
    """Plain text wrapped at a fixed width (wire copy at 65-80 columns, e-mail, text exports) is read as its
    paragraphs: a newline inside a paragraph becomes a space, so that a sentence broken across lines is one
    sentence again ("agreed to buy the valve\nunit of Beta Industries").

    Wrapped text is recognised by its lines: most are about as long as the longest (40-100 columns) and
    many of those stop on a word, not at the end of a sentence. A line then goes on the one before unless
    a blank line, an indented first line (wire copy indents its paragraphs), a short line before it (the
    end of a paragraph), a headline, a list item or a table row says a paragraph ends there. Only newlines
    change: a join becomes one space (none after a word broken at its hyphen), an indented paragraph opening
    gets the blank line before it that the other formats' paragraphs have. Text not wrapped that way is
    returned as it is."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    body = [line.rstrip() for line in lines if line.strip()]
    if len(body) < 2:
        return text
    lengths = sorted(len(line) for line in body)
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return text
    margin = min(_indent(line) for line in lines if line.strip())
    first = next(i for i, line in enumerate(lines) if line.strip())
    joins: list[int] = []
    paragraphs: list[int] = []  # indented lines that open a paragraph right after another line
    stops_on_word = long_lines = goes_on_lower = 0
    for i in range(first + 1, len(lines)):
        prev, line = lines[i - 1].rstrip(), lines[i]
        if not prev.strip() or not line.strip():
            continue
        short = len(prev) < max(width - _WRAP_SLACK, _WRAP_MIN_WIDTH - 5)
        if _indent(line) > margin or (short and i - 1 != first and prev.endswith(_LINE_END_OF_SENTENCE)):
            paragraphs.append(i)
        if short:
            continue
        long_lines += 1
        if not prev.endswith(_LINE_END_OF_SENTENCE):
            stops_on_word += 1
        if (
            _indent(line) > margin
            or (i - 1 == first and _headline_shaped(prev))
            or (prev.upper() == prev and line.upper() != line)  # a shouted headline over the story
            or _BLOCK_LINE_RE.search(line)
            or _BLOCK_LINE_RE.search(prev)
        ):
            continue
        joins.append(i)
        if line.lstrip()[:1].islower() or (line.isupper() and not prev.endswith(_LINE_END_OF_SENTENCE)):
            goes_on_lower += 1
    # a line that goes on in lower case (or, in shouted copy, after a line cut mid-sentence) is what
    # wrapping leaves and a list, an address or a table does not
    if not goes_on_lower or stops_on_word < 0.5 * long_lines:
        return text
    joined, opened = set(joins), set(paragraphs)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in joined:
            # a word broken at its hyphen ("Mong-\nkoo") is one word again; other breaks are a space
            hyphen = re.search(r"[^\W\d_]-$", out[-1]) and line[:1].isalpha()
            out[-1] = out[-1] + ("" if hyphen else " ") + line
        elif i in opened:
            out.append("")
            out.append(line)
        else:
            out.append(line)
    return "\n".join(out)


def normalise_text(text: str) -> str:
    """NFC, markup residue out (``strip_markup_residue``), one kind of newline, single spaces, at most one
    blank line between paragraphs, no edge blanks. Idempotent: normalising twice changes nothing."""
    text = unicodedata.normalize("NFC", text)
    for _ in range(3):  # "&amp;nbsp;" or a link inside a link needs a second pass; stop at a fixed point
        stripped = strip_markup_residue(text)
        if stripped == text:
            break
        text = stripped
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\x0c", "\n\n")  # form feed (PDF page breaks)
    text = unwrap_fixed_width(text)
    text = text.translate(_INVISIBLE)
    text = _CONTROL_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _rejoin_link_breaks(text)
    text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


# ---------------------------------------------------------------------------------------------- paths


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """The files to read, in order: each path as given; a directory's supported files sorted by name.

    Inside a directory only files with a supported extension are taken (a folder of documents often holds
    notes or annotation files beside them); a file named explicitly is always attempted.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            for p in sorted(found, key=lambda p: p.relative_to(path).as_posix()):
                yield str(p)
        else:
            yield raw


# ---------------------------------------------------------------------------------------------- reading


def read_path(path: str) -> Document:
    p = Path(path)
    if not p.exists():
        raise ReadError("file not found")
    if p.is_dir():
        raise ReadError("is a directory with no supported documents")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        raise ReadError(
            f"unsupported file type {suffix or '(no extension)'!r}; supported: "
            + ", ".join(sorted(SUPPORTED_EXTENSIONS))
        )
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"file too large ({size / 1024 / 1024:.1f} MB; the limit is 50 MB)")
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from exc
    return read_bytes(data, source=path, suffix=suffix)


def read_bytes(data: bytes, *, source: str, suffix: str) -> Document:
    if len(data) > MAX_BYTES:
        raise ReadError(f"file too large ({len(data) / 1024 / 1024:.1f} MB; the limit is 50 MB)")
    if not data.strip():
        raise ReadError("empty file")
    if suffix in PDF_EXTENSIONS:
        doc = _read_pdf(data, source)
    elif suffix in HTML_EXTENSIONS:
        doc = _read_html(_decode(data), source)
    else:
        doc = _read_plain(_decode(data), source, markdown=suffix in {".md", ".markdown"})
    if not doc.text:
        raise ReadError("no text found in the document")
    return doc


def _looks_binary(text: str) -> bool:
    """Decoded text that is more than 1% control, unassigned or private-use characters is not text."""
    sample = text[:8192]
    if not sample:
        return False
    odd = sum(
        1 for ch in sample if ch not in "\t\n\r\f" and unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"}
    )
    return odd > len(sample) * 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > half * 0.3 and min(even, odd) < half * 0.05:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _decode_any(data: bytes) -> str:
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {codec} text: {exc.reason} at byte {exc.start}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:8192]:
        raise ReadError("binary content, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding in {"utf_8", "utf-8"}:
            raise ReadError(
                f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no other text "
                "encoding fits"
            ) from utf8_error
        return str(best)


def _decode(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        raise ReadError("binary content (a PDF) in a text file; give it a .pdf extension")
    text = _decode_any(data)
    if _looks_binary(text):
        raise ReadError("binary content, not text")
    return text


_MD_HEADING_RE = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_UNDERSCORE_RE = re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]*?[^\s_\\])_(?!\w)")
_MD_RULE_RE = re.compile(r"^(?:[-*_] ?){3,}$", re.MULTILINE)
_MD_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.MULTILINE)
_MD_QUOTE_RE = re.compile(r"^>\s?", re.MULTILINE)


# YAML front matter of static-site posts: metadata, not prose (its url, language code "en-US" and scrape
# stamp name no entities)
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEY_RE = re.compile(r"^(title|date|source)\s*:\s*(.*?)\s*$", re.MULTILINE)
# a newsroom's name in the front matter's `source` ("OpenAI Blog", "Acme Newsroom"): the site is the name
_SOURCE_SITE_RE = re.compile(r"^(?P<site>.+?)\s+(?:Blog|News|Newsroom|Press(?: Room)?|Press Releases)$")
# a site's name after the headline in an HTML title ("Introducing X | OpenAI")
_TITLE_SITE_SUFFIX_RE = re.compile(r"\s+[|–—-]\s+([A-Z][\w&.]*(?: [A-Z][\w&.]*){0,3})$")
# template-engine markers ("{% raw %}", also with the brace escaped) and a script's placeholder text
_TEMPLATE_LINE_RE = re.compile(r"^\s*(?:(?:\{|&#123;)%.*%\}|Loading(?:…|\.\.\.))\s*$", re.MULTILINE)
# a line of nothing but short links: category, tag or menu links, not a sentence
_LINK_ONLY_LINE_RE = re.compile(r"^[ \t]*(?:\[[^\]\n]{1,40}\]\([^)\s]*\)[ \t]*)+$", re.MULTILINE)


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """The text without its YAML front matter, and the front matter's title and date."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return text, {}
    fields = {k: v.strip().strip("\"'").strip() for k, v in _FRONT_KEY_RE.findall(m.group(1))}
    return text[m.end() :], fields


_MD_BLOCK_START_RE = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|#|>|\||```|---)")


def _unwrap_hard_wrapped(text: str) -> str:
    """A markdown file wrapped at a fixed width (pandoc's 72 columns: "co-chaired by U.S. National\nSecurity
    Advisor Jake Sullivan") is read as its paragraphs, as a renderer shows it: a line goes on the one before
    unless that one ends in a hard break (two spaces, a backslash) or this one opens a block (list item,
    heading, quote, table row). A file not wrapped that way is left as it is."""
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 8:
        return text
    width = lengths[int(len(lengths) * 0.8)]
    near = [line.rstrip() for line in lines if width - 15 <= len(line.rstrip()) <= width]
    # wrapped lines stop mid-sentence; a file of one short sentence per line is no wrapped file
    cut = sum(1 for line in near if not line.endswith((".", "!", "?", ":", '"', "”", ")")))
    if width > 100 or len(near) < 0.4 * len(lengths) or cut < 0.5 * len(near):
        return text
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (
            line.strip()
            and prev.strip()
            and not prev.endswith(("  ", "\\"))
            and not prev.lstrip().startswith("#")
            and not _MD_BLOCK_START_RE.match(line)
        ):
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _strip_markdown(text: str) -> tuple[str, str | None, str | None, str | None]:
    """Plain text, headline, (front-matter) date and site name of a markdown document."""
    title = None
    text, fields = _front_matter(text)
    site = _TITLE_SITE_SUFFIX_RE.search(fields.get("title", "")) or _SOURCE_SITE_RE.match(
        fields.get("source", "")
    )
    text = _unwrap_hard_wrapped(text)
    text = _MD_IMAGE_RE.sub("", text)  # an image's alt text is a caption at best, often '""'
    text = _TEMPLATE_LINE_RE.sub("", text)
    text = _LINK_ONLY_LINE_RE.sub("", text)
    m = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    if m:
        title = m.group(1).strip()
    elif fields.get("title"):
        # the headline lives only in the front matter: it opens the text, as a headline would
        title = _TITLE_SITE_SUFFIX_RE.sub("", fields["title"])
        text = title + "\n\n" + text
    text = _MD_LINK_RE.sub(r"\1", text)
    text = _MD_EMPHASIS_RE.sub(r"\2", text)
    if "_" in text:
        # "led by_ _GV_ _, with … investors_ _Accel_ _and_ _CRV._": italics in underscores, each name
        # marked on its own; an underscore inside a word ("snake_case") is no mark
        unmarked = _MD_UNDERSCORE_RE.sub(r"\1", text)
        if unmarked != text:  # "led by GV , with": the space between two marked runs before a comma
            text = re.sub(r"(?<=[^\s,;:.]) +(?=[,;:.](?:\s|$))", "", unmarked, flags=re.MULTILINE)
    text = _MD_HEADING_RE.sub("", text)
    text = _MD_RULE_RE.sub("", text)
    text = _MD_LIST_RE.sub("", text)
    text = _MD_QUOTE_RE.sub("", text)
    date = fields.get("date", "")[:10]
    published = date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None
    return text, title, published, site.group(1) if site else None


def _read_plain(raw: str, source: str, *, markdown: bool) -> Document:
    title = published = publisher = None
    if markdown:
        raw, title, published, publisher = _strip_markdown(raw)
    text = normalise_text(raw)
    if not text:
        raise ReadError("empty file (only whitespace)")
    return Document(
        source=source,
        text=text,
        title=normalise_text(title) if title else None,
        published=published,
        publisher=publisher,
        publisher_speaks=bool(markdown and publisher),
    )


_SCRIPT_RE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _read_html(raw: str, source: str) -> Document:
    import trafilatura

    # Scripts and styles go before trafilatura sees the page, so that no code can leak into the text even
    # through a fallback extractor.
    cleaned = _SCRIPT_RE.sub(" ", raw)
    result = None
    try:
        result = trafilatura.bare_extraction(
            cleaned, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
        )
    except Exception:  # trafilatura raises assorted errors on odd markup; fall back below
        result = None
    meta = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = meta.get("text") or ""
    tree = _parse_html(cleaned)
    body = _article_body_text(tree) if tree is not None else ""
    if len(body) > max(3 * len(text), len(text) + 1500):
        # the page marks its story (schema.org articleBody) and the extractor kept a notice or a teaser
        # instead: the story is the marked body
        text = body
    if not text.strip():
        text = _html_fallback_text(cleaned)
    if tree is not None and text:
        text = _drop_furniture_lines(text, _furniture_texts(tree, len(text)))
    if "@" in text or ".com/" in text:
        text = "\n".join(line for line in text.split("\n") if not _CONTACT_LINE_RE.match(line.strip()))
    text = "\n".join(line for line in text.split("\n") if not _PAGE_LINE_RE.match(line.strip()))
    if not text.strip():
        raise ReadError("HTML page has no readable text")
    tags = _meta_tags(raw)
    site = _site_name(tags, raw, meta)
    title = _strip_site_suffix(meta.get("title") or _html_title(cleaned), site)
    byline = _byline(tree, meta.get("author") or "")
    if byline and byline.split(",")[0].split(" and ")[0].lower() not in text[:1000].lower():
        # the byline is part of the document even where the extractor keeps it in metadata only
        text = f"By {byline}\n\n{text}"
    published = _published_utc(tags, raw) or meta.get("date")
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        published = published[:10] if re.match(r"\d{4}-\d{2}-\d{2}", published) else None
    return Document(
        source=source,
        text=normalise_text(text),
        title=normalise_text(title) if title else None,
        published=published,
        publisher=normalise_text(site) if site else None,
    )


def _parse_html(html: str):
    try:
        import lxml.html

        return lxml.html.fromstring(html)
    except Exception:  # not parseable at all
        return None


# ---------------------------------------------------------------------------------------------- page metadata

_META_TAG_RE = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _meta_tags(html: str) -> dict[str, str]:
    """The page's <meta> values by property, name or itemprop (lower case), the first of each."""
    import html as htmllib

    tags: dict[str, str] = {}
    for m in _META_TAG_RE.finditer(html):
        attrs = {a.lower(): b or c or d for a, b, c, d in _ATTR_RE.findall(m.group())}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in tags:
            tags[key] = htmllib.unescape(attrs["content"]).strip()
    return tags


_LD_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_LD_PUBLISHER_RE = re.compile(r'"publisher"\s*:\s*(?:\{[^{}]*?"name"\s*:\s*"([^"]{2,60})"|"([^"]{2,60})")')
_ZONES = {"GMT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6}
_ZONES |= {"PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2, "IST": 5.5, "JST": 9, "HKT": 8, "SGT": 8}
_ISO_STAMP_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2})?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "November 19, 2019, 07:47 PM EST", "19 Nov 2019 07:09 GMT"
_WORD_STAMP_RE = re.compile(
    r"(?:([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4}))"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?\s*([A-Z]{1,4})?)?"
)


def _utc_date(stamp: str) -> str | None:
    """The UTC date of a published time: "2019-11-19T19:53:00-05:00" -> "2019-11-20"; a stamp without a
    zone gives its own date."""
    from datetime import datetime, timedelta

    m = _ISO_STAMP_RE.match(stamp.strip())
    if m:
        y, mo, d, hh, mm, zone = m.groups()
        offset = None
        if zone:
            offset = 0.0 if zone == "Z" else int(zone[0] + "1") * (int(zone[1:3]) + int(zone[-2:]) / 60)
        clock = (int(hh), int(mm)) if hh else None
    else:
        m = _WORD_STAMP_RE.match(stamp.strip())
        if not m:
            return None
        month = (m.group(1) or m.group(5) or "")[:3].lower()
        if month not in _MONTHS:
            return None
        y, mo, d = m.group(3) or m.group(6), str(_MONTHS.index(month) + 1), m.group(2) or m.group(4)
        clock = None
        if m.group(7):
            hour = int(m.group(7)) % 12 if m.group(9) else int(m.group(7))
            hour += 12 if (m.group(9) or "").lower() == "pm" else 0
            clock = (hour, int(m.group(8)))
        offset = _ZONES.get(m.group(10) or "")
    try:
        when = datetime(int(y), int(mo), int(d), *(clock or (12, 0)))
    except ValueError:
        return None
    if clock and offset is not None:
        when -= timedelta(hours=offset)
    return when.strftime("%Y-%m-%d")


def _published_utc(tags: dict[str, str], html: str) -> str | None:
    """The date of issue from the page's own stamp (article:published_time, datePublished), as a UTC date."""
    stamps = [tags.get("article:published_time"), tags.get("datepublished")]
    ld = _LD_DATE_RE.search(html)
    stamps.append(ld.group(1) if ld else None)
    for stamp in stamps:
        if stamp and (date := _utc_date(stamp)):
            return date
    return None


_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|–—-]|--|::|»)\s+")


def _fold(name: str) -> str:
    return re.sub(r"[\W_]+", "", name).casefold()


def _title_suffix(html: str) -> str | None:
    """The site's name after the headline in the page's <title> ("... | News | Al Jazeera" -> Al Jazeera)."""
    title = _html_title(html) or ""
    parts = _TITLE_SEPARATORS_RE.split(title)
    if len(parts) < 2:
        return None
    last = parts[-1].strip()
    words = last.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    return last


# a body's own blog ("The Acme Blog") is the body's
_BLOG_SITE_RE = re.compile(r"^(?:The )?(?P<site>.+?) Blog$")


# a page's section or host label where a site's name would be ("U.S.", "World", "Hosted")
_NO_SITE_NAMES = frozenset(
    {"us", "uk", "world", "news", "home", "business", "politics", "markets", "technology", "tech", "hosted"}
    | {"article", "articles", "story", "stories", "opinion", "sports", "sport", "latest", "homepage", "index"}
)


def _site_name(tags: dict[str, str], html: str, meta: dict) -> str | None:
    """Who issued the page: og:site_name, else the <title> suffix, else the schema.org publisher; a social
    handle ("@AcmeNews", what the extractor falls back on) is no name."""
    site = tags.get("og:site_name")
    if not site or _fold(site) in _NO_SITE_NAMES:
        site = _title_suffix(html)
    if site and _fold(site) in _NO_SITE_NAMES:
        site = None
    if not site:
        ld = _LD_PUBLISHER_RE.search(html)
        site = (ld.group(1) or ld.group(2)) if ld else None
    if not site:
        site = meta.get("sitename") or None
        handle = (tags.get("twitter:site") or "").lstrip("@")
        if site and (site.startswith("@") or _fold(site) == _fold(handle)):
            site = None
    if site and (m := _BLOG_SITE_RE.match(site.strip())):
        site = m.group("site")
    return site.strip() if site else None


def _strip_site_suffix(title: str | None, site: str | None) -> str | None:
    """The headline without the site's name after it ("Acme buys Beta - Acme Blog" -> "Acme buys Beta")."""
    if not title:
        return title
    parts = _TITLE_SEPARATORS_RE.split(title.strip())
    if len(parts) < 2 or not site:
        return title
    last = _fold(parts[-1])
    if last and (last == _fold(site) or (_fold(site) in last and len(parts[-1].split()) <= 4)):
        return re.sub(r"\s+(?:[|–—-]|--|::|»)\s+[^|–—»]*$", "", title.strip()).strip() or title
    return title


# ---------------------------------------------------------------------------------------------- bylines

_BYLINE_CLASS_XPATH = (
    '//*[contains(@class,"byline") or contains(@class,"author-name") or @rel="author" or @itemprop="author"]'
)
# what follows the writers in a byline: a date, a time, a share button
_BYLINE_END_RE = re.compile(
    r"\s(?:\d|(?:Updated|Published|Posted|Share|Facebook|Twitter|Email|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)"
)
# the job printed after a writer's name ("Staff Writer", "AP National Security Writer", "Business Columnist")
_ROLE_WORDS = (
    r"(?:Staff|Senior|Chief|National|Security|Political|Politics|Business|Economics|Economy|Foreign|Technology"
    r"|Tech|Science|Sports?|Auto|Special|Contributing|Investigative|Diplomatic|Legal|Health|Energy|Markets?"
    r"|Financial|Finance|Entertainment|Deputy|Associate|Managing|Bureau|White House|Pentagon|Defense"
    r"|Education)"
)
_ROLE_NOUNS = r"(?:Writer|Columnist|Correspondent|Reporter|Editor|Contributor|Journalist|Chief)"
_BYLINE_ROLE_RE = re.compile(
    rf"(?:^|\s)(?:(?:AP|AFP|UPI|PA|dpa)\s+)?(?P<role>(?:{_ROLE_WORDS}\s+){{0,3}}{_ROLE_NOUNS}|Staff)$",
    re.IGNORECASE,
)
# a desk or an agency after the names ("Associated Press", "CNN Business", "Reuters"): not a writer
_BYLINE_OUTLET_RE = re.compile(
    r"^(?:The )?(?:Associated Press|AP|Reuters|AFP|Bloomberg|UPI|dpa|Xinhua|Press Association|PA"
    r"|[\w ]{0,30} (?:News|Press|Times|Post|Agency|Staff|Business|Politics|Sports?|Markets|Online|Media|Desk"
    r"|Wire|Network))$"
)
_NAME_PARTICLES = frozenset({"de", "da", "del", "van", "von", "der", "bin", "al", "el", "la", "le", "du"})


def _writer(part: str) -> str | None:
    """A writer's name from one piece of a byline, or None where the piece is no name ("commented on",
    "The Russian", a place, a month)."""
    part = part.strip(" .:|")
    if part.isupper():  # "ANN O'NEIL-BERG" -> "Ann O'Neil-Berg"
        part = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), part)
    words = part.split()
    if not 2 <= len(words) <= 5 or words[0] in {"The", "A", "An", "By"}:
        return None
    if any(not (w[:1].isupper() or w in _NAME_PARTICLES) for w in words):
        return None
    if not all(re.fullmatch(r"[^\W\d_][\w'’.-]*", w) for w in words):
        return None
    return part


_BYLINE_OUTLET_TAIL_RE = re.compile(r"\s+(?:The )?(?:Associated Press|AP|Reuters|AFP|Bloomberg)$")


def _writers(raw: str) -> tuple[list[str], str | None]:
    """The writers of a byline and the role printed with a lone writer ("Staff Writer")."""
    raw = " ".join(raw.split())
    raw = re.sub(r"^(?:by|written by)\s+", "", raw, flags=re.IGNORECASE)
    cut = _BYLINE_END_RE.search(raw)
    if cut:
        raw = raw[: cut.start()]
    names: list[str] = []
    role = agency = None
    for part in re.split(r"\s*(?:;|,|\||&|\band\b)\s*", raw):
        part = _BYLINE_OUTLET_TAIL_RE.sub("", part.strip())
        if not part:
            continue
        if _BYLINE_OUTLET_RE.match(part):
            agency = agency or (part if _AGENCY_RE.fullmatch(part) else None)
            continue
        m = _BYLINE_ROLE_RE.search(part)
        if m:
            role = role or m.group("role")
            part = part[: m.start()].strip()
            if not part:
                continue
        name = _writer(part)
        if name:
            names.append(name)
    if not names and agency:
        return [agency], None  # "By Reuters": the agency wrote it
    if role and not set(role.title().split()) <= _PRINTED_ROLE_WORDS:
        role = None  # a role the byline reader would cut in two ("National Security Writer")
    return names, role if len(names) == 1 else None


_AGENCY_RE = re.compile(r"(?:The )?(?:Associated Press|Reuters|AFP|Bloomberg|UPI|Xinhua|Press Association)")
# the job words a byline line may carry after the name and still be read as one role
_PRINTED_ROLE_WORDS = frozenset(
    {"Staff", "Writer", "Columnist", "Correspondent", "Reporter", "Editor", "Contributor", "Business"}
    | {"Senior", "Chief", "Political", "Economics", "Technology", "Science", "Foreign", "Journalist"}
)


def _byline(tree, author: str) -> str | None:
    """The page's byline as a line of text ("Ann Lee and Ole Berg", "Ann Lee Staff Writer"): the extractor's
    author with what is no writer's name left out, checked against the byline the page prints where it marks
    one (a name only in the metadata, an editor's or a photographer's, is left out); the printed byline
    alone where the author is no name ("Ann Lee commented on")."""
    printed: list[tuple[list[str], str | None]] = []
    if tree is not None:
        for el in tree.xpath(_BYLINE_CLASS_XPATH)[:6]:
            content = " ".join(" ".join(el.itertext()).split())
            if content and len(content) < 300 and (found := _writers(content))[0]:
                printed.append(found)
    names, role = _writers(author)
    if names and printed:
        shown = {n.casefold() for found, _ in printed for n in found}
        confirmed = [n for n in names if n.casefold() in shown]
        names = confirmed or names
        role = role if len(names) == 1 else None
    elif printed:
        names, role = printed[0]
    if not names:
        return None
    line = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if role:
        line += " " + " ".join(w if w.isupper() else w.capitalize() for w in role.split())
    return line


# ---------------------------------------------------------------------------------------------- article body

_BODY_XPATH = '//*[@itemprop="articleBody" or @itemprop="articlebody"]'
_BODY_SKIP = {"script", "style", "noscript", "figure", "aside", "nav", "form", "button", "header", "footer"}


def _article_body_text(tree) -> str:
    """The paragraphs of the element the page marks as its story (schema.org articleBody)."""
    els = tree.xpath(_BODY_XPATH)
    if len(els) != 1:
        return ""
    blocks = []
    for el in els[0].iter("p", "h2", "h3", "li", "blockquote"):
        if any(a.tag in _BODY_SKIP for a in el.iterancestors()):
            continue
        if (
            el.tag == "li"
            and el.getparent() is not None
            and len(el.xpath(".//a"))
            and len(" ".join("".join(a.itertext()) for a in el.xpath(".//a")).split())
            >= 0.6 * len(" ".join(el.itertext()).split())
        ):
            continue  # a list of links to other stories
        piece = " ".join(" ".join(el.itertext()).split())
        if piece and not (el.tag == "p" and el.xpath("ancestor::li")):
            blocks.append(piece)
    return "\n\n".join(blocks)


# words of a class or id that mark page furniture around a story: photo credits, teasers of other stories,
# newsletter boxes, trending bars (not captions: what a caption says about the story's people is the story's)
_FURNITURE_CLASS_WORDS = frozenset(
    {
        "credit", "credits", "related", "recommended", "recommendations", "recirc", "promo", "teaser",
        "teasers", "trending", "newsletter", "newsletters", "subscribenewsletter", "popular", "mostread",
        "mostpopular", "breadcrumb", "breadcrumbs", "outbrain", "taboola",
    }
)  # fmt: skip
_CLASS_SPLIT_RE = re.compile(r"[\s_-]+|(?<=[a-z])(?=[A-Z])")
_HEADLINE_ITEM_MIN_WORDS = 3
_FURNITURE_TAGS = frozenset(
    {"div", "span", "p", "section", "aside", "ul", "ol", "li", "figure", "figcaption"}
)


_FURNITURE_HINT_RE = re.compile(
    r"credit|related|recommend|recirc|promo|teaser|trending|newsletter|popular|mostread|breadcrumb|outbrain"
    r"|taboola",
    re.IGNORECASE,
)


def _furniture_class(el) -> bool:
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not _FURNITURE_HINT_RE.search(marks):
        return False
    return any(w.lower() in _FURNITURE_CLASS_WORDS for w in _CLASS_SPLIT_RE.split(marks) if w)


def _block_texts(el) -> list[str]:
    blocks = el.iter("p", "li", "h2", "h3", "h4", "h5", "span", "div")
    found = [" ".join(b.text_content().split()) for b in blocks]
    found.append(" ".join(el.text_content().split()))
    return [t for t in found if t]


def _furniture_texts(tree, text_len: int) -> set[str]:
    """Texts of the page's furniture: blocks under a class or id that names a photo credit or a teaser of
    other stories (never one that holds the story's own body or most of the text), and the items of a list
    whose every item is one linked headline (a "related stories" list without a heading)."""
    found: set[str] = set()
    for el in tree.xpath("//*[@class or @id]"):
        if el.tag not in _FURNITURE_TAGS or not _furniture_class(el):
            continue
        if el.xpath(".//*[@itemprop='articleBody' or @itemprop='articlebody']|.//h1"):
            continue
        if len(" ".join(el.text_content().split())) > max(0.3 * text_len, 400):
            continue
        found.update(_block_texts(el))
    for lst in tree.iter("ul", "ol"):
        items = [li for li in lst if isinstance(li.tag, str) and li.tag == "li"]
        if len(items) < 2:
            continue
        prev = lst.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is not None and " ".join(prev.text_content().split()).endswith(":"):
            continue  # a list the story introduces ("The five companies are:")
        texts = []
        for li in items:
            whole = " ".join(li.text_content().split())
            linked = " ".join(" ".join(a.text_content().split()) for a in li.iter("a"))
            if (
                len(whole.split()) < _HEADLINE_ITEM_MIN_WORDS
                or len(linked) < 0.9 * len(whole)
                or re.search(r"[.;,]$", whole)
            ):
                break
            texts.append(whole)
        else:
            found.update(texts)
    return found


def _drop_furniture_lines(text: str, furniture: set[str]) -> str:
    if not furniture:
        return text
    out = []
    for line in text.split("\n"):
        core = " ".join(re.sub(r"^\s*(?:[-*\u2022]\s+|\d{1,3}[.)]\s+)?", "", line).split())
        if len(core.split()) >= 2 and core in furniture:  # a one-word line may be the story's source line
            continue
        out.append(line)
    return "\n".join(out)


def _html_title(html: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    if not m:
        return None
    import html as htmllib

    return htmllib.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).strip() or None


def _html_fallback_text(html: str) -> str:
    try:
        import lxml.html

        tree = lxml.html.fromstring(html)
    except Exception:  # not parseable at all
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|//form"):
        bad.drop_tree()
    blocks = []
    for el in tree.iter("h1", "h2", "h3", "p", "li", "blockquote", "td"):
        piece = " ".join(el.text_content().split())
        if piece:
            blocks.append(piece)
    if not blocks:
        blocks = [" ".join(tree.text_content().split())]
    return "\n\n".join(blocks)


def _reflow(page: str) -> str:
    """PDF text breaks lines where the layout wrapped them; join a line to the previous one when the
    sentence plainly goes on (the previous line is long and unfinished, or the next starts in lowercase)."""
    lines = [ln.strip() for ln in page.replace("\r", "\n").split("\n")]
    width = max((len(ln) for ln in lines), default=0)
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("")
            continue
        if out and out[-1]:
            prev = out[-1]
            unfinished = not prev.endswith((".", "!", "?", ":", '"', "”", ")")) and len(prev) >= 0.6 * width
            if line[0].islower() or unfinished or (prev.endswith(("-", ",")) and not prev.endswith(" -")):
                if prev.endswith("-") and line[0].islower() and not prev.endswith(" -"):
                    out[-1] = prev[:-1] + line  # hyphenated word broken across lines
                else:
                    out[-1] = prev + " " + line
                continue
        out.append(line)
    return "\n".join(out)


def _read_pdf(data: bytes, source: str) -> Document:
    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError("broken PDF: no PDF header")
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise ReadError(f"broken PDF: {exc}") from exc
    text = normalise_text("\n\n".join(_reflow(page) for page in pages))
    if not text:
        raise ReadError("PDF has no extractable text (scanned image?)")
    title = None
    published = None
    if info:
        title = (info.title or "").strip() or None
        created = info.get("/CreationDate")
        m = re.match(r"D?:?(\d{4})(\d{2})(\d{2})", str(created or ""))
        if m:
            published = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return Document(source=source, text=text, title=title, published=published)
