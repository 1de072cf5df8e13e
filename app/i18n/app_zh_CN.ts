<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>Service Center Suite {version}
After-sales service for a three-tier service network.</source>
        <translation>服务中心套件 {version}
面向三级服务体系的售后服务管理系统。</translation>
    </message>
    <message>
        <source>Data folder: {folder}
Database: {database}
Log file: {log}</source>
        <translation>数据文件夹：{folder}
数据库：{database}
日志文件：{log}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>password set</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Org units</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>who (e.g. admin@BJ)</source>
        <translation>操作人（例如 admin@BJ）</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>{user} lacks the permission “{permission}”.</source>
        <translation>{user} 没有“{permission}”权限。</translation>
    </message>
    <message>
        <source>Roles apply nationwide; only HQ administrators change them.</source>
        <translation>角色在全国通用，只有总部管理员可以修改。</translation>
    </message>
    <message>
        <source>No role {role}.</source>
        <translation>没有角色 {role}。</translation>
    </message>
    <message>
        <source>This would leave no active user who can manage users.</source>
        <translation>此操作会导致没有任何在职用户可以管理用户。</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>{field} is too long: at most {limit} characters, {length} given.</source>
        <translation>{field}过长：最多 {limit} 个字符，当前为 {length} 个。</translation>
    </message>
    <message>
        <source>A user name is 1–{n} characters without “@” or spaces.</source>
        <translation>用户名为 1–{n} 个字符，且不能包含“@”或空格。</translation>
    </message>
    <message>
        <source>You may only add users to your own part of the network.</source>
        <translation>只能在本机构及下级机构中新增用户。</translation>
    </message>
    <message>
        <source>User {user}@{org} already exists.</source>
        <translation>用户 {user}@{org} 已存在。</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>This user is outside your part of the network.</source>
        <translation>该用户不在您管辖的机构范围内。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Wrong user name or password. {n} attempts left before the account locks.</source>
        <translation>用户名或密码错误。再错 {n} 次账号将被锁定。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: the account is locked until {time}.</source>
        <translation>登录失败次数过多：账号已锁定至 {time}。</translation>
    </message>
    <message>
        <source>The database is busy with another task, such as an import: sign in again in a moment.</source>
        <translation>数据库正忙于其他任务（例如导入）：请稍后再登录。</translation>
    </message>
    <message>
        <source>Sign-in could not use the database: {reason}</source>
        <translation>登录时无法使用数据库：{reason}</translation>
    </message>
