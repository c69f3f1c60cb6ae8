"""Plain-text cleaning: each kind of page furniture goes, the article stays (synthetic pages)."""

from __future__ import annotations

import pytest

from tests.helpers.tables import table
from tui.core.clean import clean
from tui.core.clean.lines import furniture_kind
from tui.core.model import RawDocument

PARAS = [
    "The town council of Marlowe voted on Monday to replace the old river bridge, ending a "
    "dispute that has divided residents for almost a decade and delayed repairs to the road.",
    "Engineers told the council that the current structure, built in 1931, could no longer "
    "carry buses safely, and that closing it would add forty minutes to many school journeys.",
    "The new bridge will cost about 14 million euros, most of it paid by the regional "
    "government, and work is expected to begin in the spring if the final permits arrive.",
    "Residents who opposed the plan said they feared the construction would harm the wetland "
    "north of the river, where several rare birds nest every year between April and June.",
    "The mayor said the council had listened to those concerns and that the design now "
    "includes a wider span, so that no pillar will stand inside the protected area at all.",
    "A public meeting to present the final drawings will be held at the town library next "
    "month, and the council has promised to publish the full engineering report online.",
]
ARTICLE = "\n\n".join(PARAS)
MENU = "\n".join(["Home", "News", "Local", "Sport", "Business", "Opinion", "Weather",
                  "Contact us"])


def body_of(text: str) -> str:
    return clean(RawDocument("test", text, "text")).body


def assert_article_only(text: str, *junk: str) -> None:
    body = body_of(text)
    for p in PARAS:
        assert p in body, f"article paragraph lost: {p[:40]}"
    for j in junk:
        assert j not in body, f"furniture kept: {j}"


test_furniture_kinds = table(furniture_kind, [
    ("Share this:", "share"),
    ("facebook-white sharing button", "share"),
    ("Share on Facebook Share on Twitter Share via Email", "share"),
    ("TRENDING", "ticker"),
    ("Most Read", "ticker"),
    ("Related coverage:", "related"),
    ("Read more", "related"),
    ("You may also like", "related"),
    ("Mayor Jane Holt (L) and engineer Tom Berg (R) inspect the bridge on Monday, May 2, 2022. "
     "(Photo by Ann Lee/Marlowe Times)", "caption"),
    ("The old bridge in winter. (Pool photo)(Kyodo)", "caption"),
    ("Image: Ministry of Transport", "caption"),
    ("Smoke rises over the hills. REUTERS/Jane Doe", "caption"),
    ("Support Our Journalism", "appeal"),
    ("Sign up for our free daily newsletter", "appeal"),
    ("(This story has not been edited by our staff and is auto-generated from a syndicated "
     "feed.)", "disclaimer"),
    ("We may earn a commission from affiliate links on this page.", "disclaimer"),
    ("Email: desk@example.org", "contact"),
    ("Phone: +44 20 7946 0000", "contact"),
    ("© Copyright 2022 Marlowe Times", "copyright"),
    ("Copyright 2019 Example News. All rights reserved.", "copyright"),
    ("34 Comments", "share"),
    ("Leave a Reply", "comments"),
    ("Advertisement", "ad"),
    ("About the author", "about"),
    ("3 hours ago", "stamp"),
    ("By Ann Lee | Marlowe", "byline"),
    ("By Jane Doe and John Roe", "byline"),
    ("___", "counter"),
])


@pytest.mark.parametrize("line", PARAS + [
    "The photographer said the bridge was beautiful.",
    "She shares her time between Paris and Rome.",
    "Related projects in other towns have cost far more, the report said.",
    "By the time the vote came, most residents had already left the hall.",
])
def test_prose_is_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_share_buttons_and_menu() -> None:
    page = (f"{MENU}\n\nShare this:\n* Facebook\n* Twitter\n* Email\n\n"
            f"Council approves new river bridge\n\n{ARTICLE}\n\nShare this:\n* Facebook")
    assert_article_only(page, "Facebook", "Contact us")


def test_headline_ticker_with_pipes() -> None:
    ticker = ("Storm closes coastal roads | Elections: turnout highest in decades | "
              "Markets slip as oil rises | Festival cancelled after heavy rain")
    assert_article_only(f"{ticker}\n\nCouncil approves new river bridge\n\n{ARTICLE}",
                        "Storm closes")


def test_photo_caption_and_credit() -> None:
    cap = ("The old river bridge in Marlowe, seen from the east bank on Sunday, May 1, 2022. "
           "(AP Photo/Ann Lee)")
    page = "\n\n".join(PARAS[:3] + [cap] + PARAS[3:])
    assert_article_only(page, "AP Photo", "east bank")


