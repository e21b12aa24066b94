"""Strip site cruft from scraped article text, recording every line removed and why.

Four mechanisms work together:

1. **Built-in rules** (:data:`CRUFT_RULES`): cookie notices, newsletter prompts, follow-us and share
   lines, read-more and related links, comments-closed notices, photo credits, advertisement markers,
   copyright lines and publication-time lines. A rule removes a *whole short line* only (each rule has a
   word limit), so a long paragraph that happens to say "share" or "subscribe" never loses text. One exception:
   a heading of links scraped into the last line ("... said. Related News <headline> ...", or a bare "Related" or
   "Tags" before a comment box) cuts its tail.
2. **Structure** of a scraped page (text and HTML files): the headline is the short line near the top
   that shares most words with the body; what stands above it is masthead; short lines after the last
   paragraph that share no word with the body (an outlet tag, a slogan) are trailers. A body that
   opens with a dateline and its own headline (``Wed 05 Apr 2017 <headline>. ...``) loses that prefix.
3. **Character references** a feed left in its text (``Sudan&apos;s``, ``&#039;``, ``&mdash;``) are decoded
   (:func:`decode_char_refs`) in titles and texts before the rules run: only complete references, with their
   semicolon, so "AT&T" or "R&D" stay as written.
4. **Corpus-level templates** (:func:`find_template_lines`): short lines repeated across many
   documents of one source (banners, slogans, boilerplate), the way web archives strip templates.

Removed lines are returned as ``(line_no, line, rule)`` (line numbers are 1-based in the raw text).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

#: (rule name, pattern, max words): a line is removed when it has at most ``max words`` words and the
#: pattern matches it (case-insensitive).
CRUFT_RULES: list[tuple[str, str, int]] = [
    (
        "cookie notice",
        r"\bcookies?\b.*\b(use|uses|accept|consent|policy|settings|experience|agree)\b"
        r"|\b(accept|use|uses|consent to|allow)\b.*\bcookies?\b|\bopt[- ]out if you wish\b",
        60,
    ),
    (
        "newsletter prompt",
        r"\b(subscribe|subscribed|subscription|newsletters?|sign[- ]?up (for|to)|sign up\W*$|"
        r"stay (updated|informed|tuned|up to date)|get (the|our) (latest|daily|weekly)|latest news\W*$|"
        r"delivered (straight )?to your inbox|daily briefing)\b",
        14,
    ),
    ("follow us", r"^\W*(follow|join|find|like) us\b|\bfollow us on\b|^\W*follow @\w+", 16),
    (
        "share buttons",
        r"^\W*(share|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|"
        r"copy link|pin it)(\W+(this|article|story|post|on|via|share|tweet|email|print|whatsapp|facebook|"
        r"twitter|x|linkedin|telegram|reddit|copy|link))*\W*$|\bclick to share\b|^\W*share this\b",
        12,
    ),
    (
        "read more",
        r"^\W*(read more|read also|also read|continue reading|see also|more from|more on this|"
        r"related( articles?| stories| story| coverage| content| news| topics| links?)?|recommended( for you)?|"
        r"you (may|might) also (like|be interested)|most (read|popular|viewed)|trending( now)?|watch:|listen:)\b",
        25,
    ),
    (
        "comments closed",
        r"\bcomments? (are|is) (now )?closed\b|^\W*(leave a (comment|reply)|\d+\s+comments?|comments?|"
        r"post a comment|view comments|show comments|join the (conversation|discussion))\W*$|\bcomment below\b",
        12,
    ),
    (
        "photo credit",
        r"^\W*(photo|photograph|image|picture|file photo|photo credit|credit|pictured|caption)\s*[:|]"
        r"|\bgetty images\b|\bvia getty\b|/\s*(afp|reuters|ap|anadolu|epa|getty|sana|aa)\W*$"
        r"|^\W*\(?(photos?|images?)\s+(by|credit|courtesy)\b",
        30,
    ),
    (
        "advertisement",
        r"^\W*(advertisement|advert|ad|sponsored( content)?|promoted( content)?|"
        r"story continues below( this)?( advertisement)?|scroll to continue( with content)?|skip ad)\W*$",
        8,
    ),
    ("copyright", r"^\W*(©|\(c\)\s|copyright\b)|\ball rights reserved\b", 25),
    (
        "publication time",
        r"^\W*(published|updated|posted|last updated|first published)\s*(on|at)?\s*:?\s*"
        r"(\d|(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
        r"|^\W*reading time\b|^\W*\d+\s*min(ute)?s?\s+read\W*$",
        14,
    ),
]
_COMPILED = [(name, re.compile(p, re.I), n) for name, p, n in CRUFT_RULES]

_STOP = frozenset(
    "the a an and or but of in on at to for from by with as is are was were be been has have had it its "
    "this that these those he she they we you i his her their our not no will would can could said says "
    "after before over into about than then there here who what when where which while also more most "
    "new one two us".split()
)
_WORD = re.compile(r"[^\W_]+", re.U)
_DATELINE_PREFIX = re.compile(
    r"^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\s*[-:|,]?\s*",
    re.I,
)

Removed = tuple[int, str, str]  # (line number, 1-based; the line; the rule)

#: a block of links a page shows after the story, scraped into the story's last line ("... said. Source AFP Related
#: News <headline> <headline> ..."): written as a heading (capitals) it is not prose; the story may go on after a box of
#: links inside it, so a tail that reports speech (:data:`_REPORTED`) is kept
_LINKS_HEADING = re.compile(
    r"(?<=\S)\s+(?:Related (?:News|Articles?|Stories|Story|Coverage|Content|Topics|Links)|"
    r"RELATED (?:NEWS|ARTICLES?|STORIES)|More (?:Stories|From This Section)|MORE STORIES|You [Mm]ay [Aa]lso [Ll]ike|"
    r"Most (?:Read|Popular|Viewed)|MOST (?:READ|POPULAR)|Recommended (?:Stories|Articles|For You))\b"
)


def words(line: str) -> list[str]:
    """Lower-cased word tokens of a line."""
    return _WORD.findall(line.lower())


def content_words(text: str) -> set[str]:
    """Distinct lower-cased words of three or more letters that are not stop words."""
    return {w for w in words(text) if len(w) >= 3 and w not in _STOP}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def match_rule(line: str) -> str | None:
    """Name of the first built-in rule that removes this whole line, or ``None``."""
    stripped = line.strip()
    if not stripped:
        return None
    n = len(stripped.split())
    for name, rx, max_words in _COMPILED:
        if n <= max_words and rx.search(stripped):
            return name
    return None


@dataclass
class CleanResult:
    """Outcome of cleaning one document."""

    title: str
    text: str
    removed: list[Removed] = field(default_factory=list)
    title_found: bool = False


def _paragraphs(lines: list[tuple[int, str]]) -> str:
    """Join kept lines: consecutive lines form a paragraph, paragraphs are separated by one blank line."""
    paras: list[list[str]] = []
    prev = None
    for no, line in lines:
        if prev is not None and no == prev + 1 and paras:
            paras[-1].append(line)
        else:
            paras.append([line])
        prev = no
    return "\n\n".join("\n".join(p) for p in paras)


def _is_headline_shaped(line: str) -> bool:
    """Short, and not a sentence that ends with a full stop (headlines rarely do)."""
    n = len(line.split())
    return 2 <= n <= 20 and not line.rstrip().endswith(".")


def find_headline(lines: list[str]) -> int | None:
    """Index of the headline among the first lines of a scraped page, or ``None``.

    The headline is the short line near the top that shares most of its words with the text below it;
    a line needs at least two shared content words and half of its content words shared.
    """

    def stems(text: str) -> set[str]:
        return {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in content_words(text)}

    best, best_score = None, 0.0
    for i, line in enumerate(lines[:6]):
        if not _is_headline_shaped(line):
            continue
        cw = stems(line)
        if not cw:
            continue
        below: set[str] = set()
        for other in lines[i + 1 :]:
            below |= stems(other)
        shared = len(cw & below)
        ratio = shared / len(cw)
        if shared >= 2 and ratio >= 0.5 and ratio > best_score:
            best, best_score = i, ratio
    return best


def _first_line_title(raw: str) -> bool:
    """True when the text opens with a headline-shaped line followed by a blank line."""
    m = re.match(r"\A\s*([^\n]+)\n[ \t]*\n", raw)
    return bool(m) and _is_headline_shaped(m.group(1))


def _drop_rule_lines(kept: list[tuple[int, str]], removed: list[Removed]) -> list[tuple[int, str]]:
    """The lines no built-in rule matches; the others go to ``removed`` with their rule."""
    out = []
    for no, ln in kept:
        rule = match_rule(ln)
        if rule:
            removed.append((no, ln.strip(), rule))
        else:
            out.append((no, ln))
    return out


_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b")
#: a page's comment box scraped after the story: the tail it ends is furniture
_WIDGET = re.compile(r"Community standards|Comment via|Add a comment|Leave a comment|Join the discussion", re.I)
#: a bare heading of links or tags, read only before a comment box (alone it may be a word of the story)
_WEAK_HEADING = re.compile(r"(?<=\S)\s+(?:Related|Tags|Topics?|Keywords)\s+(?=[A-Z])")


def _drop_links_tail(kept: list[tuple[int, str]], removed: list[Removed]) -> list[tuple[int, str]]:
    """The last line cut before a heading of links scraped into it (:data:`_LINKS_HEADING`), or before the first bare
    heading (:data:`_WEAK_HEADING`) of a tail that a comment box ends (:data:`_WIDGET`); the tail goes to ``removed``
    as ``related links``. A tail that reports speech is the story going on and is kept."""
    if not kept:
        return kept
    no, ln = kept[-1]
    m = _LINKS_HEADING.search(ln)
    widget = _WIDGET.search(ln) if m is None else None
    if widget:  # "... Related <headlines> Tags <tags> Community standards Comment via": from the first heading of links
        heads = (h for h in _WEAK_HEADING.finditer(ln, 0, widget.start()) if len(_REPORTED.findall(ln, h.start())) <= 1)
        m = next((h for h in heads if h.start() >= 80), widget)
    if not m or m.start() < 80 or len(_REPORTED.findall(ln, m.start())) > 1:
        return kept  # a short line that opens with such a heading is the line rule's ("read more")
    removed.append((no, ln[m.start() :].strip(), "related links"))
    return kept[:-1] + [(no, ln[: m.start()])]


def _drop_headline(
    kept: list[tuple[int, str]], title: str, raw: str, removed: list[Removed]
) -> tuple[list[tuple[int, str]], str, bool]:
    """The lines after the headline (the given ``title`` among the first six lines, else the one found),
    the title, and whether a headline line was found; it and the masthead before it go to ``removed``."""
    idx = None
    if title:
        nt = _norm(title)
        idx = next((i for i, (_, ln) in enumerate(kept[:6]) if _norm(ln) == nt), None)
    else:
        idx = find_headline([ln for _, ln in kept])
        if idx is None and len(kept) > 1 and _first_line_title(raw):
            idx = 0
        if idx is not None:
            title = kept[idx][1].strip()
    if idx is None:
        return kept, title, False
    removed.extend((no, ln.strip(), "masthead") for no, ln in kept[:idx])
    removed.append((kept[idx][0], kept[idx][1].strip(), "headline"))
    return kept[idx + 1 :], title, True


def _drop_trailers(kept: list[tuple[int, str]], removed: list[Removed]) -> list[tuple[int, str]]:
    """Trailers: short lines after the last paragraph that share nothing with the body."""
    while len(kept) > 1:
        no, ln = kept[-1]
        body: Counter = Counter()
        for _, other in kept[:-1]:
            body.update(content_words(other))
        ends_sentence = ln.rstrip().endswith((".", "!", "?", '"', "\u201d", "'"))
        if len(ln.split()) > 6 or ends_sentence or any(w in body for w in content_words(ln)):
            break
        removed.append((no, ln.strip(), "trailer"))
        kept = kept[:-1]
    return kept


def clean_document(raw: str, title: str | None = None, scraped: bool = True, rules: bool = True) -> CleanResult:
    """Clean one article.

    Args:
        raw: the article text as read (lines separated by ``\\n``).
        title: the headline when metadata gives one; otherwise it is found in the text (``scraped``).
        scraped: apply page-structure rules (headline, masthead, trailers) as for scraped pages.
        rules: apply the built-in line rules (:data:`CRUFT_RULES`).

    Returns:
        A :class:`CleanResult` with the title, the clean text (paragraphs joined by one blank line)
        and the removed lines.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = [(i + 1, ln.rstrip()) for i, ln in enumerate(raw.split("\n"))]
    kept = [(no, ln) for no, ln in lines if ln.strip()]
    removed: list[Removed] = []
    found_title = False
    title = (title or "").strip()

    if rules:
        kept = _drop_links_tail(_drop_rule_lines(kept, removed), removed)
    if scraped and kept:
        kept, title, found_title = _drop_headline(kept, title, raw, removed)
        kept = _drop_trailers(kept, removed)

    text = _paragraphs(kept)
    if rules and title:
        text, prefix = strip_title_prefix(text, title)
        if prefix:
            removed.append((kept[0][0] if kept else 1, prefix, "repeated headline"))
    removed.sort()
    return CleanResult(title=title, text=text, removed=removed, title_found=found_title)


