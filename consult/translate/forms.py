from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..forms import TranslatedForm
from ..respond.forms import NoControlCharacters

MAX_TRANSLATION = 20_000


def translation_form(texts, language, formdata=None, offered=None):
    """One text box per text of the round (``t0``, ``t1``…), filled with the translation, or
    for a text not yet translated with the one ``offered`` ({text key: translation}, from
    translate.memory) for the translator to check and save."""

    class TranslationForm(TranslatedForm):
        pass

    for index, text in enumerate(texts):
        setattr(
            TranslationForm,
            f"t{index}",
            TextAreaField(
                label=text.where,
                validators=[Length(max=MAX_TRANSLATION), NoControlCharacters()],
            ),
        )
    offered = offered or {}
    data = {
        f"t{i}": text.values.get(language) or offered.get(text.key, "")
        for i, text in enumerate(texts)
    }
    form = TranslationForm(formdata=formdata, data=None if formdata else data)
    #: The texts whose box holds an offered translation, not yet saved.
    form.offered = set(offered)
    form.rows = [(text, form[f"t{i}"]) for i, text in enumerate(texts)]
    return form


def submitted_values(form):
    return {text.key: field.data or "" for text, field in form.rows}


class AssignForm(TranslatedForm):
    email = StringField(_l("Translator's e-mail"), validators=[DataRequired(), Length(max=254)])
    language = StringField(_l("Language"), validators=[DataRequired(), Length(max=10)])


class TranslationFileForm(TranslatedForm):
    file = FileField(
        _l("Translation file"),
        validators=[
            FileRequired(message=_l("Please choose a file.")),
            FileAllowed(
                ["po", "xlf", "xliff", "xlsx"],
                message=_l("Please choose a .po, .xlf or .xlsx file."),
            ),
        ],
    )
