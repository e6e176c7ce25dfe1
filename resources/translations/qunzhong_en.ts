<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <source>群众工作站</source>
        <translation>Mass-Work Station</translation>
    </message>
</context>
<context>
    <name>AssistanceDialog</name>
    <message>
        <source>新增帮扶记录</source>
        <translation>New assistance record</translation>
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
        <source>帮扶对象</source>
        <translation>Household helped</translation>
    </message>
    <message>
        <source>帮扶单位</source>
        <translation>Helping unit</translation>
    </message>
    <message>
        <source>帮扶责任人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <source>帮扶目标</source>
        <translation>Target</translation>
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
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>请填写干部姓名。</source>
        <translation>Please enter the cadre&apos;s name.</translation>
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
        <source>打印哪些户的联系卡</source>
        <translation>Print cards for which households</translation>
    </message>
    <message>
        <source>“需更新”指从未打印过，或卡上信息（网格长、联系干部、电话等）已有变动的户。</source>
        <translation>&quot;Needs update&quot; means households never printed, or whose card details (grid leader, paired cadre, phones …) have changed.</translation>
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
        <source>已保存 {0} 张联系卡（{1} 页）：{2}</source>
        <translation>Saved {0} contact cards ({1} pages): {2}</translation>
    </message>
    <message>
        <source>已打印 {0} 张联系卡（{1} 页）。</source>
        <translation>Printed {0} contact cards ({1} pages).</translation>
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
        <source>便民服务联系卡.pdf</source>
        <translation>contact-cards.pdf</translation>
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
        <source>在“户籍”中登记农户和居民，并为每户打印便民服务联系卡；在“受理”中登记群众诉求并跟踪办理；在“日记”中记录入户走访；在“台账”中查看、导出台账和民情月报。与乡镇的数据同步将在后续版本提供。</source>
        <translation>Register households and residents under Register and print a contact card for each; record requests under Intake and follow them up; write home visits under Diary; view and export the ledgers and the monthly report under Ledgers. Data sync with the township comes in a later version.</translation>
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
    <name>DiaryForm</name>
    <message>
        <source>民情日记</source>
        <translation>Resident diary</translation>
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
        <source>已转受理事项：{number}（来源：走访），可在“受理”工作列表中查看。</source>
        <translation>Registered as intake item {number} (channel: visit); it is on the Intake work lists.</translation>
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
        <source>干部(&amp;G)</source>
        <translation>&amp;Cadre</translation>
    </message>
    <message>
        <source>月份(&amp;M)</source>
        <translation>&amp;Month</translation>
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
        <source>本月在村 {village} 天（要求不少于 {min_village} 天），坐班 {duty} 天（要求不少于 {min_duty} 天）{flag}</source>
        <translation>This month: {village} days in the village (at least {min_village} required), {duty} days on duty (at least {min_duty} required){flag}</translation>
    </message>
    <message>
        <source>&#x3000;— 未达要求</source>
        <translation> — below the rules</translation>
    </message>
    <message>
        <source>删除民情日记</source>
        <translation>Delete diary entry</translation>
    </message>
    <message>
        <source>确定删除这篇民情日记吗？
{entry}
已转出的受理事项不受影响。</source>
        <translation>Delete this diary entry?
{entry}
Intake items registered from it are kept.</translation>
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
        <source>民情日记打印预览 — {cadre} {month}</source>
        <translation>Resident diary print preview — {cadre} {month}</translation>
    </message>
