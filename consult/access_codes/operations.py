"""Codes: made by the secretariat, used by members."""

import csv
import io

from sqlalchemy import select, update

from ..arrival import empty_the_log, lock_round, rewrite_invitation_codes
from ..audit import record
from ..extensions import db
from ..networks.models import Network
from ..respond.resume import code_hash, new_code, normalise
from .models import InvitationCode, NetworkCode

MAX_BATCH = 5000


def ensure_network_codes(round_):
    """A code for every regional network and the women's network that has none yet."""
    have = set(
        db.session.scalars(select(NetworkCode.network_id).where(NetworkCode.round_id == round_.id))
    )
    networks = db.session.scalars(select(Network).where(Network.kind != "national")).all()
    for network in networks:
        if network.id not in have:
            db.session.add(NetworkCode(round_id=round_.id, network_id=network.id, code=new_code()))
    # The audit action keeps the name the log has always stored, so old entries still read.
    record("access.network_codes", round_)
    db.session.commit()


def make_invitation_codes(round_, count):
    """``count`` new single-use codes; returns them (they are stored only as hashes)."""
    count = max(1, min(count, MAX_BATCH))
    codes = [new_code() for _ in range(count)]
    db.session.add_all(
        InvitationCode(code_hash=code_hash(code), round_id=round_.id) for code in codes
    )
    record("access.invitation_codes", round_, count=count)
    db.session.commit()
    return codes


def codes_as_csv(codes):
    buffer = io.StringIO()
    # Every field quoted: a spreadsheet that splits on ";" (as in much of Europe) cannot
    # cut a field in two and read its second half as a formula.
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(["code"])
    writer.writerows([code] for code in codes)
    return buffer.getvalue()


def network_for_code(round_, code):
    """The network whose code this is, or None."""
    cleaned = normalise(code)
    if cleaned is None:
        return None
    for network_code in db.session.scalars(
        select(NetworkCode).where(NetworkCode.round_id == round_.id)
    ):
        if normalise(network_code.code) == cleaned:
            return network_code.network_id
    return None


def claim_invitation(round_, code):
    """Mark an unused invitation code used, in its own transaction; True if it was free.
    The UPDATE's row count decides, so two phones with one code cannot both get in. Every
    code of the round is then written again in a random order (consult.arrival), so nothing
    in the database says which code was used last."""
    if normalise(code) is None:
        return False
    lock_round(round_.id)
    claimed = db.session.execute(
        update(InvitationCode)
        .where(
            InvitationCode.code_hash == code_hash(code),
            InvitationCode.round_id == round_.id,
            InvitationCode.used.is_(False),
        )
        .values(used=True)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed == 1:
        rewrite_invitation_codes(round_.id)
    db.session.commit()
    empty_the_log()
    return claimed == 1
