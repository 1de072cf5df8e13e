"""Similar historical cases: Chinese symptoms in another word order, ranking, scope, index upkeep."""

import random

import pytest

from app.errors import PermissionDenied
from app.orgs.service import get_by_code
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.similar import search as similar
from plugins.tickets.similar import vocabulary
from plugins.tickets.similar.index import index_ticket, reindex

CLOSEST = "客户反映I620-G30服务器断电恢复后RAID卡无法识别，硬盘指示灯闪红，业务中断。"
PARTIAL = "用户来电称I840-G25服务器RAID卡电池失效，写策略变为直写。"
UNRELATED = "客户反映W330-H工作站风扇异响，噪音大。"


def resolve(ctx, actor, customer_id, symptom, resolution):
    with ctx.transaction() as session:
        ticket = service.create_ticket(session, actor, customer_id=customer_id, symptom=symptom)
        service.start_diagnosis(session, actor, ticket.id)
        service.resolve_remotely(session, actor, ticket.id, resolution)
        index_ticket(session, ticket.id)
        return ticket.id, ticket.number


@pytest.fixture
def cases(ctx, make_actor):
    with ctx.transaction() as session:
        registry.ensure_default_packages(session, get_by_code(session, "HQ"))
    hotline = {org: make_actor(ctx, f"hl@{org}", roles=["hotline"]) for org in ("BJ", "SH", "BJ-P01")}
    customers = {}
    for org, actor in hotline.items():
        with ctx.transaction() as session:
            customers[org] = registry.create_customer(session, actor, name=f"{org}客户").id
    rng = random.Random(7)
    for _ in range(12):  # background: realistic records the query words also occur in
        record = vocabulary.record(rng)
        resolve(ctx, hotline["BJ"], customers["BJ"], record.symptom, record.resolution)
    made = {
        "closest": resolve(ctx, hotline["BJ"], customers["BJ"], CLOSEST, "更换RAID卡后导入外部配置，阵列恢复。"),
        "partial": resolve(ctx, hotline["BJ"], customers["BJ"], PARTIAL, "更换RAID卡电池。"),
        "unrelated": resolve(ctx, hotline["BJ"], customers["BJ"], UNRELATED, "清理风扇灰尘。"),
        "shanghai": resolve(ctx, hotline["SH"], customers["SH"], CLOSEST, "上海：更换RAID卡。"),
        "partner": resolve(ctx, hotline["BJ-P01"], customers["BJ-P01"], PARTIAL, "代理商：更换电池。"),
    }
    return hotline, made


def test_finds_a_chinese_symptom_written_in_another_word_order_closest_first(ctx, cases):
    hotline, made = cases
    query = "硬盘指示灯闪红，RAID卡无法识别，是在断电恢复后出现的"
    with ctx.reading() as session:
        found = similar.search(session, hotline["BJ"], query)
    numbers = [case.number for case in found]
    assert numbers[0] == made["closest"][1]
    assert found[0].resolution == "更换RAID卡后导入外部配置，阵列恢复。"
    assert made["partial"][1] in numbers  # shares "RAID卡" only: lower
    assert numbers.index(made["partial"][1]) > 0
    assert made["unrelated"][1] not in numbers
    assert len(found) <= 10 and [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_results_are_scoped_to_what_the_actor_may_see(ctx, cases, make_actor, admin):
    hotline, made = cases
    manager = make_actor(ctx, "mgr@BJ", roles=["branch_manager"])
    with ctx.reading() as session:
        shanghai = [c.number for c in similar.search(session, hotline["SH"], CLOSEST)]
        partner = [c.number for c in similar.search(session, hotline["BJ-P01"], PARTIAL)]
        beijing = [c.number for c in similar.search(session, hotline["BJ"], PARTIAL)]
        subtree = [c.number for c in similar.search(session, manager, PARTIAL)]
        everywhere = [c.number for c in similar.search(session, admin, CLOSEST)]
    assert shanghai == [made["shanghai"][1]]
    assert partner == [made["partner"][1]]
    assert made["partner"][1] not in beijing and made["shanghai"][1] not in beijing
    assert made["partner"][1] in subtree and made["shanghai"][1] not in subtree  # the branch's subtree
    assert {made["shanghai"][1], made["closest"][1]} <= set(everywhere)  # HQ sees all


def test_a_reopened_ticket_leaves_the_index_and_reindex_rebuilds_the_same(ctx, cases):
    hotline, made = cases
    actor = hotline["BJ"]
    with ctx.transaction() as session:
        service.reopen(session, actor, made["closest"][0], "客户反馈故障复现", hook=ctx.hook)
        index_ticket(session, made["closest"][0])
    with ctx.reading() as session:
        assert made["closest"][1] not in [c.number for c in similar.search(session, actor, CLOSEST)]
        before = [(c.number, round(c.score, 6)) for c in similar.search(session, actor, PARTIAL)]
    with ctx.transaction() as session:
        assert reindex(session) == 16  # 17 resolved, one reopened
    with ctx.reading() as session:
        assert [(c.number, round(c.score, 6)) for c in similar.search(session, actor, PARTIAL)] == before


def test_searching_needs_the_view_permission(ctx, cases, make_actor):
    trainer = make_actor(ctx, "tr@BJ", roles=["trainer"])
    assert similar.VIEW == service.VIEW
    with ctx.reading() as session, pytest.raises(PermissionDenied):
        similar.search(session, trainer, CLOSEST)


def test_tokens_keep_words_and_models_and_drop_hotline_filler():
    words = similar.tokens("客户来电反映I620-G30服务器内存条报ECC错误")
    assert "i620-g30" in words and "内存条" in words and "服务器" in words
    assert "客户" not in words and "来电" not in words


def test_vocabulary_is_deterministic_large_and_zipf_like():
    first, second = random.Random(5), random.Random(5)
    assert [vocabulary.record(first) for _ in range(50)] == [vocabulary.record(second) for _ in range(50)]
    assert len(vocabulary.terms()) >= 2000
    rng = random.Random(11)
    counts = {}
    for _ in range(3000):
        for word in similar.tokens(vocabulary.symptom(rng)):
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    assert len(ranked) > 1500  # a long tail of models, part specifications, codes
    assert ranked[0] > 20 * ranked[len(ranked) // 2]  # a few very common words
    record = vocabulary.record(random.Random(3))
    assert record.model in record.symptom and record.resolution.endswith("。")