def test_teaser_repeating_the_body() -> None:
    teaser = PARAS[1] + " " + PARAS[5]  # a standfirst stitched from two body paragraphs
    page = f"Council approves new river bridge\n\n{teaser}\n\nBy Ann Lee | Marlowe\n\n{ARTICLE}"
    body = body_of(page)
    assert body.count(PARAS[1]) == 1 and body.count(PARAS[5]) == 1
    assert body.startswith(PARAS[0])


def test_related_and_trending_lists() -> None:
    related = ("Related coverage:\n\nFOCUS: Ferry prices rise again this summer\n\n"
               "Town hall to close for repairs in July\n\nNew school opens in the north district")
    trending = ("TRENDING\n\n1\nWoman finds lost ring in garden after twenty years\n\n2\n"
                "Listen to the strange sounds recorded in the deep ocean last week")
    assert_article_only(f"{ARTICLE}\n\n{related}\n\n{trending}", "Ferry prices", "lost ring")


def test_appeal_disclaimer_contact_copyright() -> None:
    footer = ("Support Our Journalism\n\nWe cannot do without you. Your contribution supports "
              "independent local reporting, and every reader who gives keeps the paper free for "
              "everyone else in the valley.\n\n(This story has not been edited by our staff and "
              "is auto-generated from a syndicated feed.)\n\nEmail: desk@example.org\n"
              "Phone: +44 20 7946 0000\n\n© Copyright 2022 Marlowe Times")
    assert_article_only(f"{ARTICLE}\n\n{footer}", "contribution", "syndicated", "desk@",
                        "Copyright")


def test_comments_section_is_not_the_article() -> None:
    comments = "\n\n".join(
        f"{i}. reader{i} says:\nMay {i}, 2022 at 6:3{i} am\n\nI have crossed this bridge every "
        f"day for thirty years and I think the council waited far too long to act on it, "
        f"which is typical of how things are run around here, sadly." for i in range(1, 8))
    page = f"{ARTICLE}\n\n12 responses to “Council approves new river bridge”\n\n{comments}"
    assert_article_only(page, "thirty years")


def test_about_the_author_box_is_not_the_article() -> None:
    bio = ("About Ann Lee\n\nAnn Lee has covered local politics for the Marlowe Times since "
           "2009, and before that she reported on farming and the environment for the regional "
           "radio station, winning two awards for her work on water quality.")
    assert_article_only(f"{ARTICLE}\n\n{bio}", "covered local politics")


def test_subheading_between_paragraphs_is_kept() -> None:
    page = "\n\n".join(PARAS[:3] + ["What happens next"] + PARAS[3:])
    assert "What happens next" in body_of(page)


def test_paragraphs_separated_by_one_blank_line() -> None:
    body = body_of(f"{MENU}\n\n{ARTICLE}")
    assert body.split("\n\n") == PARAS


def test_empty_and_tiny_inputs() -> None:
    assert body_of("") == ""
    assert body_of("   \n\n  ") == ""
    assert isinstance(body_of("Hello"), str)


def test_page_without_prose_keeps_its_results() -> None:
    results = "\n\n".join(f"Team {c} beat Team {d} 3-1 in the cup" for c, d in
                          zip("ABCDEFGH", "IJKLMNOP"))
    page = f"{MENU}\n\nCup results\n\n{results}\n\n© Copyright 2022 Marlowe Times"
    body = body_of(page)
    assert "Team A beat Team I 3-1 in the cup" in body and "Contact us" not in body


def test_markdown_markup_is_stripped() -> None:
    md = ("# Council approves new river bridge\n\n![the bridge](bridge.jpg)\n\n"
          + "\n\n".join(PARAS[:3])
          + "\n\n## What happens next\n\n"
          + PARAS[3].replace("rare birds", "**rare birds**")
          + " See [the plan](https://example.org/plan).\n\n" + "\n\n".join(PARAS[4:]))
    c = clean(RawDocument("test.md", md, "md"))
    assert "**" not in c.body and "](" not in c.body and "#" not in c.body
    assert "rare birds" in c.body and "the plan" in c.body
    assert c.title == "Council approves new river bridge"


def test_walls_are_not_raised_by_ordinary_sentences() -> None:
    odd = ["About 300 people attended.", "Reactions were mixed.", "Copyright law changed.",
           "Related to this, the mayor spoke."]
    page = "\n\n".join(p for pair in zip(PARAS, odd + ["", ""]) for p in pair if p)
    body = body_of(page)
    for p in PARAS:
        assert p in body


