"""Every kind of reader page passes the Nu HTML Checker (the W3C's validator) with no
errors. `make test` installs the checker (vnu.jar, from npm) into .venv/; it needs Java."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Author

VNU = (
    Path(__file__).resolve().parents[1]
    / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)


@pytest.fixture
def nu_checker():
    if VNU.exists() and shutil.which("java"):
        return ["java", "-jar", str(VNU), "--errors-only", "--format", "json"]
    message = f"The Nu HTML Checker needs Java and {VNU}: run `make test`, which installs both."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def test_reader_pages_pass_the_nu_html_checker(client, db, tmp_path, nu_checker):
    call_command("seed_demo", verbosity=0)
    article = Article.objects.published().exclude(body="").first()
    article.tags.add("Zürich", "北京", "🔥")
    pages = {
        "home": "/",
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "section-page-2": "/politics/?page=2",
        "tag": article.tags.first().get_absolute_url(),
        "author": Author.objects.exclude(photo=None).first().get_absolute_url(),
        "not-found": "/no-such-section/",
    }
    files = []
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)

    assert nu_errors(nu_checker, files) == []


def nu_errors(nu_checker: list[str], files: list[Path]) -> list[str]:
    """The checker's errors in `files`, as "page:line: message"."""
    result = subprocess.run(  # noqa: S603 - the checker, on files the test wrote
        [*nu_checker, *map(str, files)], capture_output=True, text=True, check=False
    )
    return [
        f"{Path(message['url']).stem}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(result.stderr)["messages"]
    ]
