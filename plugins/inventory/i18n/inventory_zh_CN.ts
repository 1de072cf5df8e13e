<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Inventory</name>
    <message>
        <source>See spare parts</source>
        <translation>查看备件</translation>
    </message>
    <message>
        <source>Spare parts</source>
        <translation>备品备件</translation>
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
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <source>{n} records</source>
        <translation>{n} 条记录</translation>
    </message>
</context>
</TS>
