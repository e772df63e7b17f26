"""Time-based one-time codes (RFC 6238, through pyotp) and single-use recovery codes.

The secret is never logged or put in a URL that reaches a server: the set-up page shows it,
and the otpauth:// address built from it, as text for the staff member to copy.
"""

import hmac
import re
import secrets

import pyotp

from . import clock

#: How many steps either side of now a code may come from (30 seconds each): clocks drift.
VALID_WINDOW = 1
RECOVERY_CODE_COUNT = 10
#: Lower-case letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i).
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_RECOVERY_LENGTH = 10
_TOTP_CODE = re.compile(r"^[0-9]{6}\Z")
ISSUER = "consult"


def new_secret():
    return pyotp.random_base32()


def grouped(secret):
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def provisioning_uri(secret, email):
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def looks_like_totp(code):
    return bool(_TOTP_CODE.match(clean(code)))


def clean(code):
    """What the staff member typed, without spaces and hyphens, in lower case."""
    return re.sub(r"[\s-]", "", code or "").lower()


def matching_step(secret, code, last_step=None):
    """The time step ``code`` belongs to, within the window around now and later than
    ``last_step`` (a code is used once), or None. Every candidate is compared, each in
    constant time."""
    code = clean(code)
    if not _TOTP_CODE.match(code):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(clock.now().timestamp())
    found = None
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            if last_step is None or step > last_step:
                found = step
    return found


def new_recovery_codes():
    """Ten random codes of 50 bits each, as shown to the staff member: "abcde-fghij"."""
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        code = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
        codes.append(f"{code[:5]}-{code[5:]}")
    return codes
