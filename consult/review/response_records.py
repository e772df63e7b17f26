"""A round's released responses as records, one per response, for protected microdata
(``microdata``): the columns of the file, each response's values in them read in one
streamed query, and the codebook sheet that says what each column and code means.
"""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..i18n import pick
from ..networks.models import Network
from ..questions import kind_of
from ..respond.models import Answer, Response

#: Rows fetched at a time while reading responses.
BATCH = 2000


@dataclass
class ResponseRecord:
    """One response as read from the database, before protection. Never leaves the
    microdata modules: it has no id, only what the file may hold."""

    network: str
    region: str
    language: str
    day: date
    #: One value per answer column; a written answer is (text, language of the text).
    cells: list
    #: The quasi-identifiers withheld from this response.
    suppressed: set = field(default_factory=set)


def response_columns(round_):
    """[(column name, question, how to read the column from a response's answers)]: one
    column per question, per choice of a multiple choice or a ranking, per matrix row, and
    one for the text of "other"."""
    columns = []
    for question in round_.questions:
        code, kind = question.code, kind_of(question)
        if not kind.answered:
            continue
        if kind.columns == "per_choice":
            for choice in question.choices:
                columns.append((f"{code}.{choice.code}", question, ("choice", choice.id)))
        elif kind.columns == "per_row":
            for row in question.rows:
                columns.append((f"{code}.{row.code}", question, ("row", row.id)))
        else:
            columns.append((code, question, ("value", None)))
        if any(c.role == "other" for c in question.choices):
            columns.append((f"{code}.other_text", question, ("other", None)))
    return columns


def read_records(round_, columns):
    """Each released response of the round as a ResponseRecord, in the order of their random
    ids."""
    # Plain values, read once: attribute access on ORM objects, 100,000 times a column, is
    # most of an export's time.
    plain = [(question.id, kind_of(question), how, key) for _name, question, (how, key) in columns]
    choice_codes = {c.id: c.code for q in round_.questions for c in q.choices}
    networks = {
        network_id: (code, region)
        for network_id, code, region in db.session.execute(
            select(Network.id, Network.code, Network.region)
        )
    }
    # The id only groups a response's answers here; it is never read into a record.
    query = (
        select(
            Response.id,
            Response.network_id,
            Response.language,
            Response.submitted_on,
            Answer.question_id,
            Answer.choice_id,
            Answer.row_id,
            Answer.rank,
            Answer.number,
            Answer.text,
            Answer.language.label("text_language"),
        )
        .outerjoin(Answer, Answer.response_id == Response.id)
        # Released responses only, like every figure (review.releases): two downloads a
        # minute apart would otherwise differ by the row of the member who answered between.
        .where(Response.round_id == round_.id, Response.release_number.is_not(None))
        .order_by(Response.id, Answer.question_id, Answer.item)
        .execution_options(yield_per=BATCH)
    )
    current, answers = None, []
    for row in db.session.execute(query):
        if current is not None and row.id != current.id:
            yield _record(current, answers, plain, choice_codes, networks)
            answers = []
        current = row
        if row.question_id is not None:
            answers.append(row)
    if current is not None:
        yield _record(current, answers, plain, choice_codes, networks)


def _record(response, answers, columns, choice_codes, networks):
    by_question = {}
    for answer in answers:
        by_question.setdefault(answer.question_id, []).append(answer)
    network, region = networks.get(response.network_id, ("", ""))
    return ResponseRecord(
        network=network,
        region=region,
        language=response.language,
        day=response.submitted_on,
        cells=[
            _cell(kind, by_question.get(question_id, []), how, key, choice_codes)
            for question_id, kind, how, key in columns
        ],
    )


def _cell(kind, given, how, key, choice_codes):
    if how == "choice":
        chosen = next((a for a in given if a.choice_id == key), None)
        return kind.exported_choice(chosen, bool(given))
    if how == "row":
        rated = next((a for a in given if a.row_id == key), None)
        return choice_codes.get(rated.choice_id, "") if rated else ""
    if how == "other":
        written = next((a for a in given if a.text and a.choice_id), None)
        return (written.text, written.text_language) if written else ""
    return kind.exported(given, choice_codes)


def codebook_rows(round_, language, microdata):
    """The second sheet: what each column and code of ``microdata`` means, in ``language``."""
    fallback = round_.source_language
    withheld = _("empty: not given, or withheld to protect small groups")
    meanings = {
        "network": _("Network the response came through"),
        "network_region": _("Region of that network"),
        "language": _("Language the member answered in"),
        "week": _("Week of submission"),
        "month": _("Month of submission"),
    }
    yield ["column", "question_text", "kind", "code", "label"]
    for name in microdata.header:
        if name not in meanings:
            break
        yield [name, meanings[name], "", "", withheld]
    identifying = set(microdata.quasi_identifiers)
    for name, question, (how, key) in response_columns(round_):
        text = pick(question.text, language, fallback)
        if name in identifying:
            yield [name, text, question.kind, "", withheld]
        if how == "value" and question.choices:
            for choice in question.choices:
                label = pick(choice.label, language, fallback)
                yield [name, text, question.kind, choice.code, label]
        elif how == "row":
            row = next(c for c in question.choices if c.id == key)
            for choice in question.options:
                label = pick(choice.label, language, fallback)
                yield [
                    name,
                    f"{text}: {pick(row.label, language, fallback)}",
                    question.kind,
                    choice.code,
                    label,
                ]
        elif how == "choice":
            choice = next(c for c in question.choices if c.id == key)
            meaning = kind_of(question).choice_column_meaning()
            yield [
                name,
                text,
                question.kind,
                "",
                f"{pick(choice.label, language, fallback)}: {meaning}",
            ]
        elif name in identifying:
            continue
        elif how == "other" or kind_of(question).written:
            yield [
                name,
                text,
                question.kind,
                "",
                _(
                    "written answers only from groups of at least %(k)d in one language, "
                    "with names, numbers and addresses removed",
                    k=microdata.k,
                ),
            ]
        else:
            yield [name, text, question.kind, "", str(kind_of(question).column_meaning())]