</context>
<context>
    <name>Calendars</name>
    <message>
        <source>Unknown calendar mode “{mode}”.</source>
        <translation>未知的日历模式“{mode}”。</translation>
    </message>
    <message>
        <source>{day} is marked both as a holiday and as a working day.</source>
        <translation>{day} 同时被标为假日和工作日。</translation>
    </message>
    <message>
        <source>Weekdays are numbered 0 (Monday) to 6 (Sunday).</source>
        <translation>星期用 0（星期一）到 6（星期日）表示。</translation>
    </message>
    <message>
        <source>Choose at least one working weekday.</source>
        <translation>请至少选择一个工作日（星期）。</translation>
    </message>
    <message>
        <source>Interval {n} ends at {end}, before it starts at {start}.</source>
        <translation>第 {n} 个时段结束于 {end}，早于其开始时间 {start}。</translation>
    </message>
    <message>
        <source>Give at least one interval of working hours.</source>
        <translation>请至少填写一个工作时段。</translation>
    </message>
    <message>
        <source>The intervals {first} and {second} overlap.</source>
        <translation>时段 {first} 与 {second} 重叠。</translation>
    </message>
    <message>
        <source>“{text}” is not a time of day: write it as HH:MM, e.g. 09:00.</source>
        <translation>“{text}”不是时刻：请写成 HH:MM，例如 09:00。</translation>
    </message>
    <message>
        <source>Unknown time zone “{zone}”.</source>
        <translation>未知的时区“{zone}”。</translation>
    </message>
    <message>
        <source>“{value}” is not a date: write it as YYYY-MM-DD.</source>
        <translation>“{value}”不是日期：请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Tomb-sweeping Day</source>
        <translation>清明节</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>劳动节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <source>Mid-autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>Victory Day (70th anniversary)</source>
        <translation>抗战胜利70周年纪念日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Missing column.</source>
        <translation>缺少此列。</translation>
    </message>
    <message>
        <source>Nothing was imported: {n} problems.</source>
        <translation>未导入任何内容：{n} 个问题。</translation>
    </message>
    <message>
        <source>{day} also appears in row {row}.</source>
        <translation>{day} 在第 {row} 行也出现了。</translation>
    </message>
    <message>
        <source>“{value}” is neither “holiday” nor “working day”.</source>
        <translation>“{value}”既不是“假日”也不是“工作日”。</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>假日</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>The national calendar is HQ reference data: change it at HQ.</source>
        <translation>全国节假日日历是总部的参考数据：请在总部修改。</translation>
    </message>
    <message>
        <source>Unknown kind of day “{kind}”.</source>
        <translation>未知的日期类型“{kind}”。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Meets the target</source>
        <translation>达到目标</translation>
    </message>
    <message>
        <source>Below the target</source>
        <translation>低于目标</translation>
    </message>
    <message>
        <source>Target {value}</source>
        <translation>目标 {value}</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Service Center Suite</source>
        <translation>服务中心套件</translation>
    </message>
    <message>
        <source>SQLAlchemy URL of the database to use</source>
        <translation>要使用的数据库（SQLAlchemy URL）</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>set up this installation&apos;s org unit and administrator</source>
        <translation>设置本安装所属机构及管理员</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>the provisioning file from the parent (instead of tier, code, name, parent)</source>
        <translation>上级生成的开通文件（代替层级、代码、名称和上级）</translation>
    </message>
    <message>
        <source>this installation&apos;s tier: HQ, branch or partner</source>
        <translation>本安装的层级：总部（hq）、分支机构（branch）或合作伙伴（partner）</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>the org unit&apos;s nationwide code, e.g. BJ</source>
        <translation>机构的全国唯一代码，如 BJ</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>the org unit&apos;s name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>the parent org unit&apos;s code</source>
        <translation>上级机构的代码</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>the administrator&apos;s user name</source>
        <translation>管理员的用户名</translation>
    </message>
    <message>
        <source>a text file with the administrator&apos;s password on its first line</source>
        <translation>第一行为管理员密码的文本文件</translation>
    </message>
    <message>
        <source>upgrade, back up or restore the database</source>
        <translation>升级、备份或恢复数据库</translation>
    </message>
    <message>
        <source>upgrade the database to this version</source>
        <translation>将数据库升级到本版本</translation>
    </message>
    <message>
        <source>copy the SQLite database to a backup file</source>
        <translation>把 SQLite 数据库复制为备份文件</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>the folder for the backup (default: the backups folder)</source>
        <translation>备份存放的文件夹（默认：备份文件夹）</translation>
    </message>
    <message>
        <source>replace the SQLite database with a backup</source>
        <translation>用备份替换 SQLite 数据库</translation>
    </message>
    <message>
        <source>the backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>autogenerate a migration on one branch</source>
        <translation>为一个分支自动生成迁移脚本</translation>
    </message>
    <message>
        <source>BRANCH</source>
        <translation>分支</translation>
    </message>
    <message>
        <source>the migration branch: core or a plugin&apos;s name</source>
        <translation>迁移分支：core 或插件名称</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>what the migration changes</source>
        <translation>本次迁移修改的内容</translation>
    </message>
    <message>
        <source>list plugins, versions and load errors</source>
        <translation>列出插件、版本及加载错误</translation>
    </message>
    <message>
        <source>add, list or change users</source>
        <translation>新增、列出或修改用户</translation>
    </message>
    <message>
        <source>add a user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>USER@ORG</source>
        <translation>用户名@机构代码</translation>
    </message>
    <message>
        <source>user name and org unit code</source>
        <translation>用户名和机构代码</translation>
    </message>
    <message>
        <source>the name shown</source>
        <translation>显示的姓名</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>a role code; repeat for several roles</source>
        <translation>角色代码；多个角色可重复填写</translation>
    </message>
    <message>
        <source>a text file with the password on its first line (default: ask)</source>
        <translation>第一行为密码的文本文件（默认：提示输入）</translation>
    </message>
    <message>
        <source>list the users</source>
        <translation>列出用户</translation>
    </message>
    <message>
        <source>set a user&apos;s password</source>
        <translation>设置用户的密码</translation>
    </message>
    <message>
        <source>fill the database with realistic demo data</source>
        <translation>向数据库填充逼真的演示数据</translation>
    </message>
    <message>
        <source>N</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>about how many tickets (default: 1000)</source>
        <translation>大约多少张问题单（默认：1000）</translation>
    </message>
    <message>
        <source>the same seed makes the same data (default: 1)</source>
        <translation>相同的种子生成相同的数据（默认：1）</translation>
    </message>
    <message>
        <source>at HQ: only the reference data branches pull (catalogs, types, keys)</source>
        <translation>仅在总部使用：只生成各分公司下载的基础数据（目录、类型、密钥）</translation>
    </message>
    <message>
        <source>export reports</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>the HQ Excel rollup for a period</source>
        <translation>某一期间的总部 Excel 汇总报表</translation>
    </message>
    <message>
        <source>PERIOD</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>2026, 2026Q3, 2026-07 or 2026-07-01..2026-09-30</source>
        <translation>期间：2026、2026Q3、2026-07 或 2026-07-01..2026-09-30</translation>
    </message>
    <message>
        <source>only this org unit&apos;s subtree</source>
        <translation>仅限此机构及其下级</translation>
    </message>
    <message>
        <source>the Excel workbook to write</source>
        <translation>要写入的 Excel 工作簿</translation>
    </message>
    <message>
        <source>open every page offscreen and report</source>
        <translation>在后台打开每个页面并报告结果</translation>
    </message>
    <message>
        <source>exchange data with the parent installation</source>
        <translation>与上级安装同步数据</translation>
    </message>
    <message>
        <source>send this subtree&apos;s changes to the parent</source>
        <translation>将本节点及下级的变更发送给上级</translation>
    </message>
    <message>
        <source>URL|FILE</source>
        <translation>URL|文件</translation>
    </message>
    <message>
        <source>the parent&apos;s database or a bundle file (default: the connected parent)</source>
        <translation>上级的数据库或数据包文件（默认：已连接的上级）</translation>
    </message>
    <message>
        <source>fetch reference data and answers from the parent</source>
        <translation>从上级获取基础数据和答复</translation>
    </message>
    <message>
        <source>where this node stands</source>
        <translation>查看本节点的同步状态</translation>
    </message>
    <message>
        <source>remember the parent (provisioning file or URL)</source>
        <translation>设置上级（开通文件或数据库 URL）</translation>
    </message>
    <message>
        <source>the parent&apos;s database URL or the provisioning file</source>
        <translation>上级数据库的 URL 或开通文件</translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>sync automatically every so many minutes while the app runs (0: off)</source>
        <translation>程序运行时每隔多少分钟自动同步（0：关闭）</translation>
    </message>
    <message>
        <source>write an offline bundle</source>
        <translation>导出离线同步包</translation>
    </message>
    <message>
        <source>the bundle file to write</source>
        <translation>要写入的数据包文件</translation>
    </message>
    <message>
        <source>everything, not only what is new</source>
        <translation>导出全部数据，而不只是新的变更</translation>
    </message>
    <message>
        <source>a bundle for a child that cannot connect</source>
        <translation>为无法联网的下级生成同步包</translation>
    </message>
    <message>
        <source>apply an offline bundle</source>
        <translation>导入离线同步包</translation>
    </message>
    <message>
        <source>the bundle file</source>
        <translation>数据包文件</translation>
    </message>
    <message>
        <source>manage the child installations of this one</source>
        <translation>管理本安装的下级安装</translation>
    </message>
    <message>
        <source>give a branch or partner what it needs to sync</source>
        <translation>为分公司或合作伙伴开通同步所需的一切</translation>
    </message>
    <message>
        <source>the child&apos;s org unit code</source>
        <translation>下级机构的代码</translation>
    </message>
    <message>
        <source>write the provisioning file here</source>
        <translation>开通文件的保存位置</translation>
    </message>
    <message>
        <source>how the child reaches this database (default: this URL)</source>
        <translation>下级访问本数据库的地址（默认：当前 URL）</translation>
    </message>
    <message>
        <source>create the org unit one tier below this one if it is new</source>
        <translation>如果机构是新的，就在本机构下一级创建它</translation>
    </message>
    <message>
        <source>No display: start the app from a desktop session (or set QT_QPA_PLATFORM=offscreen).</source>
        <translation>没有显示器：请在桌面会话中启动程序（或设置 QT_QPA_PLATFORM=offscreen）。</translation>
    </message>
    <message>
        <source>The database cannot be used: {detail}</source>
        <translation>无法使用该数据库：{detail}</translation>
    </message>
    <message>
        <source>The database is not set up yet: run “service-center init” first.</source>
        <translation>数据库尚未初始化：请先运行“service-center init”。</translation>
    </message>
    <message>
        <source>Give the password with --password-file.</source>
        <translation>请用 --password-file 提供密码。</translation>
    </message>
    <message>
        <source>Cannot read the password file {path} (it must be UTF-8 text).</source>
        <translation>无法读取密码文件 {path}（须为 UTF-8 文本）。</translation>
    </message>
    <message>
        <source>The password file {path} is empty: put the password on its first line.</source>
        <translation>密码文件 {path} 为空：请将密码写在第一行。</translation>
    </message>
    <message>
        <source>The first line of the password file {path} is blank: the password must be on the first line.</source>
        <translation>密码文件 {path} 的第一行为空：密码必须写在第一行。</translation>
    </message>
    <message>
        <source>Set up {code} {name}; administrator {user}@{code}.</source>
        <translation>已设置 {code} {name}；管理员 {user}@{code}。</translation>
    </message>
    <message>
        <source>Give --tier, --org-code and --org-name, or --provision FILE.</source>
        <translation>请指定 --tier、--org-code 和 --org-name，或者 --provision 文件。</translation>
    </message>
    <message>
        <source>Database upgraded.</source>
        <translation>数据库已升级。</translation>
    </message>
    <message>
        <source>Database already up to date.</source>
        <translation>数据库已是最新。</translation>
    </message>
    <message>
        <source>Backups here cover the embedded SQLite database; use pg_dump for PostgreSQL.</source>
        <translation>此处备份仅适用于内置 SQLite 数据库；PostgreSQL 请使用 pg_dump。</translation>
    </message>
    <message>
        <source>Restore replaces the embedded SQLite database only; restore a PostgreSQL database with pg_restore from a pg_dump file.</source>
        <translation>恢复只适用于内置的 SQLite 数据库；PostgreSQL 数据库请用 pg_restore 从 pg_dump 文件恢复。</translation>
    </message>
    <message>
        <source>Restored {path}.</source>
        <translation>已从 {path} 恢复。</translation>
    </message>
    <message>
        <source>The database it replaced is kept as {path}.</source>
        <translation>被替换的数据库已保留为 {path}。</translation>
    </message>
    <message>
        <source>No branch {branch}.</source>
        <translation>没有分支 {branch}。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Added {login}.</source>
        <translation>已新增 {login}。</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>No user {login}.</source>
        <translation>没有用户 {login}。</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>--scale must be at least 1.</source>
        <translation>--scale 至少为 1。</translation>
    </message>
    <message>
        <source>Wrote {n} sheets to {path}.</source>
        <translation>已写入 {n} 个工作表到 {path}。</translation>
    </message>
    <message>
        <source>push</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>pull</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Parent set: {where}.</source>
        <translation>已设置上级：{where}。</translation>
    </message>
    <message>
        <source>bundles only</source>
        <translation>仅用离线同步包</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Node {node}, parent {parent} ({where}).</source>
        <translation>节点 {node}，上级 {parent}（{where}）。</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Changes not yet confirmed by the parent: {n}.</source>
        <translation>上级尚未确认的变更：{n} 条。</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>上次上传</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>上次下载</translation>
    </message>
    <message>
        <source>Conflicts kept: {c}; rows refused: {e}.</source>
        <translation>保留的冲突：{c} 条；被拒绝的行：{e} 条。</translation>
    </message>
    <message>
        <source>Child {code}: last push {push}, last pull {pull}</source>
        <translation>下级 {code}：上次上传 {push}，上次下载 {pull}</translation>
    </message>
    <message>
        <source>Wrote {rows} rows (changes {start}–{end}) to {path}.</source>
        <translation>已将 {rows} 行（变更 {start}–{end}）写入 {path}。</translation>
    </message>
    <message>
        <source>{path} was imported before; nothing changed.</source>
        <translation>{path} 之前已导入过，没有任何改动。</translation>
    </message>
    <message>
        <source>Applied {rows} rows from {node} ({conflicts} conflicts kept, {errors} refused).</source>
        <translation>已应用来自 {node} 的 {rows} 行（保留冲突 {conflicts} 条，拒绝 {errors} 条）。</translation>
    </message>
    <message>
        <source>Provisioned {code}; give {path} to its administrator (it holds a password: keep it safe).</source>
        <translation>已开通 {code}；请把 {path} 交给其管理员（文件中含有密码，请妥善保管）。</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>the following arguments are required: {names}</source>
        <translation>以下参数是必需的：{names}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {words}</source>
        <translation>无法识别的参数：{words}</translation>
    </message>
    <message>
        <source>argument {name}: invalid choice: {value} (choose from {choices})</source>
        <translation>{name}：{value} 不是可用的选项（可选：{choices}）</translation>
    </message>
    <message>
        <source>argument {name}: invalid {type} value: {value}</source>
        <translation>{name}：{value} 不是有效的值</translation>
    </message>
    <message>
        <source>argument {name}: expected one argument</source>
        <translation>{name} 需要一个值</translation>
    </message>
    <message>
        <source>argument {name}: expected at most one argument</source>
        <translation>{name} 最多接受一个值</translation>
    </message>
    <message>
        <source>argument {name}: expected at least one argument</source>
        <translation>{name} 至少需要一个值</translation>
    </message>
    <message>
        <source>argument {name}: ignored explicit argument {value}</source>
        <translation>{name} 不接受值（给出了 {value}）</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>{option} 有歧义：可能是 {matches}</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the parent</source>
        <translation>连接上级</translation>
    </message>
    <message>
        <source>provisioning file (.json) or postgresql://host/database</source>
        <translation>开通文件（.json）或 postgresql://主机/数据库</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>off (sync by hand only)</source>
        <translation>关闭（仅手动同步）</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Sync automatically every</source>
        <translation>自动同步间隔</translation>
    </message>
    <message>
        <source>Provisioning file</source>
        <translation>开通文件</translation>
    </message>
    <message>
        <source>Provisioning file (*.json);;All files (*)</source>
        <translation>开通文件 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboards</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>A year, quarter, month or range of days: {forms}</source>
        <translation>年、季度、月份或日期范围：{forms}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上一级</translation>
    </message>
    <message>
        <source>Show the unit above</source>
        <translation>显示上一级单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Computing the figures for {period}…</source>
        <translation>正在计算 {period} 的数据…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>{path} · {name} · {period}</source>
        <translation>{path} · {name} · {period}</translation>
    </message>
    <message>
        <source>The figures could not be read: {error}</source>
        <translation>无法读取数据：{error}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>{measure}: target {value}</source>
        <translation>{measure}：目标 {value}</translation>
    </message>
    <message>
        <source>{name} (own work)</source>
        <translation>{name}（本单位）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Double-click to see the units of {name}</source>
        <translation>双击查看{name}下属单位</translation>
    </message>
    <message>
        <source>No plugin reports figures for {period}.</source>
        <translation>没有插件报告 {period} 的数据。</translation>
    </message>
    <message>
        <source>No figure is drawn as a chart.</source>
        <translation>没有需要绘制图表的数据。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>There is no database at {path} to back up.</source>
        <translation>{path} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <source>Cannot write the backup to {folder}: {error}</source>
        <translation>无法把备份写入 {folder}：{error}</translation>
    </message>
    <message>
        <source>Cannot replace {path}: {error}</source>
        <translation>无法替换 {path}：{error}</translation>
    </message>
    <message>
        <source>Backup file not found: {path}</source>
        <translation>找不到备份文件：{path}</translation>
    </message>
    <message>
        <source>{path} is not a valid database backup: {reason}.</source>
        <translation>{path} 不是有效的数据库备份：{reason}。</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>文件为空（0 字节）</translation>
    </message>
    <message>
        <source>it is not a SQLite database</source>
        <translation>它不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>it cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <source>it is damaged ({problem})</source>
        <translation>文件已损坏（{problem}）</translation>
    </message>
    <message>
        <source>it is an empty database</source>
        <translation>这是一个空数据库</translation>
    </message>
    <message>
        <source>it is not a Service Center Suite database (it has no schema revision)</source>
        <translation>它不是服务中心套件的数据库（没有数据库结构版本）</translation>
    </message>
    <message>
        <source>it was written by a newer or different version of the program (unknown schema revision {revision})</source>
        <translation>它由更新或不同版本的程序写入（未知的数据库结构版本 {revision}）</translation>
    </message>
    <message>
        <source>it lacks the core tables {tables}</source>
        <translation>缺少核心数据表 {tables}</translation>
    </message>
    <message>
        <source>no installation was ever set up in it</source>
        <translation>其中从未完成安装设置</translation>
    </message>
    <message>
        <source>Not a database URL: {url}</source>
        <translation>不是数据库 URL：{url}</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Unsupported database type: {name}</source>
        <translation>不支持的数据库类型：{name}</translation>
    </message>
    <message>
        <source>The migration would break references: {rows}</source>
        <translation>该迁移会破坏数据引用：{rows}</translation>
    </message>
    <message>
        <source>This database was written by a newer or different version of the program (unknown schema revision); it is left untouched.</source>
        <translation>此数据库由更新或不同版本的程序写入（未知的数据库结构版本），未做任何改动。</translation>
    </message>
    <message>
        <source>{path} is in use by another program (the app, a command or a database tool): close it, then try again.</source>
        <translation>{path} 正被其他程序（本程序、某个命令或数据库工具）使用：请先关闭它，然后重试。</translation>
    </message>
    <message>
        <source>{path} is being restored by another command; open it again when that has finished.</source>
        <translation>另一个命令正在恢复 {path}；请在恢复完成后再打开。</translation>
    </message>
    <message>
        <source>Cannot open the lock file {path}: {error}</source>
        <translation>无法打开锁文件 {path}：{error}</translation>
    </message>
    <message>
        <source>Cannot lock {path}: {error}</source>
        <translation>无法锁定 {path}：{error}</translation>
    </message>
    <message>
        <source>{table} is append-only: its rows cannot be changed or deleted ({operation} refused). Record a correcting entry instead.</source>
        <translation>{table} 只能追加：其中的记录不能修改或删除（已拒绝 {operation}）。请另记一条更正记录。</translation>
    </message>
    <message>
        <source>The disk holding the database {database} is full: free some space, then try again. The change was not saved.</source>
        <translation>数据库 {database} 所在的磁盘已满：请释放一些空间后重试。本次修改未保存。</translation>
    </message>
    <message>
        <source>The database {database} is busy with other work (an import, a demo fill or another user): try again in a moment. The change was not saved.</source>
        <translation>数据库 {database} 正忙于其他工作（导入、生成演示数据或其他用户）：请稍后重试。本次修改未保存。</translation>
    </message>
    <message>
        <source>A number is too large for the database to store. The change was not saved.</source>
        <translation>有数字太大，数据库无法保存。本次修改未保存。</translation>
    </message>
    <message>
        <source>A text is longer than the database allows. The change was not saved.</source>
        <translation>有文字超过数据库允许的长度。本次修改未保存。</translation>
    </message>
    <message>
        <source>The disk holding the database {database} failed to read or write: check the disk. The change was not saved.</source>
        <translation>数据库 {database} 所在的磁盘读写失败：请检查磁盘。本次修改未保存。</translation>
    </message>
    <message>
        <source>The database {database} is damaged: restore a backup.</source>
        <translation>数据库 {database} 已损坏：请恢复备份。</translation>
    </message>
    <message>
        <source>The database {database} can only be read here: check the file&apos;s permissions. The change was not saved.</source>
        <translation>数据库 {database} 在此处只读：请检查文件权限。本次修改未保存。</translation>
    </message>
    <message>
        <source>“{field}” is too long: at most {limit} characters ({length} given).</source>
        <translation>“{field}”过长：最多 {limit} 个字符（实际 {length} 个）。</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Switch database</source>
        <translation>切换数据库</translation>
    </message>
    <message>
        <source>Switch and restart</source>
        <translation>切换并重启</translation>
    </message>
    <message>
        <source>The application restarts on the new database.</source>
        <translation>应用程序将在新数据库上重新启动。</translation>
    </message>
    <message>
        <source>SQLite file, or a database URL such as postgresql://host/db</source>
        <translation>SQLite 文件，或数据库 URL，例如 postgresql://host/db</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>SQLite database</source>
        <translation>SQLite 数据库</translation>
    </message>
    <message>
        <source>Choose a SQLite file or type a database URL.</source>
        <translation>请选择 SQLite 文件或输入数据库 URL。</translation>
    </message>
    <message>
        <source>Cannot connect: {error}</source>
        <translation>无法连接：{error}</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>This installation already has units below it; demo data is for an empty one.</source>
        <translation>本安装已有下级机构；演示数据只能加载到空的安装中。</translation>
    </message>
    <message>
        <source>This installation already has users besides its administrators; demo data is for an empty one.</source>
        <translation>本安装除管理员外已有其他用户；演示数据只能加载到空的安装中。</translation>
    </message>
    <message>
        <source>Org units and staff</source>
        <translation>机构与人员</translation>
    </message>
    <message>
        <source>HQ&apos;s reference data (courses, parts, service packages, certificate types and this center&apos;s signing key) came from a demo HQ; this installation is for trying the program and cannot join a real network.</source>
        <translation>总部参考数据（课程、备件目录、服务包、证书类别和本中心的签名密钥）来自演示总部；本安装仅供试用，不能加入真实网络。</translation>
    </message>
    <message>
        <source>Demo data cancelled: only HQ&apos;s reference data from the demo HQ was kept; the next demo builds on it.</source>
        <translation>演示数据已取消：仅保留了来自演示总部的总部参考数据，下次加载演示数据时将在其基础上进行。</translation>
    </message>
    <message>
        <source>Demo data cancelled; nothing was saved.</source>
        <translation>已取消演示数据，未保存任何内容。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Demo data: {units} org units, {users} staff (password {password}).</source>
        <translation>演示数据：{units} 个机构，{users} 名人员（密码 {password}）。</translation>
    </message>
    <message>
        <source>Reference data is HQ&apos;s: a branch or partner receives it with “service-center sync pull”.</source>
        <translation>基础数据由总部维护：分公司或合作伙伴通过“service-center sync pull”接收。</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>基础数据</translation>
    </message>
    <message>
        <source>Demo reference data is in place; branches receive it with their next pull.</source>
        <translation>演示基础数据已就绪；各分公司下次下载时即可收到。</translation>
    </message>
    <message>
        <source>HQ: set up, {n} branches registered, reference data made.</source>
        <translation>总部：已设置，已登记 {n} 个分公司，已生成基础数据。</translation>
    </message>
    <message>
        <source>This installation is connected to its parent but has received nothing from it yet: sync with the parent first (“service-center sync pull”, the Sync page, or a bundle from the parent), then load the demo.</source>
        <translation>本安装已连接上级，但尚未从上级收到任何数据：请先与上级同步（“service-center sync pull”、同步页面或上级提供的数据包），再加载演示数据。</translation>
    </message>
    <message>
        <source>Receiving HQ&apos;s reference data</source>
        <translation>正在接收总部参考数据</translation>
    </message>
    <message>
        <source>Demo HQ: setting up its database</source>
        <translation>演示总部：正在建立数据库</translation>
    </message>
    <message>
        <source>Demo HQ: {stage}</source>
        <translation>演示总部：{stage}</translation>
    </message>
