"""qtawesome icons, with a blank fallback so an unknown name never breaks a page."""

from PySide6.QtGui import QIcon


def icon(name: str | None, color: str = "#37474f") -> QIcon:
    if not name:
        return QIcon()
    import qtawesome

    try:
        return qtawesome.icon(name, color=color)
    except Exception:
        return QIcon()
