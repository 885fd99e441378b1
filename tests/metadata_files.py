"""Pictures that carry credits in their files, as cameras and agencies write them."""

import io
import struct
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from PIL import Image as PILImage

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "images"
IPTC_DATASETS = {
    "by_line": 80,
    "credit": 110,
    "source": 115,
    "copyright": 116,
    "caption": 120,
}
EXIF_TAGS = {"artist": 0x013B, "description": 0x010E, "copyright": 0x8298}


def sample(name: str) -> bytes:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample picture {path} is absent (see ../shared/samples/images/)")
    return path.read_bytes()


def xmp_packet(**properties: str) -> bytes:
    """XMP with the given properties, named prefix_name (dc_creator, photoshop_Credit...)."""
    namespaces = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "photoshop": "http://ns.adobe.com/photoshop/1.0/",
        "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
        "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
        "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    }
    structures = {
        "dc_creator": "<rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq>",
        "dc_description": '<rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt>',
        "dc_rights": '<rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt>',
        "Iptc4xmpCore_AltTextAccessibility": '<rdf:Alt><rdf:li xml:lang="de">Auf Deutsch</rdf:li><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt>',
        "plus_Licensor": '<rdf:Seq><rdf:li rdf:parseType="Resource"><plus:LicensorURL>{}</plus:LicensorURL></rdf:li></rdf:Seq>',
        "xmpRights_UsageTerms": '<rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt>',
    }
    body = ""
    for key, value in properties.items():
        tag = key.replace("_", ":", 1)
        body += f"<{tag}>{structures.get(key, '{}').format(escape(value))}</{tag}>"
    declarations = " ".join(f"xmlns:{p}={quoteattr(u)}" for p, u in namespaces.items())
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" {declarations}>{body}</rdf:Description>'
        "</rdf:RDF></x:xmpmeta>"
    ).encode()


def iptc_segment(**datasets: bytes) -> bytes:
    """A JPEG APP13 segment holding IPTC datasets, as Photoshop writes it."""
    iim = b"".join(
        b"\x1c\x02" + bytes([IPTC_DATASETS[name]]) + struct.pack(">H", len(v)) + v
        for name, v in datasets.items()
    )
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource + b"\x00" * (len(iim) % 2)
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with(*, xmp: bytes = b"", iptc: dict | None = None, exif: dict | None = None):
    """A small JPEG carrying the given XMP packet, IPTC datasets and EXIF tags."""
    options = {}
    if xmp:
        options["xmp"] = xmp
    if iptc:
        options["extra"] = iptc_segment(**iptc)
    if exif:
        tags = PILImage.Exif()
        for name, value in exif.items():
            tags[EXIF_TAGS[name]] = value
        options["exif"] = tags
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), (30, 90, 150)).save(buffer, "JPEG", **options)
    return buffer.getvalue()
