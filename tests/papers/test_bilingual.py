"""Table-driven tests for reading the English side of Welsh / English pairs."""

from __future__ import annotations

import pytest

from minutes.papers.attendance import label_of, people_in
from minutes.papers.bilingual import english_side


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Presennol / Present: Cllr A Smith", "Present: Cllr A Smith", id="label-pair"),
        pytest.param("Cyng/Cllrs.: B. Jones", "Cllrs.: B. Jones", id="title-pair-no-spaces"),
        pytest.param("Mrs M.Rees (clerc / clerk)", "Mrs M.Rees (clerk)", id="role-pair"),
        pytest.param("M. Wynne a/and L.Hughes", "M. Wynne and L.Hughes", id="and-pair"),
        pytest.param("Cyng. Alun Williams", "Cllr Alun Williams", id="welsh-title-alone"),
        pytest.param("23/01240/F Land at Mill Lane", "23/01240/F Land at Mill Lane", id="planning-reference-untouched"),
        pytest.param("Planning/Highways", "Planning/Highways", id="english-pair-untouched"),
    ],
)
def test_english_side(text, expected):
    assert english_side(text) == expected


def test_bilingual_label_is_read():
    assert label_of("Presennol / Present: Cyng/Cllrs.: B. Jones, A. Davies") == (
        "present",
        "Cllrs.: B. Jones, A. Davies",
    )


def test_bilingual_names_are_read():
    assert [p.name for p in people_in("Cyng. / Cllrs. M. Williams, M. Wynne a/and L.Hughes")] == [
        "Cllr M. Williams",
        "Cllr M. Wynne",
        "Cllr L.Hughes",
    ]