</context>
<context>
    <name>DemoDataDialog</name>
    <message>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Org units, staff and records of every plugin are added to this database. Cancel while loading and nothing is saved.</source>
        <translation>将向此数据库添加组织单位、人员及各插件的记录。加载过程中取消则不保存任何内容。</translation>
    </message>
    <message>
        <source>About how many tickets?</source>
        <translation>大约多少张问题单？</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Set up this installation</source>
        <translation>设置本安装</translation>
    </message>
    <message>
        <source>This database is new. Say which org unit it serves and create its administrator.</source>
        <translation>这是一个新数据库。请指定它所服务的机构，并创建管理员。</translation>
    </message>
    <message>
        <source>Branch / authorised service center</source>
        <translation>分支机构 / 授权服务中心</translation>
    </message>
    <message>
        <source>HQ technical support</source>
        <translation>总部技术支持部</translation>
    </message>
    <message>
        <source>Channel partner</source>
        <translation>渠道合作伙伴</translation>
    </message>
    <message>
        <source>e.g. BJ</source>
        <translation>例如 BJ</translation>
    </message>
    <message>
        <source>e.g. 北京分公司</source>
        <translation>例如 北京分公司</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Org name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>Parent org code</source>
        <translation>上级机构代码</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>This cannot be left empty.</source>
        <translation>此项不能为空。</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <source>Enter a number from {minimum} to {maximum}.</source>
        <translation>请输入 {minimum} 到 {maximum} 之间的数字。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>HQ</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Welcome, {name}</source>
        <translation>欢迎，{name}</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Counters could not be read: {error}</source>
        <translation>无法读取统计数：{error}</translation>
    </message>
    <message>
        <source>Nothing to report yet.</source>
        <translation>暂无需要关注的事项。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Sheet “{sheet}”, row {row}, column {column}: {reason}</source>
        <translation>工作表“{sheet}”第 {row} 行 {column} 列：{reason}</translation>
    </message>
    <message>
        <source>… and {n} more problems.</source>
        <translation>……另有 {n} 个问题。</translation>
    </message>
    <message>
        <source>Cannot read {file} as an Excel workbook: {reason}</source>
        <translation>无法将 {file} 作为 Excel 工作簿读取：{reason}</translation>
    </message>
    <message>
        <source>it has no worksheet.</source>
        <translation>其中没有工作表。</translation>
    </message>
    <message>
        <source>it contains XML entity declarations or external references, which are refused for safety.</source>
        <translation>其中含有 XML 实体声明或外部引用，出于安全考虑拒绝读取。</translation>
    </message>
    <message>
        <source>the file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>the file cannot be opened (no permission, or another program has it open).</source>
        <translation>无法打开该文件（没有权限，或被其他程序占用）。</translation>
    </message>
    <message>
        <source>it is not an .xlsx workbook (save an .xls or .csv file as .xlsx first).</source>
        <translation>它不是 .xlsx 工作簿（请先将 .xls 或 .csv 文件另存为 .xlsx）。</translation>
    </message>
    <message>
        <source>its content is damaged ({detail}).</source>
        <translation>其内容已损坏（{detail}）。</translation>
    </message>
