"""Evidence that survives translation: name skeletons, numbers in any digits, CJK bigrams."""

from __future__ import annotations

import unicodedata
from collections import Counter

from tui.core.group.cluster import Node, average_link
from tui.core.group.features import extract, language_group, number_key, parse_day, skeleton


def test_name_skeletons_match_across_scripts():
    assert skeleton("Trump") == skeleton("Трамп") == skeleton("ترامب") == skeleton("ट्रम्प")
    assert skeleton("Indonesia") == skeleton("Индонезия")


def test_numbers_in_any_digits_and_separators():
    assert number_key("1,300") == number_key("1.300") == number_key("١٣٠٠") == "1300"
    assert number_key("7,4") == number_key("7.4") == "7.4"
    assert number_key("2018") == "2018" and number_key("7") is None


def test_language_group_and_dates():
    assert language_group("en-GB", "") == language_group("en", "") == "en"
    assert language_group(None, "Привет мир") != language_group(None, "Hello world")
    assert parse_day("2022-10-11T09:00:00+09:00") == parse_day("2022-10-11")
    assert parse_day("11 Oct") is None


def test_extract_keys():
    f = extract("Trump in Tokyo", "The president met Kishida on 11 October 2022.", "en")
    assert {"n:2022", "n:11", "k:" + skeleton("Kishida")} <= set(f.cross)
    assert "en|presid" in f.words or any(w.startswith("en|presi") for w in f.words)
    ja = extract("", "トランプ大統領は東京で岸田首相と会談した。", "ja")
    zh = extract("", "特朗普总统在东京与岸田首相会谈。", "zh")
    assert "k:" + skeleton("Trump") in ja.cross
    assert {k for k in ja.cross if k.startswith("h:")} & {k for k in zh.cross if k.startswith("h:")}
    hi = extract("", "राष्ट्रपति ट्रम्प ने कहा", "hi")
    # vowel signs stay in words (never a word of its own); Snowball stems Hindi
    assert "hi|ट्रम्प" in hi.words and "hi|कह" in hi.words
    assert not any(unicodedata.category(w.split("|", 1)[1][0]).startswith("M") for w in hi.words)


def test_snowball_stems_meet():
    words = extract("", "He denies it. She denied it. They deny it. Cities and a city.", "en").words
    assert words["en|deni"] == 3 and words["en|citi"] == 2
    ru = extract("", "Президент заявил. Президента спросили.", "ru").words
    assert ru["ru|презид"] == 2
    plain = extract("", "Presidential presidents", "xx").words  # no stemmer: prefixes
    assert plain["xx|presid"] == 2


def test_average_link_keeps_two_tight_pairs_apart():
    nodes = {i: Node(groups=Counter({"en": 1})) for i in range(4)}
    edges = {(0, 1): 0.9, (2, 3): 0.9, (0, 2): 0.3, (1, 3): 0.3, (0, 3): 0.3, (1, 2): 0.3}
    roots = average_link(nodes, edges, 0.2, lambda a, b: True, relative=0.9)
    assert roots[0] == roots[1] != roots[2] == roots[3]
    nodes = {i: Node(groups=Counter({"en": 1})) for i in range(4)}
    assert len(set(average_link(nodes, edges, 0.2, lambda a, b: True).values())) == 1
