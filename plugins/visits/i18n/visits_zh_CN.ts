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
        <source>All</source>
        <translation>全部</translation>
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
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Call by</source>
        <translation>应回访时间</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
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
        <source>Record call</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>Select a call first.</source>
        <translation>请先选择一条回访。</translation>
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
        <source>The customer was reached</source>
        <translation>已联系到客户</translation>
    </message>
    <message>
        <source>The problem is solved</source>
        <translation>问题已解决</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
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
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成的行动项</translation>
    </message>
    <message>
        <source>Overdue and unplanned</source>
        <translation>逾期与未计划</translation>
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
        <source>Follow-up calls</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
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
        <source>Satisfaction is a score from 1 to 5.</source>
        <translation>满意度为 1 到 5 分。</translation>
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
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
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
</context>
</TS>