</context>
<context>
    <name>IntervalsEditor</name>
    <message>
        <source>Add interval</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <source>Remove this interval</source>
        <translation>删除此时段</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Write the rows of this list, as filtered now, to an Excel workbook ({shortcut})</source>
        <translation>将此列表按当前筛选条件的全部行写入 Excel 工作簿（{shortcut}）</translation>
    </message>
    <message>
        <source>Export {title} to Excel</source>
        <translation>将{title}导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting {title} to Excel</source>
        <translation>正在将{title}导出到 Excel</translation>
    </message>
    <message>
        <source>{n} rows written to {path}</source>
        <translation>已将 {n} 行写入 {path}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入文件。</translation>
    </message>
    <message>
        <source>The export failed: {reason}</source>
        <translation>导出失败：{reason}</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>导出{title}</translation>
    </message>
</context>
<context>
    <name>ListMenu</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>复制编号</translation>
    </message>
    <message>
        <source>Export selection to Excel…</source>
        <translation>将所选行导出到 Excel…</translation>
    </message>
    <message>
        <source>{title} (selection)</source>
        <translation>{title}（所选行）</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked — Service Center Suite</source>
        <translation>已锁定 — 服务中心套件</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Session locked: {name} ({login})</source>
        <translation>会话已锁定：{name} ({login})</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — Service Center Suite</source>
        <translation>登录 — 服务中心套件</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Service Center Suite — {org}</source>
        <translation>服务中心套件 — {org}</translation>
    </message>
    <message>
        <source>This page could not be opened: {error}</source>
        <translation>无法打开此页面：{error}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User: {name} ({login})</source>
        <translation>用户：{name}（{login}）</translation>
    </message>
    <message>
        <source>Org unit: {code}</source>
        <translation>机构：{code}</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
