"""Staff accounts. Members never have one: they answer anonymously."""

from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String
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
    #: The base32 secret of the authenticator app; None while two-step login is off.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    #: The time step of the last code accepted: a code is never accepted twice.
    totp_last_step: Mapped[int | None]
    #: Part of the id kept in the session cookie: raising it (at logout, when two-step login
    #: is turned on, off or reset) ends every session of the account, copied cookies too.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    @property
    def is_active(self):
        return self.active

    @property
    def two_factor_enabled(self):
        return self.totp_secret is not None

    def get_id(self):
        return f"{self.id}.{self.session_version}"

    def has_role(self, *roles):
        return self.role == "admin" or self.role in roles


class RecoveryCode(db.Model):
    """One single-use recovery code, as a werkzeug hash; the row is deleted when used."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(256))


def load_user(user_id):
    """The account of a session id "<id>.<session version>", unless the version moved on."""
    number, _, version = user_id.partition(".")
    if not (number.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(number))
    if user is None or user.session_version != int(version):
        return None
    return user
