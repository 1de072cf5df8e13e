<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch an on-site engineer</source>
        <translation>派遣现场工程师</translation>
    </message>
    <message>
        <source>Part numbers to bring, e.g. PSU-800W×2, HDD-1.2T</source>
        <translation>需携带的备件编号，例如 PSU-800W×2, HDD-1.2T</translation>
    </message>
    <message>
        <source>Reason for overriding the veto</source>
        <translation>推翻否决的理由</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Expected on site</source>
        <translation>预计到场时间</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>推翻否决</translation>
    </message>
    <message>
        <source>Veto: {reasons}. As a manager you may override it with a reason.</source>
        <translation>否决：{reasons}。您是经理，可填写理由推翻否决。</translation>
    </message>
    <message>
        <source>Veto: {reasons}. Only a branch manager may override it.</source>
        <translation>否决：{reasons}。只有分公司经理可以推翻否决。</translation>
    </message>
</context>
<context>
    <name>EngineerPicker</name>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>上岗证书</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>{unit} · open cases: {n}</source>
        <translation>{unit} · 在办案件：{n}</translation>
    </message>
</context>
<context>
    <name>MyQueuePage</name>
    <message>
        <source>My open cases by due time</source>
        <translation>我的未结案件（按到期时间）</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New problem ticket</source>
        <translation>新建问题单</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>开单</translation>
    </message>
    <message>
        <source>Type part of the name, then Enter</source>
        <translation>输入部分名称后按回车</translation>
    </message>
    <message>
        <source>Look up the asset by serial number</source>
        <translation>按序列号查找设备</translation>
    </message>
    <message>
        <source>No asset</source>
        <translation>无设备</translation>
    </message>
    <message>
        <source>What does the customer report?</source>
        <translation>客户反映了什么问题？</translation>
    </message>
    <message>
        <source>Suggested diagnosis (optional; “Use” on a similar case fills it)</source>
        <translation>诊断建议（可选；点击相似案例的“采用”自动填入）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
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
        <source>Symptom</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Customer&apos;s contacts</source>
        <translation>客户联系人</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Reason for the handling</source>
        <translation>处理方式的理由</translation>
    </message>
    <message>
        <source>no service package</source>
        <translation>无服务包</translation>
    </message>
    <message>
        <source>No customer matches that name.</source>
        <translation>没有与该名称匹配的客户。</translation>
    </message>
    <message>
        <source>No asset with serial number {serial}</source>
        <translation>没有序列号为 {serial} 的设备</translation>
    </message>
    <message>
        <source>Similar resolved cases</source>
        <translation>相似的已解决案例</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>Similar resolved cases: searching…</source>
        <translation>相似的已解决案例：正在查找…</translation>
    </message>
    <message>
        <source>Similar resolved cases: {n} found</source>
        <translation>相似的已解决案例：找到 {n} 个</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>Copy this resolution into the diagnosis as a suggestion</source>
        <translation>将此解决方法复制到诊断中作为建议</translation>
    </message>
    <message>
        <source>Suggested from similar case {number}: {resolution}</source>
        <translation>参考相似案例 {number}：{resolution}</translation>
    </message>
    <message>
        <source>Choose the customer first (type part of the name, then Enter).</source>
        <translation>请先选择客户（输入部分名称后按回车）。</translation>
    </message>
</context>
<context>
    <name>PartLines</name>
    <message>
        <source>Part</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Faulty serial</source>
        <translation>故障件序列号</translation>
    </message>
    <message>
        <source>Replacement serial</source>
        <translation>更换件序列号</translation>
    </message>
    <message>
        <source>Type a part number or name…</source>
        <translation>输入备件号或名称搜索…</translation>
    </message>
    <message>
        <source>Type or choose the serial…</source>
        <translation>输入或选择序列号…</translation>
    </message>
    <message>
        <source>Line {n}: choose the serial number of the {part} put in.</source>
        <translation>第 {n} 行：请选择装上的 {part} 的序列号。</translation>
    </message>
    <message>
        <source>Remove this line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <source>{number}  {name} · {depot}: {reserved} reserved for this ticket</source>
        <translation>{number}  {name} · {depot}：为本单预留 {reserved}</translation>
    </message>
    <message>
        <source>{number}  {name} · {depot}: {available} available</source>
        <translation>{number}  {name} · {depot}：可用 {available}</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>due within an hour</source>
        <translation>一小时内到期</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open cases by due time</source>
        <translation>未结案件（按到期时间）</translation>
    </message>
    <message>
        <source>{n} open, {breached} breached, {soon} due soon</source>
        <translation>未结 {n} 单，超时 {breached} 单，即将到期 {soon} 单</translation>
    </message>
