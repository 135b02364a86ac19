"""Render one planned page through a Jinja theme: its context, then its template.

Themes: a chain of folders from the site's own theme down to the built-in
default, searched in that order, with the default theme also reachable as
`default:<template>` so an override can extend the template it replaces.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import jinja2
import jinja2.meta
import jinja2.runtime
import markupsafe
import yaml
from markupsafe import Markup

from minutes.core.config import SiteConfig, setting_line
from minutes.core.errors import UserError, excerpt
from minutes.core.i18n import N_, Interface, interface, language_name, translations
from minutes.core.yamlfile import error_line, error_text, load_yaml
from minutes.pages.markdown_html import InlineLink, Rendered, render_markdown
from minutes.site.events import is_online
from minutes.site.model import Document, Page, Site

if TYPE_CHECKING:
    from minutes.pages.templates_ahead import CompiledTheme

KIND_LABELS = {"agenda": N_("Agenda"), "minutes": N_("Minutes"), "report": N_("Report"), "document": N_("Document")}
"""A document's kind as the interface names it (the `kind` filter)."""


@dataclass(frozen=True, slots=True)
class LanguageVersion:
    """A page in one of the site's languages, for the switcher and the `hreflang` links."""

    tag: str
    name: str
    """The language's name in itself: "Cymraeg"."""
    href: str
    current: bool


def search_translations(ui: Interface) -> dict[str, str]:
    """The words of Pagefind's search interface, in the page's language (its `translations` option)."""
    return {
        "clear_search": ui.gettext("Clear"),
        "load_more": ui.gettext("Load more results"),
        "search_label": ui.gettext("Search this site"),
        "filters_label": ui.gettext("Filters"),
        "zero_results": ui.gettext("No results for [SEARCH_TERM]"),
        "many_results": ui.gettext("[COUNT] results for [SEARCH_TERM]"),
        "one_result": ui.gettext("[COUNT] result for [SEARCH_TERM]"),
        "alt_search": ui.gettext("No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead"),
        "search_suggestion": ui.gettext("No results for [SEARCH_TERM]. Try one of the following searches:"),
        "searching": ui.gettext("Searching for [SEARCH_TERM]..."),
    }


def language_versions(config: SiteConfig, page_url: str) -> list[LanguageVersion]:
    """The same page in every language the site is published in; empty when it has one language.

    Only pages have copies (their addresses are folders); the not-found page has none.
    """
    tags = config.site_languages
    if len(tags) < 2 or not (page_url == "" or page_url.endswith("/")):
        return []
    return [
        LanguageVersion(
            tag, language_name(tag), config.in_language(tag).absolute_link(page_url), tag == config.language
        )
        for tag in tags
    ]


def _builtin_themes() -> Path:
    """The folder of the themes shipped with the package (`minutes.themes`, from the repo's themes/)."""
    return Path(str(importlib.resources.files("minutes.themes")))


BUILTIN_THEMES = _builtin_themes()


class RenderMarkdown(Protocol):
    """`markdown.render_markdown`, or the same through the cache."""

    def __call__(
        self, body: str, *, base_level: int = 2, links: tuple[InlineLink, ...] = (), used_ids: set[str] | None = None
    ) -> Rendered: ...


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One output page: a function of its template, its `inputs` and the `bodies` it renders."""

    output: str
    """Path under the output folder, e.g. "cabinet/2013-11-18/index.html"."""
    template: str
    inputs: Mapping[str, Any] = field(default_factory=dict)
    """The named values the page is a function of: records, and what registers say about them."""
    url: str = ""
    """Site-relative URL (no base), "" for the home page."""
    context: Callable[..., dict[str, Any]] | None = None
    """Makes the template's context from `inputs` (and `markdown=`) when the page is rendered,
    where the costly work is done; None: the inputs are the context."""
    bodies: tuple[Document | Page, ...] = ()
    """Records whose Markdown bodies the page renders; their body digests are part of its digest."""
    shard: str = ""
    """The search shard indexing the page (see shards.py); "" if it is not searched."""
    tree: str = ""
    """The language copy of the site the page belongs to ("cy", its folder); "" for the site's root.
    `url` is the page's address within its copy, the same in every language."""

    @property
    def address(self) -> str:
        """The page's site-relative address: "cy/cabinet/" for the Welsh copy of "cabinet/"."""
        return f"{self.tree}/{self.url}" if self.tree else self.url


