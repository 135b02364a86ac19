"""One-line bugs that once passed the whole suite, and the tests that must now catch each.

`tests/test_planted_bugs.py` plants each in a temporary copy of the package and
runs only the tests named here against that copy: at least one must fail. A
planted bug whose text is no longer in the code fails that test too, so the table
moves with the code. `make mutation` (bench/mutation.py) covers the same modules
with every mutant a tool can make.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Planted:
    name: str
    file: str
    """Relative to the repository: generator/minutes/... or themes/..."""
    old: str
    new: str
    tests: tuple[str, ...]
    """Test ids (relative to the repository) of which at least one must fail."""


PLANTED = (
    Planted(
        "JSON-LD no longer escapes < > & U+2028/9",
        "generator/minutes/pages/render.py",
        "json.dumps(value, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_DATA_ESCAPES)",
        "json.dumps(value, ensure_ascii=False, sort_keys=True)",
        ("tests/test_escaping.py",),
    ),
    Planted(
        "|safe on item titles in the meeting template",
        "themes/default/templates/meeting.html",
        '{{ v.row.title }}{% if "item" in v.unconfirmed',
        '{{ v.row.title|safe }}{% if "item" in v.unconfirmed',
        ("tests/test_escaping.py",),
    ),
    Planted(
        "|safe on the items' list in the meeting template",
        "themes/default/templates/meeting.html",
        "{{ v.row.title }}</a>",
        "{{ v.row.title|safe }}</a>",
        ("tests/test_escaping.py",),
    ),
    Planted(
        "_minute_anchor always returns ''",
        "generator/minutes/site/links.py",
        '    wanted = number.strip().rstrip(".").lower()\n',
        '    return ""\n    wanted = number.strip().rstrip(".").lower()\n',
        ("tests/test_citations.py",),
    ),
    Planted(
        "undated minute citations resolved against later meetings",
        "generator/minutes/site/links.py",
        "if m.date and m.date <= meeting.date]",
        "if m.date and m.date >= meeting.date]",
        ("tests/test_citations.py",),
    ),
    Planted(
        "the atomic folder swap replaced by two renames",
        "generator/minutes/publish/atomic.py",
        "    if not _exchange(staging, output):\n",
        "    if True:\n"
        "        output.rename(output.with_name(output.name + '.old'))\n"
        "        staging.rename(output)\n"
        "        return\n"
        "    if not _exchange(staging, output):\n",
        (
            "tests/test_publish_observed.py::test_the_swap_exchanges_two_whole_folders",
            "tests/test_publish_observed.py::test_a_build_shows_readers_the_old_site_then_the_new_one_never_a_mix",
        ),
    ),
    Planted(
        "write_atomic writes in place (through hard links into the live site)",
        "generator/minutes/core/paths.py",
        '    temporary = path.with_name(f".{path.name[:200]}.{os.getpid()}.tmp")\n',
        "    temporary = path\n",
        (
            "tests/test_publish_observed.py::test_write_atomic_never_writes_through_a_hard_link",
            "tests/test_publish_observed.py::test_serve_replaces_each_page_whole",
        ),
    ),
    Planted(
        "the build stops writing feeds, calendars, data files and the sitemap",
        "generator/minutes/build.py",
        "        if known.get(relative) != digest:\n            (write_atomic if in_place else write_file)",
        "        if False:\n            (write_atomic if in_place else write_file)",
        ("tests/test_feeds.py::test_written_paths_are_sorted_and_exist",),
    ),
    Planted(
        "a same-day meeting date pushed a year (>= to >)",
        "generator/minutes/papers/dates.py",
        "if first.year_printed or first.date >= after:",
        "if first.year_printed or first.date > after:",
        ("tests/papers/test_dates.py",),
    ),
    Planted(
        "page_slug ignores reserved names",
        "generator/minutes/core/reserved.py",
        'return f"{slug}-page" if slug in RESERVED else slug',
        "return slug",
        ("tests/test_reserved.py",),
    ),
    Planted(
        "a body's first line is not looked at for deep nesting (it has no newline before it)",
        "generator/minutes/pages/markdown_html.py",
        'return _DEEP_OPENING.search("\\n" + body) is not None',
        "return _DEEP_OPENING.search(body) is not None",
        ("tests/test_markdown.py::test_a_body_that_may_nest_too_deep_is_told_apart",),
    ),
    Planted(
        "sums of money taken sign by sign, not in the order they are written",
        "generator/minutes/pages/markdown_html.py",
        "    return sorted(found)\n",
        "    return found\n",
        ("tests/test_markdown.py::test_sums_of_money_carry_the_form_search_looks_up",),
    ),
    Planted(
        "a table runs to the body's last table's end",
        "generator/minutes/pages/markdown_html.py",
        "end = html.find(_TABLE_CLOSE, start + len(_TABLE_OPEN))",
        "end = html.rfind(_TABLE_CLOSE, start + len(_TABLE_OPEN))",
        ("tests/test_markdown.py::test_every_table_of_a_body_gets_its_box_and_header_cells",),
    ),
    Planted(
        "a table's rows after its head are lost",
        "generator/minutes/pages/markdown_html.py",
        "inner = _HEADER_CELL.sub(_header_cell, rows[:head_end]) + rows[head_end:]",
        "inner = _HEADER_CELL.sub(_header_cell, rows[:head_end])",
        ("tests/test_markdown.py",),
    ),
    Planted(
        "a message with variables kept as it first came out",
        "generator/minutes/pages/render.py",
        "            return form % variables\n",
        "            return known.setdefault(key, form % variables)\n",
        ("tests/test_render_units.py::test_a_message_is_translated_as_often_as_it_is_asked",),
    ),
    Planted(
        "a message kept for an HTML template given to a text one",
        "generator/minutes/pages/render.py",
        "key = (message, context.eval_ctx.autoescape)",
        "key = (message, True)",
        ("tests/test_render_units.py::test_a_message_without_variables_is_translated_once_per_autoescape_setting",),
    ),
    Planted(
        "the loader keeps no resolutions of a minutes record for the register",
        "generator/minutes/site/load.py",
        'resolutions_shown=resolutions_shown(record, located.body) if record.kind == "minutes" else None,',
        'resolutions_shown=resolutions_shown(record, located.body) if record.kind == "agenda" else None,',
        (
            "tests/test_decisions_register.py::"
            "test_the_loader_works_out_the_registers_resolutions_and_the_register_reads_no_body_again",
        ),
    ),
    Planted(
        "the register reads every minutes again, whatever the loader kept",
        "generator/minutes/site/decisions_register.py",
        "        if shown is None:  # a document the loader did not make\n",
        "        if True:  # a document the loader did not make\n",
        (
            "tests/test_decisions_register.py::"
            "test_the_loader_works_out_the_registers_resolutions_and_the_register_reads_no_body_again",
        ),
    ),
    Planted(
        "a paper that is a link out of the papers folder is published",
        "generator/minutes/site/originals.py",
        "if not (address and folder.holds(source) and source.is_file()):",
        "if not (address and source.is_file()):",
        ("tests/test_published_papers.py",),
    ),
    Planted(
        "a page listing a minutes document changes with the resolutions its body shows",
        "generator/minutes/pages/fingerprint.py",
        '"body_size", "resolutions_shown"}',
        '"body_size"}',
        (
            "tests/test_decisions_register.py::"
            "test_a_page_listing_the_minutes_does_not_change_with_the_resolutions_its_body_shows",
        ),
    ),
    Planted(
        "front-matter read without PyYAML keeps the last of a repeated key instead of refusing it",
        "generator/minutes/records/plain_yaml.py",
        " or key[1] in data:",
        ":",
        ("tests/test_plain_yaml.py",),
    ),
    Planted(
        "the building process parses chunks a pool worker has already taken (each record parsed twice)",
        "generator/minutes/site/load.py",
        "if not futures[n].cancel():",
        "if futures[n].done():",
        ("tests/test_load_parallel.py",),
    ),
)
