#!/usr/bin/python3
"""Generate golden reference values for the Embedding Lab C++ unit tests.

This script uses PyTorch to compute, for small fixed-size problems:

  * embedding      -- lookup ``table[ids]`` and the gradient w.r.t. the table
                      (rows of repeated ids accumulate; unused rows stay zero);
  * one_hot_linear -- ``one_hot(ids) @ W`` and ``x @ W`` for a dense ``x``,
                      with gradients w.r.t. ``W`` and ``x``;
  * softmax        -- ``softmax(logits / T)`` and ``log_softmax(logits / T)``
                      for several temperatures ``T``;
  * cross_entropy  -- mean cross-entropy loss and its gradient w.r.t. logits;
  * unembedding    -- tied (``h @ E.T``) and untied (``h @ W_U``) output
                      projections with their gradients;
  * word_model     -- the CBOW word model whole: the mean of the context
                      words' rows of E, logits ``h @ W_U + b`` (untied) or
                      ``h @ E.T + b`` (tied), the mean cross-entropy, and the
                      gradients of that loss w.r.t. E, W_U and b.

Every random input is drawn with torch in float32 and then converted to
float64, so inputs are exactly representable in float32.  All computation
(forward and autograd backward) is done in float64.  Gradients are those of
``sum(out * dout)`` for a random upstream gradient ``dout``, i.e. the
vector-Jacobian product ``dout`` pulled back through the operation.

The result is written to ``tests/golden/golden.json`` next to this script.
CI does not run this script; the JSON file is committed.  To regenerate it,
from the repository root run (Debian's python3, which has PyTorch):

    /usr/bin/python3 tests/golden/make_golden.py
"""

import json
import os

import torch
import torch.nn.functional as F

SEED = 20261124
OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")


def randn(*shape, scale=1.0):
    """Standard normal draw in float32 (times ``scale``), returned as float64."""
    return (torch.randn(*shape, dtype=torch.float32) * scale).double()


def leaf(t):
    """A float64 leaf tensor that records gradients."""
    return t.detach().clone().requires_grad_(True)


def pullback(out, dout, *inputs):
    """Gradients of sum(out * dout) w.r.t. each of ``inputs``."""
    return torch.autograd.grad((out * dout).sum(), inputs)


def embedding_case():
    V, d = 6, 4
    ids = torch.tensor([3, 1, 3, 5, 0])           # (B,) B=5; id 3 repeated on purpose
    B = ids.numel()
    table = leaf(randn(V, d))                     # (V, d)
    dout = randn(B, d)                            # (B, d)

    out = F.embedding(ids, table)                 # (B, d) = table[ids]
    (dtable,) = pullback(out, dout, table)        # (V, d)

    # Rows of ids that never occur must receive exactly zero gradient.
    for v in range(V):
        if v not in ids.tolist():
            assert torch.all(dtable[v] == 0.0), f"dtable row {v} not zero"

    return {
        "table": table.tolist(),
        "ids": ids.tolist(),
        "out": out.tolist(),
        "dout": dout.tolist(),
        "dtable": dtable.tolist(),
    }


def one_hot_linear_case():
    V, d = 6, 3
    ids = torch.tensor([4, 0, 2, 4, 1])           # (B,) B=5; id 4 repeated on purpose
    B = ids.numel()
    one_hot = F.one_hot(ids, num_classes=V).double()   # (B, V) of 0.0 / 1.0
    W = leaf(randn(V, d))                         # (V, d)
    dout = randn(B, d)                            # (B, d)
    x = leaf(randn(B, V))                         # (B, V) dense, not one-hot

    out = one_hot @ W                             # (B, d) = W[ids]
    (dW,) = pullback(out, dout, W)                # (V, d) = one_hot.T @ dout

    out_x = x @ W                                 # (B, d)
    (dx,) = pullback(out_x, dout, x)              # (B, V) = dout @ W.T

    return {
        "V": V,
        "ids": ids.tolist(),
        "one_hot": one_hot.tolist(),
        "W": W.tolist(),
        "out": out.tolist(),
        "dout": dout.tolist(),
        "dW": dW.tolist(),
        "x": x.tolist(),
        "out_x": out_x.tolist(),
        "dx": dx.tolist(),
    }


