"""A Chinese vocabulary of server after-sales work, and hotline records composed from it.

Demo data and benchmarks need symptoms and resolutions that read like real 400/800 hotline
records and whose words are distributed like real text: a few very common words (客户, 服务器,
硬盘, 告警) and a long tail of models, part specifications, error codes and contexts. Every list
below is ordered from common to rare and drawn with Zipf weights, so word frequencies follow a
power law. Everything is deterministic for a given ``random.Random``. No Qt, no database.

Public functions (all take the caller's ``rng: random.Random``):

- ``product_line(rng) -> str``                 e.g. "机架式服务器"
- ``model(rng, line=None) -> str``             a model of that line, e.g. "I620-G30"
- ``component(rng, line=None) -> str``         a part with its specification, e.g. "32GB DDR4内存条"
- ``symptom(rng, line=None, model_name=None) -> str``   one hotline symptom description
- ``resolution(rng, symptom_text) -> str``     how such a case was resolved (fits the symptom's part)
- ``record(rng, line=None, model_name=None) -> HotlineRecord``  line, model (the asset's if given),
  component, symptom and resolution at once
- ``terms() -> set[str]``                      every base term (for tests: thousands of them)
"""

from __future__ import annotations

import random
import re
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate

# --------------------------------------------------------------------------- product lines, models

# line -> model series; each series comes in several generations (suffixes) -> hundreds of models.
LINES: dict[str, tuple[list[str], list[str]]] = {
    "机架式服务器": (["I620", "I640", "I840", "I980", "A620r", "A840r", "R520", "R620", "R720", "S620", "X785",
                  "I420", "A420r", "R4230", "R6240", "I8480"], ["G30", "G25", "G20", "G35", "G10", "H", "G40", "T", "F"]),
    "存储": (["DS600", "DS800", "DS6000", "ParaStor300", "ParaStor200", "DS900", "XStor1000", "NAS3000",
            "DS3300", "DS5800"], ["G35", "G30", "G25", "F", "H", "G20", "S"]),
    "刀片服务器": (["TC4600", "TC6600", "CB60", "CB85", "CB65", "TC4600E", "CB720"], ["G16", "G15", "G20", "H", "LP", "E"]),
    "工作站": (["W330", "W560", "W580", "W760", "T560", "W330T"], ["H", "G30", "G20", "G10", "P"]),
    "高性能计算": (["TC5600", "HPC8000", "CX50", "CX80", "GPU4000", "TC9000"], ["G30", "G25", "LP", "H", "X", "N"]),
    "塔式服务器": (["I200", "I210", "I450", "A450t", "T330"], ["G10", "G20", "G30", "T", "H"]),
    "超融合一体机": (["HCI1000", "HCI2000", "HCI3000", "CloudBox300"], ["G20", "G30", "E", "H"]),
    "网络设备": (["SW5300", "SW6800", "FW3000", "LB2000", "SW7600"], ["24T", "48T", "48X", "32C", "F"]),
    "云计算平台": (["CloudView", "CloudStack-V", "VirtualCenter"], ["V2", "V3", "V5", "V6"]),
    "备份一体机": (["BK3000", "BK6000", "VTL200"], ["G20", "G30", "E"]),
    "国产化服务器": (["H620", "H840", "K620", "F620", "FT2000"], ["G30", "G50", "K", "P"]),
}

# ------------------------------------------------------------------------------ components (kind)

