"""The deployment recipes of docs/deploy.md: each file parses, holds what its host requires and the headers
docs/robustness.md recommends, and the GitHub Pages workflow `minutes new --ci github` writes builds a site
when its steps are run as written."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from helpers import REPO, run_minutes
from minutes import __version__

DEPLOY = REPO / "docs" / "deploy"
PAGES_URL = "${{ steps.pages.outputs.base_url }}"


def robustness_headers() -> dict[str, dict[str, str]]:
    """The `_headers` example of docs/robustness.md: path pattern -> {header: value}."""
    text = (REPO / "docs" / "robustness.md").read_text(encoding="utf-8")
    block = re.search(r"```\n# _headers\n(.*?)```", text, re.S)
    assert block, "docs/robustness.md lost its _headers example"
    rules: dict[str, dict[str, str]] = {}
    pattern = ""
    for line in block.group(1).splitlines():
        if line and not line[0].isspace():
            pattern = line.strip()
            rules[pattern] = {}
        elif line.strip():
            name, value = line.strip().split(":", 1)
            rules[pattern][name.strip()] = value.strip()
    return rules


HEADERS = robustness_headers()
POLICY = HEADERS["/*"]["Content-Security-Policy"]


# --- GitHub Pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def github_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("gh") / "mysite"
    made = run_minutes("new", str(target), "--ci", "github")
    assert made.returncode == 0, made.stderr
    return target


def workflow(site: Path) -> dict:
    data = yaml.safe_load((site / ".github" / "workflows" / "minutes.yml").read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true; GitHub reads it as "on".
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_the_workflow_has_what_github_pages_requires(github_site):
    data = workflow(github_site)
    assert data["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in data["on"]
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    uses = [step.get("uses", "") for step in build["steps"]]
    for action in ("actions/checkout@", "actions/configure-pages@", "actions/upload-pages-artifact@"):
        assert any(u.startswith(action) for u in uses), action
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    assert configure["id"] == "pages"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "output"
    runs = [step.get("run", "") for step in build["steps"]]
    assert f'minutes build --base-url "{PAGES_URL}/"' in runs
    assert uses.index(configure["uses"]) < runs.index(f'minutes build --base-url "{PAGES_URL}/"')
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    (step,) = deploy["steps"]
    assert step["uses"].startswith("actions/deploy-pages@") and step["id"] == "deployment"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert (github_site / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"minutes=={__version__}"


def test_the_workflow_steps_build_and_check_a_site_for_its_pages_address(github_site, tmp_path):
    """The build job's own commands, as written, with the address configure-pages would give."""
    site = tmp_path / "site"
    subprocess.run(["cp", "-r", str(github_site), str(site)], check=True)
    (site / "content" / "papers" / "000_86c187667cde2ece.txt").write_bytes(
        (REPO / "content" / "papers" / "000_86c187667cde2ece.txt").read_bytes()
    )
    minutes_steps = [
        s["run"] for s in workflow(site)["jobs"]["build"]["steps"] if s.get("run", "").startswith("minutes ")
    ]
    assert [s.split()[1] for s in minutes_steps] == ["build", "check"]
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    for command in minutes_steps:
        line = command.replace(PAGES_URL, "https://council.github.io/minutes-site")
        argv = shlex.split(line)
        done = subprocess.run(
            [sys.executable, "-m", "minutes", *argv[1:]], cwd=site, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{line}\n{done.stderr[-2000:]}"
    home = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://council.github.io/minutes-site/">' in home
    assert 'href="/minutes-site/static/style.css"' in home


def test_ci_files_are_added_to_an_existing_site_and_never_replaced(tmp_path):
    site = tmp_path / "site"
    assert run_minutes("new", str(site)).returncode == 0
    assert not (site / ".github").exists()
    added = run_minutes("new", str(site), "--ci", "github")
    assert added.returncode == 0, added.stderr
    assert (site / ".github" / "workflows" / "minutes.yml").is_file()
    again = run_minutes("new", str(site), "--ci", "github")
    assert again.returncode == 1
    assert "minutes.yml already exists; remove it" in again.stderr
    assert "Traceback" not in again.stderr


# --- Netlify, S3 and nginx ------------------------------------------------------------------


def test_netlify_builds_for_its_address_and_sets_the_recommended_headers():
    config = tomllib.loads((DEPLOY / "netlify.toml").read_text(encoding="utf-8"))
    assert config["build"]["publish"] == "output"
    command = config["build"]["command"]
    assert "pip install -r requirements.txt" in command
    assert 'minutes build --base-url "$URL/"' in command
    assert re.fullmatch(r"3\.\d+", config["build"]["environment"]["PYTHON_VERSION"])
    rules = {rule["for"]: rule["values"] for rule in config["headers"]}
    assert rules == HEADERS


def _commands(script: str) -> list[list[str]]:
    """The script's commands, continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n\s*", " ", script)
    return [shlex.split(line) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_the_s3_script_parses_and_sends_each_kind_of_file_with_its_type(tmp_path):
    script = DEPLOY / "deploy-s3.sh"
    assert subprocess.run(["sh", "-n", str(script)], capture_output=True).returncode == 0
    # Run it for real against a stand-in `aws` that records what it is asked to do.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls"
    fake = bin_dir / "aws"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\037" "$@" >> {shlex.quote(str(log))}\necho >> {shlex.quote(str(log))}\n')
    fake.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    missing = subprocess.run(["sh", str(script)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert missing.returncode != 0 and "usage: deploy-s3.sh BUCKET" in missing.stderr
    done = subprocess.run(["sh", str(script), "council-minutes"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    calls = [line.split("\x1f")[:-1] for line in log.read_text().splitlines()]
    assert all(c[:2] == ["s3", "sync"] and "--delete" in c for c in calls)

    def option(call: list[str], name: str) -> str:
        return call[call.index(name) + 1] if name in call else ""

    typed = {option(c, "--include"): option(c, "--content-type") for c in calls if "--content-type" in c}
    assert typed == {
        "*.wasm": "application/wasm",
        "*.ics": "text/calendar; charset=utf-8",
        "feed.xml": "application/atom+xml; charset=utf-8",
    }
    papers = [c for c in calls if c[2] == "output/papers"]
    assert len(papers) == 1 and papers[0][3] == "s3://council-minutes/papers"
    assert option(papers[0], "--content-disposition") == "attachment"
    # The first upload leaves alone what the others send with their own type.
    first = calls[0]
    excluded = {first[i + 1] for i, arg in enumerate(first) if arg == "--exclude"}
    assert {"papers/*", "*.wasm", "*.ics", "feed.xml", "*/feed.xml"} <= excluded
    assert "--content-type" not in first


@pytest.mark.parametrize(
    ("name", "path"),
    [("cloudfront-site-headers.json", "/*"), ("cloudfront-papers-headers.json", "/papers/*")],
)
def test_the_cloudfront_policies_hold_the_recommended_headers(name, path):
    policy = json.loads((DEPLOY / name).read_text(encoding="utf-8"))
    assert policy["Name"]
    security = policy["SecurityHeadersConfig"]
    wanted = HEADERS[path]
    sent = {}
    if security.get("ContentTypeOptions", {}).get("Override") is True:
        sent["X-Content-Type-Options"] = "nosniff"
    sent["Content-Security-Policy"] = security["ContentSecurityPolicy"]["ContentSecurityPolicy"]
    custom = policy.get("CustomHeadersConfig", {"Quantity": 0, "Items": []})
    assert custom["Quantity"] == len(custom["Items"])
    sent.update({item["Header"]: item["Value"] for item in custom["Items"]})
    # The papers' policy repeats nosniff: a cache behaviour has one policy, not the site's as well.
    expected = {**HEADERS["/*"], **wanted} if path != "/*" else wanted
    assert sent == expected


def _nginx_server(tmp_path: Path) -> list[dict]:
    import crossplane

    main = tmp_path / "nginx.conf"
    main.write_text(f"events {{}}\nhttp {{\n    include {DEPLOY / 'nginx.conf'};\n}}\n")
    parsed = crossplane.parse(str(main), check_ctx=True, check_args=True)
    errors = [e for f in parsed["config"] for e in f["errors"]] + parsed["errors"]
    assert parsed["status"] == "ok" and not errors, errors
    (included,) = [f for f in parsed["config"] if f["file"] == str(DEPLOY / "nginx.conf")]
    (server,) = included["parsed"]
    assert server["directive"] == "server"
    return server["block"]


def _directives(block: list[dict], name: str) -> list[list[str]]:
    return [d["args"] for d in block if d["directive"] == name]


def _headers(block: list[dict]) -> dict[str, str]:
    return {args[0]: args[1] for args in _directives(block, "add_header") if args[-1] == "always"}


def _location(block: list[dict], *args: str) -> list[dict]:
    (found,) = [d["block"] for d in block if d["directive"] == "location" and d["args"] == list(args)]
    return found


def test_the_nginx_server_block_parses_and_serves_the_site_as_it_needs(tmp_path):
    server = _nginx_server(tmp_path)
    assert _directives(server, "root") == [["/var/www/minutes"]]
    assert _directives(server, "error_page") == [["404", "/404.html"]]
    assert _directives(_location(server, "/"), "try_files") == [["$uri", "$uri/", "=404"]]
    assert _headers(server) == HEADERS["/*"]
    assert _headers(_location(server, "/papers/")) == {**HEADERS["/*"], **HEADERS["/papers/*"]}
    for pattern, kind in (
        (r"\.ics$", "text/calendar; charset=utf-8"),
        (r"/feed\.xml$", "application/atom+xml; charset=utf-8"),
        (r"\.wasm$", "application/wasm"),
    ):
        block = _location(server, "~", pattern)
        assert _directives(block, "default_type") == [[kind]]
        assert _directives(block, "types") == [[]]  # the default type applies only with the map emptied
        assert _headers(block) == HEADERS["/*"], pattern  # an add_header in a location replaces the server's


def test_the_deploy_page_shows_each_file_as_it_is():
    from minutes.scaffold import GITHUB_PAGES

    doc = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert f"```yaml\n{GITHUB_PAGES}```" in doc
    for path in sorted(DEPLOY.iterdir()):
        assert f"\n{path.read_text(encoding='utf-8')}```" in doc, f"docs/deploy.md shows an old {path.name}"
