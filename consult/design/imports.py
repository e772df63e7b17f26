"""Reading an uploaded or command-line file into a new draft round: JSON or XLSForm."""

import json

from flask_babel import gettext as _

from .definition import DefinitionError
from .operations import DesignError, import_round

#: Larger files are refused before they are read.
MAX_IMPORT_BYTES = 10 * 1024 * 1024


class ImportRefused(ValueError):
    """Nothing was imported; ``problems`` says why, line by line."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


def import_upload(filename, content, slug=None):
    """(new round, report lines) from a .json or .xlsx file; raises ImportRefused and writes
    nothing when the file cannot become a round."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ImportRefused([_("The file is larger than 10 MB.")])
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    report = []
    if suffix == "json":
        try:
            definition = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ImportRefused([_("The file is not valid JSON.")]) from None
        source = "json"
    elif suffix == "xlsx":
        from .xlsform import XLSFormError, read_xlsform

        try:
            definition, xlsform_report = read_xlsform(content, filename)
        except XLSFormError as error:
            raise ImportRefused([str(error)]) from None
        report = xlsform_report.skipped + xlsform_report.notes
        source = "xlsform"
    else:
        raise ImportRefused([_("Please choose a .json or .xlsx file.")])
    try:
        round_ = import_round(definition, slug=slug, source=source)
    except DefinitionError as error:
        raise ImportRefused(error.problems) from None
    except DesignError as error:
        raise ImportRefused([str(error)]) from None
    return round_, report
