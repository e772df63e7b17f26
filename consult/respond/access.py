"""The one check before any member page: the round exists and takes answers."""

from flask import abort, g

from .queries import round_with_questionnaire


def load_open_round(slug):
    """The round at /c/<slug>/: 404 when unknown or still a draft, 410 once closed."""
    round_ = round_with_questionnaire(slug)
    if round_ is None or round_.status == "draft":
        abort(404)
    g.round_default_language = round_.source_language
    if round_.status in ("closed", "archived"):
        abort(410)
    return round_
