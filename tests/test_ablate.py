"""`bench/fidelity.py --ablate`: each rule switched off in turn, over real conversions of a real paper.

The conversions run in worker processes that start a process for each paper, so this runs the
ablation end to end on one paper of the corpus, with two rules: one its attendance is read by,
and one it has no shape for (an agenda's membership).
"""

from __future__ import annotations

import json
import sys

from helpers import REPO

sys.path.insert(0, str(REPO / "bench"))
import fidelity
from minutes.papers import evidence

PAPER = "01_burton-cum-walden-pc-council-2025-01-07.txt"
"""Burton-cum-Walden's minutes: "Present:" over a plain list of names; minutes, so no membership."""


def test_ablation_shows_what_each_rule_is_worth(tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    (corpus / "papers").mkdir(parents=True)
    (corpus / "papers" / PAPER).write_bytes((REPO / "tests" / "corpus" / "papers" / PAPER).read_bytes())
    truth = json.loads((REPO / "tests" / "corpus" / "truth.json").read_text(encoding="utf-8"))
    (corpus / "truth.json").write_text(json.dumps([t for t in truth if t["paper"] == PAPER]), encoding="utf-8")
    rules = ("attendance.list", "attendance.membership")
    monkeypatch.setattr(evidence, "REGISTRY", {r: evidence.REGISTRY[r] for r in rules})

    assert fidelity.ablate([corpus]) == 0

    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()[1:]}
    assert float(rows["(none)"][0].rstrip("%")) > 50  # the paper converts: a crashed conversion scores 22 %
    assert float(rows["attendance.list"][0]) < 0 and rows["attendance.list"][1] == "1"
    assert rows["attendance.membership"][:2] == ["+0.0", "0"]
