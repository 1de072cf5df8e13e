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
    <name>Training</name>
    <message>
        <source>See training</source>
        <translation>查看培训</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
</context>
</TS>
