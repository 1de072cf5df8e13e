"""Names for demo customers: real-sounding institutions of real cities, drawn so that a few
cities and kinds are common and the rest form a long tail. Deterministic for a given rng."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate

CITIES = ["北京", "上海", "广州", "深圳", "成都", "武汉", "西安", "南京", "杭州", "重庆", "天津", "沈阳", "济南",
          "郑州", "长沙", "昆明", "哈尔滨", "福州", "南宁", "兰州", "太原", "合肥", "南昌", "贵阳", "青岛", "大连",
          "宁波", "厦门", "苏州", "无锡", "佛山", "东莞", "石家庄", "乌鲁木齐", "呼和浩特", "银川", "西宁", "海口"]
ORG_KINDS = ["银行", "证券", "市第一人民医院", "市第三人民医院", "电力公司", "气象局", "大学", "税务局", "移动公司",
             "电视台", "市政府信息中心", "保险公司", "石油分公司", "地铁运营公司", "中心医院", "疾控中心", "公安局",
             "研究所", "钢铁集团", "物流公司", "燃气集团", "水务集团", "烟草公司", "航空公司", "超算中心"]
STREETS = ["中山路", "人民路", "解放路", "建设路", "和平路", "新华路", "文化路", "长江路", "黄河路", "科技路", "学府路", "滨江大道"]
DEPARTMENTS = ["信息科", "网络中心", "运维部", "数据中心", "信息技术部"]
HOME_SHARE = 0.7  # most customers of a unit are in the unit's own city; the rest are accounts elsewhere


class _Zipf:
    """Draw from ``items`` (most common first) with weight 1 / rank ** exponent."""

    def __init__(self, items, exponent: float):
        self.items = list(items)
        self.cumulative = list(accumulate(1.0 / (rank ** exponent) for rank in range(1, len(self.items) + 1)))

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_CITY, _KIND = _Zipf(CITIES, 0.8), _Zipf(ORG_KINDS, 0.7)


def city_for(rng: random.Random, home: str) -> str:
    """Where a customer of a unit in ``home`` is: mostly there, sometimes anywhere in the country."""
    return home if home and rng.random() < HOME_SHARE else _CITY(rng)


def customer_name(rng: random.Random, city: str | None = None) -> str:
    """An institution of ``city`` (drawn when not given), e.g. "成都市第三人民医院"."""
    city, kind = city or _CITY(rng), _KIND(rng)
    return f"{city}{kind}" if kind.startswith("市") or rng.random() < 0.7 else f"{city}{kind}{rng.choice('一二三四五')}分部"


def address(rng: random.Random, city: str) -> str:
    return f"{city}市{rng.choice(STREETS)}{rng.randrange(1, 999)}号"


def person(rng: random.Random) -> str:
    from app.demo import GIVEN, SURNAMES  # the staff's names come from the same pool

    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def contact_person(rng: random.Random) -> str:
    """A named contact with the department they work in, e.g. "王磊（信息科）"."""
    return f"{person(rng)}（{rng.choice(DEPARTMENTS)}）"


def mobile(rng: random.Random) -> str:
    return f"1{rng.randrange(3, 9)}{rng.randrange(10**9):09d}"
