"""The inspection checklists every network starts with: one per product line the installed base
knows, built from the points all machines share and those of the line. HQ edits them from there."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ItemSpec:
    """A checklist item as HQ writes it: a point to check, or a value to measure in ``unit``
    (optionally with the range it should lie in)."""

    text: str
    kind: str = "check"
    unit: str = ""
    expected_min: Decimal | None = None
    expected_max: Decimal | None = None


def measure(text: str, unit: str, low: str | None = None, high: str | None = None) -> ItemSpec:
    return ItemSpec(text, "measure", unit, None if low is None else Decimal(low),
                    None if high is None else Decimal(high))


POWER = ItemSpec("电源模块冗余状态（双路供电、模块指示灯）")
FANS = ItemSpec("风扇运行状态及转速告警")
DISKS = ItemSpec("硬盘 SMART 状态及 RAID 阵列状态")
FIRMWARE = ItemSpec("BIOS / BMC / 固件版本核对（与推荐版本比较）")
INLET = measure("机箱进风口温度", "°C", "18", "27")
EVENT_LOG = ItemSpec("系统事件日志（SEL）及操作系统日志检查")
BACKUP = ItemSpec("数据备份检查（最近一次备份成功、可恢复）")
LIGHTS = ItemSpec("前面板指示灯及告警状态")
CABLING = ItemSpec("线缆、光纤连接及标签检查")

SERVER = (POWER, FANS, DISKS, FIRMWARE, INLET, EVENT_LOG, BACKUP)

DEFAULT_CHECKLISTS: dict[str, tuple[ItemSpec, ...]] = {
    "机架式服务器": (*SERVER, ItemSpec("内存 ECC 纠错计数检查"), measure("CPU 温度", "°C", "30", "85")),
    "塔式服务器": (*SERVER, ItemSpec("机箱防尘网清洁")),
    "刀片服务器": (*SERVER, ItemSpec("机箱管理模块（CMM）主备状态"), ItemSpec("交换模块及上联链路状态")),
    "存储": (POWER, FANS, DISKS, FIRMWARE, INLET, EVENT_LOG, ItemSpec("控制器状态及缓存电池"),
             ItemSpec("多路径链路状态"), measure("存储池容量使用率", "%", "0", "80"), BACKUP),
    "工作站": (POWER, FANS, DISKS, FIRMWARE, EVENT_LOG, ItemSpec("显卡状态及驱动版本"), BACKUP),
    "高性能计算": (*SERVER, measure("计算节点在线率", "%", "95", "100"), ItemSpec("高速网络（InfiniBand）链路状态"),
               ItemSpec("作业调度系统运行状态")),
    "超融合一体机": (*SERVER, ItemSpec("集群健康状态及节点心跳"), measure("集群存储容量使用率", "%", "0", "75")),
    "网络设备": (POWER, FANS, FIRMWARE, INLET, EVENT_LOG, ItemSpec("端口错误包及 CRC 计数"),
             measure("设备 CPU 利用率", "%", "0", "70"), ItemSpec("配置文件备份"), CABLING),
    "云计算平台": (FIRMWARE, EVENT_LOG, ItemSpec("虚拟化平台告警及服务状态"),
              measure("资源池 CPU 使用率", "%", "0", "80"), measure("资源池内存使用率", "%", "0", "85"), BACKUP),
    "备份一体机": (POWER, FANS, DISKS, FIRMWARE, INLET, EVENT_LOG, measure("备份任务成功率", "%", "95", "100"),
              ItemSpec("磁带 / 介质状态及保留策略"), BACKUP),
}
