"""Demo catalog: server spare parts as a vendor's service network stocks them.

(part number, Chinese name, English name, product lines, FRU/CRU, unit cost, serialised, popularity)
"""

from decimal import Decimal

RACK, BLADE, STORAGE, GPU = "机架服务器", "刀片服务器", "存储系统", "GPU服务器"

PARTS = [
    ("CPU-8358", "英特尔至强金牌 8358 处理器", "Intel Xeon Gold 8358 CPU", f"{RACK},{BLADE}", "FRU", "18500.00", True, 2),
    ("CPU-6330", "英特尔至强金牌 6330 处理器", "Intel Xeon Gold 6330 CPU", f"{RACK},{BLADE}", "FRU", "12800.00", True, 3),
    ("CPU-4314", "英特尔至强银牌 4314 处理器", "Intel Xeon Silver 4314 CPU", RACK, "FRU", "5600.00", True, 3),
    ("CPU-7543", "AMD EPYC 7543 处理器", "AMD EPYC 7543 CPU", RACK, "FRU", "16800.00", True, 1),
    ("DIMM-16G-D4", "16GB DDR4-3200 RDIMM 内存条", "16GB DDR4-3200 RDIMM", f"{RACK},{BLADE}", "CRU", "680.00", False, 14),
    ("DIMM-32G-D4", "32GB DDR4-3200 RDIMM 内存条", "32GB DDR4-3200 RDIMM", f"{RACK},{BLADE},{GPU}", "CRU", "1280.00", False, 18),
    ("DIMM-64G-D4", "64GB DDR4-3200 RDIMM 内存条", "64GB DDR4-3200 RDIMM", f"{RACK},{GPU}", "CRU", "2650.00", False, 8),
    ("DIMM-32G-D5", "32GB DDR5-4800 RDIMM 内存条", "32GB DDR5-4800 RDIMM", RACK, "CRU", "1580.00", False, 6),
    ("HDD-SAS-1T2", "1.2TB 10K SAS 硬盘", "1.2TB 10K SAS HDD", f"{RACK},{STORAGE}", "CRU", "980.00", True, 16),
    ("HDD-SAS-2T4", "2.4TB 10K SAS 硬盘", "2.4TB 10K SAS HDD", f"{RACK},{STORAGE}", "CRU", "1650.00", True, 12),
    ("HDD-SATA-4T", "4TB 7.2K SATA 硬盘", "4TB 7.2K SATA HDD", STORAGE, "CRU", "860.00", True, 10),
    ("HDD-SATA-8T", "8TB 7.2K SATA 硬盘", "8TB 7.2K SATA HDD", STORAGE, "CRU", "1450.00", True, 8),
    ("SSD-SATA-480", "480GB SATA 固态硬盘", "480GB SATA SSD", f"{RACK},{BLADE}", "CRU", "620.00", True, 10),
    ("SSD-SATA-960", "960GB SATA 固态硬盘", "960GB SATA SSD", f"{RACK},{STORAGE}", "CRU", "1080.00", True, 9),
    ("SSD-NVME-1T9", "1.92TB NVMe 固态硬盘", "1.92TB NVMe SSD", f"{RACK},{GPU}", "CRU", "2380.00", True, 7),
    ("SSD-NVME-3T8", "3.84TB NVMe 固态硬盘", "3.84TB NVMe SSD", f"{RACK},{STORAGE}", "CRU", "4200.00", True, 4),
    ("PSU-550W", "550W 铂金电源模块", "550W Platinum PSU", RACK, "CRU", "890.00", True, 9),
    ("PSU-800W", "800W 铂金电源模块", "800W Platinum PSU", RACK, "CRU", "1180.00", True, 11),
    ("PSU-1600W", "1600W 钛金电源模块", "1600W Titanium PSU", f"{RACK},{GPU}", "CRU", "2100.00", True, 5),
    ("PSU-BLADE-3K", "3000W 刀片机箱电源", "3000W blade chassis PSU", BLADE, "CRU", "3600.00", True, 2),
    ("FAN-6038", "6038 热插拔系统风扇", "6038 hot-swap fan", RACK, "CRU", "260.00", False, 12),
    ("FAN-8056", "8056 热插拔系统风扇", "8056 hot-swap fan", f"{RACK},{GPU}", "CRU", "380.00", False, 8),
    ("FAN-BLADE", "刀片机箱风扇模块", "Blade chassis fan module", BLADE, "CRU", "720.00", False, 3),
    ("RAID-9361", "RAID 卡 9361-8i 2GB 缓存", "RAID controller 9361-8i 2GB", RACK, "FRU", "3200.00", True, 5),
    ("RAID-9460", "RAID 卡 9460-8i 4GB 缓存", "RAID controller 9460-8i 4GB", f"{RACK},{STORAGE}", "FRU", "4600.00", True, 4),
    ("RAID-BBU", "RAID 卡超级电容", "RAID supercapacitor", RACK, "CRU", "420.00", False, 6),
    ("HBA-9400", "HBA 卡 9400-8e", "HBA 9400-8e", STORAGE, "FRU", "2300.00", True, 3),
    ("NIC-1G-4P", "千兆四口网卡", "1GbE 4-port NIC", RACK, "CRU", "650.00", True, 6),
    ("NIC-10G-2P", "万兆双口光纤网卡", "10GbE 2-port SFP+ NIC", f"{RACK},{BLADE}", "CRU", "1450.00", True, 7),
    ("NIC-25G-2P", "25G 双口光纤网卡", "25GbE 2-port SFP28 NIC", f"{RACK},{GPU}", "CRU", "2600.00", True, 4),
    ("HCA-100G", "100G InfiniBand 网卡", "100G InfiniBand HCA", GPU, "FRU", "7800.00", True, 1),
    ("SFP-10G-SR", "万兆多模光模块", "10G SR SFP+ transceiver", f"{RACK},{STORAGE}", "CRU", "180.00", False, 10),
    ("SFP-25G-SR", "25G 多模光模块", "25G SR SFP28 transceiver", RACK, "CRU", "320.00", False, 5),
    ("MB-2U-G3", "2U 双路服务器主板（第三代）", "2U 2-socket mainboard gen 3", RACK, "FRU", "8600.00", True, 3),
    ("MB-1U-G3", "1U 双路服务器主板（第三代）", "1U 2-socket mainboard gen 3", RACK, "FRU", "7900.00", True, 2),
    ("MB-BLADE", "刀片服务器主板", "Blade server mainboard", BLADE, "FRU", "9800.00", True, 1),
    ("MB-GPU-4U", "4U GPU 服务器主板", "4U GPU server mainboard", GPU, "FRU", "15600.00", True, 1),
    ("BP-12LFF", "12 盘位 3.5 寸硬盘背板", "12-bay LFF backplane", f"{RACK},{STORAGE}", "FRU", "1900.00", True, 2),
    ("BP-8SFF", "8 盘位 2.5 寸硬盘背板", "8-bay SFF backplane", RACK, "FRU", "1300.00", True, 2),
    ("RISER-2U", "2U PCIe 扩展转接卡", "2U PCIe riser card", RACK, "CRU", "560.00", False, 4),
    ("BMC-MOD", "BMC 管理模块", "BMC management module", f"{RACK},{BLADE}", "FRU", "1600.00", True, 2),
    ("GPU-A30", "A30 GPU 加速卡", "A30 GPU accelerator", GPU, "FRU", "42000.00", True, 1),
    ("GPU-T4", "T4 GPU 推理卡", "T4 GPU inference card", f"{RACK},{GPU}", "FRU", "16500.00", True, 1),
    ("CTRL-STOR", "存储控制器模块", "Storage controller module", STORAGE, "FRU", "26000.00", True, 1),
    ("CMOS-BAT", "CR2032 主板纽扣电池", "CR2032 CMOS battery", f"{RACK},{BLADE}", "CRU", "15.00", False, 5),
    ("CBL-SAS-HD", "Mini SAS HD 线缆", "Mini SAS HD cable", f"{RACK},{STORAGE}", "CRU", "120.00", False, 6),
    ("CBL-PWR", "服务器电源线 C13-C14", "Power cord C13-C14", RACK, "CRU", "35.00", False, 4),
    ("RAIL-2U", "2U 服务器滑轨套件", "2U rail kit", RACK, "CRU", "420.00", False, 2),
    ("HS-CPU", "CPU 散热器", "CPU heatsink", RACK, "CRU", "260.00", False, 4),
    ("TPM-2", "TPM 2.0 安全模块", "TPM 2.0 module", RACK, "CRU", "380.00", False, 1),
]


def rows():
    for number, zh, en, lines, fru, cost, serialised, weight in PARTS:
        yield dict(part_number=number, name_zh=zh, name_en=en, product_lines=lines, replaceable_by=fru,
                   unit_cost=Decimal(cost), serialised=serialised), weight
