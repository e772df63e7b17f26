"""Reading what the review pages' forms send."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, IntegerField, SelectMultipleField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

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


#: The largest target: seven digits.
LARGEST_TARGET = 9_999_999


def reach_form(groupings, current):
    """The reach targets' form: a box for each group of each grouping, named
    ``target:<grouping key>:<value>`` and filled with the current target; an empty box sets
    none. The fields depend on the round, so the form's class is made for it."""

    class ReachForm(TranslatedForm):
        def targets(self):
            """{(grouping key, value): target} of the boxes filled in."""
            return {
                key: self[name].data for name, key in boxes.items() if self[name].data is not None
            }

        def problems(self):
            """The groups whose box holds no whole number, by name."""
            return [self[name].label.text for name in boxes if self[name].errors]

    boxes = {}
    for grouping in groupings:
        for value in grouping.values:
            name, key = f"target:{grouping.key}:{value}", (grouping.key, str(value))
            boxes[name] = key
            field = IntegerField(
                f"{grouping.title}: {grouping.labels[value]}",
                validators=[Optional(), NumberRange(min=0, max=LARGEST_TARGET)],
                default=current.get(key),
            )
            setattr(ReachForm, name, field)
    return ReachForm()


class PublishForm(TranslatedForm):
    """What members may see once the round closes. The questions' boxes are drawn by the
    template; a code the round lacks is left out by set_publication."""

    publish = BooleanField()
    findings = BooleanField()
    code = SelectMultipleField(validate_choice=False)
