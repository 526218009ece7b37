#!/usr/bin/env python3
"""Reference values for the multi-class (softmax) and soft-target focal losses.

Computed from the definitions with mpmath at 80 significant digits and rounded
to the nearest double at the end (the inputs are doubles, taken exactly):

  softmax:     p = softmax(z), FL = -alpha_c (1 - p_c)^gamma ln p_c
  soft target: p = sigmoid(x), p_t = p y + (1 - p)(1 - y),
               alpha_t = alpha y + (1 - alpha)(1 - y) (1 when alpha is null),
               FL = alpha_t (1 - p_t)^gamma [y softplus(-x) + (1 - y) softplus(x)]

Gradients by mpmath's numerical differentiation of those definitions, so they
do not share the module's closed forms. Deterministic (seeded).

Run: python3 scripts/reference/multiclass.py  (writes tests/reference/multiclass-focal.json)
"""
import json
import random
from pathlib import Path

import mpmath as mp

mp.mp.dps = 80
OUT = Path(__file__).resolve().parents[2] / "tests" / "reference" / "multiclass-focal.json"


def softmax_fl(z, c, gamma, alpha_c):
    zs = [mp.mpf(v) for v in z]
    m = max(zs)
    total = mp.fsum(mp.exp(v - m) for v in zs)
    p_c = mp.exp(zs[c] - m) / total
    one_minus = mp.fsum(mp.exp(v - m) for j, v in enumerate(zs) if j != c) / total
    ce = -mp.log(p_c)
    return alpha_c * one_minus ** gamma * ce if gamma != 0 else alpha_c * ce, p_c, one_minus, ce


def softmax_case(z, c, gamma, alpha):
    k = len(z)
    alpha_c = mp.mpf(1) if alpha is None else mp.mpf(alpha if isinstance(alpha, float) else alpha[c])
    g = mp.mpf(gamma)
    fl, p_c, q, ce = softmax_fl(z, c, g, alpha_c)
    grad = []
    for j in range(k):
        def f(t, j=j):
            zz = list(map(mp.mpf, z))
            zz[j] = zz[j] + t
            return softmax_fl(zz, c, g, alpha_c)[0]
        grad.append(float(mp.diff(f, 0)))
    return {
        "logits": z, "target": c, "gamma": gamma, "alpha": alpha,
        "pt": float(p_c), "one_minus_pt": float(q), "ce": float(ce), "fl": float(fl), "grad": grad,
    }


def soft_fl(x, y, gamma, alpha):
    x = mp.mpf(x)
    y = mp.mpf(y)
    p = 1 / (1 + mp.exp(-x))
    not_p = 1 / (1 + mp.exp(x))
    q = y * not_p + (1 - y) * p
    pt = y * p + (1 - y) * not_p
    ce = y * mp.log1p(mp.exp(-x)) + (1 - y) * mp.log1p(mp.exp(x))
    w = mp.mpf(1) if alpha is None else mp.mpf(alpha) * y + (1 - mp.mpf(alpha)) * (1 - y)
    mod = q ** mp.mpf(gamma) if gamma != 0 else mp.mpf(1)
    return w * mod * ce, pt, q, ce


def soft_case(x, y, gamma, alpha):
    fl, pt, q, ce = soft_fl(x, y, gamma, alpha)
    dfl = mp.diff(lambda t: soft_fl(mp.mpf(x) + t, y, gamma, alpha)[0], 0)
    # Size of the two terms of the gradient, so a test can tell cancellation from error.
    p = 1 / (1 + mp.exp(-mp.mpf(x)))
    w = mp.mpf(1) if alpha is None else mp.mpf(alpha) * mp.mpf(y) + (1 - mp.mpf(alpha)) * (1 - mp.mpf(y))
    mod = q ** mp.mpf(gamma) if gamma != 0 else mp.mpf(1)
    ratio = p * (1 - p) / q if q != 0 else mp.mpf(0)
    scale = w * mod * (abs(mp.mpf(gamma) * (1 - 2 * mp.mpf(y)) * ratio * ce) + abs(p - mp.mpf(y)))
    return {
        "logit": x, "y": y, "gamma": gamma, "alpha": alpha,
        "pt": float(pt), "one_minus_pt": float(q), "ce": float(ce), "fl": float(fl),
        "dfl_dlogit": float(dfl), "grad_scale": float(scale),
    }


def main():
    rng = random.Random(20260112)
    gammas = [0.0, 0.5, 1.0, 2.0, 5.0]
    softmax_cases = []
    for k in (2, 3, 5, 10):
        for i in range(60):
            spread = [1.0, 5.0, 20.0][i % 3]
            z = [rng.uniform(-spread, spread) for _ in range(k)]
            c = rng.randrange(k)
            if i % 6 == 5:
                z[c] = max(z) + rng.uniform(5.0, 30.0)  # a confident, correct example: q tiny
            gamma = gammas[i % 5] if i < 40 else rng.uniform(0.0, 5.0)
            choice = i % 3
            alpha = None if choice == 0 else (rng.uniform(0.05, 0.95) if choice == 1 else [rng.uniform(0.05, 2.0) for _ in range(k)])
            softmax_cases.append(softmax_case(z, c, gamma, alpha))

    soft_cases = []
    for i in range(300):
        x = rng.uniform(-30.0, 30.0) if i % 2 else rng.uniform(-6.0, 6.0)
        y = [0.0, 1.0][i % 2] if i % 5 == 0 else (rng.choice([0.05, 0.1, 0.9, 0.95]) if i % 5 == 1 else rng.random())
        gamma = gammas[i % 5] if i < 200 else rng.uniform(0.0, 5.0)
        alpha = None if i % 4 == 0 else rng.uniform(0.0, 1.0)
        soft_cases.append(soft_case(x, y, gamma, alpha))

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "generator": "scripts/reference/multiclass.py",
        "mpmath": mp.__version__,
        "digits": mp.mp.dps,
        "softmax": softmax_cases,
        "soft_target": soft_cases,
    }, indent=1) + "\n")
    print(f"wrote {len(softmax_cases)} softmax and {len(soft_cases)} soft-target cases to {OUT}")


if __name__ == "__main__":
    main()
