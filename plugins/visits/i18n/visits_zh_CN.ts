<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Add action</source>
        <translation>添加行动项</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>Inspection checklist</source>
        <translation>巡检检查表</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Publishing makes a new version; inspections planned before keep theirs.</source>
        <translation>发布后生成新版本；此前已计划的巡检仍沿用原版本。</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Expected from</source>
        <translation>建议下限</translation>
    </message>
    <message>
        <source>Expected to</source>
        <translation>建议上限</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加检查项</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除检查项</translation>
    </message>
</context>
<context>
    <name>ChecklistsPanel</name>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>建议范围</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>New checklist…</source>
        <translation>新建检查表…</translation>
    </message>
    <message>
        <source>Edit checklist…</source>
        <translation>编辑检查表…</translation>
    </message>
    <message>
        <source>Inspection checklists</source>
        <translation>巡检检查表</translation>
    </message>
    <message>
        <source>Select a checklist first.</source>
        <translation>请先选择一个检查表。</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionsPage</name>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Close action…</source>
        <translation>关闭整改…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>整改结果</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Closed {when} by {who}</source>
        <translation>{who} 于 {when} 关闭</translation>
    </message>
    <message>
        <source>Select an open action first.</source>
        <translation>请先选择一条未关闭的整改措施。</translation>
    </message>
    <message>
        <source>The corrective action is closed with this resolution, for good: it leaves the open actions and cannot be reopened.</source>
        <translation>该整改措施将以此处理结果永久关闭：移出未结整改措施，且不能重新打开。</translation>
    </message>
    <message>
        <source>Close corrective action</source>
        <translation>关闭整改措施</translation>
    </message>
    <message>
        <source>Close action</source>
        <translation>关闭整改措施</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Follow-up calls</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
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
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Call by</source>
        <translation>应回访时间</translation>
    </message>
    <message>
        <source>Ticket {ticket}: attempt {attempt} of {most} recorded; the call is still due.</source>
        <translation>问题单 {ticket}：已记录第 {attempt} 次拨打（共 {most} 次），回访仍待完成。</translation>
    </message>
    <message>
        <source>Ticket {ticket}: closed as unreachable.</source>
        <translation>问题单 {ticket}：回访已按未联系上关闭。</translation>
    </message>
    <message>
        <source>Ticket {ticket}: the survey is recorded.</source>
        <translation>问题单 {ticket}：问卷已记录。</translation>
    </message>
    <message>
        <source>Ticket {number} is reopened.</source>
        <translation>问题单 {number} 已重新打开。</translation>
    </message>
    <message>
        <source>Quality complaint {number} is opened.</source>
        <translation>已创建质量投诉 {number}。</translation>
    </message>
    <message>
        <source>A corrective action is opened for the branch manager.</source>
        <translation>已为分支机构经理创建整改措施。</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Record call…</source>
        <translation>登记回访…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Record call</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>Select a call first.</source>
        <translation>请先选择一条回访。</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>Technical inspection</source>
        <translation>技术巡检</translation>
    </message>
    <message>
        <source>Save results</source>
        <translation>保存结果</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Due {due}, engineer {engineer}, {state}</source>
        <translation>计划 {due}，工程师 {engineer}，{state}</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>巡检发现</translation>
    </message>
    <message>
        <source>The inspection is complete</source>
        <translation>巡检已完成</translation>
    </message>
    <message>
        <source>Inspection date</source>
        <translation>巡检日期</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>建议范围</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>By the range</source>
        <translation>按范围判定</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>Adjustment made…</source>
        <translation>参数调整…</translation>
    </message>
    <message>
        <source>Recommendation…</source>
        <translation>建议…</translation>
    </message>
    <message>
        <source>Fault found…</source>
        <translation>发现故障…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>参数调整</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Adjustment made</source>
        <translation>参数调整</translation>
    </message>
    <message>
        <source>What was adjusted, from and to</source>
        <translation>调整了什么，由何值调整为何值</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Fault found</source>
        <translation>发现故障</translation>
    </message>
    <message>
        <source>A ticket (category fault) opens at once for the machine.</source>
        <translation>将立即为该设备创建一张故障类问题单。</translation>
    </message>
    <message>
        <source>Select a finding first.</source>
        <translation>请先选择一条巡检发现。</translation>
    </message>
    <message>
        <source>Withdraw finding</source>
        <translation>撤回巡检发现</translation>
    </message>
    <message>
        <source>Withdraw “{text}”? It stays on record as withdrawn.</source>
        <translation>撤回“{text}”？记录中将保留为已撤回。</translation>
    </message>
