"""Unit tests of helpers.shapes_ar: script detection, and the shapes and modality not covered by
tests/test_arabic.py (by means, adverb passive, verbal noun, possible and negated verbs, leadership)."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h
from helpers import shapes_ar as sa


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("روسيا تدعم الأسد", True),
        ("Russia backs Assad", False),
        ("روسيا backs الأسد منذ", True),
        ("", False),
        ("123 456", False),
    ],
)
def test_is_arabic(text, expected):
    assert sa.is_arabic(text) is expected


CASES = [
    ("تقدم الجيش السوري بدعم من روسيا نحو حلب.", [["russia", "syrian_government", "asserted", "False", ""]]),
    ("تقدم الجيش السوري بدعم روسي نحو حلب.", [["russia", "syrian_government", "asserted", "False", ""]]),
    ("هاجم حزب الله المدعوم إيرانيا المدينة.", [["iran", "hezbollah", "asserted", "False", ""]]),
    ("دعم روسيا للأسد حاسم.", [["russia", "syrian_government", "asserted", "False", ""]]),
    ("قد تدعم روسيا الأسد.", [["russia", "syrian_government", "possible", "False", ""]]),
    # تعد: "is considered" before a noun, "promises" only before ب or أن
    ("تعد روسيا الداعم الأبرز لنظام الأسد.", [["russia", "syrian_government", "asserted", "False", ""]]),
    ("تعد إيران بتقديم الدعم للأسد.", [["iran", "syrian_government", "possible", "False", ""]]),
    ("لم تدعم تركيا جبهة النصرة.", [["turkey", "jabhat_al_nusra", "denied", "True", ""]]),
    ("قال حزب الله إن إيران تدعم الحوثيين.", [["iran", "houthis", "asserted", "False", "hezbollah"]]),
    ("سيطرت قوات سوريا الديمقراطية بقيادة الولايات المتحدة على منبج.", []),  # leadership is not backing
    # persons and tenses derived by the morphology entry: first person, future
    ("قال بوتين: سندعم الجيش السوري حتى النهاية.", [["russia", "syrian_government", "asserted", "False", ""]]),
    # purpose: what something was sent for
    (
        "أرسلت روسيا طائرات إلى قاعدة حميميم لدعم الجيش السوري.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    # a verbal noun of transfer: the actor before sends, the name before the material receives
    ("تدرس فرنسا تزويد فصائل المعارضة السورية بأسلحة.", [["france", "syrian_opposition", "possible", "False", ""]]),
    # an adverb between a transfer verb and its subject
    ("نقلت خلالها إيران الأسلحة إلى حزب الله.", [["iran", "hezbollah", "asserted", "False", ""]]),
    # a pledge with ب + verbal noun is not "with the support of"
    ("تعهدت قطر بدعم المعارضة السورية.", [["qatar", "syrian_opposition", "possible", "False", ""]]),
    # support itself as what is given, and "in support of" before a body noun
    ("قدمت إيران دعما عسكريا للحكومة السورية.", [["iran", "syrian_government", "asserted", "False", ""]]),
    (
        "شنت الطائرات الروسية غارات دعما لقوات النظام السوري.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    # a fight after the object is a task, not a second object: the subject before the verb backs the object
    (
        "قال متحدث إن القوات الأمريكية ستواصل دعم قوات سوريا الديمقراطية في قتال تنظيم الدولة.",
        [["united_states", "sdf", "asserted", "False", ""]],
    ),
    (
        "قال متحدث إن واشنطن ستدعم قوات سوريا الديمقراطية في حربها على تنظيم الدولة.",
        [["united_states", "sdf", "asserted", "False", ""]],
    ),
    # waging battles beside an actor; participation listed after "with the support of"
    (
        "قال مصدر إن عناصر حزب الله يخوضون المعارك إلى جانب الجيش السوري في ريف حمص.",
        [["hezbollah", "syrian_government", "asserted", "False", ""]],
    ),
    (
        "تقدم الجيش السوري في ريف حماة بدعم من روسيا ومشاركة مقاتلين من حزب الله.",
        [
            ["russia", "syrian_government", "asserted", "False", ""],
            ["hezbollah", "syrian_government", "asserted", "False", ""],
        ],
    ),
    # the former regime named by its fall; a support noun owned by a pronoun, past a participle after a comma
    (
        "قال مسؤول إن الحرس الثوري غادر سوريا، منهيا عقدا من تسليحه للنظام البائد.",
        [["irgc", "syrian_government", "asserted", "False", ""]],
    ),
    # a step taken to back: the subjects of the clause before the comma, both of them
    (
        "أعلنت السعودية وقطر تمويل رواتب الموظفين، في خطوة لدعم الحكومة السورية.",
        [
            ["saudi_arabia", "syrian_government", "asserted", "False", ""],
            ["qatar", "syrian_government", "asserted", "False", ""],
        ],
    ),
    # a time after the object: the name after it is no second object
    (
        "قال مسؤول إسرائيلي إن إيران واصلت تسليح حزب الله بعد سقوط الأسد.",
        [["iran", "hezbollah", "asserted", "False", ""]],
    ),
    # denying receiving: the clause's subject receives (denied); a list accused before a transfer noun
    (
        "نفى قادة فصائل درزية في السويداء تلقي أي دعم عسكري من إسرائيل.",
        [["israel", "druze_factions", "denied", "True", ""]],
    ),
    (
        "تتهم دمشق تركيا وقطر بتقديم الدعم العسكري لحركة أحرار الشام.",
        [
            ["turkey", "ahrar_al_sham", "alleged", "False", "syrian_government"],
            ["qatar", "ahrar_al_sham", "alleged", "False", "syrian_government"],
        ],
    ),
    # a description set off by commas (", وهي ...,") between the fighter and "beside"
    (
        "تقاتل قوات الدفاع الوطني، وهي تشكيلات رديفة تضم آلاف المتطوعين، إلى جانب الجيش النظامي في سوريا.",
        [["national_defense_forces", "syrian_government", "asserted", "False", ""]],
    ),
    # a time clause after a comma, then air cover; a purpose's transfer noun; "by its support" is a noun
    (
        "فكت قوات النمر الحصار عن المطار، بعد معارك استمرت أسابيع تحت غطاء جوي روسي.",
        [["russia", "tiger_forces", "asserted", "False", ""]],
    ),
    (
        "عبرت دبابات تركية الحدود فجر الأربعاء لتقديم الدعم لفصائل من الجيش السوري الحر.",
        [["turkey", "free_syrian_army", "asserted", "False", ""]],
    ),
    (
        "دفعت أنقرة بتعزيزات إلى إدلب في إطار ما تصفه بدعمها لفصائل المعارضة في سوريا.",
        [["turkey", "syrian_opposition", "asserted", "False", ""]],
    ),
    # Kurdish fighters after the lam of "for" (a description: the SDF at this date); planes of a demonym drop
    # shipments
    (
        "ألقت طائرات عسكرية أمريكية شحنات من الأسلحة والذخائر للمقاتلين الأكراد في منبج.",
        [["united_states", "sdf", "asserted", "False", ""]],
    ),
    # the receiver written on a transfer verb after a relative pronoun, past a description set off by a comma;
    # not over a conjunction ("والميليشيات التي تمولها")
    (
        "«جيش العزة»، أحد الفصائل التي زودتها الولايات المتحدة بصواريخ تاو، هاجم مواقع في حماة.",
        [["united_states", "jaysh_al_izza", "asserted", "False", ""]],
    ),
    (
        "تقدمت قوات الأسد المدعومة بالطيران الروسي والميليشيات التي تمولها إيران في ريف حماة.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    # taking part says no direction: the pack's record of who backs whom orients it
    (
        "أطلق الجيش التركي عملية درع الفرات في سوريا بمشاركة فصائل من الجيش السوري الحر.",
        [["turkey", "free_syrian_army", "asserted", "False", ""]],
    ),
    # "in support of" the regime's army (a generic the Syria pack reads in Syria's context)
    (
        "كثفت الطائرات الروسية غاراتها على ريف إدلب إسنادا لجيش النظام في سوريا.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    # a description: the militias are named by who backs them
    (
        "قصفت طائرات مواقع للميليشيات المدعومة إيرانياً في سوريا.",
        [["iran", "iran_backed_militias", "asserted", "False", ""]],
    ),
    # a mark inside a verb (shadda) does not hide it
    ("تموّل السعودية المعارضة السورية.", [["saudi_arabia", "syrian_opposition", "asserted", "False", ""]]),
    # a noun with its owner written on, then ل: the owner backs ("her support for"), not a verb's object
    ("جددت موسكو تأكيد دعمها للجيش السوري.", [["russia", "syrian_government", "asserted", "False", ""]]),
    ("نفت الدوحة تمويلها لجبهة النصرة.", [["qatar", "jabhat_al_nusra", "denied", "True", ""]]),
    # a material word inside a name is no material; "weapons" is no verb with an object pronoun
    ("أرسلت إيران أسلحة لقوات حزب الله.", [["iran", "hezbollah", "asserted", "False", ""]]),
    # standing or taking part beside an actor
    ("وقفت طهران إلى جانب دمشق منذ 2011.", [["iran", "syrian_government", "asserted", "False", ""]]),
    (
        "شارك حزب الله في القتال إلى جانب قوات النظام السوري.",
        [["hezbollah", "syrian_government", "asserted", "False", ""]],
    ),
    # receiving from a giver (the capital after من is the giver, not a place)
    ("حصلت المعارضة السورية على صواريخ من واشنطن.", [["united_states", "syrian_opposition", "asserted", "False", ""]]),
    # a fronted "with the support of"
    ("بدعم من الطائرات الروسية، استعاد الجيش السوري تدمر.", [["russia", "syrian_government", "asserted", "False", ""]]),
    # welcoming or thanking for support
    ("رحب الأسد بالدعم الإيراني.", [["iran", "syrian_government", "asserted", "False", ""]]),
    ("شكرت دمشق موسكو على مساندتها.", [["russia", "syrian_government", "asserted", "False", ""]]),
    ("رحبت روسيا بالهدنة في حلب.", []),
    # a demonym after the verbal noun backs the name after ل; an indefinite demonym
    ("ساعد الدعم الجوي الروسي لدمشق على قلب المعركة.", [["russia", "syrian_government", "asserted", "False", ""]]),
    ("تقدمت قوات المعارضة السورية بدعم سعودي.", [["saudi_arabia", "syrian_opposition", "asserted", "False", ""]]),
    # with funding from; accused as an adjective
    ("تقدمت فصائل المعارضة السورية بتمويل من قطر.", [["qatar", "syrian_opposition", "asserted", "False", ""]]),
    ("أنقرة متهمة بتسليح جبهة النصرة.", [["turkey", "jabhat_al_nusra", "alleged", "False", ""]]),
    # what is given, then the relative clause of its giver; a verbal noun of giving; "in favour of"
    ("انتقدت واشنطن الأسلحة التي ترسلها طهران إلى حزب الله.", [["iran", "hezbollah", "asserted", "False", ""]]),
    ("تواصل إيران إمداد حزب الله بالصواريخ.", [["iran", "hezbollah", "asserted", "False", ""]]),
    ("قررت فرنسا تقديم أسلحة للمعارضة السورية.", [["france", "syrian_opposition", "asserted", "False", ""]]),
    ("تدخل حزب الله عسكريا لصالح النظام السوري.", [["hezbollah", "syrian_government", "asserted", "False", ""]]),
    # a demonym after the noun received is the giver; Iraqi militias named in Arabic
    ("حصل الجيش السوري على دعم إيراني واسع.", [["iran", "syrian_government", "asserted", "False", ""]]),
    (
        "قاتلت ميليشيات عراقية إلى جانب الجيش السوري.",
        [["iraqi_militias", "syrian_government", "asserted", "False", ""]],
    ),
    # subject, verb, receiver, then ب + the material; a demonym after a name is the name's
    ("قالت دمشق إن طهران تزود حزب الله بالصواريخ.", [["iran", "hezbollah", "asserted", "False", "syrian_government"]]),
    (
        "قالت تقارير إن مجموعة فاغنر الروسية أرسلت صواريخ إلى الجيش السوري.",
        [["wagner", "syrian_government", "asserted", "False", ""]],
    ),
    # relying on support, and accusative demonyms in a list
    ("تعتمد المعارضة السورية على الدعم التركي.", [["turkey", "syrian_opposition", "asserted", "False", ""]]),
    (
        "تلقت المعارضة السورية دعما سعوديا وأردنيا.",
        [
            ["saudi_arabia", "syrian_opposition", "asserted", "False", ""],
            ["jordan", "syrian_opposition", "asserted", "False", ""],
        ],
    ),
    # a pronoun after إن/أن stands for the one who speaks
    ("أعلنت موسكو أنها ستزود الجيش السوري بصواريخ.", [["russia", "syrian_government", "asserted", "False", ""]]),
    # a capital opening the clause is its subject
    ("أنقرة هي الداعم الأول للمعارضة السورية.", [["turkey", "syrian_opposition", "asserted", "False", ""]]),
    # a proclitic ل on a word with its article (للقتال): the fighting verb is still read
    (
        "أرسل حزب الله مقاتلين إلى سوريا للقتال إلى جانب قوات النظام.",
        [["hezbollah", "syrian_government", "asserted", "False", ""]],
    ),
    # a capital after the government's noun or a backing noun is the actor ("لحكومة دمشق", "بدعم دمشق"), and a
    # pledge written as a noun with its owner (التزامها) is a pledge
    ("قدمت إيران خطوط ائتمان لحكومة دمشق.", [["iran", "syrian_government", "asserted", "False", ""]]),
    ("أكدت موسكو التزامها بدعم دمشق.", [["russia", "syrian_government", "asserted", "False", ""]]),
    # thanks to air cover, fronted; advice as what is given; the sponsor as a role noun after a copula
    (
        "وبفضل الغطاء الجوي الروسي، استعادت قوات النظام السوري مدينة تدمر.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    (
        "يقدم الحرس الثوري الاستشارات العسكرية لقوات النظام السوري.",
        [["irgc", "syrian_government", "asserted", "False", ""]],
    ),
    (
        "قالت دمشق إن تركيا هي الراعي الرئيسي لهيئة تحرير الشام.",
        [["turkey", "hts", "asserted", "False", "syrian_government"]],
    ),
    # contributing to a gain backs; to a loss does not
    (
        "ساهم التدخل العسكري الروسي عام 2015 في إنقاذ نظام الأسد.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    ("ساهمت الغارات الإسرائيلية في إضعاف حزب الله.", []),
    ("ساهمت قطر في التوصل إلى اتفاق بين الحكومة السورية والمعارضة.", []),
    # a material reaching an actor: its demonym backs the receiver; aid flights are not backing
    (
        "وقالت مصادر إن الأسلحة التركية وصلت إلى الجيش الوطني السوري.",
        [["turkey", "syrian_national_army", "asserted", "False", ""]],
    ),
    ("وصلت طائرة إماراتية تحمل مساعدات إنسانية إلى مطار دمشق.", []),
    # an indefinite participle after the adjectives of its noun; fighting in the ranks of an actor
    (
        "وتقاتل فصائل عراقية وأفغانية ممولة من إيران في صفوف قوات النظام السوري.",
        [
            ["iran", "iraqi_militias", "asserted", "False", ""],
            ["iraqi_militias", "syrian_government", "asserted", "False", ""],
        ],
    ),
    ("ويقاتل آلاف المقاتلين الأجانب في صفوف تنظيم الدولة.", []),
    # a proxy noun with its owner after it; standing behind; a long verb form opening the clause (تعهدت)
    ("وحزب الله هو أبرز أذرع إيران في المنطقة.", [["iran", "hezbollah", "asserted", "False", ""]]),
    ("وتعد الميليشيات العراقية من وكلاء إيران في سوريا.", [["iran", "iraqi_militias", "asserted", "False", ""]]),
    ("وتقف روسيا خلف النظام السوري منذ بداية الحرب.", [["russia", "syrian_government", "asserted", "False", ""]]),
    ("واتهمت دمشق أنقرة بالوقوف وراء الهجمات في إدلب.", []),
    ("وتعهدت واشنطن بمواصلة دعم قسد في الحرب ضد داعش.", [["united_states", "sdf", "possible", "False", ""]]),
    # the Kurdish fighters are the YPG (here 2016: the SDF); a name after "against" is fought
    (
        "وأعلن البنتاغون أنه سيواصل تسليح المقاتلين الأكراد في سوريا.",
        [["united_states", "sdf", "asserted", "False", ""]],
    ),
    (
        "وتقول أنقرة إنها تدعم الجيش الوطني السوري في مواجهة الوحدات الكردية.",
        [["turkey", "syrian_national_army", "asserted", "False", ""]],
    ),
    # a material with its demonym as the subject of a verb before its object; rescue as a purpose; a part of a group
    # receiving; a particle between the subject and the verb; "that it had" after a denial; indefinite militias
    (
        "وساعدت الضربات الجوية الروسية قوات النظام السوري على استعادة حلب.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    ("ساعدت الطائرات الروسية في إجلاء المدنيين من حلب.", []),
    (
        "وتدخلت روسيا عسكريا في سوريا عام 2015 لإنقاذ حليفها بشار الأسد.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    (
        "وكانت الولايات المتحدة قد زودت فصائل في الجيش الحر بصواريخ مضادة للدبابات.",
        [["united_states", "free_syrian_army", "asserted", "False", ""]],
    ),
    ("ونفت قطر أن تكون قد قدمت أي دعم مالي لجبهة النصرة.", [["qatar", "jabhat_al_nusra", "denied", "True", ""]]),
    ("وتعتبر طهران الداعم الإقليمي الأبرز للنظام السوري.", [["iran", "syrian_government", "asserted", "False", ""]]),
    (
        "وتنشط في سوريا ميليشيات مدعومة من الحرس الثوري الإيراني.",
        [["irgc", "iran_backed_militias", "asserted", "False", ""]],
    ),
    # a backer noun after another title; a body noun before the verb's subject; "the Iranian militias"
    (
        "وتعد الولايات المتحدة الحليف الأبرز والداعم الرئيسي لقوات سوريا الديمقراطية.",
        [["united_states", "sdf", "asserted", "False", ""]],
    ),
    (
        "وقد ساندت قوات حزب الله الجيش السوري في معركة القصير عام 2013.",
        [["hezbollah", "syrian_government", "asserted", "False", ""]],
    ),
    (
        "وبحسب المرصد، فإن الميليشيات الإيرانية تقاتل إلى جانب قوات النظام السوري في دير الزور.",
        [["iran_backed_militias", "syrian_government", "asserted", "False", ""]],
    ),
    # from an independent batch: the one who denies accusations (نفت الدوحة اتهامات ... بتمويل); a list joined by a
    # body noun and من; a relative verb whose subject was named before the antecedent; each of a list (كلا من)
    (
        "ونفت الدوحة مجددا اتهامات غربية بتمويل جبهة النصرة.",
        [["qatar", "jabhat_al_nusra", "denied", "True", ""]],
    ),
    (
        "قالت مصادر إن مقاتلين من حزب الله ومستشارين من الحرس الثوري يقاتلون إلى جانب قوات النظام السوري.",
        [
            ["hezbollah", "syrian_government", "asserted", "False", ""],
            ["irgc", "syrian_government", "asserted", "False", ""],
        ],
    ),
    (
        "أطلقت تركيا مع فصائل الجيش الوطني السوري التي تدعمها عملية عسكرية شرق الفرات.",
        [["turkey", "syrian_national_army", "asserted", "False", ""]],
    ),
    (
        "واتهمت دمشق كلا من قطر والسعودية وتركيا بتمويل فصائل المعارضة المسلحة.",
        [
            ["qatar", "syrian_opposition", "alleged", "False", "syrian_government"],
            ["saudi_arabia", "syrian_opposition", "alleged", "False", "syrian_government"],
            ["turkey", "syrian_opposition", "alleged", "False", "syrian_government"],
        ],
    ),
    # "with the direct backing of"; after a comma a relative clause (الذين يقاتلون) belongs to the name before it
    (
        "استعاد الجيش السوري السيطرة على مدينة القصير بإسناد مباشر من مقاتلي حزب الله.",
        [["hezbollah", "syrian_government", "asserted", "False", ""]],
    ),
    (
        "قالت مصادر روسية إن عشرات من مرتزقة مجموعة فاغنر، الذين يقاتلون إلى جانب قوات النظام السوري، قتلوا.",
        [["wagner", "syrian_government", "asserted", "False", ""]],
    ),
    (
        "ونفذت الطائرات الروسية أولى ضرباتها في أول تدخل عسكري روسي مباشر لصالح دمشق.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    (
        "وتقول أنقرة إن حزب العمال الكردستاني يمد وحدات حماية الشعب بالقادة والمقاتلين.",
        [["pkk", "ypg", "asserted", "False", "turkey"]],
    ),
    # standing beside, as a verbal noun
    (
        "وأكد وزير الخارجية التركي وقوف بلاده إلى جانب المعارضة السورية.",
        [["turkey", "syrian_opposition", "asserted", "False", ""]],
    ),
    # a group's leader after بقيادة is skipped: in a passive, and after a phrase opening the sentence
    (
        "تتقدم قوات النمر بقيادة سهيل الحسن، المدعومة من روسيا، في الغوطة.",
        [["russia", "tiger_forces", "asserted", "False", ""]],
    ),
    (
        "وبدعم جوي من التحالف الدولي بقيادة واشنطن، أعلنت قوات سوريا الديمقراطية سيطرتها على الرقة.",
        [["us_led_coalition", "sdf", "asserted", "False", ""]],
    ),
    # a time set off by commas does not end the clause; backing an operation backs who launched it
    (
        "بدأت الطائرات الروسية، اليوم الأربعاء، غاراتها دعما لقوات بشار الأسد.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    ("دعمت تركيا الهجوم الذي شنته هيئة تحرير الشام على حلب.", [["turkey", "hts", "asserted", "False", ""]]),
    # training received from officers named by a plural demonym, the noun indefinite with its alef
    (
        "ويتلقى الجيش السوري تدريبا من ضباط أتراك.",
        [["turkey", "syrian_government", "asserted", "False", ""]],
    ),
    # after a verbal noun, من names the giver: the subject does not back it
    ("ويتلقى الجيش السوري التدريب من تركيا.", [["turkey", "syrian_government", "asserted", "False", ""]]),
    ("ويقاتل مستشارون إيرانيون إلى جانب قوات النظام السوري.", [["iran", "syrian_government", "asserted", "False", ""]]),
    # a body noun before the demonym that follows a finite verb: the demonym is the subject
    (
        "وساندت المقاتلات الروسية تقدم قوات النظام في ريف حماة.",
        [["russia", "syrian_government", "asserted", "False", ""]],
    ),
    # a phrase right after a comma takes the subject of the clause before it (not after a ceasefire)
    (
        "واصلت الطائرات الأمريكية قصف مواقع التنظيم قرب منبج، دعما لقوات سوريا الديمقراطية.",
        [["united_states", "sdf", "asserted", "False", ""]],
    ),
    ("أعلنت واشنطن التوصل إلى هدنة في درعا، بدعم من الأردن.", []),
    # quote marks around a name are no words between it and the verb or the relative
    ('سلحت أنقرة فصائل "الجيش الوطني السوري" في عفرين.', [["turkey", "syrian_national_army", "asserted", "False", ""]]),
    (
        "زجت أنقرة بفصائل «الجيش الوطني السوري» التي تسلحها.",
        [["turkey", "syrian_national_army", "asserted", "False", ""]],
    ),
    # funding received, the noun indefinite with its alef
    ("تتلقى الخوذ البيضاء تمويلا من بريطانيا.", [["united_kingdom", "white_helmets", "asserted", "False", ""]]),
    # a shipment with its own origin, on its way to the client (not the demonym of the strike that hit it)
    (
        "دمرت غارة إسرائيلية شحنة صواريخ إيرانية كانت في طريقها إلى حزب الله.",
        [["iran", "hezbollah", "asserted", "False", ""]],
    ),
]

SYRIA_CASES = [
    # a fighting verb with its object written on, "beside him", then the fighters: "him" is the clause's subject
    (
        "2013-06-05",
        "سيطر الجيش السوري على بلدة يبرود بعد معارك ضارية خاضها إلى جانبه مئات من عناصر حزب الله.",
        {("hezbollah", "syrian_government")},
    ),
    # keeping an actor in power: the subject backs it
    ("2016-05-01", "ضخت إيران أموالا طائلة للإبقاء على الأسد في السلطة.", {("iran", "syrian_government")}),
    # "the regular forces" are Assad's before his fall; a relative clause after a name of four words and a comma
    (
        "2014-05-01",
        "قاتلت عناصر من حزب الله اللبناني الذين دربتهم إيران إلى جانب القوات النظامية في القلمون.",
        {("hezbollah", "syrian_government"), ("iran", "hezbollah")},
    ),
    # a relative clause after a name and its abbreviation in parentheses
    (
        "2018-06-01",
        "سيطرت وحدات حماية الشعب (YPG)، التي تدعمها الولايات المتحدة، على قرى جديدة شرق الفرات.",
        {("united_states", "ypg")},
    ),
    # the two sides of a fight: the last name after the backer is the other side, unless a third follows it
    (
        "2025-01-10",
        "اندلعت اشتباكات بين فصائل الجيش الوطني المدعومة من تركيا و«قسد» قرب منبج.",
        {("turkey", "syrian_national_army")},
    ),
    (
        "2016-03-01",
        "تجددت الاشتباكات بين قوات النظام المدعومة من روسيا وإيران وفصائل المعارضة جنوب حلب.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    # two with-phrases after a comma: the second's backer is no client, the clause's subject before them is
    (
        "2016-02-01",
        "تقدمت قوات النظام في ريف حلب الشمالي، في هجوم شنته بإسناد جوي روسي وبمشاركة مقاتلي حزب الله.",
        {("russia", "syrian_government"), ("hezbollah", "syrian_government")},
    ),
    # Shiite militias Iran backs, described by the relative clause
    (
        "2016-02-01",
        "قاتلت ميليشيات شيعية تدعمها إيران في ريف اللاذقية.",
        {("iran", "iran_backed_militias")},
    ),
    # the thanker before the verb, the thanked after it; a body noun with من before the object
    (
        "2025-03-01",
        "الرئيس الشرع يشكر قطر والسعودية على دعمهما لسوريا.",
        {("qatar", "syrian_transitional_government"), ("saudi_arabia", "syrian_transitional_government")},
    ),
    ("2025-03-01", "أنقرة تدرب وحدات من الجيش السوري الجديد.", {("turkey", "syrian_transitional_government")}),
    # a name said to be one of the backed groups ("one of the most prominent Saudi-backed factions")
    (
        "2015-06-01",
        "حاصر جيش الإسلام، وهو من أكبر الفصائل المدعومة سعوديا، مدينة عدرا.",
        {("saudi_arabia", "jaysh_al_islam")},
    ),
    (
        "2015-06-01",
        "تقدم جيش الإسلام الذي يعد من أكبر الفصائل المدعومة سعوديا نحو عدرا.",
        {("saudi_arabia", "jaysh_al_islam")},
    ),
    # "the factions loyal to Turkey" names the Syrian National Army (from Dec 2017), the FSA before
    (
        "2019-10-12",
        "قصفت المدفعية التركية مواقع قسد إسنادا للفصائل الموالية لتركيا.",
        {("turkey", "syrian_national_army")},
    ),
    ("2016-09-01", "دخلت الفصائل المدعومة من تركيا مدينة جرابلس.", {("turkey", "free_syrian_army")}),
    # "opposition" after the demonym of the factions Turkey backs
    ("2019-10-12", "دخلت فصائل سورية معارضة تدعمها أنقرة مدينة رأس العين.", {("turkey", "syrian_national_army")}),
    # "the American coalition" (state media's name), a second verb that goes on with the verbal noun after a comma
    (
        "2017-06-20",
        "قصف التحالف الأمريكي أحياء الرقة بحجة قتال داعش، ويواصل دعم ميليشيا «قسد» بالعتاد.",
        {("us_led_coalition", "sdf")},
    ),
    # an adjective between the support noun and من
    (
        "2015-11-02",
        "تقدم الجيش السوري نحو مطار كويرس بدعم كبير من سلاح الجو الروسي.",
        {("russia", "syrian_government")},
    ),
    # sent into a force's operations rooms
    (
        "2016-02-10",
        "أرسل حزب الله قادة ميدانيين إلى غرف عمليات الجيش السوري في ريف حلب.",
        {("hezbollah", "syrian_government")},
    ),
    # a list of objects after verb and subject, a dual participle after a list, a list before بدعم
    ("2023-11-01", "تمول طهران حركة حماس وحزب الله منذ سنوات.", {("iran", "hamas"), ("iran", "hezbollah")}),
    ("2023-11-01", "حزب الله وحماس مدعومان من طهران.", {("iran", "hamas"), ("iran", "hezbollah")}),
    ("2023-11-01", "يحظى حزب الله وحركة حماس بدعم إيراني كبير.", {("iran", "hamas"), ("iran", "hezbollah")}),
    # the names joined to a client by و after it are clients of the same statement
    (
        "2019-01-01",
        "زودت طهران الحوثيين وحزب الله بصواريخ متطورة.",
        {("iran", "houthis"), ("iran", "hezbollah")},
    ),  # undertaking to fund: the verbal noun after ب is the undertaker's, not "with funding from" (the government
    # whose staff's salaries are paid is funded); a capital after a verb in the future is its subject
    (
        "2025-05-07",
        "قالت مصادر إن الدوحة ستتكفل بتمويل جزء من رواتب موظفي الحكومة السورية.",
        {("qatar", "syrian_transitional_government")},
    ),
    ("2019-01-01", "ستواصل طهران تسليح حزب الله رغم العقوبات.", {("iran", "hezbollah")}),
    # the one relied on for weapons gives; Turkish-backed factions written without the article
    (
        "2016-06-01",
        "يعتمد النظام السوري على موسكو في الحصول على الأسلحة والغطاء الدبلوماسي.",
        {("russia", "syrian_government")},
    ),
    ("2019-06-01", "تقدمت فصائل مدعومة من تركيا نحو مدينة الباب.", {("turkey", "syrian_national_army")}),
    # a participle in the accusative of state before a number of fighters; factions armed by Ankara, indefinite
    (
        "2013-06-05",
        "استعاد الجيش السوري، مدعوماً بمئات من عناصر حزب الله، السيطرة على القصير.",
        {("hezbollah", "syrian_government")},
    ),
    (
        "2018-01-21",
        "دخلت القوات التركية وفصائل سورية مسلحة تدعمها أنقرة منطقة عفرين.",
        {("turkey", "syrian_national_army")},
    ),
    # Tel Aviv for Israel's government and Druze groups in Arabic; salaries received with their owner written on;
    # paying the salaries of a government's employees
    ("2025-06-01", "اتهمت دمشق تل أبيب بتسليح مجموعات درزية في السويداء.", {("israel", "druze_factions")}),
    ("2020-06-01", "يتلقى الجيش الوطني السوري رواتبه من تركيا منذ سنوات.", {("turkey", "syrian_national_army")}),
    ("2025-06-01", "تدفع قطر رواتب موظفي الحكومة السورية بمنحة شهرية.", {("qatar", "syrian_transitional_government")}),
    # rescue, protection and help as purposes; the adjective of origin after a giver's name stands before the client
    ("2016-06-01", "هبّت موسكو لنجدة الأسد في أيلول 2015.", {("russia", "syrian_government")}),
    ("2016-06-01", "نشرت روسيا شرطة عسكرية لحماية قوات النظام في حلب.", {("russia", "syrian_government")}),
    ("2016-06-01", "أوفدت طهران قادة من فيلق القدس لمساعدة جيش الأسد.", {("iran", "syrian_government")}),
    (
        "2016-06-01",
        "تزوّد وكالة المخابرات المركزية الأمريكية المعارضة السورية بالأسلحة الخفيفة.",
        {("united_states", "syrian_opposition")},
    ),
    # "in the framework of backing" as a purpose; a verb of going on after "where" with the subject before it;
    # verbal nouns joined by و before a part of the client; a description that belongs to the group named after في
    (
        "2016-01-01",
        "كثفت الطائرات الروسية غاراتها على ريف حلب، في إطار دعم الجيش السوري في معاركه.",
        {("russia", "syrian_government")},
    ),
    (
        "2025-07-01",
        "تنشر واشنطن مئات الجنود في الحسكة، حيث تواصل دعم قوات سوريا الديمقراطية.",
        {("united_states", "sdf")},
    ),
    (
        "2014-09-18",
        "أقر الكونغرس الأمريكي خطة لتدريب وتسليح مقاتلين من المعارضة السورية.",
        {("united_states", "syrian_opposition")},
    ),
    (
        "2017-05-10",
        "أعلنت واشنطن عزمها تزويد المقاتلين الأكراد في وحدات حماية الشعب بأسلحة ثقيلة قبل معركة الرقة.",
        {("united_states", "ypg")},
    ),
]


@pytest.mark.parametrize(("date", "text", "expected"), SYRIA_CASES)
def test_arabic_descriptions_and_clauses_in_syria_coverage(date, text, expected):
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": ["سوريا"], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == expected, text


SUDAN_CASES = [
    # rifles and machine guns are weapons
    (
        "قال مسؤولون إن الإمارات تزود الدعم السريع بالبنادق والرشاشات عبر تشاد.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # confronting attacks beside a unit of the army, the phrase set off by commas
    (
        "تتصدى القوة المشتركة لحركات دارفور، جنبا إلى جنب مع اللواء الثاني التابع للجيش، لهجمات الدعم السريع.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    # standing with an actor backs it; fighting battles with one is fighting it
    ("وقفت مصر مع الجيش السوداني منذ بداية الحرب.", {("egypt", "sudanese_armed_forces")}),
    ("خاضت قوات الدعم السريع معارك ضارية مع الجيش في الأبيض.", set()),
    # the means of what an actor is accused of, a transfer noun after عبر
    (
        "رفع السودان دعوى يتهم فيها الإمارات بالتواطؤ في جرائم حرب بحق المدنيين في الجنينة، "
        "عبر تقديم السلاح والمال لقوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "صدت القوة المشتركة لحركات الكفاح المسلح، التي تقاتل إلى جانب الجيش، هجوما على الفاشر.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    # "with the help of" after a comma: the receiver of the giving verb before it, whose subject is a group with a
    # quoted name and its demonym (the group gives, not its country)
    (
        "ذكرت مصادر أن مجموعة «فاغنر» الروسية زودت قوات الدعم السريع بذخائر قبل الهجوم على الخرطوم، بمساعدة قوات حفتر.",
        {("wagner", "rapid_support_forces"), ("libyan_national_army", "rapid_support_forces")},
    ),
    # من after a support noun names the giver, never the client of the one who receives it
    ("نفت القوات المسلحة السودانية تلقي أي دعم من طهران.", {("iran", "sudanese_armed_forces")}),
    # "the army" alone is the SAF in Sudan's Arabic coverage, as in English; another army's demonym is not
    ("ويقاتل مسلحو القوة المشتركة إلى جانب الجيش في الفاشر.", {("darfur_joint_force", "sudanese_armed_forces")}),
    ("قال الجيش التشادي إنه يراقب الحدود.", set()),
    # the help given with a transfer goes to its receiver; a leader's title between a body noun and the name
    (
        "أمدت مجموعة فاغنر قوات الدعم السريع بصواريخ بمساعدة قوات المشير خليفة حفتر.",
        {("wagner", "rapid_support_forces"), ("libyan_national_army", "rapid_support_forces")},
    ),
    # an accused actor, not the accuser, backs the one helped ("دعما لـ")
    ("اتهمت قوات الدعم السريع مصر بشن غارات جوية دعما للجيش.", {("egypt", "sudanese_armed_forces")}),
    # receiving through a body noun ("قوات حميدتي" is Hemedti's force, not a material)
    (
        "وتتلقى قوات حميدتي إمدادات عسكرية عبر ليبيا من قوات خليفة حفتر.",
        {("libyan_national_army", "rapid_support_forces")},
    ),
    (
        "قالت لجنة خبراء إن الأسلحة الإماراتية وصلت إلى قوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # a giver after a second من ("من طراز بيرقدار من تركيا"); the accused a few words after an accusing verb
    ("وتلقى الجيش السوداني طائرات مسيرة من طراز بيرقدار من تركيا.", {("turkey", "sudanese_armed_forces")}),
    (
        "وتتهم الحكومة السودانية أبوظبي بأنها الداعم الرئيسي لميليشيا الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # a description naming both sides says no one backs which: no edge
    ("ونفت الإمارات الاتهامات وقالت إنها لا تقدم أي دعم لأي من طرفي النزاع في السودان.", set()),
    # support with its owner and an adjective before ل; the accused as a pronoun after the accusation (لها); beside
    ("وأعلنت القاهرة دعمها الكامل للجيش السوداني.", {("egypt", "sudanese_armed_forces")}),
    (
        "ورفضت الإمارات اتهامات السودان لها بدعم الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "وانضمت قوات درع السودان إلى القتال بجانب الجيش بعد انشقاق قائدها.",
        {("sudan_shield_forces", "sudanese_armed_forces")},
    ),
    # after "that", the fighter is the actor after it, not the speaker; nobody when none is named there
    ("وأكد البرهان أن مصر وقفت إلى جانب السودان منذ بداية الحرب.", {("egypt", "sudanese_government")}),
    ("وقالت الأمم المتحدة إن مرتزقة من كولومبيا يقاتلون في صفوف الدعم السريع.", set()),
    # the accused owns the noun further on; the government in Port Sudan
    (
        "واتهم قائد الجيش عبد الفتاح البرهان دولة الإمارات بتأجيج الحرب عبر دعمها للدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "وتحظى الحكومة في بورتسودان بدعم مصري وتركي.",
        {("egypt", "sudanese_government"), ("turkey", "sudanese_government")},
    ),
    # a demonym after the accused is the accused's; the accused further on after a long accuser
    (
        "اتهمت تقارير إعلامية مجموعة فاغنر الروسية بتزويد قوات الدعم السريع بصواريخ أرض-جو.",
        {("wagner", "rapid_support_forces")},
    ),
    ("اتهم مستشار لقائد الدعم السريع طهران بإمداد الجيش السوداني بطائرات مسيرة.", {("iran", "sudanese_armed_forces")}),
    # siding with the army
    (
        "وأعلنت قوات درع السودان بقيادة أبو عاقلة كيكل انحيازها للجيش.",
        {("sudan_shield_forces", "sudanese_armed_forces")},
    ),
    # the armed forces alone are the SAF; the subject of a reported clause after إن; a gerund after مقابل
    (
        "أعلنت القوة المشتركة مشاركتها في القتال إلى جانب القوات المسلحة في الفاشر.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    (
        "قال مساعد القائد العام للجيش إن روسيا طلبت قاعدة بحرية في بورتسودان مقابل إمداد الجيش بالأسلحة.",
        {("russia", "sudanese_armed_forces")},
    ),
    # the agent after a relative verb (Bashir's government, named as his at any date) arms the militias; the
    # sentence's first actor does not
    (
        "تعود جذور قوات الدعم السريع إلى ميليشيات الجنجويد التي سلحتها حكومة عمر البشير.",
        {("sudanese_government", "janjaweed")},
    ),
    # short asides set off by commas: the clause before them holds the subject
    (
        "وتقاتل حركة تحرير السودان، جناح مناوي، إلى جانب الجيش في دارفور.",
        {("sudan_liberation_army", "sudanese_armed_forces")},
    ),
    (
        "استعاد الجيش السوداني مدينة سنجة، عاصمة ولاية سنار، بمساندة القوة المشتركة.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    # a relative after a name and its complement
    (
        "صدت القوة المشتركة للحركات المسلحة، التي تقاتل إلى جانب الجيش، هجوما على الفاشر.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    # a dual verb after a list whose second item opens with a body noun
    (
        "قالت مصادر إن فاغنر وقوات حفتر تمدان قوات الدعم السريع بالأسلحة.",
        {("wagner", "rapid_support_forces"), ("libyan_national_army", "rapid_support_forces")},
    ),
    # the accused of an accusation fights or strikes, not the accuser (an aside between them)
    (
        "اتهمت الحكومة السودانية قوات حفتر بالقتال إلى جانب الدعم السريع قرب الحدود.",
        {("libyan_national_army", "rapid_support_forces")},
    ),
    (
        "اتهم قائد الدعم السريع في بيان مطول الطيران المصري بشن غارات دعما للجيش.",
        {("egypt", "sudanese_armed_forces")},
    ),
    # an auxiliary between the subject and the transfer verb
    ("أكد دبلوماسي أن أنقرة باتت تزود الجيش السوداني بالمسيرات.", {("turkey", "sudanese_armed_forces")}),
    # a group's own leader after بقيادة does not end a list
    (
        "أعلنت حركة العدل والمساواة بقيادة جبريل إبراهيم وحركة تحرير السودان بقيادة مناوي القتال إلى جانب الجيش.",
        {
            ("justice_and_equality_movement", "sudanese_armed_forces"),
            ("sudan_liberation_army", "sudanese_armed_forces"),
        },
    ),
    # the accuser named twice (title and name) before the accused
    (
        "اتهم قائد الدعم السريع محمد حمدان دقلو سلاح الجو المصري بضرب مواقعه دعما للجيش.",
        {("egypt", "sudanese_armed_forces")},
    ),
    # joining the ranks of an armed actor; two movements after a dual noun
    ("أعلن قائد ميداني انضمام قوات درع السودان إلى صفوف الجيش.", {("sudan_shield_forces", "sudanese_armed_forces")}),
    (
        "قررت حركتا العدل والمساواة وتحرير السودان القتال إلى جانب الجيش.",
        {("justice_and_equality_movement", "sudanese_armed_forces")},
    ),
    # an armed group taking part (a quoted name with its leader, then a brigade); a state at a meeting is no backer
    (
        "سيطر الجيش على سنجة، بمشاركة قوات «درع السودان» بقيادة كيكل وكتيبة البراء بن مالك.",
        {("sudan_shield_forces", "sudanese_armed_forces"), ("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
    ),
    ("عقدت الحكومة السودانية مؤتمرا في بورتسودان بمشاركة مصر.", set()),
    # "beside him": the actor joined to the fighter by و, else the sentence's first other actor
    (
        "انسحب الجيش والقوة المشتركة التي حاربت إلى جانبه من مواقع في الفاشر.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    (
        "يعول الجيش في كردفان على القوة المشتركة لحركات دارفور المسلحة، التي تقاتل إلى جانبه منذ عام.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    # "accusing her of": the accused is the actor named before the participle
    (
        "قطعت الحكومة السودانية علاقاتها مع الإمارات، متهمة إياها بتسليح قوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # the accused written on the verb as a pronoun ("accusing her"), named before it
    (
        "رفعت الحكومة السودانية دعوى ضد الإمارات، تتهمها فيها بالتواطؤ في الإبادة عبر دعمها لقوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # "American-made" names no backer; a second verbal noun after و keeps the accused
    (
        "اتهم حميدتي مصر بقصف قواته وتزويد الجيش بقنابل أميركية الصنع.",
        {("egypt", "sudanese_armed_forces")},
    ),
    # a description after a comma ended by the fighting verb's relative clause
    (
        "شاركت في الهجوم على الخرطوم كتيبة البراء بن مالك، إحدى المجموعات التي تقاتل في صفوف القوات المسلحة.",
        {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
    ),
    # "his country's support": the speaker's state
    ("أكد الوزير الروسي خلال لقائه نظيره دعم بلاده للحكومة السودانية.", {("russia", "sudanese_government")}),
    # an indefinite demonym (Ukrainian) doing what "in support of" says
    ("قالت مصادر إن قوات خاصة أوكرانية شنت ضربات دعما للجيش السوداني.", {("ukraine", "sudanese_armed_forces")}),
    # the movement's name with a spaced hyphen
    ("تقاتل الحركة الشعبية - شمال إلى جانب الدعم السريع في جنوب كردفان.", {("splm_n", "rapid_support_forces")}),
    # a second verb with the same actor as its object does not make a verb-subject-object reading
    (
        "قال مسؤول إن القاهرة تدعم الحكومة السودانية وتتعامل مع مجلس السيادة.",
        {("egypt", "sudanese_government")},
    ),
    # the army's name for the RSF ("the rebel militia"), dated from the war's start
    (
        "قال المتحدث باسم الجيش السوداني في الخرطوم إن أبوظبي تمد الميليشيا المتمردة بالذخائر.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # what the accused did through (عبر، من خلال) a verbal noun: the accused backs, named or as إياها
    (
        "رفع السودان دعوى على الإمارات متهما إياها بالمشاركة في جرائم حرب عبر تسليح قوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "اتهمت الخرطوم أبوظبي بالضلوع في الحرب من خلال تمويل قوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # the accuser far before the accused, past his title and an aside: the reach is counted from the accused
    (
        "اتهم سفير السودان لدى الاتحاد الأفريقي محمد عبد الله، في مؤتمر صحفي عقده في أديس أبابا يوم الخميس، "
        "الإمارات بإطالة أمد الحرب من خلال تسليح قوات الدعم السريع، بينما تدعم مصر الجيش.",
        {("united_arab_emirates", "rapid_support_forces"), ("egypt", "sudanese_armed_forces")},
    ),
    # the one sued "on the charge of" complicity through arming; two adjectives before من; the ousted president's
    # government and the army-led government as names of the state
    (
        "رفع السودان دعوى ضد الإمارات بتهمة المشاركة في جرائم حرب عبر تمويل قوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "تحظى الحكومة التي يقودها الجيش بدعم عسكري ومالي من مصر وقطر منذ بدء الحرب في الخرطوم.",
        {("egypt", "sudanese_government"), ("qatar", "sudanese_government")},
    ),
    (
        "سلحت حكومة الرئيس المعزول عمر البشير ميليشيات الجنجويد في دارفور.",
        {("sudanese_government", "janjaweed")},
    ),
    # "the Sudanese state" and its institutions
    (
        "جدد وزير الخارجية المصري دعم القاهرة لمؤسسات الدولة السودانية في حربها.",
        {("egypt", "sudanese_government")},
    ),
    # ل and a body noun before the leader who names the client
    (
        "قال دبلوماسي سوداني إن الدعم المصري لقوات البرهان يتزايد منذ بدء الحرب في الخرطوم.",
        {("egypt", "sudanese_armed_forces")},
    ),
    # a pronoun of the thing given between the verb and its subject
    (
        "الطائرات المسيرة التي زودت بها أنقرة الجيش حسمت معارك الخرطوم.",
        {("turkey", "sudanese_armed_forces")},
    ),
    # the givers after a participle set off by commas are no clients of the list; a joiner with its own ل complement
    # (an alliance of armed groups joins too); siding written as a noun with its owner and إلى
    (
        "الجيش السوداني، المدعوم من مصر وتركيا، استعاد السيطرة على مدني.",
        {("egypt", "sudanese_armed_forces"), ("turkey", "sudanese_armed_forces")},
    ),
    (
        "انضمت القوة المشتركة لحركات الكفاح المسلح إلى الجيش في معارك الفاشر.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    ("أعلن قائد قوات درع السودان انحيازه إلى الجيش.", {("sudan_shield_forces", "sudanese_armed_forces")}),
    # the fighters' verbal noun after an aside set off by commas; a relative clause's antecedent fights; the forum
    # named between the accused and the accusation is not the accused
    (
        "أعلنت حركة العدل والمساواة وحركة تحرير السودان، في مؤتمر صحفي ببورتسودان، التخلي عن الحياد والقتال إلى"
        " جانب القوات المسلحة.",
        {
            ("justice_and_equality_movement", "sudanese_armed_forces"),
            ("sudan_liberation_army", "sudanese_armed_forces"),
        },
    ),
    (
        "فرضت واشنطن عقوبات على قادة عسكريين وعلى كتيبة البراء بن مالك التي تقاتل إلى جانب الجيش السوداني.",
        {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
    ),
    (
        "اتهم مندوب السودان دولة الإمارات أمام مجلس الأمن بتمويل قوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # aid to people is no backing, by a verb of backing or of sending; arms with medical aid are
    ("دعمت قطر الحكومة السودانية بمساعدات إنسانية.", set()),
    ("أرسلت الإمارات مساعدات إنسانية إلى قوات الدعم السريع.", set()),
    ("دعمت مصر الجيش السوداني بالسلاح والمساعدات الطبية.", {("egypt", "sudanese_armed_forces")}),
    # under the cover of an actor's weapons
    ("تقدم الجيش السوداني في الخرطوم تحت غطاء من المسيرات التركية.", {("turkey", "sudanese_armed_forces")}),
    # the accused written on the verb after a relative pronoun: the names after the verb accuse
    (
        "وتواجه الإمارات، التي يتهمها خبراء أمميون والحكومة السودانية بتسليح الدعم السريع، ضغوطا متزايدة.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "قالت الحكومة إن الإمارات التي تتهمها بتمويل الدعم السريع لم ترد.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # a masculine pronoun stands for the army, not the feminine state named first
    (
        "اتهمت الحكومة الإمارات بتسليح الدعم السريع، بينما حصل الجيش على مسيرات من تركيا، "
        "ووفرت له موسكو غطاء دبلوماسيا.",
        {
            ("united_arab_emirates", "rapid_support_forces"),
            ("turkey", "sudanese_armed_forces"),
            ("russia", "sudanese_armed_forces"),
        },
    ),
    # intervening on an actor's side
    ("تدخلت وحدات أوكرانية خاصة إلى جانب الجيش السوداني في أم درمان.", {("ukraine", "sudanese_armed_forces")}),
    ("رفضت مصر التدخل عسكريا إلى جانب الجيش السوداني.", {("egypt", "sudanese_armed_forces")}),
    # the accusing participle before a capital
    (
        "قطعت الحكومة السودانية علاقاتها مع الإمارات، متهمة أبوظبي بتسليح قوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUDAN_CASES)
def test_arabic_shapes_in_sudan_coverage(text, expected):
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": [text],
            "date": pd.to_datetime(["2024-11-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer="sudan"))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == expected, text


def test_arabic_description_of_the_turkish_backed_factions():
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": ["سيطرت الفصائل المدعومة من تركيا على عفرين."],
            "date": pd.to_datetime(["2019-01-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c))
    assert list(zip(e.backer, e.client)) == [("turkey", "syrian_national_army")]


@pytest.fixture(scope="module")
def support():
    n = len(CASES)
    c = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "title": [""] * n,
            "text": [t for t, _ in CASES],
            "date": pd.to_datetime(["2016-05-01"] * n, utc=True),
            "source": ["s"] * n,
        }
    )
    return h.extract_support(c, h.tag_mentions(c))


@pytest.mark.parametrize("i", range(len(CASES)))
def test_arabic_shapes_and_modality(support, i):
    got = support[support["doc_id"] == f"d{i}"]
    cols = ["backer", "client", "modality", "negated", "attributed_to"]
    assert got[cols].astype(str).values.tolist() == CASES[i][1], CASES[i][0]


def test_the_new_government_in_arabic_after_assads_fall():
    text = "وأرسلت السعودية شحنات وقود إلى سوريا دعما للحكومة الجديدة."
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": ["سوريا"],
            "text": [text],
            "date": pd.to_datetime(["2025-03-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == {("saudi_arabia", "syrian_transitional_government")}
    c["date"] = pd.to_datetime(["2016-03-01"], utc=True)  # before 8 Dec 2024 "the new government" names no one
    assert h.extract_support(c, h.tag_mentions(c)).empty


def test_sudans_security_and_defence_council_is_the_state():
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": ["أعلن مجلس الأمن والدفاع قطع العلاقات مع الإمارات."],
            "date": pd.to_datetime(["2025-05-06"], utc=True),
            "source": ["s"],
        }
    )
    entities = set(h.tag_mentions(c, gazetteer="sudan").entity.astype(str))
    assert "sudanese_government" in entities and "un_security_council" not in entities


@pytest.mark.parametrize(
    "text",
    [
        # a plural subject named after the clause: "most prominent of them", "among them"
        "ميليشيات أجنبية عدة تساند جيش الأسد في المدينة، أبرزها حزب الله ولواء فاطميون.",
        "فصائل عدة تقاتل إلى جانب قوات النظام، من بينها حزب الله ولواء فاطميون.",
    ],
)
def test_a_plural_subject_counted_after_the_clause(text):
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": ["سوريا"], "text": [text], "date": pd.to_datetime(["2016-09-08"], utc=True)}
    )
    e = h.extract_support(c, h.tag_mentions(c))
    got = set(zip(e.backer.astype(str), e.client.astype(str)))
    assert {("hezbollah", "syrian_government"), ("fatemiyoun", "syrian_government")} <= got, text


def test_a_fighter_past_a_passive_aside_beside_soldiers_of_the_state():
    # the aside's agent (Iran) backs Hezbollah and does not fight; the Syrian soldiers are the army
    text = (
        "سيطر الجيش على القصير، بعد معارك قاتل فيها عناصر من حزب الله اللبناني، المدعوم من إيران، "
        "جنباً إلى جنب مع الجنود السوريين."
    )
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": ["سوريا"], "text": [text], "date": pd.to_datetime(["2013-06-05"], utc=True)}
    )
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == {
        ("iran", "hezbollah"),
        ("hezbollah", "syrian_government"),
    }


@pytest.mark.parametrize(
    ("text", "pack", "date"),
    [
        # a supply convoy belonging to a group is its own, no supply to it
        ("نصبت القوة المشتركة المتحالفة مع الجيش كمينا لقافلة إمداد تابعة للدعم السريع.", "sudan", "2024-12-02"),
        # a thanking verb after a comma has no subject before that comma
        ("استثنيت المنحة من العقوبات الأمريكية، وشكر الحكومة القطرية على مساعدتها.", "syria", "2025-05-08"),
    ],
)
def test_a_groups_own_convoy_and_thanks_across_a_comma_back_no_one(text, pack, date):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=[pack]))
    assert e.empty, list(zip(e.backer, e.client))


def _edges(text: str, date: str, pack: str) -> set[tuple[str, str]]:
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=pack))
    return set(zip(e.backer.astype(str), e.client.astype(str)))


STG = "syrian_transitional_government"


@pytest.mark.parametrize(
    ("text", "date", "pack", "expected"),
    [
        # paying a state's debts: a dual verb, and the payers after the verb
        ("قطر والسعودية تسددان ديون سوريا المتأخرة.", "2025-06-10", "syria", {("qatar", STG), ("saudi_arabia", STG)}),
        ("سددت قطر والسعودية ديون سوريا للبنك الدولي.", "2025-06-10", "syria", {("qatar", STG), ("saudi_arabia", STG)}),
        # "backed by it": the clause's subject backs
        (
            "أرسلت أنقرة فصائل الجيش الوطني المدعومة منها إلى ليبيا.",
            "2019-10-12",
            "syria",
            {("turkey", "syrian_national_army")},
        ),
        # "both backed by Iran" after a list: each is backed, and the list (not Iran) fights beside the army
        (
            "قاتلت ميليشيا فاطميون وحزب الله، وكلاهما مدعوم من إيران، إلى جانب الجيش السوري في تدمر.",
            "2016-05-01",
            "syria",
            {
                ("iran", "fatemiyoun"),
                ("iran", "hezbollah"),
                ("fatemiyoun", "syrian_government"),
                ("hezbollah", "syrian_government"),
            },
        ),
        # the accused written on the verb: the state named before it, never the accuser named by his name
        (
            "وصف المجلس الإمارات بدولة معادية ويتهمها بإمداد الدعم السريع بالذخائر",
            "2025-05-06",
            "sudan",
            {("united_arab_emirates", "rapid_support_forces")},
        ),
        ("انتقد البرهان أبوظبي في كلمته واتهمها بتسليح الدعم السريع.", "2024-11-01", "sudan", set()),
    ],
)
def test_pronouns_duals_and_lists_in_arabic(text, date, pack, expected):
    assert _edges(text, date, pack) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Islamic Republic named in full is Iran
        ("شدد الوزير على دعم الجمهورية الإسلامية الإيرانية الثابت لحزب الله.", {("iran", "hezbollah")}),
        # the last listed name's own adjective before "both"
        (
            "قاتلت ميليشيا فاطميون وحركة النجباء العراقية، وكلاهما ممول من إيران، في حلب.",
            {("iran", "fatemiyoun"), ("iran", "iraqi_militias")},
        ),
    ],
)
def test_iran_named_in_full_and_both_after_an_adjective(text, expected):
    assert _edges(text, "2016-05-01", "syria") == expected, text


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        # a dual verb after a comma: both movements of the clause before join the army
        (
            "خرجت حركة العدل والمساواة وحركة تحرير السودان من الحياد، وانضمتا إلى الجيش في معاركه.",
            "sudan",
            {
                ("justice_and_equality_movement", "sudanese_armed_forces"),
                ("sudan_liberation_army", "sudanese_armed_forces"),
            },
        ),
        # an adverb between the verb and its object
        ("قال الوزير إن موسكو تساند بقوة الجيش السوري.", "syria", {("russia", "syrian_government")}),
        # a verbal noun after a preposition takes its client with ل: the name after it is no client of the RSF;
        # who denies a role in it owns it (a denied edge)
        (
            "نفت تركيا أي دور لها في دعم الدعم السريع، متهمة الجيش السوداني بالتضليل.",
            "sudan",
            {("turkey", "rapid_support_forces")},
        ),
    ],
)
def test_dual_joiners_adverbs_and_verbal_nouns_after_a_preposition(text, pack, expected):
    assert _edges(text, "2024-06-01" if pack == "sudan" else "2016-06-01", pack) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the target of the attack before "under cover of": the sentence's opening subject is backed
        (
            "شنت قوات النظام، مدعومة بمقاتلين من حزب الله، هجوما على مواقع المعارضة في حماة"
            " تحت غطاء من الغارات الروسية.",
            {("hezbollah", "syrian_government"), ("russia", "syrian_government")},
        ),
        # no opening subject: no client rather than the target
        ("شنت الطائرات غارات على مواقع المعارضة في حماة بدعم من روسيا.", set()),
    ],
)
def test_the_target_of_an_attack_is_no_client_of_support_by_means(text, expected):
    assert _edges(text, "2016-06-01", "syria") == expected, text


def test_the_object_of_ila_does_not_fight_in_its_own_ranks():
    text = "قال الجيش إن كيكل، قائد قوات درع السودان، قرر الانحياز إلى الجيش السوداني والقتال في صفوفه."
    assert _edges(text, "2024-10-21", "sudan") == {("sudan_shield_forces", "sudanese_armed_forces")}


def test_she_who_after_a_comma_is_the_subject_of_the_clause_before():
    text = "ورحبت أنقرة بالاتفاق في دمشق، وهي التي دعمت الجيش الوطني السوري طوال سنوات الحرب."
    assert ("turkey", "syrian_national_army") in _edges(text, "2020-03-06", ["syria"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a loss or a withdrawal before "لصالح": the name after it won, no one backs it
        ("خسرت قوات الدعم السريع مواقع عدة في الخرطوم لصالح الجيش السوداني.", set()),
        ("انسحبت قوات الدعم السريع من مصفاة الجيلي لصالح الجيش بعد أشهر من الحصار.", set()),
        # a strike in its favour still backs it
        ("شنت طائرات مصرية غارات لصالح الجيش السوداني في جبل موية.", {("egypt", "sudanese_armed_forces")}),
    ],
)
def test_lost_to_an_actor_is_not_in_its_favour(text, expected):
    assert _edges(text, "2024-05-10", "sudan") == expected, text


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # seizing or intercepting a shipment sends nothing; its origin still does
        ("ضبطت السلطات السورية شحنة أسلحة كانت في طريقها إلى حزب الله.", "2025-03-10", set()),
        ("اعترضت إسرائيل شحنة صواريخ إيرانية كانت متجهة إلى حزب الله.", "2016-03-10", {("iran", "hezbollah")}),
        # a strike in an earlier clause blocks nothing
        (
            "بعد أن قصفت إسرائيل مواقع في دمشق، أعلنت إيران إرسال شحنة أسلحة إلى حزب الله.",
            "2025-03-10",
            {("iran", "hezbollah")},
        ),
    ],
)
def test_who_seizes_a_shipment_sends_nothing(text, date, expected):
    assert _edges(text, date, "syria") == expected, text


@pytest.mark.parametrize(
    ("text", "date", "pack", "expected"),
    [
        # battles written on the verb of a relative clause: the fighter fights beside the name after إلى جانب
        (
            "انتهت المعارك التي خاضها حزب الله إلى جانب الجيش السوري في القصير.",
            "2013-06-10",
            "syria",
            {("hezbollah", "syrian_government")},
        ),
        # a subject before a verb whose object follows إلى
        (
            "في النيل الأزرق، قوات درع السودان انحازت إلى الجيش في قتاله مع الدعم السريع.",
            "2024-02-10",
            "sudan",
            {("sudan_shield_forces", "sudanese_armed_forces")},
        ),
        # an apposition naming no actor, then a relative clause joined by و: its antecedent receives
        (
            "أصيب قائد في حركة أحرار الشام، إحدى كبرى الفصائل في إدلب والتي تتلقى تمويلا من قطر، في قصف.",
            "2016-04-10",
            "syria",
            {("qatar", "ahrar_al_sham")},
        ),
        # a name with ل before the verbal noun is who is told, not the backer; support for unity or recovery
        ("أكد بوتين للشرع دعم موسكو لوحدة الأراضي السورية.", "2025-02-20", "syria", set()),
        ("أعلنت الرياض في منتدى بدمشق حرصها على دعم تعافي الاقتصاد السوري.", "2025-07-30", "syria", set()),
    ],
)
def test_relative_battles_a_fronted_subject_and_support_for_a_states_unity(text, date, pack, expected):
    assert _edges(text, date, pack) == expected, text


def test_refraining_from_fighting_beside_an_actor_is_a_denial():
    text = "امتنعت الفصائل العراقية هذه المرة عن إرسال مقاتليها للقتال إلى جانب قوات الأسد في حمص."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-12-06"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["syria"]))
    assert set(zip(e.backer.astype(str), e.client.astype(str), e.modality.astype(str))) == {
        ("iraqi_militias", "syrian_government", "denied")
    }


def test_in_support_of_after_an_accusation_in_the_clause_before_is_the_new_clauses_subjects():
    text = "اتهمت طهران إسرائيل بتدبير الهجوم على حلب، في حين شنت طائرات روسية غارات على إدلب دعما للجيش السوري."
    assert _edges(text, "2024-12-02", "syria") == {("russia", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two states' adjectives joined by a hyphen or و, then what it is worth, then the receiver
        (
            "دعم قطري-سعودي بنصف مليار دولار للحكومة السورية الجديدة",
            {("qatar", "syrian_transitional_government"), ("saudi_arabia", "syrian_transitional_government")},
        ),
        (
            "دعم تركي وقطري بمئات ملايين الدولارات للحكومة السورية الجديدة",
            {("turkey", "syrian_transitional_government"), ("qatar", "syrian_transitional_government")},
        ),
    ],
)
def test_support_of_listed_state_adjectives_worth_an_amount(text, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2025-06-01"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["syria"]))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == expected


def test_a_verbal_nouns_own_giver_and_receiver_are_not_the_accuser_and_the_giver():
    text = "رأى محققو مجلس الأمن أن الاتهامات بتسليح تشاد قوات الدعم السريع لا تستند إلى أدلة كافية."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-06-01"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    pairs = set(zip(e.backer.astype(str), e.client.astype(str)))
    assert ("chad", "rapid_support_forces") in pairs
    assert not {p for p in pairs if p[1] == "chad"}, pairs


def test_officials_who_accuse_in_the_plural():
    text = "ويتهمون أنقرة بتسليح جبهة النصرة في الشمال."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2019-06-01"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["syria"]))
    assert set(zip(e.backer.astype(str), e.modality.astype(str))) == {("turkey", "alleged")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body noun and a state adjective after a verbal noun: the body is its object, the agent is before it
        ("تتولى الأردن بموجب الاتفاق تدريب القوات السورية.", {("jordan", "syrian_transitional_government")}),
        # the adjective's state is the giver when ل names the receiver
        ("دعم القوات التركية للجيش السوري الجديد حاسم.", {("turkey", "syrian_transitional_government")}),
    ],
)
def test_a_body_noun_with_a_state_adjective_after_a_verbal_noun(text, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2025-06-01"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["syria"]))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == expected


def statements_with_modality(text: str, date: str, pack: str) -> set[tuple[str, str, str]]:
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=[pack]))
    return set(zip(e.backer.astype(str), e.client.astype(str), e.modality.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # defending an actor, as a verb or as a purpose written with ل and the article (للدفاع عن)
        ("دافعت إيران عن نظام الأسد بالمال والرجال.", {("iran", "syrian_government", "asserted")}),
        (
            "لم يعد لحزب الله، الذي بعث بمقاتليه للدفاع عن نظام الأسد منذ 2013، طريق إلى طهران.",
            {("hezbollah", "syrian_government", "asserted")},
        ),
        # the ministry of defence is no defending
        ("قالت وزارة الدفاع الروسية إن طائراتها قصفت مواقع داعش قرب تدمر.", set()),
        # the accused named by a participle: alleged
        (
            "تواجه الإمارات، المتهمة بتسليح قوات الدعم السريع، انتقادات في واشنطن.",
            {("united_arab_emirates", "rapid_support_forces", "alleged")},
        ),
    ],
)
def test_defending_an_actor_and_the_accused_participle(text, expected):
    pack = "sudan" if "الدعم السريع" in text else "syria"
    found = statements_with_modality(text, "2016-06-01" if pack == "syria" else "2025-05-20", pack)
    assert found == expected, text


def test_a_participle_with_lam_is_the_backer_not_the_backed():
    text = "وتتهم الحكومة الإمارات بأنها الممول الأكبر لقوات الدعم السريع."
    got = {(b, c) for b, c, _ in statements(text, "2024-06-01", "sudan")}
    assert ("rapid_support_forces", "united_arab_emirates") not in got


def test_a_verb_and_the_route_it_takes_before_its_object():
    text = "بعد سقوط الأسد الذي دعمته روسيا، خسرت إيران الممر البري الذي كانت طهران تمول عبره حزب الله طوال عقدين."
    assert ("iran", "hezbollah") in {(b, c) for b, c, _ in statements(text, "2025-06-01")}


def test_a_relative_aside_before_the_verb_hides_the_names_inside_it():
    # Iran, inside the aside, is no subject of "تسلح": Russia, before it, is
    text = "وقال محللون إن روسيا، التي تنسق مع إيران منذ سنوات، تسلح قوات النظام السوري."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2016-02-01"], utc=True)})
    got = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(got.backer, got.client)) == {("russia", "syrian_government")}


@pytest.mark.parametrize(
    "text",
    [
        "وتدعم موسكو، إلى جانب طهران، حكومة دمشق عسكريا منذ سنوات.",
        "وتدعم موسكو إلى جانب طهران حكومة دمشق عسكريا.",
    ],
)
def test_a_beside_phrase_after_the_subject_adds_a_backer_and_is_no_object(text):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2016-02-01"], utc=True)})
    got = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(got.backer, got.client)) == {("russia", "syrian_government"), ("iran", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle set off by a comma describes the clause's subject, and a phrase joined to it shares it
        (
            "تقدم الجيش السوري نحو خان شيخون، مدعوما بمقاتلي حزب الله.",
            {("hezbollah", "syrian_government")},
        ),
        (
            "سيطرت قوات الأسد على بلدة كفرنبودة، مدعومة بمقاتلي حزب الله وبغطاء جوي روسي.",
            {("hezbollah", "syrian_government"), ("russia", "syrian_government")},
        ),
        # giving a group's leaders refuge backs the group; "so-called" before a name is no word between
        ("وقالت دمشق إن الأردن يؤوي قيادات جيش الإسلام.", {("jordan", "jaysh_al_islam")}),
        ("واتهمت الحكومة قطر بتمويل ما يسمى جيش الإسلام.", {("qatar", "jaysh_al_islam")}),
        # support given as "إسناد"; pushing into ground side by side with an actor
        ("قدمت إيران إسنادا غير معلن للجيش السوري.", {("iran", "syrian_government")}),
        ("توغلت وحدات تركية في إدلب جنبا إلى جنب مع مقاتلي الجيش الوطني السوري.", {("turkey", "syrian_national_army")}),
    ],
)
def test_circumstantial_participles_refuge_so_called_and_advances_beside(text, expected):
    got = {(b, c) for b, c, _ in statements(text, date="2019-06-01")}
    assert got == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause with its own subject after its verb: the support phrase is that subject's
        ("صدت المعارضة الهجوم الذي شنته قوات الأسد بدعم من إيران.", {("iran", "syrian_government")}),
        ("ندد البيان بالمجازر التي ترتكبها العصابات المسلحة بدعم من قطر.", set()),
        # a relative pronoun after a list and its comma: the list does what the verbal noun says
        (
            "اتهمت دمشق السعودية وقطر، اللتين تواصلان تمويل ما يسمى جيش الإسلام.",
            {("saudi_arabia", "jaysh_al_islam"), ("qatar", "jaysh_al_islam")},
        ),
    ],
)
def test_relative_clauses_with_their_own_subject_and_listed_antecedents(text, expected):
    got = {(b, c) for b, c, _ in statements(text, date="2016-06-01")}
    assert got == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pumping money and arms into an actor
        (
            "في سنوات الحرب الأولى في سوريا ضخت قطر المال والسلاح إلى فصائل المعارضة السورية.",
            {("qatar", "syrian_opposition")},
        ),
        ("ضخت الحكومة السورية الأموال في الأسواق.", set()),
        # embracing a group's command is sheltering it; hosting talks is not
        ("احتضنت تركيا قيادة الجيش السوري الحر في مخيم قرب حدودها.", {("turkey", "free_syrian_army")}),
        ("احتضنت الدوحة محادثات بين النظام السوري والمعارضة السورية.", set()),
        # the one engaged in the fighting, not the clause's first actor
        (
            "كشفت غارات التحالف الدولي عن انخراط مقاتلي مجموعة «فاغنر» في القتال إلى جانب قوات النظام السوري.",
            {("wagner", "syrian_government")},
        ),
        # backing talks or a deal between two actors backs neither
        ("دعمت قطر محادثات بين النظام السوري والمعارضة السورية.", set()),
        ("قطر دعمت الاتفاق بين النظام السوري والمعارضة السورية.", set()),
        # a sum given to support people is aid to them, whoever is named later
        (
            "تعهد الاتحاد الأوروبي بتقديم مليار يورو لدعم السوريين داخل البلاد، في مؤتمر حضرته الحكومة السورية.",
            set(),
        ),
        # advice is what advisers give
        ("تقدم روسيا المشورة العسكرية للجيش السوري.", {("russia", "syrian_government")}),
        # a pronoun after a deal or an understanding stands for it
        ("التقى الجيش السوري والجيش التركي في سوتشي، فيما أعلنت طهران ترحيبها بالتفاهم ودعمها له.", set()),
        # the noun after لولا is no verb of the subject before it
        ("ما كان النظام السوري ليصمد لولا دعم إيران.", {("iran", "syrian_government")}),
        # a counterfactual whose subject stands between كان and the lam, and jets as the support
        (
            "ما كان النظام السوري ليصمد لولا دعم إيران، ولولا المقاتلات الروسية.",
            {("iran", "syrian_government"), ("russia", "syrian_government")},
        ),
    ],
)
def test_arabic_pumping_and_counterfactuals_in_syria_coverage(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2016-05-01")} == expected, text
