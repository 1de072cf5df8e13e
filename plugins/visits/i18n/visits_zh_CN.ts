<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Call by</source>
        <translation>应回访时间</translation>
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
    <message>
        <source>Satisfaction 1–5 (0 if the customer was unreachable)</source>
        <translation>满意度 1–5（未联系上客户填 0）</translation>
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
        <source>Follow-up calls</source>
        <translation>回访</translation>
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
</context>
</TS>
