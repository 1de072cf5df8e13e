<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Certification</name>
    <message>
        <source>See certificates</source>
        <translation>查看证书</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>上岗证书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