# kind -> (part names common first, specification prefixes)
PARTS: dict[str, tuple[list[str], list[str]]] = {
    "disk": (["硬盘", "SAS硬盘", "SATA硬盘", "SSD固态盘", "NVMe盘", "系统盘", "数据盘", "热备盘", "M.2启动盘"],
             ["600GB 10K", "1.2TB 10K", "2.4TB 10K", "4TB 7.2K", "8TB 7.2K", "960GB", "1.92TB", "3.84TB", "300GB 15K",
              "12TB 7.2K", "480GB", "16TB 7.2K", "900GB 15K", "7.68TB", "240GB", "2TB 7.2K", "6TB 7.2K", "18TB 7.2K"]),
    "memory": (["内存条", "内存", "内存插槽", "内存模组"],
               ["32GB DDR4", "16GB DDR4", "64GB DDR4", "8GB DDR4", "32GB DDR5", "64GB DDR5", "128GB DDR4",
                "16GB DDR3", "8GB DDR3", "2933MHz", "3200MHz", "2666MHz", "4800MHz", "2400MHz", "RDIMM", "LRDIMM"]),
    "power": (["电源模块", "电源", "冗余电源", "电源线", "PDU", "电源背板"],
              ["800W", "550W", "1600W", "1200W", "2000W", "495W", "750W", "2200W", "920W", "铂金", "钛金", "-48V直流"]),
    "fan": (["风扇", "风扇模块", "系统风扇", "CPU风扇", "风扇板", "散热器", "导风罩"],
            ["6038", "8056", "4056", "热插拔", "双转子", "1号", "2号", "3号", "4号", "5号", "6号"]),
    "raid": (["RAID卡", "阵列卡", "RAID卡电池", "超级电容", "HBA卡", "阵列控制器", "缓存模块", "BBU电池"],
             ["9361-8i", "9460-16i", "9560-8i", "PM8060", "PM8204", "3108", "9440-8i", "1GB缓存", "2GB缓存",
              "4GB缓存", "8i", "16i", "SAS3008", "9300-8e"]),
    "backplane": (["硬盘背板", "背板", "SAS线缆", "背板线缆", "Expander板", "NVMe背板", "硬盘笼"],
                  ["12盘位", "8盘位", "25盘位", "4盘位", "24盘位", "后置2盘位", "mini-SAS HD", "SlimSAS"]),
    "board": (["主板", "Riser卡", "PCIe转接卡", "主板电池", "南桥芯片", "CPU插座", "TPM模块", "前面板", "IO板"],
              ["双路", "四路", "单路", "PCIe 3.0", "PCIe 4.0", "x16", "x8", "CR2032", "2U", "1U"]),
    "cpu": (["CPU", "处理器", "CPU散热器"],
            ["至强金牌6248", "至强银牌4210", "至强金牌5218", "至强铂金8280", "海光7285", "海光5280", "鲲鹏920",
             "飞腾FT-2000+", "至强E5-2650 v4", "至强E5-2680 v4", "至强金牌6330", "至强银牌4314", "EPYC 7452"]),
    "bmc": (["BMC", "管理口", "BMC模块", "IPMI", "KVM模块", "管理模块", "带外管理"],
            ["Web界面", "SOL", "专用管理口", "共享网口", "固件", "iBMC", "Redfish"]),
    "nic": (["网卡", "万兆网卡", "光纤通道卡", "千兆网卡", "网口", "InfiniBand卡", "25G网卡", "OCP网卡"],
            ["X710", "X540", "I350", "82599", "ConnectX-4", "ConnectX-5", "BCM57414", "QLE2692", "LPe31002",
             "双口", "四口", "单口", "Mellanox", "Intel", "Broadcom"]),
    "optic": (["光模块", "光纤", "光纤跳线", "SFP+模块", "QSFP模块"],
              ["10G多模", "25G多模", "10G单模", "40G", "100G", "16G FC", "32G FC", "LC-LC", "8G FC"]),
    "gpu": (["GPU卡", "显卡", "加速卡", "GPU转接板"], ["A100", "V100", "T4", "A40", "P4", "RTX A4000", "A30", "MLU270"]),
    "controller": (["存储控制器", "控制器", "扩展柜", "磁盘柜", "级联线", "主机接口卡", "仲裁盘"],
                   ["A控", "B控", "双控", "SP-A", "SP-B", "12G SAS", "16G FC", "iSCSI"]),
    "chassis": (["刀片机箱", "中板", "交换模块", "管理板", "机箱", "导轨", "液晶面板", "机柜"],
                ["10U", "6U", "4U", "1号槽", "2号槽", "前置", "后置"]),
    "system": (["操作系统", "系统", "虚拟机", "集群", "业务系统", "文件系统", "数据库", "存储卷", "LUN", "双机热备"],
               ["CentOS 7.6", "Windows Server 2019", "VMware ESXi 6.7", "麒麟V10", "统信UOS V20", "Red Hat 7.9",
                "Windows Server 2016", "SUSE 12", "Ubuntu 20.04", "VMware ESXi 7.0", "中标麒麟7.0", "CentOS 8.2",
                "Oracle RAC", "Hyper-V", "Windows Server 2012 R2", "Red Hat 8.4", "欧拉openEuler 20.03"]),
}
# kinds any server line has; "controller" (storage) and "chassis" (blades) come only through _LINE_KINDS
KIND_ORDER = ["disk", "memory", "power", "system", "fan", "raid", "board", "bmc", "nic", "backplane", "cpu",
              "optic", "gpu"]

