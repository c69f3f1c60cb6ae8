"""Per-line evidence for the plain-text cleaner: size, sentence shape, function words, furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from tui.core.clean.dates import find_dates

# Scripts written without spaces between words (compiled for a page in one: 2 ms to compile).
_DENSE_CLASS = (r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e80-\u0eff"
                r"\u1000-\u109f]")
_BULLET = re.compile(r"^(?:[*•·▪■►▸>+o-]|\d{1,3}[.)]?)\s")
_PUNCT, _CLOSERS = "\"'“”‘’«»()[]{}.,;:!?¿¡-–—…*•|/@#", "\"'”’»)] "
_ENDERS = set(".!?;:。！？؟।…")
_BULLET_CHARS = "*•·▪■►▸>+o-"
_ELLIPSES = ("...", "…", "[…]", "[...]", "..]", "…]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# What a date line may hold besides the date: weekday, time, zone, "published", "updated".
_DATE_WORDS = re.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:jan|feb|mar|apr|"
                         r"may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\d+[:.]?\d*|[ap]\.?m\.?|"
                         r"\b(?:published|updated|posted|created|on|at|by)\b|(?-i:\b[A-Z]{2,4}\b)|"
                         r"[^\w\s]")
# A Title Case headline run straight into its summary ("Tape Gaffe Ends Title RunDenny Hamlin"):
# a teaser card copied as text.
_GLUED = re.compile(r"(?:[A-Z0-9][\w'’:,&-]*\s+){3,}[\w'’,-]*[a-z0-9?!.)”’][A-Z][a-z]")
# ...also where the headline has its own punctuation ("Say Cheese? Detroit's Top 3 Cheese
# ShopsWondering where..."): the glue, a word of 4+ letters run into a capitalised one...
_GLUE_AT = re.compile(r"[a-z]{4}[A-Z][a-z]")
GLUED_HEAD = 160  # ...within a headline's length of the line's start
GLUED_WORDS = 80  # (a card's headline and summary; longer lines are paragraphs)


def _glued_headline(ln: str) -> bool:
    """A Title Case headline of three words or more runs into a sentence at a glue point."""
    m = _GLUE_AT.search(ln, 0, GLUED_HEAD)
    if m is None:
        return False
    if sum(1 for w in ln.split(None, 4)[:4] if w[:1].isupper()) < 3:
        return False  # a sentence, not a headline
    head = ln[:m.start() + 4].split()
    caps = sum(1 for w in head if not w[:1].islower())
    return caps >= 3 and all(not w[:1].islower() or len(w) <= 3 for w in head)


_TITLE_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # what _GLUED's words open with


def _glued(ln: str, n: int) -> bool:
    """``_GLUED`` matches, or ``_glued_headline`` holds (``n``: the line's words). Both need
    three capitals among the first words (tested first; prose has its 2nd and 3rd in lower)."""
    words = ln.split(None, 4)
    if len(words) > 2 and words[1][:1].islower() and words[2][:1].islower():
        return False
    heads = [w[:1] for w in words[:4]]  # (the first letters, in C below)
    if _TITLE_START.issuperset(heads[:3]) and _GLUED.match(ln) is not None:
        return True
    return n <= GLUED_WORDS and sum(map(str.isupper, heads)) >= 3 and _glued_headline(ln)


_STAMP = re.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\d[:.]\d\d|published|updated|"
                    r"posted")
_LETTER, _CJK_COMMA = re.compile(r"[^\W\d_]"), re.compile(r"[、，,。]")

# Furniture found on news pages everywhere, by kind; general page furniture, not any one site.
# LINE patterns describe a whole line (or its start); INNER patterns may sit anywhere in a line
# and only run on lines that hold one of their trigger words (that keeps the cleaner fast).
_LINE = {
    "share": r"^(?:share|tweet|e-?mail|print|pin|save|copy link|whatsapp|facebook|twitter|"
             r"reply|report|like|upvote|flag|"
             r"linkedin|reddit|messenger|telegram|flipboard|pocket|comments?|\d+\s+comments?)"
             r"(?:\s+(?:this|on|via|article|story|link|it))*\W*$|^follow us\b|"
             r"^share (?:this|on|via)\b|^(?:click|tap) to share",
    "ticker": r"^(?:breaking(?: news)?|latest(?: news)?|just in|live|trending(?: now| news)?|"
              r"top stories|most (?:read|popular|viewed|shared)(?: (?:in|on|from) [\w ]{1,30})?|"
              r"editor'?s picks?|"
              r"popular now|in the news)\W*$",
    "related": r"^(?:related(?: \w+)?|read (?:more|also|next)|see also|also read|more from|"
               r"more on this|more (?:[\w'’]+ ){0,3}(?:stories|articles)|more(?=:$)|"
               r"you (?:may|might) (?:also )?like|"
               r"recommended(?: for you)?|"
               r"further reading|more news|related coverage|related topics|related articles|"
               r"what to read next|don'?t miss|must read|also see|next article|previous article|"
               r"à lire aussi|lire aussi|sur le même sujet|lesen sie auch|mehr zum thema|"
               r"leer también|lea también|leia também|leggi anche|читайте также|по теме|"
               r"اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|"
               r"相关阅读|相关新闻|相关文章|関連記事|関連ニュース|"
               r"관련기사|관련 기사)"
               r"\b(?!.*[^.][.!?]$).{0,40}$",  # (a heading may trail off: "You may also like...")
    # "Related: <a headline>": a link to another story set as a line (not a section heading)
    "teaser": r"^(?:related(?: \w+)?|see also|recommended)\s*:\s*\S(?!.*[.!]$).{0,120}$",
    "caption": r"^(?:photo|image|picture|credit|source|illustration|video|graphic)s?\s*:",
    "contact": r"^(?:e-?mail|phone|tel|telephone|fax|contact(?: us)?|address|call us)\s*[:.]|"
               r"^[\w.+-]+@[\w-]+\.[\w.]+$|^\+?\d[\d\s().-]{7,}$",
    "copyright": r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))",
    "comments": r"^\W*\d+\s+(?:comments?|responses?|replies|reactions?)\b(?!.*[.!?]$).{0,30}$|"
                r"^\W*(?:comments?|reader comments)\W*(?:\(\d+\)|\d+)?\W*$|"
                r"^(?:leave a (?:reply|comment)|post a comment|add a comment|"
                r"join the (?:discussion|conversation)|show comments|view comments|"
                r"top rated comments|reader comments|"
                r"lascia un commento|commenti|laisser un commentaire|commentaires|kommentare|"
                r"kommentar schreiben|comentarios|deja un comentario|deixe um comentário|"
                r"comentários|комментарии|reacties|komentarze)\W*$|"
                r"^\W*\d+\s+(?:comments?|responses?|replies) (?:to|on)\b|"
                r"^(?:\d+ thoughts|one (?:comment|response|reply|thought)) (?:to|on) [“\"«]|"
                r"^(?:reply|report|like|upvote|flag)\W*(?:reply|report|like|share|flag)\W*$",
    "about": r"^(?:about|über|sobre|à propos de|a propos de|acerca de|informazioni su|"
             r"sull'autore|об авторе|o autorze)\s+(?![\d(])[^.!?]{1,50}$|"
             r"^(?:the author|author|written by|zum autor|l'auteur|el autor|o autor)\W*$",
    "byline": r"^(?:by|von|par|por|di|door|av)\s+[\w'.-]+(?:\s+[\w'.-]+){0,3}\s*"
              r"(?:$|[|,/•·]|\s(?:and|&|und|et|y|e)\s)",
    "stamp": r"^(?:\d+|an?) (?:minutes?|hours?|days?|weeks?|months?|years?) ago\b.{0,20}$",
    "ad": r"^(?:advertisement|advertising|advert|sponsored(?: content)?|ad|ads|promoted|"
          r"video|subscribe(?: now)?|subscribe\W+(?:sign|log) ?in|"
          r"to read the full (?:story|article)|"
          r"story continues below(?: the)?(?: advertisement| gallery| video| ad)?|"
          r"continue reading(?: below)?|"
          r"scroll to continue|skip (?:to|ad)\b.*|loading\W*|close|menu|search|"
          r"left menu|right menu|toggle navigation|back to top|home)\W*$",
}
_AGENCY_WORDS = (r"(?-i:AFP|AP|EPA|IANS|PTI|ANI|ANSA|dpa|DPA)|reuters|getty|xinhua|kyodo|yonhap|"
                 r"shutterstock")
_PICTURE = "photo photos photograph image images picture pictures illustration rendering footage" \
    " screenshot graphic micrograph map file"
_AGENCIES = "afp ap reuters getty epa xinhua kyodo yonhap ians pti ani shutterstock ansa dpa"
# Needles of the patterns naming an agency: its name in lower case, or as written where the
# pattern keeps case (AFP, not "afp" as in "safpet"... "ap" is in every other line).
_AGENCY_LOW = ("reuters", "getty", "xinhua", "kyodo", "yonhap", "shutterstock")
_AGENCY_CASED = ("AFP", "AP", "EPA", "IANS", "PTI", "ANI", "ANSA", "dpa", "DPA")
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"
# (kind, pattern, trigger words, trigger characters[, required line ending[, needles[, cased
# needles]]]): a pattern only runs on a line holding one of its trigger words (lower case,
# punctuation stripped) or characters, and ending as required.
_INNER: list[tuple] = [
    ("share", r"sharing button|\bshare (?:on|to|via|with) (?:facebook|twitter|linkedin|e-?mail|"
              r"whatsapp|pinterest|reddit|messenger)\b", "share sharing", ""),
    ("caption", r"\((?:[^()]*\b(?:photo|photos|image|images|picture|credit|file|pool|"
                + _AGENCY_WORDS + r")\b[^()]*)\)\W*$", "", ")", "",
     ("photo", "image", "picture", "credit", "file", "pool", *_AGENCY_LOW), _AGENCY_CASED),
    ("caption", r"\b(?:getty images\b|(?:" + _AGENCY_WORDS + r")\s*/\s*[A-Z][a-z])|"
                r"/\s*(?:" + _AGENCY_WORDS + r")\b|"
                r"^[\w.' -]{3,40}(?:,|/)\s*(?:" + _AGENCY_WORDS + r"|getty images)\W*$|"
                r"©\s*(?:" + _AGENCY_WORDS + r")\b|^©(?!\s*(?:\d{4}|copyright))", _AGENCIES, "©/",
     "", _AGENCY_LOW, _AGENCY_CASED),
    ("caption", r"\b(?:(?:photo|image|picture)s? (?:by|credit|courtesy)\b|file (?:photo|image)\b|"
                r"(?:this|the|an?) (?:undated |handout |satellite |aerial |file )?(?:image|photo|"
                r"photograph|picture)s?\b.{0,100}\b(?:shows?|provided|released|taken|"
                r"made available)\b|"
                r"took (?:this|the) (?:image|photo|photograph|picture)\b|video footage shows\b)",
     _PICTURE, "", "", ("s by", "o by", "e by", " credit", " courtesy", "file ", "took ", "show",
                        "provided", "released", "taken", "made available")),
    ("caption", r"^(?:this|an?|in (?:this|an?)) (?:[\w.'’-]+ ){0,3}(?:image|photo|photograph|"
                r"picture|illustration|rendering|footage|screenshot|graphic|micrograph|map)s? "
                r"(?:[\w-]+ ){0,4}?(?:shows?|depicts?|showing)\b|"
                r"^\W*(?:file photo|photo|image)\b", _PICTURE, ""),
    ("caption", r"\bcredits?\s*(?::|\.\.\.|…)", "credit credits", ""),
    ("caption", r"(?<=.{10}, )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? "
                r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}"
                r"(?:\.?\W*$|\.\s*\()", _WEEKDAYS, ""),
    ("appeal", r"\bsupport (?:our|independent|quality|objective|unbiased) journalism\b|"
               r"\b(?:make|your) (?:a )?contribution\b|\bdonate (?:now|today|here|to us)\b|"
               r"\bbecome a (?:member|supporter|subscriber)\b|"
               r"\bsubscribe (?:now|today|to (?:our|the))\b|"
               r"\bsign up (?:now|today|here|for (?:our|free|the))\b|"
               r"\b(?:our|free|daily|weekly|e-?mail) newsletters?\b|\bfree trial\b|\bpaywall\b|"
               r"\bunsubscribe (?:at any time|anytime)\b|"
               r"\bwe cannot do without you\b",
     "support contribution donate become subscribe sign newsletter newsletters trial paywall"
     " unsubscribe"
     " cannot", "", "", ("journalism", "contribution", "donate ", "become a ", "subscribe ",
                        "sign up ", " newsletter", "free trial", "paywall", "cannot do without")),
    # the outlet promoting its own channels inside the text (no wall: articles go on after it)
    ("ad", r"^(?:click|tap) here\b[^.!?]*\W*$|\bby clicking here\W*$|\bclick to subscribe\b|"
           r"\benable javascript\b|"
           r"\bfollow (?:us|me) on (?:twitter|facebook|instagram|linkedin|youtube)\b|"
           r"\bshare it with (?:a|your) friends?\b|"
           r"\bjoin our [\w ]{1,30}?(?:forums?|newsletter|community|mailing list)\b|"
           r"(?:^|[.!?] )subscribe to [\w. ]{1,30}?(?:newsletters?\b|on youtube\b)|"
           r"^subscribe to [\w.&'’ ]{1,30}? and\b",
     "click clicking tap javascript follow share join subscribe", "", "",
     ("click here", "tap here", "clicking here", "click to subscribe", "enable javascript",
      "follow us on", "follow me on", "share it with", "join our ", "subscribe to ")),
    # ...a newsletter's sign-up box and its messages, offers to subscribe
    ("ad", r"\bthanks? (?:you )?for (?:signing up|subscribing)\b|\bkeep an eye on your inbox\b|"
           r"\berror processing your subscription\b|\bopt-in box\b|\bsee all newsletters\b|"
           r"^if you (?:enjoyed|liked|value|appreciate) (?:this|our|reading)\b|"
           r"^get (?:[\w'’-]+ ){1,6}delivered (?:right |straight |directly )?(?:to|through|into) "
           r"your?\b",
     "thanks thank inbox subscription opt-in newsletters enjoyed liked value appreciate delivered",
     "", "", ("for signing up", "for subscribing", "your inbox", "your subscription", "opt-in box",
              "all newsletters", "if you ", " delivered ")),
    # a note on the author ("Meg James is a media reporter for the Times"): not the article
    ("byline", r"^(?-i:[A-Z][\w.'’-]+ ){2,3}(?:\(@\w+\) )?(?:is|was) (?:a|an|the) "
               r"(?:[\w,'’&-]+ ){0,8}?"
               r"(?:reporter|writer|editor|correspondent|contributor|columnist|journalist|"
               r"author|producer)s?\b",
     "reporter writer editor correspondent contributor columnist journalist author producer",
     "", "", (" is a", " is the", " was a", " was the")),
    ("disclaimer", r"\bnot been edited by\b|\bauto-generated from\b|\bsyndicated feed\b|"
                   r"\baffiliate (?:links?|partnerships?|commission)\b|\bearn (?:a )?commission\b|"
                   r"\bviews expressed\b|\bdo(?:es)? not necessarily reflect\b|"
                   r"\b(?:use|uses) cookies\b|\bcookie policy\b|\bprivacy policy\b|"
                   r"\bcookies?\b.{0,120}\b(?:site|sito|sitio|web|navega|brows|experien|esperienz)|"
                   r"\bterms (?:of|and) (?:use|service|conditions)\b|\bpublished from a wire\b",
     "edited generated auto-generated syndicated affiliate commission views reflect cookie"
     " cookies privacy terms wire", "", "", ("edited by", "generated from", "syndicated feed",
                                             "affiliate ", "commission", "views expressed",
                                             "necessarily reflect", "cookie", "privacy policy",
                                             "terms ", "published from a wire")),
    ("copyright", r"©\s*\d{4}|\ball rights reserved\b|(?:todos los derechos reservados|"
                  r"tutti i diritti riservati|tous droits réservés|alle rechte vorbehalten|"
                  r"todos os direitos reservados|все права защищены)\W*$",
     "rights derechos diritti droits rechte direitos права", "©"),
    ("comments", r"^.{0,80}\b(?:says|said|wrote|replied):$", "says said wrote replied", "", ":"),
]
# (kind, pattern, required line ending, needles, cased needles): which patterns each trigger
# word or character wakes. Needles: phrases one of which a line must hold (in lower case; cased
# needles: as written) for the pattern to match it at all. Patterns ignore case; on an ASCII
# line, or for a pattern written in ASCII (_PLAIN) on a line free of _FOLDS, that is lower-casing:
# the test is exact there and spares the search of long prose that holds a trigger word.
INNER: list[tuple[str, re.Pattern[str], str, tuple[str, ...], tuple[str, ...]]] = [
    (k, re.compile(p, re.I), e[0] if e else "", e[1] if len(e) > 1 else (),
     e[2] if len(e) > 2 else ())
    for k, p, _, _, *e in _INNER]
_BY_WORD: dict[str, list[int]] = {}
_CHARS: dict[str, list[int]] = {}
for _k, (_, _, _words, _chars, *_end) in enumerate(_INNER):
    for _w in _words.split():
        _BY_WORD.setdefault(_w, []).append(_k)
    for _c in _chars:
        _CHARS.setdefault(_c, []).append(_k)
_BY_CHAR = tuple(_CHARS.items())
# Words carry punctuation ("said:", "(photo", "the,"): rather than strip every token, word lists
# hold their words with punctuation commonly attached too (strip()'s words but rare combinations)
_BEFORE = ("", "(", '"', "“", "‘", "'", "«", "[")
_AFTER = ("", ".", ",", ":", ";", "!", "?", ")", '"', "”", "’", "'", "»", "]", "…", "...",
          '."', ',"', ".”", ",”", "”.", "”,", "”:", '":', ").", "),", ".)", "?”", '?"')


def with_punctuation(words: frozenset[str]) -> frozenset[str]:
    """``words`` and each of them with punctuation commonly attached."""
    found = _WITH_PUNCT.get(words)
    if found is None:
        found = frozenset(map("".join, product(_BEFORE, words, _AFTER)))  # (b + w + a)
        if len(_WITH_PUNCT) > 64:
            _WITH_PUNCT.clear()
        _WITH_PUNCT[words] = found
    return found


_WITH_PUNCT: dict[frozenset[str], frozenset[str]] = {}
_FOLDS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: re's documentation lists them (lower: İ K)
_PLAIN = frozenset(k for k, (_, pat, *_) in enumerate(INNER)  # (ASCII but in its classes)
                   if re.sub(r"\[(?:\\.|[^]\\])*\]", "", pat.pattern).isascii())
_TRIGGERS = with_punctuation(frozenset(_BY_WORD))
_LINE_ANY = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _LINE.items()))  # on lower case
# The kinds whose lines may open with a sign (not a letter or digit): bulleted lines, a third
# of all short lines, need not try the others (same result, in the same order of kinds).
SIGN_KINDS = ("contact", "copyright", "comments")
_LINE_SIGN = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _LINE.items() if k in SIGN_KINDS))
# A line opening with a sign (most are list items, "* Item") can only match _LINE_SIGN with a
# figure ("+1 555...") or "comment(s)" as its first word, an address ("@"), "©" or "(c)".
_SIGN_WORD = re.compile(r"\W*(?:\d|comment|reader comments)")


def _sign_line(low: str) -> re.Match[str] | None:
    """``_LINE_SIGN.match(low)``, not tried where it cannot match."""
    may = low[:1] in "©(" or "@" in low or _SIGN_WORD.match(low) is not None
    return _LINE_SIGN.match(low) if may else None


# Caption shape without a credit: who stands where in a picture, and when it was taken.
_POSITIONS = re.compile(r"\((?:l|r|c|left|right|cent(?:er|re)|top|bottom|front|back)\)|"
                        r", (?:left|right|cent(?:er|re)|second from (?:left|right)),")
_MONTH_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? "
                         r"\d{1,2}, \d{4}\b", re.I)
ORDER = ("counter", "share", "ticker", "related", "teaser", "caption", "appeal", "disclaimer",
         "contact", "copyright", "comments", "about", "byline", "dated", "stamp", "ad")
# Kinds that are unmistakable inside a long line; the others only describe short lines.
_LONG_OK = ("disclaimer", "copyright", "caption")
NOTE_WORDS = 80  # a note on the author runs to a few sentences


# Lines measured already, per (stop words, dense script): menus, footers recur on every page
MEMO_LINES, MEMO_CHARS = 20_000, 200
_MEMO: dict[tuple[frozenset[str], bool], dict[str, tuple]] = {}


@dataclass(slots=True)
class Line:
    """One non-blank line and what it looks like."""

    text: str
    words: int
    ends: bool  # ends like a sentence
    stop: float  # share of tokens that are function words of the page's language
    bullet: bool
    pipes: int
    furniture: str | None
    cut: bool = False  # a teaser: an excerpt ending in an ellipsis, or a headline glued to it
    low: str = ""  # the text in lower case


def measure_page(lines: list[str], stops: frozenset[str], dense_script: bool = False
                 ) -> list[Line]:
    """Measure stripped, non-blank, single-spaced lines. ``dense_script``: the page's language
    is written without spaces between words (Chinese, Japanese, Thai...)."""
    out = []
    is_stop = with_punctuation(stops).__contains__
    memo = _MEMO.setdefault((stops, dense_script), {})
    if len(memo) > MEMO_LINES:
        memo.clear()
    dense_chars = re.compile(_DENSE_CLASS).findall if dense_script else None
    for ln in lines:
        known = memo.get(ln)
        if known is not None:
            out.append(Line(*known))
            continue
        low = ln.lower()
        toks = low.split()
        n = len(toks)
        stop = (sum(map(is_stop, toks)) / n) if stops and n > 3 else 0.3 if not stops else 0.0
        words = n
        if dense_chars:
            dense = len(dense_chars(ln))
            words += dense // 2
            if dense > n:  # no spaces to count words or stop words: judge by punctuation
                stop = 0.3 if _CJK_COMMA.search(ln) else 0.1
        last = (tail := ln.rstrip(_CLOSERS))[-1:]
        first = ln[:1]
        bullet = (first in _BULLET_CHARS and ln[1:2] == " ") or (
            first.isdigit() and _BULLET.match(ln) is not None)
        pipes = ln.count(" | ") + ln.count(" · ") if ("|" in ln or "·" in ln) else 0
        cut = (last in ".…]" and tail.endswith(_ELLIPSES)) or (
            n > 6 and first.isupper() and _glued(ln, n))
        known = (ln, words, last in _ENDERS and last != "", stop, bullet, pipes,
                 _kind(ln, low, toks, words), cut, low)
        if len(ln) <= MEMO_CHARS:  # long lines are prose, seldom seen twice
            memo[ln] = known
        out.append(Line(*known))
    return out


def _kind(ln: str, low: str, toks: list[str], words: int) -> str | None:
    """The furniture kind of one line (``low``: lower case; ``toks``: its words), or None."""
    if not (ln[:1].isalpha() or ln[2:3].isalpha() or _LETTER.search(ln)):  # ("* Item")
        return "counter"
    found: list[str] = []
    if words <= 16:
        m = _LINE_ANY.match(low) if low[:1].isalnum() else _sign_line(low)
        if m and m.lastgroup:  # every alternative is a named group, so a match names one
            found.append(m.lastgroup)
    todo: set[int] = set()
    if not _TRIGGERS.isdisjoint(toks):
        for w in _TRIGGERS.intersection(toks):
            todo.update(_BY_WORD[w.strip(_PUNCT)])
    if todo or "©" in ln or "/" in ln or ln[-1:] == ")":
        for c, ks in _BY_CHAR:
            if c in ln:
                todo.update(ks)
        free = (plain := ln.isascii()) or not any(map(ln.__contains__, _FOLDS))
        unfit = _UNFIT[min(words, NOTE_WORDS + 1)]
        for k in todo:
            kind, pat, tail, needles, cased = INNER[k]
            if kind in found or kind in unfit or not ln.endswith(tail):
                continue  # (a kind that does not fit a line this long cannot be its answer)
            if (plain or free and k in _PLAIN) and (needles or cased) and not (
                    any(map(low.__contains__, needles)) or any(map(ln.__contains__, cased))):
                continue
            if pat.search(ln):
                found.append(kind)
    if not found and words <= 8 and ("19" in ln or "20" in ln) and _YEAR.search(ln):
        # A line that is a date and no more, stamped with a weekday, a time or "updated": when
        # a piece was published (a plain date may be a heading of a chronology).
        if _STAMP.search(ln) and not _DATE_WORDS.sub(" ", ln).split() and find_dates(ln):
            return "dated"
    if "(" in low or " right," in low or (  # (" left" first: both phrases hold it)
            " left" in low and (" left," in low or " from left" in low)):
        if _POSITIONS.search(low) and (_MONTH_DATE.search(ln) or "photo" in low):
            found.append("caption")
    if not found:
        return None
    return next((c for c in ORDER if c in found and _fits(c, words)), None)


def _fits(kind: str, words: int) -> bool:
    """Long prose lines are only caught by kinds unmistakable inside a sentence."""
    if words > 40:
        return kind in _LONG_OK or (kind == "byline" and words <= NOTE_WORDS)
    return not (words > 25 and kind in ("appeal", "share", "related", "teaser", "contact"))


# Kinds ``_fits`` turns down for n words (their patterns need not run; n > NOTE_WORDS + 1: as it)
_UNFIT = tuple(frozenset(k for k in ORDER if not _fits(k, n)) for n in range(NOTE_WORDS + 2))


def furniture_kind(text: str) -> str | None:
    """The kind of page furniture one line is, or None."""
    return measure_page([" ".join(text.split())], frozenset())[0].furniture
