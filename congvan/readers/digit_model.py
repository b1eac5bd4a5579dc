"""Handwritten digits read with PaddleOCR's PP-OCRv4 recognition model, decoded as digits only.

Tesseract reads print well and handwriting badly; the văn thư writes the số and the day in by hand. The PP-OCRv4
text-line model (ONNX, shipped inside the `rapidocr-onnxruntime` wheel, run with onnxruntime) was trained on far
more varied writing. Its per-frame character scores are decoded twice: freely, and restricted to the ten digits
(a field that must be digits reads 'g' as 9). A read counts only when both decodings see the same number of
glyphs, so a glyph the model cannot take for a digit ('m13' for 1413) is never silently dropped.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_MODEL = "models/ch_PP-OCRv4_rec_infer.onnx"
_HEIGHT = 48  # the model's input height
_MIN_WIDTH = 320


@dataclass(frozen=True)
class Read:
    """One decoding of an image: the digits, the glyphs read freely, the lowest digit score."""

    digits: str
    glyphs: str
    confidence: float

    @property
    def whole(self) -> bool:
        """Every glyph the model saw was read as a digit."""
        return bool(self.digits) and len(self.digits) == len(self.glyphs)


def model_path() -> Path | None:
    """The ONNX file inside the installed rapidocr-onnxruntime package (found without importing it: its
    __init__ needs OpenCV's GUI libraries, which we do not use)."""
    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / _MODEL
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _model():  # noqa: ANN202 - (onnxruntime session, vocabulary, digit indices)
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # documents and pages already run in parallel
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(str(model_path()), options, providers=["CPUExecutionProvider"])
    vocabulary = ["", *session.get_modelmeta().custom_metadata_map["character"].splitlines(), " "]
    digits = [i for i, c in enumerate(vocabulary) if len(c) == 1 and c in "0123456789"]
    return session, vocabulary, digits


def _tensor(image):  # noqa: ANN001, ANN202 - PIL image in, numpy array out
    """The model's input: BGR, height 48, scaled to [-1, 1], right-padded to at least 320 wide."""
    import numpy as np

    image = image.convert("RGB")
    width = max(1, round(image.width * _HEIGHT / image.height))
    pixels = np.asarray(image.resize((width, _HEIGHT)), dtype=np.float32)[:, :, ::-1] / 255.0
    batch = np.zeros((1, 3, _HEIGHT, max(width, _MIN_WIDTH)), dtype=np.float32)
    batch[0, :, :, :width] = ((pixels - 0.5) / 0.5).transpose(2, 0, 1)
    return batch


def _collapse(indices) -> list[tuple[int, int]]:  # noqa: ANN001
    """CTC: (frame, class) of each new non-blank class."""
    kept, previous = [], 0
    for frame, index in enumerate(int(i) for i in indices):
        if index and index != previous:
            kept.append((frame, index))
        previous = index
    return kept


def read(image) -> Read:  # noqa: ANN001 - a PIL image
    """Decode one image of a written-in field."""
    session, vocabulary, digits = _model()
    scores = session.run(None, {session.get_inputs()[0].name: _tensor(image)})[0][0]  # frames × classes
    glyphs = "".join(vocabulary[i] for _, i in _collapse(scores.argmax(1)))
    restricted = scores[:, [0, *digits]]
    kept = _collapse(restricted.argmax(1))
    found = "".join(vocabulary[digits[i - 1]] for _, i in kept)
    confidence = min((float(restricted[frame, i]) for frame, i in kept), default=0.0)
    return Read(found, "".join(c for c in glyphs if not c.isspace() and c not in ".,'`"), confidence)
