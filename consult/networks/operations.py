"""Changes to the list of networks."""

from sqlalchemy import select

from ..extensions import db
from .data import MEMBER_NETWORKS
from .models import Network


def ensure_member_networks():
    """Add any member network that is missing; return how many were added. One transaction."""
    existing = set(db.session.scalars(select(Network.code)))
    added = [
        Network(code=code, name=name, kind=kind, region=region)
        for code, name, kind, region in MEMBER_NETWORKS
        if code not in existing
    ]
    db.session.add_all(added)
    db.session.commit()
    return len(added)