</context>
<context>
    <name>RemoteSessionDialog</name>
    <message>
        <source>Remote session</source>
        <translation>远程会话</translation>
    </message>
    <message>
        <source>A remote login is recorded only with the customer&apos;s authorisation.</source>
        <translation>远程登录必须取得客户授权后才能记录。</translation>
    </message>
    <message>
        <source>Name of the customer&apos;s person who authorised it</source>
        <translation>客户方授权人姓名</translation>
    </message>
    <message>
        <source>e.g. read BMC logs on the affected server only</source>
        <translation>例如：仅读取故障服务器的 BMC 日志</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>Authorised at</source>
        <translation>授权时间</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>授权范围</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
</context>
<context>
    <name>RepairOrderDialog</name>
    <message>
        <source>Repair order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Add part</source>
        <translation>添加备件</translation>
    </message>
    <message>
        <source>Fault found</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Labour time</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Parts used</source>
        <translation>使用备件</translation>
    </message>
    <message>
        <source>Save repair order</source>
        <translation>保存维修单</translation>
    </message>
    <message>
        <source>Customer sign-off</source>
        <translation>客户签章确认</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <source>Name of the customer who signs</source>
        <translation>签字客户姓名</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Company seal stamped on the paper copy instead of a signature</source>
        <translation>已在纸质单据上加盖公司印章（代替签名）</translation>
    </message>
    <message>
        <source>The customer signs off the repair order: it is final and can no longer be changed.</source>
        <translation>客户签章确认维修单：维修单即成定稿，不能再修改。</translation>
    </message>
    <message>
        <source>The repair is recorded as done, with its parts used, and the customer signs it off: the order is final and can no longer be changed.</source>
        <translation>维修将记为已完成（含所用备件），并由客户签章确认：维修单即成定稿，不能再修改。</translation>
    </message>
    <message>
        <source>The repair is recorded as done, with its parts used; the order can no longer be changed and waits for the customer&apos;s signature.</source>
        <translation>维修将记为已完成（含所用备件）；维修单不能再修改，等待客户签章。</translation>
    </message>
</context>
<context>
    <name>RepairOrderPdf</name>
    <message>
        <source>Repair order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Symptom reported</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>On-site service report</source>
        <translation>现场服务报告</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Service hotline</source>
        <translation>服务热线</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <source>Customer and equipment</source>
        <translation>客户及设备信息</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Warranty / service package</source>
        <translation>保修 / 服务包</translation>
    </message>
    <message>
        <source>Fault and work done</source>
        <translation>故障及处理</translation>
    </message>
    <message>
        <source>Diagnosis (fault found)</source>
        <translation>故障诊断</translation>
    </message>
    <message>
        <source>Parts used</source>
        <translation>更换备件</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>备件号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Removed (faulty) SN</source>
        <translation>拆下（故障件）序列号</translation>
    </message>
    <message>
        <source>Fitted (replacement) SN</source>
        <translation>装上（新件）序列号</translation>
    </message>
    <message>
        <source>Service times</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到场时间</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Labour (minutes)</source>
        <translation>工时（分钟）</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签字确认</translation>
    </message>
    <message>
        <source>Service engineer</source>
        <translation>服务工程师</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer signature</source>
        <translation>客户签字</translation>
    </message>
    <message>
        <source>No parts used.</source>
        <translation>未使用备件。</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <source>Not signed in the application.</source>
        <translation>未在系统中签字。</translation>
    </message>
    <message>
        <source>Customer seal</source>
        <translation>客户盖章</translation>
    </message>
    <message>
        <source>Confirmed with the company seal.</source>
        <translation>已加盖公司印章确认。</translation>
    </message>
    <message>
        <source>Times are shown in {zone}.</source>
        <translation>时间按 {zone} 时区显示。</translation>
    </message>
</context>
<context>
    <name>ResponseCenterPage</name>
    <message>
        <source>Response center: every open case by due time</source>
        <translation>响应中心：全部未结案件（按到期时间）</translation>
    </message>
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <source>Tickets</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>Ticket number, serial number or customer</source>
        <translation>问题单号、序列号或客户</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Breached or not</source>
        <translation>是否超时</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Not breached</source>
        <translation>未超时</translation>
    </message>
    <message>
        <source>Any engineer</source>
        <translation>全部工程师</translation>
    </message>
    <message>
        <source>Customer (type, then Enter)</source>
        <translation>客户（输入后按回车）</translation>
    </message>
    <message>
        <source>Opened between</source>
        <translation>开单日期</translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation>新建问题单…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Any customer</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Tickets: {n}</source>
        <translation>问题单：{n} 张</translation>
    </message>
    <message>
        <source>Exported {n} tickets to {path}</source>
        <translation>已将 {n} 张问题单导出到 {path}</translation>
    </message>
    <message>
        <source>Time in {zone}</source>
        <translation>时间按 {zone} 显示</translation>
    </message>
