"""The one check before any member page: the round exists and takes answers."""

from flask import abort, g

from .questionnaire import round_with_questionnaire


def load_open_round(address):
    """The round at /c/<address>/ (its slug, or its member key if discreet): 404 when
    unknown, a draft or not yet open, 410 once closed (by hand or by its closing time: no
    job has to run for a round to close on time)."""
    round_ = round_with_questionnaire(address)
    if round_ is None or round_.effective_status in ("draft", "scheduled"):
        abort(404)
    g.round_default_language = round_.source_language
    g.member_round = round_
    if round_.effective_status in ("closed", "archived"):
        abort(410)
    return round_
