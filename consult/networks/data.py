"""The network's member networks (strategic plan 2021-2024, "Governance") and region names."""

from flask_babel import lazy_gettext as _l

MEMBER_NETWORKS = [
    ("NAPUD", "Network of Asian People who Use Drugs", "regional", "asia"),
    ("EuroNPUD", "European Network of People who Use Drugs", "regional", "europe"),
    ("ENPUD", "Eurasian Network of People who Use Drugs", "regional", "eurasia"),
    ("AfricaNPUD", "African Network of People who Use Drugs", "regional", "africa"),
    ("LANPUD", "Latin American Network of People who Use Drugs", "regional", "latin_america"),
    ("PasifikaNPUD", "Australia & Oceania Network of People who Use Drugs", "regional", "oceania"),
    ("NANPUD", "North American Network of People who Use Drugs", "regional", "north_america"),
    (
        "MENANPUD",
        "Middle East and North Africa Network of People who Use Drugs",
        "regional",
        "mena",
    ),
    ("INWUD", "International Network of Women who Use Drugs", "women", "global"),
]

REGION_NAMES = {
    "asia": _l("Asia"),
    "europe": _l("Europe"),
    "eurasia": _l("Eurasia"),
    "africa": _l("Africa"),
    "latin_america": _l("Latin America"),
    "oceania": _l("Australia and Oceania"),
    "north_america": _l("North America"),
    "mena": _l("Middle East and North Africa"),
    "global": _l("Global"),
}
