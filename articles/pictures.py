"""The markup of every picture readers see. `picture(image, layout)`: one `<picture>`
of renditions (AVIF, then JPEG for browsers without it), never the original.
`figure(figure, layout)`: a picture with its caption and credit line. Pages call both
(articles.templating); feeds use the same widths."""

from django.utils.html import format_html

from articles import renditions

# How wide each layout shows a picture, for the browser to pick a rendition before the
# stylesheet arrives. Worked out from site.css: `main` is at most 72rem with 1rem
# padding; articles 46rem, their body 38rem; the card grid fits 16rem columns with
# 1.5rem gaps (1 column below 35.5rem, 2 below 53rem, 3 below 70.5rem, then 4); the
# lead card takes 3/5 of the row from 48rem; an author's photo is 10rem.
SIZES = {
    "featured": "(max-width: 48rem) calc(100vw - 2rem), 46rem",
    "body": "(max-width: 40rem) calc(100vw - 2rem), 38rem",
    "lead": "(max-width: 48rem) calc(100vw - 2rem), (max-width: 72rem) calc(60vw - 2.1rem), 41.1rem",
    "card": "(max-width: 35.5rem) calc(100vw - 2rem), (max-width: 53rem) calc(50vw - 1.75rem), "
    "(max-width: 70.5rem) calc(33.3vw - 1.67rem), (max-width: 72rem) calc(25vw - 1.63rem), 16.4rem",
    "author": "10rem",
}
FALLBACK_WIDTH = 960  # the `src` for browsers that read no srcset
# Layouts that cut the picture to their own shape (site.css): the focal point steers it.
CUT_LAYOUTS = {"card", "lead"}


def picture(image, layout, alt=None, priority=False) -> str:
    """`alt` defaults to the image's alt text; pass "" where the picture only repeats
    a link beside it. `priority` marks the picture a page is about: fetched first, not
    lazily."""
    # Markup built here rather than in a template: a page shows a dozen pictures, and
    # an included template cost as much as the rest of a figure's work.
    whole = sorted(
        (r for r in renditions.renditions_for(image).values() if not r.crop),
        key=lambda r: r.width,
    )
    jpeg = [r for r in whole if r.format == "jpeg"]
    if not jpeg:
        return ""  # the original could not be read: no picture rather than a broken one
    avif = [r for r in whole if r.format == "avif"]
    fallback = next((r for r in jpeg if r.width >= FALLBACK_WIDTH), jpeg[-1])
    sizes = SIZES[layout]
    return format_html(
        '<picture>{}<img{} src="{}" srcset="{}" sizes="{}" width="{}" height="{}" '
        'alt="{}" {}="{}" decoding="async"></picture>',
        format_html(
            '<source type="image/avif" srcset="{}" sizes="{}">', _srcset(avif), sizes
        )
        if avif
        else "",
        format_html(
            ' class="focal-x{} focal-y{}"',
            round(image.focal_x * 10),
            round(image.focal_y * 10),
        )
        if layout in CUT_LAYOUTS
        else "",
        fallback.url,
        _srcset(jpeg),
        sizes,
        jpeg[-1].width_px,
        jpeg[-1].height_px,
        image.alt_text if alt is None else alt,
        *(("fetchpriority", "high") if priority else ("loading", "lazy")),
    )


def figure(figure, layout="body") -> str:
    """A picture with its caption and credit line (`body.Figure`)."""
    credit_line = figure.credit_line
    caption = (
        format_html('<span class="figure__caption">{}</span>', figure.caption)
        if figure.caption
        else ""
    )
    credit = (
        format_html('<span class="figure__credit">{}</span>', credit_line)
        if credit_line
        else ""
    )
    return format_html(
        '<figure class="figure{}">\n  {}{}\n</figure>',
        " figure--featured" if figure.featured else "",
        picture(figure.image, layout, priority=figure.featured),
        format_html(
            "\n  <figcaption>{}{}{}</figcaption>",
            caption,
            " " if caption and credit else "",
            credit,
        )
        if caption or credit
        else "",
    )


def _srcset(renditions) -> str:
    return ", ".join(f"{r.url} {r.width_px}w" for r in renditions)