FAULTS: dict[str, list[str]] = {
    "disk": ["掉盘", "指示灯亮红灯", "无法识别", "报预警", "出现坏道", "SMART告警", "读写缓慢", "离线", "状态显示Failed",
             "频繁重建", "介质错误", "异响", "状态为Foreign", "被踢出阵列", "寿命告警"],
    "memory": ["报ECC错误", "无法识别", "容量显示不全", "报不可纠正错误", "自检报错", "导致系统宕机", "告警灯亮",
               "频率降低", "被BIOS屏蔽", "报多位错误"],
    "power": ["告警", "指示灯不亮", "输入丢失", "无输出", "冗余丢失", "烧毁", "频繁掉电", "过温告警", "风扇异响",
              "状态异常"],
    "fan": ["异响", "转速异常", "停转", "告警", "转速过高", "不在位", "噪音大", "被识别为故障"],
    "raid": ["无法识别", "报错", "缓存丢失", "电池失效", "阵列降级", "配置丢失", "固件异常", "写策略变为直写",
             "阵列离线", "初始化失败", "超级电容告警", "出现PD丢失"],
    "backplane": ["无法识别硬盘", "指示灯异常", "供电异常", "部分槽位不识别", "接触不良", "线缆松动"],
    "board": ["无法开机", "自检不过", "无法识别PCIe设备", "报电压异常", "时间丢失", "CMOS电池电量低", "短路烧毁",
              "POST卡死", "报TPM错误"],
    "cpu": ["过热", "报IERR错误", "降频", "报MCE错误", "无法识别", "核心数显示不全", "报CATERR", "温度告警"],
    "bmc": ["无法登录", "无法访问", "管理口不通", "传感器读数异常", "日志满", "KVM无法打开", "固件异常", "频繁重启",
            "时间不同步", "告警无法清除"],
    "nic": ["链路中断", "丢包", "无法识别", "速率协商异常", "驱动报错", "频繁up/down", "网口灯不亮", "绑定失效",
            "吞吐量低", "端口down"],
    "optic": ["链路中断", "光功率过低", "无法识别", "误码率高", "端口不亮", "CRC错误增多"],
    "gpu": ["无法识别", "掉卡", "温度过高", "报Xid错误", "显存报错", "性能下降", "驱动加载失败"],
    "controller": ["单控宕机", "双控切换", "链路中断", "缓存镜像失败", "报硬件错误", "无法管理", "扩展柜离线",
                   "主机无法识别LUN", "性能下降"],
    "chassis": ["告警灯亮", "模块无法识别", "供电异常", "管理板无法登录", "风扇全速", "刀片无法上电"],
    "system": ["宕机", "蓝屏", "重启", "无法启动", "卡死", "响应缓慢", "文件系统只读", "启动失败", "频繁死机",
               "挂起", "内核崩溃", "无法安装", "时间漂移", "性能下降", "I/O超时", "服务中断"],
}

OPENINGS = ["客户来电反映", "用户报修", "客户反映", "客户来电称", "用户邮件反馈", "客户传真报修", "用户来电",
            "客户通过400热线报修", "代理商转报", "客户IT运维人员反映", "用户通过800热线报修", "现场值守人员反映"]
