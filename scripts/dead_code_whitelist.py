"""What minutes/papers/ defines that scripts/dead_code.py would report unused, each with why it stays.

vulture reads this file and never runs it: a name written here counts as used. Keep it short: code
nothing uses is deleted, not listed.
"""

import pickle

import minutes.papers
from minutes.papers import header, headings, stray_html

# The package's names imported on first use (PEP 562): Python calls a module's __getattr__ for a name the
# module lacks.
minutes.papers.__getattr__

# The meeting's type as its opening prints it ("extraordinary"): weighed, shown among the header's
# proposals by `minutes convert --explain`, and read by tests/papers/test_header.py; no record field
# takes it yet.
header.MeetingFacts.meeting_type

# The items of a span without the candidates left out: the entry point the module's docstring names and
# tests call (tests/papers/test_evidence.py); the converter asks read_items for both.
headings.find_items

# Tags removed for comparing words: tests/papers/test_conservation.py compares a paper's words with its
# records' through the converter's own idea of a tag.
stray_html.strip_tags

# A pickler's table of reductions by class, which pickle reads for each object it writes (kept_readings.pack).
pickle.Pickler.dispatch_table