</context>
<context>
    <name>NationalCalendarDialog</name>
    <message>
        <source>National calendar</source>
        <translation>全国节假日日历</translation>
    </message>
    <message>
        <source>Public holidays and make-up working days of the PRC as shipped cover {first}–{last}. Where the State Council&apos;s arrangement is newer, mark its days here or import a sheet with the columns date, kind (holiday or working day) and name. HQ&apos;s marks reach every unit with the next sync.</source>
        <translation>随程序提供的中华人民共和国法定节假日和调休上班日覆盖 {first}–{last} 年。国务院发布了更新的安排时，请在此标记相应日期，或导入包含日期、类型（假日或工作日）和名称三列的表格。总部的标记在下次同步时到达每个单位。</translation>
    </message>
    <message>
        <source>A click on a day makes it</source>
        <translation>单击某天将其设为</translation>
    </message>
    <message>
        <source>a holiday</source>
        <translation>假日</translation>
    </message>
    <message>
        <source>a working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>as shipped</source>
        <translation>恢复为随程序提供的数据</translation>
    </message>
    <message>
        <source>Name of the days marked</source>
        <translation>所标日期的名称</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>例如：春节</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Nothing is known about {year} yet: mark the State Council&apos;s arrangement or import it.</source>
        <translation>尚无 {year} 年的节假日数据：请标记国务院的安排或导入。</translation>
    </message>
    <message>
        <source>Import the national calendar</source>
        <translation>导入全国节假日日历</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{n} days imported and saved.</source>
        <translation>已导入并保存 {n} 天。</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>数据看板</translation>
    </message>
</context>
<context>
    <name>OrgEditDialog</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>New unit below {code}</source>
        <translation>在 {code} 下新建单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
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
        <source>{hotline} (as the unit above)</source>
        <translation>{hotline}（沿用上级单位）</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Inherit from the parent unit</source>
        <translation>继承上级单位</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>7×24</source>
        <translation>7×24</translation>
    </message>
</context>
<context>
    <name>OrgFilter</name>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Include the units below it</source>
        <translation>含下级单位</translation>
    </message>
</context>
<context>
    <name>OrgUnitsDialog</name>
    <message>
        <source>Org units</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>服务日历</translation>
    </message>
    <message>
        <source>Add unit below…</source>
        <translation>新增下级机构…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>日历…</translation>
    </message>
    <message>
        <source>National calendar…</source>
        <translation>全国节假日日历…</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source> (inherited)</source>
        <translation>（继承）</translation>
    </message>
    <message>
        <source>7×24</source>
        <translation>7×24</translation>
    </message>
    <message>
        <source>Business hours {hours}</source>
        <translation>工作时间 {hours}</translation>
    </message>
    <message>
        <source>Select an org unit first.</source>
        <translation>请先选择一个机构。</translation>
    </message>
    <message>
        <source>Partners have no units below them.</source>
        <translation>合作伙伴下不能再设机构。</translation>
    </message>
</context>
<context>
    <name>Orgs</name>
    <message>
        <source>Org code “{code}” must be 1–32 letters, digits or dashes.</source>
        <translation>机构代码“{code}”须为 1–32 个字母、数字或短横线。</translation>
    </message>
    <message>
        <source>No org unit with code {code}.</source>
        <translation>没有代码为 {code} 的机构。</translation>
    </message>
    <message>
        <source>Unknown tier {tier}.</source>
        <translation>未知级别 {tier}。</translation>
    </message>
    <message>
        <source>The org unit needs a name.</source>
        <translation>机构需要名称。</translation>
    </message>
    <message>
        <source>HQ has no parent.</source>
        <translation>总部没有上级机构。</translation>
    </message>
    <message>
        <source>A branch or partner needs a parent unit.</source>
        <translation>分支机构或合作伙伴需要上级机构。</translation>
    </message>
    <message>
        <source>A {tier} cannot sit under a {parent_tier}.</source>
        <translation>{tier} 不能隶属于 {parent_tier}。</translation>
    </message>
    <message>
        <source>You may only create units inside your own part of the network.</source>
        <translation>只能在本机构管辖范围内创建机构。</translation>
    </message>
    <message>
        <source>Org code {code} is already taken.</source>
        <translation>机构代码 {code} 已被使用。</translation>
    </message>
    <message>
        <source>{unit} is kept by {keeper}: its details are changed there and reach this installation with the next sync.</source>
        <translation>{unit}由{keeper}维护：其资料须在那里修改，下次同步时到达本机。</translation>
    </message>
    <message>
        <source>“{value}” is not a telephone number: use digits, spaces, +, - and parentheses only.</source>
        <translation>“{value}”不是电话号码：只能包含数字、空格、+、- 和括号。</translation>
    </message>
    <message>
        <source>This unit is outside your part of the network.</source>
        <translation>该机构不在您的管辖范围内。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>See the whole subtree of one&apos;s org unit</source>
        <translation>查看本机构及全部下级机构</translation>
    </message>
    <message>
        <source>Manage users and roles</source>
        <translation>管理用户和角色</translation>
    </message>
    <message>
        <source>Manage org units</source>
        <translation>管理机构</translation>
    </message>
    <message>
        <source>View the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>Change settings and plugins</source>
        <translation>修改设置和插件</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>Export the Excel rollup</source>
        <translation>导出 Excel 汇总报表</translation>
    </message>
    <message>
        <source>See the dashboards of the network&apos;s figures</source>
        <translation>查看服务网络数据看板</translation>
    </message>
    <message>
        <source>Sync with the parent and see sync problems</source>
        <translation>与上级同步并查看同步问题</translation>
    </message>
    <message>
        <source>Provision child installations</source>
        <translation>开通下级安装</translation>
    </message>
    <message>
        <source>Correct the national holiday calendar (HQ)</source>
        <translation>修正全国节假日日历（总部）</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status / error</source>
        <translation>状态 / 错误</translation>
    </message>
    <message>
        <source>Changes take effect when the application starts next.</source>
        <translation>更改将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>PrintedDocument</name>
    <message>
        <source>Print {title}</source>
        <translation>打印 {title}</translation>
    </message>
    <message>
        <source>Could not start printing {title}: the printer or file is not available.</source>
        <translation>无法开始打印 {title}：打印机或文件不可用。</translation>
    </message>