CONTEXTS = ["", "", "", "断电恢复后", "重启后", "升级BIOS后", "机房搬迁后", "高负载运行时", "夜间备份期间",
            "升级固件后", "开机自检时", "扩容内存后", "更换硬盘后", "安装操作系统时", "机房空调故障后", "连续运行三个月后",
            "每天凌晨", "业务高峰期", "打补丁后", "雷雨天气后", "新上架后", "数据库批量作业时", "虚拟机迁移时",
            "UPS切换后", "机房停电检修后", "安装驱动后", "扩容硬盘后", "修改BIOS设置后", "加电时", "长时间压力测试中",
            "系统升级后", "更换主板后", "网络割接后", "冷启动时", "机柜调整后", "周末无人值守期间"]
LIGHTS = ["前面板告警灯亮橙色", "系统健康灯闪红", "硬盘指示灯闪红", "电源指示灯亮黄色", "UID灯常亮", "故障灯常亮",
          "面板液晶屏显示报错", "网口指示灯不亮", "蜂鸣器持续报警", "风扇指示灯亮红"]
LOGS = ["BMC日志提示", "系统日志报", "dmesg出现", "事件日志记录", "阵列卡日志显示", "SEL日志显示", "存储管理界面提示",
        "vCenter告警显示", "Windows事件查看器报", "messages日志报"]
LOG_MESSAGES = ["Uncorrectable ECC", "PCIe Bus Error", "I/O error", "Power Supply AC lost", "Fan Fail",
                "Drive Fault", "Machine Check Exception", "Link Down", "Temperature Critical", "Correctable ECC",
                "SAS link degraded", "CATERR", "PSOD", "Kernel panic", "Watchdog Timeout", "Predictive Failure",
                "Battery Failed", "Voltage Low", "Hung task", "Call Trace"]
IMPACTS = ["", "", "业务中断", "影响生产系统", "客户要求尽快处理", "目前单电源运行", "阵列降级运行", "性能明显下降",
           "数据库无法访问", "虚拟机全部停止", "影响营业网点业务", "客户要求今天到场", "暂未影响业务", "集群作业中断",
           "客户已临时切换到备机", "影响医院HIS系统", "客户较为着急", "报表系统无法使用"]

# -------------------------------------------------------------------------------- resolutions

DIAGNOSES = ["远程诊断", "收集日志分析", "工程师现场检查", "远程登录查看", "指导客户收集BMC日志后分析",
             "专家门诊会诊", "现场排查", "交叉测试"]
FINDINGS = ["确认{part}故障", "判断为{part}接触不良", "确认{part}硬件损坏", "分析为{part}固件缺陷",
            "确认为{part}老化", "发现{part}松动", "定位为{part}兼容性问题", "确认{part}已达使用寿命"]
ACTIONS: dict[str, list[str]] = {
    "disk": ["更换{part}", "更换{part}后重建阵列", "将{part}重新插拔后重建阵列", "升级硬盘固件", "更换{part}并设置为热备盘"],
    "memory": ["更换{part}", "重新插拔{part}", "清理内存金手指后重新安装", "调换内存插槽交叉验证后更换{part}"],
    "power": ["更换{part}", "重新插拔{part}", "更换电源线并调整供电线路", "更换{part}并检查PDU供电"],
    "fan": ["更换{part}", "清理风扇灰尘", "重新插拔{part}", "升级BMC固件调整风扇策略"],
    "raid": ["更换{part}", "升级RAID卡固件", "导入外部配置恢复阵列", "更换RAID卡电池", "重新配置RAID并恢复数据",
             "更换超级电容"],
    "backplane": ["更换{part}", "重新连接背板线缆", "更换SAS线缆", "重新插拔背板电源线"],
    "board": ["更换{part}", "更换主板", "更换主板电池并重新设置BIOS时间", "清除CMOS后恢复默认设置", "重新插拔Riser卡"],
    "cpu": ["更换{part}", "重新涂抹导热硅脂", "更换CPU散热器", "更新BIOS微码"],
    "bmc": ["升级BMC固件", "重置BMC", "清空SEL日志", "重新配置管理网络", "更换BMC模块"],
    "nic": ["更换{part}", "更新网卡驱动", "升级网卡固件", "更换网线", "重新配置网卡绑定"],
    "optic": ["更换{part}", "清洁光纤接头", "更换光纤跳线", "更换{part}并清洁接头"],
    "gpu": ["更换{part}", "更新GPU驱动", "重新插拔{part}", "调整散热策略"],
    "controller": ["更换{part}", "升级存储微码", "重新连接级联线", "重启控制器完成切换"],
    "chassis": ["更换{part}", "重新插拔{part}", "升级管理板固件", "更换交换模块"],
    "system": ["重装操作系统", "安装厂商补丁", "调整内核参数", "更新驱动程序", "升级BIOS", "修复文件系统",
               "恢复系统配置", "重建引导分区", "更新固件包"],
}
VERIFICATIONS = ["设备恢复正常", "告警消除", "客户确认业务恢复", "压力测试24小时无异常", "阵列重建完成，状态正常",
                 "观察一周未再复现", "系统运行稳定", "业务恢复正常", "链路恢复", "客户确认问题解决"]


