"""What results can be broken down by, or filtered to: the network a response came through
(networks within their regions), the language it was given in, or its answer to a
single-choice question of the round. "Women only" is the group "woman" of the question on
gender; a filter is one column of a breakdown, so both are protected as one table
(suppression.protect_table).
"""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import and_, select

from ..extensions import db
from ..i18n import native_name, pick
from ..networks.data import REGION_NAMES
from ..networks.models import REGIONS, Network
from ..respond.models import Answer, Response
from .queries import Split

#: The group of responses that gave no answer to a grouping question.
NO_ANSWER = "no-answer"
#: The group of responses that came through no network (a public link).
NO_NETWORK = "no-network"
#: Kinds of question a breakdown can group by: one choice per response.
GROUPING_KINDS = ("single_choice", "scale", "yes_no")


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

    def value_for(self, token):
        """The column named by ``token`` in an address, or None."""
        return next((value for value in self.columns if str(value) == token), None)


def available_groupings(round_, language):
    """Every grouping a reviewer can pick for this round, in the order they are offered."""
    groupings = [network_grouping(round_, "network"), network_grouping(round_, "region")]
    groupings.append(language_grouping(round_))
    groupings.extend(
        question_grouping(round_, question, language)
        for question in round_.questions
        if question.kind in GROUPING_KINDS
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


def split_for(round_id, grouping):
    """How the counts of a page are split: by the group of each response, or not at all."""
    if grouping is None:
        return Split(round_id)
    if grouping.key in ("network", "region"):
        value = Response.network_id
    elif grouping.key == "language":
        value = Response.language
    else:
        query = (
            select(Response.id.label("response_id"), Answer.choice_id.label("value"))
            .outerjoin(
                Answer,
                and_(
                    Answer.response_id == Response.id,
                    Answer.question_id == grouping.question.id,
                    Answer.item == 0,
                ),
            )
            .where(Response.round_id == round_id)
        )
        return Split(round_id, query.subquery("response_group"))
    query = select(Response.id.label("response_id"), value.label("value")).where(
        Response.round_id == round_id
    )
    return Split(round_id, query.subquery("response_group"))


def value_of(grouping, raw):
    """The grouping's value for what the database returned (None: no network, no answer)."""
    if grouping is None:
        return "*"
    if raw is None:
        return NO_NETWORK if grouping.key in ("network", "region") else NO_ANSWER
    return raw
