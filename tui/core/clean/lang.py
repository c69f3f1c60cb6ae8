"""Language detection for any script: the script decides first, stop words split Latin/Cyrillic."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

# Frequent function words per language (lower case). Used both to tell languages apart and to
# measure how "sentence-like" a line is (menus and link lists carry almost no function words).
STOPWORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "en": "the of and to a in is that for it on was with as he be by at are this from his"
          " have or an they which but not were has had their its been will would who we you"
          " said after also more than about there when can into one she her all our so",
    "fr": "le la les de des du et un une est que qui dans pour pas sur au aux en il elle ne"
          " se ce sont par plus avec ont été son sa ses leur mais nous vous cette comme",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch"
          " es an als wie bei nach aus wird sind hat oder sie er wir noch einem einer war",
    "es": "el la los las de del y que en un una es por con no se para al lo como más pero"
          " sus su le ha este esta entre cuando muy sin sobre también fue han ya",
    "it": "il lo la gli le di del della dei che e è un una per con non si da nel nella sono"
          " al alla come più ma anche questo ha essere stato sua suo ad",
    "pt": "o a os as de do da dos das e que em um uma é para com não se no na por mais como"
          " mas ao foi pelo pela seu sua ele ela são também já está",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er die ook als maar om"
          " bij wordt worden door hij zij naar dan nog wel uit",
    "sv": "och i att det som en på är av för med till den har de inte om ett var jag men"
          " han hon sig så från vid kan när efter",
    "da": "og i at det er en til på af for med den har de ikke som et var jeg men han hun"
          " sig så fra ved kan når efter blev",
    "no": "og i å det er en til på av for med den har de ikke som et var jeg men han hun"
          " seg så fra ved kan når etter ble",
    "fi": "ja on ei että se hän oli mutta kun tai ovat myös sen joka ole mukaan kanssa"
          " vain nyt jo niin tämä hänen",
    "pl": "i w na z się nie do jest że to o jak a po przez od ale dla są za co tym jego"
          " jej oraz już który która także",
    "cs": "a v na se je že to s z do o jako ale po by jsou pro které který také jeho její"
          " není bylo bude když jen",
    "tr": "ve bir bu da de için ile olarak çok daha gibi en olan ama ya her şey değil"
          " sonra kadar ise göre ancak",
    "id": "dan yang di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada"
          " oleh bahwa mereka kami saat telah",
    "ro": "și în de la cu a pe care nu o un este din pentru mai ce fost să sunt prin sau"
          " acest această",
    "hu": "a az és hogy nem is egy meg de van ez már csak mint ki el volt még azt kell"
          " lesz majd",
    "vi": "và của là có được cho không người những trong này một các với đã để khi từ"
          " về cũng",
    "ru": "и в не на что с по как это он к из у за от но же она так все для о его мы"
          " было был была они только или их ее уже",
    "uk": "і в не на що з по як це він до із у за від але та вона так все для про його ми"
          " було був була вони тільки або їх її вже",
    "bg": "и в не на че с по как това той да от за но е са се тя така всички със във"
          " беше бяха те само или",
    "ar": "في من على إلى أن عن مع التي الذي هذا هذه كان قد ما لا كما بين بعد أو ثم وقد وفي"
          " إن التي الى عن منذ خلال حيث عند تم كانت ذلك لم هو هي",
    "fa": "و در به از که این را با است برای آن یک خود تا بر هم نیز شده می اند",
    "hi": "के है में की और से को का एक यह पर भी ने कि हैं था जो कर लिए तो गया",
    "sr": "и у не на да је се за од са као што али то су из по ће био била они",
    "hr": "i u je na da se za od su s kao što ali to iz po će bio bila oni koji koja koje"
          " nije ili samo već jer",
    "sk": "a v na sa je že to s z do o ako ale po by sú pre ktoré ktorý aj jeho jej nie"
          " bolo bude keď len ktorá od",
    "sl": "in je v na da se za so z s pa ki ne bi kot tudi po ali od do še iz bo bil",
    "ca": "el la els les de del i que en un una és per amb no es al als ho com més però"
          " seu seva també ha va",
    "lt": "ir yra kad į su iš bet kaip tai jis ji o taip buvo bus jo jos nuo už per arba",
    "lv": "un ir ka uz ar no par bet kā tas viņš viņa arī lai būs bija tā to jau vai pie",
    "et": "ja on et ei see ka oli kui mis aga ta nad või siis nii tema kes üle veel pärast",
    "sq": "dhe të në e që një për me nga është i u se ka më nuk do si por janë",
    "az": "və bu bir ilə üçün da də olan ki o isə amma görə daha çox onun edir",
    "is": "og að í á er sem um við en það var til hann hún með ekki fyrir af þá",
    "sw": "wa kwa za katika kuwa hiyo huo hii ambao ambaye alisema pia lakini kama watu"
          " yake wake",
    "tl": "ang ng mga ay si ni hindi kay nang ito siya niya kanyang sila nila",
    "eu": "eta ez du bat ere baina dira zen izan dute hori hau egin",
}.items()}

# Scripts (as character ranges) whose presence settles the language or narrows it to a family.
_SCRIPTS = {
    "ar": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff", "he": "\u0590-\u05ff",
    "el": "\u0370-\u03ff\u1f00-\u1fff", "hi": "\u0900-\u097f", "bn": "\u0980-\u09ff",
    "pa": "\u0a00-\u0a7f", "gu": "\u0a80-\u0aff", "or": "\u0b00-\u0b7f", "ta": "\u0b80-\u0bff",
    "te": "\u0c00-\u0c7f", "kn": "\u0c80-\u0cff", "ml": "\u0d00-\u0d7f", "si": "\u0d80-\u0dff",
    "th": "\u0e00-\u0e7f", "lo": "\u0e80-\u0eff", "bo": "\u0f00-\u0fff", "my": "\u1000-\u109f",
    "ka": "\u10a0-\u10ff", "am": "\u1200-\u139f", "km": "\u1780-\u17ff", "hy": "\u0530-\u058f",
    "ko": "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f", "ja": "\u3040-\u30ff",
    "zh": "\u3400-\u4dbf\u4e00-\u9fff", "ru": "\u0400-\u04ff",
    "en": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
}
_RANGES = sorted((ord(m[1]), ord(m[2]), k) for k, v in _SCRIPTS.items()
                 for m in re.finditer(r"(.)-(.)", v))
_STARTS = [lo for lo, _, _ in _RANGES]
_ASCII = re.compile(r"[\x00-\x7f]+")
_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_PERSIAN = "پچژگی"
_URDU = "ٹڈڑںےھ"
# Letters a language cannot be written without (absent: that language is unlikely).
_MARKS = {"cs": "ěščřžůý", "pl": "ąęłńśźżó", "ro": "ăâîșşțţ", "tr": "ğışçöü", "hu": "őűáéöü",
          "vi": "ăâđêôơư", "de": "äöüß", "sv": "åäö", "da": "æøå", "no": "æøå", "fi": "äö",
          "pt": "ãõçáéêó", "es": "ñáéíóú¿¡", "fr": "éèêàçù", "it": "àèéìòù", "uk": "іїєґ",
          "bg": "ъщ", "sr": "ђћџјљњ", "hr": "čćđšž", "sk": "ľščťžýáíéôäň", "sl": "čšž",
          "ca": "àèéíòóúç", "lt": "ąčęėįšųūž", "lv": "āčēģīķļņšūž", "et": "äöõü", "sq": "ëç",
          "az": "əğıöüçş", "is": "þðæöáéíóúý"}
# Below this share of a Latin page's prose words on the best list, the page's language is not
# one of the lists: say nothing rather than guess English.
MIN_SHARE = 0.03
# A Latin or Cyrillic text shorter than this (words), or with fewer function words of any list,
# gets no language: a headline of a handful of words fits several lists by chance.
MIN_WORDS = 8
MIN_HITS = 2
PREFIX_CHARS = 400  # _enough_words looks at this much first


def detect_lang(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = (text or "")[:6000]
    counts: dict[str, int] = {}
    chars = Counter() if sample.isascii() else Counter(_ASCII.sub("", sample))
    for ch, n in chars.items():
        k = bisect_right(_STARTS, ord(ch)) - 1
        if k >= 0 and ord(ch) <= _RANGES[k][1]:
            counts[_RANGES[k][2]] = counts.get(_RANGES[k][2], 0) + n
    ascii_letters = sample.encode("ascii", "ignore").translate(None, _NOT_LETTERS)
    counts["en"] = counts.get("en", 0) + len(ascii_letters)
    counts.setdefault("ja", 0)
    total = sum(counts.values())
    if total < 3:
        return None
    if counts["ja"] > 0.05 * total:  # kana: Japanese, even when most characters are kanji
        return "ja"
    top = max(counts, key=counts.__getitem__)
    if top == "ar":
        if sum(sample.count(c) for c in _URDU) > 0.02 * total:
            return "ur"
        if sum(sample.count(c) for c in _PERSIAN) > 0.02 * total and (
                sample.count("ي") < sample.count("ی")):
            return "fa"
        return "ar"
    if top in ("ru", "en") and not _enough_words(sample):
        return None  # a title, a few words: too little to tell the language, say nothing
    if top == "ru":
        return _by_stopwords(sample, cyrillic=True) or top
    if top == "en":
        return _by_stopwords(sample, cyrillic=False)
    return top


def _enough_words(sample: str) -> bool:
    """Enough text to tell Latin- or Cyrillic-script languages apart by their function words:
    ``MIN_WORDS`` words, ``MIN_HITS`` of them on some list."""
    # Most pages settle it in their first few hundred characters: the words of a prefix (less
    # its last, perhaps cut, word) are words of the whole sample.
    toks = sample[:PREFIX_CHARS].lower().split()[:-1]
    if len(toks) >= MIN_WORDS and sum(t in _INDEX for t in toks) >= MIN_HITS:
        return True
    toks = sample.lower().split()
    if len(toks) < MIN_WORDS:
        return False
    hits = 0
    for t in toks:  # stop at the hits needed (a page holds thousands of words)
        if t in _INDEX:
            hits += 1
            if hits >= MIN_HITS:
                return True
    return False


_CYRILLIC_LANGS = ("ru", "uk", "bg", "sr")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_INDEX: dict[str, list[str]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _INDEX.setdefault(_w, []).append(_lang)
_OTHER_SCRIPT = ("ar", "fa", "hi")
_SIZE = {lang: len(words) for lang, words in STOPWORDS.items()}


def _by_stopwords(sample: str, cyrillic: bool) -> str | None:
    """The list language whose function words the sample's prose uses most; None when no
    list language is likely (none matches, or the best covers under ``MIN_SHARE`` of the words
    of a Latin page's prose)."""
    prose = " ".join(ln for ln in sample.splitlines() if ln.count(" ") >= 7)[:3000]
    low = (prose or sample[:3000]).lower()
    toks = low.split()
    # Only the words some list holds; tokens with punctuation attached just do not count.
    counts = Counter(filter(_INDEX.__contains__, toks))
    scores: dict[str, float] = {}
    for w, n in counts.items():
        for lang in _INDEX[w]:
            scores[lang] = scores.get(lang, 0) + n
    accents: Counter | None = None
    best, best_score = None, 0.0
    # Best raw score first: the accent test only lowers a score, so once a raw score cannot
    # beat the best, no later one can.
    ranked = sorted(((hits / _SIZE[lang] ** 0.3, hits, lang) for lang, hits in scores.items()
                     if lang not in _OTHER_SCRIPT and (lang in _CYRILLIC_LANGS) == cyrillic),
                    key=lambda x: -x[0])
    best_hits = 0.0
    for score, hits, lang in ranked:
        if score <= best_score:
            break
        marks = _MARKS.get(lang)
        if marks:
            if accents is None:
                accents = Counter(_ASCII.sub("", low))
            if sum(accents[c] for c in marks) < 0.002 * len(low):
                score *= 0.3
        if score > best_score:
            best, best_score, best_hits = lang, score, hits
    if cyrillic and best in ("ru", "bg", "sr") and _UKRAINIAN.search(sample):
        return "uk"
    if not cyrillic and prose and best_hits < MIN_SHARE * len(toks):
        return None
    return best


def stopwords_for(lang: str | None) -> frozenset[str]:
    """Stop words of ``lang``: English's when the language is unknown (most page furniture is
    English), none for a language without a list (lines are then judged without them)."""
    return STOPWORDS["en"] if lang is None else STOPWORDS.get(lang, frozenset())