# ------------------------------------------------------------------------------------ drawing

class _Zipf:
    """Draw from ``items`` (most common first) with weight 1 / rank ** exponent."""

    __slots__ = ("items", "cumulative", "total")

    def __init__(self, items, exponent: float = 1.0):
        self.items = list(items)
        self.cumulative = list(accumulate(1.0 / (rank ** exponent) for rank in range(1, len(self.items) + 1)))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


def _models_of(line: str) -> list[str]:
    series, suffixes = LINES[line]
    # interleave so the first entries (the most common models) span several series
    return [f"{s}-{g}" for g in suffixes for s in series]


_LINE = _Zipf(LINES, 1.1)
_MODELS = {line: _Zipf(_models_of(line), 1.0) for line in LINES}
_KIND = _Zipf(KIND_ORDER, 0.9)
_PART_NAME = {kind: _Zipf(names, 1.2) for kind, (names, _) in PARTS.items()}
_PART_SPEC = {kind: _Zipf(specs, 1.0) for kind, (_, specs) in PARTS.items()}
_FAULT = {kind: _Zipf(faults, 1.0) for kind, faults in FAULTS.items()}
_ACTION = {kind: _Zipf(actions, 1.0) for kind, actions in ACTIONS.items()}
_OPENING, _CONTEXT, _LIGHT, _LOG, _LOG_MESSAGE, _IMPACT = (
    _Zipf(OPENINGS), _Zipf(CONTEXTS, 0.8), _Zipf(LIGHTS), _Zipf(LOGS), _Zipf(LOG_MESSAGES), _Zipf(IMPACTS, 0.8))
_DIAGNOSIS, _FINDING, _VERIFICATION = _Zipf(DIAGNOSES), _Zipf(FINDINGS), _Zipf(VERIFICATIONS)
# storage-heavy lines have storage-specific parts more often
_LINE_KINDS = {"存储": ["disk", "controller", "raid", "backplane", "power", "optic", "system", "fan"],
               "网络设备": ["nic", "optic", "power", "fan", "system", "board"],
               "云计算平台": ["system", "nic", "disk", "memory"],
               "刀片服务器": ["chassis", "memory", "disk", "power", "board", "nic", "system", "fan", "cpu", "bmc"],
               "高性能计算": ["system", "memory", "gpu", "nic", "disk", "cpu", "power", "fan", "board", "optic"]}
_LINE_KIND = {line: _Zipf(kinds, 0.8) for line, kinds in _LINE_KINDS.items()}
_PART_PATTERN = re.compile("|".join(sorted({re.escape(n) for names, _ in PARTS.values() for n in names},
                                           key=len, reverse=True)))
_KIND_OF_PART = {name: kind for kind, (names, _) in PARTS.items() for name in names}


def product_line(rng: random.Random) -> str:
    return _LINE(rng)


def model(rng: random.Random, line: str | None = None) -> str:
    return _MODELS[line if line in _MODELS else product_line(rng)](rng)


def _kind(rng: random.Random, line: str | None) -> str:
    picker = _LINE_KIND.get(line or "")
    return picker(rng) if picker is not None and rng.random() < 0.7 else _KIND(rng)


