"""The same sleep-staging architecture as crates/ml/src/model.rs, built as an ONNX graph from the
Burn model's own weights (safetensors), run by onnxruntime on the same normalised epochs.

Usage: onnx_sleep.py WEIGHTS.safetensors EPOCHS.f32 BURN_PROBS.f32 N REPS
Prints one JSON line: median seconds per night, max |p_onnx - p_burn|, argmax agreement.
"""
import json
import math
import sys
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
from safetensors.numpy import load_file


def adaptive_avg_matrix(length, out):
    # PyTorch/Burn adaptive pooling windows: [floor(i*L/out), ceil((i+1)*L/out)).
    m = np.zeros((length, out), dtype=np.float32)
    for i in range(out):
        a = (i * length) // out
        b = math.ceil((i + 1) * length / out)
        m[a:b, i] = 1.0 / (b - a)
    return m


def build(w):
    inits = []

    def init(name, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr.astype(np.float32)), name))
        return name

    nodes = []

    def conv(x, name, out, stride=1, pads=(0, 0)):
        nodes.append(helper.make_node(
            "Conv", [x, init(f"{name}.w", w[f"{name}.weight"]), init(f"{name}.b", w[f"{name}.bias"])],
            [out], strides=[stride], pads=list(pads)))
        return out

    def relu(x, out):
        nodes.append(helper.make_node("Relu", [x], [out]))
        return out

    def maxpool(x, out):
        nodes.append(helper.make_node("MaxPool", [x], [out], kernel_shape=[4], strides=[4]))
        return out

    x = maxpool(relu(conv("x", "conv1", "c1", stride=6), "r1"), "p1")
    x = maxpool(relu(conv(x, "conv2", "c2", pads=(4, 3)), "r2"), "p2")
    x = relu(conv(x, "conv3", "c3", pads=(4, 3)), "r3")  # [n, 32, 30]
    nodes.append(helper.make_node("MatMul", [x, init("pool", adaptive_avg_matrix(30, 4))], ["p3"]))
    inits.append(numpy_helper.from_array(np.array([-1, 128], dtype=np.int64), "shape128"))
    nodes.append(helper.make_node("Reshape", ["p3", "shape128"], ["flat"]))
    # Burn's Linear keeps weights as [in, out]: y = x W + b.
    nodes.append(helper.make_node("MatMul", ["flat", init("embed.w", w["embed.weight"])], ["e0"]))
    nodes.append(helper.make_node("Add", ["e0", init("embed.b", w["embed.bias"])], ["e1"]))
    relu("e1", "feat")  # [n, 64]
    nodes.append(helper.make_node("Transpose", ["feat"], ["featT"], perm=[1, 0]))
    inits.append(numpy_helper.from_array(np.array([0], dtype=np.int64), "axis0"))
    nodes.append(helper.make_node("Unsqueeze", ["featT", "axis0"], ["seq"]))
    conv("seq", "context", "ctx0", pads=(3, 3))
    relu("ctx0", "ctx1")
    nodes.append(helper.make_node("Squeeze", ["ctx1", "axis0"], ["ctx2"]))
    nodes.append(helper.make_node("Transpose", ["ctx2"], ["ctx"], perm=[1, 0]))
    nodes.append(helper.make_node("Concat", ["feat", "ctx"], ["both"], axis=1))
    nodes.append(helper.make_node("MatMul", ["both", init("head.w", w["head.weight"])], ["h0"]))
    nodes.append(helper.make_node("Add", ["h0", init("head.b", w["head.bias"])], ["logits"]))
    nodes.append(helper.make_node("Softmax", ["logits"], ["probs"], axis=1))
    graph = helper.make_graph(
        nodes, "sleepnet",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 1, 3000])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["n", 5])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    return model


def main():
    weights, epochs, probs, n, reps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    w = load_file(weights)
    x = np.fromfile(epochs, dtype=np.float32).reshape(n, 1, 3000)
    burn = np.fromfile(probs, dtype=np.float32).reshape(n, 5)
    sess = ort.InferenceSession(build(w).SerializeToString(), providers=["CPUExecutionProvider"])
    out = sess.run(None, {"x": x})[0]
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        sess.run(None, {"x": x})
        times.append(time.perf_counter() - t)
    times.sort()
    print(json.dumps({
        "seconds": times[len(times) // 2],
        "max_abs_diff": float(np.abs(out - burn).max()),
        "argmax_agreement": float((out.argmax(1) == burn.argmax(1)).mean()),
        "onnxruntime": ort.__version__,
    }))


if __name__ == "__main__":
    main()