</context>
<context>
    <name>TicketWindow</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Emergency plan step</source>
        <translation>应急预案步骤</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下一到期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Start diagnosis</source>
        <translation>开始诊断</translation>
    </message>
    <message>
        <source>Arrived on site</source>
        <translation>到达现场</translation>
    </message>
    <message>
        <source>The arrival on site of ticket {number} is recorded now, as the on-site time the response target is measured by. It cannot be changed later.</source>
        <translation>现在记录问题单 {number} 的到场时间，作为考核到场时限的到场时刻。记录后不能更改。</translation>
    </message>
    <message>
        <source>Record arrival</source>
        <translation>记录到场</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Ticket {number} is closed: it leaves the open cases, its clock stops and its follow-up is started. Only reopening it, with a reason, brings it back.</source>
        <translation>问题单 {number} 将被关闭：移出未结问题单，停止计时，并启动回访。只有填写原因重新打开才能恢复。</translation>
    </message>
    <message>
        <source>Close ticket</source>
        <translation>关闭问题单</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <source>Ticket {number} is cancelled with this reason: it leaves the open cases for good and can only be archived afterwards.</source>
        <translation>问题单 {number} 将以此原因取消：永久移出未结问题单，之后只能归档。</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>存档</translation>
    </message>
    <message>
        <source>Times are shown in {zone}.</source>
        <translation>时间按 {zone} 时区显示。</translation>
    </message>
    <message>
        <source>Ticket {number}</source>
        <translation>问题单 {number}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <source>Resolve remotely</source>
        <translation>远程解决</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>Wait for customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>What are we waiting for?</source>
        <translation>等待客户什么？</translation>
    </message>
    <message>
        <source>Expert consultation</source>
        <translation>专家门诊</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Emergency plan step {n} done</source>
        <translation>应急预案第 {n} 步完成</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Cancel ticket</source>
        <translation>取消问题单</translation>
    </message>
    <message>
        <source>Ticket {number} is archived and becomes read-only for good: nothing can be added or changed afterwards.</source>
        <translation>问题单 {number} 将被归档并永久只读：之后不能再添加或修改任何内容。</translation>
    </message>
    <message>
        <source>Archive ticket</source>
        <translation>归档问题单</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Take back {what}? The timeline keeps it, marked as withdrawn.</source>
        <translation>撤销{what}？时间线仍保留该条记录，并标注为已撤销。</translation>
    </message>
    <message>
        <source>Export repair order</source>
        <translation>导出维修单</translation>
    </message>
    <message>
        <source>Print repair order</source>
        <translation>打印维修单</translation>
    </message>
    <message>
        <source>Save repair order</source>
        <translation>保存维修单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>See tickets</source>
        <translation>查看问题单</translation>
    </message>
    <message>
        <source>Open problem tickets</source>
        <translation>新建问题单</translation>
    </message>
    <message>
        <source>Diagnose and resolve tickets remotely</source>
        <translation>诊断并远程解决问题单</translation>
    </message>
    <message>
        <source>Add notes to tickets</source>
        <translation>为问题单添加备注</translation>
    </message>
    <message>
        <source>Dispatch on-site engineers</source>
        <translation>派遣现场工程师</translation>
    </message>
    <message>
        <source>Override a dispatch veto</source>
        <translation>否决派单限制</translation>
    </message>
    <message>
        <source>Fill repair orders on site</source>
        <translation>现场填写维修单</translation>
    </message>
    <message>
        <source>Close, reopen and cancel tickets</source>
        <translation>关闭、重开和取消问题单</translation>
    </message>
    <message>
        <source>Archive closed tickets</source>
        <translation>将已关闭问题单存档</translation>
    </message>
    <message>
        <source>Escalate tickets</source>
        <translation>升级问题单</translation>
    </message>
    <message>
        <source>Work emergency plans of quality complaints</source>
        <translation>执行质量投诉应急预案</translation>
    </message>
    <message>
        <source>My queue</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>Response center</source>
        <translation>响应中心</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation>新建问题单…</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未结问题单</translation>
    </message>
    <message>
        <source>Tickets past a response-time target</source>
        <translation>超出响应时限的问题单</translation>
    </message>
    <message>
        <source>My open cases by state</source>
        <translation>我的未结问题单（按状态）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>问题单号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>{title} ({zone})</source>
        <translation>{title}（{zone}）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>P1 critical</source>
        <translation>P1 紧急</translation>
    </message>
    <message>
        <source>P2 high</source>
        <translation>P2 高</translation>
    </message>
    <message>
        <source>P3 normal</source>
        <translation>P3 普通</translation>
    </message>
    <message>
        <source>P4 low</source>
        <translation>P4 低</translation>
    </message>
    <message>
        <source>No such customer.</source>
        <translation>没有该客户。</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Choose a field engineer of this branch or its partners.</source>
        <translation>请选择本分公司或其合作伙伴的现场工程师。</translation>
    </message>
    <message>
        <source>The estimated arrival</source>
        <translation>预计到场时间</translation>
    </message>
    <message>
        <source>Dispatch refused: {reasons}</source>
        <translation>派单被拒绝：{reasons}</translation>
    </message>
    <message>
        <source>Only a branch manager may override a dispatch veto.</source>
        <translation>只有分公司经理可以否决派单限制。</translation>
    </message>
    <message>
        <source>The authorisation time</source>
        <translation>授权时间</translation>
    </message>
    <message>
        <source>Ticket {number} was not escalated to your unit; add a note instead.</source>
        <translation>问题单 {number} 未升级到本单位，请改为添加备注。</translation>
    </message>
    <message>
        <source>Write the answer.</source>
        <translation>请填写答复。</translation>
    </message>
    <message>
        <source>Veto overridden ({reasons}): {reason}</source>
        <translation>已否决派单限制（{reasons}）：{reason}</translation>
    </message>
    <message>
        <source>Dispatched to {engineer}, expected on site {eta}.</source>
        <translation>已派单给 {engineer}，预计 {eta} 到场。</translation>
    </message>
    <message>
        <source>No spare-parts depot answered.</source>
        <translation>没有备件库响应。</translation>
    </message>
    <message>
        <source>from {depot}</source>
        <translation>由 {depot} 供货</translation>
    </message>
    <message>
        <source>not in stock</source>
        <translation>无库存</translation>
    </message>
    <message>
        <source>Parts requested: {parts}. {outcome}</source>
        <translation>申请备件：{parts}。{outcome}</translation>
    </message>
    <message>
        <source>Reopened after a {source}: {reason}</source>
        <translation>经{source}重新打开：{reason}</translation>
    </message>
    <message>
        <source>Priority change withdrawn; the priority is {priority} again.</source>
        <translation>优先级修改已撤销，优先级恢复为 {priority}。</translation>
    </message>
    <message>
        <source>Diagnosis change withdrawn; the diagnosis is again: {text}</source>
        <translation>诊断修改已撤销，诊断恢复为：{text}</translation>
    </message>
    <message>
        <source>Note withdrawn: {text}</source>
        <translation>备注已撤销：{text}</translation>
    </message>
    <message>
        <source>Opened from the {source} on case {number}.</source>
        <translation>由工单 {number} 的{source}发起。</translation>
    </message>
    <message>
        <source>Opened from a {source}.</source>
        <translation>由{source}发起。</translation>
    </message>
    <message>
        <source>Answer from {unit}: {text}</source>
        <translation>{unit}的答复：{text}</translation>
    </message>
    <message>
        <source>Case {number} opened from the {source} on this case.</source>
        <translation>本工单的{source}发起了工单 {number}。</translation>
    </message>
    <message>
        <source>{text} (withdrawn)</source>
        <translation>{text}（已撤销）</translation>
    </message>
    <message>
        <source>Remote sessions are recorded while the ticket is being worked on.</source>
        <translation>只能在问题单处理中记录远程会话。</translation>
    </message>
    <message>
        <source>A remote session needs the customer&apos;s authorisation: who authorised it and when.</source>
        <translation>远程会话需要客户授权：请填写授权人和授权时间。</translation>
    </message>
    <message>
        <source>State what the customer authorised (scope).</source>
        <translation>请填写客户授权的范围。</translation>
    </message>
    <message>
        <source>Remote session authorised by {who} at {when} ({scope}). Findings: {findings}</source>
        <translation>远程会话由 {who} 于 {when} 授权（{scope}）。发现：{findings}</translation>
    </message>
    <message>
        <source>Only open tickets can be escalated.</source>
        <translation>只能升级未结的问题单。</translation>
    </message>
    <message>
        <source>Give a reason to escalate.</source>
        <translation>请填写升级原因。</translation>
    </message>
    <message>
        <source>HQ is the top tier; ask for an expert consultation instead.</source>
        <translation>总部已是最高一级；请改为申请专家门诊。</translation>
    </message>
    <message>
        <source>Expert consultation requested at {unit}: {reason}</source>
        <translation>已向 {unit} 申请专家门诊：{reason}</translation>
    </message>
    <message>
        <source>Escalated from {source} to {unit}: {reason}</source>
        <translation>已从 {source} 升级到 {unit}：{reason}</translation>
    </message>
    <message>
        <source>Call the customer back and acknowledge the complaint</source>
        <translation>回电客户并确认受理投诉</translation>
    </message>
    <message>
        <source>Report the complaint to the HQ quality department</source>
        <translation>向总部质量部门报告投诉</translation>
    </message>
    <message>
        <source>Send a senior engineer to the customer</source>
        <translation>派高级工程师到客户现场</translation>
    </message>
    <message>
        <source>Submit the root-cause analysis and corrective actions</source>
        <translation>提交根本原因分析和纠正措施</translation>
    </message>
    <message>
        <source>Confirm the customer&apos;s satisfaction with the outcome</source>
        <translation>确认客户对处理结果满意</translation>
    </message>
    <message>
        <source>Quality complaint: the branch manager of {unit} is notified.</source>
        <translation>质量投诉：已通知 {unit} 的分公司经理。</translation>
    </message>
    <message>
        <source>Emergency plan started with {count} steps.</source>
        <translation>已启动应急预案，共 {count} 个步骤。</translation>
    </message>
    <message>
        <source>No such emergency-plan step.</source>
        <translation>没有该应急预案步骤。</translation>
    </message>
    <message>
        <source>This step belongs to another role.</source>
        <translation>该步骤由其他角色负责。</translation>
    </message>
    <message>
        <source>This step is already done.</source>
        <translation>该步骤已完成。</translation>
    </message>
    <message>
        <source>Emergency step {n} done: {title}</source>
        <translation>应急步骤 {n} 已完成：{title}</translation>
    </message>
    <message>
        <source>(after its deadline)</source>
        <translation>（已超过期限）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Diagnosing</source>
        <translation>诊断中</translation>
    </message>
    <message>
        <source>Resolved remotely</source>
        <translation>已远程解决</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场处理中</translation>
    </message>
    <message>
        <source>Awaiting sign-off</source>
        <translation>待客户签章</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已存档</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Maintenance request</source>
        <translation>维护请求</translation>
    </message>
    <message>
        <source>Quality complaint</source>
        <translation>质量投诉</translation>
    </message>
    <message>
        <source>400/800 hotline</source>
        <translation>400/800 热线</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <source>Certificate valid</source>
        <translation>证书有效</translation>
    </message>
    <message>
        <source>Certificate expiring</source>
        <translation>证书即将到期</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>无证书</translation>
    </message>
    <message>
        <source>Billable service</source>
        <translation>收费服务</translation>
    </message>
    <message>
        <source>Goodwill (free of charge)</source>
        <translation>善意服务（免费）</translation>
    </message>
    <message>
        <source>Renewal requested</source>
        <translation>已申请续约</translation>
    </message>
    <message>
        <source>follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>technical inspection</source>
        <translation>技术巡检</translation>
    </message>
    <message>
        <source>Start diagnosis</source>
        <translation>开始诊断</translation>
    </message>
    <message>
        <source>Diagnosis…</source>
        <translation>诊断…</translation>
    </message>
    <message>
        <source>Resolve remotely…</source>
        <translation>远程解决…</translation>
    </message>
    <message>
        <source>Remote session…</source>
        <translation>远程会话…</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>派单…</translation>
    </message>
    <message>
        <source>Arrived on site</source>
        <translation>到达现场</translation>
    </message>
    <message>
        <source>Repair order…</source>
        <translation>维修单…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Wait for customer…</source>
        <translation>等待客户…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <source>Expert consultation…</source>
        <translation>专家门诊…</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Step done…</source>
        <translation>步骤完成…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Cancel ticket…</source>
        <translation>取消问题单…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>存档</translation>
    </message>
    <message>
        <source>Export repair order (PDF)…</source>
        <translation>导出维修单PDF…</translation>
    </message>
    <message>
        <source>Print repair order…</source>
        <translation>打印维修单…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Signed off, ready to close</source>
        <translation>客户已签章，待关闭</translation>
    </message>
    <message>
        <source>No such ticket.</source>
        <translation>没有该问题单。</translation>
    </message>
    <message>
        <source>Not while the ticket is “{state}”.</source>
        <translation>问题单处于“{state}”状态时不可操作。</translation>
    </message>
    <message>
        <source>The ticket is waiting for the customer; resume it first.</source>
        <translation>问题单正在等待客户，请先恢复处理。</translation>
    </message>
    <message>
        <source>Waiting for dispatch.</source>
        <translation>等待派单。</translation>
    </message>
    <message>
        <source>The ticket is not waiting for the customer.</source>
        <translation>问题单没有在等待客户。</translation>
    </message>
    <message>
        <source>The case was not escalated to your unit.</source>
        <translation>该问题单未升级到您的单位。</translation>
    </message>
    <message>
        <source>No emergency-plan step is open.</source>
        <translation>应急预案没有未完成的步骤。</translation>
    </message>
    <message>
        <source>The open steps belong to other roles.</source>
        <translation>未完成的步骤属于其他角色。</translation>
    </message>
    <message>
        <source>There is no repair order yet.</source>
        <translation>还没有维修单。</translation>
    </message>
    <message>
        <source>Ticket {number} is archived and read-only.</source>
        <translation>问题单 {number} 已存档，只读。</translation>
    </message>
    <message>
        <source>You lack the permission “{permission}”.</source>
        <translation>您没有“{permission}”权限。</translation>
    </message>
    <message>
        <source>Only the owning unit ({unit}) changes this case; add a note or an answer instead.</source>
        <translation>只有所属单位（{unit}）可以更改此问题单；请改为添加备注或答复。</translation>
    </message>
    <message>
        <source>A ticket that is “{current}” cannot become “{target}”.</source>
        <translation>处于“{current}”状态的问题单不能变为“{target}”。</translation>
    </message>
    <message>
        <source>Give a reason to {what}.</source>
        <translation>请填写原因才能{what}。</translation>
    </message>
    <message>
        <source>Describe the symptom.</source>
        <translation>请描述故障现象。</translation>
    </message>
    <message>
        <source>Unknown category {value}.</source>
        <translation>未知类别 {value}。</translation>
    </message>
    <message>
        <source>Unknown channel {value}.</source>
        <translation>未知渠道 {value}。</translation>
    </message>
    <message>
        <source>Priority is 1 (critical) to 4 (low).</source>
        <translation>优先级为 1（紧急）到 4（低）。</translation>
    </message>
    <message>
        <source>Serial number {serial} is not an asset of this customer.</source>
        <translation>序列号 {serial} 不是该客户的设备。</translation>
    </message>
    <message>
        <source>Diagnosis starts on a new ticket; ticket {number} is “{state}”.</source>
        <translation>只有新建的工单才能开始诊断；工单 {number} 当前为“{state}”。</translation>
    </message>
    <message>
        <source>record the resolution</source>
        <translation>记录解决方法</translation>
    </message>
    <message>
        <source>The diagnosis is written until the case is resolved or dispatched; ticket {number} is “{state}”.</source>
        <translation>诊断只能在问题单解决或派单之前填写；问题单 {number} 处于“{state}”状态。</translation>
    </message>
    <message>
        <source>wait for the customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Only a ticket waiting for the customer can resume.</source>
        <translation>只有等待客户的问题单才能恢复处理。</translation>
    </message>
    <message>
        <source>The customer has not signed off the repair order yet.</source>
        <translation>客户尚未在维修单上签章确认。</translation>
    </message>
    <message>
        <source>reopen the ticket</source>
        <translation>重开问题单</translation>
    </message>
    <message>
        <source>Only a closed or remotely resolved ticket can be reopened; ticket {number} is “{state}”.</source>
        <translation>只有已关闭或已远程解决的工单才能重新打开；工单 {number} 当前为“{state}”。</translation>
    </message>
    <message>
        <source>cancel the ticket</source>
        <translation>取消问题单</translation>
    </message>
    <message>
        <source>add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Priority {old} → {new}</source>
        <translation>优先级 {old} → {new}</translation>
    </message>
    <message>
        <source>Ticket {number} is assigned to another engineer.</source>
        <translation>问题单 {number} 已派给其他工程师。</translation>
    </message>
    <message>
        <source>Engineer on site at {time}.</source>
        <translation>工程师于 {time} 到场。</translation>
    </message>
    <message>
        <source>The arrival time</source>
        <translation>到场时间</translation>
    </message>
    <message>
        <source>Record the arrival on site before completing the repair order.</source>
        <translation>请先记录到场，再完成维修单。</translation>
    </message>
    <message>
        <source>Describe the fault found.</source>
        <translation>请描述发现的故障。</translation>
    </message>
    <message>
        <source>Describe the actions taken.</source>
        <translation>请描述采取的措施。</translation>
    </message>
    <message>
        <source>Labour time must be a positive number of minutes.</source>
        <translation>工时必须是正的分钟数。</translation>
    </message>
    <message>
        <source>The repair order of ticket {number} is signed off by {name}: it is final and can no longer be changed or signed again.</source>
        <translation>工单 {number} 的维修单已由 {name} 签章确认，即成定稿，不能再修改或重新签章。</translation>
    </message>
    <message>
        <source>The completion time</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>the arrival on site</source>
        <translation>到场时间</translation>
    </message>
    <message>
        <source>The sign-off time</source>
        <translation>签字确认时间</translation>
    </message>
    <message>
        <source>the completion of the repair</source>
        <translation>维修完成时间</translation>
    </message>
    <message>
        <source>Repair done: {fault} — {actions}</source>
        <translation>维修完成：{fault} — {actions}</translation>
    </message>
    <message>
        <source>Parts: {parts}</source>
        <translation>备件：{parts}</translation>
    </message>
    <message>
        <source>Part line {n}: enter the part number.</source>
        <translation>备件第 {n} 行：请填写备件编号。</translation>
    </message>
    <message>
        <source>Part line {n}: quantity must be at least 1.</source>
        <translation>备件第 {n} 行：数量至少为 1。</translation>
    </message>
    <message>
        <source>Only a completed repair order can be signed off.</source>
        <translation>只有已完成的维修单才能签章确认。</translation>
    </message>
    <message>
        <source>Enter the name of the customer who signs.</source>
        <translation>请填写签字客户的姓名。</translation>
    </message>
    <message>
        <source>Sign-off needs the customer&apos;s signature or company seal.</source>
        <translation>签章确认需要客户签名或公司盖章。</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>company seal</source>
        <translation>公司盖章</translation>
    </message>
    <message>
        <source>Signed off by {name} ({how}).</source>
        <translation>已由 {name} 签章确认（{how}）。</translation>
    </message>
    <message>
        <source>Ticket {number} has no repair order.</source>
        <translation>问题单 {number} 没有维修单。</translation>
    </message>
    <message>
        <source>Indexing resolved tickets for similar-case search</source>
        <translation>正在为相似案例检索建立已解决问题单索引</translation>
    </message>
    <message>
        <source>first response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>on-site arrival</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>The {target} target was missed.</source>
        <translation>{target}时限已超时。</translation>
    </message>
    <message>
        <source>75 % of the {target} time is used up.</source>
        <translation>{target}时限已用去 75%。</translation>
    </message>
    <message>
        <source>Customers and tickets</source>
        <translation>客户和问题单</translation>
    </message>
    <message>
        <source>Tickets opened by category</source>
        <translation>各类别新建问题单</translation>
    </message>
    <message>
        <source>Tickets opened by channel</source>
        <translation>各渠道新建问题单</translation>
    </message>
    <message>
        <source>First response in time</source>
        <translation>首次响应及时率</translation>
    </message>
    <message>
        <source>On-site arrival in time</source>
        <translation>到场及时率</translation>
    </message>
    <message>
        <source>Resolution in time</source>
        <translation>解决及时率</translation>
    </message>
    <message>
        <source>Mean hours to first response</source>
        <translation>平均首次响应时长（小时）</translation>
    </message>
    <message>
        <source>Mean hours to arrival on site</source>
        <translation>平均到场时长（小时）</translation>
    </message>
    <message>
        <source>Escalated to the branch</source>
        <translation>升级至分公司</translation>
    </message>
    <message>
        <source>Escalated to HQ</source>
        <translation>升级至总部</translation>
    </message>
    <message>
        <source>Expert consultations</source>
        <translation>专家会诊</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Tickets by unit</source>
        <translation>各单位问题单</translation>
    </message>
    <message>
        <source>First responses due</source>
        <translation>应首次响应</translation>
    </message>
    <message>
        <source>First responses met</source>
        <translation>按时首次响应</translation>
    </message>
    <message>
        <source>On-site arrivals due</source>
        <translation>应到场</translation>
    </message>
    <message>
        <source>On-site arrivals met</source>
        <translation>按时到场</translation>
    </message>
    <message>
        <source>Resolutions due</source>
        <translation>应解决</translation>
    </message>
    <message>
        <source>Resolutions met</source>
        <translation>按时解决</translation>
    </message>
    <message>
        <source>Commitments by unit</source>
        <translation>各单位服务承诺达成</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Tickets opened</source>
        <translation>新建问题单数</translation>
    </message>
    <message>
        <source>Tickets closed</source>
        <translation>关闭问题单数</translation>
    </message>
    <message>
        <source>Mean hours to resolution</source>
        <translation>平均解决时长（小时）</translation>
    </message>
    <message>
        <source>Record response-time warnings and breaches that are due (run it every few minutes)</source>
        <translation>记录到期的响应时限预警和超时（每隔几分钟运行一次）</translation>
    </message>
    <message>
        <source>{n} response-time warnings or breaches recorded.</source>
        <translation>已记录 {n} 条响应时限预警或超时。</translation>
    </message>
    <message>
        <source>Only {unit} can open its cases: it keeps them in its own database.</source>
        <translation>只有{unit}能为其开立问题单：它的问题单保存在它自己的数据库中。</translation>
    </message>
    <message>
        <source>Only {unit} can change case {number}: it keeps its cases in its own database, and a change made here to its ticket would clash with its own. Add a note or an expert answer instead; they reach {unit} with the next sync.</source>
        <translation>只有{unit}能更改问题单 {number}：它的问题单保存在它自己的数据库中，在此处修改会与其自身的修改冲突。请改为添加备注或专家答复，下次同步时会送达{unit}。</translation>
    </message>
    <message>
        <source>the opening of the ticket</source>
        <translation>工单创建时间</translation>
    </message>
    <message>
        <source>the dispatch</source>
        <translation>派单时间</translation>
    </message>
    <message>
        <source>{field} cannot be earlier than {step} ({bound}).</source>
        <translation>{field}不能早于{step}（{bound}）。</translation>
    </message>
    <message>
        <source>{field} cannot be in the future (latest {bound}).</source>
        <translation>{field}不能晚于当前时间（最晚 {bound}）。</translation>
    </message>
    <message>
        <source>{field} must lie between {earliest} and {latest}.</source>
        <translation>{field}必须在 {earliest} 至 {latest} 之间。</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <source>{coverage}: choose how this case is handled (billable service, goodwill or renewal requested).</source>
        <translation>{coverage}：请选择本案的处理方式（收费服务、善意服务或已申请续约）。</translation>
    </message>
    <message>
        <source>Give the reason for handling a case whose contract has expired this way.</source>
        <translation>请说明合同已到期的案件采用此处理方式的理由。</translation>
    </message>
    <message>
        <source>Warranty expired on {day}</source>
        <translation>保修已于 {day} 到期</translation>
    </message>
    <message>
        <source>Contract expired on {day}</source>
        <translation>合同已于 {day} 到期</translation>
    </message>
    <message>
        <source>{expired}: handled as {handling}. Reason: {reason}</source>
        <translation>{expired}：按{handling}处理。理由：{reason}</translation>
    </message>
    <message>
        <source>no service package</source>
        <translation>无服务包</translation>
    </message>
    <message>
        <source>expired at opening, handled as {handling}</source>
        <translation>开单时已到期，按{handling}处理</translation>
    </message>
    <message>
        <source>expired at opening</source>
        <translation>开单时已到期</translation>
    </message>
    <message>
        <source>No such org unit.</source>
        <translation>没有该组织单位。</translation>
    </message>
    <message>
        <source>Unknown ticket category “{category}”.</source>
        <translation>未知的工单类别“{category}”。</translation>
    </message>
    <message>
        <source>Something else happened on the case since; that line can no longer be undone.</source>
        <translation>此后该问题单上已有其他记录，该条记录不能再撤销。</translation>
    </message>
    <message>
        <source>Only your own last note or field change, while nothing else has happened on the case since, can be undone.</source>
        <translation>只能撤销您本人最后一条备注或字段修改，且此后该问题单上没有其他记录。</translation>
    </message>
    <message>
        <source>Undo is possible for {minutes} minutes after writing.</source>
        <translation>只能在写入后 {minutes} 分钟内撤销。</translation>
    </message>
    <message>
        <source>This change was recorded without the value it replaced, so it cannot be undone.</source>
        <translation>该修改记录未保存被替换的原值，因此不能撤销。</translation>
    </message>
    <message>
        <source>You no longer have the permission to undo this.</source>
        <translation>您已没有撤销此项的权限。</translation>
    </message>
    <message>
        <source>The diagnosis can no longer be changed.</source>
        <translation>诊断已不能再修改。</translation>
    </message>
    <message>
        <source>the priority change to {new} (back to {old})</source>
        <translation>优先级改为 {new} 的修改（恢复为 {old}）</translation>
    </message>
    <message>
        <source>the diagnosis “{text}”</source>
        <translation>诊断“{text}”</translation>
    </message>
    <message>
        <source>the note “{text}”</source>
        <translation>备注“{text}”</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Opened</source>
        <translation>开单</translation>
    </message>
    <message>
        <source>Diagnosis started</source>
        <translation>开始诊断</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Resolved remotely</source>
        <translation>远程解决</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Veto overridden</source>
        <translation>否决被推翻</translation>
    </message>
    <message>
        <source>Parts requested</source>
        <translation>申请备件</translation>
    </message>
    <message>
        <source>Remote session</source>
        <translation>远程会话</translation>
    </message>
    <message>
        <source>Arrived on site</source>
        <translation>到达现场</translation>
    </message>
    <message>
        <source>Repair done</source>
        <translation>维修完成</translation>
    </message>
    <message>
        <source>Customer sign-off</source>
        <translation>客户签章确认</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>存档</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Expert answer</source>
        <translation>专家答复</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>优先级变更</translation>
    </message>
    <message>
        <source>Response-time warning</source>
        <translation>响应时限预警</translation>
    </message>
    <message>
        <source>Response-time breach</source>
        <translation>响应时限超时</translation>
    </message>
    <message>
        <source>Quality complaint notice</source>
        <translation>质量投诉通知</translation>
    </message>
    <message>
        <source>Emergency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <source>Emergency plan step</source>
        <translation>应急预案步骤</translation>
    </message>
    <message>
        <source>Contract / warranty</source>
        <translation>合同 / 保修</translation>
    </message>
    <message>
        <source>Opened from a finding</source>
        <translation>由发现问题开立</translation>
    </message>
    <message>
        <source>Follow-on case</source>
        <translation>后续工单</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
</context>
</TS>
