"""The changes the review pages make: reach targets, what is published to members, and
the record of who exported protected microdata, and why."""

from ..audit import record
from ..extensions import db
from ..questions import kind_of
from .models import ReachTarget


def record_response_export(round_, format_, purpose, rows, **detail):
    """Record an export of protected microdata in the audit log: its format, the purpose
    the admin gave and how many rows the file holds; in its own transaction, before the
    file streams."""
    record("responses.export", round_, format=format_, purpose=purpose, rows=rows, **detail)
    db.session.commit()


def set_reach_targets(round_, targets):
    """Replace the round's targets with ``targets`` {(grouping key, value): number}; a
    number of 0 or less removes the target. One transaction."""
    existing = {
        (t.grouping, t.value): t
        for t in db.session.scalars(db.select(ReachTarget).filter_by(round_id=round_.id))
    }
    for key, target in existing.items():
        if targets.get(key, 0) <= 0:
            db.session.delete(target)
    for (grouping, value), number in targets.items():
        if number <= 0:
            continue
        if (grouping, value) in existing:
            existing[(grouping, value)].target = number
        else:
            db.session.add(
                ReachTarget(round_id=round_.id, grouping=grouping, value=value, target=number)
            )
    record("round.reach_targets", round_, targets=len([n for n in targets.values() if n > 0]))
    db.session.commit()


def set_publication(round_, publish, question_codes, findings=False):
    """Whether members see the results once the round closes, of which questions, and
    whether the page leads with the brief's headline findings on them."""
    known = {q.code for q in round_.questions if kind_of(q).answered}
    round_.publish_results = bool(publish)
    round_.published_questions = [code for code in question_codes if code in known]
    round_.publish_findings = bool(findings)
    record(
        "round.publication",
        round_,
        publish=round_.publish_results,
        questions=round_.published_questions,
        findings=round_.publish_findings,
    )
    db.session.commit()