</context>
<context>
    <name>ProvisionDialog</name>
    <message>
        <source>Provision a child installation</source>
        <translation>开通下级安装</translation>
    </message>
    <message>
        <source>e.g. BJ or BJ-P01</source>
        <translation>例如 BJ 或 BJ-P01</translation>
    </message>
    <message>
        <source>only for a unit that does not exist yet</source>
        <translation>仅在机构尚不存在时填写</translation>
    </message>
    <message>
        <source>optional: how the child reaches this database</source>
        <translation>可选：下级访问本数据库的地址</translation>
    </message>
    <message>
        <source>Org unit code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address for the child</source>
        <translation>下级使用的地址</translation>
    </message>
    <message>
        <source>Save the file as</source>
        <translation>文件保存为</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Save the provisioning file</source>
        <translation>保存开通文件</translation>
    </message>
    <message>
        <source>Provisioning file (*.json)</source>
        <translation>开通文件 (*.json)</translation>
    </message>
    <message>
        <source>Choose where to save the provisioning file.</source>
        <translation>请选择开通文件的保存位置。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QuarterFigures</name>
    <message>
        <source>This quarter&apos;s figures could not be read: {error}</source>
        <translation>无法读取本季度数据：{error}</translation>
    </message>
    <message>
        <source>{period} at {name}</source>
        <translation>{name} · {period}</translation>
    </message>
    <message>
        <source>{name} (own work)</source>
        <translation>{name}（本单位）</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>HQ</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Org units</source>
        <translation>机构数</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>服务网络</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Active staff</source>
        <translation>在岗人员</translation>
    </message>
    <message>
        <source>No org unit with the code {code}.</source>
        <translation>没有代码为 {code} 的机构。</translation>
    </message>
    <message>
        <source>Collecting figures</source>
        <translation>正在汇总数据</translation>
    </message>
    <message>
        <source>No plugin has anything to report for {period}.</source>
        <translation>{period} 没有任何可汇总的数据。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>分公司</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>截止日期（含）</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Everything the reader may see</source>
        <translation>读取人可见的全部机构</translation>
    </message>
    <message>
        <source>Read by</source>
        <translation>读取人</translation>
    </message>
    <message>
        <source>Source database</source>
        <translation>数据来源数据库</translation>
    </message>
    <message>
        <source>Generated at</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Application version</source>
        <translation>程序版本</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>{title}: {n} rows written</source>
        <translation>{title}：已写入 {n} 行</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入文件。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder.</source>
        <translation>无法写入 {path}：这是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Period: write the period to report, e.g. {forms}.</source>
        <translation>期间：请填写要汇总的期间，例如 {forms}。</translation>
    </message>
    <message>
        <source>Period: “{text}” has no month {month}.</source>
        <translation>期间：“{text}”中没有第 {month} 月。</translation>
    </message>
    <message>
        <source>Period: “{text}” is not a period; write one of {forms}.</source>
        <translation>期间：“{text}”不是有效的期间，请填写以下形式之一：{forms}。</translation>
    </message>
    <message>
        <source>Period: the range ends on {last}, before it starts on {first}.</source>
        <translation>期间：日期范围结束于 {last}，早于开始日期 {first}。</translation>
    </message>
    <message>
        <source>Period: {day} is not a date.</source>
        <translation>期间：{day} 不是有效日期。</translation>
    </message>
    <message>
        <source>Period: the year must be between {first} and {last}.</source>
        <translation>期间：年份必须在 {first} 到 {last} 之间。</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Network total</source>
        <translation>全网合计</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>RolePicker</name>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Hotline engineer</source>
        <translation>热线工程师</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>调度员</translation>
    </message>
    <message>
        <source>Field engineer</source>
        <translation>现场工程师</translation>
    </message>
    <message>
        <source>Branch manager</source>
        <translation>分支机构经理</translation>
    </message>
    <message>
        <source>Follow-up specialist</source>
        <translation>回访专员</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训讲师</translation>
    </message>
    <message>
        <source>HQ analyst</source>
        <translation>总部分析员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>RollupExportDialog</name>
    <message>
        <source>Export rollup</source>
        <translation>导出汇总表</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Save the workbook as</source>
        <translation>工作簿保存为</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Exporting the rollup…</source>
        <translation>正在导出汇总表…</translation>
    </message>
    <message>
        <source>Choose where to save the workbook.</source>
        <translation>请选择工作簿的保存位置。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Wrote {n} sheets to {path}.</source>
        <translation>已将 {n} 个工作表写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Unknown setting: {name}</source>
        <translation>未知设置：{name}</translation>
    </message>
    <message>
        <source>Unsupported language.</source>
        <translation>不支持的语言。</translation>
    </message>
    <message>
        <source>Idle lock must be 0 (off) to 480 minutes.</source>
        <translation>空闲锁定须为 0（关闭）到 480 分钟。</translation>
    </message>
    <message>
        <source>Keep between 1 and 100 backups.</source>
        <translation>保留的备份数须在 1 到 100 之间。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Lock the window after idle</source>
        <translation>空闲多久后锁定窗口</translation>
    </message>
    <message>
        <source>Database backups to keep</source>
        <translation>保留的数据库备份数</translation>
    </message>
    <message>
        <source>A new language shows after a restart.</source>
        <translation>新语言在重启后生效。</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>This database is already set up.</source>
        <translation>此数据库已经初始化。</translation>
    </message>
