"""Compile the theme's templates in a second process while this one starts the build.

Compiling a theme's templates (Jinja parses each, generates Python code and
compiles it) is about a fifth of a small site's build, all of it before the
first page can render, while the second core is idle as the build imports
its stages and loads the records. So `minutes build` forks a child once it
has the settings and the renderer's modules (imported before the fork, so no
module is imported twice). The child resolves the theme, compiles every
template of it and all they extend, include and import, and sends back each
one's source, the templates it names and its code as Jinja's own bytecode
cache entry. The build's environments read the code through a
`BytecodeCache`: Jinja takes an entry only for the same template name and
file, the same source (its checksum) and the same Jinja and Python, and
compiles anything else itself, so a template edited meanwhile is compiled
again. A template the child could not compile is left to the build, which
reports it as before; a child that fails sends nothing and the build
compiles as it always did. The code is the same whichever process compiled
it, and so are the pages.

Only where `os.fork` exists; elsewhere the build compiles its templates itself.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import select
import signal
from dataclasses import dataclass

import jinja2
import jinja2.meta

from minutes.core.config import SiteConfig
from minutes.pages.render import Theme, make_environment, resolve_theme


@dataclass(frozen=True, slots=True)
class CompiledTheme:
    theme: Theme
    references: dict[str, tuple[str, tuple[str | None, ...]]]
    """Template name (as pages name it: `default:` for the built-in theme's) -> its source and the templates
    it extends, includes and imports (None: one named by a variable)."""
    bytecode: dict[str, bytes]
    """Jinja's bytecode cache key (the name its loader knows and its file) -> its entry: Jinja's magic, the
    source's checksum and the marshalled code."""

    def references_of(self, name: str, source: str) -> list[str | None] | None:
        """The templates `name` names, if the child read this same source; None: parse it here."""
        known = self.references.get(name)
        return list(known[1]) if known is not None and known[0] == source else None

    def bytecode_cache(self) -> jinja2.BytecodeCache:
        """A cache holding the child's code, for environments made with the same settings and theme."""
        return _Compiled(self.bytecode)


class TemplatesAhead:
    """A child process compiling a site's templates; `result` waits for it, `close` ends it."""

    def __init__(self, config: SiteConfig):
        """Start compiling the templates of the site these settings describe."""
        self._pid = 0
        self._pipe = -1
        self._result: CompiledTheme | None = None
        if not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's code
            status = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as pipe:
                    pickle.dump(_compile_theme(config), pipe, protocol=pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._pipe = pid, read

    def done(self) -> bool:
        """Whether `result` would answer without waiting: the child is sending its templates, or there is none."""
        if self._pipe == -1:
            return True
        readable, _, _ = select.select([self._pipe], [], [], 0)
        return bool(readable)

    def result(self) -> CompiledTheme | None:
        """The child's templates, once it has finished; None if it failed (the build compiles them itself)."""
        if self._pipe != -1:
            with os.fdopen(self._pipe, "rb") as pipe:
                self._pipe = -1
                data = pipe.read()
            self._reap()
            try:
                self._result = pickle.loads(data) if data else None
            except Exception:
                self._result = None
        return self._result

    def close(self) -> None:
        """Stop the child if it is still at work (the build failed before it needed the templates)."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()
        if self._pipe != -1:
            os.close(self._pipe)
            self._pipe = -1

    def _reap(self) -> None:
        if self._pid:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = 0


def _compile_theme(config: SiteConfig) -> CompiledTheme:
    """In the child: every template of the site's theme, and all they name, compiled as a build would."""
    theme = resolve_theme(config)
    env = make_environment(config, theme, auto_reload=False)
    bytecode: dict[str, bytes] = {}
    env.bytecode_cache = _Recorder(bytecode)
    assert env.loader is not None
    todo = list(jinja2.FileSystemLoader(theme.template_dirs).list_templates())
    seen = set(todo)
    references: dict[str, tuple[str, tuple[str | None, ...]]] = {}
    while todo:
        name = todo.pop(0)
        try:
            source, filename, _ = env.loader.get_source(env, name)
            tree = env.parse_to_compile(source, name, filename)  # type: ignore[attr-defined]
            references[name] = (source, tuple(jinja2.meta.find_referenced_templates(tree)))
            env.get_template(name)  # compiled through Jinja's loader, which hands the code to `_Recorder`
        except Exception:
            continue  # the build compiles it, and reports what is wrong with it
        for other in references[name][1]:
            if other is not None and other not in seen:
                seen.add(other)
                todo.append(other)
    return CompiledTheme(theme, references, bytecode)


class _Compiled(jinja2.BytecodeCache):
    def __init__(self, bytecode: dict[str, bytes]):
        self.bytecode = bytecode

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        entry = self.bytecode.get(bucket.key)
        if entry is not None:
            # Jinja resets the bucket (and compiles the template here) when the source's checksum,
            # Jinja's or Python's version differ from what the child compiled.
            bucket.load_bytecode(io.BytesIO(entry))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        pass  # compiled here: the environment keeps the template itself


class _Recorder(jinja2.BytecodeCache):
    """In the child: keeps what Jinja's loader compiled, by its cache key."""

    def __init__(self, bytecode: dict[str, bytes]):
        self.bytecode = bytecode

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.bytecode[bucket.key] = bucket.bytecode_to_string()


__all__ = ["CompiledTheme", "TemplatesAhead"]