@dataclass(frozen=True, slots=True)
class SiteView:
    """What every template may read about the whole site as `site`: its settings and hand-written pages.

    Deliberately not the whole model: a page is re-rendered when its own inputs
    change, so what every page can see must stay small.
    """

    config: SiteConfig
    pages: dict[str, Page]

    @classmethod
    def of(cls, site: Site) -> SiteView:
        return cls(site.config, dict(site.pages))


# --- themes -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    chain: tuple[Path, ...]
    """Theme folders, most specific first: the site's own, then parents, ending at default."""

    @property
    def template_dirs(self) -> list[str]:
        return [str(p / "templates") for p in self.chain if (p / "templates").is_dir()]

    @property
    def static_dirs(self) -> list[Path]:
        return [p / "static" for p in self.chain if (p / "static").is_dir()]


def resolve_theme(config: SiteConfig) -> Theme:
    """Follow `extends:` in each theme.yaml down to the built-in default theme.

    A theme without `extends:` extends "default"; a site folder `themes/default`
    overrides single files of the built-in default theme.
    """
    builtin_default = (BUILTIN_THEMES / "default").resolve()
    chain: list[Path] = []
    names: list[str] = []
    name = config.theme
    while True:
        if name in names and name != "default":
            raise UserError(
                f"themes extend each other in a loop: {' -> '.join(names + [name])}",
                config.root / config.themes_dir / name / "theme.yaml",
            )
        names.append(name)
        folder = _theme_folder(config, name, skip=chain)
        if folder is None:
            if not chain:
                raise UserError(
                    f"setting 'theme': theme {excerpt(name)} not found in {config.themes_dir}/ or the built-in "
                    f"themes; create {config.themes_dir}/{name}/ or set theme: default",
                    config.root / "site.yaml",
                    setting_line(config, "theme"),
                )
            raise UserError(
                f"theme {excerpt(name)} not found in {config.themes_dir}/ or the built-in themes "
                f"(theme {chain[-1].name} extends it); correct `extends:`",
                chain[-1] / "theme.yaml",
                1,
            )
        chain.append(folder)
        if folder.resolve() == builtin_default:
            return Theme(config.theme, tuple(chain))
        name = _parent_theme(folder)


