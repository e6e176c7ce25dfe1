; Inno Setup 6 script: the frozen folder as a per-user Windows installer (no admin rights).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\qunzhong.iss
;
; Built by .github/workflows/windows.yml after `pyinstaller packaging\qunzhong.spec` has
; made dist\qunzhong-desktop\; writes dist\qunzhong-desktop-<version>-setup.exe.
;
; - Installs for the current user only, into %LOCALAPPDATA%\Programs\qunzhong-desktop
;   (PrivilegesRequired=lowest: a village clerk without administrator rights can install
;   and update it).
; - Start menu: 群众工作站 (the window); the command line is {app}\qunzhong.exe.
; - The data lives elsewhere, in %LOCALAPPDATA%\qunzhong-desktop (platformdirs), or where
;   --home / QUNZHONG_HOME point. The uninstaller removes only the files this installer
;   put into {app}: it NEVER deletes the data folder (no [UninstallDelete] entries, no
;   code that deletes anything) — it is the village's only copy of its records — and it
;   says where the data stays.
; - Chinese: Inno Setup's ChineseSimplified.isl is used when the compiler has it (it is an
;   unofficial translation in older releases and not installed with them); otherwise the
;   English messages with the Chinese texts below for every page this installer shows.
; This file is UTF-8 with a byte-order mark (Inno Setup reads non-ASCII scripts that way).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\qunzhong.iss
#endif
#define AppName "群众工作站"
#define AppExe "qunzhong-desktop.exe"
#define DistDir "..\..\dist\qunzhong-desktop"

[Setup]
AppId={{6B0F3C52-9A47-4E8B-A0D2-3C1B7E5F9D21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=群众工作站桌面版开发组
AppComments=村群众工作站与乡镇群众工作办：户籍、联系卡、受理登记、民情日记、台账月报和 U 盘同步
DefaultDirName={localappdata}\Programs\qunzhong-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=qunzhong-desktop-{#AppVersion}-setup
SetupIconFile=qunzhong.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinese"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #define ChineseFallback
Name: "chinese"; MessagesFile: "compiler:Default.isl"
#endif

#ifdef ChineseFallback
[LangOptions]
chinese.LanguageName=简体中文
chinese.LanguageID=$0804

[Messages]
chinese.SetupAppTitle=安装
chinese.SetupWindowTitle=安装 - %1
chinese.UninstallAppTitle=卸载
chinese.UninstallAppFullTitle=%1 卸载
chinese.ButtonBack=< 上一步(&B)
chinese.ButtonNext=下一步(&N) >
chinese.ButtonInstall=安装(&I)
chinese.ButtonOK=确定
chinese.ButtonCancel=取消
chinese.ButtonYes=是(&Y)
chinese.ButtonNo=否(&N)
chinese.ButtonFinish=完成(&F)
chinese.ButtonBrowse=浏览(&R)...
chinese.ExitSetupTitle=退出安装
chinese.ExitSetupMessage=安装尚未完成。现在退出，程序将不会被安装。%n%n您可以以后再运行安装程序完成安装。%n%n退出安装吗？
chinese.WelcomeLabel1=欢迎使用 [name] 安装向导
chinese.WelcomeLabel2=即将在您的电脑上安装 [name/ver]。%n%n安装只用于当前 Windows 用户，不需要管理员权限。
chinese.WizardSelectDir=选择安装位置
chinese.SelectDirDesc=要把 [name] 安装到哪里？
chinese.SelectDirLabel3=安装程序将把 [name] 安装到下面的文件夹。
chinese.SelectDirBrowseLabel=点击“下一步”继续。如果要选择其他文件夹，请点击“浏览”。
chinese.WizardSelectTasks=选择附加任务
chinese.SelectTasksDesc=要执行哪些附加任务？
chinese.SelectTasksLabel2=请选择安装 [name] 时要执行的附加任务，然后点击“下一步”。
chinese.WizardReady=准备安装
chinese.ReadyLabel1=安装程序已准备好在您的电脑上安装 [name]。
chinese.ReadyLabel2a=点击“安装”开始安装；要查看或修改设置，请点击“上一步”。
chinese.ReadyLabel2b=点击“安装”开始安装。
chinese.ReadyMemoDir=安装位置：
chinese.ReadyMemoTasks=附加任务：
chinese.WizardInstalling=正在安装
chinese.InstallingLabel=正在安装 [name]，请稍候。
chinese.StatusExtractFiles=正在复制文件...
chinese.StatusCreateIcons=正在创建快捷方式...
chinese.FinishedHeadingLabel=[name] 安装完成
chinese.FinishedLabelNoIcons=[name] 已安装到您的电脑上。
chinese.FinishedLabel=[name] 已安装到您的电脑上。可以从开始菜单中的“群众工作站”启动。
chinese.ClickFinish=点击“完成”退出安装程序。
chinese.ConfirmUninstall=确定要卸载 %1 吗？（数据文件夹不会被删除。）
chinese.WizardUninstalling=卸载
chinese.StatusUninstalling=正在卸载 %1...
chinese.UninstallStatusLabel=正在从您的电脑上卸载 %1，请稍候。
chinese.UninstalledAll=%1 已从您的电脑上卸载。
#endif

[CustomMessages]
chinese.CreateDesktopIcon=在桌面上创建快捷方式(&D)
chinese.AdditionalIcons=附加快捷方式：
chinese.LaunchProgram=运行 %1
chinese.AppComment=群众工作站桌面版
chinese.DataKept=程序已卸载。群众工作站的数据没有删除，仍在：%n%n%1%n%n重新安装后会继续使用这些数据。如果确实不再需要，请先备份，再手动删除这个文件夹。

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; the whole frozen folder: qunzhong-desktop.exe, qunzhong.exe and _internal\
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [UninstallRun]: the uninstaller removes exactly what
; [Files] and [Icons] installed, never %LOCALAPPDATA%\qunzhong-desktop (the data).

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\qunzhong-desktop')]),
      mbInformation, MB_OK);
end;
