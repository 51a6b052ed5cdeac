"""Short news paragraphs in several languages, written for these tests (fictional
events, real country names): what the language identifier is measured and
tested on. ``en`` includes the hard cases: headlines, datelines, lists of names.
"""

from __future__ import annotations

SAMPLES: dict[str, list[str]] = {
    "en": [
        "Norway and Chile signed a fisheries agreement on Tuesday.",
        "Kenya, Ghana sign trade MoU",
        "SEOUL, June 3 (Test Wire) -- South Korea and Japan agreed to resume talks.",
        "Brazil, Argentina, Uruguay and Paraguay ink Mercosur accord",
        "The ministers said the treaty would enter into force in January, after "
        "ratification by both parliaments.",
        "Viet Nam and Indonesia signed a maritime boundary deal in Jakarta.",
        "Putin, Erdogan agree on grain corridor",
        "The accord, signed in Doha, sets out a ceasefire and an exchange of "
        "prisoners between the two sides, mediators said late on Sunday.",
        "France and Germany signed a memorandum on hydrogen research, the "
        "ministry said in a statement on its website.",
        "Mexico City -- Mexico and Canada renewed a labour mobility pact.",
    ],
    "fr": [
        "La France et le Maroc ont signé mardi un accord sur la pêche.",
        "Le traité entrera en vigueur après sa ratification par les deux parlements.",
        "Les ministres des affaires étrangères se sont réunis à Bruxelles jeudi.",
        "Le Sénégal et la Côte d'Ivoire ont conclu un protocole sur l'énergie.",
    ],
    "de": [
        "Deutschland und Polen haben am Dienstag ein Abkommen unterzeichnet.",
        "Der Vertrag tritt nach der Ratifizierung durch beide Parlamente in Kraft.",
        "Die Außenminister trafen sich am Donnerstag in Wien zu Gesprächen.",
        "Österreich und die Schweiz vereinbarten eine engere Zusammenarbeit.",
    ],
    "es": [
        "España y Chile firmaron el martes un acuerdo comercial.",
        "El tratado entrará en vigor tras su ratificación por ambos parlamentos.",
        "Los ministros de exteriores se reunieron el jueves en Lima.",
        "Colombia y Ecuador firmaron un memorando sobre la frontera.",
    ],
    "pt": [
        "Portugal e Angola assinaram na terça-feira um acordo de cooperação.",
        "O tratado entrará em vigor depois da ratificação pelos dois parlamentos.",
        "Os ministros dos negócios estrangeiros reuniram-se em Brasília.",
    ],
    "it": [
        "L'Italia e la Tunisia hanno firmato martedì un accordo sull'energia.",
        "Il trattato entrerà in vigore dopo la ratifica dei due parlamenti.",
        "I ministri degli esteri si sono incontrati giovedì a Roma.",
    ],
    "nl": [
        "Nederland en België hebben dinsdag een verdrag ondertekend.",
        "De ministers van buitenlandse zaken kwamen donderdag bijeen in Den Haag.",
    ],
    "ru": [
        "Россия и Казахстан подписали во вторник соглашение о торговле.",
        "Договор вступит в силу после ратификации парламентами двух стран.",
    ],
    "zh": [
        "中国和巴基斯坦周二签署了一项贸易协定。",
        "两国外长星期四在北京举行了会谈。",
    ],
    "ar": [
        "وقعت مصر والأردن يوم الثلاثاء اتفاقية للتعاون في مجال الطاقة.",
        "اجتمع وزراء الخارجية يوم الخميس في الرياض.",
    ],
    "tr": [
        "Türkiye ve Azerbaycan salı günü bir enerji anlaşması imzaladı.",
        "Dışişleri bakanları perşembe günü Ankara'da bir araya geldi.",
    ],
}
