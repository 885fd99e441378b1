"""No secret in the repository: every file git tracks is free of private keys, cloud
and chat tokens; settings and configuration files name secrets only by the
environment variable that holds them (or an obvious placeholder); no `.env` file is
committed (`.env.example` lists the variables, with placeholders); and the settings'
SECRET_KEY default is the known development key that `check --deploy` warns about."""

import ast
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from django.core.checks.security.base import check_secret_key

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_MODULE = ROOT / "newsroom" / "settings.py"
# The settings' default SECRET_KEY, for development only (`check --deploy` warns).
DEV_SECRET_KEY = "django-insecure-dev-only"

TOKENS = {
    "private key": re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "Slack token": re.compile(r"\bxox[abposre]-[0-9A-Za-z-]{10,}"),
    "Slack webhook": re.compile(r"hooks\.slack\.com/services/T[0-9A-Z]+/"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{22,})"),
}

# Files where secrets would be configured: settings modules and configuration files
# (not tests, whose passwords are dummies for throwaway users, nor prose).
CONFIG_SUFFIXES = {".cfg", ".conf", ".ini", ".toml", ".yaml", ".yml", ".vcl"}
# NAME = "value", NAME: value, "name": "value", NAME=value (.env files).
SECRET_ASSIGNMENT = re.compile(
    r"""(?P<name>\w*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|ACCESS_KEY)\w*)["']?"""
    r"""\s*[:=]\s*(?P<value>"[^"\n]*"|'[^'\n]*'|[^\s"',)#]+)""",
    re.IGNORECASE,
)
# env.str("SOMETHING_PASSWORD", default="value") in a settings module.
SECRET_DEFAULT = re.compile(
    r"""env\.\w+\(\s*["'](?P<name>\w*(?:PASSWORD|SECRET|TOKEN|KEY)\w*)["']\s*,"""
    r"""\s*default\s*=\s*(?P<value>"[^"\n]*"|'[^'\n]*')""",
    re.IGNORECASE,
)
# scheme://user:password@host
URL_CREDENTIALS = re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:(?P<value>[^/\s@]+)@")

# The only literal values allowed where a secret goes, each an obvious placeholder
# or the name of another setting; keep this list short.
PLACEHOLDERS = {
    "",
    "password",  # "postgres://newsroom:password@..." in .env.example and comments
    "EMAIL_HOST_PASSWORD",  # settings.py maps EMAIL_URL's parts to setting names
}
PLACEHOLDER_PREFIXES = ("change-me",)  # .env.example: DJANGO_SECRET_KEY=change-me-...
ALLOWED_DEFAULTS = {("DJANGO_SECRET_KEY", DEV_SECRET_KEY)}  # see the last tests


@cache
def tracked_files() -> tuple[str, ...]:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    result = subprocess.run(  # noqa: S603 - git, with fixed arguments
        [git, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False
    )
    if result.returncode != 0:
        pytest.skip("not a git checkout")
    return tuple(name for name in result.stdout.decode().split("\0") if name)


def tracked_texts():
    """(path, text) of each tracked file present in the work tree."""
    for name in tracked_files():
        path = ROOT / name
        if path.is_file():
            yield name, path.read_bytes().decode("utf-8", errors="replace")


def is_config(name: str) -> bool:
    path = Path(name)
    if path.parts[0] == "tests" or path.suffix == ".md":
        return False
    return (
        path.name.startswith(".env")
        or path.suffix in CONFIG_SUFFIXES
        or (path.suffix == ".py" and path.stem.startswith("settings"))
        or name.startswith(("newsroom/", "deploy/", ".ci/"))
    )


def is_placeholder(value: str) -> bool:
    value = value.strip("\"'")
    return value in PLACEHOLDERS or value.lower().startswith(PLACEHOLDER_PREFIXES)


def test_the_repository_is_a_git_checkout_with_files():
    assert "newsroom/settings.py" in tracked_files()


def test_no_tracked_file_holds_a_private_key_or_a_token():
    found = [
        f"{name}:{text.count(chr(10), 0, match.start()) + 1}: {kind}"
        for name, text in tracked_texts()
        for kind, pattern in TOKENS.items()
        for match in pattern.finditer(text)
    ]
    assert found == []


def test_settings_and_configuration_hold_no_literal_secret():
    found = []
    for name, text in tracked_texts():
        if not is_config(name):
            continue
        python = name.endswith(".py")
        for number, line in enumerate(text.splitlines(), 1):
            for match in SECRET_ASSIGNMENT.finditer(line):
                value = match["value"]
                # In Python only a string literal is a literal (not env.str(...));
                # elsewhere $NAME or ${NAME} reads the environment.
                if (python and value[0] not in "\"'") or value.startswith("$"):
                    continue
                if not is_placeholder(value):
                    found.append(f"{name}:{number}: {match['name']}")
            for match in URL_CREDENTIALS.finditer(line):
                if not is_placeholder(match["value"]):
                    found.append(f"{name}:{number}: password in a URL")
            for match in SECRET_DEFAULT.finditer(line):
                pair = (match["name"], match["value"].strip("\"'"))
                if pair not in ALLOWED_DEFAULTS and not is_placeholder(pair[1]):
                    found.append(f"{name}:{number}: default of {match['name']}")
    assert found == []


def test_no_env_file_is_committed():
    env_files = [
        name
        for name in tracked_files()
        if re.fullmatch(r"\.env(\..+)?|.+\.env", Path(name).name)
    ]
    assert env_files == [".env.example"]


def test_a_local_env_file_is_ignored_by_git():
    result = subprocess.run(  # noqa: S603 - git, with fixed arguments
        [shutil.which("git") or "git", "check-ignore", "-q", ".env"],
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0


def test_the_secret_key_default_is_the_known_development_key():
    defaults = [
        keyword.value.value
        for node in ast.walk(ast.parse(SETTINGS_MODULE.read_text()))
        if isinstance(node, ast.Assign)
        and any(getattr(target, "id", None) == "SECRET_KEY" for target in node.targets)
        and isinstance(node.value, ast.Call)
        for keyword in node.value.keywords
        if keyword.arg == "default" and isinstance(keyword.value, ast.Constant)
    ]
    assert defaults == [DEV_SECRET_KEY]


def test_check_deploy_warns_about_the_development_key(settings):
    settings.SECRET_KEY = DEV_SECRET_KEY
    assert [warning.id for warning in check_secret_key(None)] == ["security.W009"]

    # and not about a real one (what DJANGO_SECRET_KEY gives in production).
    settings.SECRET_KEY = "k3Y-" + "".join(chr(ord("a") + n % 26) for n in range(60))
    assert check_secret_key(None) == []