def _part(rng: random.Random, kind: str) -> str:
    name = _PART_NAME[kind](rng)
    if rng.random() < 0.45:
        spec = _PART_SPEC[kind](rng)
        return f"{spec} {name}" if spec[-1].isascii() and spec[-1].isalnum() else f"{spec}{name}"
    return name


def component(rng: random.Random, line: str | None = None) -> str:
    return _part(rng, _kind(rng, line))


_DETAILS = (
    lambda rng: _LIGHT(rng),
    lambda rng: f"{_LOG(rng)}{_LOG_MESSAGE(rng)}",
    lambda rng: f"错误代码0x{rng.randrange(16 ** 4):04X}",
    lambda rng: f"槽位{rng.randrange(0, 24)}报故障",
)
_DETAIL_KIND = _Zipf(range(len(_DETAILS)), 0.6)


def _details(rng: random.Random) -> list[str]:
    """Nothing, one or two observations of different kinds (a light, a log line, a code, a slot)."""
    count = 0 if rng.random() < 0.15 else (2 if rng.random() < 0.3 else 1)
    kinds = {_DETAIL_KIND(rng) for _ in range(count)}
    return [_DETAILS[k](rng) for k in sorted(kinds)]


def _symptom(rng: random.Random, line: str, model_name: str, kind: str, part: str) -> str:
    context = _CONTEXT(rng)
    where = f"{model_name}{line}" if rng.random() < 0.8 else model_name
    fault = _FAULT[kind](rng)
    if kind == "system" and rng.random() < 0.5:
        head = fault
    else:
        head = f"{part} {fault}" if part[-1].isascii() and fault[0].isascii() else f"{part}{fault}"
    clauses = [f"{_OPENING(rng)}{where}{context}{head}", *_details(rng), _IMPACT(rng)]
    return "，".join(c for c in clauses if c) + "。"


@dataclass(frozen=True)
class HotlineRecord:
    product_line: str
    model: str
    component: str
    symptom: str
    resolution: str


def record(rng: random.Random, line: str | None = None, model_name: str | None = None) -> HotlineRecord:
    line = line if line in LINES else product_line(rng)
    model_name = model_name or model(rng, line)
    kind = _kind(rng, line)
    part = _part(rng, kind)
    text = _symptom(rng, line, model_name, kind, part)
    return HotlineRecord(line, model_name, part, text, _resolution(rng, kind, part))


def symptom(rng: random.Random, line: str | None = None, model_name: str | None = None) -> str:
    line = line if line in LINES else product_line(rng)
    kind = _kind(rng, line)
    return _symptom(rng, line, model_name or model(rng, line), kind, _part(rng, kind))


def _resolution(rng: random.Random, kind: str, part: str) -> str:
    name = _PART_PATTERN.search(part)
    short = name.group(0) if name else part
    finding = _FINDING(rng).format(part=short)
    action = _ACTION[kind](rng).format(part=part)
    return f"{_DIAGNOSIS(rng)}，{finding}，{action}，{_VERIFICATION(rng)}。"


def resolution(rng: random.Random, symptom_text: str) -> str:
    """A resolution for the part named in ``symptom_text`` (the system as a whole if none is)."""
    found = _PART_PATTERN.search(symptom_text)
    kind = _KIND_OF_PART[found.group(0)] if found else "system"
    return _resolution(rng, kind, found.group(0) if found else "系统")


def terms() -> set[str]:
    """Every base term the generator combines (models and part specifications included)."""
    found: set[str] = set(LINES)
    for line in LINES:
        found.update(_models_of(line))
    for kind, (names, specs) in PARTS.items():
        found.update(names)
        found.update(specs)
        found.update(f"{spec}{name}" for spec in specs for name in names)
    for group in (FAULTS, ACTIONS):
        for items in group.values():
            found.update(items)
    for items in (OPENINGS, CONTEXTS, LIGHTS, LOGS, LOG_MESSAGES, IMPACTS, DIAGNOSES, FINDINGS, VERIFICATIONS):
        found.update(item for item in items if item)
    return found
