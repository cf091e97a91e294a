"""Reference MT19937 outputs from numpy's legacy RandomState (Matsumoto-Nishimura init_genrand seeding).

raw: the first 32-bit outputs (randint over the full uint32 range draws one raw word each);
uniform: random_sample(), i.e. genrand_res53 = (a >> 5, b >> 6) -> (a * 2^26 + b) / 2^53.

Run: python3 mt19937.py > mt19937.json
"""
import json

import numpy as np

out = {"source": "mt19937.py (numpy " + np.__version__ + ")", "seeds": {}}
for seed in (1, 42, 20240607):
    raw = np.random.RandomState(seed).randint(0, 2**32, size=5, dtype=np.uint64).tolist()
    uni = np.random.RandomState(seed).random_sample(5).tolist()
    out["seeds"][str(seed)] = {"raw": raw, "uniform": uni}
print(json.dumps(out, indent=1))
