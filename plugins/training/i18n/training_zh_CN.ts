<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CancelEnrolmentDialog</name>
    <message>
        <source>Cancel enrolment</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Cancel the enrolment of {name}? The first engineer on the waiting list takes the seat.</source>
        <translation>取消 {name} 的报名？候补名单上的第一位工程师将递补该席位。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>Edit course</source>
        <translation>编辑课程</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>新建课程</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>课程名称</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>及格分</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>先修课程</translation>
    </message>
    <message>
        <source>Syllabus</source>
        <translation>教学大纲</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CoursesPage</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>课程名称</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>及格分</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>先修课程</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>培训课程</translation>
    </message>
    <message>
        <source>Show retired courses</source>
        <translation>显示已停用课程</translation>
    </message>
    <message>
        <source>New course…</source>
        <translation>新建课程…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Retire / restore</source>
        <translation>停用 / 恢复</translation>
    </message>
    <message>
        <source>{n} courses</source>
        <translation>共 {n} 门课程</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol engineers</source>
        <translation>报名工程师</translation>
    </message>
    <message>
        <source>Filter by name or org unit</source>
        <translation>按姓名或机构筛选</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{name}  ({code}) — prerequisite not passed: {courses}</source>
        <translation>{name}  ({code}) — 未通过先修课程：{courses}</translation>
    </message>
    <message>
        <source>Tick at least one engineer.</source>
        <translation>请至少勾选一名工程师。</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>课程名称</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Score / pass mark</source>
        <translation>成绩 / 及格分</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Training history</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>{passed} courses passed, {hours} hours trained, {attempts} attempts</source>
        <translation>已通过 {passed} 门课程，累计培训 {hours} 学时，共 {attempts} 次参训</translation>
    </message>
