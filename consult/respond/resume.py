"""Resume codes: how a member comes back to a draft, on the same or another phone, without
giving anything that identifies them.

A code is 10 symbols from Crockford's base-32 alphabet (digits and capitals without I, L, O
and U, so nothing reads as another symbol), shown as ``K7Q4-M9XR-2T``: easy to write down.
That is 50 random bits from ``secrets``: with a million drafts open at once, one guess finds
one with probability 10^6 / 2^50, under one in a billion, and guesses are rate-limited. Only
a SHA-256 hash of the code is stored, so the database cannot give the codes away either.
"""

import hashlib
import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
_READS_AS = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def new_code():
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{symbols[:4]}-{symbols[4:8]}-{symbols[8:]}"


def normalise(code):
    """What a member typed, as the code it means: case, spaces, hyphens and look-alike
    letters do not matter."""
    cleaned = re.sub(r"[^0-9A-Za-z]", "", code or "").upper().translate(_READS_AS)
    return cleaned if len(cleaned) == LENGTH and all(c in ALPHABET for c in cleaned) else None


def code_hash(code):
    return hashlib.sha256(normalise(code).encode()).hexdigest()
