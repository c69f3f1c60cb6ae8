"""Language detection for any script: the script decides first, stop words split Latin/Cyrillic."""

from __future__ import annotations

import re
import unicodedata
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
    "sr": "и у не на да је се за од са као што али то су из по ће био била они",
}.items()}

# Scripts whose presence settles the language (or narrows it to one family).
_SCRIPT_LANG = {
    "ARABIC": "ar", "HEBREW": "he", "GREEK": "el", "DEVANAGARI": "hi", "BENGALI": "bn",
    "TAMIL": "ta", "TELUGU": "te", "GUJARATI": "gu", "GURMUKHI": "pa", "KANNADA": "kn",
    "MALAYALAM": "ml", "THAI": "th", "GEORGIAN": "ka", "ARMENIAN": "hy", "HANGUL": "ko",
    "ETHIOPIC": "am", "KHMER": "km", "LAO": "lo", "MYANMAR": "my", "SINHALA": "si",
    "ORIYA": "or", "TIBETAN": "bo", "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh",
    "CYRILLIC": "ru", "LATIN": "en",
}
_PERSIAN = set("پچژگی")
_URDU = set("ٹڈڑںےھ")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Letters a language cannot be written without (absent: that language is unlikely).
_MARKS = {"cs": "ěščřžůý", "pl": "ąęłńśźżó", "ro": "ăâîșşțţ", "tr": "ğışçöü", "hu": "őűáéöü",
          "vi": "ăâđêôơư", "de": "äöüß", "sv": "åäö", "da": "æøå", "no": "æøå", "fi": "äö",
          "pt": "ãõçáéêó", "es": "ñáéíóú¿¡", "fr": "éèêàçù", "it": "àèéìòù", "uk": "іїєґ",
          "bg": "ъщ", "sr": "ђћџјљњ"}


def _script(ch: str) -> str | None:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    head = name.split(" ", 1)[0]
    return head if head in _SCRIPT_LANG else None


def detect_lang(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = (text or "")[:6000]
    scripts: Counter[str] = Counter()
    for ch in sample:
        if ch.isalpha():
            s = _script(ch)
            if s:
                scripts[s] += 1
    if not scripts or sum(scripts.values()) < 3:
        return None
    total = sum(scripts.values())
    if scripts["HIRAGANA"] + scripts["KATAKANA"] > 0.05 * total:
        return "ja"
    top = scripts.most_common(1)[0][0]
    if top == "ARABIC":
        letters = Counter(ch for ch in sample if _script(ch) == "ARABIC")
        if sum(letters[c] for c in _URDU) > 0.02 * total:
            return "ur"
        if sum(letters[c] for c in _PERSIAN) > 0.02 * total and letters["ي"] < letters["ی"]:
            return "fa"
        return "ar"
    if top in ("LATIN", "CYRILLIC"):
        return _by_stopwords(sample, cyrillic=top == "CYRILLIC") or _SCRIPT_LANG[top]
    return _SCRIPT_LANG[top]


_CYRILLIC_LANGS = ("ru", "uk", "bg", "sr")


def _by_stopwords(sample: str, cyrillic: bool) -> str | None:
    prose = " ".join(ln for ln in sample.splitlines() if len(ln.split()) >= 8) or sample
    words = [w.lower() for w in _WORD.findall(prose)]
    if not words:
        return None
    counts = Counter(words)
    low = prose.lower()
    best, best_score = None, 0.0
    for lang, stops in STOPWORDS.items():
        if (lang in _CYRILLIC_LANGS) != cyrillic:
            continue
        score = sum(n for w, n in counts.items() if w in stops) / (len(stops) ** 0.3)
        marks = _MARKS.get(lang)
        if marks and sum(low.count(c) for c in marks) < 0.002 * len(low):
            score *= 0.3
        if score > best_score:
            best, best_score = lang, score
    if cyrillic and best in ("ru", "bg", "sr") and re.search(r"[іїєґ]", sample, re.I):
        return "uk"
    return best


def stopwords_for(lang: str | None) -> frozenset[str]:
    """Stop words of ``lang`` (English's when unknown, since most furniture words are English)."""
    return STOPWORDS.get(lang or "en", STOPWORDS["en"])
