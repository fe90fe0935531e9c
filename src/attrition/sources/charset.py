"""Bytes to text by the charset the document declares, a detector only where it declares none.

Russian and Ukrainian sites still serve windows-1251 and KOI8-U; decoding those as UTF-8 "with
replacement" stores an article of U+FFFD with every figure intact but every word gone. The
order follows what browsers do (WHATWG encoding sniffing, via w3lib, Scrapy's library for it):
a byte-order mark, then the HTTP `Content-Type` charset, then a `<meta>` tag or XML declaration
in the first 4 KB, then UTF-8, then charset-normalizer's best guess. A declaration the bytes do
not fit is passed over for the next rule, and text that no rule decodes cleanly is refused with
an error naming what was tried; it is never stored as replacement marks.

Decoded text also loses its terminal control sequences and other control characters (tab,
line breaks and form feed stay): they carry nothing an article says, a window-title or
clipboard sequence must not reach a terminal that later shows the text, and their digits
("ESC ]0;") must not be read as figures.
"""

from __future__ import annotations

import codecs
import re

from attrition.sources.base import SourceError

#: More replacement characters than one in this many and the text is refused as mis-decoded.
REPLACEMENT_SHARE = 200


def _resolve(label: str | None) -> str | None:
    """The Python codec for a declared label (WHATWG aliases: latin-1 means windows-1252)."""
    if not label:
        return None
    from w3lib.encoding import resolve_encoding

    found = resolve_encoding(label.strip().strip("\"'"))
    if found is None:
        return None
    try:
        return codecs.lookup(found).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def _plausibly_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 if it is valid UTF-8 with some non-ASCII text.

    Legacy single-byte text (windows-1251, KOI8) is practically never valid UTF-8 once it holds
    a few letters outside ASCII, so a page that says windows-1251 but is valid UTF-8 was
    mis-declared (a CMS template copied between sites), and UTF-8 is the honest reading.
    """
    if data.isascii():
        return None
    return _strict(data, "utf-8")


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading of `data` (text, encoding), or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    text = _strict(data, best.encoding)
    return (text, best.encoding) if text is not None else None


def _check(text: str, encoding: str, how: str) -> str:
    bad = text.count("\ufffd")
    if bad and bad * REPLACEMENT_SHARE > len(text):
        raise SourceError(
            f"decodes badly: {bad} replacement characters as {encoding} ({how}); "
            "the bytes are damaged or in an encoding no rule recognises"
        )
    return text


#: ECMA-48 sequences: CSI (7- and 8-bit) with its parameters, OSC/DCS/APC/PM/SOS strings up to
#: their terminator (bounded, so an unterminated one costs linear time), and two-byte ESC forms.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]?"
    r"|(?:\x1b[\]P_^X]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]{0,8}[0-~]?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences and control characters (tab, newlines, form
    feed, vertical tab and NEL stay: they are layout)."""
    if _CONTROLS.search(text) is None:
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def decode_bytes(data: bytes, *, declared: str | None = None, markup: bool = False) -> str:
    """`data` as text: BOM, then `declared` (an HTTP charset), then (if `markup`) a meta tag or
    XML declaration, then UTF-8, then a detector. `SourceError` when nothing fits. Control
    sequences are removed from the result (`strip_controls`)."""
    return strip_controls(_decode(data, declared=declared, markup=markup))


def _decode(data: bytes, *, declared: str | None, markup: bool) -> str:
    from w3lib.encoding import html_body_declared_encoding, read_bom

    bom, mark = read_bom(data)
    if bom is not None and mark is not None:
        encoding = _resolve(bom) or bom
        text = _strict(data[len(mark) :], encoding)
        if text is None:
            raise SourceError(f"not valid {encoding} although it starts with a {encoding} byte-order mark")
        return _check(text, encoding, "byte-order mark")
    tried: list[str] = []
    candidates: list[tuple[str | None, str]] = [(_resolve(declared), "HTTP header")]
    if markup:
        candidates.append((_resolve(html_body_declared_encoding(data)), "declared in the document"))
    for label, how in candidates:
        if label is None:
            continue
        if not _is_utf8(label) and (utf8 := _plausibly_utf8(data)) is not None:
            return _check(utf8, "utf-8", f"valid UTF-8 although {how} says {label}")
        declared_text = _strict(data, label)
        if declared_text is not None:
            return _check(declared_text, label, how)
        tried.append(f"{label} ({how})")
    plain = _strict(data, "utf-8")
    if plain is not None:
        return _check(plain, "utf-8", "UTF-8")
    tried.append("utf-8")
    detected = _detect(data)
    if detected is not None:
        return _check(detected[0], detected[1], "detected")
    raise SourceError(f"cannot decode: the bytes are not {', '.join(tried)}, and no encoding was detected")
