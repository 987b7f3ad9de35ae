#!/usr/bin/env python3
"""Hot methods of a JFR recording: `jfr print --events jdk.ExecutionSample rec.jfr | jfr-hot.py [MUST_CONTAIN] [N]`.
Prints self and inclusive sample counts of the samples whose stack contains MUST_CONTAIN (e.g. HuyingLifecycle)."""
import re, sys, collections
must = sys.argv[1] if len(sys.argv) > 1 else ''
n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
self_c, incl = collections.Counter(), collections.Counter()
total = 0
for ev in sys.stdin.read().split('jdk.ExecutionSample')[1:]:
    frames = re.findall(r'^\s+([\w\.$<>]+)\(', ev, re.M)
    if not frames or (must and not any(must in f for f in frames)):
        continue
    total += 1
    self_c[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
print(f'samples: {total}')
print('--- self')
for k, v in self_c.most_common(n):
    print(f'{100.0*v/total:5.1f}% {k}')
print('--- inclusive')
for k, v in incl.most_common(n * 2):
    print(f'{100.0*v/total:5.1f}% {k}')