def test_chronology_date_headings_do_not_end_the_article() -> None:
    page = "\n\n".join(["June 26, 2019", PARAS[0], PARAS[1], "July 3, 2019", PARAS[2], PARAS[3],
                        "August 9, 2019", PARAS[4], PARAS[5]])
    body = body_of(page)
    assert all(p in body for p in PARAS) and "July 3, 2019" in body


def test_publication_stamps_between_teasers_end_the_article() -> None:
    teasers = "\n\n".join(
        f"+ Other story number {n} about the region\n\nJane Roe\nWednesday November {n}, 2019\n\n"
        f"This is the opening of another story number {n}, which readers may also want to read "
        f"when they have finished the article about the bridge above, it says here." for n in
        range(10, 16))
    assert_article_only(f"{ARTICLE}\n\nMore from the Marlowe Times\n\n{teasers}",
                        "Other story", "another story")


def test_list_announced_by_a_colon_is_kept() -> None:
    dates = "\n".join(f"June {d} -- Town Hall, Marlowe" for d in range(1, 9))
    page = "\n\n".join(PARAS[:3] + ["The council will hold open days on these dates:", dates,
                                    "Share this:", "* Facebook"])
    body = body_of(page)
    assert "June 1 -- Town Hall, Marlowe" in body and "June 8 -- Town Hall, Marlowe" in body
    assert "Facebook" not in body


FR = ["Le conseil municipal de Marlowe a voté lundi le remplacement du vieux pont sur la "
      "rivière, mettant fin à un différend qui divise les habitants depuis près de dix ans.",
      "Selon les ingénieurs, la structure actuelle, construite en 1931, ne peut plus supporter "
      "le passage des bus en toute sécurité, et sa fermeture allongerait les trajets scolaires.",
      "Le nouveau pont coûtera environ 14 millions d'euros, financés en grande partie par la "
      "région, et les travaux devraient commencer au printemps si les permis arrivent."]
AR = ["صوّت مجلس مدينة مارلو يوم الاثنين على استبدال الجسر القديم فوق النهر، منهياً خلافاً "
      "قسّم السكان لما يقرب من عقد من الزمن وأخّر إصلاح الطريق الرئيسي.",
      "وقال المهندسون للمجلس إن الهيكل الحالي الذي بني عام 1931 لم يعد قادراً على تحمل مرور "
      "الحافلات بأمان، وإن إغلاقه سيضيف أربعين دقيقة إلى رحلات المدارس.",
      "وستبلغ تكلفة الجسر الجديد نحو 14 مليون يورو، تدفع الحكومة الإقليمية معظمها، ومن المتوقع "
      "أن تبدأ الأعمال في الربيع إذا وصلت التصاريح النهائية."]
ZH = ["马洛市议会周一投票决定更换河上的旧桥，"
      "结束了一场让居民分裂近十年、并推迟了主干道维修的争议。",
      "工程师告诉议会，这座建于1931年的桥梁已无法安全承载公交车，而关闭它将使许多上学路程增加四十分钟。",
      "新桥将耗资约1400万欧元，大部分由地区政府支付，如果最终许可证到位，工程预计将于春季开始。"]


@pytest.mark.parametrize("menu,title,paras,related,lang", [
    ("Accueil\nPolitique\nÉconomie\nSport", "Le conseil approuve un nouveau pont", FR,
     "À lire aussi\n\nUn festival annulé à cause de la pluie", "fr"),
    ("الرئيسية\nسياسة\nاقتصاد\nرياضة", "مجلس المدينة يوافق على جسر جديد", AR,
     "اقرأ أيضا\n\nإلغاء مهرجان بسبب الأمطار", "ar"),
    ("首页\n新闻\n体育\n财经", "市议会批准新桥", ZH, "相关阅读\n\n暴雨导致音乐节取消", "zh"),
])
def test_other_languages(menu: str, title: str, paras: list[str], related: str,
                         lang: str) -> None:
    page = f"{menu}\n\n{title}\n\n" + "\n\n".join(paras) + f"\n\n{related}"
    c = clean(RawDocument("t", page, "text"))
    assert c.body.split("\n\n") == paras
    assert (c.title, c.lang) == (title, lang)


