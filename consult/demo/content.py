"""The demo round: "Community priorities for advocacy 2027", in English, French, Spanish,
Russian and Arabic, with free-text answers that read like what members write."""

LANGUAGES = ["en", "fr", "es", "ru", "ar"]
SLUG = "priorities-2027"

TITLE = {
    "en": "Community priorities for advocacy 2027",
    "fr": "Priorités de la communauté pour le plaidoyer 2027",
    "es": "Prioridades de la comunidad para la incidencia 2027",
    "ru": "Приоритеты сообщества для адвокации на 2027 год",
    "ar": "أولويات المجتمع للمناصرة 2027",
}
INTRODUCTION = {
    "en": "Tell us what matters most to you. Your answers will shape what the network "
    "campaigns for in 2027. It takes about ten minutes.",
    "fr": "Dites-nous ce qui compte le plus pour vous. Vos réponses orienteront les campagnes "
    "du réseau en 2027. Cela prend environ dix minutes.",
    "es": "Cuéntanos qué es lo más importante para ti. Tus respuestas orientarán las campañas "
    "de la red en 2027. Te llevará unos diez minutos.",
    "ru": "Расскажите, что для вас важнее всего. Ваши ответы определят, за что сеть будет "
    "выступать в 2027 году. Это займёт около десяти минут.",
    "ar": "أخبرنا بما يهمك أكثر. ستحدد إجاباتك ما ستناصر من أجله الشبكة في عام 2027. "
    "يستغرق ذلك نحو عشر دقائق.",
}
THANK_YOU = {
    "en": "Your voice will be part of the network's advocacy plan.",
    "fr": "Votre voix fera partie du plan de plaidoyer du réseau.",
    "es": "Tu voz formará parte del plan de incidencia de la red.",
    "ru": "Ваш голос войдёт в план адвокации сети.",
    "ar": "سيكون صوتك جزءًا من خطة المناصرة للشبكة.",
}


def t(en, fr, es, ru, ar):
    return {"en": en, "fr": fr, "es": es, "ru": ru, "ar": ar}


AGREEMENT = [
    (
        "strongly_disagree",
        t(
            "Strongly disagree",
            "Pas du tout d'accord",
            "Muy en desacuerdo",
            "Совершенно не согласен(на)",
            "لا أوافق بشدة",
        ),
    ),
    ("disagree", t("Disagree", "Pas d'accord", "En desacuerdo", "Не согласен(на)", "لا أوافق")),
    (
        "neutral",
        t(
            "Neither agree nor disagree",
            "Ni d'accord ni pas d'accord",
            "Ni de acuerdo ni en desacuerdo",
            "Ни да, ни нет",
            "محايد",
        ),
    ),
    ("agree", t("Agree", "D'accord", "De acuerdo", "Согласен(на)", "أوافق")),
    (
        "strongly_agree",
        t(
            "Strongly agree",
            "Tout à fait d'accord",
            "Muy de acuerdo",
            "Полностью согласен(на)",
            "أوافق بشدة",
        ),
    ),
]
PREFER_NOT = (
    "prefer_not",
    t(
        "I prefer not to say",
        "Je préfère ne pas répondre",
        "Prefiero no decirlo",
        "Предпочитаю не отвечать",
        "أفضل عدم الإجابة",
    ),
)

