"""What a scan's first OCR pass lost, read again on crops of the page (shared by the PDF and image readers)."""

from __future__ import annotations

from dataclasses import dataclass, field

from congvan.layout import Layout, Line
from congvan.readers import header_scan, signature_scan


@dataclass
class Rereads:
    """Warnings, confidences and recovered values gathered over one document's OCR'd pages."""

    warnings: list[str] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)
    recovered: dict[str, str] = field(default_factory=dict)

    def page(self, colour, lines: list[Line], index: int, scale: float) -> None:  # noqa: ANN001 - a PIL image
        """The written-in số on the first page (lines patched in place); a signer's name lost under the seal."""
        if index == 0:
            notes, confidence = header_scan.reread(colour, lines, scale)
            self.warnings += notes
            self.confidence.update(confidence)
        start = signature_scan.needs_reread(lines)
        name = signature_scan.reread_name(colour, start, scale) if start else None
        if name:
            self.recovered["signer.name"] = name

    def upright(self, colour, turn: int, index: int):  # noqa: ANN001, ANN201 - PIL images
        """The colour page turned as its OCR was (so crops match the lines' positions), with a warning."""
        if not turn:
            return colour
        self.warnings.append(f"page {index + 1} was scanned turned; read after turning it {turn}° clockwise")
        return colour.rotate(-turn, expand=True)

    def into(self, layout: Layout) -> None:
        """Put the findings on the layout (the re-read warnings first, whatever the order pages were read in)."""
        layout.warnings[:0] = self.warnings
        layout.confidence.update(self.confidence)
        layout.recovered.update(self.recovered)