def _parent_theme(folder: Path) -> str:
    meta = folder / "theme.yaml"
    if not meta.exists():
        return "default"
    try:
        data = load_yaml(meta.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise UserError(f"malformed YAML: {error_text(exc)}", meta, error_line(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read the theme's settings ({exc}); save theme.yaml as UTF-8 text", meta) from None
    if not isinstance(data, dict) or set(data) - {"extends", "name", "description"}:
        raise UserError("theme.yaml may set only extends, name and description", meta, 1)
    return str(data.get("extends") or "default")


def _theme_folder(config: SiteConfig, name: str, skip: list[Path]) -> Path | None:
    seen = {s.resolve() for s in skip}
    for base in (config.root / config.themes_dir, BUILTIN_THEMES):
        folder = base / name
        if folder.is_dir() and folder.resolve() not in seen:
            return folder
    return None


class _GlobalNames(set[str]):
    """A context's names of globals, taking the names of another template's globals away quickly.

    A template that imports macros (`{% from "_macros.html" import … %}`) asks, at every page and in
    every block that uses them, which of the context's globals the imported template lacks:
    `Context.globals_keys - template.globals.keys()`. Those keys are a view of a chain of
    dictionaries, which a set leaves to the view's own subtraction, a Python loop asking each
    dictionary of the chain for each name. `set.difference` takes the names as they come: the same
    names, without the loop.
    """

    def __sub__(self, other: Iterable[object]) -> set[str]:
        return set.difference(self, other)


class _Context(jinja2.runtime.Context):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals_keys = _GlobalNames(self.globals_keys)


class _Environment(jinja2.Environment):
    """An environment that parses each template once for both its digest and its code.

    `TemplateDigests` reads a template's tree for what it extends and includes;
    the same tree is then handed, once, to the compiler (which may fold
    constants in it, so it is never handed out twice). Parsing is most of what
    compiling a template costs.
    """

    context_class = _Context

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._parsed: dict[tuple[str, str | None, str | None], Any] = {}

    def parse_to_compile(self, source: str, name: str | None, filename: str | None) -> Any:
        tree = _translations_as_filters(super()._parse(source, name, filename))
        self._parsed[(source, name, filename)] = tree
        return tree

    def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
        tree = self._parsed.pop((source, name, filename), None)
        return tree if tree is not None else _translations_as_filters(super()._parse(source, name, filename))


TRANSLATE_FILTER = "minutes_gettext"
"""The filter a template's `_(message)`, `gettext(message)` and `{% trans %}` block become (see below)."""
_TRANSLATORS = frozenset({"_", "gettext"})


def _translations_as_filters(tree: jinja2.nodes.Template) -> jinja2.nodes.Template:
    """The interface's words called as a filter, which the compiled template calls directly.

    Jinja calls a function of the context through `Context.call`, which for a function that takes the
    context looks at its markers and, inside a loop, makes a context for the loop's variables: about
    a fifth of what a page's templates cost went to the 60-odd `_()` and `{% trans %}` of a page. A
    filter is looked up once per template and called with the context as it is. The filter is the same
    `remembered_gettext` as `_`, so each call comes out the same. A template that binds `_` or
    `gettext` itself (a `set`, a loop, a macro or its argument, an import) keeps its calls as they are.
    The tree is walked once, field by field: Jinja's own visitors took two fifths of a parse's time.
    """
    found: list[tuple[jinja2.nodes.Node, str, int | None, jinja2.nodes.Call]] = []
    bound: set[str] = set()
    stack: list[jinja2.nodes.Node] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, jinja2.nodes.Name) and node.ctx != "load":
            bound.add(node.name)
        elif isinstance(node, jinja2.nodes.Import):
            bound.add(node.target)
        elif isinstance(node, jinja2.nodes.Macro):
            bound.add(node.name)
        elif isinstance(node, jinja2.nodes.FromImport):
            bound.update(name if isinstance(name, str) else name[1] for name in node.names)
        for name in node.fields:
            value = getattr(node, name)
            children = value if isinstance(value, list) else [value]
            for n, child in enumerate(children):
                if not isinstance(child, jinja2.nodes.Node):
                    continue
                if _is_translation(child):
                    found.append((node, name, n if children is value else None, child))  # type: ignore[arg-type]
                stack.append(child)
    if bound & _TRANSLATORS:
        return tree
    # Innermost first: a call among another's arguments is replaced in the list the outer one's filter takes.
    for parent, name, at, call in reversed(found):
        swapped = jinja2.nodes.Filter(call.args[0], TRANSLATE_FILTER, [], call.kwargs, None, None, lineno=call.lineno)
        if at is None:
            setattr(parent, name, swapped)
        else:
            getattr(parent, name)[at] = swapped
    return tree


def _is_translation(node: jinja2.nodes.Node) -> bool:
    """A call of `_` or `gettext` with one message and named variables only."""
    return (
        isinstance(node, jinja2.nodes.Call)
        and isinstance(node.node, jinja2.nodes.Name)
        and node.node.name in _TRANSLATORS
        and len(node.args) == 1
        and node.dyn_args is None
        and node.dyn_kwargs is None
    )


def make_environment(
    config: SiteConfig, theme: Theme, *, search: bool = True, auto_reload: bool = True
) -> jinja2.Environment:
    """The templates' environment. Without `auto_reload` a template is read once and never looked at again
    (Jinja otherwise asks the file system whether it changed at every page): for one build's pages."""
    default_dir = BUILTIN_THEMES / "default" / "templates"
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(theme.template_dirs),
            jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(default_dir))}, delimiter=":"),
        ]
    )
    env = _Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        auto_reload=auto_reload,
    )
    # The interface's words come from the catalogue of the language these settings render
    # (a language copy of the site has its own settings); `{% trans %}` blocks are matched
    # with their spacing collapsed, as extraction writes them.
    env.policies["ext.i18n.trimmed"] = True
    catalogue = translations(config.language)
    env.install_gettext_translations(catalogue, newstyle=True)  # type: ignore[attr-defined]
    installed: Callable[..., str] = env.globals["gettext"]  # type: ignore[assignment]  # the extension's own
    # The look-up the extension's `gettext` makes (it prefers `ugettext` where a catalogue has one).
    translate: Callable[[str], str] = getattr(catalogue, "ugettext", None) or catalogue.gettext
    env.globals["gettext"] = env.globals["_"] = env.filters[TRANSLATE_FILTER] = remembered_gettext(installed, translate)
    ui = interface(config.language)
    env.globals.update(url=config.link, absolute_url=config.absolute_link, config=config, search_enabled=search)
    env.globals["language_versions"] = partial(language_versions, config)
    env.globals["search_translations"] = lambda: search_translations(ui)
    env.filters["longdate"] = ui.long_date
    env.filters["partdate"] = ui.partial_date
    env.filters["and_list"] = ui.and_list
    env.filters["clock"] = ui.clock
    env.filters["kind"] = lambda kind: ui.gettext(KIND_LABELS.get(kind, kind.capitalize()))
    env.filters["note"] = lambda resolved: resolved.note_in(ui)
    env.filters["online"] = is_online
    env.filters["filesize"] = ui.file_size
    env.filters["basename"] = lambda path: str(path).rsplit("/", 1)[-1]
    env.filters["host"] = lambda address: urlsplit(str(address)).hostname or ""
    env.globals["pages_text"] = ui.page_span
    env.filters["tojson_script"] = lambda v: Markup(script_json(v))
    env.filters["search_filter"] = search_filter
    return env


