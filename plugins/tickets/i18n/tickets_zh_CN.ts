<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainPage</name>
    <message>
        <source>{n} records</source>
        <translation>{n} 条记录</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>See tickets</source>
        <translation>查看问题单</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>问题单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
</context>
</TS>
