"""Which papers named by records are published: inside the papers folder with every link followed, and files."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from minutes.site.originals import published_papers


def papers_site(root: Path) -> Path:
    """A site whose papers folder holds a file, links leading in and out, and a folder that is a link out."""
    papers = root / "site" / "content" / "papers"
    (papers / "2024").mkdir(parents=True)
    (papers / "pack.pdf").write_bytes(b"%PDF-1.4 pack")
    (papers / "2024" / "minutes.txt").write_text("Minutes\n", encoding="utf-8")
    (root / "site" / "content" / "notes.txt").write_text("not a paper\n", encoding="utf-8")
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_text("private\n", encoding="utf-8")
    (papers / "same-pack.pdf").symlink_to(papers / "pack.pdf")
    (papers / "secret.txt").symlink_to(root / "outside" / "secret.txt")
    (papers / "elsewhere").symlink_to(root / "outside")
    (papers / "notes.txt").symlink_to(root / "site" / "content" / "notes.txt")
    return root / "site"


@pytest.mark.parametrize(
    ("paper", "published"),
    [
        # (the paper a record names, whether it is published)
        ("content/papers/pack.pdf", True),
        ("content/papers/2024/minutes.txt", True),
        ("content/papers/same-pack.pdf", True),  # a link to a paper of the folder
        ("content/papers/secret.txt", False),  # a link leading out of the site
        ("content/papers/elsewhere/secret.txt", False),  # inside a folder that is a link out
        ("content/papers/notes.txt", False),  # a link out of the papers folder, inside the site
        ("content/notes.txt", False),  # in the site, not in the papers folder
        ("content/papers/missing.pdf", False),
        ("content/papers/2024", False),  # a folder
        ("content/papers/../papers/pack.pdf", False),  # climbs with '..'
    ],
)
def test_a_paper_is_published_only_from_inside_the_papers_folder(tmp_path, paper, published):
    root = papers_site(tmp_path)
    originals, files, clashes = published_papers(root, PurePosixPath("content/papers"), [paper])
    assert (paper in originals, paper in files) == (published, published) and clashes == []
    if published:
        assert files[paper] == root / paper and originals[paper].size == (root / paper).stat().st_size
