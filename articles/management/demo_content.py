"""The demo newsroom that `manage.py seed_demo` builds, as plain data.

Everything here is fictional and was written for this project: Port Callow is an invented
harbour city, and its people, agencies and events are made up. Pictures are drawn by the
command from the `drawing` specs below (coordinates run from 0 to 1 across the picture).

Between them the images cover every row of the credit table in DESIGN.md; the comment on
each names its row. An article's `body` is a list of paragraphs and figures; a figure's
empty caption falls back on the image's default caption.
"""

SECTIONS = [
    {
        "slug": "world",
        "name": "World",
        "description": "News from beyond the harbour: other cities, other coasts, and what they mean for ours.",
        "position": 1,
    },
    {
        "slug": "politics",
        "name": "Politics",
        "description": "City hall, the council chamber and the decisions made there.",
        "position": 2,
    },
    {
        "slug": "business",
        "name": "Business",
        "description": "The port, the markets, the trams and the people who keep the city trading.",
        "position": 3,
    },
    {
        "slug": "science",
        "name": "Science",
        "description": "Research from the university, the observatory and the water's edge.",
        "position": 4,
    },
    {
        "slug": "culture",
        "name": "Culture",
        "description": "Festivals, museums, music and theatre across Port Callow.",
        "position": 5,
    },
]

AUTHORS = [
    {
        "slug": "mara-ellison",
        "name": "Mara Ellison",
        "bio": "Mara Ellison covers city hall, council budgets and the neighbourhoods they reach. "
        "She has reported from Port Callow for nine years and still reads every planning application.",
    },
    {
        "slug": "idris-okafor",
        "name": "Idris Okafor",
        "bio": "Idris Okafor is our science and environment correspondent. He trained as a marine "
        "biologist before turning to journalism, and writes about the harbour, the weather and the "
        "research done in the city.",
    },
    {
        "slug": "lucia-ferrand",
        "name": "Lucía Ferrand",
        "bio": "Lucía Ferrand edits the business pages. She writes about the port, small traders and "
        "the people who keep the city's shops open before dawn.",
    },
    {
        "slug": "tobias-wren",
        "name": "Tobias Wren",
        "bio": "Tobias Wren writes about music, theatre, museums and festivals, and reviews most of "
        "what opens in the old town.",
    },
    {
        "slug": "anneke-solberg",
        "name": "Anneke Solberg",
        "bio": "Anneke Solberg reports on the world beyond Port Callow and on the numbers behind the "
        "news. Before joining the newsroom she worked as a statistician.",
    },
    # Added in the second release, with byline photos (an image key from IMAGES).
    {
        "slug": "hana-sorvik",
        "name": "Hana Sørvik",
        "bio": "Hana Sørvik reports on housing, transport and how Port Callow gets around. She came to "
        "the newsroom from a shipping trade paper and takes the number 4 tram to work most mornings.",
        "photo": "portrait-hana-sorvik",
    },
    {
        "slug": "kofi-marangoni",
        "name": "Kofi Marangoni",
        "bio": "Kofi Marangoni covers schools, hospitals and public health. He taught science in the "
        "north of the city for six years before he became a reporter.",
        "photo": "portrait-kofi-marangoni",
    },
    {
        "slug": "rosa-teague",
        "name": "Rosa Teague",
        "bio": "Rosa Teague is a freelance writer who covers food, markets and the city's kitchens for "
        "the business and culture pages. She grew up above her family's greengrocer's on Tallow Lane.",
        "photo": "portrait-rosa-teague",
    },
]

AGENCIES = [
    {
        "slug": "harbour-photo-agency",
        "name": "Harbour Photo Agency",
        "url": "https://harbourphoto.example/",
        "default_copyright_notice": "© Harbour Photo Agency",
        "acquire_licence_url": "https://harbourphoto.example/licensing/",
    },
    {
        "slug": "wire-pictures",
        "name": "Wire Pictures",
        "url": "https://wirepictures.example/",
        "default_copyright_notice": "© Wire Pictures",
        "acquire_licence_url": "https://wirepictures.example/buy/",
    },
    {
        "slug": "northlight-images",
        "name": "Northlight Images",
        "url": "https://northlight.example/",
        "default_copyright_notice": "© Northlight Images",
        "acquire_licence_url": "",
    },
]

# `agency` is the photographer's usual agency (a slug from AGENCIES), or None.
PHOTOGRAPHERS = [
    {
        "slug": "priya-castell",
        "name": "Priya Castell",
        "is_staff": True,
        "agency": None,
    },
    {"slug": "jonah-marsh", "name": "Jonah Marsh", "is_staff": True, "agency": None},
    {
        "slug": "elena-voss",
        "name": "Elena Voss",
        "is_staff": False,
        "agency": "harbour-photo-agency",
    },
    {
        "slug": "rafe-lindqvist",
        "name": "Rafe Lindqvist",
        "is_staff": False,
        "agency": "wire-pictures",
    },
    {"slug": "dario-kemp", "name": "Dario Kemp", "is_staff": False, "agency": None},
    {"slug": "nell-farrow", "name": "Nell Farrow", "is_staff": False, "agency": None},
    {"slug": "corin-hale", "name": "Corin Hale", "is_staff": False, "agency": None},
    {
        "slug": "ines-halloran",
        "name": "Ines Halloran",
        "is_staff": False,
        "agency": "northlight-images",
    },
]

