"""Tools → Switch database: a SQLite file or a database URL; saved only once it connects."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.db.engine import make_engine, sqlite_url
from app.errors import ValidationError
from app.settings_service import update_settings
from app.ui.form_dialog import FormDialog


class DatabaseDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Switch database"), parent, min_width=560, ok_text=self.tr("Switch and restart"),
                         intro=self.tr("The application restarts on the new database."))
        self.ctx = ctx
        self.url = ""
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("SQLite file, or a database URL such as postgresql://host/db"))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.target, 1)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose)
        layout.addWidget(choose)
        self.add_widget("database", self.tr("Database"), row, focus=self.target, door_names=("database_url",))

    def choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("SQLite database"), "", "SQLite (*.sqlite3 *.db)",
                                              options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.target.setText(path)

    def perform(self) -> None:
        text = self.target.text().strip()
        if not text:
            raise ValidationError(self.tr("Choose a SQLite file or type a database URL."), field="database")
        url = text if "://" in text else sqlite_url(text)
        engine = make_engine(url)
        try:
            engine.connect().close()  # a wrong host or password must not be saved
        except Exception as exc:
            reason = str(getattr(exc, "orig", exc)).strip()
            raise ValidationError(self.tr("Cannot connect: {error}").format(error=reason), field="database") from None
        finally:
            engine.dispose()
        with self.ctx.transaction() as session:
            update_settings(session, self.ctx.actor, self.ctx.config, database_url=url)
        self.url = url
