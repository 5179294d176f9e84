#!/usr/bin/env python3
"""Writes rng_stream.json: the first draws of the project's generator, computed independently.

The C++ generator (cpp/core/rng.cpp) is PCG32 with a Box-Muller normal. This script implements
the same algorithm again in plain Python, so the fixture does not come from the code it checks.
Both the native unit tests and the WASM tests under Node compare against it: the same seed must
give the same stream on both. Rerun with `python3 tests/golden/make_rng_stream.py`.
"""
import json
import math
import pathlib
import struct

MASK64 = (1 << 64) - 1
MULTIPLIER = 6364136223846793005


class Pcg32:
    def __init__(self, seed, stream=0):
        self.state = 0
        self.increment = ((stream << 1) | 1) & MASK64
        self.next_u32()
        self.state = (self.state + seed) & MASK64
        self.next_u32()

    def next_u32(self):
        old = self.state
        self.state = (old * MULTIPLIER + self.increment) & MASK64
        xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rotation = old >> 59
        return ((xorshifted >> rotation) | (xorshifted << ((32 - rotation) & 31))) & 0xFFFFFFFF

    def uniform(self):
        return (self.next_u32() >> 8) * 2.0**-24

    def normal(self):
        u1 = (self.next_u32() + 1.0) * 2.0**-32
        u2 = self.next_u32() * 2.0**-32
        value = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
        return float_round(value)

    def categorical(self, probs):
        total = sum(probs)
        u = self.uniform() * total
        cumulative, last = 0.0, 0
        for i, p in enumerate(probs):
            if p == 0:
                continue
            cumulative += p
            last = i
            if u < cumulative:
                return i
        return last


def float_round(x):
    """x rounded to the nearest float32, as the C++ code's static_cast<float>."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


def main():
    seed = 2026
    probs = [float_round(p) for p in (0.1, 0.0, 0.6, 0.3)]
    fixture = {
        "format": "embedlab-rng-stream",
        "version": 1,
        "seed": seed,
        "u32": draws(seed, "next_u32", 16),
        "uniform": draws(seed, "uniform", 16),
        "normal": draws(seed, "normal", 16),
        "categorical_probs": probs,
        "categorical": draws(seed, "categorical", 32, probs),
    }
    path = pathlib.Path(__file__).with_name("rng_stream.json")
    path.write_text(json.dumps(fixture, indent=1) + "\n")


def draws(seed, method, count, *args):
    """The first `count` results of `method` on a generator freshly seeded with `seed`."""
    rng = Pcg32(seed)
    return [getattr(rng, method)(*args) for _ in range(count)]


if __name__ == "__main__":
    main()
