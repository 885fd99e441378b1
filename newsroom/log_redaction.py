"""Password reset links (`…/reset/<uid>/<token>/`) open an account for days: their
tokens are kept out of the app's log lines and gunicorn's access log."""

import re

from gunicorn.glogging import Logger

_RESET_LINK = re.compile(r"(/reset/)[^/\s?]+/[^/\s?]+/")


def without_reset_tokens(text: str) -> str:
    return _RESET_LINK.sub(r"\1…/", text)


def hide_reset_tokens(logger, method_name, event_dict):
    """A structlog processor for the `request` of django-structlog's request lines."""
    if isinstance(request := event_dict.get("request"), str):
        event_dict["request"] = without_reset_tokens(request)
    return event_dict


class AccessLogger(Logger):
    """gunicorn's logger, writing request lines without reset tokens."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for atom in ("r", "U"):
            # Not there for a request gunicorn failed to read or to answer.
            if isinstance(atoms.get(atom), str):
                atoms[atom] = without_reset_tokens(atoms[atom])
        return atoms
