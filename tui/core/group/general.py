"""General vocabulary per language, known before any article: the words frequent in any text
of the language (jusText's stop-lists, drawn from Wikipedia's most frequent words, about 100
languages), besides the project's own function words (``tui.core.stopwords``). Grouping asks
it only while a language group is too small for its own frequencies to tell common words
(``scoring.unsupported``): "system", "should", "many" are no evidence that two texts tell one
story. A language without a list, or jusText missing, has the function words only."""

from __future__ import annotations

from functools import cache

from tui.core.stopwords import stopwords_for

from .features import stop_language

# language subtag -> jusText's stop-list (those of languages Wiredesk meets most)
_LISTS = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "hy": "Armenian", "az": "Azerbaijani",
    "eu": "Basque", "be": "Belarusian", "bn": "Bengali", "bs": "Bosnian", "br": "Breton",
    "bg": "Bulgarian", "ca": "Catalan", "hr": "Croatian", "cs": "Czech", "da": "Danish",
    "nl": "Dutch", "en": "English", "eo": "Esperanto", "et": "Estonian", "fi": "Finnish",
    "fr": "French", "gl": "Galician", "ka": "Georgian", "de": "German", "el": "Greek",
    "gu": "Gujarati", "ht": "Haitian", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian",
    "is": "Icelandic", "id": "Indonesian", "ga": "Irish", "it": "Italian", "jv": "Javanese",
    "kn": "Kannada", "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz",
    "la": "Latin", "lv": "Latvian", "lt": "Lithuanian", "lb": "Luxembourgish",
    "mk": "Macedonian", "ms": "Malay", "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi",
    "ne": "Nepali", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk",
    "oc": "Occitan", "fa": "Persian", "pl": "Polish", "pt": "Portuguese", "qu": "Quechua",
    "ro": "Romanian", "ru": "Russian", "sr": "Serbian", "sk": "Slovak", "sl": "Slovenian",
    "es": "Spanish", "su": "Sundanese", "sw": "Swahili", "sv": "Swedish", "tl": "Tagalog",
    "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "tk": "Turkmen", "uk": "Ukrainian",
    "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "cy": "Welsh", "fy": "West_Frisian",
    "yo": "Yoruba",
}


@cache
def general_words(group: str) -> frozenset[str]:
    """Lower-case words of ``group``'s language that any text may hold: its function words
    and, where jusText has a list for it, that list (untagged Latin text reads English's, as
    for function words: ``features.stop_language``). Entries with punctuation are left out."""
    own = stopwords_for(stop_language(group))
    name = _LISTS.get(stop_language(group) or "en")
    if name is None:
        return own
    try:
        import justext  # (a dependency of trafilatura, named in pyproject.toml)

        listed = justext.get_stoplist(name)
    except (ImportError, ValueError, OSError):
        return own
    return own | frozenset(w for w in listed if w.isalnum())