#: Sections: (title, [questions]); a question is a dict of Question fields plus "choices" as
#: [(code, label)] and "weights" that shape the synthetic answers.
SECTIONS = [
    (
        t("About you", "À propos de vous", "Sobre ti", "О вас", "عنك"),
        [
            {
                "code": "region",
                "kind": "single_choice",
                "required": True,
                "identifying": True,
                "text": t(
                    "Where do you live?",
                    "Où vivez-vous ?",
                    "¿Dónde vives?",
                    "Где вы живёте?",
                    "أين تعيش؟",
                ),
                "help": t(
                    "Only the region, never the town.",
                    "Seulement la région, jamais la ville.",
                    "Solo la región, nunca la ciudad.",
                    "Только регион, не город.",
                    "المنطقة فقط، وليس المدينة أبدًا.",
                ),
                "choices": [
                    ("asia", t("Asia", "Asie", "Asia", "Азия", "آسيا")),
                    ("europe", t("Europe", "Europe", "Europa", "Европа", "أوروبا")),
                    ("eurasia", t("Eurasia", "Eurasie", "Eurasia", "Евразия", "أوراسيا")),
                    ("africa", t("Africa", "Afrique", "África", "Африка", "أفريقيا")),
                    (
                        "latin_america",
                        t(
                            "Latin America",
                            "Amérique latine",
                            "América Latina",
                            "Латинская Америка",
                            "أمريكا اللاتينية",
                        ),
                    ),
                    (
                        "oceania",
                        t(
                            "Australia and Oceania",
                            "Australie et Océanie",
                            "Australia y Oceanía",
                            "Австралия и Океания",
                            "أستراليا وأوقيانوسيا",
                        ),
                    ),
                    (
                        "north_america",
                        t(
                            "North America",
                            "Amérique du Nord",
                            "América del Norte",
                            "Северная Америка",
                            "أمريكا الشمالية",
                        ),
                    ),
                    (
                        "mena",
                        t(
                            "Middle East and North Africa",
                            "Moyen-Orient et Afrique du Nord",
                            "Oriente Medio y Norte de África",
                            "Ближний Восток и Северная Африка",
                            "الشرق الأوسط وشمال أفريقيا",
                        ),
                    ),
                ],
            },
            {
                "code": "involvement",
                "kind": "single_choice",
                "required": False,
                "text": t(
                    "How are you involved in the movement of people who use drugs?",
                    "Comment participez-vous au mouvement des personnes qui consomment des drogues ?",
                    "¿Cómo participas en el movimiento de personas que usan drogas?",
                    "Как вы участвуете в движении людей, употребляющих наркотики?",
                    "كيف تشارك في حركة الأشخاص الذين يتعاطون المخدرات؟",
                ),
                "choices": [
                    (
                        "national",
                        t(
                            "Member of a national network",
                            "Membre d'un réseau national",
                            "Miembro de una red nacional",
                            "Член национальной сети",
                            "عضو في شبكة وطنية",
                        ),
                    ),
                    (
                        "regional",
                        t(
                            "Member of a regional network",
                            "Membre d'un réseau régional",
                            "Miembro de una red regional",
                            "Член региональной сети",
                            "عضو في شبكة إقليمية",
                        ),
                    ),
                    (
                        "peer_worker",
                        t(
                            "Peer worker in a service",
                            "Pair-aidant dans un service",
                            "Trabajador/a par en un servicio",
                            "Равный консультант в службе",
                            "عامل أقران في خدمة",
                        ),
                    ),
                    (
                        "not_member",
                        t(
                            "Not a member of a network",
                            "Pas membre d'un réseau",
                            "No soy miembro de una red",
                            "Не состою в сети",
                            "لست عضوًا في شبكة",
                        ),
                    ),
                    PREFER_NOT,
                ],
            },
        ],
    ),
    (
        t(
            "Priorities for advocacy",
            "Priorités de plaidoyer",
            "Prioridades de incidencia",
            "Приоритеты адвокации",
            "أولويات المناصرة",
        ),
        [
            {
                "code": "priorities",
                "kind": "ranking",
                "required": True,
                "rank_count": 3,
                "text": t(
                    "Which three issues should the network work on first?",
                    "Sur quels trois sujets le réseau doit-il travailler en premier ?",
                    "¿En qué tres temas debería trabajar primero la red?",
                    "Какими тремя вопросами сеть должна заняться в первую очередь?",
                    "ما هي القضايا الثلاث التي يجب أن تعمل عليها الشبكة أولاً؟",
                ),
                "choices": [
                    (
                        "decriminalisation",
                        t(
                            "Decriminalisation of drug use",
                            "Dépénalisation de l'usage de drogues",
                            "Despenalización del uso de drogas",
                            "Декриминализация употребления наркотиков",
                            "عدم تجريم تعاطي المخدرات",
                        ),
                    ),
                    (
                        "harm_reduction",
                        t(
                            "Needles, syringes and opioid agonist treatment",
                            "Aiguilles, seringues et traitements agonistes opioïdes",
                            "Agujas, jeringas y tratamiento con agonistas opioides",
                            "Иглы, шприцы и опиоидная заместительная терапия",
                            "الإبر والمحاقن والعلاج بناهضات الأفيونيات",
                        ),
                    ),
                    (
                        "overdose",
                        t(
                            "Overdose prevention and naloxone",
                            "Prévention des overdoses et naloxone",
                            "Prevención de sobredosis y naloxona",
                            "Профилактика передозировок и налоксон",
                            "الوقاية من الجرعات الزائدة والنالوكسون",
                        ),
                    ),
                    (
                        "hiv_hepatitis",
                        t(
                            "HIV, hepatitis and TB",
                            "VIH, hépatites et tuberculose",
                            "VIH, hepatitis y tuberculosis",
                            "ВИЧ, гепатиты и туберкулёз",
                            "فيروس نقص المناعة والتهاب الكبد والسل",
                        ),
                    ),
                    (
                        "police",
                        t(
                            "Ending police violence",
                            "Mettre fin aux violences policières",
                            "Acabar con la violencia policial",
                            "Прекращение полицейского насилия",
                            "إنهاء عنف الشرطة",
                        ),
                    ),
                    (
                        "stigma",
                        t(
                            "Stigma and discrimination in health care",
                            "Stigmatisation et discrimination dans les soins",
                            "Estigma y discriminación en la atención sanitaria",
                            "Стигма и дискриминация в здравоохранении",
                            "الوصم والتمييز في الرعاية الصحية",
                        ),
                    ),
                    (
                        "funding",
                        t(
                            "Funding for user-led networks",
                            "Financement des réseaux d'usagers",
                            "Financiación de redes lideradas por personas usuarias",
                            "Финансирование сетей, возглавляемых людьми, употребляющими наркотики",
                            "تمويل الشبكات التي يقودها متعاطو المخدرات",
                        ),
                    ),
                    (
                        "women",
                        t(
                            "Rights of women who use drugs",
                            "Droits des femmes qui consomment des drogues",
                            "Derechos de las mujeres que usan drogas",
                            "Права женщин, употребляющих наркотики",
                            "حقوق النساء اللواتي يتعاطين المخدرات",
                        ),
                    ),
                ],
                "weights": [30, 22, 14, 9, 10, 7, 5, 3],
            },
            {
                "code": "decriminalisation_first",
                "kind": "scale",
                "required": True,
                "text": t(
                    "Decriminalisation should be the network's main campaign in 2027.",
                    "La dépénalisation devrait être la principale campagne du réseau en 2027.",
                    "La despenalización debería ser la campaña principal de la red en 2027.",
                    "Декриминализация должна стать главной кампанией сети в 2027 году.",
                    "يجب أن يكون عدم التجريم الحملة الرئيسية للشبكة في عام 2027.",
                ),
                "choices": AGREEMENT,
                "weights": [3, 6, 14, 37, 40],
            },
            {
                "code": "services_meet_needs",
                "kind": "scale",
                "required": False,
                "text": t(
                    "Harm reduction services where I live meet our needs.",
                    "Les services de réduction des risques là où je vis répondent à nos besoins.",
                    "Los servicios de reducción de daños donde vivo responden a nuestras necesidades.",
                    "Службы снижения вреда там, где я живу, отвечают нашим потребностям.",
                    "خدمات الحد من الضرر في مكان إقامتي تلبي احتياجاتنا.",
                ),
                "choices": AGREEMENT,
                "weights": [22, 33, 20, 18, 7],
            },
            {
                "code": "barriers",
                "kind": "multiple_choice",
                "required": False,
                "text": t(
                    "What stops people from using harm reduction services? Choose all that apply.",
                    "Qu'est-ce qui empêche les gens d'utiliser les services de réduction des risques ? Cochez tout ce qui s'applique.",
                    "¿Qué impide que la gente use los servicios de reducción de daños? Elige todo lo que corresponda.",
                    "Что мешает людям пользоваться службами снижения вреда? Выберите всё подходящее.",
                    "ما الذي يمنع الناس من استخدام خدمات الحد من الضرر؟ اختر كل ما ينطبق.",
                ),
                "choices": [
                    (
                        "no_service",
                        t(
                            "No service nearby",
                            "Pas de service à proximité",
                            "No hay servicio cerca",
                            "Рядом нет службы",
                            "لا توجد خدمة قريبة",
                        ),
                    ),
                    (
                        "fear_police",
                        t(
                            "Fear of the police",
                            "Peur de la police",
                            "Miedo a la policía",
                            "Страх перед полицией",
                            "الخوف من الشرطة",
                        ),
                    ),
                    (
                        "staff_stigma",
                        t(
                            "Staff who judge us",
                            "Un personnel qui nous juge",
                            "Personal que nos juzga",
                            "Персонал, который нас осуждает",
                            "موظفون يحكمون علينا",
                        ),
                    ),
                    (
                        "cost",
                        t(
                            "It costs too much",
                            "Cela coûte trop cher",
                            "Cuesta demasiado",
                            "Это слишком дорого",
                            "التكلفة مرتفعة جدًا",
                        ),
                    ),
                    (
                        "registration",
                        t(
                            "Being registered as a drug user",
                            "Être fiché comme usager de drogues",
                            "Quedar registrado/a como usuario/a de drogas",
                            "Постановка на наркологический учёт",
                            "التسجيل كمتعاطٍ للمخدرات",
                        ),
                    ),
                    (
                        "hours",
                        t(
                            "Opening hours",
                            "Les horaires d'ouverture",
                            "Los horarios",
                            "Часы работы",
                            "ساعات العمل",
                        ),
                    ),
                ],
                "weights": [45, 55, 40, 20, 30, 18],
            },
        ],
    ),
    (
        t("Your experience", "Votre expérience", "Tu experiencia", "Ваш опыт", "تجربتك"),
        [
            {
                "code": "police_stop",
                "kind": "single_choice",
                "required": False,
                "text": t(
                    "In the last 12 months, were you stopped or searched by the police because you use drugs?",
                    "Au cours des 12 derniers mois, avez-vous été contrôlé·e ou fouillé·e par la police parce que vous consommez des drogues ?",
                    "En los últimos 12 meses, ¿te paró o registró la policía por usar drogas?",
                    "За последние 12 месяцев вас останавливала или обыскивала полиция из-за употребления наркотиков?",
                    "خلال الأشهر الاثني عشر الماضية، هل أوقفتك الشرطة أو فتشتك لأنك تتعاطى المخدرات؟",
                ),
                "choices": [
                    ("yes", t("Yes", "Oui", "Sí", "Да", "نعم")),
                    ("no", t("No", "Non", "No", "Нет", "لا")),
                    PREFER_NOT,
                ],
                "weights": [48, 40, 12],
            },
            {
                "code": "health_care_stigma",
                "kind": "single_choice",
                "required": False,
                "text": t(
                    "Have you been treated badly in health care because you use drugs?",
                    "Avez-vous été mal traité·e dans les soins parce que vous consommez des drogues ?",
                    "¿Te han tratado mal en la atención sanitaria por usar drogas?",
                    "Относились ли к вам плохо в медицинских учреждениях из-за употребления наркотиков?",
                    "هل عوملت معاملة سيئة في الرعاية الصحية لأنك تتعاطى المخدرات؟",
                ),
                "choices": [
                    ("never", t("Never", "Jamais", "Nunca", "Никогда", "أبدًا")),
                    ("once", t("Once", "Une fois", "Una vez", "Один раз", "مرة واحدة")),
                    (
                        "often",
                        t(
                            "Several times",
                            "Plusieurs fois",
                            "Varias veces",
                            "Несколько раз",
                            "عدة مرات",
                        ),
                    ),
                    PREFER_NOT,
                ],
                "weights": [25, 20, 45, 10],
            },
            {
                "code": "health_care_what_happened",
                "kind": "long_text",
                "required": False,
                "max_length": 3000,
                # Asked only of those who were treated badly: a condition members meet.
                "condition": {
                    "question": "health_care_stigma",
                    "op": "any_of",
                    "value": ["once", "often"],
                },
                # No "write no names" here: every text box carries that note already.
                "text": t(
                    "If you want, tell us what happened.",
                    "Si vous le souhaitez, racontez-nous ce qui s'est passé.",
                    "Si quieres, cuéntanos qué pasó.",
                    "Если хотите, расскажите, что произошло.",
                    "إذا أردت، أخبرنا بما حدث.",
                ),
            },
            {
                "code": "one_change",
                "kind": "short_text",
                "required": False,
                "max_length": 300,
                "text": t(
                    "If you could change one law or policy, what would it be?",
                    "Si vous pouviez changer une loi ou une politique, laquelle serait-ce ?",
                    "Si pudieras cambiar una ley o política, ¿cuál sería?",
                    "Если бы вы могли изменить один закон или политику, что бы это было?",
                    "لو استطعت تغيير قانون أو سياسة واحدة، فماذا ستكون؟",
                ),
            },
        ],
    ),
    (
        t("Your ideas", "Vos idées", "Tus ideas", "Ваши идеи", "أفكارك"),
        [
            {
                "code": "campaign_idea",
                "kind": "long_text",
                "required": False,
                "max_length": 3000,
                "text": t(
                    "What should the network campaign on in 2027, and why?",
                    "Sur quoi le réseau devrait-il faire campagne en 2027, et pourquoi ?",
                    "¿Sobre qué debería hacer campaña la red en 2027, y por qué?",
                    "Какой должна быть кампания сети в 2027 году и почему?",
                    "ما الذي يجب أن تناصر من أجله الشبكة في عام 2027، ولماذا؟",
                ),
                "help": t(
                    "A few words are enough.",
                    "Quelques mots suffisent.",
                    "Unas pocas palabras bastan.",
                    "Достаточно нескольких слов.",
                    "تكفي بضع كلمات.",
                ),
            },
            {
                "code": "support_needed",
                "kind": "multiple_choice",
                "required": False,
                "text": t(
                    "What support would help your network do advocacy?",
                    "Quel soutien aiderait votre réseau à faire du plaidoyer ?",
                    "¿Qué apoyo ayudaría a tu red a hacer incidencia?",
                    "Какая поддержка помогла бы вашей сети заниматься адвокацией?",
                    "ما الدعم الذي سيساعد شبكتك على القيام بالمناصرة؟",
                ),
                "choices": [
                    (
                        "training",
                        t(
                            "Training for advocates",
                            "Formation des militant·es",
                            "Formación para activistas",
                            "Обучение активистов",
                            "تدريب المناصرين",
                        ),
                    ),
                    (
                        "core_funding",
                        t(
                            "Core funding",
                            "Financement de base",
                            "Financiación básica",
                            "Базовое финансирование",
                            "التمويل الأساسي",
                        ),
                    ),
                    (
                        "translation",
                        t(
                            "Translation of materials",
                            "Traduction des documents",
                            "Traducción de materiales",
                            "Перевод материалов",
                            "ترجمة المواد",
                        ),
                    ),
                    (
                        "legal",
                        t(
                            "Legal support",
                            "Soutien juridique",
                            "Apoyo legal",
                            "Юридическая помощь",
                            "الدعم القانوني",
                        ),
                    ),
                    (
                        "data",
                        t(
                            "Data and research",
                            "Données et recherche",
                            "Datos e investigación",
                            "Данные и исследования",
                            "البيانات والأبحاث",
                        ),
                    ),
                ],
                "weights": [50, 60, 25, 35, 30],
            },
            {
                "code": "anything_else",
                "kind": "long_text",
                "required": False,
                "max_length": 3000,
                "text": t(
                    "Is there anything else you want to tell us?",
                    "Voulez-vous nous dire autre chose ?",
                    "¿Hay algo más que quieras contarnos?",
                    "Хотите ли вы сказать нам что-то ещё?",
                    "هل هناك أي شيء آخر تريد أن تخبرنا به؟",
                ),
            },
        ],
    ),
]

