"""Shared set-up for the training tests: a small catalogue and people at HQ, BJ, BJ-P01 and SH."""

import types

import pytest


from dataclasses import dataclass
from datetime import date, timedelta

from app.clock import utcnow
from plugins.training import service
from plugins.training.service import CourseInput, SessionInput


@dataclass
class People:
    hq_trainer: object
    bj_trainer: object
    bj_engineer: object
    partner_engineer: object
    sh_engineer: object


def people(ctx, make_actor) -> People:
    return People(make_actor(ctx, "trainer@HQ", roles=["trainer"]), make_actor(ctx, "trainer@BJ", roles=["trainer"]),
                  make_actor(ctx, "wang@BJ", roles=["field_engineer"]),
                  make_actor(ctx, "li@BJ-P01", roles=["field_engineer"]),
                  make_actor(ctx, "zhao@SH", roles=["field_engineer"]))


def catalogue(ctx, hq_trainer) -> dict:
    """SRV-101 (pass mark 60) and SRV-201 (pass mark 70, needs SRV-101)."""
    with ctx.transaction() as session:
        basic = service.save_course(session, hq_trainer, CourseInput("SRV-101", "服务器产品基础", "服务器", "basic", 16, 60))
        advanced = service.save_course(session, hq_trainer, CourseInput(
            "SRV-201", "服务器故障诊断与部件更换", "服务器", "advanced", 24, 70, prerequisite_codes=["SRV-101"]))
        return {"SRV-101": basic.id, "SRV-201": advanced.id}


def open_session(ctx, trainer, course_id, capacity=2, starts_in=10, days=2):
    starts = utcnow().date() + timedelta(days=starts_in)
    with ctx.transaction() as session:
        row = service.create_session(session, trainer, SessionInput(
            course_id, starts, starts + timedelta(days=days - 1), trainer.user_id, capacity, location="北京培训中心"))
        return row.id


def day(offset: int) -> date:
    return utcnow().date() + timedelta(days=offset)


@pytest.fixture
def kit():
    """The helpers above, as a fixture (tests are imported in importlib mode, not as a package)."""
    return types.SimpleNamespace(people=people, catalogue=catalogue, open_session=open_session, day=day)
