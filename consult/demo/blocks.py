"""The starter library of question blocks, in the demo round's five languages.

Most questions are the demo round's own (``content``), so the two stay consistent."""

from . import content
from .content import t


def _demo_question(code):
    return next(
        {k: v for k, v in spec.items() if k != "weights"}
        for _, questions in content.SECTIONS
        for spec in questions
        if spec["code"] == code
    )


def _choices(pairs, prefer_not=False):
    choices = [{"code": code, "label": label, "role": "option"} for code, label in pairs]
    if prefer_not:
        choices.append({"code": "prefer_not", "label": content.PREFER_NOT[1], "role": "prefer_not"})
    return choices


def _question(code):
    spec = _demo_question(code)
    choices = []
    for choice_code, label in spec.pop("choices", []):
        role = "prefer_not" if choice_code == "prefer_not" else "option"
        choices.append({"code": choice_code, "label": label, "role": role})
    return {**spec, "choices": choices}


CORE_FUNDING = {
    "code": "core_funding",
    "kind": "yes_no",
    "required": False,
    "text": t(
        "Does your network receive core funding?",
        "Votre réseau reçoit-il un financement de base ?",
        "¿Tu red recibe financiación básica?",
        "Получает ли ваша сеть базовое финансирование?",
        "هل تتلقى شبكتك تمويلًا أساسيًا؟",
    ),
    "choices": _choices(
        [("yes", t("Yes", "Oui", "Sí", "Да", "نعم")), ("no", t("No", "Non", "No", "Нет", "لا"))]
    ),
}

#: (code, name, page title, questions)
STARTER_BLOCKS = [
    (
        "priorities",
        t(
            "Priorities for advocacy",
            "Priorités de plaidoyer",
            "Prioridades de incidencia",
            "Приоритеты адвокации",
            "أولويات المناصرة",
        ),
        [_question("priorities"), _question("decriminalisation_first")],
    ),
    (
        "harm_reduction_barriers",
        t(
            "Barriers to harm reduction services",
            "Obstacles aux services de réduction des risques",
            "Barreras a los servicios de reducción de daños",
            "Барьеры к услугам снижения вреда",
            "العوائق أمام خدمات الحد من الضرر",
        ),
        [_question("barriers"), _question("services_meet_needs")],
    ),
    (
        "health_care_stigma",
        t(
            "Stigma and discrimination in health care",
            "Stigmatisation et discrimination dans les soins",
            "Estigma y discriminación en la atención sanitaria",
            "Стигма и дискриминация в здравоохранении",
            "الوصم والتمييز في الرعاية الصحية",
        ),
        [_question("health_care_stigma"), _question("health_care_what_happened")],
    ),
    (
        "police_and_law",
        t(
            "Police and the law",
            "La police et la loi",
            "La policía y la ley",
            "Полиция и закон",
            "الشرطة والقانون",
        ),
        [_question("police_stop"), _question("one_change")],
    ),
    (
        "funding",
        t(
            "Funding of user-led networks",
            "Financement des réseaux d'usagers",
            "Financiación de las redes de personas usuarias",
            "Финансирование сетей сообщества",
            "تمويل الشبكات المجتمعية",
        ),
        [CORE_FUNDING, _question("support_needed")],
    ),
]
