"""Languages: which one a page is shown in, which way it runs, and the ``flask translate`` group.

The interface language comes, in order, from an explicit choice (``?lang=``, kept in the
session), the staff member's profile, the browser's ``Accept-Language``, the round's default
language, and English.
"""

import os
import re
import tempfile
from urllib.parse import urlencode

import click
from babel import Locale, UnknownLocaleError, support
from babel.lists import format_list
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from flask import current_app, g, has_request_context, request, session, url_for
from flask.cli import AppGroup
from flask_babel import format_date, format_decimal, format_percent, format_timedelta, get_locale
from flask_login import current_user
from markupsafe import Markup
from wtforms.i18n import messages_path

from .config import RTL_LANGUAGES


def init_app(app):
    app.before_request(remember_explicit_language)
    app.context_processor(language_context)


def remember_explicit_language():
    requested = request.args.get("lang")
    if requested in current_app.config["LANGUAGES"] and session.get("lang") != requested:
        session["lang"] = requested


def select_locale():
    """The member's preferred language, except on a round's pages, where the interface speaks
    the language the questionnaire is shown in: no right-to-left menus around left-to-right
    questions (the member is told, in their language, that theirs is missing)."""
    wanted = preferred_language()
    member_round = g.get("member_round") if has_request_context() else None
    if member_round is not None:
        shown = member_round.content_language(wanted)
        if shown in current_app.config["LANGUAGES"]:
            return shown
    return wanted


def preferred_language():
    supported = current_app.config["LANGUAGES"]
    if not has_request_context():  # the command line speaks the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    requested = request.args.get("lang")
    if requested in supported:
        return requested
    if session.get("lang") in supported:
        return session["lang"]
    if current_user and current_user.is_authenticated and current_user.locale in supported:
        return current_user.locale
    best = request.accept_languages.best_match(supported)
    if best:
        return best
    round_default = g.get("round_default_language")
    if round_default in supported:
        return round_default
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language():
    return str(get_locale())


def text_direction(language):
    return "rtl" if language.split("_")[0] in RTL_LANGUAGES else "ltr"


#: Where CLDR's own name is not the one speakers look for ("Indonesia" is the country).
NATIVE_NAMES = {
    "id": "Bahasa Indonesia",
    # Languages partners' forms use that Babel has no data for.
    "prs": "دری",
    "tet": "Tetun",
}


def native_name(language):
    """A language's name in its own script, as a member who reads it would look for it."""
    if language in NATIVE_NAMES:
        return NATIVE_NAMES[language]
    try:
        code = language.replace("-", "_")
        name = Locale.parse(code).get_display_name(code) or language
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        # A language Babel has no data for (Tetun, Dari…): its English name, else the code.
        name = Locale("en").languages.get(language.replace("-", "_").partition("_")[0], language)
    return name[:1].upper() + name[1:]


def pick(texts, language, fallback):
    """The text in ``language``, else in ``fallback`` (the round's source language)."""
    if not texts:
        return ""
    return texts.get(language) or texts.get(fallback) or ""


def language_context():
    language = current_language()
    return {
        "html_lang": language,
        "html_dir": text_direction(language),
        "interface_languages": [(code, native_name(code)) for code in interface_languages()],
        "language_url": language_url,
        "native_name": native_name,
        "pick": pick,
        "format_number": format_decimal,
        "format_percent": format_percent,
        "format_date": format_date,
        "format_timedelta": format_timedelta,
        "answer_list": answer_list,
    }


def interface_languages():
    """The languages a page can be switched to: on a round's pages, only the round's own."""
    supported = current_app.config["LANGUAGES"]
    member_round = g.get("member_round")
    if member_round is None:
        return supported
    return [code for code in supported if code in member_round.languages] or supported


def answer_list(items, language):
    """Answers joined as ``language`` joins a list ("A, B and C"; Arabic "A و B"), each
    isolated in a <bdi> so that a left-to-right answer on a right-to-left page keeps its
    order."""
    isolated = [str(Markup("<bdi>{}</bdi>").format(item)) for item in items]
    # Each item is escaped above; the separators are CLDR's, not user input.
    return Markup(format_list(isolated, locale=language))  # noqa: S704


def language_url(code):
    """This page in another language: a plain link that works without JavaScript."""
    args = request.args.to_dict()
    args["lang"] = code
    if request.url_rule is not None and "GET" in request.url_rule.methods:
        return url_for(request.endpoint, **(request.view_args or {}), **args)
    return "?" + urlencode(args)


# ---------------------------------------------------------------------------------------------
# WTForms' own messages ("This field is required.")


