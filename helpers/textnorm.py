"""Length-preserving text folding, so that offsets found in folded text are offsets in the original.

``fold`` lower-cases, maps every apostrophe and quote-like mark to ``'``, every dash to ``-``, every
white space (line breaks included) to a space, and Latin letters with diacritics to their base letter
(``Erdoğan`` -> ``erdogan``, ``Türkiye`` -> ``turkiye``, ``İ`` -> ``i``), and the Arabic letters news writes
several ways to one form (``أ إ آ`` -> ``ا``, ``ى`` -> ``ي``, ``ة`` -> ``ه``; Arabic-Indic digits to ``0-9``), one
character for one character, so ``len(fold(s)) == len(s)`` always (``str.lower`` alone would turn ``İ`` into
two). Fullwidth forms (``ＳＤＦ``) fold to ASCII, and a Cyrillic or Greek letter that looks Latin, inside a word
that also has Latin letters (``ЅDF`` with a Cyrillic S), folds to the Latin letter. Characters that cannot keep
the length are dropped by :func:`helpers.arabic.strip_marks`, with an offset map: Arabic short vowels and the
tatweel, and the :data:`INVISIBLE` characters (zero-width spaces and joiners, soft hyphens, direction marks,
combining accents).
"""

from __future__ import annotations

import re
import unicodedata

_APOS = "\u2019\u2018\u02bc\u02bb`\u00b4\u2032\u201b\uff07"
_DASH = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_SPACE = "\n\r\t\f\v\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2028\u2029"
#: Characters a reader does not see inside a word: soft hyphen, zero-width space, joiners, direction marks and
#: embeddings, word joiner, byte-order mark, and the combining accents of Latin letters (U+0300-U+036F).
INVISIBLE: frozenset[str] = frozenset(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
) | frozenset(chr(c) for c in range(0x0300, 0x0370))
# Cyrillic and Greek capitals and small letters drawn like Latin ones (folded only inside a mixed-script word)
_LOOKALIKE = dict(
    zip(
        "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0405\u0406\u0408"
        "\u0430\u0435\u043e\u0440\u0441\u0445\u0455\u0456\u0458\u0443"
        "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf",
        "ABEKMHOPCTXSIJaeopcxsijyABEZHIKMNOPTYXo",
        strict=True,
    )
)
_MIXED_WORD = re.compile(r"\w*[a-zA-Z]\w*[\u0370-\u04ff]\w*|\w*[\u0370-\u04ff]\w*[a-zA-Z]\w*")
_CYRILLIC_GREEK = re.compile(r"[\u0370-\u04ff]")


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
    keep_case: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # fullwidth forms
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
    for cp in [*range(0x80, 0x250), *range(0xFF21, 0xFF3B)]:
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
    out = _MAPPED.sub(lambda m: table.get(ord(m.group()), m.group()), out)
    if _CYRILLIC_GREEK.search(out):
        out = _MIXED_WORD.sub(lambda m: "".join(_LOOKALIKE.get(c, c) for c in m.group()), out)
    return out
