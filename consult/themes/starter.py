"""The starter codebook: themes for coding free-text answers, used to seed the database.

The themes follow what the network's strategic plan (2021-2024, in ``seed/``) names as its goals
and as the harms people who use drugs face, and each maps to one of the plan's four strategic
directions, so that a brief can group what members wrote by direction.

Each theme has a name, a definition and include / exclude notes in every interface language, and
keywords for automatic suggestions. Keywords are matched on word stems after normalisation
(``consult.themes.text``), so they list the plain word forms people write, lower case; singular
and plural variants are fine, and a phrase (one to three words) matches only with its words
together and in order. Arabic and Farsi keywords are written without harakat or tatweel.
"""

LANGUAGES = ("en", "fr", "es", "pt", "ru", "ar", "fa", "id")

#: The strategic directions, as the plan names them.
STRATEGIC_DIRECTIONS = (
    "Network Development",
    "Partnership Development",
    "Programming and Technical Support",
    "Advocacy and Campaigning",
)

THEMES = [
    {
        "code": "decriminalisation",
        "parent": None,
        "name": {
            "en": "Decriminalisation and legal reform",
            "fr": "Décriminalisation et réforme des lois",
            "es": "Despenalización y reforma legal",
            "pt": "Descriminalização e reforma legal",
            "ru": "Декриминализация и реформа законодательства",
            "ar": "إلغاء التجريم وإصلاح القوانين",
            "fa": "جرم‌زدایی و اصلاح قوانین",
            "id": "Dekriminalisasi dan reformasi hukum",
        },
        "definition": {
            "en": "Answers about the laws that punish people for using or possessing drugs, and "
            "about changing them: decriminalisation, legal regulation and drug policy reform.",
            "fr": "Réponses sur les lois qui punissent l'usage ou la possession de drogues, et sur "
            "leur réforme : décriminalisation, régulation légale et réforme des politiques des "
            "drogues.",
            "es": "Respuestas sobre las leyes que castigan el uso o la posesión de drogas y sobre "
            "su reforma: despenalización, regulación legal y reforma de la política de drogas.",
            "pt": "Respostas sobre as leis que punem o uso ou o porte de drogas e sobre a sua "
            "reforma: descriminalização, regulação legal e reforma da política de drogas.",
            "ru": "Ответы о законах, которые наказывают за употребление или хранение "
            "наркотиков, и об их изменении: декриминализация, легальное регулирование и "
            "реформа наркополитики.",
            "ar": "إجابات عن القوانين التي تعاقب على تعاطي المخدرات أو حيازتها، وعن تغييرها: "
            "إلغاء التجريم والتنظيم القانوني وإصلاح سياسات المخدرات.",
            "fa": "پاسخ‌هایی درباره قوانینی که مصرف یا نگهداری مواد را جرم می‌دانند و مجازات "
            "می‌کنند، و درباره تغییر این قوانین: جرم‌زدایی، قانونمند کردن و اصلاح سیاست‌های "
            "مواد مخدر.",
            "id": "Jawaban tentang undang-undang yang menghukum orang karena memakai atau "
            "memiliki napza, dan tentang cara mengubahnya: dekriminalisasi, regulasi legal, dan "
            "reformasi kebijakan napza.",
        },
        "include": {
            "en": "Drug laws and penalties for use or possession, criminal records, "
            "decriminalisation, legalisation and regulation, the “war on drugs”.",
            "fr": "Lois sur les drogues et peines pour usage ou possession, casier judiciaire, "
            "décriminalisation, légalisation et régulation, « guerre contre la drogue ».",
            "es": "Leyes de drogas y penas por uso o posesión, antecedentes penales, "
            "despenalización, legalización y regulación, la «guerra contra las drogas».",
            "pt": "Leis de drogas e penas por uso ou porte, antecedentes criminais, "
            "descriminalização, legalização e regulação, a “guerra às drogas”.",
            "ru": "Законы о наркотиках и наказания за употребление или хранение, судимость, "
            "декриминализация, легализация и регулирование, «война с наркотиками».",
            "ar": "قوانين المخدرات وعقوبات التعاطي أو الحيازة، والسجل الجنائي، وإلغاء التجريم، "
            "والتقنين والتنظيم، و«الحرب على المخدرات».",
            "fa": "قوانین مواد مخدر و مجازات مصرف یا نگهداری مواد، سوءپیشینه، جرم‌زدایی، "
            "قانونی‌سازی و قانونمند کردن، «جنگ با مواد مخدر».",
            "id": "UU Narkotika dan hukuman atas pemakaian atau kepemilikan, catatan kriminal, "
            "dekriminalisasi, legalisasi dan regulasi, “perang terhadap narkoba”.",
        },
        "exclude": {
            "en": "How police enforce the law goes under “Police violence and arrest”; the death "
            "penalty under “Death penalty and extrajudicial killings”.",
            "fr": "La façon dont la police applique la loi relève du thème « Violences policières "
            "et arrestations » ; la peine de mort, du thème « Peine de mort et exécutions "
            "extrajudiciaires ».",
            "es": "La forma en que la policía aplica la ley va en «Violencia policial y "
            "detenciones»; la pena de muerte, en «Pena de muerte y ejecuciones extrajudiciales».",
            "pt": "A forma como a polícia aplica a lei vai em “Violência policial e detenções”; a "
            "pena de morte, em “Pena de morte e execuções extrajudiciais”.",
            "ru": "То, как полиция применяет закон, относится к теме «Полицейское насилие и "
            "задержания»; смертная казнь — к теме «Смертная казнь и внесудебные убийства».",
            "ar": "طريقة تطبيق الشرطة للقانون تندرج تحت «عنف الشرطة والاعتقال»؛ وعقوبة الإعدام "
            "تحت «عقوبة الإعدام والقتل خارج نطاق القضاء».",
            "fa": "شیوه اجرای قانون توسط پلیس در «خشونت پلیس و بازداشت» می‌آید؛ اعدام در "
            "«اعدام و قتل‌های فراقضایی».",
            "id": "Cara polisi menegakkan hukum masuk ke “Kekerasan polisi dan penangkapan”; "
            "hukuman mati ke “Hukuman mati dan pembunuhan di luar hukum”.",
        },
        "keywords": {
            "en": [
                "decriminalisation",
                "decriminalization",
                "legalisation",
                "legalise",
                "criminalisation",
                "drug law",
                "drug policy",
                "possession",
                "criminal record",
                "prohibition",
                "drug legalization",
                "legalize drugs",
                "war on drugs",
            ],
            "fr": [
                "décriminalisation",
                "décriminaliser",
                "dépénalisation",
                "dépénaliser",
                "légalisation",
                "légaliser",
                "criminalisation",
                "pénalisation",
                "possession",
                "casier judiciaire",
                "prohibition",
                "politique des drogues",
                "réforme des lois",
                "usage de stupéfiants",
            ],
            "es": [
                "despenalización",
                "despenalizar",
                "descriminalización",
                "descriminalizar",
                "legalización",
                "legalizar",
                "criminalización",
                "posesión",
                "tenencia",
                "portación",
                "antecedentes penales",
                "prohibición",
                "ley de drogas",
                "política de drogas",
                "delito",
            ],
            "pt": [
                "descriminalização",
                "descriminalizar",
                "legalização",
                "legalizar",
                "criminalização",
                "porte de drogas",
                "lei de drogas",
                "política de drogas",
                "antecedentes criminais",
                "ficha criminal",
                "proibição",
                "proibicionismo",
                "guerra às drogas",
                "posse de drogas",
            ],
            "ru": [
                "декриминализация",
                "декриминализировать",
                "легализация",
                "легализовать",
                "криминализация",
                "хранение",
                "228",
                "судимость",
                "уголовная ответственность",
                "закон о наркотиках",
                "наркополитика",
                "запрет",
                "война с наркотиками",
            ],
            "ar": [
                "إلغاء التجريم",
                "عدم التجريم",
                "تجريم",
                "تقنين",
                "حيازة",
                "قانون المخدرات",
                "سياسات المخدرات",
                "سياسة المخدرات",
                "سجل جنائي",
                "السوابق",
                "الحظر",
                "الحرب على المخدرات",
                "إصلاح القانون",
            ],
            "fa": [
                "جرم‌زدایی",
                "جرم‌انگاری",
                "قانونی‌سازی",
                "قانونی شدن",
                "قانون مواد مخدر",
                "سیاست مواد مخدر",
                "همراه داشتن مواد",
                "نگهداری مواد",
                "سوءپیشینه",
                "سوء پیشینه",
                "ممنوعیت",
                "اصلاح قانون",
            ],
            "id": [
                "dekriminalisasi",
                "legalisasi",
                "kriminalisasi",
                "uu narkotika",
                "undang-undang narkotika",
                "pasal 127",
                "pasal 111",
                "kebijakan narkotika",
                "kebijakan napza",
                "catatan kriminal",
                "perang terhadap narkoba",
                "reformasi hukum",
                "kepemilikan narkotika",
            ],
        },
        "strategic_direction": "Advocacy and Campaigning",
    },
    {
        "code": "police",
        "parent": None,
        "name": {
            "en": "Police violence and arrest",
            "fr": "Violences policières et arrestations",
            "es": "Violencia policial y detenciones",
            "pt": "Violência policial e detenções",
            "ru": "Полицейское насилие и задержания",
            "ar": "عنف الشرطة والاعتقال",
            "fa": "خشونت پلیس و بازداشت",
            "id": "Kekerasan polisi dan penangkapan",
        },
        "definition": {
            "en": "Answers about how police treat people who use drugs: violence, harassment, "
            "arrests, searches, raids, bribes and extortion, and planted evidence.",
            "fr": "Réponses sur la façon dont la police traite les personnes qui consomment des "
            "drogues : violences, harcèlement, arrestations, fouilles, rafles, racket et "
            "preuves fabriquées.",
            "es": "Respuestas sobre cómo trata la policía a las personas que usan drogas: "
            "violencia, acoso, detenciones, requisas, redadas, coimas y extorsión, y pruebas "
            "plantadas.",
            "pt": "Respostas sobre como a polícia trata as pessoas que usam drogas: violência, "
            "assédio, detenções, revistas, batidas, propina e extorsão, e flagrantes forjados.",
            "ru": "Ответы о том, как полиция обращается с людьми, употребляющими наркотики: "
            "насилие, преследование, задержания, обыски, облавы, взятки и вымогательство, "
            "подброшенные наркотики.",
            "ar": "إجابات عن طريقة تعامل الشرطة مع الأشخاص الذين يتعاطون المخدرات: العنف "
            "والمضايقة والاعتقال والتفتيش والمداهمات والرشوة والابتزاز وتلفيق التهم.",
            "fa": "پاسخ‌هایی درباره رفتار پلیس با افرادی که مواد مصرف می‌کنند: خشونت، آزار، "
            "دستگیری، بازرسی، یورش، رشوه و اخاذی، و پاپوش‌دوزی.",
            "id": "Jawaban tentang cara polisi memperlakukan orang yang menggunakan napza: "
            "kekerasan, pelecehan, penangkapan, penggeledahan, razia, suap dan pemerasan, serta "
            "penjebakan.",
        },
        "include": {
            "en": "Beatings and threats, stop and search, arrests near services, confiscated "
            "syringes or medicines, extortion, pressure to inform, sexual violence by police.",
            "fr": "Coups et menaces, contrôles et fouilles, arrestations près des services, "
            "seringues ou médicaments confisqués, racket, pression pour dénoncer, violences "
            "sexuelles commises par la police.",
            "es": "Golpes y amenazas, requisas y cacheos, detenciones cerca de los servicios, "
            "jeringas o medicamentos confiscados, extorsión, presión para delatar, violencia "
            "sexual policial.",
            "pt": "Agressões e ameaças, abordagens e revistas, detenções perto dos serviços, "
            "seringas ou medicamentos apreendidos, extorsão, pressão para delatar, violência "
            "sexual cometida por policiais.",
            "ru": "Избиения и угрозы, проверки и обыски, задержания возле пунктов помощи, "
            "изъятые шприцы или препараты, вымогательство, давление, чтобы сделать "
            "осведомителем, сексуальное насилие со стороны полиции.",
            "ar": "الضرب والتهديد، والتوقيف والتفتيش، والاعتقال قرب مراكز الخدمات، ومصادرة "
            "الحقن أو الأدوية، والابتزاز، والضغط للعمل كمخبر، والعنف الجنسي من قبل الشرطة.",
            "fa": "ضرب و شتم و تهدید، توقف و بازرسی، دستگیری نزدیک مراکز خدمات، ضبط سرنگ یا "
            "دارو، اخاذی، فشار برای خبرچینی، خشونت جنسی از سوی مأموران.",
            "id": "Pemukulan dan ancaman, pemeriksaan dan penggeledahan, penangkapan di dekat "
            "layanan, jarum suntik atau obat yang disita, pemerasan, paksaan menjadi informan, "
            "kekerasan seksual oleh polisi.",
        },
        "exclude": {
            "en": "The laws themselves go under “Decriminalisation and legal reform”; what "
            "happens in prison or compulsory centres under “Prisons, detention and compulsory "
            "centres”.",
            "fr": "Les lois elles-mêmes relèvent du thème « Décriminalisation et réforme des "
            "lois » ; la prison et les centres obligatoires, du thème « Prisons, détention et "
            "centres de traitement obligatoire ».",
            "es": "Las leyes en sí van en «Despenalización y reforma legal»; la cárcel y los "
            "centros obligatorios, en «Cárceles, detención y centros de tratamiento "
            "obligatorio».",
            "pt": "As leis em si vão em “Descriminalização e reforma legal”; a prisão e a "
            "internação compulsória, em “Prisões, detenção e internação compulsória”.",
            "ru": "Сами законы относятся к теме «Декриминализация и реформа законодательства»; "
            "колонии, СИЗО и принудительное лечение — к теме «Тюрьмы, СИЗО и принудительное "
            "лечение».",
            "ar": "القوانين نفسها تندرج تحت «إلغاء التجريم وإصلاح القوانين»؛ والسجن ومراكز "
            "العلاج الإلزامي تحت «السجون والاحتجاز ومراكز العلاج الإلزامي».",
            "fa": "خود قوانین در «جرم‌زدایی و اصلاح قوانین» می‌آیند؛ زندان و کمپ‌های اجباری در "
            "«زندان، بازداشتگاه و درمان اجباری».",
            "id": "Undang-undangnya sendiri masuk ke “Dekriminalisasi dan reformasi hukum”; "
            "penjara dan rehabilitasi paksa ke “Penjara, tahanan, dan rehabilitasi paksa”.",
        },
        "keywords": {
            "en": [
                "police",
                "cop",
                "cops",
                "arrest",
                "arrested",
                "detained",
                "harassment",
                "beaten",
                "beat up",
                "bribe",
                "extortion",
                "raid",
                "stop and search",
                "planted drugs",
            ],
            "fr": [
                "police",
                "policier",
                "policiers",
                "flic",
                "flics",
                "keufs",
                "arrestation",
                "interpellation",
                "interpellé",
                "garde à vue",
                "fouille",
                "rafle",
                "racket",
                "tabassé",
                "violences policières",
            ],
            "es": [
                "policía",
                "policías",
                "policial",
                "tombos",
                "detención",
                "detenido",
                "arresto",
                "arrestado",
                "requisa",
                "extorsión",
                "coima",
                "golpiza",
                "abuso policial",
                "allanamiento",
            ],
            "pt": [
                "polícia",
                "policial",
                "policiais",
                "enquadro",
                "baculejo",
                "flagrante",
                "preso",
                "detido",
                "batida policial",
                "espancado",
                "espancamento",
                "extorsão",
                "propina",
                "arrego",
                "delegacia",
            ],
            "ru": [
                "полиция",
                "полицейские",
                "милиция",
                "менты",
                "мент",
                "задержание",
                "задержали",
                "арест",
                "обыск",
                "избили",
                "избиение",
                "вымогательство",
                "взятка",
                "подкинули",
                "облава",
            ],
            "ar": [
                "الشرطة",
                "البوليس",
                "اعتقال",
                "القبض",
                "توقيف",
                "تفتيش",
                "ضرب",
                "ابتزاز",
                "رشوة",
                "مخبر",
                "مخفر",
                "كمين",
                "مداهمة الشرطة",
                "المداهمات",
            ],
            "fa": [
                "پلیس",
                "مأمور",
                "ماموران",
                "بازداشت",
                "دستگیری",
                "دستگیر",
                "کلانتری",
                "ضرب و شتم",
                "خشونت پلیس",
                "اخاذی",
                "رشوه",
                "بازرسی",
                "طرح جمع‌آوری",
            ],
            "id": [
                "polisi",
                "aparat",
                "ditangkap",
                "penangkapan",
                "razia",
                "digerebek",
                "penggerebekan",
                "pemerasan",
                "diperas",
                "suap",
                "uang damai",
                "dipukuli",
                "penggeledahan",
                "dijebak",
                "bnn",
            ],
        },
        "strategic_direction": "Advocacy and Campaigning",
    },
    {
        "code": "harm_reduction",
        "parent": None,
        "name": {
            "en": "Harm reduction services",
            "fr": "Services de réduction des risques",
            "es": "Servicios de reducción de daños",
            "pt": "Serviços de redução de danos",
            "ru": "Услуги снижения вреда",
            "ar": "خدمات الحد من الضرر",
            "fa": "خدمات کاهش آسیب",
            "id": "Layanan pengurangan dampak buruk",
        },
        "definition": {
            "en": "Answers about harm reduction services and whether people can get them: "
            "needle and syringe programmes, opioid agonist treatment (methadone, "
            "buprenorphine), drug checking, safer use supplies and information, and drop-in "
            "and outreach services.",
            "fr": "Réponses sur les services de réduction des risques et leur accès : programmes "
            "d'échange de seringues, traitements agonistes opioïdes (méthadone, "
            "buprénorphine), analyse de produits, matériel et informations pour consommer à "
            "moindre risque, accueil et travail de proximité.",
            "es": "Respuestas sobre los servicios de reducción de daños y el acceso a ellos: "
            "programas de intercambio de jeringas, tratamiento con agonistas opioides "
            "(metadona, buprenorfina), análisis de sustancias, materiales e información para un "
            "consumo más seguro, y centros de acogida y trabajo de calle.",
            "pt": "Respostas sobre os serviços de redução de danos e o acesso a eles: programas "
            "de troca de seringas, tratamento com agonistas opioides (metadona, "
            "buprenorfina), análise de substâncias, insumos e informação para um uso mais "
            "seguro, e centros de convivência e trabalho de campo.",
            "ru": "Ответы об услугах снижения вреда и доступе к ним: программы обмена шприцев, "
            "опиоидная агонистная (заместительная) терапия (метадон, бупренорфин), проверка "
            "веществ, расходные материалы и информация о более безопасном употреблении, "
            "дроп-ин центры и аутрич.",
            "ar": "إجابات عن خدمات الحد من الضرر وإمكانية الوصول إليها: برامج الإبر والحقن، "
            "والعلاج بناهضات الأفيونيات أو العلاج البديل (الميثادون والبوبرينورفين)، وفحص "
            "المواد، ومستلزمات ومعلومات الاستخدام الأكثر أمانًا، ومراكز الاستقبال والعمل "
            "الميداني.",
            "fa": "پاسخ‌هایی درباره خدمات کاهش آسیب و دسترسی به آن‌ها: برنامه‌های توزیع سرنگ و "
            "سوزن، درمان نگهدارنده با آگونیست‌های اپیوئیدی (متادون، بوپرنورفین)، آزمایش مواد، "
            "وسایل و اطلاعات مصرف ایمن‌تر، و مراکز گذری و تیم‌های سیار.",
            "id": "Jawaban tentang layanan pengurangan dampak buruk dan aksesnya: layanan alat "
            "suntik steril, terapi agonis opioid (metadon, buprenorfin), pemeriksaan kandungan "
            "napza, alat dan informasi pemakaian yang lebih aman, serta drop-in center dan "
            "penjangkauan.",
        },
        "include": {
            "en": "Access and coverage, cost, opening hours, stock-outs, take-home doses, dosing "
            "rules, quality of services, peer outreach, safer smoking and injecting kits, drug "
            "consumption rooms.",
            "fr": "Accès et couverture, coût, horaires, ruptures de stock, doses à emporter, "
            "règles de délivrance, qualité des services, intervention par les pairs, kits "
            "d'injection et d'inhalation à moindre risque, salles de consommation.",
            "es": "Acceso y cobertura, costo, horarios, desabastecimiento, dosis para llevar a "
            "casa, reglas de dispensación, calidad de los servicios, trabajo entre pares, kits "
            "para fumar e inyectarse de forma más segura, salas de consumo.",
            "pt": "Acesso e cobertura, custo, horários, falta de estoque, doses para levar para "
            "casa, regras de dispensação, qualidade dos serviços, trabalho entre pares, kits "
            "para fumar e injetar com mais segurança, salas de consumo.",
            "ru": "Доступность и охват, стоимость, часы работы, перебои с препаратами, выдача "
            "доз на руки, правила выдачи, качество услуг, работа равных консультантов, наборы "
            "для более безопасного курения и инъекций, комнаты безопасного употребления.",
            "ar": "الوصول والتغطية، والتكلفة، وساعات العمل، ونفاد المخزون، والجرعات المنزلية، "
            "وقواعد الصرف، وجودة الخدمات، والعمل الميداني للأقران، وأدوات التدخين والحقن "
            "الأكثر أمانًا، وغرف الاستهلاك الآمن.",
            "fa": "دسترسی و پوشش، هزینه، ساعت کار، کمبود دارو، دوز منزل، قوانین تحویل دارو، "
            "کیفیت خدمات، کار همتایان، کیت‌های مصرف ایمن‌تر برای کشیدن و تزریق، اتاق‌های مصرف "
            "ایمن.",
            "id": "Akses dan cakupan, biaya, jam layanan, stok habis, dosis bawa pulang, aturan "
            "pemberian dosis, mutu layanan, penjangkauan oleh teman sebaya, paket alat isap dan "
            "suntik yang lebih aman, ruang konsumsi aman.",
        },
        "exclude": {
            "en": "Overdose and naloxone go under “Overdose and naloxone”; HIV, hepatitis and TB "
            "testing and treatment under “HIV, hepatitis and TB”; how staff treat people under "
            "“Stigma and discrimination in health care”.",
            "fr": "Les overdoses et la naloxone relèvent du thème « Overdose et naloxone » ; le "
            "dépistage et le traitement du VIH, des hépatites et de la tuberculose, du thème "
            "« VIH, hépatites et tuberculose » ; l'attitude du personnel, du thème "
            "« Stigmatisation et discrimination dans les soins ».",
            "es": "La sobredosis y la naloxona van en «Sobredosis y naloxona»; las pruebas y el "
            "tratamiento del VIH, la hepatitis y la tuberculosis, en «VIH, hepatitis y "
            "tuberculosis»; el trato del personal, en «Estigma y discriminación en los "
            "servicios de salud».",
            "pt": "Overdose e naloxona vão em “Overdose e naloxona”; testagem e tratamento de "
            "HIV, hepatites e tuberculose, em “HIV, hepatites e tuberculose”; a forma como a "
            "equipe trata as pessoas, em “Estigma e discriminação nos serviços de saúde”.",
            "ru": "Передозировки и налоксон относятся к теме «Передозировки и налоксон»; "
            "тестирование и лечение ВИЧ, гепатитов и туберкулёза — к теме «ВИЧ, гепатиты и "
            "туберкулёз»; отношение персонала — к теме «Стигма и дискриминация в "
            "здравоохранении».",
            "ar": "الجرعات الزائدة والنالوكسون تندرج تحت «الجرعات الزائدة والنالوكسون»؛ وفحص "
            "وعلاج فيروس نقص المناعة البشرية والتهاب الكبد والسل تحت «فيروس نقص المناعة "
            "البشرية والتهاب الكبد والسل»؛ ومعاملة العاملين للناس تحت «الوصمة والتمييز في "
            "الرعاية الصحية».",
            "fa": "اوردوز و نالوکسان در «اوردوز و نالوکسان» می‌آیند؛ آزمایش و درمان اچ‌آی‌وی، "
            "هپاتیت و سل در «اچ‌آی‌وی، هپاتیت و سل»؛ رفتار کارکنان در «انگ و تبعیض در خدمات "
            "سلامت».",
            "id": "Overdosis dan nalokson masuk ke “Overdosis dan nalokson”; tes dan pengobatan "
            "HIV, hepatitis, dan TBC ke “HIV, hepatitis, dan TBC”; sikap petugas ke “Stigma dan "
            "diskriminasi di layanan kesehatan”.",
        },
        "keywords": {
            "en": [
                "harm reduction",
                "syringe",
                "syringes",
                "needle",
                "needles",
                "methadone",
                "buprenorphine",
                "suboxone",
                "oat",
                "ost",
                "drug checking",
                "outreach",
                "consumption room",
                "clean works",
                "drop-in centre",
            ],
            "fr": [
                "réduction des risques",
                "rdr",
                "seringue",
                "seringues",
                "aiguille",
                "aiguilles",
                "stéribox",
                "méthadone",
                "buprénorphine",
                "subutex",
                "tso",
                "substitution",
                "caarud",
                "analyse de produits",
                "salle de consommation",
            ],
            "es": [
                "reducción de daños",
                "jeringa",
                "jeringas",
                "aguja",
                "agujas",
                "metadona",
                "buprenorfina",
                "suboxone",
                "sustitución",
                "intercambio de jeringas",
                "análisis de sustancias",
                "testeo",
                "sala de consumo",
                "trabajo de calle",
                "centro de acogida",
            ],
            "pt": [
                "redução de danos",
                "seringa",
                "seringas",
                "agulha",
                "agulhas",
                "metadona",
                "buprenorfina",
                "troca de seringas",
                "cachimbo",
                "piteira",
                "análise de substâncias",
                "testagem de drogas",
                "sala de consumo",
                "consultório na rua",
                "caps ad",
            ],
            "ru": [
                "снижение вреда",
                "шприц",
                "шприцы",
                "игла",
                "иглы",
                "баян",
                "метадон",
                "бупренорфин",
                "заместительная терапия",
                "зпт",
                "озт",
                "аутрич",
                "пункт обмена",
                "тестирование веществ",
                "безопасное употребление",
            ],
            "ar": [
                "الحد من الضرر",
                "الحد من الأضرار",
                "حقنة",
                "حقن",
                "إبر",
                "إبرة",
                "محاقن",
                "ميثادون",
                "بوبرينورفين",
                "سوبوتكس",
                "العلاج البديل",
                "فحص المواد",
                "تبادل الحقن",
                "العمل الميداني",
            ],
            "fa": [
                "کاهش آسیب",
                "سرنگ",
                "سوزن",
                "متادون",
                "بوپرنورفین",
                "بوپره",
                "درمان نگهدارنده",
                "شربت تریاک",
                "تنتور اپیوم",
                "مرکز گذری",
                "تیم سیار",
                "مصرف ایمن",
                "آزمایش مواد",
            ],
            "id": [
                "harm reduction",
                "pengurangan dampak buruk",
                "jarum suntik",
                "jarum",
                "alat suntik",
                "lass",
                "ptrm",
                "metadon",
                "buprenorfin",
                "subutex",
                "suboxone",
                "terapi rumatan",
                "penjangkauan",
                "drop-in center",
            ],
        },
        "strategic_direction": "Programming and Technical Support",
    },
    {
        "code": "overdose",
        "parent": "harm_reduction",
        "name": {
            "en": "Overdose and naloxone",
            "fr": "Overdose et naloxone",
            "es": "Sobredosis y naloxona",
            "pt": "Overdose e naloxona",
            "ru": "Передозировки и налоксон",
            "ar": "الجرعات الزائدة والنالوكسون",
            "fa": "اوردوز و نالوکسان",
            "id": "Overdosis dan nalokson",
        },
        "definition": {
            "en": "Answers about overdose: deaths and near misses, naloxone and who may carry and "
            "give it, stronger or contaminated drugs such as fentanyl, and what stops people "
            "calling for help.",
            "fr": "Réponses sur les overdoses : décès et overdoses évitées de justesse, la "
            "naloxone et qui peut la porter sur soi et l'administrer, les produits plus forts ou "
            "frelatés comme le fentanyl, et ce qui empêche d'appeler les secours.",
            "es": "Respuestas sobre la sobredosis: muertes y casos en que alguien casi muere, la "
            "naloxona y quién puede llevarla y administrarla, drogas más fuertes o adulteradas "
            "como el fentanilo, y lo que impide pedir ayuda.",
            "pt": "Respostas sobre overdose: mortes e quase mortes, a naloxona e quem pode "
            "portá-la e aplicá-la, drogas mais fortes ou adulteradas como o fentanil, e o que "
            "impede as pessoas de pedir socorro.",
            "ru": "Ответы о передозировках: смерти и случаи, когда человека едва спасли, "
            "налоксон: у кого он может быть с собой и кто может его вводить, более сильные "
            "или загрязнённые вещества, например фентанил, и то, что мешает вызвать помощь.",
            "ar": "إجابات عن الجرعات الزائدة: حالات الوفاة والحالات التي نجا فيها أصحابها "
            "بصعوبة، والنالوكسون ومن يحق له حمله وإعطاؤه، والمواد الأقوى أو المغشوشة مثل "
            "الفنتانيل، وما يمنع الناس من طلب المساعدة.",
            "fa": "پاسخ‌هایی درباره اوردوز: مرگ‌ها و نجات‌های لحظه آخر، نالوکسان و اینکه چه "
            "کسی می‌تواند آن را همراه داشته باشد و تزریق کند، مواد قوی‌تر یا ناخالص مثل "
            "فنتانیل، و آنچه مانع درخواست کمک می‌شود.",
            "id": "Jawaban tentang overdosis: kematian dan kejadian nyaris meninggal, nalokson "
            "dan siapa yang boleh membawa dan memberikannya, napza yang lebih keras atau "
            "oplosan seperti fentanil, dan hal yang membuat orang takut mencari pertolongan.",
        },
        "include": {
            "en": "Naloxone access and training, take-home naloxone, friends lost to overdose, "
            "fear of police when calling an ambulance, Good Samaritan laws, unexpected "
            "substances in the supply.",
            "fr": "Accès à la naloxone et formation, naloxone à emporter, proches perdus par "
            "overdose, peur de la police en appelant une ambulance, lois protégeant les "
            "témoins qui appellent les secours, substances inattendues dans les produits.",
            "es": "Acceso a la naloxona y capacitación, naloxona para llevar, amistades perdidas "
            "por sobredosis, miedo a la policía al llamar a una ambulancia, leyes del buen "
            "samaritano, sustancias inesperadas en las drogas.",
            "pt": "Acesso à naloxona e capacitação, naloxona para levar para casa, amigos "
            "perdidos por overdose, medo da polícia ao chamar uma ambulância, leis do bom "
            "samaritano, substâncias inesperadas nas drogas.",
            "ru": "Доступ к налоксону и обучение, налоксон на руки, друзья, погибшие от "
            "передозировки, страх перед полицией при вызове скорой, законы о защите тех, кто "
            "вызвал помощь, неожиданные примеси в веществах.",
            "ar": "الحصول على النالوكسون والتدريب عليه، وتوزيعه للاستخدام المنزلي، وفقدان "
            "الأصدقاء بسبب الجرعات الزائدة، والخوف من الشرطة عند طلب الإسعاف، وقوانين حماية "
            "من يطلب النجدة، والمواد غير المتوقعة في السوق.",
            "fa": "دسترسی به نالوکسان و آموزش آن، نالوکسان برای منزل، دوستانی که بر اثر "
            "اوردوز از دست رفته‌اند، ترس از پلیس هنگام تماس با اورژانس، مسمومیت با متادون، "
            "مواد ناشناخته در بازار.",
            "id": "Akses ke nalokson dan pelatihannya, nalokson bawa pulang, teman yang meninggal "
            "karena overdosis, takut polisi saat memanggil ambulans, perlindungan hukum bagi "
            "penolong, zat tak terduga dalam napza.",
        },
        "exclude": {
            "en": "Other harm reduction services, including drug checking, go under “Harm "
            "reduction services”; police at overdose scenes also under “Police violence and "
            "arrest”.",
            "fr": "Les autres services de réduction des risques, dont l'analyse de produits, "
            "relèvent du thème « Services de réduction des risques » ; la police sur les lieux "
            "d'une overdose, aussi du thème « Violences policières et arrestations ».",
            "es": "Los demás servicios de reducción de daños, incluido el análisis de "
            "sustancias, van en «Servicios de reducción de daños»; la policía en el lugar de "
            "una sobredosis, también en «Violencia policial y detenciones».",
            "pt": "Os demais serviços de redução de danos, incluindo a análise de substâncias, "
            "vão em “Serviços de redução de danos”; a polícia no local de uma overdose, também "
            "em “Violência policial e detenções”.",
            "ru": "Другие услуги снижения вреда, включая проверку веществ, относятся к теме "
            "«Услуги снижения вреда»; полиция на месте передозировки — также к теме "
            "«Полицейское насилие и задержания».",
            "ar": "خدمات الحد من الضرر الأخرى، ومنها فحص المواد، تندرج تحت «خدمات الحد من "
            "الضرر»؛ وحضور الشرطة في مكان الجرعة الزائدة يندرج أيضًا تحت «عنف الشرطة "
            "والاعتقال».",
            "fa": "دیگر خدمات کاهش آسیب، از جمله آزمایش مواد، در «خدمات کاهش آسیب» می‌آیند؛ "
            "حضور پلیس در محل اوردوز در «خشونت پلیس و بازداشت» هم می‌آید.",
            "id": "Layanan pengurangan dampak buruk lainnya, termasuk pemeriksaan kandungan "
            "napza, masuk ke “Layanan pengurangan dampak buruk”; polisi di lokasi overdosis "
            "juga masuk ke “Kekerasan polisi dan penangkapan”.",
        },
        "keywords": {
            "en": [
                "overdose",
                "overdoses",
                "od",
                "naloxone",
                "narcan",
                "nyxoid",
                "fentanyl",
                "carfentanil",
                "nitazene",
                "nitazenes",
                "xylazine",
                "good samaritan",
            ],
            "fr": [
                "overdose",
                "overdoses",
                "surdose",
                "surdoses",
                "od",
                "naloxone",
                "narcan",
                "nyxoid",
                "prenoxad",
                "fentanyl",
                "fentanyle",
                "nitazène",
            ],
            "es": [
                "sobredosis",
                "sobredosificación",
                "naloxona",
                "fentanilo",
                "fenta",
                "nitacenos",
                "xilacina",
            ],
            "pt": [
                "overdose",
                "overdoses",
                "sobredose",
                "sobredosagem",
                "naloxona",
                "narcan",
                "fentanil",
                "fentanila",
                "nitazenos",
                "xilazina",
            ],
            "ru": [
                "передозировка",
                "передозировки",
                "передоз",
                "передознулся",
                "налоксон",
                "фентанил",
                "нитазены",
                "ксилазин",
                "откачали",
            ],
            "ar": [
                "جرعة زائدة",
                "الجرعة الزائدة",
                "الجرعات الزائدة",
                "أوفردوز",
                "نالوكسون",
                "ناركان",
                "فنتانيل",
                "نيتازين",
            ],
            "fa": [
                "اوردوز",
                "بیش‌مصرف",
                "بیش‌مصرفی",
                "نالوکسان",
                "نالوکسون",
                "فنتانیل",
                "مسمومیت با متادون",
            ],
            "id": [
                "overdosis",
                "over dosis",
                "od",
                "nalokson",
                "naloxone",
                "narcan",
                "fentanil",
                "fentanyl",
            ],
        },
        "strategic_direction": "Programming and Technical Support",
    },
    {
        "code": "hiv_hepatitis_tb",
        "parent": None,
        "name": {
            "en": "HIV, hepatitis and TB",
            "fr": "VIH, hépatites et tuberculose",
            "es": "VIH, hepatitis y tuberculosis",
            "pt": "HIV, hepatites e tuberculose",
            "ru": "ВИЧ, гепатиты и туберкулёз",
            "ar": "فيروس نقص المناعة البشرية والتهاب الكبد والسل",
            "fa": "اچ‌آی‌وی، هپاتیت و سل",
            "id": "HIV, hepatitis, dan TBC",
        },
        "definition": {
            "en": "Answers about HIV, viral hepatitis (especially hepatitis C) and tuberculosis "
            "among people who use drugs: prevention, testing, treatment and care, and whether "
            "these services reach them.",
            "fr": "Réponses sur le VIH, les hépatites virales (surtout l'hépatite C) et la "
            "tuberculose chez les personnes qui consomment des drogues : prévention, "
            "dépistage, traitement et soins, et l'accès à ces services.",
            "es": "Respuestas sobre el VIH, las hepatitis virales (sobre todo la hepatitis C) y "
            "la tuberculosis en las personas que usan drogas: prevención, pruebas, tratamiento "
            "y atención, y si estos servicios les llegan.",
            "pt": "Respostas sobre HIV, hepatites virais (sobretudo a hepatite C) e tuberculose "
            "entre pessoas que usam drogas: prevenção, testagem, tratamento e cuidado, e se "
            "esses serviços chegam até elas.",
            "ru": "Ответы о ВИЧ, вирусных гепатитах (особенно гепатите С) и туберкулёзе среди "
            "людей, употребляющих наркотики: профилактика, тестирование, лечение и уход, и "
            "доходят ли эти услуги до людей.",
            "ar": "إجابات عن فيروس نقص المناعة البشرية والتهاب الكبد الفيروسي (وخاصة التهاب "
            "الكبد سي) والسل بين الأشخاص الذين يتعاطون المخدرات: الوقاية والفحص والعلاج "
            "والرعاية، ومدى وصول هذه الخدمات إليهم.",
            "fa": "پاسخ‌هایی درباره اچ‌آی‌وی، هپاتیت‌های ویروسی (به‌ویژه هپاتیت سی) و سل در "
            "میان افرادی که مواد مصرف می‌کنند: پیشگیری، آزمایش، درمان و مراقبت، و اینکه این "
            "خدمات به آن‌ها می‌رسد یا نه.",
            "id": "Jawaban tentang HIV, hepatitis virus (terutama hepatitis C), dan TBC di "
            "kalangan orang yang menggunakan napza: pencegahan, tes, pengobatan dan perawatan, "
            "serta apakah layanan itu menjangkau mereka.",
        },
        "include": {
            "en": "Testing and diagnosis, antiretroviral treatment, hepatitis C cure, TB "
            "treatment, PrEP and PEP, viral load, stock-outs of medicines, co-infections, "
            "community-led testing.",
            "fr": "Dépistage et diagnostic, traitement antirétroviral, guérison de l'hépatite C, "
            "traitement de la tuberculose, PrEP et TPE, charge virale, ruptures de "
            "médicaments, co-infections, dépistage communautaire.",
            "es": "Pruebas y diagnóstico, tratamiento antirretroviral, curación de la hepatitis "
            "C, tratamiento de la tuberculosis, PrEP y PEP, carga viral, desabastecimiento de "
            "medicamentos, coinfecciones, pruebas comunitarias.",
            "pt": "Testagem e diagnóstico, tratamento antirretroviral, cura da hepatite C, "
            "tratamento da tuberculose, PrEP e PEP, carga viral, falta de medicamentos, "
            "coinfecções, testagem comunitária.",
            "ru": "Тестирование и диагностика, антиретровирусная терапия, излечение гепатита "
            "С, лечение туберкулёза, ДКП и ПКП, вирусная нагрузка, перебои с лекарствами, "
            "коинфекции, тестирование силами сообщества.",
            "ar": "الفحص والتشخيص، والعلاج المضاد للفيروسات القهقرية، وعلاج التهاب الكبد سي، "
            "وعلاج السل، والوقاية قبل التعرض وبعده، والحمل الفيروسي، ونقص الأدوية، والعدوى "
            "المشتركة، والفحص المجتمعي.",
            "fa": "آزمایش و تشخیص، درمان ضد رتروویروسی، درمان قطعی هپاتیت سی، درمان سل، "
            "پیشگیری پیش و پس از تماس (PrEP و PEP)، بار ویروسی، کمبود دارو، عفونت همزمان، "
            "آزمایش در جامعه.",
            "id": "Tes dan diagnosis, pengobatan ARV, pengobatan hepatitis C sampai sembuh, "
            "pengobatan TBC, PrEP dan PEP, viral load, stok obat kosong, koinfeksi, tes "
            "berbasis komunitas.",
        },
        "exclude": {
            "en": "Needles, syringes and OAT go under “Harm reduction services”; how health "
            "workers treat people under “Stigma and discrimination in health care”.",
            "fr": "Les seringues et les traitements agonistes opioïdes relèvent du thème "
            "« Services de réduction des risques » ; l'attitude des soignants, du thème "
            "« Stigmatisation et discrimination dans les soins ».",
            "es": "Las jeringas y el tratamiento con agonistas opioides van en «Servicios de "
            "reducción de daños»; el trato del personal de salud, en «Estigma y discriminación "
            "en los servicios de salud».",
            "pt": "Seringas e tratamento com agonistas opioides vão em “Serviços de redução de "
            "danos”; a forma como os profissionais de saúde tratam as pessoas, em “Estigma e "
            "discriminação nos serviços de saúde”.",
            "ru": "Шприцы и заместительная терапия относятся к теме «Услуги снижения вреда»; "
            "отношение медработников — к теме «Стигма и дискриминация в здравоохранении».",
            "ar": "الحقن والعلاج البديل تندرج تحت «خدمات الحد من الضرر»؛ ومعاملة العاملين "
            "الصحيين للناس تحت «الوصمة والتمييز في الرعاية الصحية».",
            "fa": "سرنگ و درمان نگهدارنده در «خدمات کاهش آسیب» می‌آیند؛ رفتار کارکنان بهداشتی "
            "در «انگ و تبعیض در خدمات سلامت».",
            "id": "Jarum suntik dan terapi rumatan masuk ke “Layanan pengurangan dampak buruk”; "
            "sikap tenaga kesehatan ke “Stigma dan diskriminasi di layanan kesehatan”.",
        },
        "keywords": {
            "en": [
                "hiv",
                "hepatitis",
                "hep c",
                "hcv",
                "hbv",
                "tb",
                "tuberculosis",
                "arv",
                "antiretroviral",
                "prep",
                "pep",
                "viral load",
                "daa",
                "sofosbuvir",
            ],
            "fr": [
                "vih",
                "sida",
                "hépatite",
                "hépatites",
                "vhc",
                "vhb",
                "tuberculose",
                "tb",
                "arv",
                "antirétroviraux",
                "prep",
                "charge virale",
                "dépistage",
                "séropositif",
                "séropositive",
            ],
            "es": [
                "vih",
                "sida",
                "hepatitis",
                "vhc",
                "tuberculosis",
                "tb",
                "tarv",
                "antirretroviral",
                "antirretrovirales",
                "prep",
                "pep",
                "carga viral",
                "seropositivo",
                "seropositiva",
                "coinfección",
            ],
            "pt": [
                "hiv",
                "aids",
                "sida",
                "hepatite",
                "hepatites",
                "vhc",
                "tuberculose",
                "tb",
                "tarv",
                "antirretroviral",
                "antirretrovirais",
                "prep",
                "pep",
                "carga viral",
                "soropositivo",
            ],
            "ru": [
                "вич",
                "спид",
                "гепатит",
                "гепатиты",
                "вгс",
                "туберкулез",
                "тубик",
                "тб",
                "арвт",
                "арв",
                "терапия вич",
                "вирусная нагрузка",
                "доконтактная профилактика",
                "дкп",
                "софосбувир",
            ],
            "ar": [
                "hiv",
                "الإيدز",
                "فيروس نقص المناعة",
                "التهاب الكبد",
                "فيروس سي",
                "السل",
                "الدرن",
                "مضادات الفيروسات",
                "الحمل الفيروسي",
                "الوقاية قبل التعرض",
                "التعايش مع الفيروس",
            ],
            "fa": [
                "اچ‌آی‌وی",
                "hiv",
                "ایدز",
                "هپاتیت",
                "هپاتیت سی",
                "سل",
                "ضد رتروویروس",
                "ضد رتروویروسی",
                "بار ویروسی",
                "پرپ",
                "اچ‌سی‌وی",
            ],
            "id": [
                "hiv",
                "aids",
                "odha",
                "odhiv",
                "hepatitis",
                "hcv",
                "tbc",
                "tb",
                "tuberkulosis",
                "arv",
                "antiretroviral",
                "prep",
                "viral load",
                "koinfeksi",
            ],
        },
        "strategic_direction": "Programming and Technical Support",
    },
    {
        "code": "stigma_health_care",
        "parent": None,
        "name": {
            "en": "Stigma and discrimination in health care",
            "fr": "Stigmatisation et discrimination dans les soins",
            "es": "Estigma y discriminación en los servicios de salud",
            "pt": "Estigma e discriminação nos serviços de saúde",
            "ru": "Стигма и дискриминация в здравоохранении",
            "ar": "الوصمة والتمييز في الرعاية الصحية",
            "fa": "انگ و تبعیض در خدمات سلامت",
            "id": "Stigma dan diskriminasi di layanan kesehatan",
        },
        "definition": {
            "en": "Answers about being judged, refused care or treated badly because of drug use "
            "by doctors, nurses, pharmacists, hospitals or clinics, including breaches of "
            "confidentiality.",
            "fr": "Réponses sur le fait d'être jugé, de se voir refuser des soins ou d'être "
            "maltraité à cause de sa consommation par des médecins, des infirmiers, des "
            "pharmaciens, des hôpitaux ou des centres de santé, y compris les atteintes au "
            "secret médical.",
            "es": "Respuestas sobre ser juzgado, rechazado o maltratado en la atención de salud "
            "por usar drogas, por parte de médicos, enfermeras, farmacéuticos, hospitales o "
            "centros de salud, incluidas las violaciones de la confidencialidad.",
            "pt": "Respostas sobre ser julgado, ter o atendimento recusado ou ser maltratado por "
            "usar drogas, por médicos, enfermeiros, farmacêuticos, hospitais ou postos de "
            "saúde, incluindo quebras de sigilo.",
            "ru": "Ответы о том, как врачи, медсёстры, фармацевты, больницы или поликлиники "
            "осуждают людей, отказывают им в помощи или плохо с ними обращаются из-за "
            "употребления наркотиков, включая нарушения врачебной тайны.",
            "ar": "إجابات عن التعرض للأحكام المسبقة أو الرفض أو سوء المعاملة في الرعاية الصحية "
            "بسبب تعاطي المخدرات، من الأطباء أو الممرضين أو الصيادلة أو المستشفيات أو "
            "العيادات، بما في ذلك انتهاك السرية.",
            "fa": "پاسخ‌هایی درباره قضاوت شدن، پذیرفته نشدن یا بدرفتاری در خدمات سلامت به خاطر "
            "مصرف مواد، از سوی پزشکان، پرستاران، داروسازان، بیمارستان‌ها یا درمانگاه‌ها، از "
            "جمله نقض رازداری.",
            "id": "Jawaban tentang pengalaman dihakimi, ditolak, atau diperlakukan buruk di "
            "layanan kesehatan karena menggunakan napza, oleh dokter, perawat, apoteker, rumah "
            "sakit, atau puskesmas, termasuk pelanggaran kerahasiaan.",
        },
        "include": {
            "en": "Refusal of care or pain relief, humiliation and insults, being made to wait, "
            "staff reporting people to the police, drug user registries, breaches of "
            "confidentiality, stigmatising words.",
            "fr": "Refus de soins ou d'antidouleurs, humiliations et insultes, attentes "
            "imposées, personnel qui signale des personnes à la police, fichage des usagers, "
            "atteintes à la confidentialité, mots stigmatisants.",
            "es": "Negativa a dar atención o analgésicos, humillaciones e insultos, esperas "
            "impuestas, personal que denuncia a las personas ante la policía, registros de "
            "usuarios de drogas, violaciones de la confidencialidad, palabras estigmatizantes.",
            "pt": "Recusa de atendimento ou de analgésicos, humilhações e insultos, esperas "
            "impostas, profissionais que denunciam pessoas à polícia, cadastros de usuários de "
            "drogas, quebra de sigilo, palavras estigmatizantes.",
            "ru": "Отказ в помощи или в обезболивании, унижения и оскорбления, намеренное "
            "ожидание, сообщения персонала в полицию, наркологический учёт, нарушение "
            "конфиденциальности, стигматизирующие слова.",
            "ar": "رفض العلاج أو مسكنات الألم، والإهانة والشتائم، والإجبار على الانتظار، وإبلاغ "
            "العاملين الشرطة عن المرضى، وسجلات الأشخاص الذين يتعاطون المخدرات، وانتهاك السرية، "
            "والكلمات الواصمة.",
            "fa": "خودداری از درمان یا تجویز مسکن، تحقیر و توهین، معطل کردن عمدی، گزارش بیماران "
            "به پلیس از سوی کارکنان، ثبت نام در فهرست مصرف‌کنندگان مواد، نقض محرمانگی، "
            "واژه‌های انگ‌زا.",
            "id": "Penolakan perawatan atau obat pereda nyeri, penghinaan dan makian, dibuat "
            "menunggu, petugas yang melaporkan pasien ke polisi, pendataan pengguna napza, "
            "pelanggaran kerahasiaan, kata-kata yang menstigma.",
        },
        "exclude": {
            "en": "Stigma from the police goes under “Police violence and arrest”; "
            "discrimination by landlords or employers under “Housing and income”; missing "
            "services under “Harm reduction services” or “HIV, hepatitis and TB”.",
            "fr": "La stigmatisation par la police relève du thème « Violences policières et "
            "arrestations » ; la discrimination par des propriétaires ou des employeurs, du "
            "thème « Logement et revenus » ; l'absence de services, du thème « Services de "
            "réduction des risques » ou « VIH, hépatites et tuberculose ».",
            "es": "El estigma por parte de la policía va en «Violencia policial y detenciones»; "
            "la discriminación de caseros o empleadores, en «Vivienda e ingresos»; la falta de "
            "servicios, en «Servicios de reducción de daños» o «VIH, hepatitis y "
            "tuberculosis».",
            "pt": "O estigma por parte da polícia vai em “Violência policial e detenções”; a "
            "discriminação de proprietários ou empregadores, em “Moradia e renda”; a falta de "
            "serviços, em “Serviços de redução de danos” ou “HIV, hepatites e tuberculose”.",
            "ru": "Стигма со стороны полиции относится к теме «Полицейское насилие и "
            "задержания»; дискриминация со стороны арендодателей или работодателей — к теме "
            "«Жильё и доход»; отсутствие услуг — к темам «Услуги снижения вреда» или «ВИЧ, "
            "гепатиты и туберкулёз».",
            "ar": "الوصم من الشرطة يندرج تحت «عنف الشرطة والاعتقال»؛ والتمييز من المؤجرين أو "
            "أصحاب العمل تحت «السكن والدخل»؛ ونقص الخدمات تحت «خدمات الحد من الضرر» أو "
            "«فيروس نقص المناعة البشرية والتهاب الكبد والسل».",
            "fa": "انگ از سوی پلیس در «خشونت پلیس و بازداشت» می‌آید؛ تبعیض صاحبخانه‌ها یا "
            "کارفرمایان در «مسکن و درآمد»؛ نبود خدمات در «خدمات کاهش آسیب» یا «اچ‌آی‌وی، "
            "هپاتیت و سل».",
            "id": "Stigma dari polisi masuk ke “Kekerasan polisi dan penangkapan”; diskriminasi "
            "oleh pemilik rumah atau pemberi kerja ke “Tempat tinggal dan penghasilan”; layanan "
            "yang tidak ada ke “Layanan pengurangan dampak buruk” atau “HIV, hepatitis, dan "
            "TBC”.",
        },
        "keywords": {
            "en": [
                "stigma",
                "stigmatised",
                "stigmatized",
                "discrimination",
                "discriminated",
                "judgemental",
                "judgmental",
                "looked down on",
                "humiliated",
                "disrespect",
                "refused treatment",
                "denied treatment",
                "confidentiality",
                "junkie",
                "refused to treat",
            ],
            "fr": [
                "stigmatisation",
                "stigmatisé",
                "stigmatisés",
                "stigmate",
                "discrimination",
                "discriminé",
                "mépris",
                "humilié",
                "humiliation",
                "refus de soins",
                "mal accueilli",
                "secret médical",
                "confidentialité",
                "toxico",
                "fichage",
            ],
            "es": [
                "estigma",
                "estigmatización",
                "estigmatizado",
                "discriminación",
                "discriminado",
                "maltrato",
                "humillación",
                "humillado",
                "negaron la atención",
                "confidencialidad",
                "drogadicto",
                "yonqui",
                "tecato",
                "falopero",
            ],
            "pt": [
                "estigma",
                "estigmatizado",
                "preconceito",
                "discriminação",
                "discriminado",
                "humilhação",
                "humilhado",
                "maus-tratos",
                "recusa de atendimento",
                "sigilo",
                "noia",
                "nóia",
                "cracudo",
            ],
            "ru": [
                "стигма",
                "стигматизация",
                "дискриминация",
                "дискриминируют",
                "унижение",
                "унижают",
                "хамство",
                "отказали в помощи",
                "наркоучет",
                "учет у нарколога",
                "врачебная тайна",
                "конфиденциальность",
                "нарик",
                "торчок",
                "наркологический учет",
            ],
            "ar": [
                "وصمة",
                "الوصمة",
                "الوصم",
                "التمييز",
                "تمييز",
                "سوء المعاملة",
                "إهانة",
                "احتقار",
                "نظرة دونية",
                "رفض العلاج",
                "رفضوا علاجي",
                "السرية",
                "يرفضون علاجنا",
                "الخصوصية",
            ],
            "fa": [
                "انگ",
                "انگ‌زنی",
                "برچسب",
                "تبعیض",
                "تحقیر",
                "توهین",
                "بی‌احترامی",
                "بدرفتاری",
                "رازداری",
                "محرمانگی",
                "پذیرش نکردن",
            ],
            "id": [
                "stigma",
                "stigmatisasi",
                "diskriminasi",
                "dikucilkan",
                "dihina",
                "perlakuan buruk",
                "sebelah mata",
                "kerahasiaan",
                "sampah masyarakat",
            ],
        },
        "strategic_direction": "Advocacy and Campaigning",
    },
    {
        "code": "women",
        "parent": None,
        "name": {
            "en": "Women who use drugs",
            "fr": "Femmes qui consomment des drogues",
            "es": "Mujeres que usan drogas",
            "pt": "Mulheres que usam drogas",
            "ru": "Женщины, употребляющие наркотики",
            "ar": "النساء اللواتي يتعاطين المخدرات",
            "fa": "زنانی که مواد مصرف می‌کنند",
            "id": "Perempuan yang menggunakan napza",
        },
        "definition": {
            "en": "Answers about the lives and needs of women who use drugs, including trans "
            "women: gender-based violence, pregnancy, parenting and child custody, sexual and "
            "reproductive health, and services that work for women.",
            "fr": "Réponses sur la vie et les besoins des femmes qui consomment des drogues, y "
            "compris les femmes trans : violences basées sur le genre, grossesse, parentalité "
            "et garde des enfants, santé sexuelle et reproductive, et services adaptés aux "
            "femmes.",
            "es": "Respuestas sobre la vida y las necesidades de las mujeres que usan drogas, "
            "incluidas las mujeres trans: violencia de género, embarazo, maternidad y custodia "
            "de hijas e hijos, salud sexual y reproductiva, y servicios pensados para mujeres.",
            "pt": "Respostas sobre a vida e as necessidades das mulheres que usam drogas, "
            "incluindo mulheres trans: violência de gênero, gravidez, maternidade e guarda dos "
            "filhos, saúde sexual e reprodutiva, e serviços pensados para mulheres.",
            "ru": "Ответы о жизни и потребностях женщин, употребляющих наркотики, в том числе "
            "трансгендерных женщин: гендерное насилие, беременность, материнство и лишение "
            "родительских прав, сексуальное и репродуктивное здоровье, услуги, удобные для "
            "женщин.",
            "ar": "إجابات عن حياة النساء اللواتي يتعاطين المخدرات واحتياجاتهن، بمن فيهن النساء "
            "العابرات: العنف القائم على النوع الاجتماعي، والحمل، والأمومة وحضانة الأطفال، "
            "والصحة الجنسية والإنجابية، والخدمات المناسبة للنساء.",
            "fa": "پاسخ‌هایی درباره زندگی و نیازهای زنانی که مواد مصرف می‌کنند، از جمله زنان "
            "ترنس: خشونت مبتنی بر جنسیت، بارداری، فرزندپروری و حضانت فرزندان، سلامت جنسی و "
            "باروری، و خدماتی که برای زنان مناسب است.",
            "id": "Jawaban tentang kehidupan dan kebutuhan perempuan yang menggunakan napza, "
            "termasuk perempuan transgender: kekerasan berbasis gender, kehamilan, pengasuhan "
            "dan hak asuh anak, kesehatan seksual dan reproduksi, serta layanan yang ramah "
            "perempuan.",
        },
        "include": {
            "en": "Violence from partners, police or others; sex work; losing custody of "
            "children; pregnancy and OAT; women-only spaces and childcare at services; "
            "gender-sensitive harm reduction.",
            "fr": "Violences de la part de partenaires, de la police ou d'autres personnes ; "
            "travail du sexe ; perte de la garde des enfants ; grossesse et traitement de "
            "substitution ; espaces réservés aux femmes et garde d'enfants dans les services ; "
            "réduction des risques adaptée au genre.",
            "es": "Violencia de parejas, de la policía o de otras personas; trabajo sexual; "
            "pérdida de la custodia; embarazo y tratamiento con agonistas opioides; espacios "
            "solo para mujeres y cuidado infantil en los servicios; reducción de daños con "
            "enfoque de género.",
            "pt": "Violência de parceiros, da polícia ou de outras pessoas; trabalho sexual; "
            "perda da guarda dos filhos; gravidez e tratamento com agonistas opioides; espaços "
            "só para mulheres e cuidado infantil nos serviços; redução de danos com "
            "perspectiva de gênero.",
            "ru": "Насилие со стороны партнёров, полиции или других людей; секс-работа; "
            "лишение родительских прав; беременность и заместительная терапия; пространства "
            "только для женщин и присмотр за детьми в сервисах; снижение вреда с учётом "
            "гендера.",
            "ar": "العنف من الشريك أو الشرطة أو غيرهم؛ والعمل الجنسي؛ وفقدان حضانة الأطفال؛ "
            "والحمل والعلاج البديل؛ والأماكن المخصصة للنساء ورعاية الأطفال في مراكز الخدمات؛ "
            "والحد من الضرر المراعي للنوع الاجتماعي.",
            "fa": "خشونت از سوی همسر، پلیس یا دیگران؛ کار جنسی؛ از دست دادن حضانت فرزندان؛ "
            "بارداری و درمان نگهدارنده؛ فضاهای ویژه زنان و نگهداری از کودکان در مراکز؛ کاهش "
            "آسیب متناسب با جنسیت.",
            "id": "Kekerasan oleh pasangan, polisi, atau orang lain; kerja seks; kehilangan hak "
            "asuh anak; kehamilan dan terapi rumatan; ruang khusus perempuan dan penitipan "
            "anak di layanan; pengurangan dampak buruk yang peka gender.",
        },
        "exclude": {
            "en": "Answers that mention women only in passing belong to the theme they are "
            "about; HIV treatment in general goes under “HIV, hepatitis and TB”.",
            "fr": "Les réponses qui ne mentionnent les femmes qu'en passant relèvent du thème "
            "dont elles parlent ; le traitement du VIH en général, du thème « VIH, hépatites et "
            "tuberculose ».",
            "es": "Las respuestas que solo mencionan a las mujeres de paso van en el tema del "
            "que tratan; el tratamiento del VIH en general, en «VIH, hepatitis y "
            "tuberculosis».",
            "pt": "Respostas que só mencionam mulheres de passagem vão no tema de que tratam; o "
            "tratamento do HIV em geral, em “HIV, hepatites e tuberculose”.",
            "ru": "Ответы, где женщины упомянуты лишь мимоходом, относятся к теме, о которой в "
            "них идёт речь; лечение ВИЧ в целом — к теме «ВИЧ, гепатиты и туберкулёз».",
            "ar": "الإجابات التي تذكر النساء عرضًا تندرج تحت الموضوع الذي تتناوله؛ وعلاج فيروس "
            "نقص المناعة البشرية عمومًا تحت «فيروس نقص المناعة البشرية والتهاب الكبد والسل».",
            "fa": "پاسخ‌هایی که فقط در گذر به زنان اشاره می‌کنند، در موضوع اصلی خود می‌آیند؛ "
            "درمان اچ‌آی‌وی به طور کلی در «اچ‌آی‌وی، هپاتیت و سل».",
            "id": "Jawaban yang hanya menyebut perempuan sekilas masuk ke tema yang dibahasnya; "
            "pengobatan HIV secara umum ke “HIV, hepatitis, dan TBC”.",
        },
        "keywords": {
            "en": [
                "woman",
                "women",
                "female",
                "gender",
                "domestic violence",
                "pregnant",
                "pregnancy",
                "mother",
                "mothers",
                "child custody",
                "childcare",
                "sex work",
                "sex worker",
                "rape",
                "abortion",
            ],
            "fr": [
                "femme",
                "femmes",
                "vbg",
                "violences conjugales",
                "enceinte",
                "grossesse",
                "mère",
                "mères",
                "maternité",
                "garde des enfants",
                "travail du sexe",
                "travailleuse du sexe",
                "viol",
                "avortement",
            ],
            "es": [
                "mujer",
                "mujeres",
                "género",
                "violencia de género",
                "embarazo",
                "embarazada",
                "madre",
                "madres",
                "maternidad",
                "custodia",
                "trabajo sexual",
                "trabajadora sexual",
                "abuso sexual",
                "aborto",
                "feminicidio",
            ],
            "pt": [
                "mulher",
                "mulheres",
                "gênero",
                "violência de gênero",
                "violência doméstica",
                "grávida",
                "gravidez",
                "gestante",
                "mãe",
                "mães",
                "guarda dos filhos",
                "trabalho sexual",
                "estupro",
                "aborto",
                "feminicídio",
            ],
            "ru": [
                "женщина",
                "женщины",
                "гендер",
                "гендерное насилие",
                "домашнее насилие",
                "беременность",
                "беременная",
                "мама",
                "материнство",
                "родительских прав",
                "опека",
                "секс-работа",
                "секс-работница",
                "изнасилование",
                "аборт",
            ],
            "ar": [
                "المرأة",
                "النساء",
                "نساء",
                "العنف الأسري",
                "العنف ضد المرأة",
                "النوع الاجتماعي",
                "حامل",
                "الحوامل",
                "الأمهات",
                "الأمومة",
                "حضانة الأطفال",
                "العمل الجنسي",
                "الاغتصاب",
                "الإجهاض",
            ],
            "fa": [
                "زن",
                "زنان",
                "خانم‌ها",
                "خشونت خانگی",
                "خشونت علیه زنان",
                "باردار",
                "بارداری",
                "حاملگی",
                "مادر",
                "مادران",
                "حضانت",
                "کار جنسی",
                "تجاوز جنسی",
                "سقط جنین",
                "خشونت جنسیتی",
            ],
            "id": [
                "perempuan",
                "wanita",
                "gender",
                "kekerasan berbasis gender",
                "kdrt",
                "kekerasan seksual",
                "hamil",
                "kehamilan",
                "hak asuh",
                "pekerja seks",
                "pemerkosaan",
                "diperkosa",
                "aborsi",
                "transpuan",
            ],
        },
        "strategic_direction": "Advocacy and Campaigning",
    },
    {
        "code": "prisons",
        "parent": None,
        "name": {
            "en": "Prisons, detention and compulsory centres",
            "fr": "Prisons, détention et centres de traitement obligatoire",
            "es": "Cárceles, detención y centros de tratamiento obligatorio",
            "pt": "Prisões, detenção e internação compulsória",
            "ru": "Тюрьмы, СИЗО и принудительное лечение",
            "ar": "السجون والاحتجاز ومراكز العلاج الإلزامي",
            "fa": "زندان، بازداشتگاه و درمان اجباری",
            "id": "Penjara, tahanan, dan rehabilitasi paksa",
        },
        "definition": {
            "en": "Answers about people who use drugs in prison, pre-trial detention and "
            "compulsory drug detention or forced “treatment” centres: conditions, abuse, "
            "health and harm reduction inside, and life after release.",
            "fr": "Réponses sur les personnes qui consomment des drogues en prison, en détention "
            "provisoire et dans les centres de détention ou de « traitement » obligatoire : "
            "conditions, mauvais traitements, santé et réduction des risques à l'intérieur, et "
            "vie après la sortie.",
            "es": "Respuestas sobre las personas que usan drogas en la cárcel, en prisión "
            "preventiva y en centros de detención o de «tratamiento» obligatorio: condiciones, "
            "abusos, salud y reducción de daños dentro, y la vida después de salir.",
            "pt": "Respostas sobre pessoas que usam drogas na prisão, em prisão provisória e em "
            "centros de detenção ou de “tratamento” compulsório: condições, abusos, saúde e "
            "redução de danos lá dentro, e a vida depois da saída.",
            "ru": "Ответы о людях, употребляющих наркотики, в тюрьмах, СИЗО и центрах "
            "принудительного содержания или «лечения»: условия, насилие, медицинская помощь и "
            "снижение вреда внутри, жизнь после освобождения.",
            "ar": "إجابات عن الأشخاص الذين يتعاطون المخدرات في السجون والحبس الاحتياطي ومراكز "
            "الاحتجاز أو «العلاج» الإلزامي: الظروف والانتهاكات والرعاية الصحية والحد من الضرر "
            "داخلها، والحياة بعد الإفراج.",
            "fa": "پاسخ‌هایی درباره وضعیت افرادی که مواد مصرف می‌کنند در زندان، بازداشتگاه و کمپ‌ها "
            "یا مراکز «درمان» اجباری: شرایط، بدرفتاری، سلامت و کاهش آسیب در داخل، و زندگی پس "
            "از آزادی.",
            "id": "Jawaban tentang orang yang menggunakan napza di penjara, rutan, dan panti "
            "rehabilitasi paksa atau tempat “perawatan” wajib: kondisi, kekerasan, layanan "
            "kesehatan dan pengurangan dampak buruk di dalam, serta kehidupan setelah bebas.",
        },
        "include": {
            "en": "Overcrowding, forced labour, beatings, OAT, needles and HIV care inside, "
            "forced rehab, long sentences for use or possession, support after release.",
            "fr": "Surpopulation, travail forcé, coups, traitements de substitution, seringues "
            "et soins VIH à l'intérieur, cures forcées, longues peines pour usage ou "
            "possession, accompagnement à la sortie.",
            "es": "Hacinamiento, trabajo forzado, golpes, tratamiento con agonistas opioides, "
            "jeringas y atención del VIH dentro, internamiento forzoso, penas largas por uso o "
            "posesión, apoyo al salir.",
            "pt": "Superlotação, trabalho forçado, agressões, tratamento com agonistas "
            "opioides, seringas e cuidado do HIV lá dentro, internação compulsória, "
            "comunidades terapêuticas, penas longas por uso ou porte, apoio após a saída.",
            "ru": "Переполненность, принудительный труд, избиения, заместительная терапия, "
            "шприцы и лечение ВИЧ в заключении, ЛТП и принудительные ребцентры, большие сроки "
            "за употребление или хранение, поддержка после освобождения.",
            "ar": "الاكتظاظ، والعمل القسري، والضرب، والعلاج البديل والحقن ورعاية فيروس نقص "
            "المناعة البشرية داخل السجن، والعلاج القسري، والأحكام الطويلة بسبب التعاطي أو "
            "الحيازة، والدعم بعد الإفراج.",
            "fa": "تراکم جمعیت، کار اجباری، ضرب و شتم، درمان نگهدارنده، سرنگ و درمان اچ‌آی‌وی "
            "در زندان، ترک اجباری، حبس‌های طولانی برای مصرف یا نگهداری مواد، حمایت پس از "
            "آزادی.",
            "id": "Kelebihan kapasitas, kerja paksa, pemukulan, terapi rumatan, jarum suntik dan "
            "perawatan HIV di dalam, rehabilitasi paksa, hukuman panjang karena memakai atau "
            "memiliki napza, dukungan setelah bebas.",
        },
        "exclude": {
            "en": "The arrest itself goes under “Police violence and arrest”; the laws that "
            "send people there under “Decriminalisation and legal reform”.",
            "fr": "L'arrestation elle-même relève du thème « Violences policières et "
            "arrestations » ; les lois qui y mènent, du thème « Décriminalisation et réforme "
            "des lois ».",
            "es": "La detención policial en sí va en «Violencia policial y detenciones»; las "
            "leyes que llevan allí, en «Despenalización y reforma legal».",
            "pt": "A abordagem e a detenção pela polícia vão em “Violência policial e "
            "detenções”; as leis que levam à prisão, em “Descriminalização e reforma legal”.",
            "ru": "Само задержание относится к теме «Полицейское насилие и задержания»; законы, "
            "из-за которых люди туда попадают, — к теме «Декриминализация и реформа "
            "законодательства».",
            "ar": "الاعتقال نفسه يندرج تحت «عنف الشرطة والاعتقال»؛ والقوانين التي تقود إلى "
            "السجن تحت «إلغاء التجريم وإصلاح القوانين».",
            "fa": "خود دستگیری در «خشونت پلیس و بازداشت» می‌آید؛ قوانینی که افراد را به زندان "
            "می‌فرستند در «جرم‌زدایی و اصلاح قوانین».",
            "id": "Penangkapannya sendiri masuk ke “Kekerasan polisi dan penangkapan”; "
            "undang-undang yang membuat orang dipenjara ke “Dekriminalisasi dan reformasi "
            "hukum”.",
        },
        "keywords": {
            "en": [
                "prison",
                "prisons",
                "jail",
                "incarceration",
                "incarcerated",
                "imprisoned",
                "imprisonment",
                "detention",
                "inmate",
                "prisoner",
                "compulsory treatment",
                "compulsory detention",
                "forced treatment",
                "forced rehab",
                "behind bars",
            ],
            "fr": [
                "prison",
                "prisons",
                "incarcération",
                "incarcéré",
                "emprisonnement",
                "détention",
                "détenu",
                "détenus",
                "maison d'arrêt",
                "taule",
                "traitement obligatoire",
                "soins sous contrainte",
                "injonction thérapeutique",
                "cure forcée",
                "privation de liberté",
            ],
            "es": [
                "cárcel",
                "cárceles",
                "prisión",
                "penitenciario",
                "encarcelamiento",
                "encarcelado",
                "preso",
                "presos",
                "privación de libertad",
                "internamiento forzoso",
                "internación forzada",
                "tratamiento obligatorio",
                "anexos",
            ],
            "pt": [
                "prisão",
                "presídio",
                "penitenciária",
                "encarcerado",
                "encarceramento",
                "sistema prisional",
                "detento",
                "detentos",
                "privação de liberdade",
                "internação compulsória",
                "internação involuntária",
                "comunidade terapêutica",
                "comunidades terapêuticas",
            ],
            "ru": [
                "тюрьма",
                "тюрьмы",
                "колония",
                "сизо",
                "изолятор",
                "осужденные",
                "лишение свободы",
                "лтп",
                "принудительное лечение",
                "ребцентр",
                "ребцентры",
                "реабилитационный центр",
                "отсидел",
                "зэки",
            ],
            "ar": [
                "السجن",
                "السجون",
                "سجين",
                "المساجين",
                "الحبس",
                "الاحتجاز",
                "مراكز الاحتجاز",
                "العلاج الإلزامي",
                "العلاج القسري",
                "العلاج الإجباري",
            ],
            "fa": [
                "زندان",
                "زندانیان",
                "حبس",
                "کمپ",
                "کمپ اجباری",
                "ترک اجباری",
                "درمان اجباری",
                "ماده ۱۶",
                "ماده 16",
            ],
            "id": [
                "penjara",
                "dipenjara",
                "lapas",
                "rutan",
                "narapidana",
                "napi",
                "bui",
                "hotel prodeo",
                "rehabilitasi paksa",
                "rehabilitasi wajib",
                "panti rehabilitasi",
            ],
        },
        "strategic_direction": "Advocacy and Campaigning",
    },
    {
        "code": "death_penalty",
        "parent": None,
        "name": {
            "en": "Death penalty and extrajudicial killings",
            "fr": "Peine de mort et exécutions extrajudiciaires",
            "es": "Pena de muerte y ejecuciones extrajudiciales",
            "pt": "Pena de morte e execuções extrajudiciais",
            "ru": "Смертная казнь и внесудебные убийства",
            "ar": "عقوبة الإعدام والقتل خارج نطاق القضاء",
            "fa": "اعدام و قتل‌های فراقضایی",
            "id": "Hukuman mati dan pembunuhan di luar hukum",
        },
        "definition": {
            "en": "Answers about the death penalty for drug offences and about people who use "
            "drugs being killed outside the law, by police, soldiers or vigilantes, in the name "
            "of a “war on drugs”.",
            "fr": "Réponses sur la peine de mort pour des infractions liées aux drogues et sur "
            "les personnes qui consomment des drogues tuées hors de tout cadre légal, par la "
            "police, des militaires ou des milices, au nom de la « guerre contre la drogue ».",
            "es": "Respuestas sobre la pena de muerte por delitos de drogas y sobre personas que "
            "usan drogas asesinadas al margen de la ley por policías, militares o grupos "
            "armados, en nombre de la «guerra contra las drogas».",
            "pt": "Respostas sobre a pena de morte por crimes de drogas e sobre pessoas que usam "
            "drogas mortas fora da lei por policiais, militares ou milícias, em nome da "
            "“guerra às drogas”.",
            "ru": "Ответы о смертной казни за преступления, связанные с наркотиками, и о "
            "внесудебных убийствах людей, употребляющих наркотики, которые совершают "
            "полиция, военные или вооружённые группы под лозунгом «войны с наркотиками».",
            "ar": "إجابات عن عقوبة الإعدام في جرائم المخدرات وعن قتل الأشخاص الذين يتعاطون "
            "المخدرات خارج إطار القانون على يد الشرطة أو الجيش أو جماعات مسلحة، باسم «الحرب "
            "على المخدرات».",
            "fa": "پاسخ‌هایی درباره مجازات اعدام برای جرائم مرتبط با مواد و کشته شدن افرادی که "
            "مواد مصرف می‌کنند بیرون از چارچوب قانون، به دست پلیس، نیروهای نظامی یا "
            "گروه‌های مسلح، به نام «جنگ با مواد مخدر».",
            "id": "Jawaban tentang hukuman mati untuk kasus napza dan tentang orang yang "
            "menggunakan napza yang dibunuh di luar proses hukum oleh polisi, tentara, atau "
            "kelompok main hakim sendiri, atas nama “perang terhadap narkoba”.",
        },
        "include": {
            "en": "Death sentences and executions, killings by police or armed groups, "
            "disappearances, living in fear for one's life, campaigns against executions.",
            "fr": "Condamnations à mort et exécutions, meurtres par la police ou des groupes "
            "armés, disparitions, peur pour sa vie, campagnes contre les exécutions.",
            "es": "Condenas a muerte y ejecuciones, asesinatos por la policía o grupos armados, "
            "«limpieza social», desapariciones, miedo por la propia vida, campañas contra las "
            "ejecuciones.",
            "pt": "Condenações à morte e execuções, mortes pela polícia ou por grupos armados, "
            "chacinas, desaparecimentos, medo pela própria vida, campanhas contra as "
            "execuções.",
            "ru": "Смертные приговоры и казни, убийства полицией или вооружёнными группами, "
            "исчезновения людей, страх за свою жизнь, кампании против казней.",
            "ar": "أحكام الإعدام وتنفيذها، والقتل على يد الشرطة أو الجماعات المسلحة، والاختفاء "
            "القسري، والخوف على الحياة، والحملات ضد الإعدام.",
            "fa": "حکم‌های اعدام و اجرای آن‌ها، کشته شدن به دست پلیس یا گروه‌های مسلح، ناپدید "
            "شدن افراد، ترس برای جان، کارزارهای مخالفت با اعدام.",
            "id": "Vonis mati dan eksekusi, pembunuhan oleh polisi atau kelompok bersenjata, "
            "penghilangan paksa, rasa takut akan keselamatan jiwa, kampanye menentang "
            "eksekusi.",
        },
        "exclude": {
            "en": "Other police violence and arrests go under “Police violence and arrest”; "
            "prison conditions under “Prisons, detention and compulsory centres”.",
            "fr": "Les autres violences policières et arrestations relèvent du thème "
            "« Violences policières et arrestations » ; les conditions de détention, du thème "
            "« Prisons, détention et centres de traitement obligatoire ».",
            "es": "Las demás formas de violencia policial y las detenciones van en «Violencia "
            "policial y detenciones»; las condiciones de encierro, en «Cárceles, detención y "
            "centros de tratamiento obligatorio».",
            "pt": "As demais formas de violência policial e as detenções vão em “Violência "
            "policial e detenções”; as condições na prisão, em “Prisões, detenção e internação "
            "compulsória”.",
            "ru": "Прочее полицейское насилие и задержания относятся к теме «Полицейское "
            "насилие и задержания»; условия содержания — к теме «Тюрьмы, СИЗО и "
            "принудительное лечение».",
            "ar": "أشكال عنف الشرطة الأخرى والاعتقال تندرج تحت «عنف الشرطة والاعتقال»؛ وظروف "
            "السجن تحت «السجون والاحتجاز ومراكز العلاج الإلزامي».",
            "fa": "دیگر موارد خشونت پلیس و بازداشت در «خشونت پلیس و بازداشت» می‌آیند؛ شرایط "
            "زندان در «زندان، بازداشتگاه و درمان اجباری».",
            "id": "Kekerasan polisi lainnya dan penangkapan masuk ke “Kekerasan polisi dan "
            "penangkapan”; kondisi penjara ke “Penjara, tahanan, dan rehabilitasi paksa”.",
        },
        "keywords": {
            "en": [
                "death penalty",
                "death sentence",
                "death row",
                "capital punishment",
                "extrajudicial",
                "killed by police",
                "vigilante",
                "vigilantes",
                "tokhang",
                "firing squad",
                "summary execution",
                "death squad",
            ],
            "fr": [
                "peine de mort",
                "peine capitale",
                "condamné à mort",
                "condamnés à mort",
                "extrajudiciaire",
                "extrajudiciaires",
                "exécution extrajudiciaire",
                "exécutions sommaires",
                "pendaison",
                "peloton d'exécution",
                "justice expéditive",
            ],
            "es": [
                "pena de muerte",
                "pena capital",
                "condenado a muerte",
                "extrajudicial",
                "extrajudiciales",
                "ejecuciones extrajudiciales",
                "limpieza social",
                "desaparición forzada",
                "desaparecidos",
                "paramilitares",
                "escuadrones",
            ],
            "pt": [
                "pena de morte",
                "pena capital",
                "condenado à morte",
                "extrajudicial",
                "extrajudiciais",
                "execução sumária",
                "execuções extrajudiciais",
                "chacina",
                "grupo de extermínio",
                "milícia",
                "auto de resistência",
            ],
            "ru": [
                "смертная казнь",
                "смертный приговор",
                "казнь",
                "казни",
                "расстрел",
                "внесудебные",
                "внесудебные убийства",
                "внесудебная казнь",
                "эскадроны смерти",
                "самосуд",
            ],
            "ar": [
                "الإعدام",
                "إعدام",
                "عقوبة الإعدام",
                "حكم بالإعدام",
                "الإعدامات",
                "خارج نطاق القضاء",
                "خارج القانون",
                "المشنقة",
                "الشنق",
                "تصفية جسدية",
            ],
            "fa": [
                "اعدام",
                "اعدام‌ها",
                "حکم اعدام",
                "مجازات اعدام",
                "چوبه دار",
                "فراقضایی",
                "قتل فراقضایی",
                "اعدامی",
            ],
            "id": [
                "hukuman mati",
                "eksekusi mati",
                "vonis mati",
                "terpidana mati",
                "regu tembak",
                "tembak mati",
                "tembak di tempat",
                "di luar hukum",
                "nusakambangan",
                "extrajudicial",
            ],
        },
        "strategic_direction": "Advocacy and Campaigning",
    },
    {
        "code": "funding",
        "parent": None,
        "name": {
            "en": "Funding for user-led networks",
            "fr": "Financement des réseaux d'usagers de drogues",
            "es": "Financiamiento de las redes de personas que usan drogas",
            "pt": "Financiamento das redes de pessoas que usam drogas",
            "ru": "Финансирование сетей людей, употребляющих наркотики",
            "ar": "تمويل الشبكات التي يقودها الأشخاص الذين يتعاطون المخدرات",
            "fa": "تأمین مالی شبکه‌های افرادی که مواد مصرف می‌کنند",
            "id": "Pendanaan jaringan orang yang menggunakan napza",
        },
        "definition": {
            "en": "Answers about money for networks and organisations led by people who use "
            "drugs: core funding, donors and grants, paid work for peers, and cuts to "
            "community and harm reduction funding.",
            "fr": "Réponses sur l'argent des réseaux et organisations dirigés par des personnes "
            "qui consomment des drogues : financement de base, bailleurs et subventions, "
            "rémunération des pairs, et coupes dans le financement communautaire et de la "
            "réduction des risques.",
            "es": "Respuestas sobre el dinero de las redes y organizaciones lideradas por "
            "personas que usan drogas: financiamiento básico, donantes y subvenciones, pago a "
            "los pares, y recortes al financiamiento comunitario y de reducción de daños.",
            "pt": "Respostas sobre o dinheiro das redes e organizações lideradas por pessoas que "
            "usam drogas: financiamento institucional, doadores e editais, remuneração dos "
            "pares, e cortes no financiamento comunitário e de redução de danos.",
            "ru": "Ответы о деньгах для сетей и организаций, которыми руководят люди, "
            "употребляющие наркотики: базовое финансирование, доноры и гранты, оплата работы "
            "равных, сокращение финансирования сообществ и снижения вреда.",
            "ar": "إجابات عن تمويل الشبكات والمنظمات التي يقودها الأشخاص الذين يتعاطون "
            "المخدرات: التمويل الأساسي، والمانحون والمنح، ودفع أجور الأقران، وتقليص تمويل "
            "المجتمعات وخدمات الحد من الضرر.",
            "fa": "پاسخ‌هایی درباره منابع مالی شبکه‌ها و سازمان‌هایی که به رهبری افرادی که مواد "
            "مصرف می‌کنند اداره می‌شوند: بودجه پایه، اهداکنندگان و کمک‌های مالی، دستمزد "
            "همتایان، و کاهش بودجه جامعه و کاهش آسیب.",
            "id": "Jawaban tentang dana untuk jaringan dan organisasi yang dipimpin oleh orang "
            "yang menggunakan napza: dana inti, donor dan hibah, honor bagi teman sebaya, "
            "serta pemotongan dana komunitas dan pengurangan dampak buruk.",
        },
        "include": {
            "en": "Global Fund, Robert Carr Fund and government funding; donors leaving; "
            "transition to domestic funding; unpaid volunteer work; funding for community-led "
            "services and advocacy.",
            "fr": "Fonds mondial, Robert Carr Fund et financements publics ; retrait des "
            "bailleurs ; transition vers un financement national ; bénévolat non rémunéré ; "
            "financement des services communautaires et du plaidoyer.",
            "es": "Fondo Mundial, Robert Carr Fund y financiamiento estatal; retirada de "
            "donantes; transición al financiamiento nacional; voluntariado sin pago; "
            "financiamiento de servicios comunitarios y de incidencia política.",
            "pt": "Fundo Global, Robert Carr Fund e financiamento público; saída de doadores; "
            "transição para o financiamento nacional; trabalho voluntário sem remuneração; "
            "financiamento de serviços comunitários e de incidência política.",
            "ru": "Глобальный фонд, Фонд Роберта Карра и государственное финансирование; уход "
            "доноров; переход на национальное финансирование; неоплачиваемая волонтёрская "
            "работа; финансирование услуг сообществ и адвокации.",
            "ar": "الصندوق العالمي وصندوق روبرت كار والتمويل الحكومي؛ وانسحاب المانحين؛ "
            "والانتقال إلى التمويل المحلي؛ والعمل التطوعي غير المدفوع؛ وتمويل الخدمات "
            "المجتمعية والمناصرة.",
            "fa": "صندوق جهانی، صندوق رابرت کار و بودجه دولتی؛ خروج اهداکنندگان؛ انتقال به "
            "منابع مالی داخلی؛ کار داوطلبانه بدون دستمزد؛ تأمین مالی خدمات جامعه‌محور و "
            "حمایت‌طلبی.",
            "id": "Global Fund, Robert Carr Fund, dan dana pemerintah; donor yang mundur; "
            "transisi ke pendanaan dalam negeri; kerja relawan tanpa bayaran; pendanaan "
            "layanan berbasis komunitas dan advokasi.",
        },
        "exclude": {
            "en": "Personal income, jobs and benefits go under “Housing and income”; whether a "
            "service exists under “Harm reduction services”.",
            "fr": "Les revenus personnels, l'emploi et les allocations relèvent du thème "
            "« Logement et revenus » ; l'existence d'un service, du thème « Services de "
            "réduction des risques ».",
            "es": "Los ingresos personales, el empleo y las ayudas sociales van en «Vivienda e "
            "ingresos»; la existencia de un servicio, en «Servicios de reducción de daños».",
            "pt": "Renda pessoal, emprego e benefícios sociais vão em “Moradia e renda”; a "
            "existência de um serviço, em “Serviços de redução de danos”.",
            "ru": "Личный доход, работа и пособия относятся к теме «Жильё и доход»; наличие "
            "самой услуги — к теме «Услуги снижения вреда».",
            "ar": "الدخل الشخصي والعمل والإعانات تندرج تحت «السكن والدخل»؛ ووجود الخدمة نفسها "
            "تحت «خدمات الحد من الضرر».",
            "fa": "درآمد شخصی، شغل و مستمری در «مسکن و درآمد» می‌آیند؛ وجود یا نبود یک خدمت در "
            "«خدمات کاهش آسیب».",
            "id": "Penghasilan pribadi, pekerjaan, dan bantuan sosial masuk ke “Tempat tinggal "
            "dan penghasilan”; ada atau tidaknya layanan ke “Layanan pengurangan dampak "
            "buruk”.",
        },
        "keywords": {
            "en": [
                "funding",
                "donor",
                "donors",
                "grant",
                "grants",
                "global fund",
                "robert carr",
                "budget",
                "underfunded",
                "financing",
                "sustainability",
                "volunteer",
                "volunteers",
                "unpaid",
                "salaries",
            ],
            "fr": [
                "financement",
                "financements",
                "financé",
                "bailleur",
                "bailleurs",
                "fonds mondial",
                "robert carr",
                "subvention",
                "subventions",
                "budget",
                "bénévole",
                "bénévoles",
                "bénévolat",
                "pérennité",
                "salaires",
            ],
            "es": [
                "financiamiento",
                "financiación",
                "fondos",
                "donante",
                "donantes",
                "fondo mundial",
                "robert carr",
                "subvención",
                "subvenciones",
                "presupuesto",
                "voluntario",
                "voluntarios",
                "sostenibilidad",
                "recortes",
                "salarios",
            ],
            "pt": [
                "financiamento",
                "financiadores",
                "doador",
                "doadores",
                "fundo global",
                "robert carr",
                "verba",
                "verbas",
                "orçamento",
                "edital",
                "editais",
                "voluntário",
                "voluntários",
                "sustentabilidade",
                "cortes",
            ],
            "ru": [
                "финансирование",
                "донор",
                "доноры",
                "глобальный фонд",
                "роберт карр",
                "грант",
                "гранты",
                "бюджет",
                "госзаказ",
                "социальный заказ",
                "волонтер",
                "волонтеры",
                "устойчивость",
                "переходный период",
                "зарплата",
            ],
            "ar": [
                "التمويل",
                "تمويل",
                "المانحين",
                "المانحون",
                "الجهات المانحة",
                "الصندوق العالمي",
                "روبرت كار",
                "منحة",
                "الميزانية",
                "متطوع",
                "متطوعين",
                "التطوع",
                "الاستدامة",
                "رواتب",
            ],
            "fa": [
                "بودجه",
                "تأمین مالی",
                "حمایت مالی",
                "حامی مالی",
                "صندوق جهانی",
                "اهداکنندگان",
                "اهداکننده",
                "کمک‌های بین‌المللی",
                "داوطلب",
                "داوطلبانه",
                "پایداری",
                "دستمزد",
            ],
            "id": [
                "pendanaan",
                "dana",
                "donor",
                "hibah",
                "global fund",
                "robert carr",
                "anggaran",
                "apbd",
                "apbn",
                "relawan",
                "sukarela",
                "swakelola",
                "honor",
            ],
        },
        "strategic_direction": "Advocacy and Campaigning",
    },
    {
        "code": "housing_income",
        "parent": None,
        "name": {
            "en": "Housing and income",
            "fr": "Logement et revenus",
            "es": "Vivienda e ingresos",
            "pt": "Moradia e renda",
            "ru": "Жильё и доход",
            "ar": "السكن والدخل",
            "fa": "مسکن و درآمد",
            "id": "Tempat tinggal dan penghasilan",
        },
        "definition": {
            "en": "Answers about having a safe place to live and enough to live on: "
            "homelessness, eviction, shelters, work and unemployment, welfare benefits and "
            "poverty.",
            "fr": "Réponses sur le fait d'avoir un endroit sûr où vivre et de quoi vivre : "
            "sans-abrisme, expulsions, hébergement d'urgence, travail et chômage, aides "
            "sociales et pauvreté.",
            "es": "Respuestas sobre tener un lugar seguro donde vivir y de qué vivir: situación "
            "de calle, desalojos, albergues, trabajo y desempleo, ayudas sociales y pobreza.",
            "pt": "Respostas sobre ter um lugar seguro para morar e do que viver: situação de "
            "rua, despejos, abrigos, trabalho e desemprego, benefícios sociais e pobreza.",
            "ru": "Ответы о безопасном жилье и средствах к существованию: бездомность, "
            "выселение, приюты, работа и безработица, социальные пособия и бедность.",
            "ar": "إجابات عن وجود مكان آمن للعيش وما يكفي للعيش: التشرد، والإخلاء، ومراكز "
            "الإيواء، والعمل والبطالة، والإعانات الاجتماعية، والفقر.",
            "fa": "پاسخ‌هایی درباره داشتن جای امن برای زندگی و درآمد کافی برای گذران زندگی: "
            "بی‌خانمانی، بیرون کردن از خانه، سرپناه، کار و بیکاری، کمک‌های اجتماعی و فقر.",
            "id": "Jawaban tentang memiliki tempat tinggal yang aman dan uang yang cukup untuk "
            "hidup: "
            "tunawisma, penggusuran, rumah singgah, pekerjaan dan pengangguran, bantuan "
            "sosial, dan kemiskinan.",
        },
        "include": {
            "en": "Living on the street, evictions, shelters that turn away people who use "
            "drugs, losing a job over drug use or drug tests, benefits, food, debts.",
            "fr": "Vie à la rue, expulsions, foyers qui refusent les personnes qui consomment "
            "des drogues, perte d'emploi à cause de la consommation ou d'un dépistage, "
            "allocations, alimentation, dettes.",
            "es": "Vivir en la calle, desalojos, albergues que excluyen a las personas que usan "
            "drogas, perder el trabajo por el consumo o por pruebas de drogas, ayudas sociales, "
            "comida, deudas.",
            "pt": "Viver na rua, despejos, abrigos que excluem pessoas que usam drogas, perder o "
            "emprego por causa do uso ou de testes de drogas, benefícios, alimentação, dívidas.",
            "ru": "Жизнь на улице, выселения, приюты, которые не принимают людей, "
            "употребляющих наркотики, потеря работы из-за употребления или тестов на "
            "наркотики, пособия, питание, долги.",
            "ar": "العيش في الشارع، وحالات الإخلاء، ومراكز الإيواء التي ترفض الأشخاص الذين "
            "يتعاطون المخدرات، وفقدان العمل بسبب التعاطي أو فحوص المخدرات، والإعانات، "
            "والطعام، والديون.",
            "fa": "زندگی در خیابان، بیرون کردن از خانه، سرپناه‌هایی که افرادی را که مواد مصرف "
            "می‌کنند نمی‌پذیرند، از دست دادن کار به خاطر مصرف یا آزمایش مواد، یارانه و "
            "مستمری، غذا، بدهی.",
            "id": "Hidup di jalanan, penggusuran, rumah singgah yang menolak orang yang "
            "menggunakan napza, kehilangan pekerjaan karena pemakaian napza atau tes urine, "
            "bansos, makanan, utang.",
        },
        "exclude": {
            "en": "Money for networks and organisations goes under “Funding for user-led "
            "networks”; discrimination in health care under “Stigma and discrimination in "
            "health care”.",
            "fr": "L'argent des réseaux et des organisations relève du thème « Financement des "
            "réseaux d'usagers de drogues » ; la discrimination dans les soins, du thème "
            "« Stigmatisation et discrimination dans les soins ».",
            "es": "El dinero de las redes y organizaciones va en «Financiamiento de las redes "
            "de personas que usan drogas»; la discriminación en la salud, en «Estigma y "
            "discriminación en los servicios de salud».",
            "pt": "O dinheiro das redes e organizações vai em “Financiamento das redes de "
            "pessoas que usam drogas”; a discriminação na saúde, em “Estigma e discriminação "
            "nos serviços de saúde”.",
            "ru": "Деньги для сетей и организаций относятся к теме «Финансирование сетей "
            "людей, употребляющих наркотики»; дискриминация в медицине — к теме «Стигма и "
            "дискриминация в здравоохранении».",
            "ar": "تمويل الشبكات والمنظمات يندرج تحت «تمويل الشبكات التي يقودها الأشخاص الذين "
            "يتعاطون المخدرات»؛ والتمييز في الرعاية الصحية تحت «الوصمة والتمييز في الرعاية "
            "الصحية».",
            "fa": "منابع مالی شبکه‌ها و سازمان‌ها در «تأمین مالی شبکه‌های افرادی که مواد مصرف "
            "می‌کنند» می‌آید؛ تبعیض در خدمات سلامت در «انگ و تبعیض در خدمات سلامت».",
            "id": "Dana untuk jaringan dan organisasi masuk ke “Pendanaan jaringan orang yang "
            "menggunakan napza”; diskriminasi di layanan kesehatan ke “Stigma dan diskriminasi "
            "di layanan kesehatan”.",
        },
        "keywords": {
            "en": [
                "housing",
                "homeless",
                "homelessness",
                "eviction",
                "evicted",
                "shelter",
                "rent",
                "landlord",
                "job",
                "jobs",
                "unemployed",
                "income",
                "welfare",
                "poverty",
                "hungry",
            ],
            "fr": [
                "logement",
                "sans-abri",
                "sdf",
                "sans domicile",
                "expulsion",
                "expulsé",
                "hébergement",
                "squat",
                "emploi",
                "chômage",
                "revenu",
                "revenus",
                "pauvreté",
                "à la rue",
                "chômeur",
            ],
            "es": [
                "vivienda",
                "situación de calle",
                "sin hogar",
                "desalojo",
                "desalojado",
                "albergue",
                "alquiler",
                "arriendo",
                "empleo",
                "desempleo",
                "desempleado",
                "pobreza",
                "hambre",
                "sin techo",
                "sueldo",
            ],
            "pt": [
                "moradia",
                "habitação",
                "situação de rua",
                "morador de rua",
                "despejo",
                "despejado",
                "abrigo",
                "aluguel",
                "renda",
                "emprego",
                "desemprego",
                "desempregado",
                "pobreza",
                "fome",
                "bolsa família",
            ],
            "ru": [
                "бездомный",
                "бездомность",
                "выселение",
                "выселили",
                "приют",
                "ночлежка",
                "аренда",
                "трудоустройство",
                "безработица",
                "безработный",
                "доход",
                "пособие",
                "бедность",
                "нет жилья",
                "жилищные условия",
            ],
            "ar": [
                "السكن",
                "مأوى",
                "بلا مأوى",
                "التشرد",
                "مشرد",
                "مشردين",
                "الإخلاء",
                "الإيجار",
                "البطالة",
                "عاطل عن العمل",
                "وظيفة",
                "مصدر دخل",
                "الفقر",
                "الجوع",
            ],
            "fa": [
                "مسکن",
                "بی‌خانمان",
                "بی‌خانمانی",
                "سرپناه",
                "گرمخانه",
                "اجاره",
                "بیکاری",
                "بیکار",
                "شغل",
                "درآمد",
                "فقر",
                "گرسنگی",
                "مستمری",
            ],
            "id": [
                "tempat tinggal",
                "tunawisma",
                "penggusuran",
                "digusur",
                "rumah singgah",
                "kontrakan",
                "sewa rumah",
                "pengangguran",
                "gaji",
                "upah",
                "nafkah",
                "kemiskinan",
                "bansos",
                "phk",
                "kelaparan",
            ],
        },
        "strategic_direction": "Advocacy and Campaigning",
    },
    {
        "code": "meaningful_involvement",
        "parent": None,
        "name": {
            "en": "Meaningful involvement and leadership",
            "fr": "Participation significative et leadership",
            "es": "Participación significativa y liderazgo",
            "pt": "Participação significativa e liderança",
            "ru": "Значимое участие и лидерство",
            "ar": "المشاركة الهادفة والقيادة",
            "fa": "مشارکت معنادار و رهبری",
            "id": "Pelibatan bermakna dan kepemimpinan",
        },
        "definition": {
            "en": "Answers about people who use drugs having a real say in the decisions that "
            "affect their lives: representation, self-organising, peer leadership and bringing "
            "in new and younger leaders.",
            "fr": "Réponses sur la place réelle des personnes qui consomment des drogues dans "
            "les décisions qui les concernent : représentation, auto-organisation, leadership "
            "des pairs et relève de jeunes leaders.",
            "es": "Respuestas sobre que las personas que usan drogas tengan voz real en las "
            "decisiones que afectan a sus vidas: representación, autoorganización, liderazgo "
            "de pares y nuevos liderazgos jóvenes.",
            "pt": "Respostas sobre as pessoas que usam drogas terem voz real nas decisões que "
            "afetam suas vidas: representação, auto-organização, protagonismo e liderança dos "
            "pares, e novas lideranças jovens.",
            "ru": "Ответы о реальном голосе людей, употребляющих наркотики, в решениях, которые "
            "касаются их жизни: представительство, самоорганизация, "
            "лидерство равных и новые, в том числе молодые, лидеры.",
            "ar": "إجابات عن أن يكون للأشخاص الذين يتعاطون المخدرات رأي حقيقي في القرارات التي "
            "تمس حياتهم: التمثيل، والتنظيم الذاتي، وقيادة الأقران، وإعداد قيادات جديدة وشابة.",
            "fa": "پاسخ‌هایی درباره اینکه افرادی که مواد مصرف می‌کنند در تصمیم‌هایی که بر "
            "زندگی‌شان اثر می‌گذارد نقش واقعی داشته باشند: نمایندگی، خودسازماندهی، رهبری "
            "همتایان و پرورش رهبران تازه و جوان.",
            "id": "Jawaban tentang suara nyata orang yang menggunakan napza dalam keputusan yang "
            "menyangkut hidup mereka: keterwakilan, pengorganisasian diri, "
            "kepemimpinan sebaya, dan regenerasi pemimpin muda.",
        },
        "include": {
            "en": "Seats on country coordinating mechanisms, boards and committees; tokenism; "
            "“nothing about us without us”; peer-led services; training and mentoring of "
            "emerging leaders; activist burnout.",
            "fr": "Sièges dans les CCM, conseils d'administration et comités ; participation "
            "de façade ; « rien pour nous sans nous » ; services dirigés par les pairs ; "
            "formation et accompagnement des leaders émergents ; épuisement des militants.",
            "es": "Lugares en los mecanismos de coordinación de país (MCP), juntas y comités; "
            "participación simbólica; «nada sobre nosotros sin nosotros»; servicios dirigidos "
            "por pares; formación y acompañamiento de nuevos líderes; agotamiento de "
            "activistas.",
            "pt": "Assentos nos mecanismos de coordenação de país (MCP), conselhos e comitês; "
            "participação simbólica; “nada sobre nós sem nós”; serviços conduzidos por pares; "
            "formação e acompanhamento de novas lideranças; esgotamento de ativistas.",
            "ru": "Места в страновых координационных комитетах, правлениях и комиссиях; "
            "формальное участие «для галочки»; «ничего для нас без нас»; услуги, которые ведут "
            "равные; обучение и наставничество для новых лидеров; выгорание активистов.",
            "ar": "المقاعد في آليات التنسيق القطرية ومجالس الإدارة واللجان؛ والمشاركة الشكلية؛ "
            "و«لا شيء عنا بدوننا»؛ والخدمات التي يقودها الأقران؛ وتدريب القيادات الناشئة "
            "وتوجيهها؛ وإنهاك الناشطين.",
            "fa": "کرسی در سازوکارهای هماهنگی کشوری، هیئت‌مدیره‌ها و کمیته‌ها؛ مشارکت نمایشی؛ "
            "«هیچ چیز درباره ما بدون ما»؛ خدمات به رهبری همتایان؛ آموزش و راهنمایی رهبران "
            "نوظهور؛ فرسودگی فعالان.",
            "id": "Kursi di CCM, dewan, dan komite; pelibatan sekadar formalitas; “tidak ada "
            "tentang kami tanpa kami”; layanan yang dipimpin sebaya; pelatihan dan pendampingan "
            "pemimpin baru; kelelahan aktivis.",
        },
        "exclude": {
            "en": "Money for networks goes under “Funding for user-led networks”; police or "
            "legal threats against activists under “Police violence and arrest”.",
            "fr": "L'argent des réseaux relève du thème « Financement des réseaux d'usagers de "
            "drogues » ; les menaces policières ou judiciaires contre les militants, du thème "
            "« Violences policières et arrestations ».",
            "es": "El dinero de las redes va en «Financiamiento de las redes de personas que "
            "usan drogas»; las amenazas policiales o judiciales contra activistas, en "
            "«Violencia policial y detenciones».",
            "pt": "O dinheiro das redes vai em “Financiamento das redes de pessoas que usam "
            "drogas”; ameaças policiais ou judiciais contra ativistas, em “Violência policial e "
            "detenções”.",
            "ru": "Деньги для сетей относятся к теме «Финансирование сетей людей, "
            "употребляющих наркотики»; угрозы активистам со стороны полиции или суда — к теме "
            "«Полицейское насилие и задержания».",
            "ar": "تمويل الشبكات يندرج تحت «تمويل الشبكات التي يقودها الأشخاص الذين يتعاطون "
            "المخدرات»؛ وتهديدات الشرطة أو القضاء للناشطين تحت «عنف الشرطة والاعتقال».",
            "fa": "منابع مالی شبکه‌ها در «تأمین مالی شبکه‌های افرادی که مواد مصرف می‌کنند» "
            "می‌آید؛ تهدید فعالان از سوی پلیس یا دادگاه در «خشونت پلیس و بازداشت».",
            "id": "Dana untuk jaringan masuk ke “Pendanaan jaringan orang yang menggunakan "
            "napza”; ancaman polisi atau hukum terhadap aktivis ke “Kekerasan polisi dan "
            "penangkapan”.",
        },
        "keywords": {
            "en": [
                "meaningful involvement",
                "meaningful participation",
                "representation",
                "nothing about us",
                "leadership",
                "leaders",
                "peer-led",
                "user-led",
                "community-led",
                "ccm",
                "tokenism",
                "tokenistic",
                "decision-making",
                "activist",
                "activists",
            ],
            "fr": [
                "participation significative",
                "implication des usagers",
                "représentation",
                "représentants",
                "leadership",
                "leaders",
                "pair-aidant",
                "pairs-aidants",
                "autosupport",
                "auto-support",
                "ccm",
                "militants",
                "prise de décision",
                "autodétermination",
                "rien pour nous",
            ],
            "es": [
                "participación significativa",
                "representación",
                "representantes",
                "nada sobre nosotros",
                "liderazgo",
                "líderes",
                "autoorganización",
                "mcp",
                "toma de decisiones",
                "autodeterminación",
                "entre pares",
                "participación comunitaria",
                "participación simbólica",
            ],
            "pt": [
                "participação significativa",
                "representação",
                "representantes",
                "nada sobre nós",
                "liderança",
                "lideranças",
                "protagonismo",
                "mcp",
                "tomada de decisão",
                "controle social",
                "autodeterminação",
                "entre pares",
                "participação simbólica",
            ],
            "ru": [
                "значимое участие",
                "представительство",
                "представители",
                "без нас",
                "лидерство",
                "лидеры",
                "равный консультант",
                "равные консультанты",
                "самоорганизация",
                "активист",
                "активисты",
                "скк",
                "принятие решений",
                "голос сообщества",
            ],
            "ar": [
                "المشاركة الهادفة",
                "المشاركة الفعالة",
                "التمثيل",
                "ممثلين",
                "القيادة",
                "قادة",
                "التنظيم الذاتي",
                "ناشط",
                "ناشطين",
                "صنع القرار",
                "اتخاذ القرار",
                "آلية التنسيق",
                "لا شيء عنا",
                "دعم الأقران",
                "قيادة الأقران",
            ],
            "fa": [
                "مشارکت معنادار",
                "نمایندگی",
                "نمایندگان",
                "نماینده",
                "همتا",
                "همتایان",
                "آموزش همتا",
                "جامعه‌محور",
                "فعالان",
                "تصمیم‌گیری",
                "سازمان مردم‌نهاد",
                "سمن",
            ],
            "id": [
                "pelibatan bermakna",
                "keterwakilan",
                "kepemimpinan",
                "pemimpin",
                "sebaya",
                "aktivis",
                "pengambilan keputusan",
                "ccm",
                "tanpa kami",
                "pelibatan komunitas",
            ],
        },
        "strategic_direction": "Network Development",
    },
]
