#!/usr/bin/env python3
"""Side by side: Parliament (duo-labs, PyPI `parliament`) and `palisade scan` on the same IAM
policy files, per finding kind.

    python3 -m venv /tmp/parliament-venv && /tmp/parliament-venv/bin/pip install parliament
    scripts/compare_parliament.py --parliament /tmp/parliament-venv/bin/parliament \
        --palisade target/release/palisade ../shared/corpus/iam-policies [--list KIND]

For every Parliament issue kind and every Palisade check it prints how many findings and how
many files each tool reports; for the kinds that mean the same thing (PAIRS) it also prints the
files both report, and the files only one of them reports. `--list KIND` prints those files
(KIND is a Parliament issue or a Palisade check id of a pair) so each disagreement can be read.
"""
import argparse, collections, json, os, subprocess, sys

# Parliament issues -> Palisade checks with the same meaning (compared as one row).
PAIRS = [
    (["RESOURCE_STAR"], ["aws-iam-write-on-all-resources"]),
    (["UNKNOWN_ACTION", "UNKNOWN_PREFIX"], ["aws-iam-unknown-action"]),
    (["PRIVILEGE_ESCALATION"], ["aws-iam-privilege-escalation"]),
]


def parliament(binary, root):
    # With the community auditors: PRIVILEGE_ESCALATION is one of them.
    p = subprocess.run([binary, "--directory", root, "--json", "--include-community-auditors"],
                       capture_output=True, text=True)
    out = collections.defaultdict(lambda: collections.defaultdict(int))
    for line in p.stdout.splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        f = os.path.basename(d.get("location", {}).get("filepath") or "")
        out[d["issue"]][f] += 1
    return out


def palisade(binary, root):
    p = subprocess.run([binary, "scan", "--format", "json", root], capture_output=True, text=True)
    data = json.loads(p.stdout)
    out = collections.defaultdict(lambda: collections.defaultdict(int))
    for f in data["findings"]:
        out[f["check"]][os.path.basename(f["file"])] += 1
    return out, data.get("errors", [])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parliament", required=True)
    ap.add_argument("--palisade", required=True)
    ap.add_argument("--list", action="append", default=[])
    ap.add_argument("root")
    a = ap.parse_args()
    par = parliament(a.parliament, a.root)
    pal, errors = palisade(a.palisade, a.root)

    def total(d):
        return sum(d.values())

    print(f"{'Parliament issue':38} {'findings':>8} {'files':>6}   {'Palisade check':32} "
          f"{'findings':>8} {'files':>6} {'both':>5} {'only P':>6} {'only pal':>8}")

    def files(d, keys):
        return set().union(*(set(d[k]) for k in keys)) if keys else set()

    paired_par, paired_pal = set(), set()
    for issues, checks in PAIRS:
        paired_par.update(issues)
        paired_pal.update(checks)
        pf, lf = files(par, issues), files(pal, checks)
        np, nl = sum(total(par[i]) for i in issues), sum(total(pal[c]) for c in checks)
        print(f"{' + '.join(issues):38} {np:>8} {len(pf):>6}   {', '.join(checks):32} {nl:>8} "
              f"{len(lf):>6} {len(pf & lf):>5} {len(pf - lf):>6} {len(lf - pf):>8}")
        for kind in a.list:
            if kind in issues or kind in checks:
                print(f"  only Parliament: {' '.join(sorted(pf - lf))}")
                print(f"  only Palisade:   {' '.join(sorted(lf - pf))}")
    for issue in sorted(par, key=lambda k: -total(par[k])):
        if issue not in paired_par:
            print(f"{issue:38} {total(par[issue]):>8} {len(par[issue]):>6}   {'(none)':32}")
    for check in sorted(pal, key=lambda k: -total(pal[k])):
        if check not in paired_pal:
            print(f"{'(none)':38} {'':>8} {'':>6}   {check:32} {total(pal[check]):>8} {len(pal[check]):>6}")
    print(f"palisade errors: {len(errors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
