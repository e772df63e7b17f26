"""Members' access codes: a code per network and single-use invitation codes."""
