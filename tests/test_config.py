"""site.yaml: defaults, validation with file and line, and every setting documented."""

from pathlib import Path

import pytest

from minutes.core.config import SETTINGS, load_config
from minutes.core.errors import UserError

REPO = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_defaults_without_a_file(tmp_path):
    config = load_config(tmp_path)
    assert config.base_url == "/"
    assert config.theme == "default"
    assert config.meetings_dir == Path("content/meetings")


BAD = [
    ("title: x\ncolour: red\n", 2, "unknown setting 'colour'"),
    ("title: [x\n", 1, "malformed YAML"),
    ("committees: [a, b]\n", 1, "must be a mapping"),
    ("committees:\n  cabinet:\n    nickname: x\n", 2, "may set only name, description and aliases"),
    ("- just a list\n", 1, "must be a mapping"),
]


@pytest.mark.parametrize(("text", "line", "words"), BAD)
def test_bad_settings_name_the_file_and_line(tmp_path, text, line, words):
    with pytest.raises(UserError) as caught:
        load_config(write(tmp_path, text))
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'site.yaml'}:{line}: ")
    assert words in message


@pytest.mark.parametrize(("given", "normal"), [("minutes", "/minutes/"), ("/a/b", "/a/b/"), ("/", "/"), ("", "/")])
def test_base_url_is_normalised(tmp_path, given, normal):
    assert load_config(write(tmp_path, f"base_url: '{given}'\n")).base_url == normal


def test_committee_aliases_are_read(tmp_path):
    config = load_config(
        write(tmp_path, "committees:\n  ilsc:\n    name: ILSC\n    aliases: [Improving Lives Select Panel]\n")
    )
    assert config.committees["ilsc"].aliases == ("Improving Lives Select Panel",)


def test_every_setting_is_documented():
    doc = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in doc]
    assert missing == []


def test_demo_site_config_loads():
    config = load_config(REPO)
    assert config.council == "Rotherham Metropolitan Borough Council"