#: Free-text answers by question code and language.
FREE_TEXT = {
    "one_change": {
        "en": [
            "Stop arresting people for having drugs for their own use.",
            "Give us methadone to take home, not every day at the clinic.",
            "No more compulsory treatment centres.",
            "Naloxone without a prescription in every pharmacy.",
            "Remove drug use from criminal records.",
        ],
        "fr": [
            "Arrêter de mettre les gens en prison pour de l'usage simple.",
            "Des salles de consommation dans toutes les grandes villes.",
            "La naloxone gratuite et sans ordonnance.",
            "Supprimer le fichage des usagers.",
        ],
        "es": [
            "Que dejen de detenernos por llevar drogas para uso personal.",
            "Naloxona gratis en todos los centros de salud.",
            "Acabar con los centros de tratamiento obligatorio.",
            "Que el consumo no sea delito.",
        ],
        "ru": [
            "Отменить уголовную ответственность за хранение для личного употребления.",
            "Разрешить заместительную терапию метадоном и бупренорфином.",
            "Убрать наркологический учёт.",
            "Налоксон в каждой аптеке без рецепта.",
        ],
        "ar": [
            "إلغاء عقوبة السجن على تعاطي المخدرات.",
            "توفير العلاج البديل بالميثادون في كل المدن.",
            "وقف الفحوصات الإجبارية عند الشرطة.",
            "حماية خصوصيتنا في المستشفيات.",
        ],
    },
    "campaign_idea": {
        "en": [
            "Decriminalisation. As long as we are criminals, nothing else changes: "
            "not health care, not housing, not jobs.",
            "Overdose deaths are going up with the new synthetic drugs. We need naloxone "
            "and drug checking everywhere, and peers trained to use them.",
            "Funding for our own networks. Donors pay big NGOs to talk about us, "
            "but our groups run on volunteers.",
            "Police violence. People are beaten and robbed by police and nobody records it.",
            "Women who use drugs lose custody of their children just for using. "
            "We need services for women and mothers.",
        ],
        "fr": [
            "La dépénalisation, parce que la prison détruit nos vies et nos familles.",
            "Les overdoses augmentent. Il faut de la naloxone partout et des pairs formés.",
            "Le financement des réseaux d'usagers : sans argent, nous ne pouvons pas faire "
            "de plaidoyer.",
            "La stigmatisation à l'hôpital : on nous renvoie chez nous sans soins.",
        ],
        "es": [
            "La despenalización, porque la cárcel no ayuda a nadie y destruye familias.",
            "Más programas de jeringas y naloxona en los barrios.",
            "Que haya dinero para las redes de personas usuarias, no solo para las ONG grandes.",
            "La violencia policial contra las personas que usamos drogas en la calle.",
        ],
        "ru": [
            "Декриминализация. Пока нас сажают за хранение, люди боятся обращаться за помощью.",
            "Доступ к заместительной терапии во всех регионах, а не только в столице.",
            "Финансирование сообществ. Без денег наши группы держатся только на волонтёрах.",
            "Насилие со стороны полиции и подбросы. Нужна юридическая помощь.",
        ],
        "ar": [
            "عدم التجريم، لأن السجن يدمر حياتنا وعائلاتنا.",
            "الوصول إلى الإبر والمحاقن النظيفة والعلاج البديل دون خوف من الشرطة.",
            "الوصم في المستشفيات، فالأطباء يرفضون علاجنا عندما يعرفون أننا نتعاطى المخدرات.",
            "دعم الشبكات المجتمعية بالتمويل والتدريب.",
        ],
    },
    "health_care_what_happened": {
        "en": [
            "The nurse refused to treat my abscess until I stopped using.",
            "They called the police when I asked for clean needles at the hospital.",
            "The doctor talked about me as if I was not there.",
        ],
        "fr": [
            "On m'a fait attendre toute la journée aux urgences parce que je consomme.",
            "Le médecin a refusé de me prescrire un traitement de substitution.",
        ],
        "es": [
            "En la clínica me dijeron que primero tenía que dejar de consumir.",
            "Me trataron como delincuente cuando fui por una sobredosis de un amigo.",
        ],
        "ru": [
            "В больнице отказались лечить, пока я не встану на учёт.",
            "Врач сказал, что на таких, как я, нет смысла тратить лекарства.",
        ],
        "ar": [
            "رفض الطبيب علاجي عندما عرف أنني أتعاطى المخدرات.",
            "اتصلوا بالشرطة عندما طلبت المساعدة في المستشفى.",
        ],
    },
    "anything_else": {
        "en": [
            "Thank you for asking us.",
            "Please translate the results so our members can read them.",
            "Ask women separately, our problems are different.",
        ],
        "fr": ["Merci de nous consulter.", "Publiez les résultats en français s'il vous plaît."],
        "es": ["Gracias por preguntarnos.", "Compartan los resultados con las redes nacionales."],
        "ru": ["Спасибо, что спрашиваете нас.", "Пожалуйста, переведите результаты на русский."],
        "ar": ["شكرًا لسؤالكم لنا.", "نرجو ترجمة النتائج إلى العربية."],
    },
}
