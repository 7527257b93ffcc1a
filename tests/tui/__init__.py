"""Pilot tests of the kartlagg app: the real screens driven by simulated keys."""
