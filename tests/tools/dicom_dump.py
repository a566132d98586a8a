"""Reads a DICOM file with pydicom (an independent implementation) and prints, as JSON, what
the Rust reader must agree with: size, photometric interpretation, bits, and stored pixel
values at fixed positions. With no argument, prints the path of pydicom-data's RG1_UNCR.dcm."""
import json
import os
import sys

import pydicom


def main():
    if len(sys.argv) < 2:
        import data_store
        print(os.path.join(os.path.dirname(data_store.__file__), "data", "RG1_UNCR.dcm"))
        return
    d = pydicom.dcmread(sys.argv[1])
    a = d.pixel_array
    rows, cols = a.shape
    picks = [(0, 0), (rows // 2, cols // 2), (rows // 3, cols // 4), (rows - 1, cols - 1), (1000, 1000)]
    print(json.dumps({
        "rows": int(rows),
        "columns": int(cols),
        "photometric": str(d.PhotometricInterpretation),
        "bits_stored": int(d.BitsStored),
        "min": int(a.min()),
        "max": int(a.max()),
        "picks": [[int(r), int(c), int(a[r, c])] for r, c in picks],
    }))


if __name__ == "__main__":
    main()