</context>
<context>
    <name>ScoresDialog</name>
    <message>
        <source>Attendance and exam scores</source>
        <translation>出勤与考试成绩</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{course} — pass mark {mark}</source>
        <translation>{course} — 及格分 {mark}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New training session</source>
        <translation>新建培训班</translation>
    </message>
    <message>
        <source>Edit training session</source>
        <translation>修改培训班</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Training room, address</source>
        <translation>培训教室、地址</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a course and a trainer.</source>
        <translation>请选择课程和讲师。</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Upcoming</source>
        <translation>即将开班</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部培训班</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>课程名称</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>新建培训班…</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>取消培训班</translation>
    </message>
    <message>
        <source>The session is cancelled for good: nobody can enrol in it any more; to hold it after all, plan a new one.</source>
        <translation>该培训班将被永久取消：任何人都不能再报名；如仍要开班，请新建一期培训班。</translation>
    </message>
    <message>
        <source>Edit session…</source>
        <translation>修改培训班…</translation>
    </message>
    <message>
        <source>Enrol…</source>
        <translation>报名…</translation>
    </message>
    <message>
        <source>Cancel enrolment…</source>
        <translation>取消报名…</translation>
    </message>
    <message>
        <source>Attendance and scores…</source>
        <translation>出勤与成绩…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>报名记录</translation>
    </message>
    <message>
        <source>Export enrolments…</source>
        <translation>导出报名记录…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>{course}: {taken} of {capacity} seats taken, {waiting} waiting</source>
        <translation>{course}：已占 {taken}/{capacity} 个席位，候补 {waiting} 人</translation>
    </message>
    <message>
        <source> ({n} from other units not listed)</source>
        <translation>（另有 {n} 人来自其他机构，未列出）</translation>
    </message>
    <message>
        <source>Select an enrolment first.</source>
        <translation>请先选择一条报名记录。</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>See courses, sessions and training records</source>
        <translation>查看课程、培训班和培训记录</translation>
    </message>
    <message>
        <source>See one&apos;s own training history</source>
        <translation>查看本人培训记录</translation>
    </message>
    <message>
        <source>Run sessions: enrolment, attendance, exam scores</source>
        <translation>组织培训：报名、考勤、考试成绩</translation>
    </message>
    <message>
        <source>Edit the course catalogue (at HQ)</source>
        <translation>维护课程目录（总部）</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>培训课程</translation>
    </message>
    <message>
        <source>Training history</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>Upcoming training sessions</source>
        <translation>即将开班的培训</translation>
    </message>
    <message>
        <source>Engineers on a waiting list</source>
        <translation>候补中的工程师</translation>
    </message>
    <message>
        <source>Training courses</source>
        <translation>培训课程</translation>
    </message>
    <message>
        <source>Saving training records</source>
        <translation>正在保存培训记录</translation>
    </message>
    <message>
        <source>Training records saved</source>
        <translation>培训记录已保存</translation>
    </message>
    <message>
        <source>This session was cancelled.</source>
        <translation>该培训班已取消。</translation>
    </message>
    <message>
        <source>{name} is already enrolled in this session.</source>
        <translation>{name} 已报名该培训班。</translation>
    </message>
    <message>
        <source>No such engineer in your unit.</source>
        <translation>本机构没有该工程师。</translation>
    </message>
    <message>
        <source>{name} has not passed the prerequisite course {code} {title}.</source>
        <translation>{name} 尚未通过先修课程 {code} {title}。</translation>
    </message>
    <message>
        <source>No such enrolment.</source>
        <translation>没有该报名记录。</translation>
    </message>
    <message>
        <source>This enrolment is already cancelled.</source>
        <translation>该报名已取消。</translation>
    </message>
    <message>
        <source>An enrolment with an exam score cannot be cancelled.</source>
        <translation>已有考试成绩的报名不能取消。</translation>
    </message>
    <message>
        <source>Only the unit holding a session may change it.</source>
        <translation>只有举办培训班的机构才能修改它。</translation>
    </message>
    <message>
        <source>{taken} engineers already hold a seat: cancel enrolments before lowering the capacity to {capacity}.</source>
        <translation>已有 {taken} 名工程师占有席位：请先取消报名，再把名额降到 {capacity}。</translation>
    </message>
    <message>
        <source>Moved up from the waiting list</source>
        <translation>由候补转为正式报名</translation>
    </message>
    <message>
        <source>An engineer with an exam score attended.</source>
        <translation>有考试成绩的工程师必然已出勤。</translation>
    </message>
    <message>
        <source>An exam score is from 0 to 100.</source>
        <translation>考试成绩应在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>Record attendance first: this engineer was absent.</source>
        <translation>请先更正考勤：该工程师记录为缺勤。</translation>
    </message>
    <message>
        <source>Only an engineer holding a seat attends and sits the exam.</source>
        <translation>只有占有席位的工程师才能出勤和参加考试。</translation>
    </message>
    <message>
        <source>This engineer&apos;s training is outside your unit.</source>
        <translation>该工程师的培训记录不在您的机构范围内。</translation>
    </message>
    <message>
        <source>No org unit with the code {code}.</source>
        <translation>没有编号为 {code} 的机构。</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Engineers trained</source>
        <translation>参训工程师</translation>
    </message>
    <message>
        <source>Trained hours</source>
        <translation>培训学时</translation>
    </message>
    <message>
        <source>Exam pass rate</source>
        <translation>考试通过率</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Exams</source>
        <translation>考试人次</translation>
    </message>
    <message>
        <source>Training by unit</source>
        <translation>各单位培训情况</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>初级</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家级</translation>
    </message>
    <message>
        <source>No course with the code {code}.</source>
        <translation>没有编号为 {code} 的课程。</translation>
    </message>
    <message>
        <source>Courses are HQ reference data: only HQ changes them.</source>
        <translation>课程属于总部基础数据，只能由总部修改。</translation>
    </message>
    <message>
        <source>No such course.</source>
        <translation>没有该课程。</translation>
    </message>
    <message>
        <source>A course needs a code.</source>
        <translation>课程必须有编号。</translation>
    </message>
    <message>
        <source>A course needs a title.</source>
        <translation>课程必须有名称。</translation>
    </message>
    <message>
        <source>Unknown level {level}.</source>
        <translation>未知级别 {level}。</translation>
    </message>
    <message>
        <source>Hours must be between 1 and 1000.</source>
        <translation>学时应在 1 到 1000 之间。</translation>
    </message>
    <message>
        <source>The pass mark is a score from 0 to 100.</source>
        <translation>及格分应在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>The course code {code} is already used.</source>
        <translation>课程编号 {code} 已被使用。</translation>
    </message>
    <message>
        <source>{code} cannot be a prerequisite of itself, directly or through other courses.</source>
        <translation>{code} 不能直接或间接成为自身的先修课程。</translation>
    </message>
    <message>
        <source>No such training session.</source>
        <translation>没有该培训班。</translation>
    </message>
    <message>
        <source>A session cannot end before it starts.</source>
        <translation>培训班的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Capacity must be between 1 and 500 seats.</source>
        <translation>名额应在 1 到 500 之间。</translation>
    </message>
    <message>
        <source>Give a place, or mark the session as online.</source>
        <translation>请填写培训地点，或标记为线上培训。</translation>
    </message>
    <message>
        <source>The trainer must be a user with the trainer role in your unit.</source>
        <translation>讲师必须是本机构内具有讲师角色的用户。</translation>
    </message>
    <message>
        <source>Only the unit holding a session may cancel it.</source>
        <translation>只有举办培训班的机构才能取消它。</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>课程名称</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Enrolled at</source>
        <translation>报名时间</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>报名记录</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
</context>
</TS>
