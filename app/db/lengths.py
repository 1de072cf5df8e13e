"""No text longer than its column, checked before every flush of every session.

SQLite stores a 300-character value in a ``String(200)`` column without a word and PostgreSQL
refuses it with a raw error; here both refuse it the same way, as a ``ValidationError`` naming the
attribute (so a form marks the field) and the limit, before anything is written.
"""

from __future__ import annotations

from itertools import chain

from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapper, Session

from app.errors import ValidationError
from app.i18n import translate
from app.user_values import text_limit

_limits_by_mapper: dict[Mapper, tuple[tuple[str, int], ...]] = {}


class TextTooLong(ValidationError):
    def __init__(self, field: str, limit: int, length: int):
        reason = translate("Database", "“{field}” is too long: at most {limit} characters ({length} given).")
        super().__init__(reason.format(field=field, limit=limit, length=length), field=field)
        self.limit = limit
        self.length = length


def string_limits(mapper: Mapper) -> tuple[tuple[str, int], ...]:
    """(attribute, characters) for every ``String(n)`` column of a mapped class."""
    limits = _limits_by_mapper.get(mapper)
    if limits is None:
        limits = tuple((prop.key, limit) for prop in mapper.column_attrs
                       if (limit := text_limit(prop.columns[0])) is not None)
        _limits_by_mapper[mapper] = limits
    return limits


def check_lengths(instance) -> None:
    """Raise ``TextTooLong`` for the first loaded text of ``instance`` longer than its column."""
    state = inspect(instance)
    loaded = state.dict  # never triggers a load
    for key, limit in string_limits(state.mapper):
        value = loaded.get(key)
        if isinstance(value, str) and len(value) > limit:
            raise TextTooLong(key, limit, len(value))


@event.listens_for(Session, "before_flush")
def _refuse_overlong_text(session: Session, _flush_context, _instances) -> None:
    for instance in chain(session.new, session.dirty):
        check_lengths(instance)
