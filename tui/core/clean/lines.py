"""Per-line evidence for the plain-text cleaner: size, sentence shape, function words, furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Scripts written without spaces between words: count characters instead of tokens.
_DENSE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e80-\u0eff\u1000-\u109f]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_END = re.compile(r"[.!?;:。！？؟।…]['\"”’»)\]]*$")
_BULLET = re.compile(r"^(?:[*•·▪■►▸>+o-]|\d{1,3}[.)]?)\s")
_CONTROLS = re.compile(r"^[\W\d_]*$")

# Furniture found on news pages everywhere, by kind. Each pattern is matched against a whole
# (short) line or against the start/end of a line; they describe page furniture in general,
# not any one site.
FURNITURE: dict[str, re.Pattern[str]] = {k: re.compile(v, re.I) for k, v in {
    "share": r"^(?:share|tweet|e-?mail|print|pin|save|copy link|whatsapp|facebook|twitter|"
             r"linkedin|reddit|messenger|telegram|flipboard|pocket|comments?|\d+\s+comments?)"
             r"(?:\s+(?:this|on|via|article|story|link|it))*\W*$|sharing button|^follow us\b|"
             r"^share (?:this|on|via)\b|^(?:click|tap) to share",
    "ticker": r"^(?:breaking(?: news)?|latest(?: news)?|just in|live|trending(?: now)?|"
              r"top stories|most (?:read|popular|viewed|shared)|editor'?s picks?|"
              r"popular now|in the news)\W*$",
    "related": r"^(?:related(?: \w+)?|read (?:more|also|next)|see also|also read|more from|"
               r"more on this|more stories|you (?:may|might) (?:also )?like|recommended(?: for you)?|"
               r"further reading|more news|related coverage|related topics|related articles|"
               r"what to read next|don'?t miss|must read|also see|next article|previous article)"
               r"\b.{0,40}$",
    "caption": r"\((?:[^()]*\b(?:photo|photos|image|images|picture|credit|file|pool|"
               r"afp|ap|reuters|getty|epa|xinhua|kyodo|yonhap|ians|pti|ani)\b[^()]*)\)\W*$|"
               r"^(?:photo|image|picture|credit|source|illustration|video|graphic)s?\s*:|"
               r"\bgetty images\b|/\s*(?:getty|afp|ap|reuters|epa|shutterstock)\b|"
               r"\b(?:photo|image|picture)s? (?:by|credit|courtesy)\b|\(file photo\)",
    "appeal": r"\bsupport (?:our|independent|quality|objective|unbiased) journalism\b|"
              r"\b(?:make|your) (?:a )?contribution\b|\bdonate\b|\bbecome a (?:member|"
              r"supporter|subscriber)\b|\bsubscribe (?:now|today|to)\b|\bsign up\b|"
              r"\bnewsletters?\b|\bfree trial\b|\bpaywall\b|\bwe cannot do without you\b",
    "disclaimer": r"\bnot been edited by\b|\bauto-generated from\b|\bsyndicated feed\b|"
                  r"\baffiliate (?:links?|partnerships?|commission)\b|\bearn (?:a )?commission\b|"
                  r"\bviews expressed\b|\bdo(?:es)? not necessarily reflect\b|"
                  r"\b(?:use|uses) cookies\b|\bcookie policy\b|\bprivacy policy\b|"
                  r"\bterms (?:of|and) (?:use|service|conditions)\b|\bpublished from a wire\b",
    "contact": r"^(?:e-?mail|phone|tel|telephone|fax|contact(?: us)?|address|call us)\s*[:.]|"
               r"^[\w.+-]+@[\w-]+\.[\w.]+$|^\+?\d[\d\s().-]{7,}$",
    "copyright": r"^(?:©|\(c\)|copyright\b)|©\s*\d{4}|\ball rights reserved\b",
    "comments": r"^\W*(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)\b.{0,30}$|"
                r"^(?:leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|"
                r"conversation)|show comments|view comments|top rated comments|reader comments|"
                r"(?:\d+\.\s*)?\S+(?: \S+)? (?:says|said|wrote):)\W*$|"
                r"^.{0,80}\b(?:says|said|wrote|replied):$|"
                r"^\W*\d+\s+(?:comments?|responses?|replies) (?:to|on)\b|"
                r"^(?:\d+|an?) (?:minutes?|hours?|days?|weeks?|months?|years?) ago\b.{0,20}$|"
                r"^(?:reply|report|like|upvote|flag)(?:\s*\W\s*\w+){0,3}$",
    "ad": r"^(?:advertisement|advertising|sponsored(?: content)?|ad|ads|promoted|"
          r"story continues below(?: advertisement)?|continue reading(?: below)?|"
          r"scroll to continue|skip (?:to|ad)\b.*|loading\W*|close|menu|search|"
          r"left menu|right menu|toggle navigation|back to top|home)\W*$",
}.items()}

# Bylines, datelines and their bits: header evidence, never body.
BYLINE = re.compile(r"^(?:by|from|von|par|por|di|door|av)(?=[\s:]|[A-Z]{2})\s*:?\s*[A-Z\u00c0-\u024f]",
                    re.U)


@dataclass(slots=True)
class Line:
    """One non-blank line and what it looks like."""

    text: str
    words: int
    ends: bool  # ends like a sentence
    stop: float  # share of tokens that are function words of the page's language
    caps: float  # share of tokens that start with a capital
    bullet: bool
    pipes: int
    furniture: str | None


def measure(text: str, stops: frozenset[str]) -> Line:
    """Measure one stripped, non-blank line."""
    tokens = _TOKEN.findall(text)
    dense = len(_DENSE.findall(text))
    words = len(text.split()) + dense // 2
    n = max(len(tokens), 1)
    stop = sum(1 for t in tokens if t.lower() in stops) / n
    caps = sum(1 for t in tokens if t[:1].isupper()) / n
    if dense > len(tokens):  # no spaces to count words or stop words: judge by punctuation
        stop = 0.3 if re.search(r"[、，,。]", text) else 0.1
    return Line(text, words, bool(_END.search(text)), stop, caps,
                bool(_BULLET.match(text)), text.count(" | ") + text.count(" · "),
                furniture_kind(text, words))


def furniture_kind(text: str, words: int) -> str | None:
    """The kind of page furniture this line is, or None. Long prose lines are only caught by
    kinds that are unmistakable inside a sentence (captions, disclaimers, copyright)."""
    if _CONTROLS.match(text):
        return "counter"
    for kind, pat in FURNITURE.items():
        if words > 40 and kind not in ("disclaimer", "copyright"):
            continue
        if words > 25 and kind in ("appeal", "share", "related", "contact"):
            continue
        if pat.search(text):
            return kind
    return None
