"""Images (.png, .jpg, .tif — phone photos and scans): every frame read by Tesseract."""

from __future__ import annotations

from congvan.layout import Layout, Line, ReadError
from congvan.readers import ocr, rereads

DPI = 300


def read(path: str) -> Layout:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(path)
    except (UnidentifiedImageError, OSError) as exc:
        raise ReadError(f"not a readable image ({exc})") from exc
    lines: list[Line] = []
    found = rereads.Rereads()
    frames = getattr(image, "n_frames", 1)
    try:
        for index in range(frames):
            image.seek(index)
            frame, scale = _frame(image)
            page, turn = ocr.read_page(frame.convert("L"), index + 1, scale)
            found.page(found.upright(frame, turn, index), page, index, scale)
            lines.extend(page)
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise ReadError(f"damaged image ({exc})") from exc
    layout = Layout(path=path, format="image", lines=lines, pages=frames, ocr=True, ocr_pages=frames,
                    warnings=["read by OCR from an image"])
    found.into(layout)
    return layout


def _frame(image):  # noqa: ANN001, ANN202 - PIL images
    """One frame in colour and its pixels per point (small photos upscaled so that 12-pt text is ~40 px high)."""
    from PIL import ImageOps

    frame = ImageOps.exif_transpose(image).convert("RGB")
    dpi = (image.info.get("dpi") or (DPI, DPI))[0] or DPI
    scale = float(dpi) / 72
    if frame.width < 1500:
        factor = 1500 / frame.width
        frame = frame.resize((1500, round(frame.height * factor)))
        scale *= factor
    return frame, scale