</context>
<context>
    <name>DomainDaysBox</name>
    <message>
        <source>承诺办结时限</source>
        <translation>Promised working days</translation>
    </message>
    <message>
        <source>承诺件从受理之日起，在下列工作日数内办结（{low}–{high} 个工作日）。修改只影响以后受理的事项。</source>
        <translation>A promised item is to be resolved within these working days of intake ({low}–{high} working days). Changes apply to items registered afterwards.</translation>
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
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>恢复软件建议的时限（保存后生效）</source>
        <translation>Put back the suggested days (applies once saved)</translation>
    </message>
    <message>
        <source>“{domain}”的时限应为 {low}–{high} 个工作日。</source>
        <translation>The days for “{domain}” must be {low}–{high} working days.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>问题转受理 — {household}</source>
        <translation>Register a finding — {household}</translation>
    </message>
    <message>
        <source>登记为受理事项（来源渠道：走访），诉求人为户主：{household}。</source>
        <translation>Registered as an intake item (channel: visit); the requester is the head of household: {household}.</translation>
    </message>
    <message>
        <source>走访中发现或群众反映的问题</source>
        <translation>The problem found on the visit or raised by the resident</translation>
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
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
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
        <source>&lt;span style=&apos;background:#ffcdd2&apos;&gt;&amp;nbsp;红色&amp;nbsp;&lt;/span&gt; 已超期&#x3000;&lt;span style=&apos;background:#ffe0a3&apos;&gt;&amp;nbsp;黄色&amp;nbsp;&lt;/span&gt; 今明两个工作日到期&#x3000;&lt;span style=&apos;background:#e8f5e9&apos;&gt;&amp;nbsp;绿色&amp;nbsp;&lt;/span&gt; 正常&#x3000;&lt;span style=&apos;background:#eceff1&apos;&gt;&amp;nbsp;灰色&amp;nbsp;&lt;/span&gt; 待补件暂停计时&#x3000;双击或回车打开事项</source>
        <translation>&lt;span style=&apos;background:#ffcdd2&apos;&gt;&amp;nbsp;red&amp;nbsp;&lt;/span&gt; overdue  &lt;span style=&apos;background:#ffe0a3&apos;&gt;&amp;nbsp;amber&amp;nbsp;&lt;/span&gt; due within a working day  &lt;span style=&apos;background:#e8f5e9&apos;&gt;&amp;nbsp;green&amp;nbsp;&lt;/span&gt; on time  &lt;span style=&apos;background:#eceff1&apos;&gt;&amp;nbsp;grey&amp;nbsp;&lt;/span&gt; paused, awaiting documents  Double-click or Enter opens an item</translation>
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
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>诉求内容：</source>
        <translation>Content: </translation>
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
        <source>当场办结</source>
        <translation>Settled on the spot</translation>
    </message>
    <message>
        <source>{way}回访，{satisfaction}</source>
        <translation>Followed up ({way}): {satisfaction}</translation>
    </message>
    <message>
        <source>交办 {unit}，期限 {deadline}</source>
        <translation>Assigned to {unit}, due {deadline}</translation>
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
        <source>已回访：满意或基本满意可销号；不满意可重新办理。</source>
        <translation>Followed up: close it if satisfied; reopen it if not.</translation>
    </message>
    <message>
        <source>已上报乡镇：交办和办结由乡镇办理，同步后在这里显示。</source>
        <translation>Escalated: the township assigns and resolves it; its steps show here after a sync.</translation>
    </message>
    <message>
        <source>这件事已经结束，不能再办理。</source>
        <translation>This item is finished; no further steps.</translation>
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
        <source>待回访</source>
        <translation>To follow up</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{title}（Ctrl+{n}）</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>{name}功能正在开发中，将在后续版本提供。</source>
        <translation>{name} is under development and will come in a later version.</translation>
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
        <source>台账</source>
        <translation>Ledgers</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>数据同步</source>
        <translation>Data sync</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
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
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>&lt;h3&gt;群众工作站桌面版 {version}&lt;/h3&gt;&lt;p&gt;供村（社区）群众工作站使用的离线桌面软件：户籍登记、便民服务联系卡、受理登记与限时办结、民情日记、民情台账和民情月报；与乡镇的数据同步将在后续版本提供。&lt;/p&gt;&lt;p&gt;数据保存在本机：{home}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mass-work station desktop {version}&lt;/h3&gt;&lt;p&gt;Offline desktop software for village (community) mass-work stations: household register, contact cards, intake of requests with working-day deadlines, resident diary, ledgers and monthly report; data sync with the township comes in a later version.&lt;/p&gt;&lt;p&gt;Data are kept on this PC: {home}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>关于群众工作站</source>
        <translation>About Mass-Work Station</translation>
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
        <source>&#x3000;操作员：{operator}</source>
        <translation>    Operator: {operator}</translation>
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
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
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
        <source>共 {0} 户</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <source>打印联系卡（{0} 户）</source>
        <translation>Print contact cards ({0} households)</translation>
    </message>
    <message>
        <source>确定删除户号 {0}（户主 {1}，共 {2} 人）吗？
删除后这一户不再出现在户籍列表中。</source>
        <translation>Delete household {0} (head {1}, {2} people)?
After deletion it no longer appears in the register.</translation>
    </message>
    <message>
        <source>确定删除选中的 {0} 户（{1}{2}）吗？
删除后这些户不再出现在户籍列表中。</source>
        <translation>Delete the {0} selected households ({1}{2})?
After deletion they no longer appear in the register.</translation>
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
        <source>请先在列表中选中要结对的户。</source>
        <translation>Please first select the households to pair in the list.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>yyyy年M月</source>
        <translation>MMMM yyyy</translation>
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
        <source>月份：</source>
        <translation>Month:</translation>
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
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>正在统计民情月报……</source>
        <translation>Computing the monthly report…</translation>
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
        <source>{0}的统计已完成。</source>
        <translation>Figures for {0} are ready.</translation>
    </message>
    <message>
        <source>正在生成 PDF……</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>民情月报</source>
        <translation>Monthly report</translation>
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
    <name>SettingsPage</name>
    <message>
        <source>代码是工作站在乡镇的身份，设置后不能修改。</source>
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
        <source>有内容需要改正，请看红字提示。</source>
        <translation>Some entries need correcting; see the messages in red.</translation>
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
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>设置本机为群众工作站</source>
        <translation>Set up this computer as a mass-work station</translation>
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
        <source>完成(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
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
    <name>WorkListModel</name>
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
        <source>第 2 步：联系方式和操作员</source>
        <translation>Step 2: contact details and operator</translation>
    </message>
</context>
<context>
    <name>_LedgerTab</name>
    <message>
        <source>期间</source>
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
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>打印 PDF</source>
        <translation>Print PDF</translation>
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
        <source>打印台账</source>
        <translation>Print ledger</translation>
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
        <source>第 1 步：工作站和所属乡镇</source>
        <translation>Step 1: station and township</translation>
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
    <name>pdf_print</name>
    <message>
        <source>无法打开 PDF 文件：{0}</source>
        <translation>Cannot open the PDF file: {0}</translation>
    </message>
    <message>
        <source>打印预览 — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <source>打印 — {0}</source>
        <translation>Print — {0}</translation>
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
        <source>找不到工作站资料，请先完成设置向导。</source>
        <translation>The station profile is missing. Please complete the setup wizard first.</translation>
    </message>
    <message>
        <source>受理回执</source>
        <translation>Intake receipt</translation>
    </message>
    <message>
        <source>受理回执打印预览 — {0}</source>
        <translation>Intake receipt print preview — {0}</translation>
    </message>
</context>
</TS>