def strip_title_prefix(text: str, title: str) -> tuple[str, str]:
    """Remove an opening ``[dateline] <headline>[.]`` that repeats the headline inside the body.

    Returns:
        The text without the prefix, and the prefix removed (empty when there was none).
    """
    if not text or not title:
        return text, ""
    start = 0
    m = _DATELINE_PREFIX.match(text)
    if m:
        start = m.end()
    t = title.strip()
    if len(t) < 12 or text[start : start + len(t)].casefold() != t.casefold():
        return text, ""
    end = start + len(t)
    while end < len(text) and text[end] in ".:;-\u2013\u2014 ":
        end += 1
    if end >= len(text):
        return text, ""
    return text[end:], text[:end].strip()


def find_template_lines(
    docs: Iterable[tuple[str, str]], min_docs: int = 3, min_share: float = 0.1, max_words: int = 15
) -> dict[str, set[str]]:
    """Short lines that repeat across many documents of one source.

    Args:
        docs: ``(source, text)`` pairs.
        min_docs: a line must appear in at least this many documents of the source.
        min_share: ... and in at least this share of them.
        max_words: only lines this short are considered.

    Returns:
        ``{source: {normalised line, ...}}``.
    """
    per_source: dict[str, Counter] = defaultdict(Counter)
    n_docs: Counter = Counter()
    for source, text in docs:
        n_docs[source] += 1
        seen = set()
        for ln in text.split("\n"):
            s = ln.strip()
            if s and len(s.split()) <= max_words:
                key = _norm(s)
                if key and key not in seen:
                    seen.add(key)
                    per_source[source][key] += 1
    out: dict[str, set[str]] = {}
    for source, counts in per_source.items():
        need = max(min_docs, min_share * n_docs[source])
        lines = {k for k, c in counts.items() if c >= need}
        if lines:
            out[source] = lines
    return out


