#!/usr/bin/env bash
# Made with qunzhong-desktop at commit ce3b564 (schema 0010, before assistance cases): a
# township and a station enrolled by fingerprint; the station holds a small demo village
# with help records (帮扶记录) that name no need, and the township imported its first bundle.
# Run from an empty folder with Q pointing at that program (e.g.
# Q="python -m qunzhong_desktop" and PYTHONPATH=<checkout of ce3b564>/src).
set -euo pipefail
Q=${Q:-qunzhong}; export QUNZHONG_PASSPHRASE=release-0010
$Q --home township init township --code 431381100 --name 铎山镇群众工作办 --phone 0731-84560000
$Q --home township station-kit --out kit.qzkit
$Q --home station init station --code 431381100201 --name 新塘村群众工作站 \
   --township-code 431381100 --township-name 铎山镇 --phone 0731-84561234 --kit kit.qzkit
fp=$($Q --home station enrollment --out station.qzenroll | tail -1)
$Q --home township enroll station.qzenroll --fingerprint "$fp"
$Q --home station demo --households 40 --items 6 --seed 7
$Q --home station export-bundle --out out
$Q --home township import-bundle out/*.qzb
rm -rf kit.qzkit station.qzenroll out station/backups township/backups
