#!/usr/bin/env bash
# Made with qunzhong-desktop 0.1.0 (commit b43e6f0), the release before the sync-order fix:
# a township and a station enrolled by fingerprint; the station imported a messy roster,
# registered and moved items, exported its first bundle (which the
# 0.1.0 township refuses: the person inserts precede the household inserts in its outbox).
set -euo pipefail
Q=${Q:-qunzhong}; R=${R:-roster_messy.xlsx}; export QUNZHONG_PASSPHRASE=release-0.1.0
$Q --home township init township --code 431381100 --name 铎山镇群众工作办 --phone 0731-84560000
$Q --home township station-kit --out kit.qzkit
$Q --home station init station --code 431381100201 --name 新塘村群众工作站 \
   --township-code 431381100 --township-name 铎山镇 --phone 0731-84561234 --kit kit.qzkit
fp=$($Q --home station enrollment --out station.qzenroll | tail -1)
$Q --home township enroll station.qzenroll --fingerprint "$fp"
$Q --home station import-roster "$R" --report errors.xlsx
n1=$($Q --home station items add --requester-name 王大爷 --phone 13812345678 --channel 来访 \
   --domain 社会保障 --grade B --type 承诺件 --content "咨询养老保险补缴" | tail -1)
$Q --home station items move "$n1" 办理中 --note 已安排专人
n2=$($Q --home station items add --requester-name 李四 --channel 来电 --domain 基础设施 \
   --grade A --type 上报件 --content "村道塌方需要修复" | tail -1)
$Q --home station export-bundle --out out
