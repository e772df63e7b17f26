"""The one check before any page of a round's coding: a reviewer (or admin), and the round,
its run, answer or tag named in the address or the form, which must belong together (else
404). Pages that show figures or answers first release the round's responses and themes
when a release is due."""

from flask import abort

from ..accounts.access import role_required
from ..design.access import load_round
from ..extensions import db
from .answers import find_answer, readable_groups
from .models import Tag, ThemeJob
from .releases import release_themes_if_due

reviewers_only = role_required("reviewer")


def load_released_round(slug):
    """The round of a theme page, its responses and themes released up to today when due."""
    round_ = load_round(slug)
    release_themes_if_due(round_)
    return round_


def load_job(round_, job_id):
    """The long run ``job_id`` of ``round_``."""
    job = db.session.get(ThemeJob, job_id)
    if job is None or job.round_id != round_.id:
        abort(404)
    return job


def load_answer(round_, reference, answer=None):
    """The written answer ``reference`` names (``answer`` if already found), if the coding
    screen may show it: one of a group of answers large enough to read."""
    answer = answer or find_answer(round_.id, reference)
    if answer is None or (answer.question_id, answer.language) not in readable_groups(
        round_.id, round_.min_cell_size
    ):
        abort(404)
    return answer


def load_tag(answer, tag_id):
    """The tag ``tag_id``, which must be about ``answer``."""
    tag = db.session.get(Tag, tag_id)
    if tag is None or (tag.response_id, tag.question_id, tag.item) != (
        answer.response_id,
        answer.question_id,
        answer.item,
    ):
        abort(404)
    return tag