def softmax_case():
    B, V = 4, 7
    logits = randn(B, V, scale=3.0)               # (B, V)
    cases = []
    for T in [0.25, 0.5, 1.0, 2.0, 10.0]:
        probs = F.softmax(logits / T, dim=1)          # (B, V)
        row_sums = probs.sum(dim=1)                   # (B,)
        assert torch.all((row_sums - 1.0).abs() < 1e-12), f"T={T}: rows do not sum to 1"
        cases.append({
            "temperature": T,
            "probs": probs.tolist(),
        })
    return {"logits": logits.tolist(), "cases": cases}


def cross_entropy_case():
    B, V = 5, 7
    logits = leaf(randn(B, V, scale=2.0))         # (B, V)
    targets = torch.randint(0, V, (B,))           # (B,) class indices

    loss = F.cross_entropy(logits, targets, reduction="mean")   # scalar
    (dlogits,) = torch.autograd.grad(loss, logits)              # (B, V) = (softmax - onehot) / B

    return {
        "logits": logits.tolist(),
        "targets": targets.tolist(),
        "loss": loss.item(),
        "dlogits": dlogits.tolist(),
    }


def unembedding_case():
    B, d, V = 3, 4, 6
    h = leaf(randn(B, d))                         # (B, d) hidden states
    E = leaf(randn(V, d))                         # (V, d) embedding table (tied)
    W_U = leaf(randn(d, V))                       # (d, V) separate unembedding
    dlogits = randn(B, V)                         # (B, V) upstream gradient

    logits_tied = h @ E.T                         # (B, V)
    dh_tied, dE = pullback(logits_tied, dlogits, h, E)        # (B, d), (V, d)

    logits_untied = h @ W_U                       # (B, V)
    dh_untied, dW_U = pullback(logits_untied, dlogits, h, W_U)  # (B, d), (d, V)

    return {
        "h": h.tolist(),
        "E": E.tolist(),
        "W_U": W_U.tolist(),
        "dlogits": dlogits.tolist(),
        "logits_tied": logits_tied.tolist(),
        "dh_tied": dh_tied.tolist(),
        "dE": dE.tolist(),
        "logits_untied": logits_untied.tolist(),
        "dh_untied": dh_untied.tolist(),
        "dW_U": dW_U.tolist(),
    }


def word_model_case():
    V, d, k = 7, 3, 1
    n = 2 * k
    contexts = torch.tensor([[0, 3], [5, 5], [2, 4], [6, 1]])   # (B, n) B=4; "5 5" repeats a word
    centres = torch.tensor([1, 4, 3, 0])                        # (B,)
    E = leaf(randn(V, d, scale=0.5))              # (V, d)
    W_U = leaf(randn(d, V, scale=0.5))            # (d, V)
    b = leaf(randn(V, scale=0.5))                 # (V,)
    assert contexts.shape[1] == n

    def forward(out_matrix):
        h = F.embedding(contexts, E).mean(dim=1)  # (B, d): the mean of each context's n rows
        logits = h @ out_matrix + b               # (B, V)
        loss = F.cross_entropy(logits, centres, reduction="mean")
        return h, logits, loss

    h, logits, loss = forward(W_U)
    dE, dW_U, db = torch.autograd.grad(loss, (E, W_U, b))      # (V, d), (d, V), (V,)
    _, logits_tied, loss_tied = forward(E.T)     # the same h
    dE_tied, db_tied = torch.autograd.grad(loss_tied, (E, b))  # (V, d), (V,)

    return {
        "window": k,
        "contexts": contexts.flatten().tolist(),  # B*n ids, context i in ids i*n .. i*n + n - 1
        "centres": centres.tolist(),
        "E": E.tolist(),
        "W_U": W_U.tolist(),
        "b": b.tolist(),
        "h": h.tolist(),
        "logits": logits.tolist(),
        "loss": loss.item(),
        "dE": dE.tolist(),
        "dW_U": dW_U.tolist(),
        "db": db.tolist(),
        "logits_tied": logits_tied.tolist(),
        "loss_tied": loss_tied.item(),
        "dE_tied": dE_tied.tolist(),
        "db_tied": db_tied.tolist(),
    }


def main():
    torch.manual_seed(SEED)
    # The cases draw random numbers in this order; changing it changes the file.
    golden = {
        "format": "embedlab-golden",
        "version": 1,
        "generator": f"tests/golden/make_golden.py, torch {torch.__version__}, float64",
        "seed": SEED,
        "embedding": embedding_case(),
        "one_hot_linear": one_hot_linear_case(),
        "softmax": softmax_case(),
        "cross_entropy": cross_entropy_case(),
        "unembedding": unembedding_case(),
        "word_model": word_model_case(),
    }
    with open(OUT_PATH, "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT_PATH}")


if __name__ == "__main__":
    main()
