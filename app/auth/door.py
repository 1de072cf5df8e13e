"""One permission check per operation, at a plugin's door.

A plugin's ``service.py`` is its door: each public operation there checks the acting user's
permission once, on entry, and the domain modules behind it check none (they keep to the rows
the actor may see). ``guarded`` builds such an operation from a domain function, so a door reads
as a table of its operations and the permission each one needs.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TypeVar

from app.auth.actor import Actor

Check = Callable[[Actor], None]
Operation = TypeVar("Operation", bound=Callable)


def any_of(*permissions: str) -> Check:
    """A check passed by holding any one of ``permissions``; a refusal names the first."""
    def check(actor: Actor) -> None:
        if not any(actor.has(permission) for permission in permissions):
            actor.require(permissions[0])

    return check


def guarded(permission: str | Check, operation: Operation) -> Operation:
    """``operation`` (a domain function taking an ``actor`` argument) that first checks the actor
    holds ``permission``, or passes ``permission(actor)`` when it is a check of its own."""
    check = permission if callable(permission) else functools.partial(Actor.require, permission=permission)
    actor_at = list(inspect.signature(operation).parameters).index("actor")

    @functools.wraps(operation)
    def checked(*args, **kwargs):
        check(kwargs["actor"] if "actor" in kwargs else args[actor_at])
        return operation(*args, **kwargs)

    checked.permission = permission
    return checked  # type: ignore[return-value]
