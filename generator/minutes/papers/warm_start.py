"""A convert's workers start warm: the convert reads a small paper of its own before it forks them.

Each paper is read in a child forked from the convert. What the conversion builds as it first runs (the
patterns its rules compile from their text when first asked, which Python's pattern cache then holds, and the
texts `memo` remembers) a child builds for itself and loses when it ends, at every paper: about a tenth of
converting a paper of a few pages. Read once in the convert before the children are forked, the sample below
leaves them built for every child. Conversion is pure, so nothing of the sample reaches another paper's
records: only the time it takes.

The sample is the project's own text, made up for this (no council's paper), with what most papers hold: a
heading naming the body and the date, the members present and the apologies, numbered items with
resolutions, a vote, a declaration of interest and the next meeting's date.
"""

from __future__ import annotations

import functools
import hashlib

from minutes.papers.convert import convert_with_roles
from minutes.papers.readers import read_paper

SAMPLE_NAME = "warm-start.txt"

SAMPLE = """\
EXAMPLE PARISH COUNCIL

MINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON TUESDAY 14 JANUARY 2025 AT 7.30 PM IN THE VILLAGE HALL

Present: Cllr A Hale (Chair), Cllr B Orme, Cllr C Pike, Cllr D Rowe
In attendance: Mrs E Stone (Clerk), 3 members of the public

1. Apologies for absence
Apologies were received from Cllr F Black.

2. Declarations of interest
Cllr Pike declared an interest in item 6 as a neighbour of the applicant.

3. Minutes of the previous meeting
RESOLVED: That the minutes of the meeting held on 10 December 2024 be approved as a correct record and signed.

4. Public participation
A resident asked about the footpath at Mill Lane. The Clerk reported that the county council had been informed.

5. Finance
5.1 The Council noted the bank reconciliation to 31 December 2024.
5.2 Payments: it was proposed by Cllr Orme, seconded by Cllr Rowe and agreed that the payments listed be made.

Payee\tAmount
E Stone – salary\t£450.00
Village Hall Trust – hire\t£25.00

6. Planning
25/00012/FUL – Extension at 3 Church Street. No objection. Motion carried.

7. Precept for 2025/26
Members voted to set the precept at £12,500 (Y-4, N-0).

8. Date of next meeting
The next meeting will be held on Tuesday 11 February 2025 at 7.30pm.

The meeting closed at 8.45 pm.

Signed ............................ Chair    Date ..............
"""


@functools.cache
def warm_up() -> None:
    """Read and convert the sample, keeping nothing but what the conversion builds as it goes; once a process."""
    data = SAMPLE.encode("utf-8")
    paper = read_paper(data, SAMPLE_NAME)
    convert_with_roles(paper, SAMPLE_NAME, sha256=hashlib.sha256(data).hexdigest())