</context>
<context>
    <name>InspectionReportPdf</name>
    <message>
        <source>Technical inspection report</source>
        <translation>技术巡检报告</translation>
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
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Inspection date</source>
        <translation>巡检日期</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>{line} {model}   SN {serial}   (checklist version {version})</source>
        <translation>{line} {model}   序列号 {serial}   （检查表第 {version} 版）</translation>
    </message>
    <message>
        <source>expected {range}</source>
        <translation>建议范围 {range}</translation>
    </message>
    <message>
        <source>Parameter adjustments made</source>
        <translation>参数调整</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Faults found</source>
        <translation>发现的故障</translation>
    </message>
    <message>
        <source>SN {serial}: {text}   ticket {number}</source>
        <translation>序列号 {serial}：{text}   问题单 {number}</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Customer sign-off</source>
        <translation>客户签字确认</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <source>Times are shown in {zone}.</source>
        <translation>时间按 {zone} 显示。</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>巡检计划</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Technical inspections</source>
        <translation>技术巡检</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Customer signs…</source>
        <translation>客户签字…</translation>
    </message>
    <message>
        <source>Export report (PDF)…</source>
        <translation>导出报告PDF…</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Technical inspections {period}</source>
        <translation>技术巡检 {period}</translation>
    </message>
    <message>
        <source>{planned} planned ({overdue} overdue), {done} done, {signed} signed.</source>
        <translation>计划 {planned} 次（逾期 {overdue} 次），已完成 {done} 次，已签字 {signed} 次。</translation>
    </message>
    <message>
        <source>{state}, overdue</source>
        <translation>{state}，已逾期</translation>
    </message>
    <message>
        <source>{period}: {added} inspections planned, {refreshed} brought up to date, {withdrawn} withdrawn, {kept} done kept, {skipped} without a checklist.</source>
        <translation>{period}：新计划巡检 {added} 次，更新 {refreshed} 次，撤回 {withdrawn} 次，保留已完成 {kept} 次，无检查表 {skipped} 次。</translation>
    </message>
    <message>
        <source>Select an inspection first.</source>
        <translation>请先选择一次巡检。</translation>
    </message>
    <message>
        <source>Assign inspection</source>
        <translation>指派巡检</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Save inspection report</source>
        <translation>保存巡检报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Survey question</source>
        <translation>问卷问题</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Options (one per line)</source>
        <translation>选项（每行一个）</translation>
    </message>
    <message>
        <source>Write the question.</source>
        <translation>请填写问题。</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign visit</source>
        <translation>改派拜访</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>拜访人</translation>
    </message>
    <message>
        <source>A date is agreed</source>
        <translation>已约定日期</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
</context>
<context>
    <name>RecordCallDialog</name>
    <message>
        <source>Record call</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
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
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>{made} of {most}</source>
        <translation>{made} / {most}</translation>
    </message>
    <message>
        <source>Attempts so far</source>
        <translation>已拨打次数</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <source>Not solved: what now</source>
        <translation>问题未解决：处理方式</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Reopen the ticket</source>
        <translation>重新打开问题单</translation>
    </message>
    <message>
        <source>Open a quality complaint</source>
        <translation>创建质量投诉</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Close call</source>
        <translation>结束回访</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>The call on {ticket} is closed as unreachable: no more attempts are made and no survey is taken.</source>
        <translation>{ticket} 的回访将以“无法联系”结束：不再尝试拨打，也不做满意度调查。</translation>
    </message>
    <message>
        <source>This is attempt {attempt} of {most}: saving closes the call as unreachable.</source>
        <translation>这是第 {attempt} 次拨打（共 {most} 次）：保存后回访将按未联系上关闭。</translation>
    </message>
    <message>
        <source>This is attempt {attempt} of {most}; the call stays due.</source>
        <translation>这是第 {attempt} 次拨打（共 {most} 次）；回访仍待完成。</translation>
    </message>
    <message>
        <source>Saving closes the call as unreachable: no more attempts are made.</source>
        <translation>保存后回访将按未联系上关闭，不再拨打。</translation>
    </message>
    <message>
        <source>Ask the customer the questions below.</source>
        <translation>请向客户询问以下问题。</translation>
    </message>
    <message>
        <source>Not solved: reopen the ticket or open a quality complaint, and say why.</source>
        <translation>问题未解决：请选择重新打开问题单或创建质量投诉，并说明原因。</translation>
    </message>
    <message>
        <source>A score of 1 or 2 opens a corrective action for the branch manager: note what the customer was unhappy about.</source>
        <translation>评分为 1 或 2 将为分支机构经理创建整改措施：请在备注中记录客户不满意之处。</translation>
    </message>
</context>
<context>
    <name>RecordVisitDialog</name>
    <message>
        <source>Record visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Product quality feedback</source>
        <translation>产品质量反馈</translation>
    </message>
    <message>
        <source>Service feedback</source>
        <translation>服务反馈</translation>
    </message>
    <message>
        <source>The customer&apos;s opinions</source>
        <translation>客户意见</translation>
    </message>
