"""The library of question blocks (on the design blueprint): its page, a block inserted into
a round as a new page, a page saved as a block, a block deleted."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..forms import ButtonForm
from .access import designers_only, load_round, load_section
from .block_operations import delete_block, insert_block, save_block
from .forms import BlockChoiceForm, SaveBlockForm
from .library import QuestionBlock, all_blocks
from .views import ROUND, apply_operation, bp


@bp.route("/staff/blocks/")
@designers_only
def blocks():
    return render_template("design/blocks.html", blocks=all_blocks(), button=ButtonForm())


@bp.route("/staff/blocks/<int:block_id>/delete", methods=["POST"])
@designers_only
def delete_block_view(block_id):
    block = db.get_or_404(QuestionBlock, block_id)
    if ButtonForm().validate_on_submit():
        delete_block(block)
    return redirect(url_for(".blocks"))


@bp.route(f"{ROUND}/blocks", methods=["POST"])
@designers_only
def insert_block_view(slug):
    round_ = load_round(slug)
    form = BlockChoiceForm()
    # No block is numbered 0: a missing or malformed choice is not found.
    block = db.get_or_404(QuestionBlock, form.block.data if form.block.validate(form) else 0)
    if form.validate_on_submit():
        apply_operation(insert_block, round_, block)
    return redirect(url_for(".overview", slug=slug))


@bp.route(f"{ROUND}/sections/<int:section_id>/save-block", methods=["POST"])
@designers_only
def save_block_view(slug, section_id):
    section = load_section(slug, section_id)
    form = SaveBlockForm()
    if form.validate_on_submit():
        name = form.name.data
        save_block(section, name)
        flash(_("The page was saved in the library as “%(name)s”.", name=name), "status")
    return redirect(url_for(".overview", slug=slug))