def remembered_gettext(gettext: Callable[..., str], translate: Callable[[str], str]) -> Callable[..., str]:
    """The i18n extension's `gettext`, each message translated once.

    A page asks for the interface's words in every row of its lists, and each `_()` went
    through three calls of the template context, a catalogue look-up and a format. A message
    without variables always comes out the same for one environment (one language) and one
    autoescape setting, so it is kept. One with variables is formatted each time, as the
    extension formats it (its translation, as Markup under autoescape, `%` the variables), from
    its translation kept the same way. `_` is this same function rather than the extension's
    alias, which looks `gettext` up in the context at every call.
    """
    known: dict[tuple[str, bool], str] = {}
    formats: dict[tuple[str, bool], str] = {}

    @jinja2.pass_context
    def remembered(context: jinja2.runtime.Context, message: str, /, **variables: Any) -> str:
        key = (message, context.eval_ctx.autoescape)
        if variables:
            form = formats.get(key)
            if form is None:
                form = formats[key] = Markup(translate(message)) if key[1] else translate(message)
            return form % variables
        found = known.get(key)
        if found is None:
            found = known[key] = gettext(context, message)
        return found

    return remembered


def search_filter(value: Any) -> Markup:
    """A value for a `data-pagefind-filter` element: escaped so that Pagefind's search UI shows it as text.

    Pagefind's UI writes filter values into its filter list as HTML (unlike
    titles and excerpts), and Pagefind decodes the entities of a filter's text
    twice when it indexes it (1.x, measured: `&amp;lt;` is kept as `<`). So a
    committee named `<img src=x onerror=…>` would run its script on the search
    page. Escaped three times here, the value Pagefind keeps is escaped HTML,
    which the list shows as the name; were Pagefind to decode once, the list
    would show escapes, never run markup. The elements are hidden: no reader
    sees the escapes.
    """
    text = str(value)
    for _ in range(3):
        text = str(markupsafe.escape(text))
    return Markup(text)


_SCRIPT_DATA_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