</context>
<context>
    <name>SchedulesPanel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>巡检计划</translation>
    </message>
    <message>
        <source>New schedule…</source>
        <translation>新建巡检计划…</translation>
    </message>
    <message>
        <source>End schedule…</source>
        <translation>终止巡检计划…</translation>
    </message>
    <message>
        <source>Inspection schedules</source>
        <translation>巡检计划</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>By load</source>
        <translation>按工作量分配</translation>
    </message>
    <message>
        <source>Open-ended</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>{day} (contract end)</source>
        <translation>{day}（合同到期）</translation>
    </message>
    <message>
        <source>New inspection schedule</source>
        <translation>新建巡检计划</translation>
    </message>
    <message>
        <source>First inspection</source>
        <translation>首次巡检</translation>
    </message>
    <message>
        <source>The one with the fewest inspections</source>
        <translation>巡检次数最少的工程师</translation>
    </message>
    <message>
        <source>It runs until the latest contract end of its machines, unless ended.</source>
        <translation>除非提前终止，计划持续到所含设备中最晚的合同到期日。</translation>
    </message>
    <message>
        <source>All machines</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <source>Select a schedule first.</source>
        <translation>请先选择一个巡检计划。</translation>
    </message>
    <message>
        <source>End inspection schedule</source>
        <translation>终止巡检计划</translation>
    </message>
    <message>
        <source>Planned inspections of {customer} after the last day are withdrawn; done ones stay.</source>
        <translation>{customer} 在最后一天之后已计划的巡检将撤回；已完成的保留。</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>The schedule of {customer} ends on {day}: its planned inspections after that day are withdrawn; done ones stay.</source>
        <translation>{customer} 的巡检计划将于 {day} 结束：该日之后已安排的巡检将被撤销，已完成的保留。</translation>
    </message>
    <message>
        <source>End schedule</source>
        <translation>结束巡检计划</translation>
    </message>
</context>
<context>
    <name>ScorecardPage</name>
    <message>
        <source>Staff scorecard</source>
        <translation>员工考核</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Include the units below</source>
        <translation>包含下级机构</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>Mean satisfaction</source>
        <translation>满意度均分</translation>
    </message>
    <message>
        <source>Solved answers</source>
        <translation>已解决比例</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Export the scorecard</source>
        <translation>导出员工考核</translation>
    </message>
    <message>
        <source>Exporting the scorecard…</source>
        <translation>正在导出员工考核…</translation>
    </message>
    <message>
        <source>Wrote the scorecard to {path}.</source>
        <translation>员工考核已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Customer signature</source>
        <translation>客户签字</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>{customer} confirms the inspection and its findings.</source>
        <translation>{customer} 确认本次巡检及其发现。</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <source>Name of the customer who signs</source>
        <translation>签字客户的姓名</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>The report is sealed as signed by the customer: its results and findings can no longer be changed.</source>
        <translation>报告将以客户签字的形式封存：其结果和发现事项不能再修改。</translation>
    </message>
</context>
<context>
    <name>SurveyEditorPage</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Add question…</source>
        <translation>添加问题…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Publish new version</source>
        <translation>发布新版本</translation>
    </message>
    <message>
        <source>{category} (v{version})</source>
        <translation>{category}（第 {version} 版）</translation>
    </message>
    <message>
        <source>Version {version}, published {when} by {who}.</source>
        <translation>第 {version} 版，{who} 于 {when} 发布。</translation>
    </message>
    <message>
        <source>Default questions, not yet published.</source>
        <translation>默认问题，尚未发布。</translation>
    </message>
    <message>
        <source> Unpublished changes.</source>
        <translation> 有未发布的修改。</translation>
    </message>
    <message>
        <source>Follow-up surveys</source>
        <translation>回访问卷</translation>
    </message>
    <message>
        <source>Every survey asks this question.</source>
        <translation>每份问卷都必须包含这个问题。</translation>
    </message>