</context>
<context>
    <name>ShellActions</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Search this page</source>
        <translation>在本页搜索</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Switch database…</source>
        <translation>切换数据库…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Switch user / Sign out…</source>
        <translation>切换用户/注销…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Plugins…</source>
        <translation>插件…</translation>
    </message>
    <message>
        <source>Users and roles…</source>
        <translation>用户和角色…</translation>
    </message>
    <message>
        <source>Org units…</source>
        <translation>机构…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <source>Load demo data…</source>
        <translation>加载演示数据…</translation>
    </message>
    <message>
        <source>Export rollup…</source>
        <translation>导出汇总报表…</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <source>The signature must be a PNG image.</source>
        <translation>签名必须是 PNG 图片。</translation>
    </message>
    <message>
        <source>The signature image is too large ({size} KB; at most {limit} KB).</source>
        <translation>签名图片过大（{size} KB，最多 {limit} KB）。</translation>
    </message>
    <message>
        <source>The signature image is damaged or incomplete.</source>
        <translation>签名图片已损坏或不完整。</translation>
    </message>
    <message>
        <source>The signature image must be between {min}×{min} and {width}×{height} pixels; this one is {w}×{h}.</source>
        <translation>签名图片尺寸须在 {min}×{min} 至 {width}×{height} 像素之间，当前为 {w}×{h}。</translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database could not be opened: {error}</source>
        <translation>无法打开数据库：{error}</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Load demo data (org units, staff and records of every plugin) to try the app?</source>
        <translation>是否加载演示数据（机构、人员及各插件的记录）来试用本系统？</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This node has no key for bundles: connect it with the provisioning file from its parent first (service-center sync connect FILE).</source>
        <translation>本节点还没有数据包密钥：请先用上级发来的开通文件连接（service-center sync connect 文件）。</translation>
    </message>
    <message>
        <source>{code} has not been provisioned here (service-center hq provision-node {code}).</source>
        <translation>{code} 尚未在本处开通（service-center hq provision-node {code}）。</translation>
    </message>
    <message>
        <source>{path} is not a complete sync bundle (truncated or altered); nothing was applied.</source>
        <translation>{path} 不是完整的同步数据包（被截断或被改动），未应用任何数据。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} was not signed by a node provisioned here (or was altered); nothing was applied.</source>
        <translation>{path} 不是由本处开通的节点签名的（或已被改动），未应用任何数据。</translation>
    </message>
    <message>
        <source>{path} is older than the last bundle imported from {node}: it was imported before, nothing was applied.</source>
        <translation>{path} 早于上次从 {node} 导入的数据包：它此前已导入过，未应用任何内容。</translation>
    </message>
    <message>
        <source>A bundle from {node} is missing: this one starts at change {start}, but only changes up to {have} have arrived. Export a full bundle at {node} (sync export --full) and import that.</source>
        <translation>缺少一个来自 {node} 的数据包：本包从变更 {start} 开始，但只收到了 {have} 之前的变更。请在 {node} 导出完整数据包（sync export --full）后再导入。</translation>
    </message>
    <message>
        <source>{path} was made for {node}, not for this installation; nothing was applied.</source>
        <translation>{path} 是为 {node} 制作的，不属于本安装，未应用任何数据。</translation>
    </message>
    <message>
        <source>{path} is older than the last bundle imported from the parent; nothing was applied.</source>
        <translation>{path} 早于上次从上级导入的数据包，未应用任何内容。</translation>
    </message>
    <message>
        <source>The bundle names no valid node.</source>
        <translation>数据包中没有有效的节点。</translation>
    </message>
    <message>
        <source>{path} is not a provisioning file of this program.</source>
        <translation>{path} 不是本程序的开通文件。</translation>
    </message>
    <message>
        <source>This database is not set up yet: run “service-center init” first.</source>
        <translation>数据库尚未初始化：请先运行“service-center init”。</translation>
    </message>
    <message>
        <source>No org unit {code}.</source>
        <translation>没有组织单位 {code}。</translation>
    </message>
    <message>
        <source>{code} is not below this installation&apos;s org unit: only a parent can provision it.</source>
        <translation>{code} 不在本安装的组织单位之下：只能由其上级开通。</translation>
    </message>
    <message>
        <source>The parent database has no schema: set it up with the same version of the program first.</source>
        <translation>上级数据库没有表结构：请先用同一版本的程序初始化它。</translation>
    </message>
    <message>
        <source>The parent&apos;s database schema is older than this one&apos;s ({missing}): upgrade the parent first, then sync again.</source>
        <translation>上级数据库的表结构比本库旧（{missing}）：请先升级上级，再同步。</translation>
    </message>
    <message>
        <source>The parent has no record of this node (its database is new or was restored): sending everything again.</source>
        <translation>上级没有本节点的记录（其数据库是新的或已恢复）：重新发送全部数据。</translation>
    </message>
    <message>
        <source>The parent is a different database than last time: sending everything again.</source>
        <translation>上级数据库与上次不同：重新发送全部数据。</translation>
    </message>
    <message>
        <source>This database or the parent&apos;s was restored from a backup since the last push: sending everything again.</source>
        <translation>自上次上传以来，本库或上级数据库已从备份恢复：重新发送全部数据。</translation>
    </message>
    <message>
        <source>The parent is a different database than last time: fetching everything again.</source>
        <translation>上级数据库与上次不同：重新获取全部数据。</translation>
    </message>
    <message>
        <source>This database or the parent&apos;s was restored from a backup since the last pull: fetching everything again.</source>
        <translation>自上次下载以来，本库或上级数据库已从备份恢复：重新获取全部数据。</translation>
    </message>
    <message>
        <source>The interval must be 0 (off) or more minutes.</source>
        <translation>间隔必须为 0（关闭）或更多分钟。</translation>
    </message>
    <message>
        <source>This installation holds demo data with a demo HQ&apos;s keys and reference data; it cannot join a real network. Set up a new installation from the parent&apos;s provisioning file (“service-center init --provision FILE”).</source>
        <translation>本安装含有演示数据以及演示总部的密钥和参考数据，不能加入真实网络。请用上级单位的开通文件新建安装（“service-center init --provision 文件”）。</translation>
    </message>
    <message>
        <source>Another sync of this installation is running: try again when it has finished.</source>
        <translation>本安装的另一次同步正在进行：请等它结束后再试。</translation>
    </message>
    <message>
        <source>No parent is set: connect this installation first (service-center sync connect FILE-OR-URL, or the Sync page).</source>
        <translation>尚未设置上级：请先连接本安装（service-center sync connect 文件或URL，或在“数据同步”页面中连接）。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The parent at {where} could not be reached or stopped answering ({detail}). Nothing was lost: the next sync continues from where the parent stands.</source>
        <translation>无法连接位于 {where} 的上级，或上级中途停止响应（{detail}）。没有数据丢失：下次同步会从上级已确认的位置继续。</translation>
    </message>
    <message>
        <source>Sent {rows} rows and {deleted} deletions in {batches} batches.</source>
        <translation>已分 {batches} 批发送 {rows} 行和 {deleted} 条删除。</translation>
    </message>
    <message>
        <source>Received {rows} rows and {deleted} deletions in {batches} batches.</source>
        <translation>已分 {batches} 批接收 {rows} 行和 {deleted} 条删除。</translation>
    </message>
    <message>
        <source>{n} conflicting versions kept aside (see the Sync page).</source>
        <translation>另存了 {n} 个冲突版本（见“数据同步”页面）。</translation>
    </message>
    <message>
        <source>{n} rows refused (see the Sync page).</source>
        <translation>{n} 行被拒绝（见“数据同步”页面）。</translation>
    </message>
    <message>
        <source>A partner has no child installations.</source>
        <translation>合作伙伴没有下级安装。</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>This is HQ, the top of the network: it has no parent to sync with.</source>
        <translation>这里是总部，位于服务网络的顶层：没有可同步的上级。</translation>
    </message>
    <message>
        <source>No parent is set: connect this installation to its parent first.</source>
        <translation>尚未设置上级：请先将本安装连接到上级。</translation>
    </message>
    <message>
        <source>No key for bundles yet: connect with the provisioning file from the parent first.</source>
        <translation>还没有同步包密钥：请先用上级提供的开通文件连接。</translation>
    </message>
    <message>
        <source>Provisioning child installations needs its own permission.</source>
        <translation>开通下级安装需要单独的权限。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>This installation</source>
        <translation>本安装</translation>
    </message>
    <message>
        <source>This node</source>
        <translation>本节点</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Automatic sync</source>
        <translation>自动同步</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>待发送的变更</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>上次上传</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>上次下载</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Child installations</source>
        <translation>下级安装</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>已开通</translation>
    </message>
    <message>
        <source>No child installation has been provisioned here yet.</source>
        <translation>此处尚未开通任何下级安装。</translation>
    </message>
    <message>
        <source>Provision node…</source>
        <translation>开通节点…</translation>
    </message>
    <message>
        <source>Bundle for the selected child…</source>
        <translation>为所选下级生成同步包…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Connect to parent…</source>
        <translation>连接上级…</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <source>Changes since the last push…</source>
        <translation>上次上传以来的变更…</translation>
    </message>
    <message>
        <source>Everything (a full bundle)…</source>
        <translation>全部数据（完整同步包）…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>导入同步包…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>主键</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Select a row to see all of it.</source>
        <translation>选择一行可查看完整内容。</translation>
    </message>
    <message>
        <source>No conflicts kept and no rows refused.</source>
        <translation>没有保留的冲突，也没有被拒绝的行。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{code} (not connected)</source>
        <translation>{code}（未连接）</translation>
    </message>
    <message>
        <source>none: this is the top of the network</source>
        <translation>无：这里是服务网络的顶层</translation>
    </message>
    <message>
        <source>every {n} minutes</source>
        <translation>每 {n} 分钟</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Times are in {zone}.</source>
        <translation>时间按 {zone} 时区显示。</translation>
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
        <source>Conflicts kept ({n})</source>
        <translation>保留的冲突（{n}）</translation>
    </message>
    <message>
        <source>Rows refused ({n})</source>
        <translation>被拒绝的行（{n}）</translation>
    </message>
    <message>
        <source>failed at {at}; last success {ok}</source>
        <translation>{at} 失败；上次成功：{ok}</translation>
    </message>
    <message>
        <source>{rows} rows and {deleted} deletions sent</source>
        <translation>已发送 {rows} 行、{deleted} 条删除</translation>
    </message>
    <message>
        <source>{rows} rows and {deleted} deletions received</source>
        <translation>已接收 {rows} 行、{deleted} 条删除</translation>
    </message>
    <message>
        <source> ({conflicts} conflicts kept, {errors} refused)</source>
        <translation>（保留冲突 {conflicts} 条，拒绝 {errors} 条）</translation>
    </message>
    <message>
        <source>Sending this installation&apos;s changes…</source>
        <translation>正在发送本安装的变更…</translation>
    </message>
    <message>
        <source>Fetching changes from the parent…</source>
        <translation>正在从上级获取变更…</translation>
    </message>
    <message>
        <source>Cancelled. What the parent confirmed is kept; the next sync goes on from there.</source>
        <translation>已取消。上级已确认的部分都已保留，下次同步会从那里继续。</translation>
    </message>
    <message>
        <source>Syncing with the parent…</source>
        <translation>正在与上级同步…</translation>
    </message>
    <message>
        <source>Parent set: {where}.</source>
        <translation>已设置上级：{where}。</translation>
    </message>
    <message>
        <source>bundles only</source>
        <translation>仅用离线同步包</translation>
    </message>
    <message>
        <source>Provisioned {code}; give {path} to its administrator (it holds a password: keep it safe).</source>
        <translation>已开通 {code}；请把 {path} 交给其管理员（文件中含有密码，请妥善保管）。</translation>
    </message>
    <message>
        <source>Sync bundle (*.bundle)</source>
        <translation>同步包 (*.bundle)</translation>
    </message>
    <message>
        <source>Wrote {rows} rows (changes {start}–{end}) to {path}.</source>
        <translation>已将 {rows} 行（变更 {start}–{end}）写入 {path}。</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入同步包…</translation>
    </message>
    <message>
        <source>Select a child installation first.</source>
        <translation>请先选择一个下级安装。</translation>
    </message>
    <message>
        <source>Bundle for {code}</source>
        <translation>给 {code} 的同步包</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <source>Sync bundle (*.bundle);;All files (*)</source>
        <translation>同步包 (*.bundle);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Applying the bundle…</source>
        <translation>正在应用同步包…</translation>
    </message>
    <message>
        <source>{path} was imported before; nothing changed.</source>
        <translation>{path} 之前已导入过，没有任何改动。</translation>
    </message>
    <message>
        <source>Applied {rows} rows from {node} ({conflicts} conflicts kept, {errors} refused).</source>
        <translation>已应用来自 {node} 的 {rows} 行（保留冲突 {conflicts} 条，拒绝 {errors} 条）。</translation>
    </message>
