"""What results can be broken down by, or filtered to: the network a response came through
(networks within their regions), the language it was given in, or its answer to a
single-choice question of the round. "Women only" is the group "woman" of the question on
gender; a filter is one column of a breakdown, so both are protected as one table
(suppression.protect_table).
"""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import aliased

from ..extensions import db
from ..i18n import native_name, pick
from ..networks.data import REGION_NAMES
from ..networks.models import REGIONS, Network
from ..questions import kind_of
from ..respond.models import Answer, Response
from .queries import RELEASED_RESPONSE, Split

#: The group of responses that gave no answer to a grouping question.
NO_ANSWER = "no-answer"
#: The group of responses that came through no network (a public link).
NO_NETWORK = "no-network"
#: Those who ticked an option of a multiple choice, and the others.
TICKED, NOT_TICKED = "ticked", "not-ticked"


@dataclass
class Grouping:
    #: As in the address: "network", "region", "language" or "q:<question code>".
    key: str
    title: str
    #: Every value in display order, a group of values (a region) before its members.
    values: list
    labels: dict
    #: {member value: group value} when values fall into groups (networks into regions).
    groups: dict = field(default_factory=dict)
    #: The values a breakdown shows as columns and a filter can pick.
    columns: list = field(default_factory=list)
    #: The question a question grouping is made of.
    question: object = None
    #: For "ticked an option": the option.
    choice: object = None

    def value_for(self, token):
        """The column named by ``token`` in an address, or None."""
        return next((value for value in self.columns if str(value) == token), None)


def available_groupings(round_, language):
    """Every grouping a reviewer can pick for this round, in the order they are offered."""
    groupings = [network_grouping(round_, "network"), network_grouping(round_, "region")]
    groupings.append(language_grouping(round_))
    for question in round_.questions:
        if question.condition or question.section.condition:
            # Its page splits "no answer" into skipped and not asked; as a grouping they
            # would be one group, a margin protected differently from that page.
            continue
        kind = kind_of(question)
        if kind.groups_members:
            groupings.append(question_grouping(round_, question, language))
        elif kind.tabulation == "each_choice":
            groupings.extend(
                ticked_grouping(round_, question, choice, language) for choice in question.options
            )
    return groupings


def grouping_by_key(round_, key, language):
    if not key:
        return None
    return next((g for g in available_groupings(round_, language) if g.key == key), None)


def network_grouping(round_, key):
    """Networks within their regions, and "no network"; ``key`` "region" shows regions."""
    networks = db.session.execute(
        select(Network.id, Network.code, Network.region).order_by(Network.code)
    ).all()
    values, labels, groups, regions = [], {}, {}, []
    for region in REGIONS:
        members = [network for network in networks if network.region == region]
        if not members:
            continue
        region_value = f"region-{region}"
        regions.append(region_value)
        values.append(region_value)
        labels[region_value] = str(REGION_NAMES[region])
        for network in members:
            values.append(network.id)
            labels[network.id] = network.code
            groups[network.id] = region_value
    values.append(NO_NETWORK)
    labels[NO_NETWORK] = _("No network (public link)")
    if key == "region":
        columns, title = [*regions, NO_NETWORK], _("Region of the network")
    else:
        columns, title = [v for v in values if v not in regions], _("Network")
    return Grouping(key, title, values, labels, groups, columns)


def language_grouping(round_):
    languages = list(round_.languages) or [round_.source_language]
    labels = {code: native_name(code) for code in languages}
    return Grouping("language", _("Language of the answers"), languages, labels, {}, languages)


def question_grouping(round_, question, language):
    choices = [c for c in question.choices if c.role != "row"]
    values = [c.id for c in choices] + [NO_ANSWER]
    labels = {c.id: pick(c.label, language, round_.source_language) for c in choices}
    labels[NO_ANSWER] = _("No answer")
    title = pick(question.text, language, round_.source_language)
    return Grouping(f"q:{question.code}", title, values, labels, {}, values, question)


def ticked_grouping(round_, question, choice, language):
    """Those who ticked one option of a multiple choice, and everyone else (who did not
    tick it, or did not answer)."""
    fallback = round_.source_language
    label = pick(choice.label, language, fallback)
    labels = {TICKED: _("Ticked: %(answer)s", answer=label), NOT_TICKED: _("Did not tick it")}
    title = f"{pick(question.text, language, fallback)}: {label}"
    values = [TICKED, NOT_TICKED]
    key = f"q:{question.code}:{choice.code}"
    return Grouping(key, title, values, labels, {}, values, question, choice)


def split_for(round_id, grouping, only=None):
    """How the counts of a page are split: by the group of each response, or not at all.
    ``only`` names one column of a network, region or language grouping (a filter): the
    counts then read that column's responses alone (each figure is perturbed on its own, so
    the other columns are not needed), which is several times faster on a large round."""
    if grouping is None:
        return Split(round_id)
    if grouping.question is not None:
        return _split_by_answer(round_id, grouping)
    if grouping.key in ("network", "region"):
        value = Response.network_id
    elif grouping.key == "language":
        value = Response.language
    query = select(
        Response.id.label("response_id"), value.label("value"), Response.record_key
    ).where(Response.round_id == round_id, RELEASED_RESPONSE)
    if only is not None:
        members = [v for v in grouping.values if v == only or grouping.groups.get(v) == only]
        if only == NO_NETWORK:
            query = query.where(value.is_(None))
        else:
            query = query.where(value.in_([m for m in members if m != NO_NETWORK]))
    return Split(round_id, query.subquery("response_group"))


def _split_by_answer(round_id, grouping):
    """Split by the answer to a single-choice question, or by an option ticked or not: the
    same answer, joined to each response for totals, and to each counted answer directly."""

    def grouping_rows(grouping_answer):
        """The answers that put a response in a group: the single choice, or the option."""
        if grouping.choice is None:
            return and_(
                grouping_answer.question_id == grouping.question.id, grouping_answer.item == 0
            )
        return and_(
            grouping_answer.question_id == grouping.question.id,
            grouping_answer.choice_id == grouping.choice.id,
        )

    def value_and_join(grouping_answer, response_id):
        joins = and_(grouping_answer.response_id == response_id, grouping_rows(grouping_answer))
        if grouping.choice is None:
            return grouping_answer.choice_id, joins
        ticked = case((grouping_answer.choice_id.is_(None), NOT_TICKED), else_=TICKED)
        return ticked, joins

    of_response = aliased(Answer)
    value, joins = value_and_join(of_response, Response.id)
    response_groups = (
        select(Response.id.label("response_id"), value.label("value"), Response.record_key)
        .outerjoin(of_response, joins)
        .where(Response.round_id == round_id, RELEASED_RESPONSE)
        .subquery("response_group")
    )
    of_answer = aliased(Answer)
    value, joins = value_and_join(of_answer, Answer.response_id)
    # The responses in each group, from the grouping answers alone (an index range); the
    # rest of the round's responses are the group of those without one.
    own = aliased(Answer)
    own_value = own.choice_id if grouping.choice is None else literal(TICKED)
    totals = (
        select(own_value, func.count(), func.sum(own.record_key))
        .where(grouping_rows(own), own.release_number.is_not(None))
        .group_by(own_value),
        None if grouping.choice is None else NOT_TICKED,
    )
    return Split(round_id, response_groups, by_answer=(of_answer, joins, value), totals=totals)


def value_of(grouping, raw):
    """The grouping's value for what the database returned (None: no network, no answer)."""
    if grouping is None:
        return "*"
    if raw is None:
        return NO_NETWORK if grouping.key in ("network", "region") else NO_ANSWER
    return raw
