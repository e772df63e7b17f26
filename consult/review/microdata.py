"""Protected microdata: the responses one row each, for admins, k-anonymised.

A row-level file defeats every rule the tables keep: with network, language, week and one
or two answers most rows are unique, so small groups can be counted back and a member's
answers read whole. What an admin downloads is therefore protected first
(docs/DECISIONS.md, "Protected microdata"):

- No response id and no record key; rows sorted by their values, which says nothing about
  the order in which responses arrived.
- The quasi-identifiers are the network, its region (column ``network_region``), the
  language, the week of submission and every question a designer marked as identifying.
  With k the round's minimum cell size, they are made k-anonymous:

  1. generalised, for the whole file, one step at a time: week → month, network → its
     region, month → removed, region → removed, while more than ``MOST_AT_RISK`` of the
     responses are in a combination of place, language and time held by fewer than k;
  2. then locally suppressed: each response still in a combination of all the
     quasi-identifiers held by fewer than k loses one more value, replaced by the empty
     marker, least useful first (identifying questions, the one with most distinct answers
     first; then the week or month; then the network; then the region; the language last),
     and the combinations are counted again, until none is under k. The marker is an
     ordinary value, not a wildcard, so the result is checkable as plain k-anonymity. An
     empty value in a quasi-identifier column reads "not given or withheld".
  3. Responses still in a combination under k when they have nothing left to withhold are
     left out; the note row says how many.

- Written answers only from (question, language) groups of at least k written answers in
  the rows kept, with identifiers taken out by the quote scrubber; none from a response whose
  language was withheld (a text tells its language), nor the "other" text of an identifying
  question (it could name what the codes hide). Other texts are left empty. The answer to
  an identifying text question is a quasi-identifier like the others, scrubbed first.

The other answers are exported as given: k-anonymity protects against finding a member's
row, not against learning what a whole group answered. The file is built in memory, as
protection needs every row before it can write the first: at 20,000 responses, 8 s.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from flask_babel import ngettext

from ..coding.scrub import scrub
from ..questions import kind_of
from .response_records import read_records, response_columns

#: Generalise for the whole file while more than this share of the responses is in a
#: combination of place, language and time under k; local suppression handles the rest.
MOST_AT_RISK = 0.2
#: The whole-file generalisation steps, in order: (quasi-identifier, level it goes to).
GENERALISATIONS = (("time", "month"), ("place", "region"), ("time", None), ("place", None))
#: What a withheld value becomes.
SUPPRESSED = ""
#: The order of the place, language and time columns in the file, by quasi-identifier key.
STRUCTURAL_ORDER = ("network", "region", "language", "week", "month")


@dataclass(frozen=True)
class _Identifier:
    """A quasi-identifier: a key of its own, its columns in the file, how to read its value
    from a record, and for an identifying question the indexes of its answer columns."""

    key: str
    columns: tuple[str, ...]
    read: object
    indexes: tuple[int, ...] = ()


@dataclass
class Microdata:
    """The protected file: its header, its rows (sorted by value), which columns are
    quasi-identifiers, and what protection did."""

    k: int
    header: list
    rows: list
    quasi_identifiers: list
    #: "week", "month" or None: the time column kept.
    time: str | None
    #: "network", "region" or None: the place columns kept.
    place: str | None
    #: Quasi-identifier values withheld in the rows kept, out of how many there are.
    suppressed: int
    values: int
    #: Responses left out, out of all the round's.
    left_out: int
    responses: int
    #: Written answers shown, and withheld.
    texts_shown: int
    texts_withheld: int

    def note(self):
        """The file's first row: what protection did, in the reader's language."""
        return [
            _(
                "Protected microdata: every combination of %(columns)s holds at least %(k)d "
                "responses.",
                columns=", ".join(self.quasi_identifiers) or "-",
                k=self.k,
            ),
            ngettext(
                "%(num)d value withheld (left empty).",
                "%(num)d values withheld (left empty).",
                self.suppressed,
            ),
            ngettext("%(num)d response left out.", "%(num)d responses left out.", self.left_out),
            ngettext(
                "%(num)d written answer withheld.",
                "%(num)d written answers withheld.",
                self.texts_withheld,
            ),
        ]

    def file_rows(self):
        """The note row, the header, then the rows."""
        yield self.note()
        yield self.header
        yield from self.rows


def protected_microdata(round_):
    """The round's responses as protected microdata (see the module's documentation)."""
    k = round_.min_cell_size
    columns = response_columns(round_)
    records = list(read_records(round_, columns))
    time, place = _generalise(records, k)
    identifiers = _identifiers(round_, columns, records, time, place)
    _suppress(records, identifiers, k)
    counts = Counter(_key(record, identifiers) for record in records)
    kept = [record for record in records if counts[_key(record, identifiers)] >= k]
    texts_shown, texts_withheld = _protect_texts(kept, columns, identifiers, k)
    structural = [i for i in identifiers if not i.indexes]
    structural.sort(key=lambda i: STRUCTURAL_ORDER.index(i.key))
    header = [i.columns[0] for i in structural] + [name for name, _q, _how in columns]
    rows = sorted(
        (_row(record, identifiers, structural) for record in kept),
        key=lambda row: [str(value) for value in row],
    )
    return Microdata(
        k=k,
        header=header,
        rows=rows,
        quasi_identifiers=[
            *(i.columns[0] for i in structural),
            *(column for i in identifiers if i.indexes for column in i.columns),
        ],
        time=time,
        place=place,
        suppressed=sum(1 for record in kept for i in identifiers if i.key in record.suppressed),
        values=len(kept) * len(identifiers),
        left_out=len(records) - len(kept),
        responses=len(records),
        texts_shown=texts_shown,
        texts_withheld=texts_withheld,
    )


# Reading ---------------------------------------------------------------------------------------


# Protecting ------------------------------------------------------------------------------------


def _week(day):
    week = date.isocalendar(day)
    return f"{week.year}-W{week.week:02d}"


def _month(day):
    return f"{day.year}-{day.month:02d}"


def _time(level):
    return {"week": lambda r: _week(r.day), "month": lambda r: _month(r.day)}[level]


def _generalise(records, k):
    """(time level, place level) for the whole file: the first in GENERALISATIONS' order at
    which at most MOST_AT_RISK of the responses are in a combination of place, language and
    time held by fewer than k."""
    levels = {"time": "week", "place": "network"}
    for quasi_identifier, level in ((None, None), *GENERALISATIONS):
        if quasi_identifier is not None:
            levels[quasi_identifier] = level
        read_time = _time(levels["time"]) if levels["time"] else (lambda r: "")
        read_place = {
            "network": lambda r: r.network,
            "region": lambda r: r.region,
            None: lambda r: "",
        }[levels["place"]]
        counts = Counter((read_place(r), r.language, read_time(r)) for r in records)
        at_risk = sum(count for count in counts.values() if count < k)
        if at_risk <= MOST_AT_RISK * len(records):
            break
    return levels["time"], levels["place"]


def _identifiers(round_, columns, records, time, place):
    """The quasi-identifiers in the order their values are withheld: identifying questions
    (most distinct answers first), the time, the network, the region, the language."""
    questions = []
    for question in round_.questions:
        if not question.identifying or not kind_of(question).answered:
            continue
        indexes = tuple(
            index
            for index, (_name, q, (how, _key)) in enumerate(columns)
            if q is question and how != "other"
        )
        questions.append(
            _Identifier(
                f"q:{question.code}",
                tuple(columns[index][0] for index in indexes),
                lambda r, i=indexes: tuple(_question_value(r, i)),
                indexes,
            )
        )
    questions.sort(key=lambda q: -len({q.read(r) for r in records}))
    identifiers = list(questions)
    if time:
        identifiers.append(_Identifier(time, (time,), _time(time)))
    if place == "network":
        identifiers.append(_Identifier("network", ("network",), lambda r: r.network))
    if place:
        identifiers.append(_Identifier("region", ("network_region",), lambda r: r.region))
    identifiers.append(_Identifier("language", ("language",), lambda r: r.language))
    return identifiers


def _question_value(record, indexes):
    """The values of an identifying question's columns; a written answer (a text question
    marked identifying) counts as its scrubbed text."""
    for index in indexes:
        value = record.cells[index]
        if isinstance(value, tuple):
            text, language = value
            value = scrub(text, language).text
        yield value


def _value(record, identifier):
    if identifier.key in record.suppressed:
        return tuple(SUPPRESSED for _ in identifier.indexes) if identifier.indexes else SUPPRESSED
    return identifier.read(record)


def _is_empty(value):
    return all(v == SUPPRESSED for v in value) if isinstance(value, tuple) else value == SUPPRESSED


def _key(record, identifiers):
    return tuple(_value(record, identifier) for identifier in identifiers)


def _suppress(records, identifiers, k):
    """Local suppression: every response in a combination under k loses its next value
    (in ``identifiers`` order, skipping those already empty), then the combinations are
    counted again, until none is under k or those under k have nothing left to lose."""
    while True:
        counts = Counter(_key(record, identifiers) for record in records)
        progressed = False
        for record in records:
            if counts[_key(record, identifiers)] >= k:
                continue
            identifier = next(
                (
                    i
                    for i in identifiers
                    if i.key not in record.suppressed and not _is_empty(i.read(record))
                ),
                None,
            )
            if identifier is not None:
                record.suppressed.add(identifier.key)
                progressed = True
        if not progressed:
            return


def _protect_texts(records, columns, identifiers, k):
    """Written answers kept, scrubbed, only in (question, language) groups of at least k
    that may be shown: not from a response whose language is withheld (a text tells its
    language), nor the "other" text of an identifying question; the others emptied. Returns
    (shown, withheld). The answers of identifying text questions are quasi-identifiers,
    left to ``_row``."""
    identifying = {index for i in identifiers for index in i.indexes}

    def may_show(record, index):
        return not columns[index][1].identifying and "language" not in record.suppressed

    written = [
        (record, index, value)
        for record in records
        for index, value in enumerate(record.cells)
        if isinstance(value, tuple) and index not in identifying
    ]
    groups = Counter(
        (index, value[1]) for record, index, value in written if may_show(record, index)
    )
    shown = 0
    for record, index, (text, language) in written:
        if groups[(index, language)] >= k and may_show(record, index):
            record.cells[index] = scrub(text, language).text
            shown += 1
        else:
            record.cells[index] = ""
    return shown, len(written) - shown


def _row(record, identifiers, structural):
    """The file's row of a record: its place, language and time, then its answers, with the
    identifying questions' values as protected."""
    row = [_value(record, identifier) for identifier in structural]
    cells = list(record.cells)
    for identifier in identifiers:
        if identifier.indexes:
            values = _value(record, identifier)
            for index, value in zip(identifier.indexes, values, strict=True):
                cells[index] = value
    return row + cells


# The codebook ----------------------------------------------------------------------------------
