"""The log file keeps every line when another process holds it and it cannot be rotated (the
desktop app and a command sharing it on Windows), and rotates again once it can."""

from __future__ import annotations

import logging

from app.log_file import SharedRotatingFileHandler


def test_lines_are_kept_while_the_file_cannot_be_renamed_and_rotation_resumes(tmp_path, monkeypatch):
    path = tmp_path / "service-center.log"
    handler = SharedRotatingFileHandler(path, maxBytes=200, backupCount=2, encoding="utf-8", delay=True)
    held = {"by_other_process": True}
    rotate = handler.rotate

    def rename_unless_held(source, dest):
        if held["by_other_process"]:
            raise PermissionError(32, "The process cannot access the file because it is being used")
        rotate(source, dest)

    monkeypatch.setattr(handler, "rotate", rename_unless_held)
    log = logging.getLogger("test.shared_log")
    log.propagate, log.level = False, logging.INFO
    log.addHandler(handler)
    try:
        for number in range(20):
            log.info("line %02d 同步完成", number)
        assert [f"line {n:02d}" in path.read_text(encoding="utf-8") for n in range(20)] == [True] * 20
        assert not (tmp_path / "service-center.log.1").exists()
        held["by_other_process"] = False
        monkeypatch.setattr(handler, "_blocked_until", 0.0)  # the retry pause has passed
        for number in range(20, 30):
            log.info("line %02d", number)
        assert (tmp_path / "service-center.log.1").exists()
    finally:
        log.removeHandler(handler)
        handler.close()
