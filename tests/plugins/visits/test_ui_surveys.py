"""The survey editor page: an HQ analyst adds a choice question to a category's survey and
publishes it as a new version; the fixed questions cannot be removed; elsewhere it only shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from plugins.visits import service
from plugins.visits.views.survey_page import SurveyEditorPage

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def texts(page) -> list[str]:
    return [page.table.item(r, 0).text() for r in range(page.table.rowCount())]


def test_an_hq_analyst_adds_a_question_and_publishes_a_new_version(qtbot, ctx, make_actor):
    analyst = make_actor(ctx, "analyst@HQ", roles=["hq_analyst"])
    page = SurveyEditorPage(ctx.signed_in(analyst))
    qtbot.addWidget(page)
    assert page.categories.count() == 4 and not page.notice.isVisibleTo(page)
    page.categories.setCurrentRow(2)  # maintenance
    assert "not yet published" in page.heading.text() and not page.publish_button.isEnabled()
    page.table.selectRow(0)
    assert not page.remove_button.isEnabled()  # "Was the problem solved?" stays

    def write_question():
        dialog = QApplication.activeModalWidget()
        dialog.text.setPlainText("<b>您希望的维护时段？</b>")
        dialog.kind.setCurrentIndex(dialog.kind.findData("choice"))
        dialog.options.setPlainText("工作日白天\n夜间\n\n周末")
        dialog.ok_button.click()

    QTimer.singleShot(0, write_question)
    page.add_button.click()
    assert texts(page)[-1] == "<b>您希望的维护时段？</b>"
    assert "Unpublished changes" in page.heading.text()
    page.table.selectRow(page.table.rowCount() - 1)
    page.up_button.click()
    with qtbot.waitSignal(page.published, timeout=5_000):
        page.publish_button.click()
    page.categories.setCurrentRow(2)
    assert "Version 2, published" in page.heading.text()  # the defaults were stored as version 1 first
    assert "analyst" in page.heading.text()
    with ctx.reading() as session:
        line = {l.category: l for l in service.survey_overview(session, analyst, hook=ctx.hook)}["maintenance"]
    assert line.versions == [1, 2] and line.form.version == 2
    added = line.form.questions[-2]
    assert (added.text, added.kind, added.options) == ("<b>您希望的维护时段？</b>", "choice", ("工作日白天", "夜间", "周末"))


def test_a_branch_user_sees_the_surveys_but_may_not_change_them(qtbot, ctx, make_actor):
    branch_analyst = make_actor(ctx, "analyst@BJ", roles=["hq_analyst"])
    page = SurveyEditorPage(ctx.signed_in(branch_analyst))
    qtbot.addWidget(page)
    page.show()
    assert page.notice.isVisible() and "maintained at HQ" in page.notice.text()
    page.table.selectRow(2)
    assert not any(b.isEnabled() for b in (page.add_button, page.edit_button, page.remove_button,
                                           page.publish_button))
    assert texts(page)[:2] == ["您报修的问题是否已经解决？", "您对本次服务的总体满意度打几分？（1–5分，5分为非常满意）"]