</context>
<context>
    <name>VisitPlanPage</name>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Generate plan</source>
        <translation>生成计划</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>改派…</translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation>记录拜访…</translation>
    </message>
    <message>
        <source>Add action…</source>
        <translation>添加行动项…</translation>
    </message>
    <message>
        <source>Action done</source>
        <translation>行动项完成</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
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
        <source>Assignee</source>
        <translation>拜访人</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Open visit actions</source>
        <translation>未完成的拜访行动项</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成的行动项</translation>
    </message>
    <message>
        <source>“{text}” for {customer} is marked done and leaves the open actions; it cannot be reopened.</source>
        <translation>{customer} 的“{text}”将标记为已完成并移出未完成事项，且不能重新打开。</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Overdue and unplanned</source>
        <translation>逾期与未计划</translation>
    </message>
    <message>
        <source>Visit plan {quarter}</source>
        <translation>拜访计划 {quarter}</translation>
    </message>
    <message>
        <source>Open visit actions {quarter}</source>
        <translation>未完成的拜访行动项 {quarter}</translation>
    </message>
    <message>
        <source>{done} of {planned} visits done ({percent:.0f} %); {overdue} overdue, {unplanned} customers without a visit.</source>
        <translation>已完成 {done}/{planned} 次拜访（{percent:.0f} %）；逾期 {overdue} 次，{unplanned} 个客户未安排拜访。</translation>
    </message>
    <message>
        <source>Plan generated: {added} visits planned, {cancelled} cancelled, {kept} done visits kept.</source>
        <translation>计划已生成：新安排 {added} 次拜访，取消 {cancelled} 次，保留已完成的 {kept} 次。</translation>
    </message>
    <message>
        <source>Select a visit first.</source>
        <translation>请先选择一次拜访。</translation>
    </message>
    <message>
        <source>Select an open action first.</source>
        <translation>请先选择一个未完成的行动项。</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <source>See follow-up calls and visits</source>
        <translation>查看回访和拜访</translation>
    </message>
    <message>
        <source>Record follow-up calls</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>See quarterly customer visit plans</source>
        <translation>查看季度客户拜访计划</translation>
    </message>
    <message>
        <source>Generate and assign quarterly visit plans</source>
        <translation>生成并分派季度拜访计划</translation>
    </message>
    <message>
        <source>Record customer visits and their actions</source>
        <translation>记录客户拜访及其行动项</translation>
    </message>
    <message>
        <source>Edit the follow-up surveys (HQ)</source>
        <translation>编辑回访问卷（总部）</translation>
    </message>
    <message>
        <source>See corrective actions</source>
        <translation>查看整改措施</translation>
    </message>
    <message>
        <source>Close the unit&apos;s corrective actions</source>
        <translation>关闭本单位的整改措施</translation>
    </message>
    <message>
        <source>See technical inspections and their reports</source>
        <translation>查看技术巡检及巡检报告</translation>
    </message>
    <message>
        <source>Schedule, generate and assign technical inspections</source>
        <translation>制定、生成和指派技术巡检</translation>
    </message>
    <message>
        <source>Record technical inspections and have them signed</source>
        <translation>记录技术巡检并请客户签字</translation>
    </message>
    <message>
        <source>Edit the inspection checklists (HQ)</source>
        <translation>编辑巡检检查表（总部）</translation>
    </message>
    <message>
        <source>See the staff scorecard and satisfaction figures</source>
        <translation>查看员工考核和满意度统计</translation>
    </message>
    <message>
        <source>Set the staff scorecard&apos;s weights (HQ)</source>
        <translation>设置员工考核的权重（总部）</translation>
    </message>
    <message>
        <source>Follow-up calls</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Follow-up surveys</source>
        <translation>回访问卷</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Technical inspections</source>
        <translation>技术巡检</translation>
    </message>
    <message>
        <source>Staff scorecard</source>
        <translation>员工考核</translation>
    </message>
    <message>
        <source>Follow-up calls due</source>
        <translation>待回访数</translation>
    </message>
    <message>
        <source>No such follow-up call.</source>
        <translation>没有这条回访记录。</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>问题单</translation>
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
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Call by</source>
        <translation>应回访时间</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>问题已解决</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>关闭人</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>拜访人</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <source>Visit plan {quarter}</source>
        <translation>拜访计划 {quarter}</translation>
    </message>
    <message>
        <source>Done at ({zone})</source>
        <translation>完成时间（{zone}）</translation>
    </message>
    <message>
        <source>Visit actions</source>
        <translation>拜访行动项</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>{state}, overdue</source>
        <translation>{state}，已逾期</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝回访</translation>
    </message>
    <message>
        <source>A visit plan covers one quarter, such as 2026Q3.</source>
        <translation>拜访计划以一个季度为单位，例如 2026Q3。</translation>
    </message>
    <message>
        <source>Only {unit} can change its visits: it keeps them in its own database.</source>
        <translation>只有{unit}能修改其拜访：这些数据保存在它自己的数据库中。</translation>
    </message>
    <message>
        <source>No such visit.</source>
        <translation>没有这次拜访。</translation>
    </message>
    <message>
        <source>{label} {day} is outside the quarter {quarter} ({start} to {end}).</source>
        <translation>{label} {day} 不在季度 {quarter}（{start} 至 {end}）之内。</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>{unit} has no active salesperson or field engineer to visit its customers.</source>
        <translation>{unit}没有在职的销售人员或现场工程师来拜访客户。</translation>
    </message>
    <message>
        <source>Only a planned visit can be reassigned; this one is {state}.</source>
        <translation>只有计划中的拜访可以改派；这次拜访{state}。</translation>
    </message>
    <message>
        <source>Choose an active salesperson or field engineer of the unit.</source>
        <translation>请选择本单位在职的销售人员或现场工程师。</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>No such inspection.</source>
        <translation>没有这次巡检。</translation>
    </message>
    <message>
        <source>This inspection is signed by the customer and can no longer change.</source>
        <translation>本次巡检已由客户签字，不能再修改。</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not a number.</source>
        <translation>{label}：“{text}”不是数字。</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Half-yearly</source>
        <translation>每半年</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>更换</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>扩容</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>This visit was cancelled: the customer is retired.</source>
        <translation>这次拜访已取消：该客户已停用。</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <source>{label} {day} is in the future.</source>
        <translation>{label} {day} 是将来的日期。</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Record the visit before adding the actions agreed at it.</source>
        <translation>请先记录拜访，再添加拜访中商定的行动项。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动项</translation>
    </message>
    <message>
        <source>Choose an active user of the unit as the owner.</source>
        <translation>请选择本单位的在职用户作为负责人。</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>No such action.</source>
        <translation>没有这个行动项。</translation>
    </message>
    <message>
        <source>Only the action&apos;s owner or a person who plans or records visits can complete it.</source>
        <translation>只有行动项负责人或负责计划、记录拜访的人员可以将其完成。</translation>
    </message>
    <message>
        <source>This action is already done.</source>
        <translation>该行动项已完成。</translation>
    </message>
    <message>
        <source>Choose how the call went.</source>
        <translation>请选择通话结果。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Ticket {number} was reopened on {when}: this follow-up call is withdrawn.</source>
        <translation>问题单 {number} 已于 {when} 重新打开，此回访已撤回。</translation>
    </message>
    <message>
        <source>The follow-up call on ticket {number} is already closed ({state}): there is nothing more to record.</source>
        <translation>问题单 {number} 的回访已结束（{state}），无需再记录。</translation>
    </message>
    <message>
        <source>The problem is not solved: choose to reopen the ticket or to open a quality complaint.</source>
        <translation>问题未解决：请选择重新打开问题单或创建质量投诉。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Ticket {number} has no customer on record, so no complaint can be opened for it: reopen the ticket instead.</source>
        <translation>问题单 {number} 没有登记客户，无法为其创建投诉：请改为重新打开问题单。</translation>
    </message>
    <message>
        <source>A score of {score} opens a corrective action: note what the customer was unhappy about.</source>
        <translation>评分 {score} 将创建整改措施：请在备注中记录客户不满意之处。</translation>
    </message>
    <message>
        <source>Ticket {number} cannot be reopened: {reason} Open a quality complaint instead.</source>
        <translation>问题单 {number} 无法重新打开：{reason} 请改为创建质量投诉。</translation>
    </message>
    <message>
        <source>No plugin keeps tickets here: the ticket cannot be reopened.</source>
        <translation>本系统未启用问题单插件，无法重新打开问题单。</translation>
    </message>
    <message>
        <source>No plugin keeps tickets here: no complaint can be opened.</source>
        <translation>本系统未启用问题单插件，无法创建投诉。</translation>
    </message>
    <message>
        <source>You may not edit inspection checklists.</source>
        <translation>您无权编辑巡检检查表。</translation>
    </message>
    <message>
        <source>Inspection checklists are maintained at HQ.</source>
        <translation>巡检检查表由总部维护。</translation>
    </message>
    <message>
        <source>Edit checklist…</source>
        <translation>编辑检查表…</translation>
    </message>
    <message>
        <source>No such checklist.</source>
        <translation>没有这个检查表。</translation>
    </message>
    <message>
        <source>Product line is required.</source>
        <translation>产品线为必填项。</translation>
    </message>
    <message>
        <source>Version {version} of the {line} checklist already has exactly these items.</source>
        <translation>{line} 检查表第 {version} 版已包含完全相同的检查项。</translation>
    </message>
    <message>
        <source>Item {number}</source>
        <translation>第 {number} 项</translation>
    </message>
    <message>
        <source>{label}: the text is required.</source>
        <translation>{label}：内容为必填项。</translation>
    </message>
    <message>
        <source>{label}: at most 300 characters.</source>
        <translation>{label}：最多 300 个字符。</translation>
    </message>
    <message>
        <source>{label}: unknown kind “{kind}”.</source>
        <translation>{label}：未知类型“{kind}”。</translation>
    </message>
    <message>
        <source>{label}: only a measurement has a unit and an expected range.</source>
        <translation>{label}：只有测量项才有单位和建议范围。</translation>
    </message>
    <message>
        <source>{label}: the unit has at most 16 characters.</source>
        <translation>{label}：单位最多 16 个字符。</translation>
    </message>
    <message>
        <source>{label}: the expected range ends below its start.</source>
        <translation>{label}：建议范围的上限低于下限。</translation>
    </message>
    <message>
        <source>A checklist needs at least one item.</source>
        <translation>检查表至少需要一个检查项。</translation>
    </message>
    <message>
        <source>A checklist has at most {count} items.</source>
        <translation>检查表最多 {count} 个检查项。</translation>
    </message>
    <message>
        <source>The item “{text}” appears twice.</source>
        <translation>检查项“{text}”重复出现。</translation>
    </message>
    <message>
        <source>No such corrective action.</source>
        <translation>没有这条整改措施。</translation>
    </message>
    <message>
        <source>Only the action&apos;s owner or a branch manager can close it.</source>
        <translation>只有整改负责人或分支机构经理可以关闭。</translation>
    </message>
    <message>
        <source>This corrective action is already closed.</source>
        <translation>这条整改措施已经关闭。</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>整改结果</translation>
    </message>
    <message>
        <source>Follow-up call withdrawn</source>
        <translation>回访已撤回</translation>
    </message>
    <message>
        <source>The ticket was reopened before the call was made.</source>
        <translation>回访前问题单已重新打开。</translation>
    </message>
    <message>
        <source>Follow-up call: {outcome}</source>
        <translation>回访：{outcome}</translation>
    </message>
    <message>
        <source>solved: {solved}; satisfaction {score} of 5</source>
        <translation>问题已解决：{solved}；满意度 {score} 分（满分 5 分）</translation>
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
        <source>attempt {number} of {most}</source>
        <translation>第 {number} 次（共 {most} 次）</translation>
    </message>
    <message>
        <source>closed as unreachable</source>
        <translation>按未联系上关闭</translation>
    </message>
    <message>
        <source>ticket reopened: {reason}</source>
        <translation>问题单已重新打开：{reason}</translation>
    </message>
    <message>
        <source>quality complaint {number} opened: {reason}</source>
        <translation>已创建质量投诉 {number}：{reason}</translation>
    </message>
    <message>
        <source>Corrective action opened</source>
        <translation>提出整改措施</translation>
    </message>
    <message>
        <source>Satisfaction {score} of 5: {reason}; owner {owner}, due {due}</source>
        <translation>满意度 {score} 分（满分 5 分）：{reason}；负责人 {owner}，期限 {due}</translation>
    </message>
    <message>
        <source>Corrective action closed</source>
        <translation>整改措施已关闭</translation>
    </message>
    <message>
        <source>{unit} has no active field engineer to inspect its customers.</source>
        <translation>{unit} 没有在职的现场工程师为客户巡检。</translation>
    </message>
    <message>
        <source>Choose an active field engineer of the unit.</source>
        <translation>请选择本单位在职的现场工程师。</translation>
    </message>
    <message>
        <source>The inspection report is made once the customer has signed the inspection; this one is not signed yet.</source>
        <translation>巡检报告须在客户签字后生成；本次巡检尚未签字。</translation>
    </message>
    <message>
        <source>The archived report of this inspection no longer matches what the customer signed: it was changed outside the program.</source>
        <translation>本次巡检的存档报告与客户签字时的内容不符：已在程序之外被修改。</translation>
    </message>
    <message>
        <source>No such customer.</source>
        <translation>没有这个客户。</translation>
    </message>
    <message>
        <source>Choose how often the customer is inspected.</source>
        <translation>请选择客户的巡检周期。</translation>
    </message>
    <message>
        <source>First inspection date is required.</source>
        <translation>首次巡检日期为必填项。</translation>
    </message>
    <message>
        <source>{customer} has no machine of the product line {line} to inspect.</source>
        <translation>{customer} 没有产品线为 {line} 的设备可巡检。</translation>
    </message>
    <message>
        <source>{customer} has no machine to inspect.</source>
        <translation>{customer} 没有可巡检的设备。</translation>
    </message>
    <message>
        <source>{customer} already has a running inspection schedule for these machines ({interval}, from {day}); end it first.</source>
        <translation>{customer} 已有覆盖这些设备的有效巡检计划（{interval}，自 {day} 起）；请先终止该计划。</translation>
    </message>
    <message>
        <source>No such inspection schedule.</source>
        <translation>没有这个巡检计划。</translation>
    </message>
    <message>
        <source>Last day is required.</source>
        <translation>最后一天为必填项。</translation>
    </message>
    <message>
        <source>The schedule starts on {day}: it cannot end before.</source>
        <translation>该计划自 {day} 开始，不能早于此日期终止。</translation>
    </message>
    <message>
        <source>This inspection&apos;s checklist has no such item: a result can only be recorded for the items of its checklist version.</source>
        <translation>本次巡检的检查表中没有此项：只能为其检查表版本中的检查项记录结果。</translation>
    </message>
    <message>
        <source>{serial}, item {position} “{text}”</source>
        <translation>{serial} 第 {position} 项“{text}”</translation>
    </message>
    <message>
        <source>{where} is a check, not a measurement: it has no measured value.</source>
        <translation>{where} 是检查项而非测量项，没有测量值。</translation>
    </message>
    <message>
        <source>{where}: choose OK, attention or fault.</source>
        <translation>{where}：请选择正常、需关注或故障。</translation>
    </message>
    <message>
        <source>{where} is a measurement: enter the measured value{unit}.</source>
        <translation>{where} 是测量项：请填写测量值{unit}。</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>参数调整</translation>
    </message>
    <message>
        <source>Choose upgrade, replacement or capacity.</source>
        <translation>请选择升级、更换或扩容。</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>No such finding on this inspection.</source>
        <translation>本次巡检没有这条发现。</translation>
    </message>
    <message>
        <source>A fault found stays on the inspection: it opened ticket {number}.</source>
        <translation>发现的故障不能撤回：它已创建问题单 {number}。</translation>
    </message>
    <message>
        <source>Choose one of the inspection&apos;s machines.</source>
        <translation>请选择本次巡检的一台设备。</translation>
    </message>
    <message>
        <source>Fault found</source>
        <translation>发现故障</translation>
    </message>
    <message>
        <source>No plugin keeps tickets here: the fault cannot open one.</source>
        <translation>本安装未启用问题单插件，无法为故障创建问题单。</translation>
    </message>
    <message>
        <source>Inspection date is required.</source>
        <translation>巡检日期为必填项。</translation>
    </message>
    <message>
        <source>Inspection date is a day, such as 2026-11-27.</source>
        <translation>巡检日期应为某一天，例如 2026-11-27。</translation>
    </message>
    <message>
        <source>Inspection date {day} is before its schedule starts ({start}).</source>
        <translation>巡检日期 {day} 早于其巡检计划的开始日期（{start}）。</translation>
    </message>
    <message>
        <source>Inspection date {day} is in the future.</source>
        <translation>巡检日期 {day} 在未来。</translation>
    </message>
    <message>
        <source>The inspection cannot be completed</source>
        <translation>无法完成巡检</translation>
    </message>
    <message>
        <source>{what}: it covers no machine.</source>
        <translation>{what}：本次巡检不含任何设备。</translation>
    </message>
    <message>
        <source>{what}: {count} checklist items have no result yet, the first being {serial}, item {position} “{text}”.</source>
        <translation>{what}：还有 {count} 个检查项没有结果，第一个是 {serial} 第 {position} 项“{text}”。</translation>
    </message>
    <message>
        <source>The customer cannot sign yet</source>
        <translation>客户暂不能签字</translation>
    </message>
    <message>
        <source>The customer cannot sign yet: complete the inspection first (its date).</source>
        <translation>客户暂不能签字：请先完成巡检（填写巡检日期）。</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <source>Signed by: at most 100 characters.</source>
        <translation>签字人：最多 100 个字符。</translation>
    </message>
    <message>
        <source>The customer&apos;s signature is required.</source>
        <translation>需要客户签名。</translation>
    </message>
    <message>
        <source>Visit plans</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>(no engineer)</source>
        <translation>（无工程师）</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无类别）</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>Mean satisfaction</source>
        <translation>满意度均分</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Satisfaction trend</source>
        <translation>满意度趋势</translation>
    </message>
    <message>
        <source>Mean satisfaction by month</source>
        <translation>各月满意度均分</translation>
    </message>
    <message>
        <source>Solved answers by month</source>
        <translation>各月已解决比例</translation>
    </message>
    <message>
        <source>Satisfaction by unit and month</source>
        <translation>满意度（按机构和月份）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Satisfaction by engineer</source>
        <translation>满意度（按工程师）</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Satisfaction by category and month</source>
        <translation>满意度（按类别和月份）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>(unknown user)</source>
        <translation>（未知用户）</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Units with the units below</source>
        <translation>机构（含下级）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Solved answers</source>
        <translation>已解决比例</translation>
    </message>
    <message>
        <source>Satisfaction by unit</source>
        <translation>满意度（按机构）</translation>
    </message>
    <message>
        <source>Satisfaction by category</source>
        <translation>满意度（按类别）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>计算公式</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Tickets handled</source>
        <translation>处理问题单数</translation>
    </message>
    <message>
        <source>First response met</source>
        <translation>响应达成率</translation>
    </message>
    <message>
        <source>On-site arrival met</source>
        <translation>到场达成率</translation>
    </message>
    <message>
        <source>Resolution met</source>
        <translation>解决达成率</translation>
    </message>
    <message>
        <source>Follow-ups on time</source>
        <translation>按时回访率</translation>
    </message>
    <message>
        <source>Visits done against plan</source>
        <translation>拜访完成率</translation>
    </message>
    <message>
        <source>Inspections done against schedule</source>
        <translation>巡检完成率</translation>
    </message>
    <message>
        <source>Corrective actions open at the period&apos;s end</source>
        <translation>期末未关闭整改项</translation>
    </message>
    <message>
        <source>mean satisfaction ÷ 5</source>
        <translation>满意度均分÷5</translation>
    </message>
    <message>
        <source>{weight} % × {term}</source>
        <translation>{weight}%×{term}</translation>
    </message>
    <message>
        <source>Overall score = {terms}. A figure without a base (nothing due in the period) is left out and the other weights are scaled up to 100 %.</source>
        <translation>总分 = {terms}。没有基数的指标（本期无到期项）不计入，其余权重按比例放大到 100%。</translation>
    </message>
    <message>
        <source>{measure} has no weight in the overall score.</source>
        <translation>{measure} 不参与总分计算，不能设置权重。</translation>
    </message>
    <message>
        <source>{measure}: a weight is a whole percent from 0 to 100.</source>
        <translation>{measure}：权重须为 0 到 100 的整数百分比。</translation>
    </message>
    <message>
        <source>The weights add up to {total} %; they must add up to 100 %.</source>
        <translation>权重合计为 {total}%，必须合计为 100%。</translation>
    </message>
    <message>
        <source>The scorecard weights are HQ reference data: this database is a branch&apos;s, so change them at HQ.</source>
        <translation>考核权重是总部的基础数据：本数据库属于分支机构，请在总部修改。</translation>
    </message>
    <message>
        <source>Follow-up surveys are maintained at HQ.</source>
        <translation>回访问卷由总部维护。</translation>
    </message>
    <message>
        <source>The scorecard weights are HQ reference data: only HQ changes them.</source>
        <translation>考核权重是总部的基础数据：只有总部可以修改。</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <source>Score 1–5</source>
        <translation>评分 1–5</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Surveys are HQ reference data: they are changed at HQ and reach this installation with the next pull.</source>
        <translation>回访问卷是总部的基础数据：在总部修改，下次同步时下发到本系统。</translation>
    </message>
    <message>
        <source>No ticket category {category}.</source>
        <translation>没有问题单类别 {category}。</translation>
    </message>
    <message>
        <source>The survey is unchanged: there is nothing to publish.</source>
        <translation>问卷没有修改，无需发布。</translation>
    </message>
    <message>
        <source>Every survey asks “{question}”: it cannot be removed.</source>
        <translation>每份问卷都必须询问“{question}”，不能删除。</translation>
    </message>
    <message>
        <source>Question {number}: {message}</source>
        <translation>第 {number} 题：{message}</translation>
    </message>
    <message>
        <source>the code is lower-case letters, digits and _ (at most 32).</source>
        <translation>代码只能由小写字母、数字和 _ 组成（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>the code {code} is used twice.</source>
        <translation>代码 {code} 重复。</translation>
    </message>
    <message>
        <source>the question has no text.</source>
        <translation>问题没有内容。</translation>
    </message>
    <message>
        <source>unknown kind {kind}.</source>
        <translation>未知类型 {kind}。</translation>
    </message>
    <message>
        <source>“{question}” stays a {kind} question.</source>
        <translation>“{question}”必须保持为{kind}题。</translation>
    </message>
    <message>
        <source>a choice needs at least two different options.</source>
        <translation>选择题至少需要两个不同的选项。</translation>
    </message>
    <message>
        <source>Was the problem solved?</source>
        <translation>问题是否已经解决？</translation>
    </message>
    <message>
        <source>How satisfied are you?</source>
        <translation>您的满意度如何？</translation>
    </message>
    <message>
        <source>The answers are a question → answer mapping.</source>
        <translation>回答须按“问题 → 答案”逐项给出。</translation>
    </message>
    <message>
        <source>The survey has no question {code}.</source>
        <translation>问卷中没有问题 {code}。</translation>
    </message>
    <message>
        <source>A reached customer answers “{question}”.</source>
        <translation>已接通的客户必须回答“{question}”。</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>请回答是或否。</translation>
    </message>
    <message>
        <source>A score is a whole number from 1 to 5.</source>
        <translation>评分是 1 到 5 的整数。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the options: {options}.</source>
        <translation>“{value}”不在选项之中：{options}。</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <source>Scorecard weights</source>
        <translation>考核权重</translation>
    </message>
    <message>
        <source>How much each figure counts in the overall score, in percent. The weights add up to 100 %; a weight of 0 leaves the figure out.</source>
        <translation>各项指标在总分中所占的百分比。权重合计须为 100%；权重为 0 的指标不计入总分。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
</TS>