# The tide gauge chart: each year's mean sea level as a fraction of the chart's height.
SEA_LEVEL_BARS = [
    0.04, 0.07, 0.05, 0.10, 0.12, 0.10, 0.15, 0.17, 0.16, 0.20, 0.22, 0.21, 0.25, 0.27, 0.26,
    0.30, 0.34, 0.38, 0.41, 0.45, 0.50, 0.54, 0.58, 0.63, 0.67, 0.72, 0.78, 0.83, 0.90, 0.96,
]  # fmt: skip

# `photographer` and `agency` are slugs (or None); `size` is (width, height) in pixels.
# Drawing primitives, all in fractions of the picture:
#   ("rect", x0, y0, x1, y1, colour)        ("ellipse", x0, y0, x1, y1, colour)
#   ("circle", cx, cy, r, colour)           ("ring", cx, cy, r, colour, line width)
#   ("poly", [(x, y), ...], colour)         ("line", [(x, y), ...], colour, line width)
#   ("grid", x0, y0, x1, y1, columns, rows, colour)      small panes, e.g. windows
#   ("dots", x0, y0, x1, y1, count, r, colour, seed)     scattered dots, e.g. stars
#   ("stripes", x0, y0, x1, y1, count, colour, colour)   vertical stripes, e.g. awnings
#   ("bars", x0, y0, x1, y1, [heights 0-1], colour)      a bar chart
#   ("text", x, y, text, colour, height)
# Radii and line widths are fractions of the shorter side.
IMAGES = [
    {
        # staff photographer, no agency → "Priya Castell/{site name}"
        "key": "council-chamber",
        "size": (1600, 900),
        "photographer": "priya-castell",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "Councillors sit on curved wooden benches beneath the domed ceiling of the council "
        "chamber while one member speaks from the central lectern.",
        "caption": "Councillors in the chamber at Port Callow town hall.",
        "focal": (0.5, 0.6),
        "drawing": {
            "gradient": ("#5b3a29", "#24150d"),
            "shapes": [
                ("ellipse", 0.22, -0.45, 0.78, 0.42, "#8c6a4f"),
                ("grid", 0.3, 0.05, 0.7, 0.3, 8, 2, "#e9d8a6"),
                ("rect", 0.0, 0.36, 1.0, 0.58, "#6e4b35"),
                ("grid", 0.04, 0.39, 0.96, 0.5, 12, 1, "#c9a66b"),
                ("rect", 0.08, 0.64, 0.92, 0.69, "#3b2416"),
                ("dots", 0.1, 0.58, 0.9, 0.63, 22, 0.018, "#e0b48a", 11),
                ("rect", 0.03, 0.76, 0.97, 0.81, "#3b2416"),
                ("dots", 0.05, 0.7, 0.95, 0.75, 28, 0.018, "#d9a47a", 12),
                ("rect", 0.0, 0.88, 1.0, 0.94, "#3b2416"),
                ("rect", 0.46, 0.55, 0.54, 0.72, "#a47148"),
                ("circle", 0.5, 0.5, 0.035, "#f1c27d"),
            ],
            "label": "Port Callow town hall",
        },
    },
    {
        # photographer whose own agency is used (image.agency empty) → "Elena Voss/Harbour Photo Agency"
        "key": "harbour-dawn",
        "size": (1600, 900),
        "photographer": "elena-voss",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "usage_terms": "Editorial use only.",
        "alt_text": "Fishing boats and a harbour crane in silhouette against an orange sunrise, with the "
        "sun reflected in calm water.",
        "caption": "Sunrise over Port Callow harbour, where three tide gauges have recorded the water "
        "level since 1994.",
        "focal": (0.7, 0.55),
        "drawing": {
            "gradient": ("#264653", "#f4a261"),
            "shapes": [
                ("circle", 0.7, 0.56, 0.09, "#ffd166"),
                ("rect", 0.0, 0.6, 1.0, 1.0, "#1d3557"),
                ("rect", 0.64, 0.63, 0.76, 0.645, "#f6bd60"),
                ("rect", 0.67, 0.68, 0.73, 0.69, "#f6bd60"),
                ("rect", 0.685, 0.73, 0.715, 0.737, "#f6bd60"),
                ("line", [(0.08, 0.6), (0.08, 0.18), (0.3, 0.18)], "#10151c", 0.014),
                ("line", [(0.08, 0.3), (0.22, 0.18)], "#10151c", 0.008),
                ("line", [(0.26, 0.18), (0.26, 0.34)], "#10151c", 0.004),
                (
                    "poly",
                    [(0.14, 0.7), (0.34, 0.7), (0.31, 0.76), (0.17, 0.76)],
                    "#10151c",
                ),
                ("line", [(0.24, 0.7), (0.24, 0.5)], "#10151c", 0.006),
                (
                    "poly",
                    [(0.42, 0.78), (0.56, 0.78), (0.54, 0.82), (0.44, 0.82)],
                    "#10151c",
                ),
                ("line", [(0.49, 0.78), (0.49, 0.64)], "#10151c", 0.005),
                ("rect", 0.82, 0.56, 1.0, 0.62, "#10151c"),
            ],
            "label": "Harbour at dawn",
        },
    },
    {
        # photographer and the image's agency → "Dario Kemp/Northlight Images"
        "key": "fish-market",
        "size": (1200, 800),
        "photographer": "dario-kemp",
        "agency": "northlight-images",
        "credit_type": "photo",
        "licence": "royalty-free",
        "alt_text": "Stallholders behind counters of fish on ice under red and blue striped awnings "
        "inside a brick market hall.",
        "caption": "Stalls at the Eastquay fish market.",
        "focal": (0.5, 0.45),
        "drawing": {
            "gradient": ("#b5838d", "#6d597a"),
            "shapes": [
                ("grid", 0.05, 0.05, 0.95, 0.2, 6, 1, "#ffe8d6"),
                ("stripes", 0.04, 0.28, 0.46, 0.38, 8, "#e63946", "#f1faee"),
                ("stripes", 0.54, 0.28, 0.96, 0.38, 8, "#457b9d", "#f1faee"),
                ("circle", 0.18, 0.46, 0.05, "#e5b99a"),
                ("rect", 0.14, 0.5, 0.22, 0.6, "#2a9d8f"),
                ("circle", 0.76, 0.46, 0.05, "#a0704d"),
                ("rect", 0.72, 0.5, 0.8, 0.6, "#e9c46a"),
                ("rect", 0.04, 0.56, 0.46, 0.74, "#6c757d"),
                ("rect", 0.54, 0.56, 0.96, 0.74, "#6c757d"),
                ("dots", 0.06, 0.57, 0.44, 0.62, 40, 0.012, "#dee2e6", 21),
                ("dots", 0.56, 0.57, 0.94, 0.62, 40, 0.012, "#ced4da", 22),
                ("rect", 0.0, 0.8, 1.0, 1.0, "#495057"),
            ],
            "label": "Eastquay fish market",
        },
    },
    {
        # agency only → "Uncredited/Wire Pictures"
        "key": "seawall-1998",
        "size": (1200, 800),
        "photographer": None,
        "agency": "wire-pictures",
        "credit_type": "file_photo",
        "licence": "rights-managed",
        "usage_terms": "No archiving. No sales.",
        "alt_text": "Storm waves breaking over a low stone sea wall onto a flooded waterfront road "
        "lined with lamp posts.",
        "caption": "Waves break over the Eastquay sea wall during a storm in January 1998.",
        "focal": (0.45, 0.55),
        "drawing": {
            "gradient": ("#5c5c5c", "#cfcfcf"),
            "shapes": [
                ("rect", 0.0, 0.5, 1.0, 1.0, "#3f3f3f"),
                (
                    "poly",
                    [(0.0, 0.62), (1.0, 0.56), (1.0, 0.66), (0.0, 0.72)],
                    "#8a8a8a",
                ),
                ("rect", 0.0, 0.72, 1.0, 1.0, "#6b6b6b"),
                ("ellipse", 0.1, 0.38, 0.38, 0.66, "#efefef"),
                ("ellipse", 0.3, 0.3, 0.62, 0.64, "#f7f7f7"),
                ("ellipse", 0.58, 0.42, 0.8, 0.62, "#e6e6e6"),
                ("line", [(0.2, 0.95), (0.2, 0.72)], "#262626", 0.008),
                ("line", [(0.55, 0.95), (0.55, 0.7)], "#262626", 0.008),
                ("line", [(0.9, 0.95), (0.9, 0.67)], "#262626", 0.008),
                ("dots", 0.05, 0.8, 0.95, 0.98, 60, 0.006, "#a6a6a6", 31),
            ],
            "label": "Eastquay, January 1998",
        },
    },
    {
        # photographer only (not staff, no agency) → "Nell Farrow"
        "key": "lantern-poster",
        "size": (1080, 1350),
        "photographer": "nell-farrow",
        "agency": None,
        "credit_type": "illustration",
        "licence": "rights-managed",
        "alt_text": "Poster illustration of orange and yellow paper lanterns floating under an arched "
        "bridge at night, with the words Lantern Festival across the top.",
        "caption": "The poster for the Port Callow lantern festival.",
        "focal": (0.5, 0.55),
        "drawing": {
            "gradient": ("#14213d", "#3a0ca3"),
            "shapes": [
                ("text", 0.08, 0.05, "LANTERN", "#ffb703", 0.08),
                ("text", 0.08, 0.14, "FESTIVAL", "#ffb703", 0.08),
                ("ellipse", -0.2, 0.42, 1.2, 0.95, "#0b0f24"),
                ("ellipse", 0.1, 0.56, 0.9, 1.2, "#3a0ca3"),
                ("rect", 0.0, 0.8, 1.0, 1.0, "#240046"),
                ("circle", 0.25, 0.86, 0.05, "#ffb703"),
                ("circle", 0.5, 0.9, 0.065, "#fb8500"),
                ("circle", 0.75, 0.85, 0.045, "#ffd166"),
                ("circle", 0.38, 0.8, 0.035, "#fb8500"),
                ("circle", 0.64, 0.78, 0.03, "#ffb703"),
                ("dots", 0.05, 0.28, 0.95, 0.45, 30, 0.004, "#fefae0", 41),
                ("text", 0.08, 0.24, "Port Callow canals", "#fefae0", 0.03),
            ],
            "label": "",
        },
    },
    {
        # staff photographer (here a graphics artist), no agency → "Jonah Marsh/{site name}"
        "key": "tide-chart",
        "size": (1600, 900),
        "photographer": "jonah-marsh",
        "agency": None,
        "credit_type": "graphic",
        "licence": "staff",
        "alt_text": "Bar chart of the yearly average sea level at the Eastquay gauge from 1994 to last "
        "year. The bars rise steadily, and more steeply over the final twelve years.",
        "caption": "Yearly mean sea level at the Eastquay tide gauge since 1994. "
        "Source: Port Callow University.",
        "focal": (0.5, 0.5),
        "drawing": {
            "gradient": ("#f8f9fa", "#e9ecef"),
            "shapes": [
                ("text", 0.06, 0.06, "Mean sea level, Eastquay gauge", "#212529", 0.06),
                (
                    "text",
                    0.06,
                    0.14,
                    "Yearly average, centimetres above the 1994 level",
                    "#6c757d",
                    0.035,
                ),
                ("line", [(0.08, 0.25), (0.08, 0.88), (0.95, 0.88)], "#343a40", 0.004),
                ("line", [(0.08, 0.56), (0.95, 0.56)], "#ced4da", 0.002),
                ("bars", 0.1, 0.26, 0.94, 0.88, SEA_LEVEL_BARS, "#1d6fa5"),
                ("line", [(0.1, 0.85), (0.55, 0.7), (0.94, 0.3)], "#e63946", 0.005),
            ],
            "label": "",
        },
    },
    {
        # credit text override → "Port Callow Observatory archive", verbatim
        "key": "observatory-plate",
        "size": (1200, 800),
        "photographer": None,
        "agency": None,
        "credit_text": "Port Callow Observatory archive",
        "credit_type": "handout",
        "licence": "handout",
        "usage_terms": "Supplied for coverage of the plate catalogue only.",
        "alt_text": "A pale glass photographic plate scattered with hundreds of small dark star images, "
        "two of them circled in ink.",
        "caption": "A glass plate from the Millbank Hill observatory collection, with the observer's ink "
        "marks.",
        "focal": (0.55, 0.45),
        "drawing": {
            "gradient": ("#ece6d2", "#d3caaf"),
            "shapes": [
                ("dots", 0.02, 0.02, 0.98, 0.98, 420, 0.0025, "#2b2b2b", 51),
                ("dots", 0.05, 0.05, 0.95, 0.95, 25, 0.007, "#111111", 52),
                ("ring", 0.36, 0.4, 0.06, "#1d3557", 0.004),
                ("ring", 0.7, 0.62, 0.045, "#1d3557", 0.004),
                ("line", [(0.41, 0.36), (0.5, 0.25)], "#1d3557", 0.003),
                ("text", 0.5, 0.2, "var?", "#1d3557", 0.05),
                ("rect", 0.0, 0.0, 1.0, 0.02, "#8d8066"),
                ("rect", 0.0, 0.98, 1.0, 1.0, "#8d8066"),
            ],
            "label": "Plate 4412, 1931",
        },
    },
    {
        # photographer whose own agency is used → "Rafe Lindqvist/Wire Pictures"
        "key": "trader-portrait",
        "size": (1080, 1350),
        "photographer": "rafe-lindqvist",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "Portrait of a fishmonger in an orange apron, arms folded, in front of a pale blue "
        "tiled wall.",
        "caption": "Margit Oyelaran has sold shellfish at the Eastquay market for twenty years.",
        "focal": (0.5, 0.32),
        "drawing": {
            "gradient": ("#a8dadc", "#457b9d"),
            "shapes": [
                ("grid", 0.0, 0.0, 1.0, 0.6, 6, 8, "#c7e6e7"),
                ("ellipse", 0.12, 0.55, 0.88, 1.25, "#1d3557"),
                ("rect", 0.3, 0.62, 0.7, 1.0, "#e76f51"),
                ("rect", 0.42, 0.45, 0.58, 0.58, "#8d5524"),
                ("ellipse", 0.33, 0.17, 0.67, 0.5, "#8d5524"),
                ("ellipse", 0.31, 0.13, 0.69, 0.3, "#2b2118"),
                ("rect", 0.2, 0.74, 0.8, 0.8, "#8d5524"),
            ],
            "label": "Eastquay market",
        },
    },
    {
        # staff photographer, no agency → "Priya Castell/{site name}"
        "key": "observatory-dome",
        "size": (1600, 900),
        "photographer": "priya-castell",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "The white dome of the Millbank Hill observatory on a dark hillside at dusk, with "
        "the first stars visible above.",
        "caption": "The observatory on Millbank Hill at dusk.",
        "focal": (0.65, 0.45),
        "drawing": {
            "gradient": ("#0b132b", "#7b6d9d"),
            "shapes": [
                ("dots", 0.0, 0.0, 1.0, 0.45, 90, 0.0025, "#f8f9fa", 61),
                (
                    "poly",
                    [
                        (0.0, 1.0),
                        (0.0, 0.72),
                        (0.35, 0.62),
                        (0.65, 0.58),
                        (1.0, 0.66),
                        (1.0, 1.0),
                    ],
                    "#1c2541",
                ),
                ("ellipse", 0.56, 0.3, 0.74, 0.62, "#dee2e6"),
                ("rect", 0.56, 0.46, 0.74, 0.62, "#adb5bd"),
                ("rect", 0.63, 0.31, 0.67, 0.46, "#343a40"),
                ("grid", 0.58, 0.5, 0.72, 0.56, 3, 1, "#ffd166"),
                ("rect", 0.2, 0.6, 0.3, 0.68, "#3a506b"),
            ],
            "label": "Millbank Hill",
        },
    },
    {
        # photographer and the image's agency, which beats the photographer's own
        # → "Elena Voss/Wire Pictures"
        "key": "lantern-canal",
        "size": (1600, 900),
        "photographer": "elena-voss",
        "agency": "wire-pictures",
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "Hundreds of glowing paper lanterns floating on a dark canal beneath lit windows "
        "and a stone bridge.",
        "caption": "Lanterns on the old town canals at the last festival.",
        "focal": (0.5, 0.7),
        "drawing": {
            "gradient": ("#03071e", "#370617"),
            "shapes": [
                ("rect", 0.0, 0.2, 0.2, 0.66, "#1b1b2f"),
                ("rect", 0.2, 0.3, 0.42, 0.66, "#22223b"),
                ("rect", 0.6, 0.25, 0.8, 0.66, "#1b1b2f"),
                ("rect", 0.8, 0.15, 1.0, 0.66, "#22223b"),
                ("grid", 0.02, 0.25, 0.18, 0.6, 3, 5, "#f4a261"),
                ("grid", 0.62, 0.3, 0.78, 0.6, 3, 4, "#e9c46a"),
                ("grid", 0.82, 0.2, 0.98, 0.6, 3, 6, "#f4a261"),
                ("rect", 0.0, 0.66, 1.0, 1.0, "#0b090a"),
                ("ellipse", 0.36, 0.5, 0.66, 0.86, "#3d3d3d"),
                ("ellipse", 0.4, 0.58, 0.62, 0.9, "#0b090a"),
                ("dots", 0.0, 0.7, 1.0, 0.98, 70, 0.009, "#ffba08", 71),
                ("dots", 0.0, 0.72, 1.0, 0.98, 40, 0.006, "#faa307", 72),
            ],
            "label": "Old town canals",
        },
    },
    {
        # photographer only (not staff, no agency), Creative Commons → "Corin Hale"
        "key": "lighthouse",
        "size": (1200, 800),
        "photographer": "corin-hale",
        "agency": None,
        "credit_type": "photo",
        "licence": "creative-commons",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
        "copyright_notice": "© Corin Hale, CC BY 4.0",
        "alt_text": "A white lighthouse with red bands on dark rocks at the harbour entrance, its beam "
        "crossing a pale blue sky.",
        "caption": "The lighthouse at the entrance to Port Callow harbour.",
        "focal": (0.6, 0.45),
        "drawing": {
            "gradient": ("#48cae4", "#caf0f8"),
            "shapes": [
                ("poly", [(0.62, 0.2), (0.2, 0.05), (0.2, 0.2)], "#fdfcdc"),
                ("rect", 0.0, 0.68, 1.0, 1.0, "#0077b6"),
                (
                    "poly",
                    [(0.4, 1.0), (0.48, 0.7), (0.6, 0.66), (0.78, 0.72), (0.86, 1.0)],
                    "#343a40",
                ),
                (
                    "poly",
                    [(0.56, 0.68), (0.58, 0.24), (0.66, 0.24), (0.68, 0.68)],
                    "#f8f9fa",
                ),
                ("rect", 0.565, 0.36, 0.675, 0.42, "#d62828"),
                ("rect", 0.565, 0.52, 0.675, 0.58, "#d62828"),
                ("rect", 0.58, 0.16, 0.66, 0.24, "#ffd166"),
                ("poly", [(0.56, 0.16), (0.62, 0.1), (0.68, 0.16)], "#d62828"),
                ("dots", 0.0, 0.72, 1.0, 1.0, 50, 0.004, "#caf0f8", 81),
            ],
            "label": "Harbour entrance",
        },
    },
    {
        # credit text override, a handout → "Port Callow Harbour Board", verbatim
        "key": "barrier-model",
        "size": (1200, 800),
        "photographer": None,
        "agency": None,
        "credit_text": "Port Callow Harbour Board",
        "credit_type": "handout",
        "licence": "handout",
        "alt_text": "A tabletop scale model of a river estuary, with blue water, green banks and a row "
        "of grey barrier gates across the channel.",
        "caption": "The Harbour Board's scale model of the estuary, used to test new flood defences.",
        "focal": (0.5, 0.5),
        "drawing": {
            "gradient": ("#ced4da", "#8d99ae"),
            "shapes": [
                ("rect", 0.05, 0.15, 0.95, 0.9, "#95d5b2"),
                (
                    "poly",
                    [
                        (0.05, 0.45),
                        (0.4, 0.42),
                        (0.6, 0.5),
                        (0.95, 0.48),
                        (0.95, 0.66),
                        (0.6, 0.64),
                        (0.4, 0.58),
                        (0.05, 0.62),
                    ],
                    "#48cae4",
                ),
                ("grid", 0.47, 0.44, 0.53, 0.66, 1, 5, "#6c757d"),
                ("rect", 0.495, 0.4, 0.505, 0.7, "#495057"),
                ("grid", 0.1, 0.2, 0.35, 0.35, 4, 2, "#f1faee"),
                ("grid", 0.65, 0.72, 0.9, 0.85, 4, 2, "#f1faee"),
                ("rect", 0.0, 0.9, 1.0, 1.0, "#6d597a"),
            ],
            "label": "Estuary model",
        },
    },
    {
        # photographer whose own agency is used → "Rafe Lindqvist/Wire Pictures"
        "key": "tram-depot",
        "size": (1600, 900),
        "photographer": "rafe-lindqvist",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "A green tram with large windows standing on rails outside a depot shed beneath "
        "overhead wires.",
        "caption": "A test tram at the Eastquay depot.",
        "focal": (0.45, 0.6),
        "drawing": {
            "gradient": ("#dee2e6", "#adb5bd"),
            "shapes": [
                ("rect", 0.55, 0.2, 1.0, 0.78, "#6c757d"),
                ("rect", 0.62, 0.35, 0.95, 0.78, "#343a40"),
                ("line", [(0.0, 0.22), (1.0, 0.18)], "#212529", 0.003),
                ("line", [(0.3, 0.21), (0.36, 0.34)], "#212529", 0.003),
                ("rect", 0.08, 0.34, 0.72, 0.74, "#2a9d8f"),
                ("grid", 0.1, 0.38, 0.7, 0.56, 6, 1, "#e9f5f3"),
                (
                    "poly",
                    [(0.72, 0.34), (0.8, 0.42), (0.8, 0.74), (0.72, 0.74)],
                    "#21867a",
                ),
                ("rect", 0.08, 0.62, 0.8, 0.65, "#f4a261"),
                ("rect", 0.0, 0.78, 1.0, 1.0, "#495057"),
                ("line", [(0.0, 0.82), (1.0, 0.82)], "#ced4da", 0.006),
                ("line", [(0.0, 0.9), (1.0, 0.9)], "#ced4da", 0.006),
            ],
            "label": "Eastquay tram depot",
        },
    },
    {
        # nothing: no credit. Used only by the draft, which the admin flags.
        "key": "museum-hall",
        "size": (1200, 800),
        "photographer": None,
        "agency": None,
        "credit_type": "photo",
        "licence": "unknown",
        "alt_text": "A large wooden ship hull on display in a museum hall with tall arched windows.",
        "caption": "The main hall of the Port Callow harbour museum.",
        "focal": (0.5, 0.6),
        "drawing": {
            "gradient": ("#f1e3d3", "#cbb89d"),
            "shapes": [
                ("ellipse", 0.08, 0.08, 0.24, 0.4, "#fefae0"),
                ("rect", 0.08, 0.24, 0.24, 0.55, "#fefae0"),
                ("ellipse", 0.42, 0.08, 0.58, 0.4, "#fefae0"),
                ("rect", 0.42, 0.24, 0.58, 0.55, "#fefae0"),
                ("ellipse", 0.76, 0.08, 0.92, 0.4, "#fefae0"),
                ("rect", 0.76, 0.24, 0.92, 0.55, "#fefae0"),
                ("rect", 0.0, 0.78, 1.0, 1.0, "#7f5539"),
                (
                    "poly",
                    [(0.12, 0.5), (0.9, 0.5), (0.78, 0.72), (0.22, 0.72)],
                    "#6f4518",
                ),
                ("line", [(0.16, 0.56), (0.86, 0.56)], "#99582a", 0.006),
                ("line", [(0.2, 0.63), (0.82, 0.63)], "#99582a", 0.006),
                ("rect", 0.3, 0.72, 0.33, 0.78, "#432818"),
                ("rect", 0.67, 0.72, 0.7, 0.78, "#432818"),
            ],
            "label": "Harbour museum",
        },
    },
]

