"""Staff accounts. Members never have one: they answer anonymously."""

from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db, one_of

#: Admins may do everything; designers build rounds; translators translate the rounds given
#: to them; reviewers read results.
ROLES = ("admin", "designer", "translator", "reviewer")


class User(UserMixin, db.Model):
    __tablename__ = "user_account"
    __table_args__ = (CheckConstraint(one_of("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    #: werkzeug's "method$salt$hash" string (scrypt by default).
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(20))
    #: The interface language the staff member chose; None follows the browser.
    locale: Mapped[str | None] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(default=True)
    #: Staff accounts are not anonymous: when an account was made is kept.
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: datetime.now(UTC)
    )

    @property
    def is_active(self):
        return self.active

    def has_role(self, *roles):
        return self.role == "admin" or self.role in roles


def load_user(user_id):
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
