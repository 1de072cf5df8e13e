from datetime import datetime, timezone


def utcnow() -> datetime:
    """Timezone-aware now in UTC: the only kind of timestamp we store."""
    return datetime.now(timezone.utc)
