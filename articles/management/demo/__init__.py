"""The demo newsroom that `manage.py seed_demo` builds, read from the TOML files here.

README.md in this folder says what the content is and how to change it safely.
"""

import re
import tomllib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent

# A figure in a story's body: "[figure image-key]", then the story's own caption, if any.
FIGURE = re.compile(r"\[figure ([\w-]+)\] ?(.*)")


def read(kind: str) -> list[dict]:
    """The entries of `<kind>.toml`, in the order the file lists them."""
    with (FOLDER / f"{kind}.toml").open("rb") as file:
        return tomllib.load(file)[kind]


def body_parts(text: str) -> list[str | dict]:
    """A story's body as a list of paragraphs and figures.

    Paragraphs are separated by blank lines; the lines of one are joined with spaces.
    """
    parts = []
    for block in re.split(r"\n\s*\n", text.strip()):
        paragraph = " ".join(line.strip() for line in block.splitlines())
        if figure := FIGURE.fullmatch(paragraph):
            parts.append({"figure": figure[1], "caption": figure[2]})
        else:
            parts.append(paragraph)
    return parts


SECTIONS = read("sections")
AUTHORS = read("authors")
AGENCIES = read("agencies")
PHOTOGRAPHERS = read("photographers")
IMAGES = read("images")
ARTICLES = [
    {**article, "body": body_parts(article["body"])} for article in read("articles")
]
