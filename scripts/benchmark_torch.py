#!/usr/bin/python3
"""How long one SGD step of the lecture's MLP takes in PyTorch eager mode on one thread.

The model and batch are makemore part 2's: context B 3, embedding d 10, hidden H 200 tanh,
minibatch 32 drawn with torch.randint, plain SGD at lr 0.1, written as in the lecture. After a
warm-up it times --steps steps and prints one JSON object on stdout. scripts/benchmark.mjs runs
it beside the native and WASM builds; by hand:
    /usr/bin/python3 scripts/benchmark_torch.py --data tests/data/names.txt [--steps 20000]
"""
import argparse
import json
import os
import re
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # read when torch loads OpenBLAS, if it is the BLAS
import torch
import torch.nn.functional as F

CONTEXT, EMBED, HIDDEN, BATCH, LR, WARMUP = 3, 10, 200, 32, 0.1, 300


def dataset(words):
    """(context, next symbol) pairs of every word, '.' (id 0) the boundary, as in the lecture."""
    symbols = ["."] + sorted(set("".join(words)))
    stoi = {s: i for i, s in enumerate(symbols)}
    xs, ys = [], []
    for word in words:
        context = [0] * CONTEXT
        for symbol in word + ".":
            xs.append(context)
            ys.append(stoi[symbol])
            context = context[1:] + [stoi[symbol]]
    return torch.tensor(xs), torch.tensor(ys), len(symbols)


def parameters(vocab, generator):
    # C (V, d), W1 (B*d, H), b1 (H), W2 (H, V), b2 (V)
    shapes = [(vocab, EMBED), (CONTEXT * EMBED, HIDDEN), (HIDDEN,), (HIDDEN, vocab), (vocab,)]
    params = [torch.randn(shape, generator=generator) * 0.1 for shape in shapes]
    for p in params:
        p.requires_grad = True
    return params


def step(params, X, Y, generator):
    C, W1, b1, W2, b2 = params
    ix = torch.randint(0, X.shape[0], (BATCH,), generator=generator)
    emb = C[X[ix]]                                           # (batch, B, d)
    h = torch.tanh(emb.view(-1, CONTEXT * EMBED) @ W1 + b1)  # (batch, H)
    logits = h @ W2 + b2                                     # (batch, V)
    loss = F.cross_entropy(logits, Y[ix])
    for p in params:
        p.grad = None
    loss.backward()
    for p in params:
        p.data += -LR * p.grad


def blas_library():
    """The BLAS this process loaded: Debian's torch calls whichever libblas.so.3 the loader finds
    first (the system's alternative, or the folder LD_LIBRARY_PATH names: scripts/benchmark.mjs
    chooses one), so the answer is the folder of the libblas.so.3 mapped into this process."""
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = {os.path.realpath(line.split()[-1]) for line in maps if os.path.basename(line.split()[-1]).startswith("libblas.so")}
    if any("openblas" in path for path in paths):
        return "OpenBLAS"
    if any("/blas/libblas" in path for path in paths):
        return "reference BLAS (netlib)"
    return ", ".join(sorted(paths)) or "no libblas.so.3"


def blas_config():
    """The BLAS torch was built against, as torch.__config__.show() names it (Debian's: "generic",
    the libblas.so.3 interface, whichever library fills it)."""
    found = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    return found.group(1) if found else "not named"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="text file, one example a line")
    parser.add_argument("--steps", type=int, default=20000, help="steps to time")
    args = parser.parse_args()
    if args.steps < 1:
        parser.error(f"--steps {args.steps} is not 1 or more")
    torch.set_num_threads(1)
    with open(args.data, encoding="utf-8") as f:
        words = f.read().splitlines()
    generator = torch.Generator().manual_seed(42)
    X, Y, vocab = dataset([w for w in words if w])
    params = parameters(vocab, generator)
    for _ in range(WARMUP):
        step(params, X, Y, generator)
    start = time.perf_counter()
    for _ in range(args.steps):
        step(params, X, Y, generator)
    seconds = time.perf_counter() - start
    print(json.dumps({"runtime": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "blas": blas_library(), "blas_config": blas_config(), "vocab": vocab, "steps": args.steps, "seconds": seconds,
                      "ms_per_step": seconds * 1000 / args.steps}))


if __name__ == "__main__":
    main()
