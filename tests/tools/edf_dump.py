"""Reads an EDF/EDF+/BDF file with pyedflib (an independent implementation) and prints what
the Rust reader must agree with, as JSON: labels, sample rates, sample counts, samples at
fixed positions in physical units, physical ranges and annotations."""
import json
import sys

import pyedflib


def main(path):
    r = pyedflib.EdfReader(path)
    out = {"signals": [], "annotations": []}
    for i in range(r.signals_in_file):
        x = r.readSignal(i)
        picks = sorted({0, 1, 2, len(x) // 3, len(x) // 2, len(x) - 1})
        out["signals"].append({
            "label": r.getLabel(i),
            "sample_rate": r.getSampleFrequency(i),
            "physical_min": r.getPhysicalMinimum(i),
            "physical_max": r.getPhysicalMaximum(i),
            "samples": len(x),
            "picks": [[p, float(x[p])] for p in picks],
        })
    onsets, durations, texts = r.readAnnotations()
    for o, d, t in zip(onsets, durations, texts):
        out["annotations"].append([float(o), float(d), t])
    r.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