#: Rule name recorded when template lines were found but kept because they are all the article has.
KEPT_WHOLE = "kept: repeated lines are the whole article"


@functools.lru_cache(maxsize=64)
def _more_words_than(n: int) -> re.Pattern:
    """A pattern that matches a folded string with more than ``n`` words (it stops reading there)."""
    return re.compile(r"[\W_]*(?:[^\W_]+[\W_]+){" + str(n) + r"}[^\W_]")


def _template_keys(lines: list[str], templates: set[str]) -> list[str | None]:
    """The normalised form of each line that could be a template line (``None`` for the others), each line
    normalised once: a line with more words than the longest template line is never one, and its words are
    not joined (a paragraph is counted up to that many words, not split)."""
    longest = _more_words_than(max(t.count(" ") + 1 for t in templates))
    out: list[str | None] = []
    for ln in lines:
        if not ln.strip():
            out.append(None)
            continue
        folded = unicodedata.normalize("NFKC", ln).casefold()  # as _norm folds it, so the count is exact
        out.append(None if longest.match(folded) else " ".join(_WORD.findall(folded)))
    return out


def remove_template_lines(text: str, templates: set[str]) -> tuple[str, list[tuple[int, str]]]:
    """Drop lines of ``text`` whose normalised form is in ``templates``, unless that would empty it.

    Returns:
        The text (paragraphs re-joined by one blank line) and the removed ``(line_no, line)``. When every
        line is a template line the text is kept whole and the list holds one ``(0, KEPT_WHOLE)`` entry,
        so the caller can record why.
    """
    if not templates or not text:
        return text, []
    lines = text.split("\n")
    keys = _template_keys(lines, templates)
    hit = [k is not None and k in templates for k in keys]
    if not any(hit):
        return text, []
    removed = [(i + 1, ln.strip()) for i, (ln, h) in enumerate(zip(lines, hit)) if h]
    kept = [(i + 1, ln) for i, (ln, h) in enumerate(zip(lines, hit)) if not h and ln.strip()]
    if not kept:  # "HTS in Idlib" as the whole body of three articles is news, not a template
        return text, [(0, KEPT_WHOLE)]
    return _paragraphs(kept), removed


#: a complete HTML character reference: named, decimal or hexadecimal, with its closing semicolon
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_char_refs(text: str) -> str:
    """``Sudan&apos;s military`` -> ``Sudan's military``: decode the HTML character references a feed left in its
    text (a reference :mod:`html` does not know stays as written)."""
    return _CHAR_REF.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text else text


def clean_text(text: str) -> str:
    """Apply the built-in line rules to one text and return it (no structure rules, no record)."""
    return clean_document(text, title=None, scraped=False).text
