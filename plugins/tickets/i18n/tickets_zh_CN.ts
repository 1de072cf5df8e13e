<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch an on-site engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part numbers to bring, e.g. PSU-800W×2, HDD-1.2T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for overriding the veto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected on site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veto: {reasons}. As a manager you may override it with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veto: {reasons}. Only a branch manager may override it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <source>{n} records</source>
        <translation>{n} 条记录</translation>
    </message>
</context>
<context>
    <name>MyQueuePage</name>
    <message>
        <source>My open cases by due time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New problem ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of the name, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up the asset by serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What does the customer report?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested diagnosis (optional; “Use” on a similar case fills it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished">序列号</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished">电话</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No asset with serial number {serial}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar resolved cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar resolved cases: searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Similar resolved cases: %n found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this resolution into the diagnosis as a suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested from similar case {number}: {resolution}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the customer first (type part of the name, then Enter).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;background:{red}&quot;&gt;&amp;nbsp;breached&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:{amber}&quot;&gt;&amp;nbsp;due within an hour&amp;nbsp;&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases by due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}{more} open, {breached} breached, {soon} due soon</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteSessionDialog</name>
    <message>
        <source>Remote session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A remote login is recorded only with the customer&apos;s authorisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the customer&apos;s person who authorised it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. read BMC logs on the affected server only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponseCenterPage</name>
    <message>
        <source>Response center: every open case by due time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <source>Tickets</source>
        <translation type="unfinished">问题单</translation>
    </message>
    <message>
        <source>Ticket number, serial number or customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer (type, then Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n ticket(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting tickets to Excel</source>
        <translation type="unfinished"></translation>
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
        <source>Manage customers and assets</source>
        <translation>管理客户和设备</translation>
    </message>
    <message>
        <source>Maintain service packages (HQ)</source>
        <translation>维护服务包（总部）</translation>
    </message>
    <message>
        <source>Work emergency plans of quality complaints</source>
        <translation>执行质量投诉应急预案</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>问题单</translation>
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
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {n} rows: narrow the filter to export to Excel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rows written</source>
        <translation type="unfinished"></translation>
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
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>Service packages are maintained at HQ.</source>
        <translation>服务包由总部维护。</translation>
    </message>
    <message>
        <source>Package code</source>
        <translation>服务包代码</translation>
    </message>
    <message>
        <source>Package name</source>
        <translation>服务包名称</translation>
    </message>
    <message>
        <source>Coverage is 24x7 or business.</source>
        <translation>服务时段须为 24x7 或 business（工作时间）。</translation>
    </message>
    <message>
        <source>Every target needs a positive number of minutes.</source>
        <translation>每项时限都必须是正的分钟数。</translation>
    </message>
    <message>
        <source>This unit is outside your part of the network.</source>
        <translation>该单位不在您所辖的服务网络范围内。</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Customer “{name}” already exists.</source>
        <translation>客户“{name}”已存在。</translation>
    </message>
    <message>
        <source>No such customer.</source>
        <translation>没有该客户。</translation>
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
        <source>Serial number {serial} is already registered.</source>
        <translation>序列号 {serial} 已登记。</translation>
    </message>
    <message>
        <source>No service package {code}.</source>
        <translation>没有服务包 {code}。</translation>
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
        <source>Choose a field engineer of this branch or its partners.</source>
        <translation>请选择本分公司或其合作伙伴的现场工程师。</translation>
    </message>
    <message>
        <source>The estimated arrival must be in the future.</source>
        <translation>预计到场时间必须晚于现在。</translation>
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
        <source>No such ticket.</source>
        <translation>没有该问题单。</translation>
    </message>
    <message>
        <source>Ticket {number} is archived and read-only.</source>
        <translation>问题单 {number} 已存档，只读。</translation>
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
        <source>record the resolution</source>
        <translation>记录解决方法</translation>
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
        <source>The signature must be a PNG image.</source>
        <translation>签名必须是 PNG 图片。</translation>
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
        <translation type="unfinished"></translation>
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
</context>
</TS>
