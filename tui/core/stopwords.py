"""Function words per language: shared by the cleaner (language, prose) and grouping
(evidence), and free of both so that either loads without the other."""

from __future__ import annotations

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


def stopwords_for(lang: str | None) -> frozenset[str]:
    """Stop words of ``lang``: English's when the language is unknown (most page furniture is
    English), none for a language without a list (lines are then judged without them)."""
    return STOPWORDS["en"] if lang is None else STOPWORDS.get(lang, frozenset())