# `published_days_ago`: how long before the seed the story went live (negative for a
# scheduled story, None for a draft). Bodies are paragraphs and figures; a figure's empty
# caption uses the image's default.
ARTICLES = [
    {
        "slug": "council-backs-eastquay-sea-wall-rebuild",
        "headline": "Council backs Eastquay sea wall rebuild before winter storms",
        "standfirst": "Work on the 1.2-kilometre wall will start in September, after a vote that ended "
        "months of argument over cost and disruption on the waterfront.",
        "section": "politics",
        "authors": ["mara-ellison"],
        "tags": ["Sea wall", "Flooding", "Eastquay", "City council"],
        "status": "published",
        "published_days_ago": 2.3,
        "featured_image": "council-chamber",
        "featured_caption": "Councillors debate the sea wall motion on Tuesday evening.",
        "body": [
            "Port Callow city council voted on Tuesday evening to rebuild the sea wall along "
            "Eastquay, the stretch of waterfront that flooded twice last winter. The motion passed "
            "by 31 votes to 12 after a debate that ran for more than three hours.",
            "The existing wall was built in sections between the 1930s and the 1960s, and engineers "
            "told councillors in March that several of those sections now sit lower than the "
            "highest tides recorded in the past decade. The new wall will be about 60 centimetres "
            "taller and will stand on deeper foundations.",
            "Council leader Ros Whitcombe said the city could not afford another season of "
            "sandbags. “We have asked the people of Eastquay to live with the risk for long "
            "enough,” she told the chamber. “This is the year we fix it.”",
            {
                "figure": "seawall-1998",
                "caption": "The Eastquay wall in January 1998, the last time the harbour topped it "
                "along its full length.",
            },
            "Opposition councillors did not dispute the need for the work but questioned its "
            "timing. Halvard Penn, who leads the largest opposition group, said traders on the quay "
            "had been given too little notice of the road closures that construction will bring, "
            "and asked for a compensation scheme for businesses that lose trade.",
            "The council's transport committee will publish a plan for diversions and temporary "
            "parking next month. Officers said the quay road would stay open to pedestrians "
            "throughout, and that the weekly fish market would move only if the work reached the "
            "market hall itself.",
            {"figure": "tide-chart", "caption": ""},
            "Construction is expected to take two years. Residents can see the full designs at the "
            "Eastquay library until the end of the month, and the council will hold two public "
            "meetings there in June.",
        ],
    },
    {
        "slug": "harbour-tide-gauges-show-sea-rising-faster",
        "headline": "Harbour tide gauges show the sea rising faster than forecast",
        "standfirst": "Thirty years of readings from three gauges in Port Callow suggest the local sea "
        "level is climbing about a third faster than the figure used in the city's flood plans.",
        "section": "science",
        "authors": ["idris-okafor", "anneke-solberg"],
        "tags": ["Flooding", "Climate", "Harbour"],
        "status": "published",
        "published_days_ago": 5.1,
        "featured_image": "harbour-dawn",
        "featured_caption": "",
        "body": [
            "The three tide gauges in Port Callow harbour have recorded the height of the water "
            "every six minutes since 1994. A new analysis of those readings, published this week by "
            "researchers at the city's university, finds that the average sea level in the harbour "
            "has risen by around 11 centimetres over that period.",
            "That is faster than the rate assumed in the flood plan the council adopted in 2015, "
            "which the authors say should now be revised. Most of the difference comes from the "
            "past twelve years, when the rise appears to have sped up.",
            {
                "figure": "tide-chart",
                "caption": "Yearly mean sea level at the Eastquay gauge. The red line shows the "
                "trend, which steepens after 2012.",
            },
            "Dr Selma Quist, who led the study, said the gauges were among the longest unbroken "
            "records of their kind on this stretch of coast. “The instruments are not glamorous, "
            "but they are patient,” she said. “Thirty years of patience tells you a great deal.”",
            "The team also corrected the readings for the slow sinking of the land beneath the "
            "harbour, which they measured with satellite positioning equipment fixed to the roof "
            "of the old customs house. That sinking accounts for roughly a fifth of the apparent "
            "rise.",
            "Engineers working on the Eastquay sea wall said the design already allowed a margin "
            "for faster change, but that they would check it against the new figures before "
            "construction begins.",
            "The full data set is free to download from the university library, and the "
            "researchers said they hoped local schools would use it in lessons.",
        ],
    },
    {
        "slug": "fish-market-traders-weigh-move-to-ferry-terminal",
        "headline": "Fish market traders weigh a move to the old ferry terminal",
        "standfirst": "The Harbour Board has offered stallholders space in the empty terminal building "
        "while the Eastquay market hall is repaired. Not everyone wants to go.",
        "section": "business",
        "authors": ["lucia-ferrand"],
        "tags": ["Harbour", "Eastquay", "Small business"],
        "status": "published",
        "published_days_ago": 9.4,
        "featured_image": "fish-market",
        "featured_caption": "Early trading at the Eastquay fish market, which has used the same hall "
        "for more than a century.",
        "body": [
            "For more than a century the Eastquay fish market has opened at five in the morning in "
            "the same brick hall beside the harbour. This year its 42 stallholders have been asked "
            "to consider something new: a temporary home in the ferry terminal on the far side of "
            "the water, which has stood empty since the crossing closed.",
            "The Harbour Board says the market hall needs a new roof and new drains, and that the "
            "work cannot be done safely with the market trading underneath. It has offered the "
            "terminal rent-free for eighteen months, with new cold stores and a loading bay for "
            "refrigerated vans.",
            {"figure": "trader-portrait", "caption": ""},
            "Opinion on the quay is divided. Some traders welcome the larger floor and the modern "
            "cold rooms. Others worry that regular customers, many of whom walk to the market from "
            "the old town, will not make the longer trip.",
            "“My customers know exactly where my stall is, and they have for twenty years,” said "
            "Margit Oyelaran, who sells shellfish with her two sons. “Move us across the harbour "
            "and some of them will simply stop coming.”",
            "The board has promised a free shuttle bus between the old town and the terminal on "
            "market days, and says it will put up signs and hand out maps for the stalls' regulars. "
            "Stallholders will vote on the offer at their association's meeting next week.",
        ],
    },
    {
        "slug": "lantern-festival-returns-to-the-canals",
        "headline": "Lantern festival returns to the canals after three years away",
        "standfirst": "Thousands of paper lanterns will float through the old town on Saturday night, "
        "with a new route, a bigger volunteer crew and a strict rule about what the lanterns are "
        "made of.",
        "section": "culture",
        "authors": ["tobias-wren"],
        "tags": ["Festivals", "Canals", "Volunteers"],
        "status": "published",
        "published_days_ago": 13.2,
        "featured_image": "lantern-canal",
        "featured_caption": "",
        "body": [
            "The Port Callow lantern festival, which fills the old town canals with floating lights "
            "each spring, is back this weekend for the first time in three years. Organisers expect "
            "around ten thousand lanterns on the water and more than twice as many people watching "
            "from the bridges.",
            "The festival was paused after its last outing, when strong winds carried a large "
            "number of lanterns out to the harbour mouth. This year's route is shorter and stays "
            "inside the canal locks, where volunteers in small boats will collect every lantern "
            "before midnight.",
            {
                "figure": "lantern-poster",
                "caption": "This year's festival poster, commissioned from a local illustrator.",
            },
            "Every lantern must now be made from unbleached paper on a wooden frame, with a beeswax "
            "candle. Kits are on sale at the library and at community centres in every district, "
            "and the organisers will run free making sessions on Thursday and Friday evenings.",
            "“The festival belongs to the people who make the lanterns,” said Ilse Brandvold, who "
            "chairs the organising committee. “We want children to carry home paper and glue on "
            "Thursday and see their own lantern on the water on Saturday.”",
            "Lanterns will be launched from the Millbank steps from eight o'clock. The canal paths "
            "between the fish market and the Old Town bridge will be closed to cyclists for the "
            "evening, and late trams will run until one in the morning.",
        ],
    },
    {
        "slug": "coastal-cities-compare-flood-defences",
        "headline": "Coastal cities compare flood defences at Port Callow summit",
        "standfirst": "Delegations from fourteen port cities spent two days in Port Callow swapping "
        "notes on sea walls, tidal barriers and how to pay for them.",
        "section": "world",
        "authors": ["anneke-solberg", "mara-ellison"],
        "tags": ["Flooding", "Climate", "Sea wall"],
        "status": "published",
        "published_days_ago": 18.6,
        "featured_image": "lighthouse",
        "featured_caption": "The harbour lighthouse, where the forum began with a boat tour of the "
        "estuary.",
        "body": [
            "Engineers, planners and mayors from fourteen port cities on three continents met in "
            "Port Callow this week for the annual Coastal Cities Forum, a gathering that has grown "
            "from a handful of officials around one table into one of the busiest meetings of its "
            "kind.",
            "The forum has no power to make decisions. Its value, delegates said, lies in comparing "
            "what has worked and what has not. Several cities presented the results of defences "
            "built in the past decade, including two that had needed repairs sooner than planned.",
            {"figure": "barrier-model", "caption": ""},
            "Much of the discussion turned on money. Building a barrier is expensive, but so is "
            "keeping one working, and a number of delegates said their cities had underestimated "
            "the running costs. A working group will draft shared guidance on maintenance budgets "
            "before next year's meeting.",
            "Delegates also walked the Eastquay waterfront, where Port Callow will begin rebuilding "
            "its own sea wall this autumn, and visited the Harbour Board's scale model of the "
            "estuary, which engineers use to test how new structures would change the flow of the "
            "tide.",
            "“Every city here faces the same sea, but no two face it in the same way,” said the "
            "forum's chair, Aurelio Santangelo, in his closing remarks. “What we can share is the "
            "evidence, and the honesty to say when something did not work.”",
            "Next year's forum will be held in a city on the southern coast; the host is due to be "
            "announced in the autumn.",
        ],
    },
    {
        "slug": "observatory-volunteers-finish-glass-plate-catalogue",
        "headline": "Observatory volunteers finish cataloguing a century of glass plates",
        "standfirst": "Ten thousand photographs of the night sky, taken on glass at the Millbank Hill "
        "observatory between 1905 and 1989, can now be searched online.",
        "section": "science",
        "authors": ["idris-okafor"],
        "tags": ["Astronomy", "Volunteers", "Millbank Hill"],
        "status": "published",
        "published_days_ago": 24.8,
        "featured_image": "observatory-dome",
        "featured_caption": "",
        "body": [
            "For six years a group of volunteers has met twice a week in the basement of the "
            "Millbank Hill observatory to clean, measure and photograph its collection of glass "
            "plates. This month they finished the last box.",
            "Before digital cameras, astronomers recorded the sky on sheets of glass coated with a "
            "light-sensitive emulsion. The observatory's plates span more than eight decades, "
            "including repeated pictures of the same patches of sky taken years apart.",
            {
                "figure": "observatory-plate",
                "caption": "A plate from 1931 showing a star field in the northern sky; the ink "
                "marks are the original observer's.",
            },
            "Those repeated pictures are what make the collection valuable today. By comparing "
            "plates, researchers can look for stars that have changed in brightness or moved "
            "across the sky over the course of a lifetime.",
            "The volunteers, most of them retired, were trained by the observatory's staff to "
            "handle the fragile glass and to scan each plate at high resolution. Some also "
            "transcribed the notes the original observers wrote on the paper sleeves, from the "
            "weather to the occasional complaint about the cold.",
            "“We found one sleeve that just said ‘fog again, went home’,” said Oskar Lindahl, who "
            "joined the project in its first month. “By the end you feel you know these people.”",
            "The catalogue is free to search on the observatory's website. The observatory will "
            "hold an open evening on the first Friday of next month to thank the volunteers and "
            "show a selection of the plates.",
        ],
    },
    {
        "slug": "eastquay-tram-extension-to-open-next-month",
        "headline": "Eastquay tram extension to open next month, operator says",
        "standfirst": "Callow Trams says test runs on the new line have gone well and passenger "
        "services will start on the first Monday of the month.",
        "section": "business",
        "authors": ["lucia-ferrand", "mara-ellison"],
        "tags": ["Transport", "Trams", "Eastquay"],
        "status": "published",
        "published_days_ago": -2,  # scheduled
        "featured_image": "tram-depot",
        "featured_caption": "",
        "body": [
            "The tram extension to Eastquay will open to passengers next month, the operator "
            "Callow Trams announced on Thursday, ending four years of construction along the "
            "waterfront road.",
            "The 2.4-kilometre extension adds four stops between the central station and the old "
            "ferry terminal, including one beside the fish market. Trams will run every eight "
            "minutes during the day and every fifteen minutes in the evening.",
            {
                "figure": "harbour-dawn",
                "caption": "The new line runs along the harbour edge for most of its length.",
            },
            "Test trams have run without passengers since January. The operator said drivers had "
            "completed their route training and that the final safety inspection was booked for "
            "the end of this month.",
            "Businesses along the route, several of which lost trade during the roadworks, "
            "welcomed the news. The Eastquay traders' association said it would hold a street "
            "market on the opening day.",
            "Fares on the extension will be the same as on the rest of the network, and trams "
            "will be free to ride on the opening weekend.",
        ],
    },
    {
        "slug": "harbour-museum-plans-shipbuilding-gallery",
        "headline": "Harbour museum plans a new gallery for the city's shipbuilding years",
        "standfirst": "The museum wants to bring its ship models and yard tools out of storage. It is "
        "still looking for the photographs to go with them.",
        "section": "culture",
        "authors": ["tobias-wren"],
        "tags": ["Museums", "Harbour", "Shipbuilding"],
        "status": "draft",
        "published_days_ago": None,
        # On purpose: the featured picture has no credit, so publishing this draft is
        # refused until someone adds one.
        "featured_image": "museum-hall",
        "featured_caption": "",
        "body": [
            "The Port Callow harbour museum has drawn up plans for a permanent gallery devoted to "
            "the shipyards that once employed a third of the city's workforce.",
            "Most of the museum's shipbuilding collection, including more than two hundred ship "
            "models and the tools of the old Saltmarsh yard, has been in storage since the "
            "building was last refurbished.",
            {"figure": "lighthouse", "caption": ""},
            "Curators are asking for family photographs, letters and wage books from people who "
            "worked in the yards, and will scan anything lent to them before returning it.",
            "The museum hopes to open the gallery next spring, if the city's heritage fund agrees "
            "to meet most of the cost.",
        ],
    },
]
