<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>City or province where the customer is</source>
        <translation>客户所在的城市或省份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>服务单位</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Service packages</source>
        <translation>服务包</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>Only {unit} can change its customers: it keeps them in its own database.</source>
        <translation>只有{unit}可以修改其客户：其客户保存在它自己的数据库中。</translation>
    </message>
    <message>
        <source>Nothing was imported: {n} problem(s) in the file.</source>
        <translation>未导入任何数据：文件中有 {n} 个问题。</translation>
    </message>
    <message>
        <source>This column is missing.</source>
        <translation>缺少此列。</translation>
    </message>
    <message>
        <source>“{value}” is not a date (YYYY-MM-DD).</source>
        <translation>“{value}”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook: {error}</source>
        <translation>{file} 不是 Excel 工作簿：{error}</translation>
    </message>
    <message>
        <source>The workbook needs a sheet named Customers (客户) or Assets (设备).</source>
        <translation>工作簿需要名为“客户”（Customers）或“设备”（Assets）的工作表。</translation>
    </message>
    <message>
        <source>Checking the workbook</source>
        <translation>正在检查工作簿</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>The customer name is empty.</source>
        <translation>客户名称为空。</translation>
    </message>
    <message>
        <source>Customer “{name}” already exists.</source>
        <translation>客户“{name}”已存在。</translation>
    </message>
    <message>
        <source>A retired customer of this unit is already called “{name}”.</source>
        <translation>本单位已有一个名为“{name}”的已停用客户。</translation>
    </message>
    <message>
        <source>An address needs a site name.</source>
        <translation>填写地址时需要填写地点名称。</translation>
    </message>
    <message>
        <source>A phone number or e-mail needs a contact name.</source>
        <translation>填写电话或邮箱时需要填写联系人姓名。</translation>
    </message>
    <message>
        <source>This cell must not be empty.</source>
        <translation>此单元格不能为空。</translation>
    </message>
    <message>
        <source>Serial number {serial} is already registered.</source>
        <translation>序列号 {serial} 已登记。</translation>
    </message>
    <message>
        <source>Serial number {serial} also appears in row {row}.</source>
        <translation>序列号 {serial} 也出现在第 {row} 行。</translation>
    </message>
    <message>
        <source>No customer “{name}” here or in the file.</source>
        <translation>系统和文件中都没有客户“{name}”。</translation>
    </message>
    <message>
        <source>No service package {code}.</source>
        <translation>没有服务包 {code}。</translation>
    </message>
    <message>
        <source>“{name}” is retired.</source>
        <translation>“{name}”已停用。</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>地点名称</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>That site is not one of {name}’s.</source>
        <translation>该地点不属于{name}。</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Service packages are maintained at HQ.</source>
        <translation>服务包由总部维护。</translation>
    </message>
    <message>
        <source>See customers, their sites, contacts and machines</source>
        <translation>查看客户及其地点、联系人和设备</translation>
    </message>
    <message>
        <source>Manage customers and assets</source>
        <translation>管理客户和设备</translation>
    </message>
    <message>
        <source>Maintain service packages (HQ)</source>
        <translation>维护服务包（总部）</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>No such customer.</source>
        <translation>没有该客户。</translation>
    </message>
    <message>
        <source>Your roles do not include managing customers.</source>
        <translation>您的角色不包含管理客户的权限。</translation>
    </message>
    <message>
        <source>Add customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>A retired service package has the code {code}.</source>
        <translation>已有一个停用的服务包使用代码 {code}。</translation>
    </message>
    <message>
        <source>A service package with the code {code} already exists.</source>
        <translation>代码为 {code} 的服务包已存在。</translation>
    </message>
    <message>
        <source>No such service package.</source>
        <translation>没有这个服务包。</translation>
    </message>
    <message>
        <source>Service package {code} is retired.</source>
        <translation>服务包 {code} 已停用。</translation>
    </message>
    <message>
        <source>Select a package first.</source>
        <translation>请先选择一个服务包。</translation>
    </message>
    <message>
        <source>New package…</source>
        <translation>新建服务包…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Service package {code} is retired: choose a current one.</source>
        <translation>服务包 {code} 已停用：请选择现行的服务包。</translation>
    </message>
    <message>
        <source>Select a customer first.</source>
        <translation>请先选择一个客户。</translation>
    </message>
    <message>
        <source>No such machine.</source>
        <translation>没有这台设备。</translation>
    </message>
    <message>
        <source>No contract or warranty on record</source>
        <translation>无合同或保修记录</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Warranty valid until {day}</source>
        <translation>保修有效期至 {day}</translation>
    </message>
    <message>
        <source>Warranty ends on {day}, in {days} days</source>
        <translation>保修于 {day} 到期，还有 {days} 天</translation>
    </message>
    <message>
        <source>Warranty expired on {day}</source>
        <translation>保修已于 {day} 到期</translation>
    </message>
    <message>
        <source>Contract valid until {day}</source>
        <translation>合同有效期至 {day}</translation>
    </message>
    <message>
        <source>Contract ends on {day}, in {days} days</source>
        <translation>合同于 {day} 到期，还有 {days} 天</translation>
    </message>
    <message>
        <source>Contract expired on {day}</source>
        <translation>合同已于 {day} 到期</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>7×24</source>
        <translation>7×24</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{label}: write minutes or hours, such as 30 min or 4 h.</source>
        <translation>{label}：请填写分钟或小时，例如 30 分钟或 4 小时。</translation>
    </message>
    <message>
        <source>The package code is required.</source>
        <translation>服务包代码为必填项。</translation>
    </message>
    <message>
        <source>The package code has at most 32 characters.</source>
        <translation>服务包代码最多 32 个字符。</translation>
    </message>
    <message>
        <source>The package name is required.</source>
        <translation>服务包名称为必填项。</translation>
    </message>
    <message>
        <source>The package name has at most 100 characters.</source>
        <translation>服务包名称最多 100 个字符。</translation>
    </message>
    <message>
        <source>The clock is 7×24 or business hours.</source>
        <translation>计时方式为 7×24 或工作时间。</translation>
    </message>
    <message>
        <source>{what} must be more than zero.</source>
        <translation>{what}必须大于零。</translation>
    </message>
    <message>
        <source>{what} is longer than a year.</source>
        <translation>{what}超过一年。</translation>
    </message>
    <message>
        <source>{what} ({minutes}) cannot be longer than the resolution target ({resolution}).</source>
        <translation>{what}（{minutes}）不能长于解决时限（{resolution}）。</translation>
    </message>
    <message>
        <source>Priorities are P1 to P4.</source>
        <translation>优先级为 P1 至 P4。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>设备数</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Search by name or region</source>
        <translation>按名称或地区搜索</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>设备数</translation>
    </message>
    <message>
        <source>First {n} customers: search to narrow</source>
        <translation>前 {n} 个客户：请搜索以缩小范围</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>{n} 个客户</translation>
    </message>
    <message>
        <source>The list could not be read: {error}</source>
        <translation>无法读取列表：{error}</translation>
    </message>
    <message>
        <source>Retire customer</source>
        <translation>停用客户</translation>
    </message>
    <message>
        <source>Retire “{name}”? It leaves the lists and can no longer get new cases; its past cases keep its name.</source>
        <translation>停用“{name}”？停用后它不再出现在列表中，也不能再新建问题单；以往的问题单仍保留其名称。</translation>
    </message>
    <message>
        <source>Import customers and assets</source>
        <translation>导入客户和设备</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Imported {customers} customers, {sites} sites, {contacts} contacts and {assets} assets.</source>
        <translation>已导入 {customers} 个客户、{sites} 个地点、{contacts} 个联系人和 {assets} 台设备。</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>New service package</source>
        <translation>新建服务包</translation>
    </message>
    <message>
        <source>Edit service package</source>
        <translation>编辑服务包</translation>
    </message>
    <message>
        <source>Targets in minutes or hours, such as 30 min or 4 h. Tickets already open keep the targets they were opened with.</source>
        <translation>时限以分钟或小时填写，例如 30 分钟或 4 小时。已打开的问题单保留其打开时的时限。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>e.g. 7X24-2H</source>
        <translation>例如 7X24-2H</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <source>e.g. 30 min or 4 h</source>
        <translation>例如 30 分钟或 4 小时</translation>
    </message>
    <message>
        <source>Per priority (empty: as above)</source>
        <translation>按优先级（留空：同上）</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <source>Per priority</source>
        <translation>按优先级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service packages</source>
        <translation>服务包</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>current</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>{n} service packages</source>
        <translation>{n} 个服务包</translation>
    </message>
    <message>
        <source>Retire service package</source>
        <translation>停用服务包</translation>
    </message>
    <message>
        <source>Retire {code}? No new machine can be put under it; machines under it keep it, and open tickets keep their due times.</source>
        <translation>停用 {code}？之后新设备不能再使用它；已使用它的设备保留该服务包，已打开的问题单保留其到期时间。</translation>
    </message>
</context>
</TS>
