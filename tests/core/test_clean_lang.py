"""Language detection beyond the original lists: more Latin-script languages, and no guess
(None) for prose in a language no list covers."""

from __future__ import annotations

import pytest

from tui.core.clean import clean, detect_lang
from tui.core.model import RawDocument

SENTENCES = {
    "hr": "Vlada je u četvrtak objavila da će se novi zakon o porezu primjenjivati od siječnja, "
          "a ministar financija rekao je da to nije konačna odluka jer se još čeka mišljenje "
          "stručnjaka koji su bili pozvani na raspravu.",
    "sk": "Vláda vo štvrtok oznámila, že nový zákon o daniach sa bude uplatňovať od januára, "
          "ale minister financií povedal, že to nie je konečné rozhodnutie, pretože sa ešte "
          "čaká na názor odborníkov.",
    "sl": "Vlada je v četrtek sporočila, da se bo novi zakon o davkih uporabljal od januarja, "
          "finančni minister pa je dejal, da to ni končna odločitev, ker še čakajo na mnenje "
          "strokovnjakov, ki so bili povabljeni.",
    "ca": "El govern va anunciar dijous que la nova llei d'impostos s'aplicarà a partir del "
          "gener, però el ministre de finances va dir que no és una decisió definitiva i que "
          "encara esperen l'opinió dels experts.",
    "sw": "Serikali ilitangaza siku ya Alhamisi kwamba sheria mpya ya kodi itaanza kutumika "
          "mwezi Januari, lakini waziri wa fedha alisema kuwa huo sio uamuzi wa mwisho kwa kuwa "
          "bado wanasubiri maoni ya wataalamu.",
    "tl": "Inihayag ng gobyerno noong Huwebes na ang bagong batas sa buwis ay ipatutupad simula "
          "Enero, ngunit sinabi ng kalihim ng pananalapi na hindi pa ito ang pinal na desisyon "
          "dahil hinihintay pa nila ang opinyon ng mga eksperto.",
    "lt": "Vyriausybė ketvirtadienį paskelbė, kad naujasis mokesčių įstatymas bus taikomas nuo "
          "sausio, tačiau finansų ministras sakė, kad tai nėra galutinis sprendimas, nes dar "
          "laukiama ekspertų nuomonės ir jos bus paskelbtos vėliau.",
    "lv": "Valdība ceturtdien paziņoja, ka jaunais nodokļu likums tiks piemērots no janvāra, "
          "bet finanšu ministrs sacīja, ka tas nav galīgais lēmums, jo vēl tiek gaidīts "
          "ekspertu viedoklis par to un arī par citiem jautājumiem.",
    "et": "Valitsus teatas neljapäeval, et uus maksuseadus hakkab kehtima jaanuarist, kuid "
          "rahandusminister ütles, et see ei ole lõplik otsus, sest oodatakse veel ekspertide "
          "arvamust ja ka see on veel arutelu all.",
    "sq": "Qeveria njoftoi të enjten se ligji i ri për taksat do të zbatohet nga janari, por "
          "ministri i financave tha se ky nuk është vendimi përfundimtar sepse ende pritet "
          "mendimi i ekspertëve që janë ftuar.",
    "is": "Ríkisstjórnin tilkynnti á fimmtudag að ný skattalög tækju gildi í janúar en "
          "fjármálaráðherra sagði að það væri ekki endanleg ákvörðun því enn væri beðið eftir "
          "áliti sérfræðinga sem hefðu verið kallaðir til.",
    "en": "The government said on Thursday that the new tax law would apply from January, but "
          "the finance minister said it was not a final decision because they are still "
          "waiting for the opinion of experts.",
    "pt": "O governo anunciou na quinta-feira que a nova lei de impostos será aplicada a partir "
          "de janeiro, mas o ministro das finanças disse que não é uma decisão definitiva.",
    "id": "Pemerintah mengumumkan pada hari Kamis bahwa undang-undang pajak yang baru akan "
          "berlaku mulai Januari, tetapi menteri keuangan mengatakan itu bukan keputusan akhir.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_latin_languages(lang: str) -> None:
    assert detect_lang("\n".join([SENTENCES[lang]] * 3)) == lang


def test_unlisted_latin_language_is_not_called_english() -> None:
    # Vietnamese typed without its diacritics: Latin letters, no list's function words.
    text = ("Chinh phu cong bo hom thu nam rang luat thue moi se duoc ap dung tu thang mot, "
            "nhung bo truong tai chinh noi rang day chua phai la quyet dinh cuoi cung vi ho van "
            "dang cho y kien cua cac chuyen gia.\n") * 3
    assert detect_lang(text) is None
    assert clean(RawDocument("p", text, "text")).lang is None


def test_english_menu_page_keeps_a_guess() -> None:
    # No prose lines at all: the best list still names the language.
    assert detect_lang("Home\nNews\nThe latest\nSport\nWeather and the news of the day") == "en"


@pytest.mark.parametrize("title", [
    "Fed raises interest rates again", "No way to know", "Un ir tas", "Putin meets Xi in Moscow",
    "Путин встретился с Си",
])
def test_a_handful_of_words_gets_no_language(title: str) -> None:
    # A record with only a title: several lists fit a few words by chance ("lv" for English).
    assert detect_lang(title) is None
    assert clean(RawDocument("t", title, "text")).lang is None


def test_a_script_of_its_own_still_names_a_short_text() -> None:
    assert detect_lang("東京で地震") == "ja"
    assert detect_lang("Σεισμός στην Αθήνα") == "el"
