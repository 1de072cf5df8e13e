<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CatalogPage</name>
    <message>
        <source>Search part number or name</source>
        <translation>搜索备件号或名称</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Parts catalog</source>
        <translation>备件目录</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Import parts catalog</source>
        <translation>导入备件目录</translation>
    </message>
    <message>
        <source>Importing the parts catalog</source>
        <translation>正在导入备件目录</translation>
    </message>
    <message>
        <source>Nothing was imported: {n} problems in the file.</source>
        <translation>未导入任何数据：文件中有 {n} 处问题。</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入：新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>{n} parts written to {path}.</source>
        <translation>已将 {n} 种备件写入 {path}。</translation>
    </message>
</context>
<context>
    <name>DepotPage</name>
    <message>
        <source>Part number</source>
        <translation>备件号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>坏件</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出库</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调入库</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>Depot</source>
        <translation>备件库</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请数</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中数</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>库存余额</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>出入库流水</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>调拨…</translation>
    </message>
    <message>
        <source>Stocktake…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <source>New depot…</source>
        <translation>新建备件库…</translation>
    </message>
    <message>
        <source>Stock levels…</source>
        <translation>库存上下限…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Balances {depot}</source>
        <translation>库存余额 {depot}</translation>
    </message>
    <message>
        <source>Ledger {depot}</source>
        <translation>出入库流水 {depot}</translation>
    </message>
    <message>
        <source>Receive selected transfer</source>
        <translation>接收所选调拨</translation>
    </message>
    <message>
        <source>No depot in this unit.</source>
        <translation>该单位还没有备件库。</translation>
    </message>
    <message>
        <source>No depot in your area yet.</source>
        <translation>您的范围内还没有备件库。</translation>
    </message>
    <message>
        <source>Stock value {value} · {low} parts below minimum</source>
        <translation>库存金额 {value} · {low} 种备件低于下限</translation>
    </message>
    <message>
        <source>Below the minimum of {n}</source>
        <translation>低于最低库存 {n}</translation>
    </message>
    <message>
        <source>no requests</source>
        <translation>无申请</translation>
    </message>
    <message>
        <source>Hit rate {period}: {own}, all depots {all}</source>
        <translation>{period} 命中率：本库 {own}，全部备件库 {all}</translation>
    </message>
    <message>
        <source>Transfer {number} sent to {depot}.</source>
        <translation>调拨单 {number} 已发往 {depot}。</translation>
    </message>
    <message>
        <source>Select a transfer first.</source>
        <translation>请先选择一张调拨单。</translation>
    </message>
    <message>
        <source>Receive transfer</source>
        <translation>接收调拨</translation>
    </message>
    <message>
        <source>The parts of transfer {number} are booked into the stock of {depot} now. This cannot be undone; parts that should not have come go back by a new transfer.</source>
        <translation>调拨单 {number} 的备件现在将记入 {depot} 的库存。此操作不能撤销；不应调入的备件需通过新的调拨单退回。</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Transfer {number} received.</source>
        <translation>调拨单 {number} 已接收。</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>See spare parts</source>
        <translation>查看备件</translation>
    </message>
    <message>
        <source>Move stock: receive, transfer, return</source>
        <translation>库存操作：入库、调拨、退回</translation>
    </message>
    <message>
        <source>Take stock and adjust balances</source>
        <translation>盘点并调整库存</translation>
    </message>
    <message>
        <source>Manage depots and stock levels</source>
        <translation>管理备件库和库存上下限</translation>
    </message>
    <message>
        <source>Maintain the parts catalog (HQ)</source>
        <translation>维护备件目录（总部）</translation>
    </message>
    <message>
        <source>Spare parts</source>
        <translation>备品备件</translation>
    </message>
    <message>
        <source>Parts catalog</source>
        <translation>备件目录</translation>
    </message>
    <message>
        <source>Parts below minimum stock</source>
        <translation>低于最低库存的备件</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>备件号</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>FRU/CRU</source>
        <translation>FRU/CRU</translation>
    </message>
    <message>
        <source>Serialised</source>
        <translation>序列号管理</translation>
    </message>
    <message>
        <source>The catalog was not changed: {n} problems.</source>
        <translation>备件目录未作任何更改：共 {n} 处问题。</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Missing column.</source>
        <translation>缺少此列。</translation>
    </message>
    <message>
        <source>Part number {number} also appears in row {row}.</source>
        <translation>备件号 {number} 在第 {row} 行也出现了。</translation>
    </message>
    <message>
        <source>Write FRU or CRU.</source>
        <translation>请填写 FRU 或 CRU。</translation>
    </message>
    <message>
        <source>The sheet has no parts.</source>
        <translation>工作表中没有备件。</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>正在检查文件</translation>
    </message>
    <message>
        <source>Import cancelled; the catalog was not changed.</source>
        <translation>导入已取消，备件目录未作任何更改。</translation>
    </message>
    <message>
        <source>Saving parts</source>
        <translation>正在保存备件</translation>
    </message>
    <message>
        <source>Time ({zone})</source>
        <translation>时间（{zone}）</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Ledger {depot}</source>
        <translation>出入库流水 {depot}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>坏件</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Balances {depot}</source>
        <translation>库存余额 {depot}</translation>
    </message>
    <message>
        <source>Spare hit rate</source>
        <translation>备件命中率</translation>
    </message>
    <message>
        <source>Stock value (CNY)</source>
        <translation>库存金额（元）</translation>
    </message>
    <message>
        <source>Defective parts returned</source>
        <translation>返还的坏件</translation>
    </message>
    <message>
        <source>Part requests</source>
        <translation>备件申请</translation>
    </message>
    <message>
        <source>Served from own stock</source>
        <translation>本单位库存满足</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Spare parts by unit</source>
        <translation>各单位备件情况</translation>
    </message>
    <message>
        <source>Depot</source>
        <translation>备件库</translation>
    </message>
    <message>
        <source>Spare parts by depot</source>
        <translation>各备件库情况</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Spare parts: catalog and depots</source>
        <translation>备件：目录和备件库</translation>
    </message>
    <message>
        <source>Spare parts: stock ledger</source>
        <translation>备件：出入库流水</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <source>Removed at the customer</source>
        <translation>客户处拆下</translation>
    </message>
    <message>
        <source>Spare parts: balances</source>
        <translation>备件：库存余额</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>defective</source>
        <translation>坏件</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Not enough stock of {part} in depot {depot}: {need} needed, {have} {what}.</source>
        <translation>备件库 {depot} 中 {part} 库存不足：需要 {need}，{what} {have}。</translation>
    </message>
    <message>
        <source>Part {part} is serialised: move one unit at a time with its serial number.</source>
        <translation>备件 {part} 按序列号管理：每次只能按序列号移动一件。</translation>
    </message>
    <message>
        <source>Serial number {serial} of {part} is not known here.</source>
        <translation>此处没有 {part} 的序列号 {serial}。</translation>
    </message>
    <message>
        <source>Serial number {serial} of {part} is {state}, it cannot be moved that way.</source>
        <translation>{part} 的序列号 {serial} 当前状态为“{state}”，不能这样移动。</translation>
    </message>
    <message>
        <source>in stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>installed at a customer</source>
        <translation>已装到客户处</translation>
    </message>
    <message>
        <source>sent to HQ</source>
        <translation>已返总部</translation>
    </message>
    <message>
        <source>written off</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>No such org unit.</source>
        <translation>没有这个组织单位。</translation>
    </message>
    <message>
        <source>No part {number} in the catalog.</source>
        <translation>备件目录中没有备件 {number}。</translation>
    </message>
    <message>
        <source>No depot up to HQ has it in stock.</source>
        <translation>直至总部的各级备件库均无库存。</translation>
    </message>
    <message>
        <source>Reserved in the local depot {depot}.</source>
        <translation>已在本地备件库 {depot} 预留。</translation>
    </message>
    <message>
        <source>Reserved in {depot}; expect about {hours} hours.</source>
        <translation>已在 {depot} 预留，预计约 {hours} 小时到达。</translation>
    </message>
    <message>
        <source>Part {part} is serialised: record one unit per line with the installed serial number.</source>
        <translation>备件 {part} 按序列号管理：每行记录一件，并填写装上的序列号。</translation>
    </message>
    <message>
        <source>Ticket {ticket} reserved no {part} and its org unit has no depot.</source>
        <translation>问题单 {ticket} 没有预留 {part}，其所属单位也没有备件库。</translation>
    </message>
    <message>
        <source>Depot {depot} does not serve ticket {ticket}.</source>
        <translation>备件库 {depot} 不为问题单 {ticket} 供件。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No such depot.</source>
        <translation>没有这个备件库。</translation>
    </message>
    <message>
        <source>No such org unit: {code}</source>
        <translation>没有这个组织单位：{code}</translation>
    </message>
    <message>
        <source>Unknown depot kind: {kind}</source>
        <translation>未知的备件库类型：{kind}</translation>
    </message>
    <message>
        <source>Depot code {code} is empty or taken.</source>
        <translation>备件库代码 {code} 为空或已被占用。</translation>
    </message>
    <message>
        <source>Minimum and maximum: 0 ≤ minimum ≤ maximum.</source>
        <translation>下限和上限须满足：0 ≤ 下限 ≤ 上限。</translation>
    </message>
    <message>
        <source>Part {part} is serialised: give {n} different serial numbers.</source>
        <translation>备件 {part} 按序列号管理：请填写 {n} 个不同的序列号。</translation>
    </message>
    <message>
        <source>A stock adjustment needs a reason.</source>
        <translation>库存调整必须填写原因。</translation>
    </message>
    <message>
        <source>An adjustment changes the stock by at least one unit.</source>
        <translation>调整至少要改变一个单位的库存。</translation>
    </message>
    <message>
        <source>Choose another active depot to send to.</source>
        <translation>请选择另一个启用的备件库作为调入库。</translation>
    </message>
    <message>
        <source>No such transfer.</source>
        <translation>没有这张调拨单。</translation>
    </message>
    <message>
        <source>Transfer {number} was already received.</source>
        <translation>调拨单 {number} 已经接收过了。</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Release reservation</source>
        <translation>释放预留</translation>
    </message>
    <message>
        <source>Issue to repair order</source>
        <translation>领用到维修单</translation>
    </message>
    <message>
        <source>Return unused</source>
        <translation>未用退回</translation>
    </message>
    <message>
        <source>Return defective</source>
        <translation>坏件退回</translation>
    </message>
    <message>
        <source>Defective to HQ (RMA)</source>
        <translation>坏件返总部（RMA）</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>调拨出库</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>调拨入库</translation>
    </message>
    <message>
        <source>Stocktake gain</source>
        <translation>盘盈</translation>
    </message>
    <message>
        <source>Stocktake loss</source>
        <translation>盘亏</translation>
    </message>
    <message>
        <source>The parts catalog is HQ reference data: change it at HQ.</source>
        <translation>备件目录是总部的基础数据，请在总部修改。</translation>
    </message>
    <message>
        <source>Book quantity</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>盘点数量</translation>
    </message>
    <message>
        <source>Serial numbers (book)</source>
        <translation>序列号（账面）</translation>
    </message>
    <message>
        <source>Serial numbers (counted)</source>
        <translation>序列号（盘点）</translation>
    </message>
    <message>
        <source>This count sheet is for depot {sheet}, not {depot}.</source>
        <translation>这张盘点表属于备件库 {sheet}，不是 {depot}。</translation>
    </message>
    <message>
        <source>Part {number} is serialised: list the serial numbers counted.</source>
        <translation>备件 {number} 按序列号管理：请列出清点到的序列号。</translation>
    </message>
    <message>
        <source>The count was not applied: {n} problems.</source>
        <translation>盘点结果未应用：{n} 个问题。</translation>
    </message>
    <message>
        <source>Part {number} is also listed in row {row}: list each part once.</source>
        <translation>备件 {number} 在第 {row} 行也已列出：每个备件只能列一次。</translation>
    </message>
    <message>
        <source>Serial number {serial}…: {reason}</source>
        <translation>序列号 {serial}…：{reason}</translation>
    </message>
    <message>
        <source>Serial number {serial} is listed twice.</source>
        <translation>序列号 {serial} 被列了两次。</translation>
    </message>
    <message>
        <source>The count {count} differs from the {n} serial numbers listed.</source>
        <translation>盘点数量 {count} 与所列的 {n} 个序列号不符。</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Ledger rows cannot be changed or deleted; post a correcting movement.</source>
        <translation>出入库流水不能修改或删除，请登记一笔更正业务。</translation>
    </message>
