"""Metadata read from text and HTML: title, author, source, dateline, summary, lang; seeds."""

from __future__ import annotations

import tomllib

import pytest

from tests.helpers.tables import table
from tui.core.clean import clean, detect_lang
from tui.core.clean.meta import byline, credit_source, dateline
from tui.core.model import RawDocument

PARAS = [
    "The town council voted on Monday to replace the old river bridge, ending a dispute that "
    "has divided residents for almost a decade and delayed repairs to the main road.",
    "Engineers told the council that the current structure, built in 1931, could no longer "
    "carry buses safely, and that closing it would add forty minutes to school journeys.",
    "The new bridge will cost about 14 million euros, most of it paid by the regional "
    "government, and work is expected to begin in the spring if the final permits arrive.",
    "Residents who opposed the plan said they feared the construction would harm the wetland "
    "north of the river, where several rare birds nest every year between April and June.",
]
TITLE = "Marlowe council approves new river bridge after decade of dispute"
STANDFIRST = "The old bridge can no longer carry buses, engineers told the council"


def page(*head: str, first: str = "") -> str:
    paras = [first + PARAS[0]] + PARAS[1:]
    return "\n\n".join([*head, *paras])


def cleaned(text: str, kind: str = "text", **hints) -> object:
    return clean(RawDocument("t", text, kind, hints=hints))


@pytest.mark.parametrize("line,author,source", [
    ("ByMARI YAMAGUCHI Associated Press", "Mari Yamaguchi", "Associated Press"),
    ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
    ("By Jane Doe | Marlowe Times", "Jane Doe", "Marlowe Times"),
    ("By ANN LEE", "Ann Lee", None),
    ("by Tom Berg Reuters", "Tom Berg", "Reuters"),
    ("Bystanders gathered on the bank.", None, None),
])
def test_bylines(line: str, author: str | None, source: str | None) -> None:
    assert byline(line) == (author, source)


@pytest.mark.parametrize("first,place,agency", [
    ("TOKYO -- ", "TOKYO", None),
    ("Tokyo: ", "Tokyo", None),
    ("WASHINGTON (AP) — ", "WASHINGTON", "Associated Press"),
    ("NEW DELHI: ", "NEW DELHI", None),
    ("SANTA FE, N.M. (AP) — ", "SANTA FE, N.M.", "Associated Press"),
    ("", None, None),
])
def test_datelines(first: str, place: str | None, agency: str | None) -> None:
    assert dateline(first + PARAS[0]) == (place, agency)


def test_dateline_needs_a_separator() -> None:
    assert dateline("Engineers told the council: the bridge is unsafe.") == (None, None)


def test_header_title_standfirst_byline_date() -> None:
    c = cleaned(page(TITLE, STANDFIRST, "ByMARI YAMAGUCHI Associated Press",
                     "October 11, 2022, 9:05 AM", first="MARLOWE -- "))
    assert c.title == TITLE
    assert c.summary == STANDFIRST
    assert (c.author, c.source) == ("Mari Yamaguchi", "Associated Press")
    assert c.date == "2022-10-11"
    assert c.dateline == "MARLOWE"
    assert c.lang == "en"
    assert STANDFIRST not in c.body and c.body.startswith("MARLOWE -- ")


def test_pipe_byline_gives_source_and_dateline() -> None:
    c = cleaned(page(TITLE, "Reuters | Marlowe | Updated: 11-10-2022 19:41 IST | "
                            "Created: 11-10-2022 19:41 IST"))
    assert (c.source, c.dateline) == ("Reuters", "Marlowe")
    assert c.date.startswith("2022-10-11")


def test_handle_is_the_source() -> None:
    c = cleaned(page(TITLE, "| @marlowetimes | Oct 14, 2022, at 05:39 am", first="Marlowe: "))
    assert (c.source, c.dateline, c.date) == ("marlowetimes", "Marlowe", "2022-10-14")


def test_source_from_photo_credit() -> None:
    assert credit_source(["A bridge at dusk. (Pool photo)(Kyodo)"]) == "Kyodo"
    assert credit_source(["A bridge at dusk. (AP Photo/Ann Lee)"]) == "Associated Press"
    assert credit_source(["The council met (again) on Monday."]) is None


def test_title_derived_from_lead_when_missing() -> None:
    c = cleaned(page())
    assert c.title and c.title.startswith("The town council voted on Monday")
    assert len(c.title) < 120


def test_hints_win_field_by_field() -> None:
    c = cleaned(page(TITLE, "By Jane Doe, Reuters"), title="Given title", lang="fr")
    assert (c.title, c.lang, c.author, c.source) == ("Given title", "fr", "Jane Doe", "Reuters")


def test_unknown_fields_are_none() -> None:
    c = cleaned("\n\n".join(PARAS))
    assert c.author is None and c.date is None and c.dateline is None and c.source is None


