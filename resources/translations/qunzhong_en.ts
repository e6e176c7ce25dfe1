<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>操作员与访问记录</source>
        <translation>Operators and access log</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>访问记录</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>新建账号…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>修改角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>停用 / 启用</source>
        <translation>Stop / restart</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>可登录</source>
        <translation>can sign in</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} lines</translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>{0} 的角色：</source>
        <translation>Role of {0}:</translation>
    </message>
    <message>
        <source>操作员账号</source>
        <translation>Operator accounts</translation>
    </message>
    <message>
        <source>导出访问记录</source>
        <translation>Export the access log</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>{0} 的新密码（至少 6 位）：</source>
        <translation>New password for {0} (at least 6 characters):</translation>
    </message>
</context>
<context>
    <name>AgencyPanel</name>
    <message>
        <source>代办</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>（不代办）</source>
        <translation>(no agency)</translation>
    </message>
    <message>
        <source>待补（群众尚未委托）</source>
        <translation>Pending (not yet authorised)</translation>
    </message>
    <message>
        <source>{kind}委托</source>
        <translation>Authorised: {kind}</translation>
    </message>
    <message>
        <source>上门、流动代办必填</source>
        <translation>Required for home and round agency</translation>
    </message>
    <message>
        <source>如 县政务服务中心</source>
        <translation>e.g. county government service centre</translation>
    </message>
    <message>
        <source>代办方式(&amp;M)</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <source>群众委托</source>
        <translation>Authorisation</translation>
    </message>
    <message>
        <source>代办干部(&amp;G)</source>
        <translation>A&amp;gent</translation>
    </message>
    <message>
        <source>办理部门</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>保存代办</source>
        <translation>Save agency</translation>
    </message>
    <message>
        <source>取消代办</source>
        <translation>Cancel agency</translation>
    </message>
    <message>
        <source>打印委托书…</source>
        <translation>Print authorisation…</translation>
    </message>
    <message>
        <source>印完整号码</source>
        <translation>Full numbers</translation>
    </message>
    <message>
        <source>委托书上印出完整的身份证号和电话（记入访问记录）</source>
        <translation>Print the full ID number and phone on the form (written to the access log)</translation>
    </message>
    <message>
        <source>上门服务</source>
        <translation>Home service</translation>
    </message>
    <message>
        <source>在群众家中办理（上门服务）</source>
        <translation>Served at the resident&apos;s home (home service)</translation>
    </message>
    <message>
        <source>保存上门服务</source>
        <translation>Save home service</translation>
    </message>
    <message>
        <source>关联的走访（民情日记）：</source>
        <translation>Linked visit (resident diary):</translation>
    </message>
    <message>
        <source>代办记录：收件、还件、进展</source>
        <translation>Agency records: received, returned, progress</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>收到或退还的材料，或办理进展</source>
        <translation>Documents received or returned, or progress</translation>
    </message>
    <message>
        <source>记收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>记还件</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>记进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>（不关联）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>（已删除的日记）</source>
        <translation>(deleted diary entry)</translation>
    </message>
    <message>
        <source>事项已关联这篇民情日记。</source>
        <translation>The item is linked to this diary entry.</translation>
    </message>
    <message>
        <source>民情日记中还没有走访过诉求人这一户的记录。</source>
        <translation>No diary entry has visited the requester&apos;s household yet.</translation>
    </message>
    <message>
        <source>确定这件事项不再代办吗？已有的代办记录仍保留在事项中。</source>
        <translation>Stop acting for the resident on this item? Its agency records stay with the item.</translation>
    </message>
    <message>
        <source>代办委托书</source>
        <translation>Authorisation form</translation>
    </message>
    <message>
        <source>正在生成代办委托书……</source>
        <translation>Writing the authorisation form…</translation>
    </message>
    <message>
        <source>代办委托书 {0}</source>
        <translation>Authorisation form {0}</translation>
    </message>
</context>
<context>
    <name>AnswerForm</name>
    <message>
        <source>回访共性问题</source>
        <translation>Follow up a common issue</translation>
    </message>
    <message>
        <source>答复共性问题</source>
        <translation>Answer a common issue</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>共性问题</source>
        <translation>Common issue</translation>
    </message>
    <message>
        <source>{0}（{1} 条信息）</source>
        <translation>{0} ({1} pieces of information)</translation>
    </message>
    <message>
        <source>回访情况(&amp;R)</source>
        <translation>Follow-up &amp;result</translation>
    </message>
    <message>
        <source>回访日期(&amp;D)</source>
        <translation>Follow-up &amp;date</translation>
    </message>
    <message>
        <source>答复结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <source>答复日期(&amp;D)</source>
        <translation>Answer &amp;date</translation>
    </message>
    <message>
        <source>答复人(&amp;B)</source>
        <translation>Answered &amp;by</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>群众工作站</source>
        <translation>Mass-Work Station</translation>
    </message>
    <message>
        <source>群众工作站无法启动</source>
        <translation>Mass-Work Station cannot start</translation>
    </message>
    <message>
        <source>本机（进程 {pid}）</source>
        <translation>this PC (process {pid})</translation>
    </message>
    <message>
        <source>电脑“{host}”（进程 {pid}）</source>
        <translation>PC “{host}” (process {pid})</translation>
    </message>
    <message>
        <source>群众工作站已经打开</source>
        <translation>Mass-Work Station is already open</translation>
    </message>
    <message>
        <source>这个数据目录（{home}）已经在{where}的群众工作站窗口中打开，同一份数据只能开一个窗口。请切换到那个窗口继续工作；如果它已经关闭，请稍等几秒再启动。</source>
        <translation>This data folder ({home}) is already open in a Mass-Work Station window on {where}; one set of data can be open in one window only. Please switch to that window; if it has just closed, wait a few seconds and start again.</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>考评排名</source>
        <translation>Assessment ranking</translation>
    </message>
    <message>
        <source>也可输入 2026-Q3（季度）、2026-11（月）、2026-YTD 或 2026-01-01..2026-06-30</source>
        <translation>You may also type 2026-Q3 (quarter), 2026-11 (month), 2026-YTD or 2026-01-01..2026-06-30</translation>
    </message>
    <message>
        <source>统计期间(&amp;P)：</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>全县（各乡镇）</source>
        <translation>Whole county (townships)</translation>
    </message>
    <message>
        <source>乡镇(&amp;T)：</source>
        <translation>&amp;Township:</translation>
    </message>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>县里考评各乡镇或一个乡镇的工作站；责任单位由各乡镇考评</source>
        <translation>The county assesses the townships or the stations of one township; responsible units are assessed by each township</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>考评对象(&amp;O)：</source>
        <translation>&amp;Of:</translation>
    </message>
    <message>
        <source>考评方案(&amp;M)…</source>
        <translation>Scoring sche&amp;me…</translation>
    </message>
    <message>
        <source>录入分数(&amp;S)…</source>
        <translation>Enter &amp;score…</translation>
    </message>
    <message>
        <source>一票否决(&amp;V)…</source>
        <translation>One-vote &amp;veto…</translation>
    </message>
    <message>
        <source>取消否决(&amp;U)</source>
        <translation>&amp;Lift veto</translation>
    </message>
    <message>
        <source>打印/导出 PDF(&amp;D)…</source>
        <translation>Print/export P&amp;DF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选中一行后录入手工评分项的分数或一票否决；一票否决的排在最后，底色标出。</source>
        <translation>Select a row to enter the points of a manual item or a veto; vetoed entries rank last, shaded.</translation>
    </message>
    <message>
        <source>县里只查看按考评方案计算的得分。手工评分项和一票否决由各乡镇群众工作办在本乡镇录入，不报送县里，所以这里不能录入（手工评分项显示为未录入）。</source>
        <translation>The county only sees the scores the assessment plan computes. Manual points and vetoes are entered by each township office in its township and are not sent to the county, so they cannot be entered here (manual items show as not entered).</translation>
    </message>
    <message>
        <source>手工评分和一票否决由各乡镇录入，县里不能录入</source>
        <translation>Manual points and vetoes are entered by the townships; the county cannot enter them</translation>
    </message>
    <message>
        <source>查阅角色只能查看考评排名，不能录入分数或一票否决。</source>
        <translation>A reader may view the ranking only, not enter points or vetoes.</translation>
    </message>
    <message>
        <source>正在计算{0}的考评排名……</source>
        <translation>Computing the assessment ranking of {0}…</translation>
    </message>
    <message>
        <source>正在计算考评排名……</source>
        <translation>Computing the assessment ranking…</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>{0}
（{1} 分）</source>
        <translation>{0}
({1} points)</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>一票否决：{0}</source>
        <translation>One-vote veto: {0}</translation>
    </message>
    <message>
        <source>期间内没有负责的事项，不参加排名</source>
        <translation>Answered for no item in the period: not ranked</translation>
    </message>
    <message>
        <source>本期没有可考评的{0}。</source>
        <translation>Nothing to assess in this period ({0}).</translation>
    </message>
    <message>
        <source>共 {0} 个{1}</source>
        <translation>{1}: {0} in all</translation>
    </message>
    <message>
        <source>，其中一票否决 {0} 个</source>
        <translation>, {0} vetoed</translation>
    </message>
    <message>
        <source>，无负责事项不排名 {0} 个</source>
        <translation>, {0} not ranked (no items to answer for)</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>（期间未结束，统计{0}）</source>
        <translation> (period under way, figures {0})</translation>
    </message>
    <message>
        <source>确定撤销“{0}”在{1}的一票否决吗？
原理由：{2}</source>
        <translation>Lift the one-vote veto of “{0}” for {1}?