</context>
<context>
    <name>UncaughtError</name>
    <message>
        <source>Something went wrong and the last step may not have been completed. The details were written to the log file:
{path}

If it happens again, send that file to support.</source>
        <translation>程序出错，刚才的操作可能没有完成。详细信息已写入日志文件：
{path}

如果再次出现，请把该文件发送给技术支持。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>UnitCalendarDialog</name>
    <message>
        <source>Calendar of {code} {name}</source>
        <translation>{code} {name} 的日历</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>As the unit above: {hours}</source>
        <translation>沿用上级单位：{hours}</translation>
    </message>
    <message>
        <source>Product default: {hours}</source>
        <translation>产品默认：{hours}</translation>
    </message>
    <message>
        <source>Own business hours</source>
        <translation>本单位的工作时间</translation>
    </message>
    <message>
        <source>Own: 7×24</source>
        <translation>本单位：7×24</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时段</translation>
    </message>
    <message>
        <source>Working weekdays</source>
        <translation>工作日（星期）</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>A click on a day makes it</source>
        <translation>单击某天将其设为</translation>
    </message>
    <message>
        <source>a holiday of this unit</source>
        <translation>本单位的假日</translation>
    </message>
    <message>
        <source>a working day of this unit</source>
        <translation>本单位的工作日</translation>
    </message>
    <message>
        <source>as inherited</source>
        <translation>沿用上级</translation>
    </message>
    <message>
        <source>7×24</source>
        <translation>7×24</translation>
    </message>
    <message>
        <source>No public holidays are known for {year} yet: HQ enters them under National calendar.</source>
        <translation>尚无 {year} 年的法定节假日数据：由总部在“全国节假日日历”中录入。</translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <source>User guide — Service Center Suite</source>
        <translation>用户指南 — 服务中心套件</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users and roles</source>
        <translation>用户和角色</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Edit roles…</source>
        <translation>编辑角色…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Activate / deactivate</source>
        <translation>启用 / 停用</translation>
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
        <source>Select a user first.</source>
        <translation>请先选择一个用户。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>{login} can no longer sign in, from now on; what the user recorded keeps the name. An administrator can activate the account again.</source>
        <translation>{login} 从现在起不能再登录；其已录入的记录仍保留该姓名。管理员可以重新启用该账号。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Save grants</source>
        <translation>保存授权</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>The cell holds a formula whose value was not saved: open the file in Excel and save it, then import it again.</source>
        <translation>该单元格是公式，但文件中没有保存其计算结果：请用 Excel 打开并保存该文件，然后重新导入。</translation>
    </message>
    <message>
        <source>The cell shows the error {error}: correct it or type the value.</source>
        <translation>该单元格显示错误 {error}：请改正公式或直接填写数值。</translation>
    </message>
    <message>
        <source>A value is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <source>{value} is a yes/no value, not a number.</source>
        <translation>{value} 是“是/否”值，不是数字。</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>{value} is too small: the least allowed is {minimum}.</source>
        <translation>{value} 太小：最小允许值为 {minimum}。</translation>
    </message>
    <message>
        <source>{value} is too large: the most allowed is {maximum}.</source>
        <translation>{value} 太大：最大允许值为 {maximum}。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>{value} has more than {places} decimal places.</source>
        <translation>{value} 的小数位超过 {places} 位。</translation>
    </message>
    <message>
        <source>{value} is not a date.</source>
        <translation>{value} 不是日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a real date.</source>
        <translation>“{value}”不是有效的日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time: write it as YYYY-MM-DD hh:mm.</source>
        <translation>“{value}”不是日期时间：请按 YYYY-MM-DD hh:mm 填写。</translation>
    </message>
    <message>
        <source>“{value}” is not a date: write it as YYYY-MM-DD.</source>
        <translation>“{value}”不是日期：请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>{value} is too early: the earliest allowed is {earliest}.</source>
        <translation>{value} 太早：最早允许 {earliest}。</translation>
    </message>
    <message>
        <source>{value} is too late: the latest allowed is {latest}.</source>
        <translation>{value} 太晚：最晚允许 {latest}。</translation>
    </message>
    <message>
        <source>Text is expected here, not a yes/no value.</source>
        <translation>此处应填写文字，而不是“是/否”值。</translation>
    </message>
    <message>
        <source>The text contains a NUL character, which cannot be stored.</source>
        <translation>文字中含有无法保存的 NUL 字符。</translation>
    </message>
    <message>
        <source>Too long: at most {limit} characters ({length} given).</source>
        <translation>过长：最多 {limit} 个字符（实际 {length} 个）。</translation>
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
        <source>Write yes or no.</source>
        <translation>请填写“是”或“否”。</translation>
    </message>
</context>
<context>
    <name>WeekdaysBox</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>YearView</name>
    <message>
        <source>Mo</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>二</translation>
    </message>
    <message>
        <source>We</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>日</translation>
    </message>
    <message>
        <source>January</source>
        <translation>一月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>二月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>三月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>四月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>五月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>六月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>七月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>八月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>九月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>十月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>十一月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>十二月</translation>
    </message>
    <message>
        <source>{day}: working day</source>
        <translation>{day}：工作日</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>{day}: {state}{name} · {source}</source>
        <translation>{day}：{state}{name} · {source}</translation>
    </message>
    <message>
        <source>inherited from {name} ({code})</source>
        <translation>继承自 {name}（{code}）</translation>
    </message>
    <message>
        <source>national calendar</source>
        <translation>全国节假日日历</translation>
    </message>
    <message>
        <source>HQ override of the national calendar</source>
        <translation>总部对全国节假日日历的修正</translation>
    </message>
    <message>
        <source>this unit&apos;s own</source>
        <translation>本单位自定</translation>
    </message>
    <message>
        <source>not a working weekday</source>
        <translation>非工作日（按星期）</translation>
    </message>
    <message>
        <source>Red day: closed · bold green day: working day although off by the weekday rule</source>
        <translation>红色日期：休息 · 绿色粗体日期：按星期本应休息的工作日（调休上班）</translation>
    </message>
</context>
</TS>