HTML = """<html lang="en-GB"><head>
<title>Bridge approved | Marlowe Times</title>
<meta property="og:title" content="Marlowe council approves new river bridge | Marlowe Times">
<meta property="og:site_name" content="Marlowe Times">
<meta property="og:description" content="The old bridge can no longer carry buses.">
<meta name="author" content="By Ann Lee">
<meta property="article:published_time" content="2022-10-11T09:05:00+01:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "headline": "From JSON-LD", "datePublished": "2020-01-01",
  "author": [{"@type": "Person", "name": "Ann Lee"}], "publisher": {"name": "MT"}}]}</script>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Marlowe council approves new river bridge</h1>
PARAGRAPHS
<figure><img src="b.jpg"><figcaption>The old bridge. (Photo: Ann Lee)</figcaption></figure>
</article><footer>© 2022 Marlowe Times. All rights reserved.</footer></body></html>
""".replace("PARAGRAPHS", "\n".join(f"<p>{p}</p>" for p in PARAS))


def test_html_metadata_and_body() -> None:
    c = cleaned(HTML, "html")
    assert c.title == "Marlowe council approves new river bridge"
    assert (c.source, c.author) == ("Marlowe Times", "Ann Lee")
    assert c.date == "2022-10-11T09:05:00+01:00"
    assert c.summary == "The old bridge can no longer carry buses."
    assert c.lang == "en"
    assert c.body.split("\n\n")[:4] == PARAS
    assert "Home" not in c.body and "All rights reserved" not in c.body


def test_html_json_ld_when_no_meta_tags() -> None:
    html = HTML.replace('property="og:', 'property="x:').replace('name="author"', 'name="x"')
    html = html.replace('property="article:published_time"', 'property="x"')
    c = cleaned(html, "html")
    assert (c.title, c.author, c.source, c.date) == ("From JSON-LD", "Ann Lee", "MT",
                                                     "2020-01-01")


test_detect_lang_any_script = table(detect_lang, [
    ("The council voted on Monday to replace the old bridge over the river.", "en"),
    ("Le conseil municipal a voté lundi pour remplacer le vieux pont sur la rivière.", "fr"),
    ("Der Stadtrat hat am Montag beschlossen, die alte Brücke über den Fluss zu ersetzen.",
     "de"),
    ("El consejo votó el lunes para reemplazar el viejo puente sobre el río de la ciudad.", "es"),
    ("O conselho votou na segunda-feira para substituir a velha ponte sobre o rio.", "pt"),
    ("Il consiglio ha votato lunedì per sostituire il vecchio ponte sul fiume della città.", "it"),
    ("Городской совет в понедельник проголосовал за замену старого моста через реку.", "ru"),
    ("Міська рада в понеділок проголосувала за заміну старого мосту через річку.", "uk"),
    ("صوّت مجلس المدينة يوم الاثنين على استبدال الجسر القديم فوق النهر.", "ar"),
    ("شورای شهر روز دوشنبه به جایگزینی پل قدیمی روی رودخانه رای داد.", "fa"),
    ("नगर परिषद ने सोमवार को नदी पर बने पुराने पुल को बदलने के लिए मतदान किया।", "hi"),
    ("市议会周一投票决定更换河上的旧桥。", "zh"),
    ("市議会は月曜日、川にかかる古い橋の架け替えを決めました。", "ja"),
    ("시의회는 월요일 강 위의 오래된 다리를 교체하기로 의결했다.", "ko"),
    ("สภาเมืองลงมติเมื่อวันจันทร์ให้เปลี่ยนสะพานเก่าข้ามแม่น้ำ", "th"),
    ("Το δημοτικό συμβούλιο ψήφισε τη Δευτέρα την αντικατάσταση της παλιάς γέφυρας.", "el"),
    ("מועצת העיר הצביעה ביום שני על החלפת הגשר הישן מעל הנהר.", "he"),
])


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "!!"])
def test_detect_lang_too_little(text: str) -> None:
    assert detect_lang(text) is None


@pytest.mark.shared
def test_seeds_metadata_and_bodies(seeds_dir) -> None:
    expected = tomllib.loads((seeds_dir / "expected.toml").read_text())["articles"]
    for name, want in expected.items():
        text = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
        c = clean(RawDocument(name, text, "text"))
        gold = (seeds_dir / "gold" / f"{name}.txt").read_text(encoding="utf-8")
        assert c.body.split() == gold.split(), name
        for field in ("title", "author", "source", "dateline", "lang"):
            if field in want:
                assert (getattr(c, field) or "").lower() == str(want[field]).lower(), (name, field)
        if "date" in want:
            assert (c.date or "")[:10] == str(want["date"]), name