Reason given: {2}</translation>
    </message>
    <message>
        <source>取消否决</source>
        <translation>Lift veto</translation>
    </message>
    <message>
        <source>撤销否决</source>
        <translation>Lift veto</translation>
    </message>
    <message>
        <source>正在生成 PDF……</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>考评排名 {0} {1}</source>
        <translation>Assessment ranking {0} {1}</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>交办 {number}</source>
        <translation>Assign {number}</translation>
    </message>
    <message>
        <source>请选择责任单位</source>
        <translation>Choose a unit</translation>
    </message>
    <message>
        <source>责任单位(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>办理时限(&amp;D)</source>
        <translation>Time &amp;limit</translation>
    </message>
    <message>
        <source>办结期限(&amp;L)</source>
        <translation>D&amp;eadline</translation>
    </message>
    <message>
        <source>可填写交办要求，例如需要会同哪些单位办理</source>
        <translation>Optional instructions, e.g. which other units should help</translation>
    </message>
    <message>
        <source>交办意见(&amp;N)</source>
        <translation>Instructions (&amp;N)</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>按工作日推算（已除去周末和法定节假日）</source>
        <translation>in working days: weekends and holidays skipped</translation>
    </message>
    <message>
        <source>已手动修改期限</source>
        <translation>deadline changed by hand</translation>
    </message>
    <message>
        <source>请选择责任单位。</source>
        <translation>Please choose a unit.</translation>
    </message>
    <message>
        <source>办结期限不能早于今天。</source>
        <translation>The deadline cannot be before today.</translation>
    </message>
</context>
<context>
    <name>AssistanceDialog</name>
    <message>
        <source>新增帮扶记录</source>
        <translation>New assistance record</translation>
    </message>
    <message>
        <source>编辑帮扶记录</source>
        <translation>Edit assistance record</translation>
    </message>
    <message>
        <source>经村党组织初核、镇（县）复核的帮扶需求</source>
        <translation>A need checked by the village party organisation and the township (county)</translation>
    </message>
    <message>
        <source>受帮扶的家庭成员；帮扶全户时选“全户”</source>
        <translation>The member of the household who is helped; choose &quot;Whole household&quot; when the help is for all</translation>
    </message>
    <message>
        <source>勾选参与帮扶的干部，可以多选（多对一、多对多）</source>
        <translation>Check the cadres who help; several may be checked (many to one, many to many)</translation>
    </message>
    <message>
        <source>打印的帮扶人姓名；不填则用勾选的干部姓名</source>
        <translation>Helpers&apos; names as printed; left blank, the names of the cadres checked</translation>
    </message>
    <message>
        <source>资金、物品填写，如 1200 或 350.50</source>
        <translation>For money and goods, e.g. 1200 or 350.50</translation>
    </message>
    <message>
        <source>例如：保障基本生活、稳定就业增收</source>
        <translation>e.g. secure basic living, stable employment and income</translation>
    </message>
    <message>
        <source>帮扶的具体措施和内容</source>
        <translation>What was done to help, in detail</translation>
    </message>
    <message>
        <source>帮扶时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>帮扶成效（可以以后再填）</source>
        <translation>Result (can be filled in later)</translation>
    </message>
    <message>
        <source>帮扶户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>帮扶需求</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>帮扶对象</source>
        <translation>Person helped</translation>
    </message>
    <message>
        <source>帮扶单位</source>
        <translation>Helping unit</translation>
    </message>
    <message>
        <source>帮扶人</source>
        <translation>Helpers</translation>
    </message>
    <message>
        <source>帮扶责任人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <source>帮扶方式</source>
        <translation>Kind of help</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>帮扶目标</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>帮扶内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>帮扶日期</source>
        <translation>Date given</translation>
    </message>
    <message>
        <source>帮扶成效</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这项需求现在不在“实施中”：只有经过复核、尚未销号的需求才能登记帮扶。</source>
        <translation>This need is not &quot;in progress&quot;: help can be recorded only on a need that has been checked and is not closed.</translation>
    </message>
    <message>
        <source>这一户还没有经过复核的帮扶需求：请先登记需求，经村党组织初核、镇（县）复核后再登记帮扶。</source>
        <translation>This household has no checked need yet: report the need first; help can be recorded once the village party organisation and the township (county) have checked it.</translation>
    </message>
    <message>
        <source>（已不在户籍）</source>
        <translation> (no longer registered)</translation>
    </message>
    <message>
        <source>全户（{household}）</source>
        <translation>Whole household ({household})</translation>
    </message>
    <message>
        <source>&#x3000;结对干部</source>
        <translation>  paired cadre</translation>
    </message>
</context>
<context>
    <name>AssistanceOptionsBox</name>
    <message>
        <source>帮扶公示与特困标准</source>
        <translation>Assistance notice and extreme-poverty minimum</translation>
    </message>
    <message>
        <source>五公开公示默认不印金额；特困人员一年所得资金、物品低于标准的，月报中列出。</source>
        <translation>The five-publics notice leaves amounts off by default; extremely poor persons who received less money and goods in the year than the minimum are listed in the monthly report. </translation>
    </message>
    <message>
        <source>保存后随乡镇工作包和下发的数据包传到各工作站。</source>
        <translation>Once saved, they travel to every station with the station kit and the dispatch bundles.</translation>
    </message>
    <message>
        <source>本项由乡镇群众工作办设置，这里只能查看。</source>
        <translation>These are set by the township&apos;s mass-work office; they can only be viewed here.</translation>
    </message>
    <message>
        <source>在五公开公示上印出帮扶金额（元）</source>
        <translation>Print the amounts (yuan) on the five-publics notice</translation>
    </message>
    <message>
        <source> 元/人·年</source>
        <translation> yuan per person a year</translation>
    </message>
    <message>
        <source>特困人员本年所得资金、物品（户的帮扶按在册人数平均分摊）低于此数的列出</source>
        <translation>Extremely poor persons whose money and goods this year (help to a household shared among its registered members) are below this are listed</translation>
    </message>
    <message>
        <source>特困人员年度帮扶标准：</source>
        <translation>Yearly minimum for the extremely poor:</translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>已保存：公示{0}金额，特困标准 {1} 元/人·年。</source>
        <translation>Saved: amounts {0} on the notice; minimum for the extremely poor {1} yuan per person a year.</translation>
    </message>
    <message>
        <source>印出</source>
        <translation>printed</translation>
    </message>
    <message>
        <source>不印</source>
        <translation>not printed</translation>
    </message>
</context>
<context>
    <name>BallotForm</name>
    <message>
        <source>逐张录入 — {0}</source>
        <translation>Ballot by ballot — {0}</translation>
    </message>
    <message>
        <source>下一张(&amp;N)</source>
        <translation>&amp;Next ballot</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>被测评人（单位）</source>
        <translation>Person (unit) rated</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>空</source>
        <translation>Blank</translation>
    </message>
    <message>
        <source>收回选票 {0} 张；本次已录入 {1} 张。每张选票勾完后点“下一张”计入。</source>
        <translation>{0} ballots returned; {1} entered here. Tick each ballot, then click “Next ballot” to count it.</translation>
    </message>
</context>
<context>
    <name>CadreForm</name>
    <message>
        <source>编辑干部</source>
        <translation>Edit cadre</translation>
    </message>
    <message>
        <source>新增干部</source>
        <translation>New cadre</translation>
    </message>
    <message>
        <source>手机或带区号固话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <source>如 镇党委、驻村工作队</source>
        <translation>e.g. township Party committee, village work team</translation>
    </message>
    <message>
        <source>乡镇已核定这名干部的类别，按它考核。</source>
        <translation>The township has set this cadre&apos;s category; the cadre is judged by it.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>（不包村）</source>
        <translation>(no village)</translation>
    </message>
    <message>
        <source>这位乡镇干部负责联系的村（工作站）</source>
        <translation>The village (station) this township cadre answers for</translation>
    </message>
    <message>
        <source>包村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>请填写干部姓名。</source>
        <translation>Please enter the cadre&apos;s name.</translation>
    </message>
</context>
<context>
    <name>CadreRulesBox</name>
    <message>
        <source>干部考核规则</source>
        <translation>Cadre rules</translation>
    </message>
    <message>
        <source>每类干部每月须在村的天数、坐班天数、结对困难户数等，月报、民情日记和全年情况按此判定。“—”表示不作要求。</source>
        <translation>Days in the village each month, duty days, households in difficulty paired … for each category of cadre; the monthly report, the resident diary and the year view judge by them. “—” means not required.</translation>
    </message>
    <message>
        <source>保存后随乡镇工作包和下发的数据包传到各工作站。</source>
        <translation>Once saved, they travel to every station with the station kit and the dispatch bundles.</translation>
    </message>
    <message>
        <source>本表由乡镇群众工作办设置，随乡镇工作包和下发的数据包传来，这里只能查看。</source>
        <translation>The township office sets this table; it comes with the station kit and the dispatch bundles and can only be viewed here.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>每月在村 ≥</source>
        <translation>Days in village ≥</translation>
    </message>
    <message>
        <source>坐班 ≥</source>
        <translation>Duty days ≥</translation>
    </message>
    <message>
        <source>结对困难户</source>
        <translation>Households in difficulty</translation>
    </message>
    <message>
        <source>第一周</source>
        <translation>First week</translation>
    </message>
    <message>
        <source>全年在村</source>
        <translation>Year in village</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>保存考核规则</source>
        <translation>Save the rules</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>恢复公开规定的默认规则（保存后生效）</source>
        <translation>Restore the published default rules (takes effect when saved)</translation>
    </message>
    <message>
        <source>已保存。下次导出的工作包和数据包会带上新规则。</source>
        <translation>Saved. The next station kit and dispatch bundles carry the new rules.</translation>
    </message>
</context>
<context>
    <name>CadreYearDialog</name>
    <message>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>在村天数</source>
        <translation>Days in the village</translation>
    </message>
    <message>
        <source>坐班天数</source>
        <translation>Duty days</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>打印实绩记录(&amp;R)…</source>
        <translation>Print work &amp;record…</translation>
    </message>
    <message>
        <source>这一年的群众工作实绩记录（在村天数、走访户、经办事项、结对户，是否满一年）</source>
        <translation>This year&apos;s mass-work record (days in the village, households visited, items handled, paired households, whether it reaches one year)</translation>
    </message>
    <message>
        <source>这一年该干部还没有登记，也没有民情日记。</source>
        <translation>This cadre was not registered that year and wrote no diary then.</translation>
    </message>
    <message>
        <source>{name} {year}年在村情况</source>
        <translation>{name}: days in the village in {year}</translation>
    </message>
    <message>
        <source>{category}：{rule}</source>
        <translation>{category}: {rule}</translation>
    </message>
    <message>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <source>截至 {date}，本年在村 {days} 天；全年工作日 {workdays} 天，须满 {required} 天：{verdict}。</source>
        <translation>As of {date}: {days} days in the village this year; the year has {workdays} working days and {required} are required: {verdict}.</translation>
    </message>
    <message>
        <source>截至 {date}，本年在村 {days} 天；未达标的月份：{months}。</source>
        <translation>As of {date}: {days} days in the village this year; months below the rule: {months}.</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>群众工作实绩记录</source>
        <translation>Mass-work record</translation>
    </message>
    <message>
        <source>正在生成实绩记录……</source>
        <translation>Writing the mass-work record…</translation>
    </message>
    <message>
        <source>群众工作实绩记录 {cadre} {year}</source>
        <translation>Mass-work record {cadre} {year}</translation>
    </message>
</context>
<context>
    <name>CadresPage</name>
    <message>
        <source>干部在村情况</source>
        <translation>Cadres in the villages</translation>
    </message>
    <message>
        <source>所在</source>
        <translation>Works at</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>在村天数</source>
        <translation>Days in the village</translation>
    </message>
    <message>
        <source>坐班天数</source>
        <translation>Duty days</translation>
    </message>
    <message>
        <source>结对困难户</source>
        <translation>Households in difficulty</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>在村天数：入户走访、集中工作日、在村便民服务点坐班接待、在村召开的民情恳谈会，同一天只计一次；电话回访不计（记有在村地点的除外）。乡镇干部在站点登记的同名记录合并计入本行。</source>
        <translation>Days in the village: home visits, concentrated working days, duty at the village service point and residents&apos; meetings held in the village, each day counted once; phone follow-ups do not count (unless a place in the village is recorded). A township cadre&apos;s rows of the same name registered at stations are counted in the township&apos;s row.</translation>
    </message>
    <message>
        <source>姓名或拼音首字母</source>
        <translation>Name or pinyin initials</translation>
    </message>
    <message>
        <source>月份(&amp;M)</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>所在(&amp;W)</source>
        <translation>&amp;Works at</translation>
    </message>
    <message>
        <source>查找(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>修改(&amp;D)…</source>
        <translation>E&amp;dit…</translation>
    </message>
    <message>
        <source>这位干部由{0}登记：乡镇可以核定考核所按的类别，其余请在该站点修改。</source>
        <translation>This cadre was registered by {0}: the township may set the category the cadre is judged by; change the rest at that station.</translation>
    </message>
    <message>
        <source>登记本镇干部(&amp;N)…</source>
        <translation>&amp;New township cadre…</translation>
    </message>
    <message>
        <source>登记乡镇的干部，并写明包哪个村</source>
        <translation>Register a township cadre and the village he or she answers for</translation>
    </message>
    <message>
        <source>全年(&amp;Y)…</source>
        <translation>&amp;Year…</translation>
    </message>
    <message>
        <source>所选干部一年中每个月的在村天数和考核结论，可打印实绩记录</source>
        <translation>The chosen cadre&apos;s days in the village and verdict for each month of a year; prints the service record</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>乡镇本级</source>
        <translation>Township&apos;s own</translation>
    </message>
    <message>
        <source>{month}没有需要统计的干部：站点的干部随站点数据包导入；乡镇的干部点“登记本镇干部”。</source>
        <translation>{month}: no cadres to count. Stations&apos; cadres arrive with their bundles; register the township&apos;s own with &quot;New township cadre&quot;.</translation>
    </message>
    <message>
        <source>{month}：列出 {n} 人，考核 {assessed} 人，{short} 人未达标：{names}。</source>
        <translation>{month}: {n} listed, {assessed} assessed, {short} short of the rules: {names}.</translation>
    </message>
    <message>
        <source>{month}：列出 {n} 人，考核 {assessed} 人，均达标或待月末评定。</source>
        <translation>{month}: {n} listed, {assessed} assessed, all meet the rules or are judged at month end.</translation>
    </message>
    <message>
        <source>修改乡镇自己登记的干部</source>
        <translation>Edit a cadre the township registered</translation>
    </message>
</context>
<context>
    <name>CalendarBanner</name>
    <message>
        <source>{years} 年节假日安排未导入，期限暂按周末计算</source>
        <translation>Public holidays for {years} not loaded; deadlines count weekends only</translation>
    </message>
    <message>
        <source>导入节假日安排…</source>
        <translation>Load holiday schedule…</translation>
    </message>
    <message>
        <source>转到“设置 › 工作日历”导入该年的节假日安排</source>
        <translation>Go to Settings › Working-day calendar to load that year&apos;s holiday schedule</translation>
    </message>
    <message>
        <source>⚠ {warning}。国务院办公厅发布该年节假日安排后，请在设置中导入，受理事项的承诺期限才能算准。</source>
        <translation>⚠ {warning}. Once the State Council General Office publishes that year&apos;s holiday schedule, load it in Settings so that promised deadlines are right.</translation>
    </message>
</context>
<context>
    <name>CalendarBox</name>
    <message>
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <source>承诺期限按工作日计算：周末和法定节假日休息，调休上班日上班。软件内置了部分年份的节假日安排；之后的年份，请在国务院办公厅发布通知后，把安排写成文本文件（UTF-8）导入，每行一天或一段日期，例如：</source>
        <translation>Promised deadlines count working days: weekends and public holidays are off, make-up workdays (调休) are on. Holiday schedules of some years are built in; for later years, once the State Council General Office publishes its notice, write the schedule into a text file (UTF-8) and load it, one day or date range a line, for example:</translation>
    </message>
    <message>
        <source>导入节假日安排…</source>
        <translation>Load holiday schedule…</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{year} 年（{source}）</source>
        <translation>{year} ({source})</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>内置：{first}—{last} 年&#x3000;&#x3000;已导入：{loaded}</source>
        <translation>Built in: {first}–{last}    Loaded: {loaded}</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>选择节假日安排文件</source>
        <translation>Choose a holiday schedule file</translation>
    </message>
    <message>
        <source>文本文件 (*.txt);;所有文件 (*)</source>
        <translation>Text files (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>已导入 {year} 年节假日安排：休息日 {off} 天，调休上班日 {on} 天。</source>
        <translation>Loaded the {year} holiday schedule: {off} days off, {on} make-up workdays.</translation>
    </message>
    <message>
        <source>没有导入，文件中有以下问题（改正后再导入）：</source>
        <translation>Nothing was loaded; the file has these problems (correct them and load it again):</translation>
    </message>
    <message>
        <source>……另有 {n} 处问题</source>
        <translation>… and {n} more problems</translation>
    </message>
</context>
<context>
    <name>CardsDialog</name>
    <message>
        <source>打印便民服务联系卡</source>
        <translation>Print contact cards</translation>
    </message>
    <message>
        <source>全部工作站</source>
        <translation>All stations</translation>
    </message>
    <message>
        <source>打印哪些户的联系卡</source>
        <translation>Print cards for which households</translation>
    </message>
    <message>
        <source>每页 10 张（A4 纸，带裁切线）</source>
        <translation>10 per page (A4, with cut marks)</translation>
    </message>
    <message>
        <source>每页 1 张（A4 纸居中）</source>
        <translation>1 per page (centred on A4)</translation>
    </message>
    <message>
        <source>选择字体…</source>
        <translation>Choose font…</translation>
    </message>
    <message>
        <source>工作站：</source>
        <translation>Station:</translation>
    </message>
    <message>
        <source>版式：</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <source>字体：</source>
        <translation>Font:</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>乡镇打印的联系卡不计入工作站的发卡记录；“需更新”以各站已导入的发卡记录为准。</source>
        <translation>Cards printed at the township are not recorded as issued by the station; &quot;needs updating&quot; follows the issues the stations have sent.</translation>
    </message>
    <message>
        <source>全部（{0} 户）</source>
        <translation>All ({0} households)</translation>
    </message>
    <message>
        <source>仅需更新的（{0} 户：从未打印 {1} 户，信息有变 {2} 户）</source>
        <translation>Only those needing an update ({0} households: {1} never printed, {2} changed)</translation>
    </message>
    <message>
        <source>选中的户（{0} 户，其中需更新 {1} 户）</source>
        <translation>Selected households ({0}, of which {1} need an update)</translation>
    </message>
    <message>
        <source>选中的户（未选择）</source>
        <translation>Selected households (none selected)</translation>
    </message>
    <message>
        <source>各工作站</source>
        <translation>all stations</translation>
    </message>
    <message>
        <source>已保存 {0} 张联系卡（{1} 页）：{2}</source>
        <translation>Saved {0} contact cards ({1} pages): {2}</translation>
    </message>
    <message>
        <source>正在生成联系卡……</source>
        <translation>Generating contact cards…</translation>
    </message>
    <message>
        <source>已打印 {0} 张联系卡（{1} 页）。</source>
        <translation>Printed {0} contact cards ({1} pages).</translation>
    </message>
    <message>
        <source>便民服务联系卡</source>
        <translation>Service contact cards</translation>
    </message>
    <message>
        <source>“需更新”指从未打印过，或卡上信息（网长、联系干部、电话等）已有变动的户。</source>
        <translation>&quot;Needs update&quot; means households never printed, or whose card details (grid leader, paired cadre, phones …) have changed.</translation>
    </message>
    <message>
        <source>选择中文字体</source>
        <translation>Choose a Chinese font</translation>
    </message>
    <message>
        <source>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)</source>
        <translation>TrueType fonts (*.ttf *.ttc *.TTF *.TTC)</translation>
    </message>
    <message>
        <source>保存联系卡 PDF</source>
        <translation>Save contact cards as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>联系卡</source>
        <translation>Contact cards</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>帮扶个案</source>
        <translation>Assistance case</translation>
    </message>
    <message>
        <source>帮扶日期</source>
        <translation>Date given</translation>
    </message>
    <message>
        <source>帮扶方式</source>
        <translation>Kind of help</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>帮扶人</source>
        <translation>Helpers</translation>
    </message>
    <message>
        <source>帮扶内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>帮扶时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>帮扶成效</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>核查…</source>
        <translation>&amp;Check…</translation>
    </message>
    <message>
        <source>登记帮扶…</source>
        <translation>Record &amp;help…</translation>
    </message>
    <message>
        <source>填写成效…</source>
        <translation>Write &amp;result…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>核查经过</source>
        <translation>Checking steps</translation>
    </message>
    <message>
        <source>帮扶记录（双击编辑）</source>
        <translation>Help given (double-click to edit)</translation>
    </message>
    <message>
        <source>{number}&#x3000;帮扶对象：{who}&#x3000;类别：{category}{urgent}&#x3000;状态：{state}</source>
        <translation>{number}  Person helped: {who}  Category: {category}{urgent}  State: {state}</translation>
    </message>
    <message>
        <source>&#x3000;（急事急办）</source>
        <translation> (urgent)</translation>
    </message>
    <message>
        <source>需求：{0}</source>
        <translation>Need: {0}</translation>
    </message>
    <message>
        <source>报告：{by} {day}&#x3000;帮扶时限：{limit}&#x3000;已帮扶 {count} 次，{amount} 元</source>
        <translation>Reported: {by} {day}  Time limit: {limit}  Helped {count} time(s), {amount} yuan</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>销号结果：{0}</source>
        <translation>Closed with: {0}</translation>
    </message>
    <message>
        <source>已超过帮扶时限</source>
        <translation>Past its time limit</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>核定干部类别</source>
        <translation>Set the cadre&apos;s category</translation>
    </message>
    <message>
        <source>{name}由{station}登记，类别为“{category}”。乡镇核定的类别随下发的数据包传到工作站，月报、日记和实绩记录都按它考核。</source>
        <translation>{name} was registered by {station} as &quot;{category}&quot;. The category the township sets travels to the station in its dispatch bundles; the monthly report, the diary and the service record judge by it.</translation>
    </message>
    <message>
        <source>按站点登记（{0}）</source>
        <translation>As registered by the station ({0})</translation>
    </message>
    <message>
        <source>核定类别</source>
        <translation>Category set by township</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>两台电脑改了同一项内容时，程序保留较新的值，被覆盖的值记在这里，不会丢失。请逐条核对：保留的值没错就点“已核对”；被覆盖的值才对，就点“撤销”把它恢复。</source>
        <translation>When two PCs changed the same thing, the newer value is kept and the overwritten one is recorded here, so nothing is lost. Check each entry: if the kept value is right, click “Mark done”; if the overwritten value is the right one, click “Undo” to restore it.</translation>
    </message>
    <message>
        <source>显示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>未处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>撤销（恢复被覆盖的值）(&amp;U)</source>
        <translation>&amp;Undo (restore the overwritten value)</translation>
    </message>
    <message>
        <source>已核对(&amp;D)</source>
        <translation>Mark &amp;done</translation>
    </message>
    <message>
        <source>保留现在的值，把这条冲突标为已处理</source>
        <translation>Keep the current value and mark this conflict as handled</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>保留的值</source>
        <translation>Kept value</translation>
    </message>
    <message>
        <source>被覆盖的值</source>
        <translation>Overwritten value</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已撤销 {when}</source>
        <translation>Undone {when}</translation>
    </message>
    <message>
        <source>已核对 {when}</source>
        <translation>Done {when}</translation>
    </message>
    <message>
        <source>（整条记录）</source>
        <translation>(whole record)</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source>没有冲突记录。</source>
        <translation>No conflicts recorded.</translation>
    </message>
    <message>
        <source>这一条不能撤销，请核对后点“已核对”。</source>
        <translation>This entry cannot be undone; check it and click “Mark done”.</translation>
    </message>
    <message>
        <source>把被覆盖的值恢复为现在的值</source>
        <translation>Make the overwritten value the current value again</translation>
    </message>
    <message>
        <source>{what}的“{field}”将恢复为被覆盖的值：

现在的值：{kept}
恢复为：{lost}

恢复的值算作一次新的修改，会随下次数据包发出。</source>
        <translation>“{field}” of {what} will be restored to the overwritten value:

Current value: {kept}
Restored to: {lost}

The restored value counts as a new change and goes out with the next bundle.</translation>
    </message>
    <message>
        <source>撤销冲突</source>
        <translation>Undo conflict</translation>
    </message>
    <message>
        <source>恢复被覆盖的值</source>
        <translation>Restore overwritten value</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>更正事项 {number}</source>
        <translation>Correct item {number}</translation>
    </message>
    <message>
        <source>只改登记错了的内容；编号、办理经过和期限不变。每次更正都记下经办人、时间、原值和新值，并随同步报送乡镇。</source>
        <translation>Change only what was registered wrongly; the number, the steps and the deadline stay. Every correction records who, when, the old and the new value, and is sent to the township with the next sync.</translation>
    </message>
    <message>
        <source>例如：登记时选错了类别；群众来电更正电话</source>
        <translation>e.g. wrong category chosen at intake; the resident called to correct the phone</translation>
    </message>
    <message>
        <source>诉求类别(&amp;L)</source>
        <translation>Category (&amp;L)</translation>
    </message>
    <message>
        <source>等级(&amp;G)</source>
        <translation>Grade (&amp;G)</translation>
    </message>
    <message>
        <source>诉求内容(&amp;C)</source>
        <translation>Request (&amp;C)</translation>
    </message>
    <message>
        <source>更正原因(&amp;Y)</source>
        <translation>Reason (&amp;Y)</translation>
    </message>
    <message>
        <source>保存更正</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写诉求人的姓名。</source>
        <translation>Please enter the requester&apos;s name.</translation>
    </message>
    <message>
        <source>请在户籍中查找并选择诉求人；不在户籍中的人请勾选“外来人员”。</source>
        <translation>Find and choose the requester in the register; for someone not in it, tick &quot;Outsider&quot;.</translation>
    </message>
    <message>
        <source>不能保存更正：</source>
        <translation>The correction cannot be saved:</translation>
    </message>
</context>
<context>
    <name>CountyAssignDialog</name>
    <message>
        <source>交办 {number}</source>
        <translation>Assign {number}</translation>
    </message>
    <message>
        <source>请选择县直部门</source>
        <translation>Choose a county department</translation>
    </message>
    <message>
        <source>县直部门(&amp;U)</source>
        <translation>County &amp;department</translation>
    </message>
    <message>
        <source>还没有县直部门，请先在“县直部门…”中添加。</source>
        <translation>There are no county departments yet. Add them first under “County departments…”.</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>办理时限(&amp;D)</source>
        <translation>Time &amp;limit</translation>
    </message>
    <message>
        <source>办结期限：</source>
        <translation>Due by:</translation>
    </message>
    <message>
        <source>可填写交办要求，例如需要会同哪些部门办理</source>
        <translation>Instructions, e.g. which departments to work with</translation>
    </message>
    <message>
        <source>交办意见(&amp;N)</source>
        <translation>Instructions (&amp;N)</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>{date}（星期{weekday}），按工作日推算，已除去周末和法定节假日</source>
        <translation>{date} (weekday {weekday}), counted in working days: weekends and public holidays left out</translation>
    </message>
    <message>
        <source>请选择县直部门。</source>
        <translation>Please choose a county department.</translation>
    </message>
    <message>
        <source>办理时限至少 1 个工作日（最多 60 个）。</source>
        <translation>The time limit is at least 1 working day (at most 60).</translation>
    </message>
</context>
<context>
    <name>CountyBoard</name>
    <message>
        <source>乡镇 / 工作站</source>
        <translation>Township / station</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>最近数据包</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>已收至序号</source>
        <translation>Received to</translation>
    </message>
    <message>
        <source>对方已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>最近交办包</source>
        <translation>Last dispatch</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>{0}（缺 {1}）</source>
        <translation>{0} (missing {1})</translation>
    </message>
    <message>
        <source>{0}（待确认 {1}）</source>
        <translation>{0} ({1} to acknowledge)</translation>
    </message>
    <message>
        <source>尚未核对指纹登记</source>
        <translation>Fingerprint not confirmed yet</translation>
    </message>
</context>
<context>
    <name>CountyItemDialog</name>
    <message>
        <source>只读查看。交办、退回乡镇和办结，请在“协调”页办理。</source>
        <translation>Read only. Assign, send back and resolve on the Coordination page.</translation>
    </message>
</context>
<context>
    <name>CountyMattersPage</name>
    <message>
        <source>双击或回车查看事项和办理经过；超期的事项标红</source>
        <translation>Double-click or press Enter to see an item and its history; overdue items are red</translation>
    </message>
    <message>
        <source>协调</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>乡镇上报县的重大疑难事项在这里交办给县直部门，限时办结；结果随交办包发回乡镇和工作站。</source>
        <translation>Major matters the townships escalate to the county are assigned here to county departments with a deadline; the results go back to the township and the station in the dispatch bundles.</translation>
    </message>
    <message>
        <source>列表(&amp;S)</source>
        <translation>Li&amp;st</translation>
    </message>
    <message>
        <source>待县交办</source>
        <translation>Awaiting county assignment</translation>
    </message>
    <message>
        <source>县已交办</source>
        <translation>Assigned by the county</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>乡镇(&amp;T)</source>
        <translation>&amp;Township</translation>
    </message>
    <message>
        <source>编号 / 诉求人 / 内容 / 部门 (Ctrl+F)</source>
        <translation>Number / requester / content / department (Ctrl+F)</translation>
    </message>
    <message>
        <source>交办(&amp;A)…</source>
        <translation>&amp;Assign…</translation>
    </message>
    <message>
        <source>退回乡镇(&amp;B)…</source>
        <translation>Send &amp;back to township…</translation>
    </message>
    <message>
        <source>办结(&amp;R)…</source>
        <translation>&amp;Resolve…</translation>
    </message>
    <message>
        <source>协调会(&amp;M)…</source>
        <translation>Coordination &amp;meeting…</translation>
    </message>
    <message>
        <source>查看(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>县直部门(&amp;D)…</source>
        <translation>County &amp;departments…</translation>
    </message>
    <message>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>请在列表中选择一件事项。</source>
        <translation>Select an item in the list.</translation>
    </message>
    <message>
        <source>已选 {0}</source>
        <translation>{0} selected</translation>
    </message>
    <message>
        <source>查看事项…</source>
        <translation>View item…</translation>
    </message>
    <message>
        <source>协调会…</source>
        <translation>Coordination meeting…</translation>
    </message>
    <message>
        <source>复制编号</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>请先在列表中选择一件事项。</source>
        <translation>Please select an item in the list first.</translation>
    </message>
    <message>
        <source>只有县已交办的事项才能办结。</source>
        <translation>Only an item assigned by the county can be resolved.</translation>
    </message>
    <message>
        <source>只有待县交办的事项才能交办或退回乡镇。</source>
        <translation>Only an item awaiting county assignment can be assigned or sent back.</translation>
    </message>
    <message>
        <source>退回乡镇</source>
        <translation>Send back to township</translation>
    </message>
    <message>
        <source>退回理由(&amp;Y)</source>
        <translation>Reason (&amp;Y)</translation>
    </message>
    <message>
        <source>写明退回的理由，乡镇据此继续办理或补充材料后再上报</source>
        <translation>Say why it goes back: the township goes on with it, or escalates again with more documents</translation>
    </message>
    <message>
        <source>请填写退回乡镇的理由。</source>
        <translation>Please give the reason for sending it back.</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>办理结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <source>县直部门的办理情况和结果，将发回工作站告知群众并回访</source>
        <translation>What the county department did and the result; it goes back to the station to tell the resident and follow up</translation>
    </message>
    <message>
        <source>请填写办理结果。</source>
        <translation>Please enter the result.</translation>
    </message>
</context>
<context>
    <name>CountyPanel</name>
    <message>
        <source>导入数据包…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <source>导入整个文件夹…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <source>生成交办包…</source>
        <translation>Write dispatches…</translation>
    </message>
    <message>
        <source>导出县级工作包…</source>
        <translation>Export county kit…</translation>
    </message>
    <message>
        <source>登记乡镇…</source>
        <translation>Enrol township…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>还没有登记的乡镇。请先“导出县级工作包…”交给各乡镇群众工作办；乡镇接受后会交回登记文件和打印的登记表，再用“登记乡镇…”登记。</source>
        <translation>No township is enrolled yet. First “Export county kit…” and give it to each township office; once it has accepted the kit it returns its enrolment file and the printed form: then use “Enrol township…”.</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>导入整个文件夹</source>
        <translation>Import a whole folder</translation>
    </message>
    <message>
        <source>生成交办包</source>
        <translation>Write dispatch bundles</translation>
    </message>
    <message>
        <source>导出县级工作包</source>
        <translation>Export county kit</translation>
    </message>
    <message>
        <source>县级工作包 (*.qzkit)</source>
        <translation>County kit (*.qzkit)</translation>
    </message>
    <message>
        <source>正在导出县级工作包……</source>
        <translation>Exporting the county kit…</translation>
    </message>
    <message>
        <source>已导出县级工作包 {0}。请复制到 U 盘交各乡镇群众工作办，在“站点与同步”中接受，并把本机密钥指纹告诉他们核对。</source>
        <translation>County kit {0} exported. Copy it to a USB stick for each township office to accept under “Stations and sync”, and tell them this PC’s key fingerprint to check.</translation>
    </message>
    <message>
        <source>登记乡镇</source>
        <translation>Enrol township</translation>
    </message>
    <message>
        <source>乡镇登记文件 (*.qzenroll)</source>
        <translation>Township enrolment file (*.qzenroll)</translation>
    </message>
    <message>
        <source>已登记 {0}（{1}），可以导入该乡镇的数据包了。</source>
        <translation>{0} ({1}) enrolled: its bundles can be imported now.</translation>
    </message>
</context>
<context>
    <name>CountyTextDialog</name>
    <message>
        <source>县直部门：{department}（期限 {due}）</source>
        <translation>County department: {department} (due {due})</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>已登记户数</source>
        <translation>Households registered</translation>
    </message>
    <message>
        <source>居民人数</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>需核对的居民</source>
        <translation>Residents to check</translation>
    </message>
    <message>
        <source>联系卡需打印（户）</source>
        <translation>Cards to print (households)</translation>
    </message>
    <message>
        <source>打开户籍登记</source>
        <translation>Open the register</translation>
    </message>
    <message>
        <source>查看需核对的户</source>
        <translation>Show households to check</translation>
    </message>
    <message>
        <source>打印联系卡…</source>
        <translation>Print contact cards…</translation>
    </message>
    <message>
        <source>在“户籍”中登记农户和居民，并为每户打印便民服务联系卡；在“受理”中登记群众诉求并跟踪办理；在“日记”中记录入户走访；在“台账”中查看、导出台账和民情月报；在“同步”中用 U 盘与乡镇交换数据包。</source>
        <translation>Register households and residents under Register and print a contact card for each; record requests under Intake and follow them up; write home visits under Diary; view and export the ledgers and the monthly report under Ledgers; exchange bundles with the township on a USB stick under Sync.</translation>
    </message>
    <message>
        <source>工作站代码：{code}&#x3000;所属乡镇：{township}</source>
        <translation>Station code: {code}    Township: {township}</translation>
    </message>
    <message>
        <source>地址：{address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <source>电话：{phone}&#x3000;办公时间：{hours}</source>
        <translation>Phone: {phone}    Opening hours: {hours}</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <source>县直部门</source>
        <translation>County departments</translation>
    </message>
    <message>
        <source>交办和协调会从这里选择县直部门。停用的部门保留在已办事项中。</source>
        <translation>Assignments and coordination meetings choose their county departments from here. A retired department stays on the items it handled.</translation>
    </message>
    <message>
        <source>部门名称，如 县人社局</source>
        <translation>Department name, e.g. 县人社局</translation>
    </message>
    <message>
        <source>名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>停用(&amp;R)</source>
        <translation>&amp;Retire</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <source>停用县直部门</source>
        <translation>Retire county department</translation>
    </message>
    <message>
        <source>停用“{0}”后不能再向它交办；已交办的事项不受影响。确定停用吗？</source>
        <translation>Once “{0}” is retired nothing more can be assigned to it; items already assigned are not affected. Retire it?</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
</context>
<context>
    <name>DiaryForm</name>
    <message>
        <source>民情日记</source>
        <translation>Resident diary</translation>
    </message>
    <message>
        <source>如 村委会、三组（电话回访记了村里的地点才算在村）</source>
        <translation>e.g. village committee, group 3 (a phone follow-up counts as a day in the village only with a place there)</translation>
    </message>
    <message>
        <source>所见所闻：走访、座谈、接待中看到和听到的情况（Ctrl+回车 保存）</source>
        <translation>What was seen and heard on visits, meetings and at the desk (Ctrl+Enter saves)</translation>
    </message>
    <message>
        <source>干部(&amp;G)</source>
        <translation>&amp;Cadre</translation>
    </message>
    <message>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>类型(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>地点(&amp;P)</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>所见所闻(&amp;T)</source>
        <translation>Seen and hea&amp;rd</translation>
    </message>
    <message>
        <source>走访户（三必看、三必问、三必留）</source>
        <translation>Households visited (three looks, three questions, three things left)</translation>
    </message>
    <message>
        <source>户号 / 姓名 / 拼音首字母，↓ 选择，回车添加</source>
        <translation>Household no. / name / pinyin initials, ↓ to choose, Enter adds</translation>
    </message>
    <message>
        <source>添加走访户(&amp;H)</source>
        <translation>Add &amp;household</translation>
    </message>
    <message>
        <source>添加结对户(&amp;J)</source>
        <translation>Add &amp;paired households</translation>
    </message>
    <message>
        <source>把这名干部结对帮扶的户都加进来</source>
        <translation>Add all households paired with this cadre</translation>
    </message>
    <message>
        <source>还没有添加走访户。</source>
        <translation>No household added yet.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>恳谈会问题转受理(&amp;Z)…</source>
        <translation>Meeting &amp;finding to intake…</translation>
    </message>
    <message>
        <source>把恳谈会上群众提出的问题登记为受理事项（来源：民情恳谈会），可由群体或全村提出</source>
        <translation>Register a problem residents raised at the meeting as an intake item (channel: 民情恳谈会, village meeting); a group or the whole village may raise it</translation>
    </message>
    <message>
        <source>请换一天或另一名干部：</source>
        <translation>Choose another day or another cadre:</translation>
    </message>
    <message>
        <source>这名干部还没有结对户（可在户籍中设置结对干部）。</source>
        <translation>This cadre has no paired households yet (pair them in the register).</translation>
    </message>
    <message>
        <source>已保存：{name} {day} {kind}</source>
        <translation>Saved: {name} {day} {kind}</translation>
    </message>
    <message>
        <source>还不能保存：</source>
        <translation>Cannot save yet:</translation>
    </message>
    <message>
        <source>{kind} {day}</source>
        <translation>{kind} {day}</translation>
    </message>
    <message>
        <source>已转受理事项：{number}（来源：{channel}），可在“受理”工作列表中查看。</source>
        <translation>Registered as intake item {number} (channel: {channel}); it is on the Intake work lists.</translation>
    </message>
    <message>
        <source>本篇日记已转受理事项：</source>
        <translation>Intake items from this entry: </translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <source>民情日记</source>
        <translation>Resident diary</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>走访户数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>转受理</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>所见所闻</source>
        <translation>Seen and heard</translation>
    </message>
    <message>
        <source>月份(&amp;M)</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>干部(&amp;C)</source>
        <translation>&amp;Cadre</translation>
    </message>
    <message>
        <source>新建日记(&amp;N)</source>
        <translation>&amp;New entry</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>打印本月日记(&amp;P)</source>
        <translation>&amp;Print the month</translation>
    </message>
    <message>
        <source>把所选干部这个月的民情日记打印出来（先预览）</source>
        <translation>Print the chosen cadre&apos;s diary of this month (preview first)</translation>
    </message>
    <message>
        <source>全年(&amp;Y)…</source>
        <translation>&amp;Year…</translation>
    </message>
    <message>
        <source>所选干部一年中每个月的在村天数和考核结论</source>
        <translation>The chosen cadre&apos;s days in the village and verdict for each month of a year</translation>
    </message>
    <message>
        <source>全部干部</source>
        <translation>All cadres</translation>
    </message>
    <message>
        <source>这个月还没有民情日记。按“新建日记”开始记录。</source>
        <translation>No diary entries this month. Press &quot;New entry&quot; to start.</translation>
    </message>
    <message>
        <source>本月共 {entries} 篇日记，{cadres} 名干部；选择一名干部可查看在村、坐班天数。</source>
        <translation>{entries} entries by {cadres} cadres this month; choose a cadre to see days in the village and on duty.</translation>
    </message>
    <message>
        <source>本月在村 {village} 天，其中坐班 {duty} 天；结对困难户 {paired} 户。{category}：{rule}。{verdict}{remarks}</source>
        <translation>This month: {village} days in the village, {duty} of them on duty; {paired} paired households in difficulty. {category}: {rule}. {verdict}{remarks}</translation>
    </message>
    <message>
        <source>确定删除这篇民情日记吗？
{entry}
已转出的受理事项不受影响；删除后可马上按 Ctrl+Z 撤销。</source>
        <translation>Delete this diary entry?
{entry}
Items already made from it stay; Ctrl+Z right after brings it back.</translation>
    </message>
    <message>
        <source>删除民情日记 {0}</source>
        <translation> deleting diary entry {0}</translation>
    </message>
    <message>
        <source>删除民情日记</source>
        <translation>Delete diary entry</translation>
    </message>
    <message>
        <source>请先选择一名干部。</source>
        <translation>Please choose a cadre first.</translation>
    </message>
    <message>
        <source>打印民情日记</source>
        <translation>Print resident diary</translation>
    </message>
    <message>
        <source>正在生成民情日记……</source>
        <translation>Generating the resident diary…</translation>
    </message>
    <message>
        <source>民情日记 {cadre} {month}</source>
        <translation>Resident diary {cadre} {month}</translation>
    </message>
</context>
<context>
    <name>DomainDaysBox</name>
    <message>
        <source>承诺办结时限</source>
        <translation>Promised working days</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>保存办结时限</source>
        <translation>Save working days</translation>
    </message>
    <message>
        <source>承诺件从受理之日起，在下列工作日数内办结（{low}–{high} 个工作日）。A 级（重大紧急）事项急事急办，时限默认为该类别的一半（向上取整，至少 1 个工作日），可以另行设定，但不超过该类别的时限。修改只影响以后受理的事项。</source>
        <translation>A promised item is to be resolved within these working days of intake ({low}–{high} working days). A grade A (urgent) item is handled first: by default it gets half its category&apos;s days (rounded up, at least 1 working day); you may set other days, but no more than the category&apos;s. Changes apply to items registered afterwards.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>A 级（重大紧急）</source>
        <translation>Grade A (urgent)</translation>
    </message>
    <message>
        <source>{domain} A 级</source>
        <translation>{domain}, grade A</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>恢复软件建议的时限（保存后生效）</source>
        <translation>Put back the suggested days (applies once saved)</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>DueDialog</name>
    <message>
        <source>即将到龄的居民</source>
        <translation>Residents reaching an age soon</translation>
    </message>
    <message>
        <source>选</source>
        <translation>Pick</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>年满</source>
        <translation>Turns</translation>
    </message>
    <message>
        <source>到龄日期</source>
        <translation>On</translation>
    </message>
    <message>
        <source>可办事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>重点帮扶</source>
        <translation>Support tags</translation>
    </message>
    <message>
        <source>已有代办事项</source>
        <translation>Open agency item</translation>
    </message>
    <message>
        <source>可填几个年龄，用顿号或空格隔开</source>
        <translation>One or more ages, separated by 、 or spaces</translation>
    </message>
    <message>
        <source>本月和下月</source>
        <translation>this month and next</translation>
    </message>
    <message>
        <source>今后 </source>
        <translation>next </translation>
    </message>
    <message>
        <source> 天内</source>
        <translation> days</translation>
    </message>
    <message>
        <source>全部居民</source>
        <translation>All residents</translation>
    </message>
    <message>
        <source>查询(&amp;Q)</source>
        <translation>&amp;Query</translation>
    </message>
    <message>
        <source>周岁，到龄时间</source>
        <translation>years old, when</translation>
    </message>
    <message>
        <source>默认按年龄：老年优待证、高龄津贴</source>
        <translation>By age if empty: senior card, old-age allowance</translation>
    </message>
    <message>
        <source>诉求类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>代办方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>代办干部</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>代办事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <source>打印名单…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <source>生成代办事项…</source>
        <translation>Create agency items…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0} 周岁</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <source>{first} 至 {last}：共 {n} 人，已选 {chosen} 人</source>
        <translation>{first} to {last}: {n} residents, {chosen} selected</translation>
    </message>
    <message>
        <source>（另有 {0} 人没有出生日期，无法判断）</source>
        <translation>({0} more have no birth date and cannot be judged)</translation>
    </message>
    <message>
        <source>{name}&#x3000;{day} 年满 {age} 周岁</source>
        <translation>{name}  turns {age} on {day}</translation>
    </message>
    <message>
        <source>……等 {0} 人</source>
        <translation>… {0} in all</translation>
    </message>
    <message>
        <source>将为以下 {n} 位居民各登记一件代办事项（{mode}，{domain}）：</source>
        <translation>An agency item ({mode}, {domain}) will be registered for each of these {n} residents:</translation>
    </message>
    <message>
        <source>生成代办事项</source>
        <translation>Create agency items</translation>
    </message>
    <message>
        <source>确定登记吗？</source>
        <translation>Register them?</translation>
    </message>
    <message>
        <source>登记 {0} 件</source>
        <translation>Register {0}</translation>
    </message>
    <message>
        <source>已登记 {0} 件代办事项。</source>
        <translation>{0} agency items registered.</translation>
    </message>
    <message>
        <source>{name}已有同样的代办事项 {number}，未重复登记。</source>
        <translation>{name} already has the same agency item {number}; not registered again.</translation>
    </message>
    <message>
        <source>即将到龄名单</source>
        <translation>Residents reaching an age</translation>
    </message>
    <message>
        <source>正在生成名单……</source>
        <translation>Writing the list…</translation>
    </message>
</context>
<context>
    <name>DutyDayDialog</name>
    <message>
        <source>信访值班 — {day}</source>
        <translation>Petition duty — {day}</translation>
    </message>
    <message>
        <source>班子成员姓名</source>
        <translation>Committee member&apos;s name</translation>
    </message>
    <message>
        <source>值班人员(&amp;M)</source>
        <translation>On &amp;duty</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>清除值班(&amp;C)</source>
        <translation>&amp;Clear duty</translation>
    </message>
</context>
<context>
    <name>DutyTab</name>
    <message>
        <source>信访值班和接访登记由乡镇群众工作办管理，工作站不排班。</source>
        <translation>The petition duty roster and reception log are kept by the township office; stations keep no roster.</translation>
    </message>
    <message>
        <source>轮流排班(&amp;T)…</source>
        <translation>Ro&amp;tate…</translation>
    </message>
    <message>
        <source>打印值班表(&amp;P)…</source>
        <translation>&amp;Print roster…</translation>
    </message>
    <message>
        <source>民意与信访设置(&amp;V)…</source>
        <translation>&amp;Voice and petition settings…</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>回车或双击一天：安排或清除值班人员</source>
        <translation>Enter or double-click a day to set or clear who is on duty</translation>
    </message>
    <message>
        <source>登记接访(&amp;A)…</source>
        <translation>&amp;Add reception…</translation>
    </message>
    <message>
        <source>修改(&amp;M)…</source>
        <translation>&amp;Modify…</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>打印接访登记(&amp;J)…</source>
        <translation>Print reception lo&amp;g…</translation>
    </message>
    <message>
        <source>接访人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>反映事项</source>
        <translation>Matter raised</translation>
    </message>
    <message>
        <source>到场单位</source>
        <translation>Units present</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>本期有 {count} 个工作日无人值班（红色）：{days}{more}</source>
        <translation>{count} working day(s) without anyone on duty (red): {days}{more}</translation>
    </message>
    <message>
        <source>本期每个工作日都已安排值班。灰色为休息日。</source>
        <translation>Every working day has someone on duty. Grey: days off.</translation>
    </message>
    <message>
        <source>无人值班</source>
        <translation>No one on duty</translation>
    </message>
    <message>
        <source>休息</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>接访 {n} 批</source>
        <translation>{n} reception(s)</translation>
    </message>
    <message>
        <source>工作日无人值班：回车或双击安排值班人员</source>
        <translation>A working day without anyone on duty: Enter or double-click to set someone</translation>
    </message>
    <message>
        <source>休息日，不排信访值班</source>
        <translation>A day off: no petition duty</translation>
    </message>
    <message>
        <source>联合接访：{units}</source>
        <translation>Joint reception: {units}</translation>
    </message>
    <message>
        <source>接访登记：请在上面选择一天</source>
        <translation>Reception log: choose a day above</translation>
    </message>
    <message>
        <source>{day} 接访登记（值班：{member}）</source>
        <translation>Reception log of {day} (on duty: {member})</translation>
    </message>
    <message>
        <source>无人</source>
        <translation>no one</translation>
    </message>
    <message>
        <source>{day} 是休息日，不排信访值班。</source>
        <translation>{day} is a day off: no petition duty.</translation>
    </message>
    <message>
        <source>信访值班</source>
        <translation>Petition duty</translation>
    </message>
    <message>
        <source>轮流排班</source>
        <translation>Rotate duty</translation>
    </message>
    <message>
        <source>{first} 至 {last} 已经排了值班，重新排班会替换这些安排。继续吗？</source>
        <translation>The duty from {first} to {last} is already set; rotating replaces it. Continue?</translation>
    </message>
    <message>
        <source>替换并排班</source>
        <translation>Replace and rotate</translation>
    </message>
    <message>
        <source>删除接访登记</source>
        <translation>Delete reception</translation>
    </message>
    <message>
        <source>删除 {day} 的这条接访登记吗？</source>
        <translation>Delete this reception of {day}?</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>信访值周表</source>
        <translation>Petition duty roster</translation>
    </message>
    <message>
        <source>正在生成信访值周表……</source>
        <translation>Writing the petition duty roster…</translation>
    </message>
    <message>
        <source>接访登记</source>
        <translation>Reception log</translation>
    </message>
    <message>
        <source>正在生成接访登记……</source>
        <translation>Writing the reception log…</translation>
    </message>
    <message>
        <source>{monday}
至 {sunday}</source>
        <translation>{monday}
to {sunday}</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>上报县 {number}</source>
        <translation>Escalate {number} to the county</translation>
    </message>
    <message>
        <source>乡镇无法协调解决的重大疑难事项，上报{county}协调交办。县里的交办和办理结果随县级交办包发回本乡镇，再发回工作站回访。</source>
        <translation>A major matter the township cannot settle goes to {county} for coordination. The county’s assignment and result come back in the county’s dispatch bundle, then to the station for follow-up.</translation>
    </message>
    <message>
        <source>写明乡镇无法解决的原因，例如涉及跨乡镇、县直部门职责</source>
        <translation>Say why the township cannot settle it, e.g. it spans townships or belongs to county departments</translation>
    </message>
    <message>
        <source>上报理由(&amp;Y)</source>
        <translation>Reason (&amp;Y)</translation>
    </message>
    <message>
        <source>上报县</source>
        <translation>Escalate to county</translation>
    </message>
    <message>
        <source>请写明上报县的理由。</source>
        <translation>Please give the reason for escalating to the county.</translation>
    </message>
    <message>
        <source>只有已上报、待交办或已交办的事项才能上报县。</source>
        <translation>Only an item that is escalated, awaiting assignment or assigned can go to the county.</translation>
    </message>
    <message>
        <source>放弃填写</source>
        <translation>Discard input</translation>
    </message>
    <message>
        <source>上报理由还没有提交。确定关闭并放弃吗？</source>
        <translation>The reason has not been submitted. Close and discard it?</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>ExportResultDialog</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>发给</source>
        <translation>To</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>变更条数</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>已生成 {0} 个数据包，保存在 {1}</source>
        <translation>{0} bundle(s) written to {1}</translation>
    </message>
    <message>
        <source>没有需要生成的数据包。</source>
        <translation>There are no bundles to write.</translation>
    </message>
    <message>
        <source>导出结果</source>
        <translation>Export result</translation>
    </message>
    <message>
        <source>无新变更</source>
        <translation>no new changes</translation>
    </message>
    <message>
        <source>请把数据包文件复制到 U 盘，交给对方导入。数据包已签名加密，只有对方能打开。</source>
        <translation>Copy the bundle files to a USB stick and hand them over for import. Bundles are signed and encrypted: only the recipient can open them.</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>问题转受理 — {household}</source>
        <translation>Register a finding — {household}</translation>
    </message>
    <message>
        <source>登记为受理事项（来源渠道：{channel}）。诉求人可以是提出问题的群体或全村，例如某个村民小组，不必是某一户。</source>
        <translation>Registered as an intake item (channel: {channel}). The requester may be the group or the whole village that raised it, e.g. a villagers&apos; group, not necessarily one household.</translation>
    </message>
    <message>
        <source>登记为受理事项（来源渠道：{channel}），诉求人为户主：{household}。</source>
        <translation>Registered as an intake item (channel: {channel}); the requester is the head of household: {household}.</translation>
    </message>
    <message>
        <source>例如：第三村民小组、村民代表或村名</source>
        <translation>e.g. 第三村民小组 (a villagers&apos; group), 村民代表 (villagers&apos; deputies) or the village&apos;s name</translation>
    </message>
    <message>
        <source>走访中发现或群众反映的问题</source>
        <translation>The problem found on the visit or raised by the resident</translation>
    </message>
    <message>
        <source>恳谈会上群众提出的问题</source>
        <translation>The problem residents raised at the meeting</translation>
    </message>
    <message>
        <source>即办件当场办结，请写明如何答复或办理</source>
        <translation>Immediate items are settled on the spot: say how</translation>
    </message>
    <message>
        <source>办理结果(&amp;E)</source>
        <translation>R&amp;esult</translation>
    </message>
    <message>
        <source>诉求人(&amp;R)</source>
        <translation>&amp;Requester</translation>
    </message>
    <message>
        <source>问题内容(&amp;N)</source>
        <translation>Co&amp;ntent</translation>
    </message>
    <message>
        <source>诉求类别(&amp;L)</source>
        <translation>&amp;Domain</translation>
    </message>
    <message>
        <source>等级(&amp;J)</source>
        <translation>&amp;Grade</translation>
    </message>
    <message>
        <source>件类型(&amp;T)</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>登记为受理事项</source>
        <translation>Register as intake item</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写诉求人：提出问题的群体或村。</source>
        <translation>Please enter the requester: the group or village that raised the problem.</translation>
    </message>
    <message>
        <source>请填写问题内容。</source>
        <translation>Please describe the problem.</translation>
    </message>
    <message>
        <source>即办件当场办结，请填写办理结果。</source>
        <translation>An immediate item is settled on the spot: please fill in the result.</translation>
    </message>
    <message>
        <source>还不能登记：</source>
        <translation>Cannot register yet:</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>登记站点</source>
        <translation>Enroll station</translation>
    </message>
    <message>
        <source>工作站：</source>
        <translation>Station:</translation>
    </message>
    <message>
        <source>代码：</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>第 {0} 套（首次登记）</source>
        <translation>set {0} (first enrollment)</translation>
    </message>
    <message>
        <source>第 {0} 套（该站更换过密钥）</source>
        <translation>set {0} (the station has replaced its keys)</translation>
    </message>
    <message>
        <source>工作站每更换一次密钥，密钥版本加 1，须重新登记。</source>
        <translation>Each time a station replaces its keys the key version goes up by 1 and it must be enrolled again.</translation>
    </message>
    <message>
        <source>密钥版本：</source>
        <translation>Key version:</translation>
    </message>
    <message>
        <source>请输入该站登记表上打印的密钥指纹（8 组，每组 4 位，由数字 0–9 和字母 A–F 组成），或电话中由该站逐组念出的指纹。空格和短横线可输可不输，大小写均可。</source>
        <translation>Type the key fingerprint printed on the station&apos;s enrollment sheet (8 groups of 4 characters, digits 0–9 and letters A–F), or as the station reads it out group by group on the phone. Spaces and dashes are optional; case does not matter.</translation>
    </message>
    <message>
        <source>确认登记</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <source>核对乡镇新密钥</source>
        <translation>Confirm the township&apos;s new key</translation>
    </message>
    <message>
        <source>乡镇：</source>
        <translation>Township:</translation>
    </message>
    <message>
        <source>登记乡镇</source>
        <translation>Enrol township</translation>
    </message>
    <message>
        <source>第 {0} 套</source>
        <translation>Key set {0}</translation>
    </message>
    <message>
        <source>请输入该乡镇登记表上打印的密钥指纹（8 组，每组 4 位），或电话中由乡镇逐组念出的指纹。空格和短横线可输可不输，大小写均可。</source>
        <translation>Enter the key fingerprint printed on the township’s enrolment form (8 groups of 4), or read out group by group on the phone. Spaces and dashes are optional, upper or lower case.</translation>
    </message>
    <message>
        <source>接受县级工作包</source>
        <translation>Accept county kit</translation>
    </message>
    <message>
        <source>县群众工作部：</source>
        <translation>County department:</translation>
    </message>
    <message>
        <source>请输入县群众工作部提供的密钥指纹（8 组，每组 4 位；可以打电话请县里逐组念出），与工作包中的一致才接受。</source>
        <translation>Enter the key fingerprint the county department gives you (8 groups of 4; ask the county to read it out on the phone). The kit is accepted only if it matches.</translation>
    </message>
    <message>
        <source>确认接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>乡镇群众工作办更换了密钥。请打电话请乡镇逐组念出新的密钥指纹（8 组，每组 4 位），在这里输入；与工作包中的一致才导入。</source>
        <translation>The township office has new keys. Phone the township, have them read out the new key fingerprint group by group (8 groups of 4) and type it here; the kit is imported only if it matches.</translation>
    </message>
    <message>
        <source>确认导入</source>
        <translation>Confirm and import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>指纹应为 32 位（8 组，每组 4 位），只含数字 0–9 和字母 A–F，请核对后重新输入。</source>
        <translation>A fingerprint has 32 characters (8 groups of 4), digits 0–9 and letters A–F only. Please check it and type it again.</translation>
    </message>
</context>
<context>
    <name>FirstHeadDialog</name>
    <message>
        <source>管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>站长</source>
        <translation>station head</translation>
    </message>
    <message>
        <source>设置向导 — {head}账号</source>
        <translation>Set-up — the {head}&apos;s account</translation>
    </message>
    <message>
        <source>这台电脑保存着全村居民的身份证号、电话和困难情况，几个人共用时须各自登录。请先为{head}建账号：{head}可以查看完整号码、删除、修改设置，并为其他人建账号、重设忘记的密码。</source>
        <translation>This PC holds the ID numbers, phones and hardship of the whole village; when several people share it, each signs in. First make the {head}&apos;s account: the {head} can see full numbers, delete, change settings, make accounts for the others and reset forgotten passwords.</translation>
    </message>
    <message>
        <source>至少 6 位</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <source>{head}姓名(&amp;N)</source>
        <translation>{head}&apos;s &amp;name</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>再输一次(&amp;A)</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <source>加密数据库（推荐）：电脑或文件被拿走也读不出数据</source>
        <translation>Encrypt the database (recommended): a stolen PC or copied file reveals nothing</translation>
    </message>
    <message>
        <source>建账号并登录</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>没有加密</source>
        <translation>Not encrypted</translation>
    </message>
    <message>
        <source>数据库加密没有完成（{reason}），数据保持原样、未加密，可以照常使用。请检查磁盘空间后，由站长用命令行 qunzhong --operator 姓名 accounts encrypt 再加密，或联系技术支持。</source>
        <translation>Encrypting the database did not finish ({reason}); the data is as it was, unencrypted, and works as usual. Check the free disk space, then the head can encrypt it with the command line: qunzhong --operator NAME accounts encrypt — or call support.</translation>
    </message>
    <message>
        <source>请抄下恢复码</source>
        <translation>Write down the recovery code</translation>
    </message>
    <message>
        <source>数据库已加密。所有人都忘记密码时，只有这个恢复码能打开数据：

{code}

请抄在纸上，和公章一样妥善保管，不要存在这台电脑里。（命令行：qunzhong accounts recover 姓名 --code 恢复码）</source>
        <translation>The database is encrypted. If every password is forgotten, only this recovery code opens the data:

{code}

Write it on paper and keep it as safe as the official seal, not on this PC. (Command line: qunzhong accounts recover NAME --code CODE)</translation>
    </message>
</context>
<context>
    <name>FormFeedback</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GridForm</name>
    <message>
        <source>编辑网格</source>
        <translation>Edit grid</translation>
    </message>
    <message>
        <source>新增网格</source>
        <translation>New grid</translation>
    </message>
    <message>
        <source>如 第一网格</source>
        <translation>e.g. Grid 1</translation>
    </message>
    <message>
        <source>手机或带区号固话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <source>网格名称</source>
        <translation>Grid name</translation>
    </message>
    <message>
        <source>网长</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <source>网长电话</source>
        <translation>Grid leader&apos;s phone</translation>
    </message>
    <message>
        <source>请填写网格名称。</source>
        <translation>Please enter the grid name.</translation>
    </message>
    <message>
        <source>已有名为“{0}”的网格，请换一个名称。</source>
        <translation>A grid named &quot;{0}&quot; already exists; please choose another name.</translation>
    </message>
</context>
<context>
    <name>GridsCadresDialog</name>
    <message>
        <source>网格与干部</source>
        <translation>Grids and cadres</translation>
    </message>
    <message>
        <source>网格名称</source>
        <translation>Grid name</translation>
    </message>
    <message>
        <source>网长</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <source>网长电话</source>
        <translation>Grid leader&apos;s phone</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>结对户数</source>
        <translation>Paired households</translation>
    </message>
    <message>
        <source>新增网格</source>
        <translation>New grid</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>新增干部</source>
        <translation>New cadre</translation>
    </message>
    <message>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>不再使用：保留在已有的户和记录上，但不再出现在选择列表中；可以再启用</source>
        <translation>No longer in use: it stays on the households and records that have it but is no longer offered; it can be brought back</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>只能删除没有任何户或记录用到的</source>
        <translation>Only what no household or record uses can be deleted</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Bring back</translation>
    </message>
    <message>
        <source>删除{0}</source>
        <translation>Delete {0}</translation>
    </message>
    <message>
        <source>确定删除{0}“{1}”吗？</source>
        <translation>Delete {0} &quot;{1}&quot;?</translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>使用中</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>{0}（乡镇核定）</source>
        <translation>{0} (set by township)</translation>
    </message>
</context>
<context>
    <name>GroupForm</name>
    <message>
        <source>合并为共性问题</source>
        <translation>Group as a common issue</translation>
    </message>
    <message>
        <source>合并(&amp;S)</source>
        <translation>Group (&amp;S)</translation>
    </message>
    <message>
        <source>共性问题(&amp;T)</source>
        <translation>Common issue (&amp;T)</translation>
    </message>
    <message>
        <source>合并的信息</source>
        <translation>Information grouped</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <source>放弃填写</source>
        <translation>Discard input</translation>
    </message>
    <message>
        <source>刚才填写的内容还没有保存。确定关闭并放弃吗？</source>
        <translation>What you typed has not been saved. Close and discard it?</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>使用手册</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>编辑户 {0}</source>
        <translation>Edit household {0}</translation>
    </message>
    <message>
        <source>新增户</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>户信息</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>如 1-001</source>
        <translation>e.g. 1-001</translation>
    </message>
    <message>
        <source>（未分网格）</source>
        <translation>(no grid)</translation>
    </message>
    <message>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <source>（已删除的网格）</source>
        <translation>(deleted grid)</translation>
    </message>
    <message>
        <source>留空则用户主电话</source>
        <translation>Leave empty to use the head&apos;s phone</translation>
    </message>
    <message>
        <source>（未结对）</source>
        <translation>(not paired)</translation>
    </message>
    <message>
        <source>（已删除的干部）</source>
        <translation>(deleted cadre)</translation>
    </message>
    <message>
        <source>户号(&amp;H)</source>
        <translation>&amp;Household no.</translation>
    </message>
    <message>
        <source>网格(&amp;G)</source>
        <translation>&amp;Grid</translation>
    </message>
    <message>
        <source>住址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>户电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>结对干部(&amp;C)</source>
        <translation>Paired &amp;cadre</translation>
    </message>
    <message>
        <source>帮扶标签</source>
        <translation>Support tags</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>导入时标记为需核对，请核实后改正：</source>
        <translation>Flagged by the roster import; please check and correct:</translation>
    </message>
    <message>
        <source>已核实，保存时清除这些标记</source>
        <translation>Checked — clear these flags on save</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>添加成员(&amp;M)</source>
        <translation>Add &amp;member</translation>
    </message>
    <message>
        <source>这名成员</source>
        <translation>this member</translation>
    </message>
    <message>
        <source>移除成员</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <source>确定从本户移除“{0}”吗？保存后生效。</source>
        <translation>Remove &quot;{0}&quot; from this household? This takes effect when you save.</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>不能保存：</source>
        <translation>Cannot save:</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>刚才填写的内容还没有保存。确定关闭并放弃这些修改吗？</source>
        <translation>What you just entered has not been saved. Close and discard these changes?</translation>
    </message>
    <message>
        <source>还不能保存，请改正标红的 {0} 处：</source>
        <translation>Cannot save yet; please correct the {0} places marked in red:</translation>
    </message>
    <message>
        <source>第 {0} 名成员：</source>
        <translation>Member {0}:</translation>
    </message>
    <message>
        <source>还不能保存：</source>
        <translation>Cannot save yet:</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>户号</source>
        <extracomment>The columns that sort (in the database: ``SqlRegister.search_households``).</extracomment>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>帮扶标签</source>
        <translation>Support tags</translation>
    </message>
    <message>
        <source>结对干部</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>已有</source>
        <translation>Already had</translation>
    </message>
    <message>
        <source>待核对</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>已导入过</source>
        <translation>Imported before</translation>
    </message>
    <message>
        <source>已拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>无新变更</source>
        <translation>no new changes</translation>
    </message>
    <message>
        <source>“待核对”的变更已记入冲突记录，请逐条查看后决定保留哪个值。</source>
        <translation>Changes “to review” were written to the conflict log: look at each one and decide which value to keep.</translation>
    </message>
</context>
<context>
    <name>InfoForm</name>
    <message>
        <source>修改民情信息</source>
        <translation>Edit residents&apos; information</translation>
    </message>
    <message>
        <source>登记民情信息</source>
        <translation>Record residents&apos; information</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>群众的意见、建议或反映的苗头性、倾向性问题</source>
        <translation>Residents&apos; opinions, suggestions, or early signs and tendencies they report</translation>
    </message>
    <message>
        <source>网格员或信息员姓名</source>
        <translation>Grid member or informant</translation>
    </message>
    <message>
        <source> 户</source>
        <translation> households</translation>
    </message>
    <message>
        <source>收集日期(&amp;D)</source>
        <translation>Collected on (&amp;D)</translation>
    </message>
    <message>
        <source>来源(&amp;L)</source>
        <translation>Source (&amp;L)</translation>
    </message>
    <message>
        <source>主题(&amp;T)</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <source>类型(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>内容(&amp;C)</source>
        <translation>&amp;Content</translation>
    </message>
    <message>
        <source>信息员(&amp;R)</source>
        <translation>Info&amp;rmant</translation>
    </message>
    <message>
        <source>涉及户数(&amp;U)</source>
        <translation>Ho&amp;useholds</translation>
    </message>
</context>
<context>
    <name>InfoTab</name>
    <message>
        <source>主题(&amp;T)</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>类型(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>月份(&amp;Y)</source>
        <translation>Month (&amp;Y)</translation>
    </message>
    <message>
        <source>只看未合并(&amp;W)</source>
        <translation>Only ungrouped (&amp;W)</translation>
    </message>
    <message>
        <source>登记信息(&amp;N)…</source>
        <translation>&amp;New information…</translation>
    </message>
    <message>
        <source>修改(&amp;M)…</source>
        <translation>&amp;Modify…</translation>
    </message>
    <message>
        <source>转为事项(&amp;Z)…</source>
        <translation>To an item (&amp;Z)…</translation>
    </message>
    <message>
        <source>合并为共性问题(&amp;U)…</source>
        <translation>Group as common iss&amp;ue…</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>收集日期</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>信息员</source>
        <translation>Informant</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>共性问题</source>
        <translation>Common issue</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>共性问题（统一答复、统一回访）：</source>
        <translation>Common issues (answered and followed up once):</translation>
    </message>
    <message>
        <source>答复(&amp;A)…</source>
        <translation>&amp;Answer…</translation>
    </message>
    <message>
        <source>回访(&amp;V)…</source>
        <translation>Follow up (&amp;V)…</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>答复结果</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>各工作站的民情信息随数据包报到乡镇，这里只能查看。</source>
        <translation>The stations&apos; information arrives with their bundles; the township can only view it here.</translation>
    </message>
    <message>
        <source>民情信息</source>
        <translation>Residents&apos; information</translation>
    </message>
    <message>
        <source>未答复</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>共 {0} 条民情信息；共性问题 {1} 个</source>
        <translation>{0} pieces of information; {1} common issues</translation>
    </message>
    <message>
        <source>请在列表中选择一条民情信息。</source>
        <translation>Select one piece of information in the list.</translation>
    </message>
    <message>
        <source>转为事项</source>
        <translation>To an item</translation>
    </message>
    <message>
        <source>这条民情信息已转为事项 {0}。</source>
        <translation>This information already became item {0}.</translation>
    </message>
    <message>
        <source>已登记为事项 {0}。</source>
        <translation>Registered as item {0}.</translation>
    </message>
    <message>
        <source>合并为共性问题</source>
        <translation>Group as a common issue</translation>
    </message>
    <message>
        <source>请按住 Ctrl 选择两条或以上相似的民情信息再合并。</source>
        <translation>Hold Ctrl and select two or more similar pieces of information to group them.</translation>
    </message>
    <message>
        <source>请先在下方选择一个共性问题。</source>
        <translation>Select a common issue below first.</translation>
    </message>
    <message>
        <source>删除民情信息</source>
        <translation>Delete information</translation>
    </message>
    <message>
        <source>删除这条民情信息（{0}）？可用“编辑 › 撤销”恢复。</source>
        <translation>Delete this information ({0})? Edit › Undo brings it back.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>诉求事项</source>
        <translation>Request</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>群众反映的问题或诉求（Ctrl+回车 保存）</source>
        <translation>What the resident asks for or reports (Ctrl+Enter saves)</translation>
    </message>
    <message>
        <source>办理结果(&amp;E)</source>
        <translation>R&amp;esult</translation>
    </message>
    <message>
        <source>即办件当场办结，请写明如何答复或办理</source>
        <translation>Settled on the spot: write how it was answered or handled</translation>
    </message>
    <message>
        <source>来源渠道(&amp;Q)</source>
        <translation>Channel (&amp;Q)</translation>
    </message>
    <message>
        <source>诉求类别(&amp;L)</source>
        <translation>Domain (&amp;L)</translation>
    </message>
    <message>
        <source>等级(&amp;J)</source>
        <translation>Grade (&amp;J)</translation>
    </message>
    <message>
        <source>件类型(&amp;T)</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>承诺时限(&amp;D)</source>
        <translation>Promised (&amp;D)</translation>
    </message>
    <message>
        <source>诉求内容(&amp;N)</source>
        <translation>Co&amp;ntent</translation>
    </message>
    <message>
        <source>经办人(&amp;B)</source>
        <translation>Handler (&amp;B)</translation>
    </message>
    <message>
        <source>信访(&amp;X)</source>
        <translation>Petition (&amp;X)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S，在诉求内容中也可按 Ctrl+回车)</source>
        <translation>Save (Ctrl+S, or Ctrl+Enter in the content)</translation>
    </message>
    <message>
        <source>保存并打印回执</source>
        <translation>Save and print receipt</translation>
    </message>
    <message>
        <source>保存后打开受理回执 (Ctrl+P)</source>
        <translation>Save, then open the receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>清空表单，接待下一位群众</source>
        <translation>Clear the form for the next resident</translation>
    </message>
    <message>
        <source>打印上一件的回执</source>
        <translation>Print the last receipt</translation>
    </message>
    <message>
        <source>当场办结</source>
        <translation>Settled on the spot</translation>
    </message>
    <message>
        <source>待补件，收到材料后开始计时（{days} 个工作日）</source>
        <translation>Awaiting documents: the clock starts when they arrive ({days} working days)</translation>
    </message>
    <message>
        <source>上报乡镇，由乡镇交办办理</source>
        <translation>Escalated to the township, which assigns it</translation>
    </message>
    <message>
        <source>承诺办结日期：{date}（{days} 个工作日，急事急办）</source>
        <translation>Promised by: {date} ({days} working days, urgent)</translation>
    </message>
    <message>
        <source>承诺办结日期：{date}（{days} 个工作日）</source>
        <translation>Promised by: {date} ({days} working days)</translation>
    </message>
    <message>
        <source>注意：{years} 年的节假日安排尚未载入，日期只按周末推算。请在“设置 › 工作日历”中导入当年的放假安排。</source>
        <translation>Note: the holidays of {years} are not loaded; the date counts weekends only. Import that year’s holiday schedule under “Settings › Working calendar”.</translation>
    </message>
    <message>
        <source>请填写外来人员的姓名。</source>
        <translation>Please enter the outsider’s name.</translation>
    </message>
    <message>
        <source>请填写外来人员的联系电话，便于回访。</source>
        <translation>Please enter the outsider’s phone, for the follow-up call.</translation>
    </message>
    <message>
        <source>请在户籍中查找并选择诉求人（↓ 选择，回车确认）；不在户籍中的人请勾选“外来人员”。</source>
        <translation>Find and pick the requester in the register (↓ to choose, Enter to pick); for someone not registered, tick “Outsider”.</translation>
    </message>
    <message>
        <source>即办件当场办结，请填写办理结果。</source>
        <translation>An immediate item is settled on the spot: please enter the result.</translation>
    </message>
    <message>
        <source>请填写诉求内容。</source>
        <translation>Please enter what the request is about.</translation>
    </message>
    <message>
        <source>已登记：{number}&#x3000;{name}&#x3000;{kind}{due}</source>
        <translation>Registered: {number}  {name}  {kind}{due}</translation>
    </message>
    <message>
        <source>&#x3000;承诺 {date} 前办结</source>
        <translation>  promised by {date}</translation>
    </message>
    <message>
        <source>还不能保存：</source>
        <translation>Cannot save yet:</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>新登记</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>我的事项</source>
        <translation>My items</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>待补件</source>
        <translation>Awaiting documents</translation>
    </message>
    <message>
        <source>已上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>待领取</source>
        <translation>To collect</translation>
    </message>
    <message>
        <source>待回访/销号</source>
        <translation>To follow up / close</translation>
    </message>
    <message>
        <source>已办结/已销号</source>
        <translation>Resolved / closed</translation>
    </message>
    <message>
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>即将到龄…</source>
        <translation>Reaching an age…</translation>
    </message>
    <message>
        <source>即将年满 60、70、80 周岁的居民：打印名单，为他们登记代办事项</source>
        <translation>Residents turning 60, 70, 80 soon: print the list, register agency items for them</translation>
    </message>
    <message>
        <source>编号 / 诉求人 / 内容 (Ctrl+F)</source>
        <translation>Number / requester / content (Ctrl+F)</translation>
    </message>
    <message>
        <source>最新受理在前</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <source>最早受理在前</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>双击或回车打开事项</source>
        <translation>Double-click or Enter opens an item</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>全部等级</source>
        <translation>All grades</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All domains</translation>
    </message>
    <message>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>不限日期</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>（黄色：通知领取后超过 {0} 个工作日仍未领取）</source>
        <translation> (amber: not collected more than {0} working days after being told)</translation>
    </message>
    <message>
        <source>打开事项…</source>
        <translation>Open item…</translation>
    </message>
    <message>
        <source>复制编号</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>复制诉求内容</source>
        <translation>Copy request text</translation>
    </message>
    <message>
        <source>受理登记</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>受理登记表中还有未保存的内容，确定要放弃吗？</source>
        <translation>The intake form holds input not saved yet. Discard it?</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>事项 {number}</source>
        <translation>Item {number}</translation>
    </message>
    <message>
        <source>办理经过</source>
        <translation>History</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{number}&#x3000;{name}</source>
        <translation>{number}  {name}</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>诉求人</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>诉求类别</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>件类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>承诺时限</source>
        <translation>Promised</translation>
    </message>
    <message>
        <source>{days} 个工作日</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <source>承诺日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>Query code</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Locality</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Competent department</translation>
    </message>
    <message>
        <source>双联系单位</source>
        <translation>Paired unit</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>诉求内容：</source>
        <translation>Content: </translation>
    </message>
    <message>
        <source>{assigned}（乡镇交办；登记时为{competent}）</source>
        <translation>{assigned} (assigned by the township; {competent} when registered)</translation>
    </message>
    <message>
        <source>上门服务</source>
        <translation>home service</translation>
    </message>
    <message>
        <source>代办与上门服务</source>
        <translation>Agency and home service</translation>
    </message>
    <message>
        <source>来源：民情日记（已删除）</source>
        <translation>Source: resident diary (deleted)</translation>
    </message>
    <message>
        <source>来源：{cadre} {day} 的民情日记（{kind}）</source>
        <translation>Source: resident diary of {cadre} on {day} ({kind})</translation>
    </message>
    <message>
        <source>电话属于个人信息，默认部分隐藏</source>
        <translation>Phone numbers are personal data and partly hidden by default</translation>
    </message>
    <message>
        <source>事项 {0} 的电话</source>
        <translation>phone of item {0}</translation>
    </message>
    <message>
        <source>显示电话</source>
        <translation>Show phone</translation>
    </message>
    <message>
        <source>当场办结</source>
        <translation>Settled on the spot</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>（原因：{reason}）</source>
        <translation> (reason: {reason})</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{way}回访，{satisfaction}</source>
        <translation>Followed up ({way}): {satisfaction}</translation>
    </message>
    <message>
        <source>{day} {how}通知领取</source>
        <translation>told to collect on {day} by {how}</translation>
    </message>
    <message>
        <source>{day} {by}领取</source>
        <translation>collected on {day} by {by}</translation>
    </message>
    <message>
        <source>上报县，理由：{reason}</source>
        <translation>Escalated to the county, reason: {reason}</translation>
    </message>
    <message>
        <source>县已交办 {department}，{days}个工作日，期限 {deadline}</source>
        <translation>Assigned by the county to {department}, {days} working days, due {deadline}</translation>
    </message>
    <message>
        <source>县群众工作部退回乡镇</source>
        <translation>Sent back to the township by the county</translation>
    </message>
    <message>
        <source>交办 {unit}，期限 {deadline}</source>
        <translation>Assigned to {unit}, due {deadline}</translation>
    </message>
    <message>
        <source>责任单位 {unit}</source>
        <translation>responsible unit {unit}</translation>
    </message>
    <message>
        <source>材料已补齐，开始办理</source>
        <translation>Documents received, start</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>待补件</source>
        <translation>Awaiting documents</translation>
    </message>
    <message>
        <source>上报乡镇</source>
        <translation>Escalate to township</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>通知领取</source>
        <translation>Told to collect</translation>
    </message>
    <message>
        <source>已领取</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>更正(&amp;E)</source>
        <translation>Correct (&amp;E)</translation>
    </message>
    <message>
        <source>更正诉求人、电话、类别、等级或内容；原值和新值记入办理经过</source>
        <translation>Correct the requester, phone, category, grade or request; old and new values go into the history</translation>
    </message>
    <message>
        <source>修改责任单位(&amp;U)…</source>
        <translation>Responsible &amp;units…</translation>
    </message>
    <message>
        <source>选择主管部门和双联系单位</source>
        <translation>Choose the competent department and the paired unit</translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close window</translation>
    </message>
    <message>
        <source>等待群众补交材料，计时暂停；材料齐后点“开始办理”。</source>
        <translation>Waiting for the resident’s documents; the clock is paused. When they arrive, press “Documents received, start”.</translation>
    </message>
    <message>
        <source>已办结：请回访群众，记录满意度。</source>
        <translation>Resolved: follow up with the resident and record the satisfaction.</translation>
    </message>
    <message>
        <source>已办结（代办）：请通知群众领取，领取后再回访。</source>
        <translation>Resolved (agency): tell the resident to collect; follow up once collected.</translation>
    </message>
    <message>
        <source>已通知群众领取：群众来领取后点“已领取”。</source>
        <translation>The resident was told to collect: press “Collected” when they do.</translation>
    </message>
    <message>
        <source>群众已领取：请回访群众，记录满意度。</source>
        <translation>Collected: follow up with the resident and record the satisfaction.</translation>
    </message>
    <message>
        <source>已回访：满意或基本满意可销号；不满意可重新办理。</source>
        <translation>Followed up: close it if satisfied; reopen it if not.</translation>
    </message>
    <message>
        <source>已上报乡镇：交办和办结由乡镇办理，同步后在这里显示。</source>
        <translation>Escalated: the township assigns and resolves it; its steps show here after a sync.</translation>
    </message>
    <message>
        <source>已上报县：由县群众工作部交县直部门办理，结果同步后在这里显示。</source>
        <translation>Escalated to the county: the county department assigns it to a county department; the result shows here once synced.</translation>
    </message>
    <message>
        <source>这件事已经结束，不能再办理。</source>
        <translation>This item is finished; no further steps.</translation>
    </message>
    <message>
        <source>您的角色只能查阅，不能办理或更正。</source>
        <translation>Your role can only look: no steps, no corrections.</translation>
    </message>
</context>
<context>
    <name>ItemFigures</name>
    <message>
        <source>今日受理</source>
        <translation>Received today</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>待补件</source>
        <translation>Awaiting docs</translation>
    </message>
    <message>
        <source>已上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>待回访/销号</source>
        <translation>To follow up / close</translation>
    </message>
    <message>
        <source>群众诉求</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>受理登记</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>登记一件新的群众诉求</source>
        <translation>Register a new request</translation>
    </message>
</context>
<context>
    <name>ItemLedgerTab</name>
    <message>
        <source>民情台账</source>
        <translation>Item ledger</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>打开事项…</source>
        <translation>Open item…</translation>
    </message>
    <message>
        <source>复制编号</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation>{0} items</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>民情台账</source>
        <translation>Item ledger</translation>
    </message>
    <message>
        <source>帮扶台账</source>
        <translation>Support ledger</translation>
    </message>
    <message>
        <source>帮扶需求</source>
        <translation>Assistance needs</translation>
    </message>
    <message>
        <source>各站汇总</source>
        <translation>By station</translation>
    </message>
</context>
<context>
    <name>LinkForm</name>
    <message>
        <source>关联事项或民情信息</source>
        <translation>Link an item or information</translation>
    </message>
    <message>
        <source>关联(&amp;S)</source>
        <translation>Link (&amp;S)</translation>
    </message>
    <message>
        <source>事项编号，如 2026-0012</source>
        <translation>Item number, e.g. 2026-0012</translation>
    </message>
    <message>
        <source>（不关联民情信息）</source>
        <translation>(no information)</translation>
    </message>
    <message>
        <source>分析意见（可不填）</source>
        <translation>Analysis (optional)</translation>
    </message>
    <message>
        <source>事项编号(&amp;B)</source>
        <translation>Item num&amp;ber</translation>
    </message>
    <message>
        <source>或民情信息(&amp;X)</source>
        <translation>Or information (&amp;X)</translation>
    </message>
    <message>
        <source>分析意见(&amp;Y)</source>
        <translation>Anal&amp;ysis</translation>
    </message>
    <message>
        <source>跟进责任人(&amp;Z)</source>
        <translation>Follow-up owner (&amp;Z)</translation>
    </message>
    <message>
        <source>请只填事项编号或只选一条民情信息。</source>
        <translation>Fill in an item number or choose one piece of information, not both.</translation>
    </message>
</context>
<context>
    <name>ListParts</name>
    <message>
        <source>红色</source>
        <extracomment>The widest item number, to size 编号 columns (a station code, the year, five digits).</extracomment>
        <translation>red</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>黄色</source>
        <translation>amber</translation>
    </message>
    <message>
        <source>今明两个工作日到期</source>
        <translation>due within a working day</translation>
    </message>
    <message>
        <source>绿色</source>
        <translation>green</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>on time</translation>
    </message>
    <message>
        <source>灰色</source>
        <translation>grey</translation>
    </message>
    <message>
        <source>待补件暂停计时</source>
        <translation>paused, awaiting documents</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{title}（Ctrl+{n}）</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>户籍</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>日记</source>
        <translation>Diary</translation>
    </message>
    <message>
        <source>民意</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledgers</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>站点与同步</source>
        <translation>Stations and sync</translation>
    </message>
    <message>
        <source>分流交办</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>协调</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>乡镇与同步</source>
        <translation>Townships and sync</translation>
    </message>
    <message>
        <source>您的角色（{role}）不能使用这一页：没有权限{action}。如需要，请找站长调整角色。</source>
        <translation>Your role ({role}) cannot use this page (no permission: {action}). Ask the station head to change your role if you need it.</translation>
    </message>
    <message>
        <source>月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>信访</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <source>信访值班</source>
        <translation>Petition duty</translation>
    </message>
    <message>
        <source>已从备份恢复：{0}</source>
        <translation>Restored from backup: {0}</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>切换用户(&amp;U)…</source>
        <translation>Switch &amp;user…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用手册(&amp;M)</source>
        <translation>User &amp;manual</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>撤销{0}(&amp;U)</source>
        <translation>&amp;Undo{0}</translation>
    </message>
    <message>
        <source>不能撤销</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>已撤销：{0}</source>
        <translation>Undone:{0}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;群众工作站桌面版 {version}&lt;/h3&gt;&lt;p&gt;供村（社区）群众工作站使用的离线桌面软件：户籍登记、便民服务联系卡、受理登记与限时办结、民情日记、民情台账和民情月报；用U盘传递签名加密的数据包与乡镇群众工作办同步。&lt;/p&gt;&lt;p&gt;数据保存在本机：{home}&lt;br&gt;数据库版本：{revision}{encrypted}&lt;br&gt;日志文件：{log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mass Work Station Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline desktop software for village (community) mass-work stations: household register, contact cards, intake and time-limited handling, resident diary, ledgers and the monthly report; signed, encrypted bundles on a USB stick keep the township office in step.&lt;/p&gt;&lt;p&gt;Data kept on this PC: {home}&lt;br&gt;Database schema: {revision}{encrypted}&lt;br&gt;Log file: {log}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>（已加密）</source>
        <translation> (encrypted)</translation>
    </message>
    <message>
        <source>关于群众工作站</source>
        <translation>About Mass-Work Station</translation>
    </message>
    <message>
        <source>&#x3000;{name}（{role}）</source>
        <translation>  {name} ({role})</translation>
    </message>
    <message>
        <source>县（市）群众工作部 — {name}</source>
        <translation>County mass-work department — {name}</translation>
    </message>
    <message>
        <source>群众工作站 — {name}</source>
        <translation>Mass-Work Station — {name}</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>乡镇群众工作办 — {name}</source>
        <translation>Township office — {name}</translation>
    </message>
    <message>
        <source>&#x3000;操作员：{operator}</source>
        <translation>    Operator: {operator}</translation>
    </message>
</context>
<context>
    <name>ManualScoreForm</name>
    <message>
        <source>录入分数</source>
        <translation>Enter points</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <source>{0}（{1} 分）</source>
        <translation>{0} ({1} points)</translation>
    </message>
    <message>
        <source>考评项目(&amp;I)：</source>
        <translation>Scoring &amp;item:</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> points</translation>
    </message>
    <message>
        <source>得分(&amp;S)：</source>
        <translation>&amp;Score:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>0 至 {0} 分，最多一位小数。</source>
        <translation>0 to {0} points, at most one decimal. </translation>
    </message>
    <message>
        <source>分数没有保存：</source>
        <translation>The points were not saved:</translation>
    </message>
</context>
<context>
    <name>MattersModel</name>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>诉求人</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>上报理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>已等待</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>县直部门</source>
        <translation>County departments</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>协调会</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>{0} 天</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>{0} 个工作日</source>
        <translation>{0} working days</translation>
    </message>
    <message>
        <source>未超期</source>
        <translation>Not overdue</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>记录协调会</source>
        <translation>Record coordination meeting</translation>
    </message>
    <message>
        <source>会议日期(&amp;T)</source>
        <translation>Da&amp;te</translation>
    </message>
    <message>
        <source>可以不填，例如：跨乡镇土地权属纠纷协调</source>
        <translation>Optional, e.g. coordination of a land dispute across townships</translation>
    </message>
    <message>
        <source>会议议题(&amp;P)</source>
        <translation>To&amp;pic</translation>
    </message>
    <message>
        <source>协调事项(&amp;I)</source>
        <translation>&amp;Items</translation>
    </message>
    <message>
        <source>请选择牵头单位</source>
        <translation>Choose the lead department</translation>
    </message>
    <message>
        <source>牵头单位(&amp;L)</source>
        <translation>&amp;Lead department</translation>
    </message>
    <message>
        <source>配合单位(&amp;C)</source>
        <translation>&amp;Co-operating</translation>
    </message>
    <message>
        <source>参会单位和人员</source>
        <translation>Units and people present</translation>
    </message>
    <message>
        <source>参会人员(&amp;A)</source>
        <translation>&amp;Attendees</translation>
    </message>
    <message>
        <source>会议议定的事项、分工和时限</source>
        <translation>What the meeting decided, who does what, by when</translation>
    </message>
    <message>
        <source>议定事项(&amp;D)</source>
        <translation>&amp;Decisions</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>如 村部会议室</source>
        <translation>e.g. village office meeting room</translation>
    </message>
    <message>
        <source>参会人员或范围，如 第三组村民代表、驻村干部</source>
        <translation>Who attended, e.g. group 3 representatives, stationed cadres</translation>
    </message>
    <message>
        <source>会议类型(&amp;K)</source>
        <translation>Meeting &amp;kind</translation>
    </message>
    <message>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>地点(&amp;W)</source>
        <translation>Place (&amp;W)</translation>
    </message>
    <message>
        <source>主持人(&amp;Z)</source>
        <translation>Host (&amp;Z)</translation>
    </message>
    <message>
        <source>参会人数(&amp;N)</source>
        <translation>&amp;Number attending</translation>
    </message>
    <message>
        <source>参会人员(&amp;Y)</source>
        <translation>Attendees (&amp;Y)</translation>
    </message>
    <message>
        <source>会议概要(&amp;U)</source>
        <translation>S&amp;ummary</translation>
    </message>
    <message>
        <source>决定事项(&amp;J)</source>
        <translation>Decisions (&amp;J)</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>跟进责任人</source>
        <translation>Follow-up owner</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>添加问题(&amp;A)</source>
        <translation>&amp;Add problem</translation>
    </message>
    <message>
        <source>移除问题(&amp;R)</source>
        <translation>&amp;Remove problem</translation>
    </message>
    <message>
        <source>转为事项(&amp;T)…</source>
        <translation>&amp;To an item…</translation>
    </message>
    <message>
        <source>关联事项/信息(&amp;L)…</source>
        <translation>&amp;Link item/information…</translation>
    </message>
    <message>
        <source>打开事项(&amp;O)</source>
        <translation>&amp;Open item</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>民情信息</source>
        <translation>Residents&apos; information</translation>
    </message>
    <message>
        <source>双击打开事项</source>
        <translation>Double-click to open the item</translation>
    </message>
    <message>
        <source>群众反映的问题（直接在表格中填写；选中一行可转为事项）：</source>
        <translation>Problems raised (type into the table; select a row to turn it into an item):</translation>
    </message>
    <message>
        <source>分析的问题、事项和民情信息：</source>
        <translation>Problems, items and information analysed:</translation>
    </message>
    <message>
        <source>新建{0}</source>
        <translation>New {0}</translation>
    </message>
    <message>
        <source>这个问题已转为事项 {0}，不能从会议中移除。</source>
        <translation>This problem became item {0}; it cannot be removed from the meeting.</translation>
    </message>
    <message>
        <source>请先在表格中选择一个问题。</source>
        <translation>Select a problem in the table first.</translation>
    </message>
    <message>
        <source>请先填写这个问题的内容。</source>
        <translation>Type the problem first.</translation>
    </message>
    <message>
        <source>这个问题已转为事项 {0}。</source>
        <translation>This problem already became item {0}.</translation>
    </message>
    <message>
        <source>已登记为事项 {0}（会议已保存）。</source>
        <translation>Registered as item {0} (the meeting was saved).</translation>
    </message>
    <message>
        <source>这个问题还没有对应的事项。</source>
        <translation>This problem has no item yet.</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>会议类型(&amp;K)</source>
        <translation>Meeting &amp;kind</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>新建恳谈会(&amp;N)…</source>
        <translation>&amp;New talk meeting…</translation>
    </message>
    <message>
        <source>新建分析会(&amp;A)…</source>
        <translation>New &amp;analysis meeting…</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>打印会议记录(&amp;P)…</source>
        <translation>&amp;Print minutes…</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>各工作站的民情会议随数据包报到乡镇，这里只能查看和打印。</source>
        <translation>The stations&apos; meetings arrive with their bundles; the township can only view and print them here.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>参会</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>转为事项</source>
        <translation>To an item</translation>
    </message>
    <message>
        <source>决定事项</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>民情会议</source>
        <translation>Residents&apos; meetings</translation>
    </message>
    <message>
        <source>共 {0} 次会议（恳谈会 {1}，分析会 {2}）</source>
        <translation>{0} meetings ({1} talk, {2} analysis)</translation>
    </message>
    <message>
        <source>请先在列表中选择一次会议。</source>
        <translation>Select a meeting in the list first.</translation>
    </message>
    <message>
        <source>正在生成会议记录……</source>
        <translation>Writing the minutes…</translation>
    </message>
    <message>
        <source>会议记录</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>删除会议</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>删除{0}？由它登记的事项保留。可用“编辑 › 撤销”恢复。</source>
        <translation>Delete {0}? The items registered from it stay. Edit › Undo brings it back.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除会议 {0}</source>
        <translation>delete meeting {0}</translation>
    </message>
</context>
<context>
    <name>MemberRow</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>18 位，末位可为 X</source>
        <translation>18 characters, last may be X</translation>
    </message>
    <message>
        <source>由身份证号自动得出</source>
        <translation>Derived from the ID number</translation>
    </message>
    <message>
        <source>手机或带区号固话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>从本户移除这名成员（保存后生效）</source>
        <translation>Remove this member from the household (takes effect on save)</translation>
    </message>
    <message>
        <source>还差 {0} 位</source>
        <translation>{0} more digits</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>MembersEditor</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>本人，或代领人的姓名</source>
        <translation>The resident, or who collected for them</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>in person</translation>
    </message>
    <message>
        <source>回访方式(&amp;W)</source>
        <translation>&amp;Way</translation>
    </message>
    <message>
        <source>满意度(&amp;S)</source>
        <translation>&amp;Satisfaction</translation>
    </message>
    <message>
        <source>回访意见(&amp;R)</source>
        <translation>&amp;Remarks</translation>
    </message>
    <message>
        <source>通知日期(&amp;D)</source>
        <translation>&amp;Date told</translation>
    </message>
    <message>
        <source>通知方式(&amp;H)</source>
        <translation>&amp;How</translation>
    </message>
    <message>
        <source>领取日期(&amp;D)</source>
        <translation>&amp;Date collected</translation>
    </message>
    <message>
        <source>领取人(&amp;B)</source>
        <translation>Collected &amp;by</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>原因(&amp;Y)</source>
        <translation>Reason (&amp;Y)</translation>
    </message>
    <message>
        <source>办理结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <source>说明(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <source>修改帮扶需求</source>
        <translation>Edit need</translation>
    </message>
    <message>
        <source>登记帮扶需求</source>
        <translation>Report a need</translation>
    </message>
    <message>
        <source>需求涉及的家庭成员；整户的需求选“全户”</source>
        <translation>The member the need is about; choose &quot;Whole household&quot; for the household&apos;s need</translation>
    </message>
    <message>
        <source>需要什么帮扶，例如：房屋漏雨需修缮</source>
        <translation>What help is needed, e.g. the roof leaks and must be repaired</translation>
    </message>
    <message>
        <source>急事急办</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>通常是网长</source>
        <translation>Usually the grid leader</translation>
    </message>
    <message>
        <source>帮扶时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>帮扶户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>帮扶对象</source>
        <translation>Person helped</translation>
    </message>
    <message>
        <source>需求内容</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>需求类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>报告人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>全户</source>
        <translation>Whole household</translation>
    </message>
</context>
<context>
    <name>NeedsTab</name>
    <message>
        <source>范围</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>未结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>户号、姓名或拼音首字母、需求</source>
        <translation>Household no., name or pinyin initials, need</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>帮扶对象</source>
        <translation>Person helped</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>帮扶次数</source>
        <translation>Times helped</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>帮扶时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>登记需求…</source>
        <translation>&amp;Report need…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>E&amp;dit…</translation>
    </message>
    <message>
        <source>核查…</source>
        <translation>&amp;Check…</translation>
    </message>
    <message>
        <source>登记帮扶…</source>
        <translation>Record &amp;help…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>打印五公开公示…</source>
        <translation>Print &amp;public notice…</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>共 {0} 项</source>
        <translation>{0} needs</translation>
    </message>
    <message>
        <source>帮扶需求</source>
        <translation>Assistance needs</translation>
    </message>
    <message>
        <source>请先在列表中选择一项帮扶需求。</source>
        <translation>Select a need in the list first.</translation>
    </message>
    <message>
        <source>打开个案…</source>
        <translation>Open case…</translation>
    </message>
    <message>
        <source>删除帮扶需求</source>
        <translation>Delete need</translation>
    </message>
    <message>
        <source>这项需求已登记帮扶，不能删除；需求解决后请销号。</source>
        <translation>Help has been recorded on this need, so it cannot be deleted; close it once it is met.</translation>
    </message>
    <message>
        <source>确定删除 {0} 这项帮扶需求吗？删除后可马上按 Ctrl+Z 撤销。</source>
        <translation>Delete the need {0}? Ctrl+Z right after brings it back.</translation>
    </message>
    <message>
        <source>删除帮扶需求 {0}</source>
        <translation>delete need {0}</translation>
    </message>
    <message>
        <source>帮扶五公开公示</source>
        <translation>Assistance public notice</translation>
    </message>
    <message>
        <source>正在生成公示……</source>
        <translation>Writing the notice…</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>新建操作员账号</source>
        <translation>New operator account</translation>
    </message>
    <message>
        <source>（不是联系干部）</source>
        <translation>(not a cadre)</translation>
    </message>
    <message>
        <source>写民情日记时默认是这位干部</source>
        <translation>The diary&apos;s default cadre for this person</translation>
    </message>
    <message>
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>角色(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>本人是干部(&amp;C)</source>
        <translation>Is the &amp;cadre</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>再输一次(&amp;A)</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <source>建账号</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>NewKeysDialog</name>
    <message>
        <source>生成本机密钥</source>
        <translation>Create keys for this PC</translation>
    </message>
    <message>
        <source>更换本机密钥</source>
        <translation>Replace this PC’s keys</translation>
    </message>
    <message>
        <source>口令遗失或怀疑密钥泄露时才需要更换密钥。更换后本机改用新的一套密钥（密钥版本加 1），旧密钥保留在数据目录中备查；对方必须重新登记本机（工作站重新导出登记表，乡镇重新导出乡镇工作包），在此之前对方不接受本机新的数据包。请设置新的密钥口令（至少 6 个字符）。</source>
        <translation>Replace the keys only if the passphrase is lost or the keys may have leaked. This PC then uses a new set of keys (the key version goes up by 1); the old keys are kept in the data folder for reference. The other side must enroll this PC again (a station exports a new enrollment sheet, a township a new township kit); until then it does not accept this PC&apos;s new bundles. Set a new key passphrase (at least 6 characters).</translation>
    </message>
    <message>
        <source>与对方交换数据包前，本机需要一对密钥。请设置一个只有本机使用者知道的密钥口令（至少 6 个字符）；每次导出、导入数据包时要输入它。口令遗失后需要重新登记本机。</source>
        <translation>This PC needs its own keys before it can exchange bundles. Choose a key passphrase only the people using this PC know (at least 6 characters); it is asked for when bundles are exported or imported. If it is lost, this PC has to be enrolled again.</translation>
    </message>
    <message>
        <source>生成密钥</source>
        <translation>Create keys</translation>
    </message>
    <message>
        <source>更换密钥</source>
        <translation>Replace keys</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>密钥口令：</source>
        <translation>Key passphrase:</translation>
    </message>
    <message>
        <source>再输一次：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <source>两次输入的口令不一致，请重新输入。</source>
        <translation>The two passphrases differ. Please type them again.</translation>
    </message>
    <message>
        <source>正在生成密钥……</source>
        <translation>Generating the keys…</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>填写帮扶成效</source>
        <translation>Write the result</translation>
    </message>
    <message>
        <source>（还没有填写过成效）</source>
        <translation>(no result written yet)</translation>
    </message>
    <message>
        <source>帮扶取得的成效，例如：已入住修缮后的房屋</source>
        <translation>What the help achieved, e.g. moved back into the repaired house</translation>
    </message>
    <message>
        <source>以前填写的成效（都会保留）</source>
        <translation>Results written before (all kept)</translation>
    </message>
    <message>
        <source>现在的成效</source>
        <translation>Result now</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>结对干部</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <source> 等</source>
        <translation> etc.</translation>
    </message>
    <message>
        <source>为选中的 {0} 户（{1}）选择结对干部：</source>
        <translation>Choose the paired cadre for the {0} selected households ({1}):</translation>
    </message>
    <message>
        <source>（不结对 / 解除结对）</source>
        <translation>(no pairing / remove pairing)</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;已结对 {2} 户</source>
        <translation>{0}  {1}  paired with {2} households</translation>
    </message>
    <message>
        <source>还没有干部，请先在“网格与干部”中添加。</source>
        <translation>There are no cadres yet; please add them under &quot;Grids and cadres&quot; first.</translation>
    </message>
    <message>
        <source>结对</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>导出和导入数据包要用到本机的密钥。请输入设置本机时设定的密钥口令：</source>
        <translation>Exporting and importing bundles uses this PC&apos;s keys. Type the key passphrase chosen when this PC was set up:</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>密钥口令：</source>
        <translation>Key passphrase:</translation>
    </message>
    <message>
        <source>请输入密钥口令。</source>
        <translation>Please type the key passphrase.</translation>
    </message>
    <message>
        <source>正在打开密钥……</source>
        <translation>Opening the keys…</translation>
    </message>
</context>
<context>
    <name>PeriodPanel</name>
    <message>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>本期</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>上期</source>
        <translation>Period before</translation>
    </message>
    <message>
        <source>比上期</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>去年同期</source>
        <translation>A year before</translation>
    </message>
    <message>
        <source>比去年同期</source>
        <translation>Change on a year before</translation>
    </message>
    <message>
        <source>化解情况成效表（按得分排名）</source>
        <translation>Units&apos; results (ranked by score)</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>负责事项</source>
        <translation>Items answered for</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>民情与信访</source>
        <translation>Residents and petitions</translation>
    </message>
    <message>
        <source>得分最低（{0}）</source>
        <translation>Lowest score ({0})</translation>
    </message>
    <message>
        <source>干部民情日记：干部 {0} 名，未达标 {1} 名（名单见生成的 PDF 或 Excel）</source>
        <translation>Cadres&apos; diaries: {0} cadres, {1} short of the rules (listed in the PDF or Excel file)</translation>
    </message>
    <message>
        <source>未达标：{0}</source>
        <translation>Short of the rules: {0}</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>半年</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <source>年</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>年初至今</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <source>自定义起止</source>
        <translation>From–to</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>上半年</source>
        <translation>First half</translation>
    </message>
    <message>
        <source>下半年</source>
        <translation>Second half</translation>
    </message>
</context>
<context>
    <name>PetitionFields</name>
    <message>
        <source>不是信访</source>
        <translation>Not a petition</translation>
    </message>
    <message>
        <source>信访形式</source>
        <translation>Petition form</translation>
    </message>
    <message>
        <source>信访层级</source>
        <translation>Petition level reached</translation>
    </message>
    <message>
        <source>采纳建议</source>
        <translation>Take the suggestion</translation>
    </message>
    <message>
        <source>标记为重复信访</source>
        <translation>Mark as a repeat petition</translation>
    </message>
    <message>
        <source> 等 {n} 件</source>
        <translation> and {n} in all</translation>
    </message>
    <message>
        <source>同一诉求人一年内反映过相似问题（{numbers}{more}），建议标记为重复信访。</source>
        <translation>The same requester raised a similar matter within the past year ({numbers}{more}); marking it as a repeat petition is suggested.</translation>
    </message>
    <message>
        <source>分管领导：{leader}（{domain}）。</source>
        <translation>Leader in charge: {leader} ({domain}).</translation>
    </message>
</context>
<context>
    <name>PetitionMarkDialog</name>
    <message>
        <source>信访标记 — 事项 {number}</source>
        <translation>Petition mark — item {number}</translation>
    </message>
    <message>
        <source>不是信访</source>
        <translation>Not a petition</translation>
    </message>
    <message>
        <source>信访类别(&amp;L)</source>
        <translation>Petition &amp;level</translation>
    </message>
    <message>
        <source>信访形式(&amp;F)</source>
        <translation>Petition &amp;form</translation>
    </message>
    <message>
        <source>信访层级(&amp;R)</source>
        <translation>Petition &amp;reach</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>同一诉求人一年内反映过相似问题，建议标记为重复信访：</source>
        <translation>The same requester raised a similar matter within a year; marking this a repeat petition is suggested:</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>信访类别</source>
        <translation>Petition level</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>采纳建议：标记为重复信访(&amp;T)</source>
        <translation>&amp;Take the suggestion: repeat petition</translation>
    </message>
    <message>
        <source>建议交由分管领导 {leader} 办理（{domain}）。</source>
        <translation>Proposed handler: {leader}, the deputy in charge ({domain}).</translation>
    </message>
    <message>
        <source>“{domain}”尚未设置分管领导（乡镇在“民意与信访设置”中设置）。</source>
        <translation>No deputy is in charge of &quot;{domain}&quot; yet (the township sets this in Voice and petition settings).</translation>
    </message>
    <message>
        <source>未能保存：</source>
        <translation>Not saved:</translation>
    </message>
    <message>
        <source>信访标记</source>
        <translation>Petition mark</translation>
    </message>
</context>
<context>
    <name>PetitionsTab</name>
    <message>
        <source>工作站(&amp;Z)</source>
        <translation>Station(&amp;Z)</translation>
    </message>
    <message>
        <source>信访类别(&amp;L)</source>
        <translation>Petition &amp;level</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>信访层级(&amp;R)</source>
        <translation>Petition &amp;reach</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>诉求人</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>诉求类别</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>信访类别</source>
        <translation>Petition level</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Reach</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>首次办理</source>
        <translation>First acted on</translation>
    </message>
    <message>
        <source>全部工作站</source>
        <translation>All stations</translation>
    </message>
    <message>
        <source>阅办率 {rate}（目标 100%）；逾期 {late} 件，时限内待办 {waiting} 件</source>
        <translation>Read-and-act rate {rate} (target 100%); {late} late, {waiting} waiting within their days</translation>
    </message>
    <message>
        <source>&#x3000;按受理后 {days} 个工作日内首次办理计</source>
        <translation>  (acted on within {days} working days of receipt)</translation>
    </message>
    <message>
        <source>共 {shown} 件（本期信访 {total} 件）</source>
        <translation>{shown} shown ({total} petitions in the period)</translation>
    </message>
    <message>
        <source>未办理</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>信访人信息保密，列表中部分隐藏</source>
        <translation>Petitioners&apos; details are confidential: partly hidden in lists</translation>
    </message>
    <message>
        <source>信访件数：{year} 年 1 月 1 日至 {day}，与上年同期比较</source>
        <translation>Petitions from 1 January {year} to {day}, against the same days of last year</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{year}年同期</source>
        <translation>Same days of {year}</translation>
    </message>
    <message>
        <source>增减</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>信访</source>
        <translation>Petitions</translation>
    </message>
</context>
<context>
    <name>ReceptionForm</name>
    <message>
        <source>修改接访登记</source>
        <translation>Modify reception</translation>
    </message>
    <message>
        <source>登记接访</source>
        <translation>Log a reception</translation>
    </message>
    <message>
        <source>接访日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>群众反映的事项（不写身份证号等个人信息）</source>
        <translation>The matter raised (no ID numbers or other personal data)</translation>
    </message>
    <message>
        <source>反映事项(&amp;N)</source>
        <translation>Matter raised(&amp;N)</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> visitor(s)</translation>
    </message>
    <message>
        <source>来访人数(&amp;V)</source>
        <translation>&amp;Visitors</translation>
    </message>
    <message>
        <source>默认为当天值班的 {name}</source>
        <translation>By default {name}, on duty that day</translation>
    </message>
    <message>
        <source>当天无人值班，请填写接访人</source>
        <translation>No one on duty that day: enter who received them</translation>
    </message>
    <message>
        <source>接访人(&amp;R)</source>
        <translation>&amp;Received by</translation>
    </message>
    <message>
        <source>联合接访时填写到场单位，用顿号分隔</source>
        <translation>For a joint reception, the units present, separated by 、</translation>
    </message>
    <message>
        <source>到场单位(&amp;U)</source>
        <translation>&amp;Units present</translation>
    </message>
    <message>
        <source>当场答复、转交办理等</source>
        <translation>Answered on the spot, passed on, …</translation>
    </message>
    <message>
        <source>办理情况(&amp;H)</source>
        <translation>&amp;Handling</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <source>删除的户在这里保留。选中一户后点“恢复”，它和一同删除的家庭成员会回到户籍中。</source>
        <translation>Deleted households are kept here. Select one and click Restore: it comes back to the register with the members deleted with it.</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>回收站是空的。</source>
        <translation>The recycle bin is empty.</translation>
    </message>
    <message>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>不能恢复</source>
        <translation>Cannot restore</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>姓名 / 拼音首字母 / 户号 / 身份证号后几位 / 电话</source>
        <translation>Name / pinyin initials / household no. / last digits of ID / phone</translation>
    </message>
    <message>
        <source>输入即查找，例如 zsf 可找到 张三丰 (Ctrl+F)</source>
        <translation>Searches as you type, e.g. zsf finds 张三丰 (Ctrl+F)</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>身份证号和电话默认部分隐藏，勾选后显示完整号码</source>
        <translation>ID numbers and phones are partly hidden; tick to show them in full</translation>
    </message>
    <message>
        <source>查找(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>帮扶标签</source>
        <translation>Support tags</translation>
    </message>
    <message>
        <source>新增户</source>
        <extracomment>how many households a typed search lists before it says 超过 (register_search)</extracomment>
        <translation>New household</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>结对</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>网格与干部</source>
        <translation>Grids and cadres</translation>
    </message>
    <message>
        <source>导入花名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>打印联系卡</source>
        <translation>Print contact cards</translation>
    </message>
    <message>
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <source>查看和恢复删除的户</source>
        <translation>See and restore deleted households</translation>
    </message>
    <message>
        <source>编辑选中的户（双击或回车也可）</source>
        <translation>Edit the selected household (or double-click, or press Enter)</translation>
    </message>
    <message>
        <source>删除选中的户 (Delete)</source>
        <translation>Delete the selected households (Delete)</translation>
    </message>
    <message>
        <source>为选中的户打印联系卡；未选中时打印全部</source>
        <translation>Print contact cards for the selected households; all when none is selected</translation>
    </message>
    <message>
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>需核对（导入时标记）</source>
        <translation>To check (flagged on import)</translation>
    </message>
    <message>
        <source>超过 {0} 户，只列出 {0} 户，请输入更多字缩小范围</source>
        <translation>More than {0} households: only {0} are listed. Type more to narrow the search</translation>
    </message>
    <message>
        <source>共 {0} 户</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <source>户籍列表</source>
        <translation>household list</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>打印联系卡…</source>
        <translation>Print contact card…</translation>
    </message>
    <message>
        <source>结对干部…</source>
        <translation>Pair a cadre…</translation>
    </message>
    <message>
        <source>隐藏完整号码</source>
        <translation>Hide full numbers</translation>
    </message>
    <message>
        <source>复制户号</source>
        <translation>Copy household number</translation>
    </message>
    <message>
        <source>复制户主姓名</source>
        <translation>Copy head&apos;s name</translation>
    </message>
    <message>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>打印联系卡（{0} 户）</source>
        <translation>Print contact cards ({0} households)</translation>
    </message>
    <message>
        <source>确定删除户号 {0}（户主 {1}，共 {2} 人）吗？
删除后这一户不再出现在户籍列表中，可在“回收站”中恢复，或马上按 Ctrl+Z 撤销。</source>
        <translation>Delete household {0} (head {1}, {2} people)?
It will no longer be listed in the register; it can be restored from the recycle bin, or undone at once with Ctrl+Z.</translation>
    </message>
    <message>
        <source>确定删除选中的 {0} 户（{1}{2}）吗？
删除后这些户不再出现在户籍列表中，可在“回收站”中恢复，或马上按 Ctrl+Z 撤销。</source>
        <translation>Delete the {0} selected households ({1}{2})?
They will no longer be listed in the register; they can be restored from the recycle bin, or undone at once with Ctrl+Z.</translation>
    </message>
    <message>
        <source> 等</source>
        <translation> etc.</translation>
    </message>
    <message>
        <source>删除户</source>
        <translation>Delete household</translation>
    </message>
    <message>
        <source>删除户 {0}</source>
        <translation> deleting household {0}</translation>
    </message>
    <message>
        <source>请先在列表中选中要结对的户。</source>
        <translation>Please first select the households to pair in the list.</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>不予受理 {number}</source>
        <translation>Reject {number}</translation>
    </message>
    <message>
        <source>写明不予受理的原因和依据，工作站会据此答复群众</source>
        <translation>State the reason and its basis; the station answers the resident with it</translation>
    </message>
    <message>
        <source>原因(&amp;Y)</source>
        <translation>Reason (&amp;Y)</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>请写明不予受理的原因。</source>
        <translation>Please state why the item is rejected.</translation>
    </message>
    <message>
        <source>确定对事项 {number} 不予受理吗？此后不能再交办。</source>
        <translation>Reject item {number}? It cannot be assigned afterwards.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>yyyy年M月</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <source>生成 PDF…</source>
        <translation>Make PDF…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>考评排名(&amp;K)…</source>
        <translation>Assessment ran&amp;king…</translation>
    </message>
    <message>
        <source>乡镇：</source>
        <translation>Township:</translation>
    </message>
    <message>
        <source>工作站：</source>
        <translation>Station:</translation>
    </message>
    <message>
        <source>本月受理</source>
        <translation>Received this month</translation>
    </message>
    <message>
        <source>本月办结</source>
        <translation>Resolved this month</translation>
    </message>
    <message>
        <source>月末在办</source>
        <translation>Open at month end</translation>
    </message>
    <message>
        <source>月末超期</source>
        <translation>Overdue at month end</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <source>一次办结率</source>
        <translation>First-time resolution rate</translation>
    </message>
    <message>
        <source>按期办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <source>未达标干部</source>
        <translation>Cadres short of the rules</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>各项指标的口径写在 PDF 和 Excel 的脚注中。比率括号内为分子/分母，分母为 0 时显示“—”。</source>
        <translation>The definition of every figure is in the footnotes of the PDF and the Excel workbook. A rate shows numerator/denominator in brackets, and “—” when the denominator is 0.</translation>
    </message>
    <message>
        <source>各工作站情况</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>按时办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>全乡镇</source>
        <translation>Whole township</translation>
    </message>
    <message>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>正在统计民情月报……</source>
        <translation>Computing the monthly report…</translation>
    </message>
    <message>
        <source>正在统计民情报表……</source>
        <translation>Computing the report…</translation>
    </message>
    <message>
        <source>{0} 件</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>{0} 次</source>
        <translation>{0} times</translation>
    </message>
    <message>
        <source>{0} 人：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>（本月尚未结束，在村和坐班天数到月末再评定）</source>
        <translation> (the month is not over: days in the village and on duty are judged at its end)</translation>
    </message>
    <message>
        <source>{0}的统计已完成。</source>
        <translation>Figures for {0} are ready.</translation>
    </message>
    <message>
        <source>统计期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>各{0}情况</source>
        <translation>By {0}</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>民情月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>正在生成 PDF……</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>民情月报 {0}</source>
        <translation>Monthly report {0}</translation>
    </message>
    <message>
        <source>民情报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>民情报表 {0}</source>
        <translation>Report {0}</translation>
    </message>
    <message>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>正在导出 Excel……</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>民情会议</source>
        <translation>Residents&apos; meetings</translation>
    </message>
    <message>
        <source>民情信息</source>
        <translation>Residents&apos; information</translation>
    </message>
    <message>
        <source>信访件</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <source>阅办率</source>
        <translation>Petitions acted on in time</translation>
    </message>
    <message>
        <source>恳谈会 {0} 次（问题 {1} 个，转事项 {2} 个），分析会 {3} 次</source>
        <translation>{0} hearing(s) ({1} problem(s) raised, {2} made items), {3} analysis meeting(s)</translation>
    </message>
    <message>
        <source>{0} 条：意见建议 {1}，苗头倾向 {2}，普遍性问题 {3}</source>
        <translation>{0}: {1} suggestion(s), {2} early sign(s), {3} common problem(s)</translation>
    </message>
    <message>
        <source>{0} 件：初信初访 {1}，重复信访 {2}</source>
        <translation>{0}: {1} first, {2} repeated</translation>
    </message>
    <message>
        <source>，待阅办 {0} 件</source>
        <translation>, {0} still within their days</translation>
    </message>
</context>
<context>
    <name>RequesterPicker</name>
    <message>
        <source>诉求人</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>姓名 / 拼音首字母 / 身份证号 / 电话，↓ 选择，回车确认</source>
        <translation>Name / pinyin initials / ID number / phone; ↓ to choose, Enter to pick</translation>
    </message>
    <message>
        <source>例如输入 zsf 可找到 张三丰</source>
        <translation>For example, zsf finds 张三丰</translation>
    </message>
    <message>
        <source>外来人员(&amp;W)</source>
        <translation>Outsider (&amp;W)</translation>
    </message>
    <message>
        <source>不在本村户籍中的人：填写姓名和联系电话</source>
        <translation>Someone not in this village’s register: enter name and phone</translation>
    </message>
    <message>
        <source>查找(&amp;R)</source>
        <translation>Find (&amp;R)</translation>
    </message>
    <message>
        <source>姓名(&amp;M)</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>联系电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>超过 {0} 人，请输入更多字缩小范围</source>
        <translation>More than {0} people: type more to narrow the search</translation>
    </message>
    <message>
        <source>已选：{name}&#x3000;户号 {household}&#x3000;身份证 {id}&#x3000;电话 {phone}</source>
        <translation>Picked: {name}  household {household}  ID {id}  phone {phone}</translation>
    </message>
    <message>
        <source>外来人员请留电话，便于回访</source>
        <translation>An outsider’s phone, for the follow-up call</translation>
    </message>
    <message>
        <source>留空则用户籍中的电话</source>
        <translation>Empty: the phone in the register</translation>
    </message>
</context>
<context>
    <name>ResponsibilityDialog</name>
    <message>
        <source>修改责任单位 {number}</source>
        <translation>Responsible units of {number}</translation>
    </message>
    <message>
        <source>主管部门默认为主管该诉求类别的单位，双联系单位默认为联系本村的单位；乡镇交办后，以交办的责任单位为主管部门。</source>
        <translation>The competent department is by default the unit competent for the request&apos;s category, the paired unit the unit paired with this village; once the township assigns the item, the unit it was assigned to is the competent department.</translation>
    </message>
    <message>
        <source>主管部门(&amp;C)</source>
        <translation>&amp;Competent department</translation>
    </message>
    <message>
        <source>双联系单位(&amp;P)</source>
        <translation>&amp;Paired unit</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>不能保存责任单位：</source>
        <translation>The responsible units cannot be saved:</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <source>正在检查备份……</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>备份文件 {0} 已损坏（未通过完整性检查），不能用来恢复。</source>
        <translation>The backup file {0} is damaged (it fails its integrity check) and cannot be restored.</translation>
    </message>
    <message>
        <source>不能恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>正在恢复……</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用这个备份替换本机现在的数据吗？</source>
        <translation>Replace this PC&apos;s current data with this backup?</translation>
    </message>
    <message>
        <source>备份之后录入的内容会从本机消失；本机现在的数据库会先另存到数据目录的 backups 文件夹，需要时还能找回。</source>
        <translation>Whatever was entered after the backup disappears from this PC; the current database is first saved in the backups folder of the data directory, so it can be recovered if needed.</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>录入办理结果 {number}</source>
        <translation>Record the result of {number}</translation>
    </message>
    <message>
        <source>{unit}（期限 {deadline}）</source>
        <translation>{unit} (deadline {deadline})</translation>
    </message>
    <message>
        <source>责任单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>责任单位的办理情况和结果，将告知群众并用于回访</source>
        <translation>What the unit did and the outcome; the resident is told and asked about it at the follow-up</translation>
    </message>
    <message>
        <source>办理结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>请填写办理结果。</source>
        <translation>Please enter the result.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>测评结果 — {0}</source>
        <translation>Evaluation result — {0}</translation>
    </message>
    <message>
        <source>{village}&#x3000;{kind}&#x3000;{period}&#x3000;{day}&#x3000;参会 {people} 人，发出选票 {issued} 张，收回 {returned} 张</source>
        <translation>{village}  {kind}  {period}  {day}  {people} attended, {issued} ballots issued, {returned} returned</translation>
    </message>
    <message>
        <source>不满意率达到 {0}% 的干部不予提拔；达到 {1}% 或排在干部末位的诫勉谈话；单位排在最后的为末位。满意率 = （满意 + 基本满意）÷ 该行票数。</source>
        <translation>Cadres at {0}% dissatisfaction or more are not promoted; at {1}% or ranked last among cadres, admonished; the last unit is marked last. Satisfaction = (satisfied + fairly satisfied) ÷ votes on the row.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>不满意率</source>
        <translation>Dissatisfaction rate</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>不予提拔：{0}
诫勉谈话名单：{1}</source>
        <translation>Not promoted: {0}
To admonish: {1}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>打印结果(&amp;P)…</source>
        <translation>&amp;Print result…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>导入花名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>支持 Excel/WPS 表格（.xlsx、.xls、.ods）。表头可在标题行下方，列名如“户号、姓名、与户主关系、身份证号、联系电话、家庭住址、网格”。导入前先预览，不会写入任何数据。</source>
        <translation>Excel/WPS spreadsheets (.xlsx, .xls, .ods) are supported. The header may sit below a title row, with columns such as 户号, 姓名, 与户主关系, 身份证号, 联系电话, 家庭住址, 网格. The preview comes first and writes nothing.</translation>
    </message>
    <message>
        <source>尚未选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>请选择花名册文件。</source>
        <translation>Please choose a roster file.</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>保存错误报告…</source>
        <translation>Save error report…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择花名册</source>
        <translation>Choose roster</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xls *.ods);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>正在读取花名册……</source>
        <translation>Reading the roster…</translation>
    </message>
    <message>
        <source>未能完成，数据没有改动。</source>
        <translation>Not completed; no data was changed.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c00000&apos;&gt;{0}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c00000&apos;&gt;{0}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>已</source>
        <translation>Imported:</translation>
    </message>
    <message>
        <source>将</source>
        <translation>To import:</translation>
    </message>
    <message>
        <source>工作表“{0}”，表头在第 {1} 行。</source>
        <translation>Sheet &quot;{0}&quot;, header in row {1}.</translation>
    </message>
    <message>
        <source>{0}新建 {1} 户、{2} 人；{0}更新 {3} 户、{4} 人。</source>
        <translation>{0} {1} new households and {2} new people; {3} households and {4} people updated.</translation>
    </message>
    <message>
        <source>需核对（导入并标记）{0} 行；不能导入 {1} 行。</source>
        <translation>{0} rows to check (imported and flagged); {1} rows cannot be imported.</translation>
    </message>
    <message>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>不能导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>需核对</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>正在导入花名册……</source>
        <translation>Importing the roster…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存错误报告</source>
        <translation>Save error report</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c00000&apos;&gt;错误报告未能保存：{0}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c00000&apos;&gt;The error report could not be saved: {0}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>错误报告已保存：{0}（改正后可直接再次导入）</source>
        <translation>Error report saved: {0} (correct it and import it again directly)</translation>
    </message>
</context>
<context>
    <name>RotateDialog</name>
    <message>
        <source>轮流排班</source>
        <translation>Rotate duty</translation>
    </message>
    <message>
        <source>每行一名班子成员，按顺序轮流值班</source>
        <translation>One committee member per line, on duty in turn</translation>
    </message>
    <message>
        <source>班子成员(&amp;M)</source>
        <translation>&amp;Members</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>日期(&amp;D)</source>
        <translation>&amp;Dates</translation>
    </message>
    <message>
        <source>按周轮换（值周）(&amp;W)</source>
        <translation>One a &amp;week</translation>
    </message>
    <message>
        <source>按日轮换(&amp;Y)</source>
        <translation>One a da&amp;y</translation>
    </message>
    <message>
        <source>轮换方式</source>
        <translation>Rotate by</translation>
    </message>
    <message>
        <source>只排工作日；这段日期里已排的值班会被替换，休息日不排班。</source>
        <translation>Only working days get a duty; what these dates held is replaced, days off stay free.</translation>
    </message>
    <message>
        <source>排班(&amp;S)</source>
        <translation>&amp;Rotate</translation>
    </message>
</context>
<context>
    <name>RoundForm</name>
    <message>
        <source>修改测评</source>
        <translation>Edit evaluation</translation>
    </message>
    <message>
        <source>新建测评</source>
        <translation>New evaluation</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>参会人数</source>
        <translation>Attending</translation>
    </message>
    <message>
        <source>发出选票</source>
        <translation>Ballots issued</translation>
    </message>
    <message>
        <source>收回选票</source>
        <translation>Ballots returned</translation>
    </message>
    <message>
        <source>可不填：默认为“期间 + 类型”</source>
        <translation>Optional: period and kind by default</translation>
    </message>
    <message>
        <source>测评类型(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>测评期间(&amp;Q)</source>
        <translation>Period (&amp;Q)</translation>
    </message>
    <message>
        <source>测评日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>测评的村</source>
        <translation>Village(s)</translation>
    </message>
    <message>
        <source>人数和选票(&amp;U)</source>
        <translation>People and ballots (&amp;U)</translation>
    </message>
    <message>
        <source>标题(&amp;I)</source>
        <translation>T&amp;itle</translation>
    </message>
    <message>
        <source>被测评人和单位（打勾的印在选票上，按列表顺序）：</source>
        <translation>Rated people and units (those ticked are printed on the ballot, in this order):</translation>
    </message>
    <message>
        <source>测评</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>个人/单位</source>
        <translation>Person/unit</translation>
    </message>
    <message>
        <source>身份或类别</source>
        <translation>Role or category</translation>
    </message>
    <message>
        <source>名单外的人或单位</source>
        <translation>A person or unit not listed</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>身份，如 工作队员</source>
        <translation>Role, e.g. work-team member</translation>
    </message>
    <message>
        <source>添加(&amp;A)：</source>
        <translation>&amp;Add:</translation>
    </message>
    <message>
        <source>加入名单</source>
        <translation>Add to the list</translation>
    </message>
    <message>
        <source>请至少勾选一名被测评人或一个单位。</source>
        <translation>Tick at least one person or unit to rate.</translation>
    </message>
</context>
<context>
    <name>RoundsTab</name>
    <message>
        <source>新建测评(&amp;N)…</source>
        <translation>&amp;New evaluation…</translation>
    </message>
    <message>
        <source>修改(&amp;M)…</source>
        <translation>&amp;Modify…</translation>
    </message>
    <message>
        <source>计票(&amp;T)…</source>
        <translation>&amp;Tally…</translation>
    </message>
    <message>
        <source>逐张录入(&amp;B)…</source>
        <translation>&amp;Ballot by ballot…</translation>
    </message>
    <message>
        <source>结果(&amp;R)…</source>
        <translation>&amp;Result…</translation>
    </message>
    <message>
        <source>打印选票(&amp;P)…</source>
        <translation>&amp;Print ballots…</translation>
    </message>
    <message>
        <source>打印结果(&amp;O)…</source>
        <translation>Print result (&amp;O)…</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>提拔前征求意见(&amp;Q)…</source>
        <translation>Survey before promotion (&amp;Q)…</translation>
    </message>
    <message>
        <source>测评日期</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>村（工作站）</source>
        <translation>Village (station)</translation>
    </message>
    <message>
        <source>参会</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>发出</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>收回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>被测评</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>计票</source>
        <translation>Tallied</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>各工作站的民意测评随数据包报到乡镇，这里只能查看和打印；测评由工作站登记。</source>
        <translation>The stations&apos; evaluations arrive with their bundles; the township can only view and print them here. Stations record them.</translation>
    </message>
    <message>
        <source>先新建测评并打印选票；会后按收回的选票计票（每人每栏的票数），或逐张录入。不满意率达到界限的干部标为“不予提拔”。</source>
        <translation>Create an evaluation and print its ballots; after the meeting tally the ballots returned (votes per person and box) or enter them one by one. Cadres at the dissatisfaction threshold are marked “not to be promoted”.</translation>
    </message>
    <message>
        <source>民意测评</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>已计票</source>
        <translation>Tallied</translation>
    </message>
    <message>
        <source>未计票</source>
        <translation>Not tallied</translation>
    </message>
    <message>
        <source>共 {0} 次测评</source>
        <translation>{0} evaluations</translation>
    </message>
    <message>
        <source>请先在列表中选择一次测评。</source>
        <translation>Select an evaluation in the list first.</translation>
    </message>
    <message>
        <source>这次测评还没有被测评人，请先点“修改”添加。</source>
        <translation>Nobody is rated in this evaluation yet: add them with “Modify”.</translation>
    </message>
    <message>
        <source>逐张录入</source>
        <translation>Ballot by ballot</translation>
    </message>
    <message>
        <source>测评结果</source>
        <translation>Evaluation result</translation>
    </message>
    <message>
        <source>测评票</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <source>正在生成测评票……</source>
        <translation>Writing the ballots…</translation>
    </message>
    <message>
        <source>正在生成测评结果……</source>
        <translation>Writing the result sheet…</translation>
    </message>
    <message>
        <source>删除测评</source>
        <translation>Delete evaluation</translation>
    </message>
    <message>
        <source>删除“{0}”（{1}）及其计票？可用“编辑 › 撤销”恢复。</source>
        <translation>Delete “{0}” ({1}) with its tally? Edit › Undo brings it back.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除测评 {0}</source>
        <translation>delete evaluation {0}</translation>
    </message>
    <message>
        <source>打印选票</source>
        <translation>Print ballots</translation>
    </message>
    <message>
        <source>打印多少张选票（每张一页，不记名）：</source>
        <translation>How many ballots (one page each, no names):</translation>
    </message>
</context>
<context>
    <name>SchemeView</name>
    <message>
        <source>考评方案</source>
        <translation>Scoring scheme</translation>
    </message>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>【{0}】共 {1} 分</source>
        <translation>[{0}] {1} points in all</translation>
    </message>
    <message>
        <source>考评方案在这里只能查看。修改时由管理员在命令行用 qunzhong assessment scheme --json 导出方案，改好后用 qunzhong assessment scheme --file 方案.json 设置（方案有错时不作任何修改）。</source>
        <translation>The scheme can only be viewed here. To change it, an administrator exports it with qunzhong assessment scheme --json and sets the edited file with qunzhong assessment scheme --file scheme.json (a scheme with errors changes nothing).</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>代码是工作站在乡镇的身份，设置后不能修改。</source>
        <extracomment>What the township&apos;s kit sets at a station (sync/enrollment.py): shown, not edited.</extracomment>
        <translation>The code is the station&apos;s identity at the township and cannot be changed after set-up.</translation>
    </message>
    <message>
        <source>工作站信息（印在联系卡上）</source>
        <translation>Station (printed on the contact cards)</translation>
    </message>
    <message>
        <source>保存工作站信息</source>
        <translation>Save station details</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>联系卡字体</source>
        <translation>Contact card font</translation>
    </message>
    <message>
        <source>打印联系卡需要一种中文 TrueType 字体（.ttf 或 .ttc）。通常会自动找到；卡片上的字显示不正常时，可以在这里指定字体文件。</source>
        <translation>Printing contact cards needs a Chinese TrueType font (.ttf or .ttc). One is usually found automatically; if the text on the cards looks wrong, choose a font file here.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>自动选择</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>不指定字体文件，由程序在本机查找中文字体</source>
        <translation>Do not use a chosen file; let the program find a Chinese font on this computer</translation>
    </message>
    <message>
        <source>操作员与访问记录</source>
        <translation>Operators and access log</translation>
    </message>
    <message>
        <source>每个使用这台电脑的人各有账号和角色；访问记录列出谁查看、导出、打印了个人信息。</source>
        <translation>Everyone who uses this PC has an account and a role; the access log lists who viewed, exported or printed personal data.</translation>
    </message>
    <message>
        <source>操作员与访问记录…</source>
        <translation>Operators and access log…</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>从不</source>
        <translation>never</translation>
    </message>
    <message>
        <source>离开电脑这么久没有操作，窗口自动锁定（下次登录起生效）</source>
        <translation>Lock the window after this long without use (from the next sign-in)</translation>
    </message>
    <message>
        <source>自动锁定：</source>
        <translation>Lock after:</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>备份到 U 盘或文件夹…</source>
        <translation>Back up to a USB stick or folder…</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>先显示备份里有什么，确认后才替换本机数据</source>
        <translation>Shows what the backup holds first; replaces this PC&apos;s data only after you confirm</translation>
    </message>
    <message>
        <source>来自{0}的工作包，由乡镇统一设置；乡镇更新后重新导入工作包即可。</source>
        <translation>From the kit of {0}, set by the township; import its new kit when it changes.</translation>
    </message>
    <message>
        <source>最近一次：{0}</source>
        <translation>latest: {0}</translation>
    </message>
    <message>
        <source>还没有自动备份</source>
        <translation>no automatic backup yet</translation>
    </message>
    <message>
        <source>每天第一次启动和每次导入前自动备份（保留 7 天、4 周、12 个月）。{0}。</source>
        <translation>A backup is made at the first start of each day and before every import (kept: 7 days, 4 weeks, 12 months); {0}.</translation>
    </message>
    <message>
        <source>选择备份保存的文件夹</source>
        <translation>Choose where to save the backup</translation>
    </message>
    <message>
        <source>备份没有完成：{0}</source>
        <translation>The backup did not finish: {0}</translation>
    </message>
    <message>
        <source>已备份到：{0}</source>
        <translation>Backed up to: {0}</translation>
    </message>
    <message>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>备份文件 (*.sqlite3.gz *.sqlite3)</source>
        <translation>Backup files (*.sqlite3.gz *.sqlite3)</translation>
    </message>
    <message>
        <source>有内容需要改正，请看红字提示。</source>
        <translation>Some entries need correcting; see the messages in red.</translation>
    </message>
    <message>
        <source>没有保存。</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>正在查找字体……</source>
        <translation>Looking for the font…</translation>
    </message>
    <message>
        <source>正在查找中文字体……</source>
        <translation>Looking for a Chinese font…</translation>
    </message>
    <message>
        <source>联系卡使用您指定的字体：{family}（{path}）</source>
        <translation>Contact cards use the font you chose: {family} ({path})</translation>
    </message>
    <message>
        <source>联系卡使用自动找到的字体：{family}（{path}）</source>
        <translation>Contact cards use the font found automatically: {family} ({path})</translation>
    </message>
    <message>
        <source>联系卡暂时没有可用的中文字体。</source>
        <translation>No usable Chinese font for the contact cards yet.</translation>
    </message>
    <message>
        <source>选择中文字体文件</source>
        <translation>Choose a Chinese font file</translation>
    </message>
    <message>
        <source>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</source>
        <translation>TrueType fonts (*.ttf *.ttc);;All files (*)</translation>
    </message>
    <message>
        <source>民意与信访</source>
        <translation>Residents&apos; voice and petitions</translation>
    </message>
    <message>
        <source>民意测评的不予提拔、诫勉谈话界限，信访阅办时限和分管领导（乡镇设置，下发各工作站）。</source>
        <translation>The evaluation thresholds for no promotion and admonition talks, the days to act on petitions and the deputies in charge (set by the township, sent to its stations).</translation>
    </message>
    <message>
        <source>民意与信访设置…</source>
        <translation>Voice and petition settings…</translation>
    </message>
</context>
<context>
    <name>SetupCountyPage</name>
    <message>
        <source>第 2 步：县（市）群众工作部</source>
        <translation>Step 2: county mass-work department</translation>
    </message>
    <message>
        <source>县（市、区）代码是 6 位统计用区划代码，各乡镇代码的前 6 位就是它。名称如“长沙县群众工作部”。</source>
        <translation>The county code is the 6-digit statistical division code: the first 6 digits of every township’s code. The name is like “长沙县群众工作部”.</translation>
    </message>
    <message>
        <source>6 位数字，如 430121</source>
        <translation>6 digits, e.g. 430121</translation>
    </message>
    <message>
        <source>如 长沙县群众工作部</source>
        <translation>e.g. 长沙县群众工作部</translation>
    </message>
    <message>
        <source>代码(&amp;C)</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>名称(&amp;M)</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>数据库放在哪里：</source>
        <translation>Where the database lives:</translation>
    </message>
    <message>
        <source>本机文件（一台电脑使用，默认）(&amp;L)</source>
        <translation>A &amp;local file (one PC, the default)</translation>
    </message>
    <message>
        <source>数据库服务器 PostgreSQL（全县数据量大时）(&amp;S)</source>
        <translation>A PostgreSQL database &amp;server (for a whole county’s data)</translation>
    </message>
    <message>
        <source>测试连接(&amp;T)</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>口令最好不写在地址里，而是写在 PostgreSQL 的口令文件（pgpass）中；地址保存在本机数据目录，不会出现在日志和提示里。</source>
        <translation>Better keep the password out of the address, in PostgreSQL’s password file (pgpass). The address is kept in this PC’s data folder and never shown in logs or messages.</translation>
    </message>
    <message>
        <source>正在连接 {0} ……</source>
        <translation>Connecting to {0}…</translation>
    </message>
    <message>
        <source>连接成功：{0}。{1}</source>
        <translation>Connected: {0}. {1}</translation>
    </message>
    <message>
        <source>数据库里已有本程序的数据表。</source>
        <translation>The database already holds this program’s tables.</translation>
    </message>
    <message>
        <source>数据库是空的，完成设置时建立数据表。</source>
        <translation>The database is empty: the tables are made when set-up finishes.</translation>
    </message>
    <message>
        <source>正在连接数据库服务器……</source>
        <translation>Connecting to the database server…</translation>
    </message>
    <message>
        <source>请填写县（市、区）群众工作部名称。</source>
        <translation>Please enter the name of the county mass-work department.</translation>
    </message>
</context>
<context>
    <name>SetupDonePage</name>
    <message>
        <source>导出县级工作包</source>
        <translation>Export county kit</translation>
    </message>
    <message>
        <source>县级工作包 (*.qzkit)</source>
        <translation>County kit (*.qzkit)</translation>
    </message>
    <message>
        <source>设置完成</source>
        <translation>Set-up complete</translation>
    </message>
    <message>
        <source>本机密钥指纹：</source>
        <translation>This PC&apos;s key fingerprint:</translation>
    </message>
    <message>
        <source>导出县级工作包(&amp;K)…</source>
        <translation>Export county &amp;kit…</translation>
    </message>
    <message>
        <source>本机已设置为“{name}”。</source>
        <translation>This PC is now set up as “{name}”.</translation>
    </message>
    <message>
        <source>已导入{name}（{code}）的工作包。</source>
        <translation>The station kit of {name} ({code}) was imported.</translation>
    </message>
    <message>
        <source>乡镇工作包没有导入：{reason}&#x3000;请以后在“同步”页导入。</source>
        <translation>The station kit was not imported: {reason} Please import it later on the Sync page.</translation>
    </message>
    <message>
        <source>还没有导入乡镇工作包，收到后在“同步”页导入。</source>
        <translation>No station kit imported yet; import it on the Sync page when you receive it.</translation>
    </message>
    <message>
        <source>下一步：进入程序后打开“同步”→“导出登记表”，把登记表交给乡镇群众工作办，并打印指纹单，让乡镇核对上面的指纹。</source>
        <translation>Next step: in the program open “Sync” → “Export enrollment”, give the enrollment file to the township office and print the fingerprint sheet so the township can check the fingerprint above.</translation>
    </message>
    <message>
        <source>下一步：进入程序后在“站点与同步”页导出乡镇工作包，交给各村（社区）群众工作站，并把上面的指纹告诉他们核对。</source>
        <translation>Next: in the program, open “Stations and sync”, export the township kit, give it to each village (community) station and tell them the fingerprint above so they can check it.</translation>
    </message>
    <message>
        <source>数据库：{where}</source>
        <translation>Database: {where}</translation>
    </message>
    <message>
        <source>下一步：按“导出县级工作包…”（以后也可在“乡镇与同步”页导出），交给各乡镇群众工作办，并把上面的指纹告诉他们核对；再用各乡镇交回的登记文件和登记表“登记乡镇…”。</source>
        <translation>Next: press “Export county kit…” (or later on the “Townships and sync” page) and give it to each township office, telling them the fingerprint above to check; then use the enrolment file and sheet each township returns with “Enrol township…”.</translation>
    </message>
    <message>
        <source>县级工作包没有导出：{reason}&#x3000;可以换个位置再导出。</source>
        <translation>The county kit was not exported: {reason}  You can export it to another place.</translation>
    </message>
    <message>
        <source>已导出县级工作包 {0}。请复制到 U 盘交各乡镇群众工作办，在“站点与同步”中接受，并把本机密钥指纹告诉他们核对。</source>
        <translation>County kit {0} exported. Copy it to a USB stick for each township office to accept under “Stations and sync”, and tell them this PC’s key fingerprint to check.</translation>
    </message>
</context>
<context>
    <name>SetupKitPage</name>
    <message>
        <source>选择乡镇工作包</source>
        <translation>Choose the station kit</translation>
    </message>
    <message>
        <source>乡镇工作包 (*.qzkit);;所有文件 (*)</source>
        <translation>Station kits (*.qzkit);;All files (*)</translation>
    </message>
    <message>
        <source>第 4 步：乡镇工作包</source>
        <translation>Step 4: Station kit from the township</translation>
    </message>
    <message>
        <source>乡镇群众工作办会给每个工作站一个工作包文件（.qzkit），里面有乡镇的密钥、责任单位等设置。收到了就在这里选择它；还没有收到也可以直接按“下一步”，以后在“同步”页导入。</source>
        <translation>The township office gives every station a kit file (.qzkit) with the township&apos;s keys, its units and other settings. If you have received it, choose it here; if not, just press “Next” and import it later on the “Sync” page.</translation>
    </message>
    <message>
        <source>工作包文件(&amp;K)</source>
        <translation>&amp;Kit file</translation>
    </message>
    <message>
        <source>可以不选</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>工作包内容</source>
        <translation>Kit contents</translation>
    </message>
    <message>
        <source>乡镇群众工作办</source>
        <translation>Township office</translation>
    </message>
    <message>
        <source>乡镇代码</source>
        <translation>Township code</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>乡镇密钥指纹</source>
        <translation>Township key fingerprint</translation>
    </message>
    <message>
        <source>请与乡镇群众工作办给的指纹核对（可以打电话确认），完全一致才继续。</source>
        <translation>Compare it with the fingerprint the township office gave you (you may confirm by phone); go on only if it matches exactly.</translation>
    </message>
    <message>
        <source>找不到文件“{path}”。请检查路径，或按“浏览…”选择。</source>
        <translation>File “{path}” not found. Check the path or use “Browse…”.</translation>
    </message>
    <message>
        <source>无法读取这个文件：{reason}</source>
        <translation>This file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>{n} 个（{names}）</source>
        <translation>{n} ({names})</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>这个工作包是{name}（{code}）的，不是本站所属乡镇（{expected}）的。请向本乡镇群众工作办索取工作包，或清空这一栏以后再导入。</source>
        <translation>This kit belongs to {name} ({code}), not to this station&apos;s township ({expected}). Ask your own township office for its kit, or clear this box and import it later.</translation>
    </message>
</context>
<context>
    <name>SetupPassphrasePage</name>
    <message>
        <source>口令保护本机密钥，导出和导入数据包时需要输入；请牢记，丢失后需重新登记。</source>
        <translation>The passphrase protects this PC&apos;s keys and is asked for when exporting and importing bundles. Remember it: if it is lost, this PC must be enrolled again.</translation>
    </message>
    <message>
        <source>至少 {n} 个字符，只让本机的工作人员知道</source>
        <translation>at least {n} characters, known only to the staff of this PC</translation>
    </message>
    <message>
        <source>再输入一遍，防止输错</source>
        <translation>type it again to catch typing mistakes</translation>
    </message>
    <message>
        <source>口令(&amp;P)</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>确认口令(&amp;C)</source>
        <translation>&amp;Confirm passphrase</translation>
    </message>
    <message>
        <source>显示口令</source>
        <translation>Show passphrase</translation>
    </message>
    <message>
        <source>口令至少要 {n} 个字符。</source>
        <translation>The passphrase needs at least {n} characters.</translation>
    </message>
    <message>
        <source>两次输入的口令不一样，请重新输入确认口令。</source>
        <translation>The two passphrases differ; please type the confirmation again.</translation>
    </message>
</context>
<context>
    <name>SetupRolePage</name>
    <message>
        <source>第 1 步：这台电脑用来做什么</source>
        <translation>Step 1: What is this PC for</translation>
    </message>
    <message>
        <source>请选择本机的用途。设置完成后不能再更改。</source>
        <translation>Choose what this PC is used for. This cannot be changed after set-up.</translation>
    </message>
    <message>
        <source>村（社区）群众工作站(&amp;S)</source>
        <translation>Village (community) mass-work &amp;station</translation>
    </message>
    <message>
        <source>在村里受理群众诉求、登记住户、写民情日记，数据用 U 盘交给乡镇。</source>
        <translation>Takes residents&apos; requests in the village, keeps the household register and the diary; its data goes to the township on a USB stick.</translation>
    </message>
    <message>
        <source>乡镇群众工作办(&amp;T)</source>
        <translation>&amp;Township mass-work office</translation>
    </message>
    <message>
        <source>接收各工作站的数据包，把上报的事项交办给责任单位，再把结果发回工作站。</source>
        <translation>Receives the stations&apos; bundles, assigns escalated items to units and sends the results back to the stations.</translation>
    </message>
    <message>
        <source>县（市）群众工作部(&amp;C)</source>
        <translation>&amp;County mass-work department</translation>
    </message>
    <message>
        <source>接收各乡镇的数据包，协调乡镇上报的重大疑难事项，交办县直部门；数据可放在本机或数据库服务器。</source>
        <translation>Receives the townships’ bundles and coordinates the major matters they escalate, assigning them to county departments; the data can live on this PC or on a database server.</translation>
    </message>
</context>
<context>
    <name>SetupTownshipPage</name>
    <message>
        <source>第 2 步：乡镇群众工作办</source>
        <translation>Step 2: Township office</translation>
    </message>
    <message>
        <source>乡镇代码是本乡镇的 9 位统计用区划代码，各村工作站代码的前 9 位就是它。名称和电话会发给各工作站，印在便民服务联系卡上。</source>
        <translation>The township code is the township&apos;s 9-digit statistical division code: the first 9 digits of every station code. The name and phone are sent to the stations and printed on the contact cards.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>设置本机</source>
        <translation>Set up this PC</translation>
    </message>
    <message>
        <source>&lt; 上一步(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>下一步(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>完成设置(&amp;F)</source>
        <translation>&amp;Finish set-up</translation>
    </message>
    <message>
        <source>开始使用(&amp;F)</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>第 3 步：设置密钥口令</source>
        <translation>Step 3: Key passphrase</translation>
    </message>
    <message>
        <source>第 5 步：设置密钥口令</source>
        <translation>Step 5: Key passphrase</translation>
    </message>
    <message>
        <source>本机已有上次设置时生成的密钥，这个口令打不开它。请输入当时设置的口令。</source>
        <translation>This PC already has keys made by an earlier set-up, and this passphrase does not open them. Please type the passphrase set then.</translation>
    </message>
    <message>
        <source>正在建立数据表……</source>
        <translation>Creating the tables…</translation>
    </message>
    <message>
        <source>本机文件</source>
        <translation>Local file</translation>
    </message>
    <message>
        <source>正在导出县级工作包……</source>
        <translation>Exporting the county kit…</translation>
    </message>
    <message>
        <source>正在打开密钥……</source>
        <translation>Opening the keys…</translation>
    </message>
    <message>
        <source>正在生成密钥……</source>
        <translation>Generating the keys…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>窗口已锁定，请重新登录；也可以换一个人登录。</source>
        <translation>The window is locked: sign in again, or as someone else.</translation>
    </message>
    <message>
        <source>请选择您的姓名并输入密码。忘记密码请找站长重设。</source>
        <translation>Choose your name and enter your password. Forgot it? The station head resets it.</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StaleDialog</name>
    <message>
        <source>内容已被他人修改</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>您填写的</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>已保存的（较新）</source>
        <translation>Saved value (newer)</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>已保存的</source>
        <translation>Saved value</translation>
    </message>
    <message>
        <source>每一项选择保留哪个值，然后点“按所选保存”。点“返回表单”则什么也不保存。</source>
        <translation>Choose which value to keep for each field, then click “Save as chosen”. “Back to the form” saves nothing.</translation>
    </message>
    <message>
        <source>按所选保存</source>
        <translation>Save as chosen</translation>
    </message>
    <message>
        <source>返回表单</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <source>工作站代码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>工作站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>乡镇代码</source>
        <translation>Township code</translation>
    </message>
    <message>
        <source>乡镇名称</source>
        <translation>Township name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>工作站电话</source>
        <translation>Station phone</translation>
    </message>
    <message>
        <source>办公时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>监督电话</source>
        <translation>Supervision phone</translation>
    </message>
    <message>
        <source>乡镇群众工作办电话</source>
        <translation>Township office phone</translation>
    </message>
    <message>
        <source>操作员姓名</source>
        <translation>Operator&apos;s name</translation>
    </message>
    <message>
        <source>12 位统计用区划代码，例如 430121101201</source>
        <translation>12-digit statistical division code, e.g. 430121101201</translation>
    </message>
    <message>
        <source>例如 白沙村群众工作站</source>
        <translation>e.g. 白沙村群众工作站</translation>
    </message>
    <message>
        <source>9 位，填好工作站代码后自动带出</source>
        <translation>9 digits, filled in from the station code</translation>
    </message>
    <message>
        <source>例如 白沙镇</source>
        <translation>e.g. 白沙镇</translation>
    </message>
    <message>
        <source>例如 湖南省长沙县白沙镇白沙村村部</source>
        <translation>e.g. 湖南省长沙县白沙镇白沙村村部</translation>
    </message>
    <message>
        <source>座机或手机，例如 0731-84561234</source>
        <translation>Landline or mobile, e.g. 0731-84561234</translation>
    </message>
    <message>
        <source>例如 周一至周五 8:30–12:00，14:30–17:30</source>
        <translation>e.g. Mon–Fri 8:30–12:00, 14:30–17:30</translation>
    </message>
    <message>
        <source>印在联系卡上，可以不填</source>
        <translation>Printed on the contact cards; optional</translation>
    </message>
    <message>
        <source>使用本机的工作人员</source>
        <translation>The staff member using this computer</translation>
    </message>
    <message>
        <source>请填写{label}。</source>
        <translation>Please fill in: {label}.</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>代码：</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>密钥指纹：</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>最近导出：</source>
        <translation>Last export:</translation>
    </message>
    <message>
        <source>最近导入：</source>
        <translation>Last import:</translation>
    </message>
    <message>
        <source>待确认的变更：</source>
        <translation>Unconfirmed changes:</translation>
    </message>
    <message>
        <source>导出数据包…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <source>导入交办包…</source>
        <translation>Import dispatch bundle…</translation>
    </message>
    <message>
        <source>导出登记表…</source>
        <translation>Export enrollment…</translation>
    </message>
    <message>
        <source>首次使用：导入乡镇工作包 → 导出登记表，打印后连同登记文件交乡镇 → 乡镇登记本站后，即可导出数据包。</source>
        <translation>First time: import the station kit → export the enrollment, print the sheet and hand it to the township with the enrollment file → once the township has enrolled this station, bundles can be exported.</translation>
    </message>
    <message>
        <source>每次导出的数据包都包含乡镇尚未确认的全部变更：U 盘丢了或忘了带，重新导出即可，不会丢数据。导入乡镇发回的交办包后，这些变更才算确认。</source>
        <translation>Every exported bundle holds all changes the township has not confirmed yet: if a USB stick is lost or forgotten, just export again and nothing is lost. The changes count as confirmed once the dispatch bundle the township sends back has been imported.</translation>
    </message>
    <message>
        <source>本站还没有导入乡镇工作包。请向乡镇群众工作办索取工作包（.qzkit 文件），导入后才能与乡镇交换数据包。</source>
        <translation>This station has not imported the township&apos;s station kit yet. Ask the township office for the kit (a .qzkit file); bundles can be exchanged once it is imported.</translation>
    </message>
    <message>
        <source>导入乡镇工作包…</source>
        <translation>Import station kit…</translation>
    </message>
    <message>
        <source>尚未导出</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>尚未导入</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>{0} 条（乡镇导入并发回交办包后确认）</source>
        <translation>{0} (confirmed when the township has imported them and sent a dispatch bundle back)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>导入交办包</source>
        <translation>Import dispatch bundle</translation>
    </message>
    <message>
        <source>导入乡镇工作包</source>
        <translation>Import station kit</translation>
    </message>
    <message>
        <source>乡镇工作包 (*.qzkit)</source>
        <translation>Station kit (*.qzkit)</translation>
    </message>
    <message>
        <source>导入{0}的工作包？</source>
        <translation>Import the station kit of {0}?</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>未附带（使用程序自带的节假日安排）</source>
        <translation>none included (the holiday schedules built into the program are used)</translation>
    </message>
    <message>
        <source>乡镇：{name}（{code}）
电话：{phone}
密钥指纹：{fingerprint}
责任单位 {units} 个，诉求类别时限 {domains} 类，工作日历：{years}

请打电话向乡镇核对密钥指纹。导入后，本站只与这个乡镇交换数据包，并使用乡镇统一的责任单位、办理时限和工作日历。</source>
        <translation>Township: {name} ({code})
Phone: {phone}
Key fingerprint: {fingerprint}
{units} responsible units, deadlines for {domains} categories, work calendar: {years}

Please check the key fingerprint with the township by phone. Once imported, this station exchanges bundles with this township only and uses the township&apos;s units, deadlines and work calendar.</translation>
    </message>
    <message>
        <source>已导入{0}的工作包。下一步：导出登记表，打印后连同登记文件交乡镇。</source>
        <translation>The station kit of {0} was imported. Next: export the enrollment, print the sheet and hand it to the township with the enrollment file.</translation>
    </message>
    <message>
        <source>导出登记表</source>
        <translation>Export enrollment</translation>
    </message>
    <message>
        <source>站点登记文件 (*.qzenroll)</source>
        <translation>Station enrollment (*.qzenroll)</translation>
    </message>
    <message>
        <source>正在导出登记表……</source>
        <translation>Exporting the enrollment…</translation>
    </message>
    <message>
        <source>已导出登记文件 {0}，但登记表没有生成。密钥指纹：{1}</source>
        <translation>The enrollment file {0} was written, but the sheet could not be made. Key fingerprint: {1}</translation>
    </message>
    <message>
        <source>已导出登记文件 {0} 和登记表 {1}。请打印登记表，连同登记文件交乡镇。</source>
        <translation>Wrote the enrollment file {0} and the sheet {1}. Print the sheet and hand it to the township with the enrollment file.</translation>
    </message>
    <message>
        <source>站点登记表</source>
        <translation>Station enrollment sheet</translation>
    </message>
</context>
<context>
    <name>StationSummaryTab</name>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>打印联系卡…</source>
        <translation>Print contact cards…</translation>
    </message>
    <message>
        <source>打印所选工作站（未选择时为全部工作站）的便民服务联系卡</source>
        <translation>Print the contact cards of the selected station (of all stations when none is selected)</translation>
    </message>
    <message>
        <source>共 {0} 个工作站，受理 {1} 件，超期 {2} 件</source>
        <translation>{0} stations, {1} items received, {2} overdue</translation>
    </message>
</context>
<context>
    <name>StationsTableModel</name>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>最近数据包</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>已收至序号</source>
        <translation>Received to</translation>
    </message>
    <message>
        <source>缺失序号</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>待回执</source>
        <translation>Unacked</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>待确认指纹</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>尚未收到</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>缺少 {name} 序号 {range} 的变更：请该站重新导出数据包后再导入。</source>
        <translation>Changes {range} of {name} are missing: ask the station to export its bundle again, then import it.</translation>
    </message>
    <message>
        <source>请用“登记站点…”核对该站登记表上的密钥指纹后，才能导入它的数据包。</source>
        <translation>Confirm the key fingerprint on the station&apos;s enrollment sheet with “Enroll station…” before importing its bundles.</translation>
    </message>
    <message>
        <source>本机发给该站、该站尚未回执确认的变更条数。</source>
        <translation>Changes sent from this PC that the station has not acknowledged yet.</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>核查帮扶需求</source>
        <translation>Check need</translation>
    </message>
    <message>
        <source>{number} {who}：{what}（{state}）</source>
        <translation>{number} {who}: {what} ({state})</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这项需求现在没有可以进行的核查步骤。</source>
        <translation>No checking step can be taken on this need now.</translation>
    </message>
    <message>
        <source>退回原因</source>
        <translation>Reason sent back</translation>
    </message>
    <message>
        <source>重新打开原因</source>
        <translation>Reason reopened</translation>
    </message>
    <message>
        <source>帮扶结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>SupportLedgerTab</name>
    <message>
        <source>困难群众帮扶台账</source>
        <translation>Support ledger of households in difficulty</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>帮扶类别</source>
        <translation>Support tag</translation>
    </message>
    <message>
        <source>新增帮扶记录…</source>
        <translation>New assistance record…</translation>
    </message>
    <message>
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>共 {0} 户，{1} 行</source>
        <translation>{0} households, {1} rows</translation>
    </message>
    <message>
        <source>编辑帮扶记录…</source>
        <translation>Edit assistance record…</translation>
    </message>
    <message>
        <source>删除帮扶记录…</source>
        <translation>Delete assistance record…</translation>
    </message>
    <message>
        <source>删除帮扶记录</source>
        <translation>Delete assistance record</translation>
    </message>
    <message>
        <source>确定删除 {0} 的这条帮扶记录吗？删除后可马上按 Ctrl+Z 撤销。</source>
        <translation>Delete this assistance record of {0}? Ctrl+Z right after brings it back.</translation>
    </message>
    <message>
        <source>删除帮扶记录 {0}</source>
        <translation> deleting assistance record {0}</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>SupportTagsBox</name>
    <message>
        <source>重点帮扶对象类别</source>
        <translation>Support categories (households in difficulty)</translation>
    </message>
    <message>
        <source>户籍登记、帮扶台账和月报（结对困难户）使用这些类别，每行一项。</source>
        <translation>The register, the support ledger and the monthly report (households in difficulty) use these categories, one per line.</translation>
    </message>
    <message>
        <source>保存后随乡镇工作包和下发的数据包传到各工作站；已登记的标签不受影响。</source>
        <translation>Once saved, they travel to every station with the station kit and the dispatch bundles; tags already recorded stay.</translation>
    </message>
    <message>
        <source>本表由乡镇群众工作办设置，这里只能查看。</source>
        <translation>The township office sets this list; it can only be viewed here.</translation>
    </message>
    <message>
        <source>保存类别</source>
        <translation>Save the categories</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>已保存 {0} 项。</source>
        <translation>Saved {0} categories.</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>提拔前征求群众意见</source>
        <translation>Residents&apos; opinion before a promotion</translation>
    </message>
    <message>
        <source>干部(&amp;C)</source>
        <translation>&amp;Cadre</translation>
    </message>
    <message>
        <source>事由，如 拟提拔为副镇长</source>
        <translation>Purpose, e.g. promotion to deputy head</translation>
    </message>
    <message>
        <source>事由(&amp;U)</source>
        <translation>P&amp;urpose</translation>
    </message>
    <message>
        <source>开始征求意见(&amp;S)</source>
        <translation>&amp;Start survey</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>结对</source>
        <translation>Paired</translation>
    </message>
    <message>
        <source>经办事项</source>
        <translation>Items handled</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>所选户的意见(&amp;A)</source>
        <translation>&amp;Answer of the household selected</translation>
    </message>
    <message>
        <source>备注（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>记录(&amp;R)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>打印征求意见表(&amp;P)…</source>
        <translation>&amp;Print survey list…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>{day} 开始征求意见（{purpose}）：{counts}；不满意率 {rate}。</source>
        <translation>Survey started {day} ({purpose}): {counts}; dissatisfaction {rate}.</translation>
    </message>
    <message>
        <source>该干部服务过的户 {0} 户（结对户和经办事项的诉求人）；点“开始征求意见”后逐户记录意见。</source>
        <translation>{0} households served by this cadre (paired, or requesters of items handled); click “Start survey”, then record each answer.</translation>
    </message>
    <message>
        <source>正在生成征求意见表……</source>
        <translation>Writing the survey list…</translation>
    </message>
    <message>
        <source>征求意见表</source>
        <translation>Survey list</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>数据同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>用 U 盘与乡镇群众工作办交换数据：导出本站的数据包交给乡镇，导入乡镇发回的交办包。数据包已签名加密，只有对方能打开。</source>
        <translation>Exchange data with the township office on a USB stick: export this station&apos;s bundle for the township and import the dispatch bundles it sends back. Bundles are signed and encrypted: only the recipient can open them.</translation>
    </message>
    <message>
        <source>用 U 盘与各乡镇群众工作办交换数据：导入各乡镇交来的数据包（含其工作站的数据），生成交办包发回各乡镇。
新乡镇：先导出县级工作包交给该乡镇，再用该乡镇交回的登记文件和登记表登记。</source>
        <translation>Exchange data with the township offices on a USB stick: import the bundles each township brings (with its stations’ data) and write dispatch bundles back.
A new township: export the county kit for it first, then enrol it with the enrolment file and form it returns.</translation>
    </message>
    <message>
        <source>本机尚未完成设置，请先完成工作站设置。</source>
        <translation>This PC is not set up yet. Please finish the set-up first.</translation>
    </message>
    <message>
        <source>生成本机密钥…</source>
        <translation>Create keys…</translation>
    </message>
    <message>
        <source>更换密钥…</source>
        <translation>Replace keys…</translation>
    </message>
    <message>
        <source>口令遗失或怀疑密钥泄露时使用；之后须重新登记本机</source>
        <translation>For a lost passphrase or leaked keys; this PC must then be enrolled again</translation>
    </message>
    <message>
        <source>本机密钥指纹：</source>
        <translation>This PC&apos;s key fingerprint:</translation>
    </message>
    <message>
        <source>本机：{0}（{1}）</source>
        <translation>This PC: {0} ({1})</translation>
    </message>
    <message>
        <source>尚未生成</source>
        <translation>not created yet</translation>
    </message>
    <message>
        <source>请重新导出乡镇工作包发给各工作站。</source>
        <translation>Export a new township kit for every station.</translation>
    </message>
    <message>
        <source>请重新导出县级工作包发给各乡镇。</source>
        <translation>Please export the county kit again for every township.</translation>
    </message>
    <message>
        <source>请重新导出登记表交乡镇群众工作办登记。</source>
        <translation>Export a new enrollment for the township office.</translation>
    </message>
    <message>
        <source>已生成本机密钥，请牢记密钥口令。</source>
        <translation>The keys of this PC were created. Keep the key passphrase in mind.</translation>
    </message>
    <message>
        <source>正在生成数据包……</source>
        <translation>Writing bundles…</translation>
    </message>
    <message>
        <source>已生成 {0} 个数据包，保存在 {1}。</source>
        <translation>{0} bundle(s) written to {1}.</translation>
    </message>
    <message>
        <source>没有需要生成的数据包。</source>
        <translation>There are no bundles to write.</translation>
    </message>
    <message>
        <source>文件夹 {0} 中没有数据包（.qzb 文件）。</source>
        <translation>There are no bundles (.qzb files) in the folder {0}.</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>数据包 (*.qzb)</source>
        <translation>Bundles (*.qzb)</translation>
    </message>
    <message>
        <source>站点与同步</source>
        <translation>Stations and sync</translation>
    </message>
    <message>
        <source>乡镇与同步</source>
        <translation>Townships and sync</translation>
    </message>
    <message>
        <source>用 U 盘与各工作站交换数据：导入各站交来的数据包，生成交办包发回各站。
新站点：先导出乡镇工作包交给该站，再用该站交回的登记文件和登记表登记。</source>
        <translation>Exchange data with the stations on a USB stick: import the stations&apos; bundles and write dispatch bundles for them.
For a new station, export the station kit for it first, then enroll it with the enrollment file and printed sheet it hands back.</translation>
    </message>
    <message>
        <source>已更换本机密钥（密钥版本已加 1），以后的数据包用新密钥签名。</source>
        <translation>This PC&apos;s keys were replaced (the key version went up by 1); bundles are signed with the new keys from now on.</translation>
    </message>
    <message>
        <source>正在核验并导入数据包……</source>
        <translation>Checking and importing bundles…</translation>
    </message>
    <message>
        <source>导入已取消：正在导入的数据包没有写入，之前已导入的保留。</source>
        <translation>Import cancelled: the bundle under way was not written; those imported before it are kept.</translation>
    </message>
</context>
<context>
    <name>TallyForm</name>
    <message>
        <source>计票 — {0}</source>
        <translation>Tally — {0}</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>收回选票 {0} 张。按行填写每人（单位）的满意、基本满意、不满意票数；每行合计不能超过收回的选票。Tab 或回车到下一格。</source>
        <translation>{0} ballots returned. Enter each row&apos;s satisfied, fairly satisfied and dissatisfied votes; no row may exceed the ballots returned. Tab or Enter moves to the next cell.</translation>
    </message>
    <message>
        <source>被测评人（单位）</source>
        <translation>Person (unit) rated</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>计票</source>
        <translation>Count the ballots</translation>
    </message>
    <message>
        <source>已录入的票数还没有保存，确定放弃吗？</source>
        <translation>The counts entered have not been saved. Discard them?</translation>
    </message>
    <message>
        <source>放弃录入</source>
        <translation>Discard the counts</translation>
    </message>
    <message>
        <source>票数合计 {0} 张，超过收回的 {1} 张</source>
        <translation>{0} votes, more than the {1} ballots returned</translation>
    </message>
    <message>
        <source>空票 {0} 张</source>
        <translation>{0} blank</translation>
    </message>
    <message>
        <source>{0} 的票数超过了收回的选票 {1} 张，请核对后再保存。</source>
        <translation>{0}: more votes than the {1} ballots returned; check before saving.</translation>
    </message>
    <message>
        <source>每行票数都没有超过收回的选票。</source>
        <translation>No row has more votes than ballots returned.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消，请稍候……</source>
        <translation>Cancelling, please wait…</translation>
    </message>
</context>
<context>
    <name>ToItemForm</name>
    <message>
        <source>转为事项</source>
        <translation>To an item</translation>
    </message>
    <message>
        <source>登记为事项(&amp;S)</source>
        <translation>Register as item (&amp;S)</translation>
    </message>
    <message>
        <source>群众姓名或群体，例如“第三村民小组”</source>
        <translation>A resident or group, e.g. “villager group 3”</translation>
    </message>
    <message>
        <source>诉求类别(&amp;L)</source>
        <translation>Domain (&amp;L)</translation>
    </message>
    <message>
        <source>等级(&amp;J)</source>
        <translation>Grade (&amp;J)</translation>
    </message>
    <message>
        <source>件类型(&amp;T)</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>诉求人(&amp;R)</source>
        <translation>&amp;Requester</translation>
    </message>
    <message>
        <source>诉求内容(&amp;C)</source>
        <translation>Request (&amp;C)</translation>
    </message>
</context>
<context>
    <name>TownshipForm</name>
    <message>
        <source>乡镇代码</source>
        <extracomment>The fields, named as ``init_township`` names them in a ValidationError&apos;s ``field``.</extracomment>
        <translation>Township code</translation>
    </message>
    <message>
        <source>乡镇群众工作办名称</source>
        <translation>Township office name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>9 位乡镇级统计用区划代码，例如 430121101</source>
        <translation>9-digit township division code, e.g. 430121101</translation>
    </message>
    <message>
        <source>例如 白沙镇群众工作办</source>
        <translation>e.g. 白沙镇群众工作办</translation>
    </message>
    <message>
        <source>座机或手机，可以以后再填</source>
        <translation>landline or mobile, may be filled in later</translation>
    </message>
    <message>
        <source>请填写乡镇代码。</source>
        <translation>Please fill in the township code.</translation>
    </message>
    <message>
        <source>请填写乡镇群众工作办名称。</source>
        <translation>Please fill in the township office name.</translation>
    </message>
</context>
<context>
    <name>TownshipItemDialog</name>
    <message>
        <source>只读查看。交办、录入办理结果和不予受理，请在分流交办列表中办理。</source>
        <translation>Read only. Assign, record results and reject from the triage list.</translation>
    </message>
    <message>
        <source>{unit}办结：{result}</source>
        <translation>Resolved by {unit}: {result}</translation>
    </message>
</context>
<context>
    <name>TownshipPanel</name>
    <message>
        <source>导入数据包…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <source>导入整个文件夹…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <source>生成交办包…</source>
        <translation>Write dispatches…</translation>
    </message>
    <message>
        <source>仅为选中站点…</source>
        <translation>Selected station only…</translation>
    </message>
    <message>
        <source>导出乡镇工作包…</source>
        <translation>Export station kit…</translation>
    </message>
    <message>
        <source>接受县级工作包…</source>
        <translation>Accept county kit…</translation>
    </message>
    <message>
        <source>县级登记文件…</source>
        <translation>County enrolment file…</translation>
    </message>
    <message>
        <source>还没有登记的工作站。请先“导出乡镇工作包…”交给各站；各站导入后会交回登记文件和打印的登记表，再用“登记站点…”登记。</source>
        <translation>No station is enrolled yet. First give each station the kit from “Export station kit…”; after importing it, each station returns an enrollment file and a printed sheet: enroll it with “Enroll station…”.</translation>
    </message>
    <message>
        <source>所属县：{0}（{1}）</source>
        <translation>County: {0} ({1})</translation>
    </message>
    <message>
        <source>所属县：尚未接受县级工作包（有重大疑难事项需上报县时再办理）</source>
        <translation>County: no county kit accepted yet (do it when a major matter must go to the county)</translation>
    </message>
    <message>
        <source>导出乡镇工作包</source>
        <translation>Export station kit</translation>
    </message>
    <message>
        <source>乡镇工作包 (*.qzkit)</source>
        <translation>Station kit (*.qzkit)</translation>
    </message>
    <message>
        <source>正在导出乡镇工作包……</source>
        <translation>Exporting the station kit…</translation>
    </message>
    <message>
        <source>已导出乡镇工作包 {0}。请复制到 U 盘，交各工作站在“同步”中导入。</source>
        <translation>Wrote the station kit {0}. Copy it to a USB stick for the stations to import under “Sync”.</translation>
    </message>
    <message>
        <source>接受县级工作包</source>
        <translation>Accept county kit</translation>
    </message>
    <message>
        <source>县级工作包 (*.qzkit)</source>
        <translation>County kit (*.qzkit)</translation>
    </message>
    <message>
        <source>已接受{0}（{1}）的县级工作包。请再导出“县级登记文件…”交县里登记。</source>
        <translation>The county kit of {0} ({1}) is accepted. Now export the “County enrolment file…” for the county to enrol this township.</translation>
    </message>
    <message>
        <source>县级登记文件</source>
        <translation>County enrolment file</translation>
    </message>
    <message>
        <source>乡镇登记文件 (*.qzenroll)</source>
        <translation>Township enrolment file (*.qzenroll)</translation>
    </message>
    <message>
        <source>正在导出县级登记文件……</source>
        <translation>Exporting the county enrolment file…</translation>
    </message>
    <message>
        <source>已导出县级登记文件 {0}，但登记表没有生成。本机密钥指纹：{1}</source>
        <translation>County enrolment file {0} exported, but the enrolment sheet was not made. This PC’s key fingerprint: {1}</translation>
    </message>
    <message>
        <source>已导出县级登记文件 {0} 和登记表 {1}。请打印登记表，连同登记文件交县群众工作部登记；本机密钥指纹：{2}</source>
        <translation>County enrolment file {0} and sheet {1} exported. Print the sheet and hand it with the file to the county mass-work department for enrolment; this PC’s key fingerprint: {2}</translation>
    </message>
    <message>
        <source>乡镇登记表</source>
        <translation>Township enrolment sheet</translation>
    </message>
    <message>
        <source>登记站点…</source>
        <translation>Enroll station…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>导入整个文件夹</source>
        <translation>Import a whole folder</translation>
    </message>
    <message>
        <source>生成交办包</source>
        <translation>Write dispatch bundles</translation>
    </message>
    <message>
        <source>登记站点</source>
        <translation>Enroll station</translation>
    </message>
    <message>
        <source>站点登记文件 (*.qzenroll)</source>
        <translation>Station enrollment (*.qzenroll)</translation>
    </message>
    <message>
        <source>已登记 {0}（{1}），可以导入该站的数据包了。</source>
        <translation>{0} ({1}) is enrolled: its bundles can be imported now.</translation>
    </message>
</context>
<context>
    <name>TriageModel</name>
    <message>
        <source>编号</source>
        <extracomment>The columns that sort, in the database (``SqlItems.search_ids``).</extracomment>
        <translation>Number</translation>
    </message>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>诉求人</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>TriagePage</name>
    <message>
        <source>分流交办</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>工作站上报的事项在这里交办给责任单位，限时办结后录入办理结果。</source>
        <translation>Items escalated by the stations are assigned to units here, with a deadline; record each unit&apos;s result when it is done.</translation>
    </message>
    <message>
        <source>状态(&amp;S)</source>
        <translation>&amp;State</translation>
    </message>
    <message>
        <source>待交办</source>
        <translation>To assign</translation>
    </message>
    <message>
        <source>已交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>已上报和待交办的事项</source>
        <translation>Items escalated and awaiting assignment</translation>
    </message>
    <message>
        <source>工作站(&amp;T)</source>
        <translation>S&amp;tation</translation>
    </message>
    <message>
        <source>责任单位(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>编号 / 诉求人 / 内容 (Ctrl+F)</source>
        <translation>Number / requester / content (Ctrl+F)</translation>
    </message>
    <message>
        <source>交办(&amp;A)…</source>
        <translation>&amp;Assign…</translation>
    </message>
    <message>
        <source>录入办理结果(&amp;R)…</source>
        <translation>&amp;Record result…</translation>
    </message>
    <message>
        <source>不予受理(&amp;J)…</source>
        <translation>Re&amp;ject…</translation>
    </message>
    <message>
        <source>上报县(&amp;C)…</source>
        <translation>Escalate to &amp;county…</translation>
    </message>
    <message>
        <source>查看(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>责任单位(&amp;M)…</source>
        <translation>Units (&amp;M)…</translation>
    </message>
    <message>
        <source>编辑交办时可选的责任单位</source>
        <translation>Edit the units items can be assigned to</translation>
    </message>
    <message>
        <source>双击或回车查看事项和办理经过</source>
        <translation>Double-click or Enter shows an item and its history</translation>
    </message>
    <message>
        <source>全部工作站</source>
        <translation>All stations</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>查看事项…</source>
        <translation>View item…</translation>
    </message>
    <message>
        <source>交办…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>录入办理结果…</source>
        <translation>Record result…</translation>
    </message>
    <message>
        <source>复制编号</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>请在列表中选择一件事项。</source>
        <translation>Select an item in the list.</translation>
    </message>
    <message>
        <source>已选 {number}（{state}）</source>
        <translation>Selected: {number} ({state})</translation>
    </message>
    <message>
        <source>请先在列表中选择一件事项。</source>
        <translation>Please select an item in the list first.</translation>
    </message>
    <message>
        <source>这一步没有完成，请再试一次。</source>
        <translation>This step was not completed. Please try again.</translation>
    </message>
    <message>
        <source>只有已上报或待交办的事项才能交办。</source>
        <translation>Only escalated items or items awaiting assignment can be assigned.</translation>
    </message>
    <message>
        <source>只有已交办的事项才能录入办理结果。</source>
        <translation>A result can be recorded only for an assigned item.</translation>
    </message>
    <message>
        <source>只有已上报或待交办的事项才能不予受理。</source>
        <translation>Only escalated items or items awaiting assignment can be rejected.</translation>
    </message>
    <message>
        <source>事项 {number} 现在是“{state}”。</source>
        <translation>Item {number} is now “{state}”. </translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>修改责任单位</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <source>添加责任单位</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>例如 县水利局、民政办</source>
        <translation>e.g. County Water Bureau, Civil Affairs Office</translation>
    </message>
    <message>
        <source>名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>级别(&amp;L)</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <source>类别(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>未知工作站（{code}）</source>
        <translation>Unknown station ({code})</translation>
    </message>
    <message>
        <source>联系村(&amp;V)</source>
        <translation>Paired &amp;villages</translation>
    </message>
    <message>
        <source>联系干部姓名，用顿号或逗号分隔</source>
        <translation>Names of the contact cadres, separated by commas</translation>
    </message>
    <message>
        <source>联系干部(&amp;C)</source>
        <translation>&amp;Contact cadres</translation>
    </message>
    <message>
        <source>主管类别(&amp;O)</source>
        <translation>C&amp;ompetent for</translation>
    </message>
    <message>
        <source>空格勾选联系村和主管类别，回车到下一项；一个类别只能由一个单位主管。</source>
        <translation>Space ticks villages and domains, Enter moves to the next field; a domain has only one competent unit.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>UnitRegisterDialog</name>
    <message>
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <source>交办时可选的责任单位，按这里的顺序列出；联系村是它双联系的村，主管类别是它作为主管部门负责的诉求类别。保存后随下发的数据包传到工作站。已交办事项中的单位名称不随改名而变。</source>
        <translation>The units items can be assigned to, offered in this order; paired villages are the villages it is linked with (双联系), and it is the competent department for the domains listed. Once saved, the register travels to the stations in the next dispatch. Items already assigned keep the unit name they were given.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>联系村</source>
        <translation>Paired villages</translation>
    </message>
    <message>
        <source>联系干部</source>
        <translation>Contact cadres</translation>
    </message>
    <message>
        <source>主管类别</source>
        <translation>Competent for</translation>
    </message>
    <message>
        <source>添加(&amp;A)…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>上移(&amp;P)</source>
        <translation>Move u&amp;p</translation>
    </message>
    <message>
        <source>下移(&amp;W)</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>未知工作站（{code}）</source>
        <translation>Unknown station ({code})</translation>
    </message>
    <message>
        <source>删除责任单位</source>
        <translation>Delete unit</translation>
    </message>
    <message>
        <source>确定删除责任单位“{name}”吗？保存后生效；已交办事项上的单位名称不变。</source>
        <translation>Delete the unit “{name}”? It takes effect when you save; items already assigned keep the unit name.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>数据已加密。请选择您的姓名并输入密码。忘记密码请找站长重设。</source>
        <translation>The data is encrypted. Choose your name and enter your password. Forgot it? The station head resets it.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VetoForm</name>
    <message>
        <source>一票否决</source>
        <translation>One-vote veto</translation>
    </message>
    <message>
        <source>对“{0}”在{1}一票否决：照常计分，但排在所有未被否决的之后。</source>
        <translation>One-vote veto of “{0}” for {1}: still scored, but ranked after every entry not vetoed.</translation>
    </message>
    <message>
        <source>否决理由(&amp;R)（必填，{0} 字以内）：</source>
        <translation>&amp;Reason (required, up to {0} characters):</translation>
    </message>
    <message>
        <source>例如 发生重大安全生产事故</source>
        <translation>e.g. a serious work-safety accident</translation>
    </message>
    <message>
        <source>确定对“{0}”在{1}一票否决吗？
理由：{2}</source>
        <translation>Veto “{0}” for {1}?
Reason: {2}</translation>
    </message>
    <message>
        <source>没有一票否决：</source>
        <translation>No veto recorded:</translation>
    </message>
</context>
<context>
    <name>VisitBox</name>
    <message>
        <source>户号 {number}&#x3000;{name}&#x3000;{address}</source>
        <translation>Household {number}  {name}  {address}</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>这一户的其他情况（可不填）</source>
        <translation>Anything else about this household (optional)</translation>
    </message>
    <message>
        <source>问题转受理…</source>
        <translation>Register finding…</translation>
    </message>
    <message>
        <source>把这一户反映或发现的问题登记为受理事项（来源：走访）</source>
        <translation>Register this household&apos;s problem as an intake item (channel: visit)</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>已转受理：{numbers}</source>
        <translation>Registered: {numbers}</translation>
    </message>
</context>
<context>
    <name>VoiceForm</name>
    <message>
        <source>未能保存：</source>
        <translation>Not saved:</translation>
    </message>
</context>
<context>
    <name>VoicePage</name>
    <message>
        <source>民意测评</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>民情会议</source>
        <translation>Residents&apos; meetings</translation>
    </message>
    <message>
        <source>民情信息</source>
        <translation>Residents&apos; information</translation>
    </message>
</context>
<context>
    <name>VoiceSettingsDialog</name>
    <message>
        <source>民意与信访设置</source>
        <translation>Voice and petition settings</translation>
    </message>
    <message>
        <source>不予提拔(&amp;P)：不满意率达到</source>
        <translation>No &amp;promotion at dissatisfaction of</translation>
    </message>
    <message>
        <source>诫勉谈话(&amp;A)：不满意率达到</source>
        <translation>&amp;Admonition talk at dissatisfaction of</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>阅办时限(&amp;D)</source>
        <translation>Read-and-act &amp;days</translation>
    </message>
    <message>
        <source>分管领导(&amp;L)：按诉求类别建议信访事项的办理人</source>
        <translation>Deputies in charge(&amp;L): the handler proposed for a petition by domain</translation>
    </message>
    <message>
        <source>诉求类别</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>分管领导</source>
        <translation>Deputy in charge</translation>
    </message>
    <message>
        <source>乡镇设置后，随下一次交办数据下发到各工作站。空白表示该类别不设分管领导。</source>
        <translation>Set by the township; they reach the stations with the next dispatch. Blank: no deputy for that domain.</translation>
    </message>
    <message>
        <source>这些设置由乡镇群众工作办填写，随乡镇的交办数据下发，这里只能查看。</source>
        <translation>These settings are the township office&apos;s and come with its dispatches; they can only be viewed here.</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>未能保存：</source>
        <translation>Not saved:</translation>
    </message>
</context>
<context>
    <name>WorkListModel</name>
    <message>
        <source>编号</source>
        <extracomment>The columns that sort, in the database (``SqlItems.page_ids``); 内容 does not.</extracomment>
        <translation>Number</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>诉求人</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>件类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>承诺日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>待领取 {0} 个工作日</source>
        <translation>to collect, {0} working days</translation>
    </message>
    <message>
        <source>超期 {0} 天</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>{number}&#x3000;{received} 受理&#x3000;{grade}&#x3000;{urgency}（承诺日期 {due}）
{content}</source>
        <translation>{number}  received {received}  {grade}  {urgency} (due {due})
{content}</translation>
    </message>
</context>
<context>
    <name>_ContactPage</name>
    <message>
        <source>这些内容会印在便民服务联系卡上，以后可以在“设置”里修改。</source>
        <translation>These details are printed on the contact cards; you can change them later under &quot;Settings&quot;.</translation>
    </message>
    <message>
        <source>第 3 步：联系方式和操作员</source>
        <translation>Step 3: Contact details and operator</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>未能保存：</source>
        <translation>Not saved:</translation>
    </message>
</context>
<context>
    <name>_LedgerTab</name>
    <message>
        <source>期间</source>
        <extracomment>The 民情台账 columns that sort, by their title, and the repository&apos;s key for each.</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>去年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>打印 PDF</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <source>输出完整电话</source>
        <translation>Full phone numbers</translation>
    </message>
    <message>
        <source>导出和打印的台账中电话默认部分隐藏；勾选后输出完整号码，并记入访问记录</source>
        <translation>Exported and printed ledgers mask phones; tick to output them in full (recorded in the access log)</translation>
    </message>
    <message>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <source>全部工作站</source>
        <translation>All stations</translation>
    </message>
    <message>
        <source>已保存 {0} 行：{1}</source>
        <translation>Saved {0} rows: {1}</translation>
    </message>
    <message>
        <source>正在生成台账……</source>
        <translation>Writing the ledger…</translation>
    </message>
    <message>
        <source>正在生成 PDF……</source>
        <translation>Writing the PDF…</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>_NameAndPassword</name>
    <message>
        <source>姓名(&amp;N)</source>
        <extracomment>What can stop the switch-over (the plain store stays as it was).</extracomment>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>_RecordForm</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>还不能保存：</source>
        <translation>Cannot save yet:</translation>
    </message>
</context>
<context>
    <name>_StationPage</name>
    <message>
        <source>工作站代码是本村（社区）的 12 位统计用区划代码，可向乡镇群众工作办或统计站询问。乡镇代码是它的前 9 位，会自动带出。</source>
        <translation>The station code is the 12-digit statistical division code of this village (community); ask the township office or statistics station. The township code is its first 9 digits and is filled in for you.</translation>
    </message>
    <message>
        <source>第 2 步：工作站和所属乡镇</source>
        <translation>Step 2: Station and township</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>请按提示改正后再试。已经填写的内容都还在，不会丢失。</source>
        <translation>Please correct it as described and try again. Everything you entered is still there.</translation>
    </message>
    <message>
        <source>请先查一下是否已经登记过；如果确实是另一条记录，请改用不同的内容。</source>
        <translation>Please check whether it is already registered; if it really is another record, use a different value.</translation>
    </message>
    <message>
        <source>这条记录可能已被删除或尚未建立。请刷新后再试。</source>
        <translation>The record may have been deleted or not yet created. Please refresh and try again.</translation>
    </message>
    <message>
        <source>请先完成工作站设置，或联系乡镇群众工作办。</source>
        <translation>Please finish setting up the station first, or contact the township office.</translation>
    </message>
    <message>
        <source>请检查后再试。</source>
        <translation>Please check and try again.</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>程序遇到了意外问题，这一步没有完成。</source>
        <translation>The program ran into an unexpected problem; this step was not completed.</translation>
    </message>
    <message>
        <source>已保存的数据不会受影响。请再试一次；如果反复出现，请把数据目录中的日志文件 qunzhong.log 发给技术支持。</source>
        <translation>Saved data is not affected. Please try again; if it keeps happening, send the log file qunzhong.log from the data folder to technical support.</translation>
    </message>
</context>
<context>
    <name>import_report</name>
    <message>
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>residents</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>items</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>item events</translation>
    </message>
    <message>
        <source>工作站名单</source>
        <translation>list of stations</translation>
    </message>
    <message>
        <source>日记</source>
        <translation>diary entries</translation>
    </message>
    <message>
        <source>配置</source>
        <translation>settings</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>other</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>无新变更</source>
        <translation>no new changes</translation>
    </message>
    <message>
        <source>{0} 个已导入</source>
        <translation>{0} imported</translation>
    </message>
    <message>
        <source>{0} 个此前已导入过</source>
        <translation>{0} imported before</translation>
    </message>
    <message>
        <source>{0} 个被拒绝</source>
        <translation>{0} refused</translation>
    </message>
    <message>
        <source>{0} 个数据包</source>
        <translation>{0} bundle(s)</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>key_dialogs</name>
    <message>
        <source>正在打开密钥……</source>
        <translation>Opening the keys…</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>上报理由：{0}</source>
        <translation>Reason: {0}</translation>
    </message>
</context>
<context>
    <name>pdf_print</name>
    <message>
        <source>无法打开 PDF 文件“{0}”：文件不完整或不是 PDF。请重新生成后再试。</source>
        <translation>Cannot open the PDF file &quot;{0}&quot;: it is incomplete or not a PDF. Please make it again.</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>打印预览 — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <source>{0} — 打印预览</source>
        <translation>{0} — Print preview</translation>
    </message>
    <message>
        <source>打印 — {0}</source>
        <translation>Print — {0}</translation>
    </message>
</context>
<context>
    <name>petitions</name>
    <message>
        <source>信访标记由受理事项的工作站填写，乡镇只能查看。</source>
        <translation>The station that took the item in marks it as a petition; the township can only view the mark.</translation>
    </message>
    <message>
        <source>您的角色只能查阅，不能修改信访标记。</source>
        <translation>Your role can only view: it cannot change the petition mark.</translation>
    </message>
    <message>
        <source>信访标记(&amp;X)…</source>
        <translation>Petition mark(&amp;X)…</translation>
    </message>
    <message>
        <source>信访：{mark}(&amp;X)…</source>
        <translation>Petition: {mark}(&amp;X)…</translation>
    </message>
    <message>
        <source>标记为初信初访或重复信访，选择来信或来访和信访层级</source>
        <translation>Mark as a first or repeat petition, by letter or visit, and how far it went</translation>
    </message>
    <message>
        <source>信访标记</source>
        <translation>Petition mark</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>下月</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>去年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>期间(&amp;Q)</source>
        <translation>Peri&amp;od</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>receipt_link</name>
    <message>
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>本版本还不能打印回执。事项 {number} 已经保存。</source>
        <translation>This version cannot print receipts yet. Item {number} is saved.</translation>
    </message>
</context>
<context>
    <name>receipt_preview</name>
    <message>
        <source>受理回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>正在生成受理回执……</source>
        <translation>Generating the receipt…</translation>
    </message>
    <message>
        <source>受理回执 {0}</source>
        <translation>Receipt {0}</translation>
    </message>
</context>
</TS>