def script_json(value: Any) -> str:
    """JSON to put inside a `<script>` element (JSON-LD, any inline data).

    Within a script element the HTML parser looks for `</script` and for `<!--`
    (after which a `<script` hides the real end tag, and the rest of the page
    is swallowed), so `<`, `>` and `&` are written as \\u escapes; U+2028 and
    U+2029 too, which end a line in older JavaScript. The JSON means the same.
    """
    return json.dumps(value, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_DATA_ESCAPES)


class TemplateDigests:
    """Digest of each template with everything it extends, includes and imports.

    A page's digest holds its template's, so editing a template re-renders the
    pages that use it, and only those. A template that names another by a
    variable could use any: its digest is that of every template in the theme.
    """

    def __init__(self, env: jinja2.Environment, theme: Theme, compiled: CompiledTheme | None = None):
        self.env = env
        self.theme = theme
        self.compiled = compiled
        """What another process read of the templates (templates_ahead.py): a template it read with the same
        source is not parsed again here."""
        self._known: dict[str, str] = {}
        self._all = ""
        self.names: dict[str, tuple[str, list[str | None]]] = {}
        """Every template read, in the order met (what the pages' templates extend and include too):
        its source and the templates it names."""

    def of(self, name: str) -> str:
        known = self._known.get(name)
        if known is None:
            known = self._known[name] = self._digest(name, ())
        return known

    def _digest(self, name: str, seen: tuple[str, ...]) -> str:
        if name in seen:
            return ""
        read = self._read(name)
        if read is None:
            return "missing:" + name
        source, referenced = read
        h = hashlib.blake2b(source.encode("utf-8"), digest_size=16)
        for other in referenced:
            h.update(b"\x1f" + (self._digest(other, (*seen, name)) if other else self._every()).encode())
        return h.hexdigest()

    def _read(self, name: str) -> tuple[str, list[str | None]] | None:
        """A template's source and the templates it names (None: named by a variable); None if there is none."""
        if name in self.names:
            return self.names[name]
        try:
            source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            return None
        referenced = self.compiled.references_of(name, source) if self.compiled is not None else None
        if referenced is not None:
            self.names[name] = (source, referenced)
            return self.names[name]
        parse = getattr(self.env, "parse_to_compile", None)
        try:
            tree = parse(source, name, filename) if parse else self.env.parse(source)
            referenced = list(jinja2.meta.find_referenced_templates(tree))
        except jinja2.TemplateSyntaxError:
            referenced = []  # rendering reports it, with its file and line
        self.names[name] = (source, referenced)
        return self.names[name]

    def _every(self) -> str:
        if not self._all:
            h = hashlib.blake2b(digest_size=16)
            for folder in [*self.theme.template_dirs, str(BUILTIN_THEMES / "default" / "templates")]:
                for path in sorted(Path(folder).rglob("*")):
                    if path.is_file():
                        h.update(path.as_posix().encode() + b"\0" + path.read_bytes())
            self._all = h.hexdigest()
        return self._all


def render_page(
    spec: PageSpec, env: jinja2.Environment, site: SiteView, markdown: RenderMarkdown = render_markdown
) -> str:
    """The page's HTML. Template errors become a UserError naming the template file and line."""
    try:
        context = spec.context(markdown=markdown, **spec.inputs) if spec.context else spec.inputs
        template = env.get_template(spec.template)
        return template.render(site=site, **context, page_url=spec.url)
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(f"template error: {exc.message}", exc.filename or exc.name, exc.lineno) from None
    except jinja2.TemplateError as exc:
        where = _template_frame(exc)
        raise UserError(f"template error while rendering {spec.output}: {exc}", *where) from None


def _template_frame(exc: BaseException) -> tuple[str | None, int]:
    """The innermost template file and line of a runtime template error."""
    tb = exc.__traceback__
    found: tuple[str | None, int] = (None, 0)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def copy_static(theme: Theme, output: Path) -> None:
    """Copy static files, parents first, so a site's file replaces the theme's."""
    target = output / "static"
    for folder in reversed(theme.static_dirs):
        shutil.copytree(folder, target, dirs_exist_ok=True)