</context>
<context>
    <name>NewDepotDialog</name>
    <message>
        <source>New depot</source>
        <translation>新建备件库</translation>
    </message>
    <message>
        <source>Branch depot</source>
        <translation>分支机构备件库</translation>
    </message>
    <message>
        <source>Partner depot</source>
        <translation>合作伙伴备件库</translation>
    </message>
    <message>
        <source>HQ central depot</source>
        <translation>总部中心库</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Depot code</source>
        <translation>备件库代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>StockLevelDialog</name>
    <message>
        <source>Stock levels — {depot}</source>
        <translation>库存上下限 — {depot}</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>备件号</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最高库存</translation>
    </message>
</context>
<context>
    <name>StocktakeDialog</name>
    <message>
        <source>Stocktake: {depot}</source>
        <translation>盘点：{depot}</translation>
    </message>
    <message>
        <source>Export count sheet…</source>
        <translation>导出盘点表…</translation>
    </message>
    <message>
        <source>Import counted sheet…</source>
        <translation>导入盘点结果…</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>备件号</translation>
    </message>
    <message>
        <source>Count sheet {depot}</source>
        <translation>盘点表 {depot}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>账面</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>盘点数量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Serial numbers</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Reason for the adjustments (required)</source>
        <translation>调整原因（必填）</translation>
    </message>
    <message>
        <source>Export a count sheet, count, then import it to preview the differences.</source>
        <translation>先导出盘点表，清点后再导入，即可预览差异。</translation>
    </message>
    <message>
        <source>Apply adjustments</source>
        <translation>执行调整</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{n} parts written to {path}.</source>
        <translation>已将 {n} 种备件写入 {path}。</translation>
    </message>
    <message>
        <source>Every difference shown ({n}) is booked to the stock of {depot} now, with this reason. This cannot be taken back; only a later stocktake corrects it.</source>
        <translation>列出的全部差异（{n} 项）现在将以此原因记入 {depot} 的库存。此操作不能撤回，只能通过以后的盘点更正。</translation>
    </message>
    <message>
        <source>Import counted sheet</source>
        <translation>导入盘点结果</translation>
    </message>
    <message>
        <source>{n} differences. Check them, give a reason, then apply.</source>
        <translation>共 {n} 处差异。请核对并填写原因后执行。</translation>
    </message>
    <message>
        <source>The count matches the books.</source>
        <translation>盘点结果与账面一致。</translation>
    </message>
    <message>
        <source>missing: {list}</source>
        <translation>缺少：{list}</translation>
    </message>
    <message>
        <source>found: {list}</source>
        <translation>多出：{list}</translation>
    </message>
    <message>
        <source>Give a reason for the adjustments.</source>
        <translation>请填写调整原因。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer parts</source>
        <translation>备件调拨</translation>
    </message>
    <message>
        <source>From depot</source>
        <translation>调出库</translation>
    </message>
    <message>
        <source>To depot</source>
        <translation>调入库</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Serial numbers</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{quantity} × {part} leave {source} now and are in transit to {target} until it receives them. A sent transfer cannot be called back.</source>
        <translation>{quantity} × {part} 现在从 {source} 发出，在 {target} 接收前处于在途状态。已发出的调拨不能召回。</translation>
    </message>
    <message>
        <source>{number}  {name} · {available} available</source>
        <translation>{number}  {name} · 可用 {available}</translation>
    </message>
    <message>
        <source>Nothing on hand in this depot</source>
        <translation>本库没有可发出的库存</translation>
    </message>
    <message>
        <source>Choose the part to send.</source>
        <translation>请选择要发出的备件。</translation>
    </message>
    <message>
        <source>The sending depot has nothing on hand to send.</source>
        <translation>发出库没有可发出的库存。</translation>
    </message>
    <message>
        <source>Tick the serial number of each unit to send.</source>
        <translation>请勾选每件要发出备件的序列号。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发出</translation>
    </message>
</context>
</TS>
