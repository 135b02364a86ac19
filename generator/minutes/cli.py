"""The `minutes` command line: one short function per command, each calling stage code."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from minutes import __version__
from minutes.core.errors import Problem, UserError
from minutes.core.paths import disk_full_message, is_disk_full


def _progress(message: str) -> None:
    print(f"minutes: {message}", file=sys.stderr, flush=True)


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _summary(problems: Sequence[Problem], *, published: bool, keep_going: bool) -> None:
    """The last lines of a build that met errors: how many, what was left out, what to do."""
    errors = [p for p in problems if p.severity == "error"]
    files = sorted({p.path for p in errors})
    named = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
    count = f"{len(errors)} error{'s' if len(errors) != 1 else ''} in {len(files)} file{'s' if len(files) != 1 else ''}"
    if published:
        _progress(f"error: {count} ({named}); published the rest without what they skipped (--keep-going)")
    else:
        _progress(
            f"error: {count} ({named}); nothing was published, the output folder is as it was — "
            "fix them, or run `minutes build --keep-going` to publish the rest without them"
        )


def _config(args: argparse.Namespace, *, output: bool = True):
    """The site's settings with the command line's overrides; `output`: --output names the output folder."""
    from minutes.core.config import load_config

    root = Path(args.site)
    if not root.is_dir():
        raise UserError(f"site folder {args.site!r} does not exist; create one with `minutes new DIR`")
    if not (root / "site.yaml").exists() and not (root / "site.yaml").is_symlink():
        _progress(
            f"note: no site.yaml in {args.site}; using the default settings "
            "(`minutes new DIR` writes one listing them all)"
        )
    config = load_config(root)
    return config.with_overrides(
        base_url=getattr(args, "base_url", None),
        output_dir=Path(args.output).resolve() if output and getattr(args, "output", None) else None,
    )


def cmd_convert(args: argparse.Namespace) -> int:
    from minutes.papers import convert_papers, explain_paper
    from minutes.publish.lock import site_lock

    config = _config(args)
    if args.explain:
        for paper in args.papers:
            for line in explain_paper(config, Path(paper)):
                print(line)
        return 0
    papers = [Path(p) for p in args.papers] or None
    with site_lock(config.root, "convert"):
        report = convert_papers(
            config, papers, force=args.force, progress=_progress, jobs=args.jobs, scheduler=args.scheduler
        )
    _report(report.problems)
    for lesson in report.learned:
        _progress(f"learned from a corrected record: {lesson}")
    if report.style_changed:
        _progress(f"the house style changed ({config.house_style.as_posix()}); the papers were read again with it")
    written = len(report.written)
    _progress(
        f"{len(report.papers_read)} paper{'s' if len(report.papers_read) != 1 else ''} read: "
        f"{written} record{'s' if written != 1 else ''} written, {len(report.unchanged)} unchanged, "
        f"{len(report.kept)} kept (hand-edited)"
    )
    from minutes.review_summary import review_site

    # The records on disk, not only this run's: what is left to check is the site's, as `minutes review` says.
    summary, _ = review_site(config)
    for line in summary.lines():
        _progress(line)
    if summary.doubtful:
        _progress(_CLEAR_DOUBTS)
    return 1 if any(p.severity == "error" for p in report.problems) else 0


_CLEAR_DOUBTS = (
    "check each against its paper (`minutes serve`, then /_review/); once checked, delete its entry from the "
    "record's `review:` (or set `reviewed: true`); `minutes review` lists what is left"
)


def cmd_review(args: argparse.Namespace) -> int:
    import json

    from minutes.review_summary import review_site

    config = _config(args)
    summary, problems = review_site(config)
    _report(problems)
    first = None if args.all else 5
    if args.json:
        print(json.dumps(summary.to_json(first), indent=2, ensure_ascii=False))
    else:
        for line in summary.lines(first):
            print(line)
        if summary.doubtful:
            _progress(_CLEAR_DOUBTS)
    return 1 if problems else 0


def _scheduler(value: str) -> str:
    from minutes.core.cluster import check_scheduler

    try:
        return check_scheduler(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of worker processes (1 or more)")
    return jobs


def _progress_display():
    from minutes.core.progress import Progress

    # A bar on a terminal; plain lines in a log or a pipe.
    return Progress(_progress, bar=sys.stderr.isatty())


def _collect_less() -> None:
    """Tune the garbage collector for a process that builds once and exits.

    Its modules live to the end, so they are set aside where the collector never walks them again; and the
    records and pages make few reference cycles (their objects are freed by their counts), so it runs a
    tenth as often. Collecting took about 50 ms of the demo's build, now a few.
    """
    gc.freeze()
    gc.set_threshold(7000, 10, 10)


def cmd_build(args: argparse.Namespace) -> int:
    from minutes.pages.templates_ahead import TemplatesAhead

    config = _config(args)
    # Compiled on the other core while this process imports the build's stages and loads the records.
    templates = TemplatesAhead(config)
    try:
        from minutes.build import build
        from minutes.publish.lock import site_lock

        _collect_less()
        with site_lock(config.root, "build"):
            result = build(
                config,
                search=not args.no_search,
                progress=_progress_display(),
                jobs=args.jobs,
                use_cache=not args.no_cache,
                keep_going=args.keep_going,
                templates=templates,
            )
    finally:
        templates.close()
    _report(result.problems)
    if result.errors:
        _summary(result.problems, published=result.published, keep_going=args.keep_going)
        return 1
    if args.strict and any(p.severity != "note" for p in result.problems):
        return 1  # notes (a record a person deleted, a paper renamed) are not problems
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from minutes.serve.server import PreviewServer

    server = PreviewServer(
        _config(args, output=False),
        args.host,
        args.port,
        search=not args.no_search,
        log=_progress,
        jobs=args.jobs,
        preview=Path(args.output).resolve() if args.output else None,
    )
    result = server.rebuild()
    if result is None:
        _progress("the first build failed; serving what was built before, and rebuilding on change")
    _progress(f"serving {server.address} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        _progress("stopped")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from minutes.check import check_output, review_notes
    from minutes.site.doubts import doubt_problems
    from minutes.site.load import load_site

    config = _config(args)
    site = load_site(config)
    problems = list(site.problems)
    output = config.root / config.output_dir
    built = (output / "index.html").exists()
    if built:
        problems += check_output(output, config.base_url)
    elif not args.reviewed:
        raise UserError(f"no built site in {output}; run `minutes build` first")
    # With --reviewed every open doubt (warnings among them) is a line of its own; without, warnings are notes.
    doubts = doubt_problems(site) if args.reviewed else []
    notes = [] if args.reviewed else review_notes(config, site)
    _report(notes)
    _report(doubts)
    _report(problems)
    if notes:
        _progress(f"{len(notes)} point{'s' if len(notes) != 1 else ''} for a reviewer (not problems)")
    if args.reviewed:
        records = len({d.path for d in doubts})
        _progress(
            f"{len(doubts)} open doubt{'s' if len(doubts) != 1 else ''} in {records} record{'s' if records != 1 else ''}"
            + (
                " — check each against its paper (`minutes serve`, then /_review/), then delete its entry or set "
                "`reviewed: true` in the record"
                if doubts
                else ""
            )
        )
        if not built:
            _progress(f"no built site in {output}: links not checked")
    # A checker is strict: warnings (a date that disagrees with its folder) fail it too.
    _progress(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found")
    return 1 if problems or doubts else 0


def cmd_new(args: argparse.Namespace) -> int:
    from minutes.scaffold import new_site

    existed = (Path(args.dir) / "site.yaml").is_file()
    created = new_site(Path(args.dir), ci=args.ci)
    if args.ci == "github":
        _progress(
            f"{'added' if existed else 'created a site with'} a GitHub Pages workflow in {created}/.github/workflows/; "
            "push the site to GitHub and set Settings > Pages > Source to GitHub Actions (see docs/deploy.md)"
        )
    if not existed:
        _progress(f"created a site in {created}; next: cd {args.dir} && minutes serve")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="minutes",
        description="Turn published council papers into a searchable, linked static website.",
    )
    top.add_argument("--version", action="version", version=f"minutes {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_convert(sub)
    _add_build(sub)
    _add_serve(sub)
    _add_review(sub)
    _add_check(sub)
    _add_new(sub)
    return top


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    func: Callable[[argparse.Namespace], int],
) -> argparse.ArgumentParser:
    """A command working on a site root: its parser, with the `--site` option every such command takes."""
    p = sub.add_parser(name, help=help_text, description=help_text)
    p.set_defaults(func=func)
    p.add_argument(
        "--site", default=".", metavar="DIR", help="site root holding site.yaml (default: current directory)"
    )
    return p


def _add_convert(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _command(
        sub, "convert", "Convert raw papers into Markdown meeting records under content/meetings/.", cmd_convert
    )
    p.add_argument("papers", nargs="*", metavar="PAPER", help="papers to convert (default: every new or changed paper)")
    p.add_argument("--force", action="store_true", help="overwrite converted files even if they were edited by hand")
    p.add_argument("--explain", action="store_true", help="show how each line of PAPER was treated, convert nothing")
    p.add_argument(
        "--jobs", type=_jobs, default=None, metavar="N", help="papers converted at once (default: one per CPU core)"
    )
    p.add_argument(
        "--scheduler",
        type=_scheduler,
        default=None,
        metavar="ADDRESS",
        help="convert on a Dask cluster: its scheduler's address (tcp://host:8786), or local:N for N worker "
        "processes here (needs `pip install 'minutes[cluster]'`); records are written here as without it",
    )


def _add_site_options(p: argparse.ArgumentParser, output_help: str) -> None:
    """The options `build` and `serve` share: where the site goes, the address it is served under, search, workers."""
    p.add_argument("--output", metavar="DIR", help=output_help)
    p.add_argument("--base-url", metavar="URL", help="path the site is served under, e.g. /minutes/")
    p.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes converting papers and rendering pages, and Pagefind runs at once "
        "(default: one per CPU core)",
    )


def _add_build(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _command(
        sub, "build", "Convert what changed, render the site into the output folder and index it for search.", cmd_build
    )
    _add_site_options(p, "output folder (default: output_dir of site.yaml)")
    p.add_argument("--strict", action="store_true", help="exit non-zero on warnings too (errors always do)")
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="when a file fails, publish the rest of the site without it (still exits 1)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the build cache (cache_dir): render every page from nothing",
    )


def _add_serve(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _command(
        sub,
        "serve",
        "Build a preview into .minutes-preview/ (never the output folder), serve it locally, "
        "and rebuild and reload the browser on every change.",
        cmd_serve,
    )
    _add_site_options(p, "preview folder, never the output folder (default: .minutes-preview in the site folder)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")


def _add_review(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _command(
        sub,
        "review",
        "List the records with facts the converter is unsure of, those most worth checking first at the top.",
        cmd_review,
    )
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.add_argument("--all", action="store_true", help="list every record with open doubts, not only the first five")


def _add_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _command(sub, "check", "Validate content and every internal link and anchor of the built site.", cmd_check)
    p.add_argument("--output", metavar="DIR", help="built site to check (default: output_dir of site.yaml)")
    p.add_argument("--base-url", metavar="URL", help="path the site was built for, e.g. /minutes/")
    p.add_argument(
        "--reviewed",
        action="store_true",
        help="fail while any record has open doubts (review entries or warnings nobody has cleared), one line each; "
        "for CI (needs no built site)",
    )


def _add_new(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`new` makes a site root rather than working on one, so it takes no `--site`."""
    p = sub.add_parser(
        "new",
        help="Create a new site root that builds out of the box.",
        description="Create a new site root that builds out of the box.",
    )
    p.add_argument("dir", metavar="DIR", help="folder to create (must not exist or be empty)")
    p.add_argument(
        "--ci",
        choices=["github"],
        help="also write the files that publish the site from CI: github writes a GitHub Pages workflow "
        "and requirements.txt (into DIR even when it is an existing site)",
    )
    p.set_defaults(func=cmd_new)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(exc if exc.path else f"minutes: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`minutes review | head`): stop quietly, as a pipeline expects. Output still
        # buffered would fail again at exit, so it goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:
        if is_disk_full(exc):
            # A copy names the file read first: the file that could not be written is the second.
            written = exc.filename2 or exc.filename
            where = f"{written}: " if written else "minutes: "
            print(
                f"{where}error: {disk_full_message(exc, 'this file')} — free some space and run again", file=sys.stderr
            )
            return 1
        where = f"{exc.filename}: " if exc.filename else "minutes: "
        print(f"{where}error: {exc.strerror or exc} — check the file and its permissions", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("minutes: stopped", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("MINUTES_DEBUG"):
            raise
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(
            f"minutes: internal error: {type(exc).__name__}: {str(exc)[:300]} "
            f"(at {Path(frame.filename).name}:{frame.lineno}) "
            "— please report it; set MINUTES_DEBUG=1 to see the traceback",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
