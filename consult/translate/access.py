"""The one check before a translation page: designers and admins may translate any
language of any round; a translator only the round and language assigned to them."""

from flask import abort
from flask_login import current_user

from ..accounts.access import role_required
from ..design.access import load_round
from .queries import is_assigned

translators_and_designers = role_required("translator", "designer")


def load_round_to_translate(slug, language):
    round_ = load_round(slug)
    if language not in round_.languages or language == round_.source_language:
        abort(404)
    if current_user.role == "translator" and not is_assigned(current_user, round_, language):
        abort(403)
    return round_
