"""The starter codebook: themes for coding free-text answers, used to seed the database.

The themes follow what the network's strategic plan (2021-2024) names as its goals and as the
harms people who use drugs face, and each maps to one of the plan's four strategic directions,
so that a brief can group what members wrote by direction.

They are data, ``data/starter_codebook.json``: a codebook file in the format staff export and
import (``consult-codebook/1``, codebooks/definition.py), seeded by the same import. Each theme
has a name, a definition and include / exclude notes in every interface language, and
keywords for automatic suggestions, matched on word stems after normalisation
(``consult.coding.text``): plain word forms, lower case, a phrase of one to three words
matching only with its words together and in order; Arabic and Farsi without harakat or
tatweel. tests/test_starter_codebook.py checks all of this.
"""

import json
from pathlib import Path

PATH = Path(__file__).parent / "data" / "starter_codebook.json"

#: The strategic directions, as the plan names them.
STRATEGIC_DIRECTIONS = (
    "Network Development",
    "Partnership Development",
    "Programming and Technical Support",
    "Advocacy and Campaigning",
)


def starter_definition():
    """The starter codebook as its file holds it (the JSON a staff member would import)."""
    return json.loads(PATH.read_text(encoding="utf-8"))
