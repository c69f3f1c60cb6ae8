"""The days of the week an article names: time evidence for undated text.

News says when things happened ("on Tuesday", "am Dienstag", "الثلاثاء", "周二"). Two reports
of one event name the same day far more often than two reports of different events: on NeuS,
87% of same-story pairs that both name a weekday share one, against 19% of other pairs. The
mask is language-independent, so it also holds across translations.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from .tokens import CJK, WORD

# Monday first. Words (lower case) for languages that write words with spaces, declined
# forms spelled out where a stem would also catch other words (Russian "среда" is also
# "environment", Polish "czwarty" is "fourth"); a trailing "*" is a Lithuanian stem, spelled
# out in its usual cases.
_WORDS = {
    0: "monday montag lundi lunes lunedì lunedi maandag måndag mandag maanantai "
       "pazartesi poniedziałek poniedziałku pondělí понедельник понедельника понеділок "
       "понеділка pirmadien* hétfő",
    1: "tuesday dienstag mardi martes martedì martedi dinsdag tisdag "
       "tirsdag tiistai salı wtorek wtorku úterý вторник вторника вівторок вівторка "
       "antradien* marți kedd",
    2: "wednesday mittwoch mercredi miércoles miercoles mercoledì mercoledi "
       "woensdag onsdag keskiviikko çarşamba środa środę środy środzie středa středu среду "
       "середа середу trečiadien* miercuri szerda",
    3: "thursday donnerstag jeudi jueves giovedì giovedi donderdag torsdag "
       "torstai perşembe czwartek czwartku čtvrtek čtvrtku четверг четверга четвер "
       "ketvirtadien* csütörtök",
    4: "friday freitag vendredi viernes venerdì venerdi vrijdag fredag perjantai "
       "piątek piątku pátek pátku пятница пятницу пятницы пʼятниця пʼятницю пʼятниці "
       "ятниця ятницю ятниці penktadien* vineri péntek",
    5: "saturday samstag sonnabend samedi sábado sabado zaterdag lördag lørdag lauantai "
       "cumartesi sobota sobotę soboty sobotu суббота субботу субботы субота суботу "
       "šeštadien* sâmbătă szombat",
    6: "sunday sonntag dimanche domingo domenica zondag söndag søndag sunnuntai niedziela "
       "niedzielę niedzieli neděle neděli воскресенье воскресенья неділя неділю "
       "sekmadien* duminică vasárnap",
}
# Ukrainian writes "п'ятниця" with an apostrophe, which splits the word: its second part
# ("ятниця") is no other word. English, German and Turkish capitalise day names; the other
# languages above write them in lower case, where a capitalised "Domingo" or "Domenica" is
# far more often a name than a sentence that starts with the day.
_CAPITALISED = set(
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonnabend sonntag pazartesi salı çarşamba perşembe "
    "cumartesi".split())
# Scripts written without spaces between words: substrings of their runs.
_SUBSTRINGS = {
    0: "星期一 周一 週一 礼拜一 月曜 월요일",
    1: "星期二 周二 週二 礼拜二 火曜 화요일",
    2: "星期三 周三 週三 礼拜三 水曜 수요일",
    3: "星期四 周四 週四 礼拜四 木曜 목요일",
    4: "星期五 周五 週五 礼拜五 金曜 금요일",
    5: "星期六 周六 週六 礼拜六 土曜 토요일",
    6: "星期日 星期天 周日 週日 礼拜日 礼拜天 日曜 일요일",
}
# Arabic and Hindi day names are words of their own.
_OTHER_WORDS = {
    0: "الاثنين الإثنين सोमवार", 1: "الثلاثاء मंगलवार", 2: "الأربعاء الاربعاء बुधवार",
    3: "الخميس गुरुवार बृहस्पतिवार", 4: "الجمعة शुक्रवार", 5: "السبت शनिवार",
    6: "الأحد الاحد रविवार",
}
# Portuguese: "segunda-feira" is two words, and "segunda" alone is "second".
_FEIRA = {"segunda": 0, "terça": 1, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4}
_EXACT: dict[str, int] = {}
for _table in (_WORDS, _OTHER_WORDS):
    for _day, _names in _table.items():
        for _name in _names.split():
            for _form in ([_name[:-1] + e for e in ("is", "į", "io", "yje", "iais")]
                          if _name.endswith("*") else [_name]):
                _EXACT[_form] = _day
_LOWER_CASE = {w for w in _EXACT if w[0].isalpha() and w[0].upper() != w[0]} - _CAPITALISED
_FIND = re.compile("|".join(sorted((re.escape(s) for names in _SUBSTRINGS.values()
                                    for s in names.split()), key=len, reverse=True)))
_DAY_OF = {s: d for d, names in _SUBSTRINGS.items() for s in names.split()}


def mask_of_words(words: Collection[str], lower: Collection[str] | None = None) -> int:
    """Bit ``d`` set for each day of the week (0 = Monday) among lower-case ``words``.

    ``lower``, when given, is the words the text also writes in lower case: a day name of a
    language that writes days in lower case counts only if it is among them.
    """
    mask = 0
    for word in _EXACT.keys() & words:
        if lower is not None and word not in lower and word in _LOWER_CASE:
            continue
        mask |= 1 << _EXACT[word]
    if "feira" in words:
        for word, day in _FEIRA.items():
            if word in words:
                mask |= 1 << day
    return mask


def is_day_word(word: str) -> bool:
    """Whether one lower-case word names a day of the week (``mask_of_words`` of it alone is
    not 0)."""
    return word in _EXACT


def mask_of_runs(runs: Iterable[str]) -> int:
    """The same for runs of Chinese, Japanese or Korean text."""
    mask = 0
    for run in runs:
        for found in _FIND.findall(run):
            mask |= 1 << _DAY_OF[found]
    return mask


def weekday_mask(text: str) -> int:
    """The days of the week ``text`` names (grouping reads them from its own word counts)."""
    tokens = WORD.findall(text)
    lower = {t.lower() for t in tokens if t[0].islower()}
    return (mask_of_words({t.lower() for t in tokens}, lower)
            | mask_of_runs(CJK.findall(text)))


def day_names(mask: int) -> list[str]:
    """English names of the days in ``mask``."""
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return [names[d] for d in range(7) if mask >> d & 1]