def test_markdown_keeps_lists_and_quotes_with_their_shape() -> None:
    md = ("# Council approves new river bridge\n\n" + PARAS[0] + "\n\nThe plan has three parts:"
          "\n\n- a new deck\n- two footpaths\n- a cycle lane\n\n" + PARAS[1] + "\n\n"
          "> We waited ten years\n> for this.\n\n" + PARAS[2] + "\n")
    c = clean(RawDocument("test.md", md, "md"))
    paras = c.body.split("\n\n")
    assert ["- a new deck", "- two footpaths", "- a cycle lane"] == [
        p for p in paras if p.startswith("- ")]
    assert "> We waited ten years for this." in paras
    assert c.title == "Council approves new river bridge"
    assert not c.body.startswith("Council approves")


@pytest.mark.parametrize("tag", ["</p>", "<br>", "<BR/>", "</div>", "<li>"])
def test_markdown_block_tag_between_two_words_parts_them(tag: str) -> None:
    # Hypothesis found "the</p>the" read as "thethe": a word the text never held.
    c = clean(RawDocument("test.md", f"{PARAS[0]} the{tag}river {PARAS[1]}", "md"))
    assert "the river" in c.body and "theriver" not in c.body
    inline = clean(RawDocument("test.md", f"{PARAS[0]} <b>T</b>hames {PARAS[1]}", "md"))
    assert " Thames " in inline.body  # an inline tag inside a word joins as a browser does


def test_markdown_soft_wrapped_paragraphs_are_joined() -> None:
    import textwrap

    md = "# Bridge\n\n" + "\n\n".join(textwrap.fill(p, 72) for p in PARAS[:3]) + (
        "\n\n```\ncode line one\ncode line two\n```\n")
    c = clean(RawDocument("test.md", md, "md"))
    for p in PARAS[:3]:
        assert p in c.body.split("\n\n")


def test_markdown_badges_and_shortcut_reference_links_leave_their_text() -> None:
    """A README's badges left "![CI][travis]" (a reference image in a reference link) or
    nothing worse, and "using [lzbench], ..." (a link defined below the paragraph) kept its
    brackets; a bracketed word nothing defines stays as written."""
    md = ("# Zstandard\n\n[![CI][badge]][ci] [![PyPI](https://img.test/p.svg)](https://p.test/x)"
          "\n\n" + PARAS[0] + " Tested using [lzbench] and [the Silesia corpus][] [sic].\n\n"
          "[badge]: https://img.test/b.svg\n[ci]: https://ci.test\n"
          "[lzbench]: https://lz.test\n[The Silesia corpus]: https://s.test\n\n" + PARAS[1])
    body = clean(RawDocument("README.md", md, "md")).body
    assert "using lzbench and the Silesia corpus [sic]." in body, body
    assert "CI" not in body and "[" not in body.replace("[sic]", "") and "](" not in body


def test_markdown_front_matter_names_the_metadata_and_leaves_the_body() -> None:
    """Jekyll's, Hugo's, Obsidian's and ``export --split``'s own front matter: its lines were
    read as the body and the title ("--- title: Budget ... author: Jane Roe ...")."""
    md = ('---\ntitle: "Council approves \\"new\\" river bridge"\nauthor: Jane Roe # desk\n'
          "date: 2022-10-11\ntags: [council, bridge]\nsummary: null\nlayout: post\n---\n\n"
          "# The bridge vote\n\n" + PARAS[0] + "\n\n" + PARAS[1] + "\n")
    c = clean(RawDocument("post.md", md, "md"))
    assert c.title == 'Council approves "new" river bridge' and c.author == "Jane Roe"
    assert c.date == "2022-10-11" and c.summary is None
    assert c.body.startswith("The bridge vote\n\n" + PARAS[0])  # its own heading kept
    assert "---" not in c.body  # what no field holds is the body's last paragraph:
    assert c.body.endswith(PARAS[1] + "\n\nFront matter not used: tags: [council, bridge]; "
                           "layout: post"), c.body
    rule = "---\n\n" + PARAS[0] + "\n\n---\n\n" + PARAS[1]  # rules, no front matter
    assert PARAS[0] in clean(RawDocument("r.md", rule, "md")).body
    note = "---\nNote: the vote moved to Friday.\n---\n\n" + PARAS[0]  # no key it reads
    assert "Note: the vote moved to Friday." in clean(RawDocument("n.md", note, "md")).body


def test_article_shown_three_times_is_kept_once() -> None:
    # Pages that carry copies of the article for other screens: every paragraph repeats.
    copy = ["Home", "News", "Council approves new river bridge", "Jan 13, 2025", *PARAS]
    page = "\n\n".join(copy * 3 + ["Contact us"])
    body = body_of(page)
    for p in PARAS:
        assert body.count(p) == 1
    assert "Contact us" not in body
