"""Reading what the review pages' forms send."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..forms import TranslatedForm

#: The longest purpose an admin may give for a microdata export.
PURPOSE_LENGTH = 300


class MicrodataForm(TranslatedForm):
    """An admin's request for protected microdata: why they need it (kept in the audit
    log), and the language of the codebook."""

    purpose = TextAreaField(
        _l("Why you need the responses"),
        description=_l(
            "For example: a funder asks for a breakdown we do not show. It is kept in the "
            "audit log with your name. At most %(limit)d characters.",
            limit=PURPOSE_LENGTH,
        ),
        validators=[DataRequired(), Length(max=PURPOSE_LENGTH)],
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        render_kw={"maxlength": PURPOSE_LENGTH, "rows": 3},
    )
    language = HiddenField()


def reach_targets_from(formdata, groupings):
    """({(grouping key, value): target}, [the groups whose box holds no whole number]) from
    the reach form's ``target:<grouping key>:<value>`` boxes; an empty box sets no target."""
    targets, problems = {}, []
    for grouping in groupings:
        for value in grouping.values:
            given = formdata.get(f"target:{grouping.key}:{value}", "").strip()
            if not given:
                continue
            if not given.isdigit() or len(given) > 7:
                problems.append(f"{grouping.title}: {grouping.labels[value]}")
                continue
            targets[(grouping.key, str(value))] = int(given)
    return targets, problems