class WTFormsMessages:
    """WTForms' built-in messages in the page's language, from WTForms' catalogues or, for a
    language WTForms has none or an incomplete one for (Indonesian; Arabic, Farsi and
    Russian lack some), from ours in translations/wtforms/."""

    _catalogues = {}

    def gettext(self, string):
        return self._catalogue().ugettext(string)

    def ngettext(self, singular, plural, n):
        return self._catalogue().ungettext(singular, plural, n)

    def _catalogue(self):
        language = str(get_locale() or "en")
        if language not in self._catalogues:
            self._catalogues[language] = support.Translations.load(
                wtforms_catalogue_directory(language), [language], domain="wtforms"
            )
        return self._catalogues[language]


def wtforms_catalogue_directory(language):
    """Ours where we have one for ``language``, otherwise WTForms' own."""
    ours = os.path.join(_translations_dir(), "wtforms")
    return ours if os.path.isdir(os.path.join(ours, language)) else messages_path()


wtforms_messages = WTFormsMessages()


# flask translate extract|update|compile|check

translate_cli = AppGroup("translate", help="Extract, update, compile and check the catalogues.")

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _translations_dir():
    from . import TRANSLATIONS_DIRECTORY

    return TRANSLATIONS_DIRECTORY


def _pybabel(*args):
    if CommandLineInterface().run(["pybabel", "--quiet", *args]):
        raise click.ClickException(f"pybabel {args[0]} failed")


def _extract(pot_path):
    from . import PROJECT_ROOT

    _pybabel(
        "extract",
        "--no-location",
        "--sort-output",
        "-F",
        os.path.join(PROJECT_ROOT, "babel.cfg"),
        "-k",
        "_l",
        "-o",
        pot_path,
        os.path.join(PROJECT_ROOT, "consult"),
    )


@translate_cli.command("extract")
def extract_command():
    """Write translations/messages.pot from the code and templates."""
    _extract(os.path.join(_translations_dir(), "messages.pot"))


@translate_cli.command("update")
def update_command():
    """Extract, then merge the new strings into every catalogue."""
    pot = os.path.join(_translations_dir(), "messages.pot")
    _extract(pot)
    _pybabel("update", "--no-wrap", "-i", pot, "-d", _translations_dir())


@translate_cli.command("compile")
def compile_command():
    """Compile every catalogue to the .mo files the app reads."""
    _pybabel("compile", "-d", _translations_dir())
    _pybabel("compile", "-d", os.path.join(_translations_dir(), "wtforms"), "-D", "wtforms")


@translate_cli.command("check")
def check_command():
    """Fail on an untranslated or fuzzy entry, a placeholder or tag that differs from the
    source, or a string of the code that a catalogue lacks."""
    with tempfile.TemporaryDirectory() as tmp:
        pot_path = os.path.join(tmp, "messages.pot")
        _extract(pot_path)
        with open(pot_path, "rb") as f:
            source_ids = {m.id for m in read_po(f) if m.id}
    problems = []
    for language in current_app.config["LANGUAGES"]:
        if language == "en":
            continue
        po_path = os.path.join(_translations_dir(), language, "LC_MESSAGES", "messages.po")
        if not os.path.exists(po_path):
            problems.append(f"{language}: no catalogue at {po_path}")
            continue
        problems.extend(f"{language}: {p}" for p in catalogue_problems(po_path, source_ids))
        problems.extend(f"{language} (WTForms): {p}" for p in wtforms_problems(language))
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in the catalogues")
    click.echo(f"{len(current_app.config['LANGUAGES'])} catalogues complete")


def wtforms_problems(language):
    """WTForms' messages must exist in ``language``, complete: in WTForms' catalogue or, where
    it has none or an incomplete one (Arabic, Farsi, Russian), in ours."""
    directory = wtforms_catalogue_directory(language)
    po_path = os.path.join(directory, language, "LC_MESSAGES", "wtforms.po")
    if not os.path.exists(po_path):
        yield f"no catalogue: add {os.path.join(_translations_dir(), 'wtforms', language)}"
        return
    with open(os.path.join(messages_path(), "wtforms.pot"), "rb") as f:
        source_ids = {m.id for m in read_po(f) if m.id}
    yield from catalogue_problems(po_path, source_ids)


def catalogue_problems(po_path, source_ids):
    with open(po_path, "rb") as f:
        catalogue = read_po(f)
    messages = {m.id: m for m in catalogue if m.id}
    for missing in sorted(source_ids - set(messages), key=str):
        yield f"missing from the catalogue: {missing!r}"
    for message in messages.values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            yield f"fuzzy: {ids[0]!r}"
        if not all(strings):
            yield f"untranslated: {ids[0]!r}"
            continue
        source_placeholders = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            placeholders = set(PLACEHOLDER.findall(string))
            # A singular form may leave out the count ("one answer"), never add a name.
            if not placeholders <= source_placeholders or (
                len(ids) == 1 and placeholders != source_placeholders
            ):
                yield f"placeholders differ in {ids[0]!r}: {sorted(placeholders)}"
            if sorted(HTML_TAG.findall(string)) != sorted(HTML_TAG.findall(ids[0])):
                yield f"HTML tags differ in {ids[0]!r}"
