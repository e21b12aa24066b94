"""Length-preserving text folding, so that offsets found in folded text are offsets in the original.

``fold`` lower-cases, maps every apostrophe and quote-like mark to ``'``, every dash to ``-``, every
white space (line breaks included) to a space, and Latin letters with diacritics to their base letter
(``Erdoğan`` -> ``erdogan``, ``Türkiye`` -> ``turkiye``, ``İ`` -> ``i``), and the Arabic letters news writes
several ways to one form (``أ إ آ`` -> ``ا``, ``ى`` -> ``ي``, ``ة`` -> ``ه``; Arabic-Indic digits to ``0-9``), one
character for one character, so ``len(fold(s)) == len(s)`` always (``str.lower`` alone would turn ``İ`` into
two). Arabic short vowels and the tatweel are dropped by :func:`helpers.arabic.strip_marks`, with an offset map.
"""

from __future__ import annotations

import re
import unicodedata

_APOS = "\u2019\u2018\u02bc\u02bb`\u00b4\u2032\u201b\uff07"
_DASH = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_SPACE = "\n\r\t\f\v\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2028\u2029"


# Arabic: hamza forms of alef to bare alef, alef maqsura to ya, taa marbuta to ha, hamza on waw and ya,
# Persian ya and kaf, Arabic-Indic and Persian digits to ASCII digits (one character each)
_ARABIC = {
    **{c: "\u0627" for c in "\u0623\u0625\u0622\u0671"},
    "\u0649": "\u064a",
    "\u0629": "\u0647",
    "\u0624": "\u0648",
    "\u0626": "\u064a",
    "\u06cc": "\u064a",
    "\u06a9": "\u0643",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}


def _build_table() -> tuple[dict[int, str], dict[int, str]]:
    keep_case: dict[int, str] = {}
    for ch in _APOS:
        keep_case[ord(ch)] = "'"
    for ch in _DASH:
        keep_case[ord(ch)] = "-"
    for ch in _SPACE:
        keep_case[ord(ch)] = " "
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        decomp = unicodedata.normalize("NFD", ch)
        base = decomp[0]
        if base.isascii() and base.isalpha() and base != ch:
            keep_case[cp] = base
    keep_case[ord("\u0131")] = "i"  # dotless i
    keep_case[ord("\u0130")] = "I"  # dotted capital I
    for src, dst in _ARABIC.items():
        keep_case[ord(src)] = dst
    lower = {}
    for cp, rep in keep_case.items():
        lower[cp] = rep.lower()
    for cp in range(0x80, 0x250):
        if cp not in lower:
            ch = chr(cp)
            lo = ch.lower()
            if len(lo) == 1:
                lower[cp] = lo
    return keep_case, lower


_KEEP, _LOWER = _build_table()
# only the characters that fold to something else: curly double quotes and other symbols are left alone
# by the regex engine (in C) instead of costing a Python call each
_MAPPED = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in sorted(set(_KEEP) | set(_LOWER)) if c > 0x7E or chr(c) in "\n\r\t\f\v`")
    + "]"
)


def fold(text: str, lower: bool = True) -> str:
    """Fold ``text`` for matching, keeping its length (see the module docstring).

    Args:
        text: any string.
        lower: also lower-case (set ``False`` to compare case-sensitive forms).

    Returns:
        A string of the same length.
    """
    if lower:
        out = text.lower()
        if len(out) != len(text):
            out = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        table = _LOWER
    else:
        out = text
        table = _KEEP
    if "\n" in out:
        out = out.replace("\n", " ")
    if out.isascii():
        if "\t" in out or "\r" in out:
            out = out.replace("\t", " ").replace("\r", " ")
        return out.replace("`", "'") if "`" in out else out
    if "\u2019" in out:
        out = out.replace("\u2019", "'")
    return _MAPPED.sub(lambda m: table.get(ord(m.group()), m.group()), out)
