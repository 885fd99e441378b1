"""The demo newsroom that `manage.py seed_demo` builds, as plain data.

Everything here is fictional and was written for this project: Port Callow is an invented
harbour city, and its people, agencies and events are made up. Pictures are drawn by the
command from the `drawing` specs below (coordinates run from 0 to 1 across the picture).

Between them the images cover every row of the credit table in DESIGN.md and every
credit type; the comment on each names its row. An article's `body` is a list of
paragraphs and figures; a figure's empty caption falls back on the image's default caption.

There are enough published stories for every kind of list page to run to a second page
(ten stories a page): the Politics section, the "Harbour" tag and Mara Ellison's author
page each have more than ten.

The seed finds what an earlier run stored by slug (an image by its alt text) and leaves it
as it is. So add new entries rather than rewriting old ones, and never change an existing
slug or alt text: a database seeded by an earlier version would get a second copy.
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
    # Added in the second release. Byline photos first: head-and-shoulders portraits by a
    # staff photographer → "Priya Castell/{site name}".
    {
        "key": "portrait-hana-sorvik",
        "size": (1080, 1350),
        "photographer": "priya-castell",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "Head-and-shoulders portrait of Hana Sørvik, a woman with long dark hair and a "
        "fringe, wearing a navy jacket over a white shirt, against a pale grey background.",
        "caption": "Hana Sørvik, housing and transport reporter.",
        "focal": (0.5, 0.35),
        "drawing": {
            "gradient": ("#d8e2dc", "#9d8189"),
            "shapes": [
                ("ellipse", 0.27, 0.12, 0.73, 0.6, "#3d2b1f"),
                ("rect", 0.27, 0.34, 0.73, 0.7, "#3d2b1f"),
                ("rect", 0.44, 0.5, 0.56, 0.68, "#e8b998"),
                ("ellipse", 0.08, 0.64, 0.92, 1.35, "#2f4858"),
                ("poly", [(0.4, 0.64), (0.5, 0.82), (0.6, 0.64)], "#f1faee"),
                ("poly", [(0.44, 0.64), (0.5, 0.72), (0.56, 0.64)], "#e8b998"),
                ("ellipse", 0.34, 0.2, 0.66, 0.56, "#f0c8a8"),
                ("ellipse", 0.33, 0.15, 0.67, 0.31, "#3d2b1f"),
                ("circle", 0.44, 0.38, 0.012, "#2b2118"),
                ("circle", 0.56, 0.38, 0.012, "#2b2118"),
                ("line", [(0.46, 0.47), (0.5, 0.485), (0.54, 0.47)], "#a4533a", 0.007),
            ],
            "label": "Byline portrait",
        },
    },
    {
        "key": "portrait-kofi-marangoni",
        "size": (1080, 1350),
        "photographer": "priya-castell",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "Head-and-shoulders portrait of Kofi Marangoni, a man with close-cropped hair, a "
        "short beard and round glasses, wearing a brown jumper, against a pale blue background.",
        "caption": "Kofi Marangoni, education and health reporter.",
        "focal": (0.5, 0.35),
        "drawing": {
            "gradient": ("#caf0f8", "#90a8c3"),
            "shapes": [
                ("ellipse", 0.33, 0.16, 0.67, 0.42, "#1b1b1b"),
                ("rect", 0.44, 0.5, 0.56, 0.68, "#6f4e37"),
                ("ellipse", 0.06, 0.64, 0.94, 1.35, "#7f5539"),
                ("poly", [(0.41, 0.64), (0.5, 0.76), (0.59, 0.64)], "#f8f9fa"),
                ("ellipse", 0.34, 0.21, 0.66, 0.57, "#7b5236"),
                ("ellipse", 0.36, 0.44, 0.64, 0.58, "#1b1b1b"),
                ("ellipse", 0.42, 0.47, 0.58, 0.52, "#7b5236"),
                ("ring", 0.44, 0.38, 0.035, "#111111", 0.007),
                ("ring", 0.56, 0.38, 0.035, "#111111", 0.007),
                ("line", [(0.475, 0.38), (0.525, 0.38)], "#111111", 0.005),
                ("circle", 0.44, 0.38, 0.01, "#111111"),
                ("circle", 0.56, 0.38, 0.01, "#111111"),
            ],
            "label": "Byline portrait",
        },
    },
    {
        "key": "portrait-rosa-teague",
        "size": (1080, 1350),
        "photographer": "priya-castell",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "Head-and-shoulders portrait of Rosa Teague, a woman with a mass of curly auburn "
        "hair and small gold earrings, wearing a green cardigan, against a pink background.",
        "caption": "Rosa Teague, who writes about food and markets.",
        "focal": (0.5, 0.35),
        "drawing": {
            "gradient": ("#ffe5d9", "#f4acb7"),
            "shapes": [
                ("dots", 0.25, 0.1, 0.75, 0.6, 110, 0.05, "#7f2f1d", 91),
                ("rect", 0.44, 0.5, 0.56, 0.68, "#efc3a4"),
                ("ellipse", 0.08, 0.64, 0.92, 1.35, "#588157"),
                ("poly", [(0.42, 0.64), (0.5, 0.74), (0.58, 0.64)], "#efc3a4"),
                ("ellipse", 0.35, 0.21, 0.65, 0.55, "#f5d0b5"),
                ("dots", 0.34, 0.15, 0.66, 0.25, 30, 0.03, "#7f2f1d", 92),
                ("circle", 0.44, 0.38, 0.012, "#3a2618"),
                ("circle", 0.56, 0.38, 0.012, "#3a2618"),
                (
                    "line",
                    [(0.455, 0.465), (0.5, 0.48), (0.545, 0.465)],
                    "#b5485d",
                    0.008,
                ),
                ("circle", 0.345, 0.43, 0.012, "#ffd166"),
                ("circle", 0.655, 0.43, 0.012, "#ffd166"),
            ],
            "label": "Byline portrait",
        },
    },
    {
        # photographer whose own agency is used → "Ines Halloran/Northlight Images"
        "key": "town-hall",
        "size": (1600, 900),
        "photographer": "ines-halloran",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "The pale stone front of Port Callow town hall, with a row of columns, a triangular "
        "pediment and a clock tower, seen across a square with a few people crossing it.",
        "caption": "Port Callow town hall on Market Square.",
        "focal": (0.5, 0.5),
        "drawing": {
            "gradient": ("#90e0ef", "#f1faee"),
            "shapes": [
                ("rect", 0.46, 0.02, 0.54, 0.26, "#b8a98f"),
                ("circle", 0.5, 0.11, 0.05, "#f8f9fa"),
                ("ring", 0.5, 0.11, 0.05, "#343a40", 0.006),
                ("line", [(0.5, 0.11), (0.5, 0.07)], "#343a40", 0.005),
                ("line", [(0.5, 0.11), (0.525, 0.12)], "#343a40", 0.005),
                ("rect", 0.12, 0.32, 0.88, 0.88, "#d6ccc2"),
                ("poly", [(0.1, 0.33), (0.5, 0.2), (0.9, 0.33)], "#c2b29a"),
                ("stripes", 0.3, 0.38, 0.7, 0.84, 15, "#f5ebe0", "#a89880"),
                ("grid", 0.14, 0.38, 0.28, 0.84, 2, 3, "#5e6472"),
                ("grid", 0.72, 0.38, 0.86, 0.84, 2, 3, "#5e6472"),
                ("rect", 0.46, 0.62, 0.54, 0.84, "#5a3e2b"),
                ("rect", 0.08, 0.84, 0.92, 0.88, "#b0a08a"),
                ("rect", 0.04, 0.88, 0.96, 0.92, "#9c8c76"),
                ("rect", 0.0, 0.92, 1.0, 1.0, "#6c757d"),
                ("dots", 0.05, 0.93, 0.95, 0.99, 18, 0.012, "#264653", 101),
            ],
            "label": "Town hall, Market Square",
        },
    },
    {
        # staff graphics artist, no agency → "Jonah Marsh/{site name}"
        "key": "budget-chart",
        "size": (1600, 900),
        "photographer": "jonah-marsh",
        "agency": None,
        "credit_type": "graphic",
        "licence": "staff",
        "alt_text": "Bar chart of next year's council spending by service. Care takes 31 per cent, "
        "schools 24, housing 14, transport 11, waste 9, libraries 6 and parks 5.",
        "caption": "How the council will spend its budget next year. Source: Port Callow city council.",
        "focal": (0.5, 0.5),
        "drawing": {
            "gradient": ("#ffffff", "#f1f3f5"),
            "shapes": [
                ("text", 0.06, 0.05, "Where next year's budget goes", "#212529", 0.06),
                (
                    "text",
                    0.06,
                    0.13,
                    "Share of council spending by service, per cent",
                    "#6c757d",
                    0.035,
                ),
                ("line", [(0.08, 0.84), (0.95, 0.84)], "#343a40", 0.004),
                (
                    "bars",
                    0.1,
                    0.24,
                    0.94,
                    0.84,
                    [0.94, 0.73, 0.42, 0.33, 0.27, 0.18, 0.15],
                    "#2a9d8f",
                ),
                ("text", 0.13, 0.86, "Care", "#343a40", 0.035),
                ("text", 0.24, 0.86, "Schools", "#343a40", 0.035),
                ("text", 0.36, 0.86, "Housing", "#343a40", 0.035),
                ("text", 0.47, 0.86, "Transport", "#343a40", 0.035),
                ("text", 0.6, 0.86, "Waste", "#343a40", 0.035),
                ("text", 0.71, 0.86, "Libraries", "#343a40", 0.035),
                ("text", 0.84, 0.86, "Parks", "#343a40", 0.035),
                ("text", 0.14, 0.21, "31", "#212529", 0.04),
                ("text", 0.26, 0.34, "24", "#212529", 0.04),
                ("text", 0.38, 0.51, "14", "#212529", 0.04),
                ("text", 0.5, 0.56, "11", "#212529", 0.04),
                ("text", 0.62, 0.6, "9", "#212529", 0.04),
                ("text", 0.74, 0.65, "6", "#212529", 0.04),
                ("text", 0.86, 0.67, "5", "#212529", 0.04),
            ],
            "label": "",
        },
    },
    {
        # photographer whose own agency is used → "Elena Voss/Harbour Photo Agency"
        "key": "terraced-street",
        "size": (1200, 800),
        "photographer": "elena-voss",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "A row of narrow terraced houses painted orange, yellow, blue, red and lilac, "
        "stepping up a steep street with a parked red car at the kerb.",
        "caption": "Terraced houses on a steep street in the old town.",
        "focal": (0.5, 0.55),
        "drawing": {
            "gradient": ("#bde0fe", "#e2eafc"),
            "shapes": [
                ("rect", 0.0, 0.55, 0.2, 0.92, "#f4a261"),
                ("rect", 0.2, 0.48, 0.4, 0.88, "#e9c46a"),
                ("rect", 0.4, 0.41, 0.6, 0.84, "#a8dadc"),
                ("rect", 0.6, 0.34, 0.8, 0.8, "#e76f51"),
                ("rect", 0.8, 0.27, 1.0, 0.76, "#cdb4db"),
                ("rect", 0.0, 0.52, 0.2, 0.55, "#6d6875"),
                ("rect", 0.2, 0.45, 0.4, 0.48, "#6d6875"),
                ("rect", 0.4, 0.38, 0.6, 0.41, "#6d6875"),
                ("rect", 0.6, 0.31, 0.8, 0.34, "#6d6875"),
                ("rect", 0.8, 0.24, 1.0, 0.27, "#6d6875"),
                ("grid", 0.02, 0.58, 0.18, 0.76, 2, 2, "#f8f9fa"),
                ("grid", 0.22, 0.51, 0.38, 0.69, 2, 2, "#f8f9fa"),
                ("grid", 0.42, 0.44, 0.58, 0.62, 2, 2, "#f8f9fa"),
                ("grid", 0.62, 0.37, 0.78, 0.55, 2, 2, "#f8f9fa"),
                ("grid", 0.82, 0.3, 0.98, 0.48, 2, 2, "#f8f9fa"),
                ("rect", 0.08, 0.78, 0.12, 0.9, "#264653"),
                ("rect", 0.28, 0.73, 0.32, 0.86, "#264653"),
                ("rect", 0.48, 0.68, 0.52, 0.82, "#264653"),
                ("rect", 0.68, 0.63, 0.72, 0.78, "#264653"),
                ("rect", 0.88, 0.58, 0.92, 0.74, "#264653"),
                ("poly", [(0.0, 0.92), (1.0, 0.72), (1.0, 1.0), (0.0, 1.0)], "#6c757d"),
                ("line", [(0.0, 0.92), (1.0, 0.72)], "#adb5bd", 0.012),
                (
                    "poly",
                    [(0.3, 0.88), (0.44, 0.85), (0.44, 0.9), (0.3, 0.93)],
                    "#d62828",
                ),
            ],
            "label": "Old town terraces",
        },
    },
    {
        # photographer whose own agency is used → "Ines Halloran/Northlight Images"
        "key": "container-cranes",
        "size": (1600, 900),
        "photographer": "ines-halloran",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "Two tall dockside cranes, one red and one blue, above stacks of coloured shipping "
        "containers on a quay, with a container ship moored alongside.",
        "caption": "Cranes at the Callow container terminal.",
        "focal": (0.45, 0.5),
        "drawing": {
            "gradient": ("#a2d2ff", "#fefae0"),
            "shapes": [
                ("rect", 0.0, 0.78, 1.0, 1.0, "#1d3557"),
                ("rect", 0.0, 0.7, 1.0, 0.78, "#6c757d"),
                ("stripes", 0.05, 0.58, 0.15, 0.7, 6, "#e63946", "#c1121f"),
                ("stripes", 0.15, 0.6, 0.25, 0.7, 6, "#457b9d", "#386280"),
                ("stripes", 0.25, 0.56, 0.35, 0.7, 6, "#f4a261", "#d98b4a"),
                ("stripes", 0.35, 0.62, 0.45, 0.7, 6, "#2a9d8f", "#218276"),
                ("stripes", 0.55, 0.58, 0.65, 0.7, 6, "#e9c46a", "#cfa94f"),
                ("stripes", 0.65, 0.62, 0.75, 0.7, 6, "#e76f51", "#c9573b"),
                ("line", [(0.2, 0.7), (0.24, 0.2), (0.28, 0.7)], "#d62828", 0.012),
                ("line", [(0.12, 0.22), (0.5, 0.22)], "#d62828", 0.01),
                ("line", [(0.45, 0.22), (0.45, 0.45)], "#212529", 0.003),
                ("rect", 0.42, 0.45, 0.48, 0.5, "#8338ec"),
                ("line", [(0.6, 0.7), (0.64, 0.15), (0.68, 0.7)], "#1d6fa5", 0.012),
                ("line", [(0.52, 0.17), (0.95, 0.17)], "#1d6fa5", 0.01),
                (
                    "poly",
                    [(0.78, 0.66), (1.0, 0.66), (1.0, 0.84), (0.8, 0.84)],
                    "#264653",
                ),
                ("grid", 0.8, 0.56, 1.0, 0.66, 5, 2, "#f77f00"),
            ],
            "label": "Callow container terminal",
        },
    },
    {
        # staff photographer, no agency → "Priya Castell/{site name}"
        "key": "hustings",
        "size": (1600, 900),
        "photographer": "priya-castell",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "Four candidates seated behind a table on a low stage under a blue banner, facing "
        "rows of people in a packed community hall, one of whom has a hand raised.",
        "caption": "Candidates at the Eastquay by-election hustings in the community hall.",
        "focal": (0.5, 0.4),
        "drawing": {
            "gradient": ("#e9edc9", "#ccd5ae"),
            "shapes": [
                ("rect", 0.2, 0.06, 0.8, 0.16, "#1d3557"),
                (
                    "text",
                    0.235,
                    0.083,
                    "EASTQUAY BY-ELECTION HUSTINGS",
                    "#f1faee",
                    0.05,
                ),
                ("rect", 0.21, 0.33, 0.29, 0.42, "#3a5a40"),
                ("rect", 0.38, 0.33, 0.46, 0.42, "#6d597a"),
                ("rect", 0.54, 0.33, 0.62, 0.42, "#b56576"),
                ("rect", 0.71, 0.33, 0.79, 0.42, "#355070"),
                ("circle", 0.25, 0.29, 0.04, "#e0ac69"),
                ("circle", 0.42, 0.29, 0.04, "#8d5524"),
                ("circle", 0.58, 0.29, 0.04, "#f1c27d"),
                ("circle", 0.75, 0.29, 0.04, "#c68642"),
                ("rect", 0.15, 0.38, 0.85, 0.47, "#6f4518"),
                ("rect", 0.1, 0.47, 0.9, 0.56, "#bc8a5f"),
                ("rect", 0.0, 0.56, 1.0, 1.0, "#8d99ae"),
                ("line", [(0.3, 0.74), (0.32, 0.56)], "#e0ac69", 0.014),
                ("dots", 0.02, 0.62, 0.98, 0.72, 40, 0.03, "#3d405b", 111),
                ("dots", 0.0, 0.74, 1.0, 0.86, 45, 0.035, "#2b2d42", 112),
                ("dots", 0.0, 0.88, 1.0, 1.0, 40, 0.04, "#1b1b1b", 113),
            ],
            "label": "Eastquay community hall",
        },
    },
    {
        # photographer and the image's agency, which beats the photographer's own
        # → "Ines Halloran/Wire Pictures"
        "key": "ballot-count",
        "size": (1200, 800),
        "photographer": "ines-halloran",
        "agency": "wire-pictures",
        "credit_type": "photo",
        "licence": "rights-managed",
        "usage_terms": "Editorial use only.",
        "alt_text": "Counting staff at long tables sort piles of ballot papers in a sports hall, with "
        "black ballot boxes stacked in the middle of the floor.",
        "caption": "The count for the Eastquay by-election at the Eastquay sports hall.",
        "focal": (0.5, 0.6),
        "drawing": {
            "gradient": ("#f8f9fa", "#dee2e6"),
            "shapes": [
                ("stripes", 0.0, 0.1, 0.3, 0.45, 10, "#8d6e63", "#f8f9fa"),
                ("rect", 0.0, 0.45, 1.0, 1.0, "#caa472"),
                ("line", [(0.0, 0.7), (1.0, 0.7)], "#d00000", 0.004),
                ("ring", 0.5, 0.7, 0.12, "#d00000", 0.004),
                ("circle", 0.12, 0.49, 0.03, "#8d5524"),
                ("circle", 0.26, 0.49, 0.03, "#f1c27d"),
                ("circle", 0.38, 0.49, 0.03, "#e0ac69"),
                ("circle", 0.64, 0.49, 0.03, "#c68642"),
                ("circle", 0.8, 0.49, 0.03, "#f1c27d"),
                ("rect", 0.05, 0.53, 0.45, 0.6, "#e9ecef"),
                ("rect", 0.55, 0.53, 0.95, 0.6, "#e9ecef"),
                ("grid", 0.06, 0.53, 0.44, 0.58, 8, 1, "#fffbe6"),
                ("grid", 0.56, 0.53, 0.94, 0.58, 8, 1, "#fffbe6"),
                ("rect", 0.44, 0.62, 0.5, 0.7, "#111111"),
                ("rect", 0.5, 0.62, 0.56, 0.7, "#111111"),
                ("rect", 0.47, 0.54, 0.53, 0.62, "#111111"),
                ("rect", 0.1, 0.8, 0.9, 0.86, "#e9ecef"),
                ("grid", 0.11, 0.8, 0.89, 0.84, 12, 1, "#fffbe6"),
                ("dots", 0.12, 0.87, 0.88, 0.95, 9, 0.035, "#495057", 121),
            ],
            "label": "The count, Eastquay sports hall",
        },
    },
    {
        # staff graphics artist, no agency → "Jonah Marsh/{site name}"
        "key": "results-chart",
        "size": (1200, 800),
        "photographer": "jonah-marsh",
        "agency": None,
        "credit_type": "graphic",
        "licence": "staff",
        "alt_text": "Bar chart of the Eastquay by-election result: Agnes Kilbride, independent, 41 per "
        "cent; Tomas Reyne, Civic Alliance, 27; Lorna Beck, Progress Party, 19; Ewan Patel, Green "
        "Coast, 13.",
        "caption": "The Eastquay by-election result, share of the vote. Source: Port Callow returning "
        "officer.",
        "focal": (0.5, 0.5),
        "drawing": {
            "gradient": ("#ffffff", "#f8f9fa"),
            "shapes": [
                ("text", 0.06, 0.05, "Eastquay by-election result", "#212529", 0.065),
                (
                    "text",
                    0.06,
                    0.14,
                    "Share of the vote, per cent. Turnout 38 per cent",
                    "#6c757d",
                    0.04,
                ),
                ("rect", 0.32, 0.26, 0.92, 0.36, "#7b2cbf"),
                ("rect", 0.32, 0.42, 0.715, 0.52, "#1d6fa5"),
                ("rect", 0.32, 0.58, 0.598, 0.68, "#e76f51"),
                ("rect", 0.32, 0.74, 0.51, 0.84, "#2a9d8f"),
                ("line", [(0.32, 0.22), (0.32, 0.88)], "#343a40", 0.004),
                ("text", 0.04, 0.285, "Kilbride (Ind)", "#212529", 0.045),
                ("text", 0.04, 0.445, "Reyne (Civic)", "#212529", 0.045),
                ("text", 0.04, 0.605, "Beck (Progress)", "#212529", 0.045),
                ("text", 0.04, 0.765, "Patel (Green)", "#212529", 0.045),
                ("text", 0.85, 0.285, "41", "#ffffff", 0.045),
                ("text", 0.645, 0.445, "27", "#ffffff", 0.045),
                ("text", 0.53, 0.605, "19", "#ffffff", 0.045),
                ("text", 0.445, 0.765, "13", "#ffffff", 0.045),
            ],
            "label": "",
        },
    },
    {
        # credit text override, a handout → "Port Callow Schools Trust", verbatim
        "key": "school-canteen",
        "size": (1600, 900),
        "photographer": None,
        "agency": None,
        "credit_text": "Port Callow Schools Trust",
        "credit_type": "handout",
        "licence": "handout",
        "usage_terms": "Supplied for coverage of the school meals scheme.",
        "alt_text": "Children eating lunch at two long tables in a school canteen, with cooks in white "
        "hats at a serving hatch behind them.",
        "caption": "Lunchtime at Saltmarsh Primary School.",
        "focal": (0.5, 0.55),
        "drawing": {
            "gradient": ("#fff3b0", "#ffe8a3"),
            "shapes": [
                ("rect", 0.3, 0.1, 0.7, 0.36, "#adb5bd"),
                ("rect", 0.32, 0.12, 0.68, 0.34, "#dee2e6"),
                ("circle", 0.42, 0.22, 0.035, "#e0ac69"),
                ("circle", 0.58, 0.22, 0.035, "#8d5524"),
                ("rect", 0.395, 0.13, 0.445, 0.17, "#ffffff"),
                ("rect", 0.555, 0.13, 0.605, 0.17, "#ffffff"),
                ("rect", 0.3, 0.3, 0.7, 0.36, "#6c757d"),
                ("rect", 0.0, 0.48, 1.0, 1.0, "#84a59d"),
                ("dots", 0.07, 0.52, 0.93, 0.58, 8, 0.035, "#8d5524", 131),
                ("dots", 0.07, 0.52, 0.93, 0.58, 8, 0.035, "#f1c27d", 132),
                ("rect", 0.05, 0.58, 0.95, 0.65, "#f4f1de"),
                ("grid", 0.07, 0.58, 0.93, 0.64, 10, 1, "#e07a5f"),
                ("dots", 0.07, 0.73, 0.93, 0.79, 7, 0.045, "#c68642", 133),
                ("dots", 0.07, 0.73, 0.93, 0.79, 7, 0.045, "#ffdbac", 134),
                ("rect", 0.03, 0.8, 0.97, 0.88, "#f4f1de"),
                ("grid", 0.05, 0.8, 0.95, 0.87, 8, 1, "#81b29a"),
            ],
            "label": "Saltmarsh Primary School",
        },
    },
    {
        # photographer and the image's agency → "Dario Kemp/Northlight Images"
        "key": "ferry-terminal",
        "size": (1600, 900),
        "photographer": "dario-kemp",
        "agency": "northlight-images",
        "credit_type": "photo",
        "licence": "royalty-free",
        "alt_text": "A long, empty ferry terminal building with a curved grey roof and a glass front, "
        "a red FERRY sign over the entrance and a bare pontoon on the water in front.",
        "caption": "The old ferry terminal, empty since the cross-harbour service stopped.",
        "focal": (0.5, 0.5),
        "drawing": {
            "gradient": ("#cdb4db", "#ffc8dd"),
            "shapes": [
                ("line", [(0.2, 0.12), (0.22, 0.1), (0.24, 0.12)], "#343a40", 0.004),
                ("line", [(0.28, 0.08), (0.3, 0.06), (0.32, 0.08)], "#343a40", 0.004),
                ("ellipse", 0.13, 0.22, 0.87, 0.55, "#6d6875"),
                ("rect", 0.15, 0.38, 0.85, 0.72, "#e5e5e5"),
                ("grid", 0.18, 0.45, 0.82, 0.7, 10, 2, "#a2d2ff"),
                ("rect", 0.42, 0.39, 0.58, 0.44, "#e63946"),
                ("text", 0.462, 0.393, "FERRY", "#ffffff", 0.04),
                ("rect", 0.0, 0.72, 1.0, 1.0, "#355070"),
                ("rect", 0.15, 0.76, 0.85, 0.8, "#4f6d8a"),
                ("rect", 0.3, 0.72, 0.7, 0.75, "#6c757d"),
                ("dots", 0.0, 0.8, 1.0, 1.0, 40, 0.004, "#b8c4d6", 141),
            ],
            "label": "Old ferry terminal",
        },
    },
    {
        # staff photographer, no agency → "Priya Castell/{site name}"
        "key": "flood-warden",
        "size": (1080, 1350),
        "photographer": "priya-castell",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "A grey-haired woman in a yellow high-visibility jacket with a radio clipped to it "
        "stands on a stone sea wall, with sandbags and a grey sea behind her.",
        "caption": "A volunteer flood warden on the Eastquay sea wall.",
        "focal": (0.5, 0.35),
        "drawing": {
            "gradient": ("#adb5bd", "#6c757d"),
            "shapes": [
                ("rect", 0.0, 0.55, 1.0, 0.75, "#457b9d"),
                ("rect", 0.0, 0.75, 1.0, 1.0, "#8d99ae"),
                ("grid", 0.0, 0.76, 1.0, 1.0, 8, 4, "#a3acb9"),
                ("ellipse", -0.04, 0.7, 0.14, 0.77, "#8a8f7a"),
                ("ellipse", 0.86, 0.7, 1.04, 0.77, "#8a8f7a"),
                ("ellipse", 0.9, 0.64, 1.06, 0.71, "#9a9f88"),
                ("ellipse", 0.32, 0.13, 0.68, 0.44, "#d9d9d9"),
                ("rect", 0.44, 0.5, 0.56, 0.68, "#e8b998"),
                ("ellipse", 0.1, 0.62, 0.9, 1.3, "#ffdd00"),
                ("rect", 0.12, 0.84, 0.88, 0.87, "#e5e5e5"),
                ("rect", 0.15, 0.93, 0.85, 0.96, "#e5e5e5"),
                ("ellipse", 0.35, 0.2, 0.65, 0.54, "#e8b998"),
                ("ellipse", 0.34, 0.15, 0.66, 0.28, "#d9d9d9"),
                ("circle", 0.44, 0.37, 0.011, "#2b2118"),
                ("circle", 0.56, 0.37, 0.011, "#2b2118"),
                ("line", [(0.46, 0.46), (0.54, 0.46)], "#a4533a", 0.006),
                ("rect", 0.64, 0.72, 0.71, 0.84, "#212529"),
                ("line", [(0.69, 0.72), (0.69, 0.64)], "#212529", 0.008),
            ],
            "label": "Eastquay sea wall",
        },
    },
    {
        # agency only → "Uncredited/Harbour Photo Agency"
        "key": "swing-bridge",
        "size": (1200, 800),
        "photographer": None,
        "agency": "harbour-photo-agency",
        "credit_type": "file_photo",
        "licence": "rights-managed",
        "usage_terms": "No archiving.",
        "alt_text": "A steel swing bridge turned open on its central pier across the inner harbour, "
        "while a two-masted sailing ship waits in the channel.",
        "caption": "The Callow swing bridge, turned open for a tall ship.",
        "focal": (0.5, 0.5),
        "drawing": {
            "gradient": ("#e0e1dd", "#778da9"),
            "shapes": [
                ("rect", 0.0, 0.62, 1.0, 1.0, "#415a77"),
                ("rect", 0.0, 0.52, 0.2, 0.66, "#1b263b"),
                ("rect", 0.8, 0.52, 1.0, 0.66, "#1b263b"),
                ("line", [(0.05, 0.52), (0.05, 0.36)], "#0d1b2a", 0.006),
                ("line", [(0.95, 0.52), (0.95, 0.36)], "#0d1b2a", 0.006),
                ("rect", 0.46, 0.48, 0.54, 0.76, "#0d1b2a"),
                (
                    "poly",
                    [(0.3, 0.44), (0.7, 0.38), (0.7, 0.46), (0.3, 0.52)],
                    "#778da9",
                ),
                (
                    "line",
                    [(0.3, 0.44), (0.4, 0.36), (0.5, 0.42), (0.6, 0.34), (0.7, 0.38)],
                    "#0d1b2a",
                    0.008,
                ),
                (
                    "poly",
                    [(0.6, 0.7), (0.94, 0.7), (0.9, 0.78), (0.64, 0.78)],
                    "#0d1b2a",
                ),
                ("line", [(0.7, 0.7), (0.7, 0.22)], "#0d1b2a", 0.006),
                ("line", [(0.84, 0.7), (0.84, 0.28)], "#0d1b2a", 0.006),
                ("poly", [(0.705, 0.26), (0.79, 0.44), (0.705, 0.62)], "#f8f9fa"),
                ("poly", [(0.845, 0.32), (0.92, 0.48), (0.845, 0.64)], "#f8f9fa"),
                ("dots", 0.0, 0.8, 1.0, 1.0, 50, 0.004, "#a9b8cc", 151),
            ],
            "label": "Callow swing bridge",
        },
    },
    {
        # photographer only (not staff, no agency) → "Nell Farrow"
        "key": "bakery",
        "size": (1200, 800),
        "photographer": "nell-farrow",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "A bakery shopfront with a green sign reading Aldous Bakers, a striped awning and a "
        "window of loaves and rolls beside a dark blue door numbered 14.",
        "caption": "Aldous Bakers at 14 Chandler Street.",
        "focal": (0.4, 0.55),
        "drawing": {
            "gradient": ("#f7ede2", "#f5cac3"),
            "shapes": [
                ("rect", 0.05, 0.2, 0.95, 1.0, "#3d405b"),
                ("rect", 0.05, 0.2, 0.95, 0.32, "#81b29a"),
                ("text", 0.28, 0.22, "ALDOUS BAKERS", "#f4f1de", 0.08),
                ("stripes", 0.05, 0.32, 0.95, 0.42, 14, "#e07a5f", "#f4f1de"),
                ("rect", 0.1, 0.46, 0.6, 0.88, "#f2cc8f"),
                ("dots", 0.12, 0.5, 0.58, 0.58, 14, 0.022, "#ddb892", 161),
                ("rect", 0.1, 0.6, 0.6, 0.62, "#6f4518"),
                ("ellipse", 0.13, 0.7, 0.25, 0.8, "#9c6644"),
                ("ellipse", 0.27, 0.7, 0.39, 0.8, "#b08968"),
                ("ellipse", 0.41, 0.7, 0.53, 0.8, "#7f5539"),
                ("rect", 0.1, 0.8, 0.6, 0.82, "#6f4518"),
                ("rect", 0.68, 0.46, 0.88, 0.94, "#22223b"),
                ("rect", 0.71, 0.5, 0.85, 0.7, "#f2cc8f"),
                ("text", 0.755, 0.74, "14", "#f4f1de", 0.05),
                ("rect", 0.0, 0.94, 1.0, 1.0, "#adb5bd"),
            ],
            "label": "Chandler Street",
        },
    },
    {
        # photographer only, Creative Commons → "Corin Hale"
        "key": "seals",
        "size": (1600, 900),
        "photographer": "corin-hale",
        "agency": None,
        "credit_type": "photo",
        "licence": "creative-commons",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
        "copyright_notice": "© Corin Hale, CC BY 4.0",
        "alt_text": "Two grey harbour seals and a pale pup hauled out on low dark rocks in a blue sea, "
        "with a small lighthouse on the horizon.",
        "caption": "Harbour seals on the Callow Skerries.",
        "focal": (0.45, 0.62),
        "drawing": {
            "gradient": ("#a9d6e5", "#61a5c2"),
            "shapes": [
                ("rect", 0.0, 0.42, 1.0, 1.0, "#2c7da0"),
                ("rect", 0.86, 0.28, 0.88, 0.42, "#f8f9fa"),
                ("rect", 0.86, 0.33, 0.88, 0.35, "#d62828"),
                ("dots", 0.0, 0.44, 1.0, 0.6, 60, 0.004, "#caf0f8", 171),
                (
                    "poly",
                    [
                        (0.0, 1.0),
                        (0.05, 0.66),
                        (0.2, 0.6),
                        (0.38, 0.63),
                        (0.5, 0.7),
                        (0.62, 0.66),
                        (0.8, 0.68),
                        (0.95, 0.8),
                        (1.0, 1.0),
                    ],
                    "#495057",
                ),
                (
                    "poly",
                    [(0.1, 1.0), (0.3, 0.78), (0.55, 0.82), (0.7, 1.0)],
                    "#343a40",
                ),
                ("ellipse", 0.15, 0.55, 0.32, 0.63, "#adb5bd"),
                ("circle", 0.31, 0.56, 0.035, "#adb5bd"),
                ("circle", 0.325, 0.55, 0.006, "#111111"),
                ("ellipse", 0.52, 0.6, 0.68, 0.68, "#8d99ae"),
                ("circle", 0.52, 0.6, 0.035, "#8d99ae"),
                ("circle", 0.505, 0.59, 0.006, "#111111"),
                ("ellipse", 0.7, 0.62, 0.78, 0.67, "#e9ecef"),
                ("circle", 0.785, 0.625, 0.02, "#e9ecef"),
            ],
            "label": "Callow Skerries",
        },
    },
    {
        # credit text override, a handout → "Port Callow University", verbatim
        "key": "kelp-lab",
        "size": (1200, 800),
        "photographer": None,
        "agency": None,
        "credit_text": "Port Callow University",
        "credit_type": "handout",
        "licence": "handout",
        "alt_text": "A long glass-sided wave tank in a laboratory, with a paddle at one end, small "
        "waves on the surface and strands of green kelp hanging from ropes in the water.",
        "caption": "Kelp on ropes in the university's wave tank.",
        "focal": (0.6, 0.6),
        "drawing": {
            "gradient": ("#e9ecef", "#ced4da"),
            "shapes": [
                ("rect", 0.05, 0.35, 0.95, 0.8, "#343a40"),
                ("rect", 0.07, 0.42, 0.93, 0.78, "#4ea8de"),
                (
                    "line",
                    [
                        (0.07, 0.42),
                        (0.17, 0.39),
                        (0.27, 0.42),
                        (0.37, 0.39),
                        (0.47, 0.42),
                        (0.57, 0.4),
                        (0.67, 0.42),
                        (0.77, 0.41),
                        (0.93, 0.42),
                    ],
                    "#caf0f8",
                    0.008,
                ),
                ("rect", 0.08, 0.3, 0.12, 0.7, "#adb5bd"),
                ("line", [(0.5, 0.36), (0.9, 0.36)], "#6c757d", 0.006),
                (
                    "line",
                    [(0.55, 0.78), (0.53, 0.65), (0.56, 0.55), (0.55, 0.42)],
                    "#2d6a4f",
                    0.014,
                ),
                (
                    "line",
                    [(0.62, 0.78), (0.6, 0.66), (0.63, 0.54), (0.62, 0.42)],
                    "#40916c",
                    0.014,
                ),
                (
                    "line",
                    [(0.69, 0.78), (0.67, 0.64), (0.7, 0.56), (0.69, 0.42)],
                    "#2d6a4f",
                    0.014,
                ),
                (
                    "line",
                    [(0.76, 0.78), (0.74, 0.66), (0.77, 0.55), (0.76, 0.42)],
                    "#40916c",
                    0.014,
                ),
                (
                    "line",
                    [(0.83, 0.78), (0.81, 0.65), (0.84, 0.54), (0.83, 0.42)],
                    "#2d6a4f",
                    0.014,
                ),
                ("grid", 0.93, 0.42, 0.95, 0.78, 1, 12, "#ffffff"),
                ("rect", 0.0, 0.8, 1.0, 1.0, "#6c757d"),
            ],
            "label": "University wave tank",
        },
    },
    {
        # photographer only (no agency of his own, none on the image) → "Dario Kemp"
        "key": "kelp-lines",
        "size": (1600, 900),
        "photographer": "dario-kemp",
        "agency": None,
        "credit_type": "photo",
        "licence": "royalty-free",
        "alt_text": "Rows of orange buoys holding kelp ropes stretch across calm blue water towards a "
        "green shore, with a small white work boat among them.",
        "caption": "Kelp lines in the outer harbour.",
        "focal": (0.65, 0.65),
        "drawing": {
            "gradient": ("#caf0f8", "#90e0ef"),
            "shapes": [
                (
                    "poly",
                    [
                        (0.0, 0.35),
                        (0.2, 0.3),
                        (0.45, 0.33),
                        (0.7, 0.28),
                        (1.0, 0.32),
                        (1.0, 0.38),
                        (0.0, 0.38),
                    ],
                    "#52796f",
                ),
                ("rect", 0.0, 0.38, 1.0, 1.0, "#0077b6"),
                ("dots", 0.0, 0.4, 1.0, 1.0, 80, 0.004, "#90e0ef", 181),
                ("line", [(0.05, 0.485), (0.95, 0.485)], "#023e8a", 0.003),
                ("grid", 0.05, 0.47, 0.95, 0.5, 14, 1, "#f77f00"),
                ("line", [(0.03, 0.57), (0.97, 0.57)], "#023e8a", 0.004),
                ("grid", 0.03, 0.55, 0.97, 0.59, 12, 1, "#f77f00"),
                ("line", [(0.0, 0.685), (1.0, 0.685)], "#023e8a", 0.005),
                ("grid", 0.0, 0.66, 1.0, 0.71, 10, 1, "#fb8500"),
                ("line", [(0.0, 0.835), (1.0, 0.835)], "#023e8a", 0.006),
                ("grid", 0.0, 0.8, 1.0, 0.87, 8, 1, "#fb8500"),
                (
                    "poly",
                    [(0.6, 0.72), (0.82, 0.72), (0.79, 0.78), (0.63, 0.78)],
                    "#f8f9fa",
                ),
                ("rect", 0.65, 0.65, 0.72, 0.72, "#e9ecef"),
                ("grid", 0.65, 0.66, 0.72, 0.69, 2, 1, "#1d3557"),
            ],
            "label": "Outer harbour",
        },
    },
    {
        # staff photographer, no agency → "Jonah Marsh/{site name}"
        "key": "classroom",
        "size": (1200, 800),
        "photographer": "jonah-marsh",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "A primary school classroom with rows of desks facing a whiteboard, and a small "
        "white air monitor showing a green light on the wall beside it.",
        "caption": "An air monitor in a classroom at Hill Street School, one of the six in the pilot.",
        "focal": (0.7, 0.35),
        "drawing": {
            "gradient": ("#fefae0", "#faedcd"),
            "shapes": [
                ("grid", 0.0, 0.08, 0.18, 0.5, 2, 3, "#bde0fe"),
                ("rect", 0.25, 0.12, 0.75, 0.42, "#ffffff"),
                ("text", 0.3, 0.18, "Fresh air, clear heads", "#1d3557", 0.05),
                ("text", 0.3, 0.28, "CO2: open a window at amber", "#e76f51", 0.035),
                ("rect", 0.82, 0.22, 0.9, 0.32, "#f8f9fa"),
                ("circle", 0.86, 0.27, 0.02, "#38b000"),
                ("rect", 0.0, 0.52, 1.0, 1.0, "#ddb892"),
                ("dots", 0.08, 0.52, 0.92, 0.6, 8, 0.03, "#6f4e37", 191),
                ("dots", 0.08, 0.52, 0.92, 0.6, 6, 0.03, "#e0ac69", 192),
                ("grid", 0.05, 0.58, 0.95, 0.98, 4, 3, "#b08968"),
                ("dots", 0.08, 0.7, 0.92, 0.76, 6, 0.035, "#8d5524", 193),
                ("dots", 0.08, 0.7, 0.92, 0.76, 6, 0.035, "#f1c27d", 194),
            ],
            "label": "Hill Street School",
        },
    },
    {
        # staff photographer, no agency → "Priya Castell/{site name}"
        "key": "choir",
        "size": (1600, 900),
        "photographer": "priya-castell",
        "agency": None,
        "credit_type": "photo",
        "licence": "staff",
        "alt_text": "A large choir dressed in black stands in three tiers against a brick wall under "
        "timber beams and warm lights, with a brass band and a conductor in front.",
        "caption": "Harbour Voices and the Callow Silver Band in the old grain store.",
        "focal": (0.5, 0.5),
        "drawing": {
            "gradient": ("#9c6644", "#432818"),
            "shapes": [
                ("grid", 0.0, 0.0, 1.0, 0.55, 20, 10, "#7f4f24"),
                ("line", [(0.0, 0.12), (1.0, 0.12)], "#3a2618", 0.02),
                ("line", [(0.2, 0.0), (0.2, 0.55)], "#3a2618", 0.015),
                ("line", [(0.8, 0.0), (0.8, 0.55)], "#3a2618", 0.015),
                ("grid", 0.05, 0.15, 0.95, 0.18, 9, 1, "#ffe8a3"),
                ("dots", 0.1, 0.3, 0.9, 0.35, 40, 0.018, "#f1c27d", 201),
                ("rect", 0.08, 0.34, 0.92, 0.44, "#111111"),
                ("dots", 0.08, 0.42, 0.92, 0.47, 40, 0.018, "#c68642", 202),
                ("rect", 0.06, 0.46, 0.94, 0.56, "#1b1b1b"),
                ("dots", 0.06, 0.54, 0.94, 0.59, 40, 0.018, "#e0ac69", 203),
                ("rect", 0.04, 0.58, 0.96, 0.68, "#111111"),
                ("rect", 0.0, 0.68, 1.0, 1.0, "#582f0e"),
                ("dots", 0.1, 0.7, 0.9, 0.78, 14, 0.02, "#ffb703", 204),
                ("circle", 0.5, 0.72, 0.025, "#e0ac69"),
                ("rect", 0.485, 0.745, 0.515, 0.84, "#000000"),
                ("dots", 0.0, 0.86, 1.0, 1.0, 50, 0.045, "#1b1b1b", 205),
            ],
            "label": "Old grain store, Eastquay",
        },
    },
    {
        # credit text override → "Quayside Theatre", verbatim
        "key": "play-poster",
        "size": (1080, 1350),
        "photographer": None,
        "agency": None,
        "credit_text": "Quayside Theatre",
        "credit_type": "illustration",
        "licence": "handout",
        "usage_terms": "For coverage of the production only.",
        "alt_text": "Theatre poster in orange and deep blue: a red ship's hull on a slipway beneath a "
        "crane and a pale sun, under the title The Last Launch.",
        "caption": "The poster for The Last Launch at the Quayside Theatre.",
        "focal": (0.5, 0.55),
        "drawing": {
            "gradient": ("#fcbf49", "#f77f00"),
            "shapes": [
                ("text", 0.08, 0.05, "THE LAST", "#003049", 0.09),
                ("text", 0.08, 0.15, "LAUNCH", "#003049", 0.09),
                ("circle", 0.66, 0.42, 0.16, "#fdf0d5"),
                ("line", [(0.9, 0.72), (0.9, 0.28), (0.55, 0.28)], "#003049", 0.014),
                ("line", [(0.6, 0.28), (0.6, 0.45)], "#003049", 0.005),
                ("poly", [(0.0, 0.9), (1.0, 0.7), (1.0, 1.0), (0.0, 1.0)], "#003049"),
                (
                    "poly",
                    [(0.12, 0.64), (0.82, 0.5), (0.86, 0.6), (0.2, 0.76)],
                    "#780000",
                ),
                ("line", [(0.16, 0.7), (0.84, 0.555)], "#c1121f", 0.01),
                ("text", 0.08, 0.91, "Quayside Theatre", "#fdf0d5", 0.035),
            ],
            "label": "",
        },
    },
    {
        # photographer whose own agency is used → "Ines Halloran/Northlight Images"
        "key": "night-market",
        "size": (1600, 900),
        "photographer": "ines-halloran",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "Food stalls with striped canopies and bright counters under strings of lights at "
        "night, with a dark crowd queueing in front of them.",
        "caption": "The Friday night market in the car park behind the Eastquay fish market.",
        "focal": (0.5, 0.55),
        "drawing": {
            "gradient": ("#03045e", "#240046"),
            "shapes": [
                ("grid", 0.0, 0.14, 1.0, 0.17, 30, 1, "#ffd166"),
                ("grid", 0.0, 0.25, 1.0, 0.27, 26, 1, "#ffe8a3"),
                ("ellipse", 0.42, 0.24, 0.54, 0.36, "#6c6f8a"),
                ("stripes", 0.03, 0.38, 0.3, 0.46, 8, "#e63946", "#f1faee"),
                ("stripes", 0.36, 0.36, 0.64, 0.44, 8, "#2a9d8f", "#f1faee"),
                ("stripes", 0.7, 0.38, 0.97, 0.46, 8, "#f4a261", "#f1faee"),
                ("rect", 0.04, 0.46, 0.29, 0.56, "#ffba08"),
                ("rect", 0.37, 0.44, 0.63, 0.54, "#ffd60a"),
                ("rect", 0.71, 0.46, 0.96, 0.56, "#ffba08"),
                ("rect", 0.04, 0.56, 0.29, 0.7, "#6c584c"),
                ("rect", 0.37, 0.54, 0.63, 0.7, "#6c584c"),
                ("rect", 0.71, 0.56, 0.96, 0.7, "#6c584c"),
                ("rect", 0.0, 0.7, 1.0, 1.0, "#3c096c"),
                ("dots", 0.0, 0.72, 1.0, 0.88, 50, 0.03, "#10002b", 211),
                ("dots", 0.0, 0.85, 1.0, 1.0, 40, 0.04, "#000000", 212),
            ],
            "label": "Eastquay night market",
        },
    },
    {
        # agency only → "Uncredited/Wire Pictures"
        "key": "storm-coast",
        "size": (1600, 900),
        "photographer": None,
        "agency": "wire-pictures",
        "credit_type": "photo",
        "licence": "rights-managed",
        "usage_terms": "Editorial use only.",
        "alt_text": "Huge grey waves throw spray over a seafront promenade in driving rain, with dark "
        "buildings behind and a red car half under water in a flooded street.",
        "caption": "The storm surge reaches the seafront in Veltmark.",
        "focal": (0.4, 0.55),
        "drawing": {
            "gradient": ("#343a40", "#adb5bd"),
            "shapes": [
                ("rect", 0.0, 0.55, 1.0, 1.0, "#495057"),
                ("rect", 0.6, 0.3, 0.7, 0.62, "#212529"),
                ("rect", 0.7, 0.25, 0.82, 0.62, "#2b2d42"),
                ("rect", 0.82, 0.33, 1.0, 0.62, "#212529"),
                ("grid", 0.71, 0.3, 0.81, 0.55, 3, 5, "#5c677d"),
                ("grid", 0.84, 0.37, 0.98, 0.55, 4, 4, "#5c677d"),
                ("rect", 0.0, 0.6, 1.0, 0.64, "#6c757d"),
                ("ellipse", 0.08, 0.3, 0.45, 0.68, "#e9ecef"),
                ("ellipse", 0.35, 0.4, 0.6, 0.68, "#dee2e6"),
                ("rect", 0.7, 0.65, 0.8, 0.7, "#d62828"),
                ("rect", 0.55, 0.68, 1.0, 0.78, "#5c677d"),
                ("line", [(0.1, 0.0), (0.05, 0.22)], "#ced4da", 0.002),
                ("line", [(0.25, 0.0), (0.2, 0.22)], "#ced4da", 0.002),
                ("line", [(0.4, 0.02), (0.35, 0.24)], "#ced4da", 0.002),
                ("line", [(0.55, 0.0), (0.5, 0.22)], "#ced4da", 0.002),
                ("line", [(0.7, 0.0), (0.65, 0.2)], "#ced4da", 0.002),
                ("line", [(0.85, 0.02), (0.8, 0.22)], "#ced4da", 0.002),
                ("dots", 0.0, 0.78, 1.0, 1.0, 60, 0.006, "#adb5bd", 221),
            ],
            "label": "Veltmark seafront",
        },
    },
    {
        # photographer whose own agency is used → "Rafe Lindqvist/Wire Pictures"
        "key": "cargo-ship",
        "size": (1600, 900),
        "photographer": "rafe-lindqvist",
        "agency": None,
        "credit_type": "photo",
        "licence": "rights-managed",
        "alt_text": "A red-hulled cargo ship stacked with blue, yellow, green and orange containers "
        "sails across a dark blue sea, leaving a white wake.",
        "caption": "A container ship on the northern sea route.",
        "focal": (0.45, 0.5),
        "drawing": {
            "gradient": ("#48cae4", "#ade8f4"),
            "shapes": [
                ("rect", 0.0, 0.6, 1.0, 1.0, "#03045e"),
                ("dots", 0.0, 0.74, 1.0, 1.0, 60, 0.004, "#ade8f4", 231),
                ("ellipse", 0.85, 0.66, 1.05, 0.74, "#caf0f8"),
                ("stripes", 0.14, 0.36, 0.38, 0.52, 12, "#1d6fa5", "#e9c46a"),
                ("stripes", 0.38, 0.4, 0.62, 0.52, 12, "#2a9d8f", "#e76f51"),
                ("stripes", 0.62, 0.34, 0.78, 0.52, 8, "#f4a261", "#457b9d"),
                (
                    "poly",
                    [
                        (0.08, 0.52),
                        (0.88, 0.52),
                        (0.95, 0.6),
                        (0.84, 0.72),
                        (0.12, 0.72),
                    ],
                    "#9d0208",
                ),
                ("rect", 0.08, 0.52, 0.9, 0.56, "#111111"),
                ("rect", 0.08, 0.26, 0.14, 0.52, "#f8f9fa"),
                ("grid", 0.08, 0.28, 0.14, 0.32, 3, 1, "#212529"),
                ("rect", 0.09, 0.2, 0.12, 0.26, "#d62828"),
            ],
            "label": "Northern sea route",
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
    # Added in the second release: enough stories for every list page to run to a second
    # page (Politics, the "Harbour" tag and Mara Ellison each have more than ten).
    {
        "slug": "harbour-voices-fill-the-old-grain-store",
        "headline": "Harbour Voices fill the old grain store for their first concert there",
        "standfirst": "Two hundred singers, a brass band and an audience of six hundred tried out "
        "Eastquay's newest venue. The verdict: bring a cushion, but come.",
        "section": "culture",
        "authors": ["tobias-wren"],
        "tags": ["Music", "Harbour", "Eastquay"],
        "status": "published",
        "published_days_ago": 0.6,
        "featured_image": "choir",
        "featured_caption": "",
        "body": [
            "The old grain store on Eastquay, which stood empty for thirty years before the Harbour "
            "Board let it to an arts charity, held its first full concert on Saturday night, and it "
            "was a loud one.",
            "Harbour Voices, the city's largest community choir, brought two hundred singers and the "
            "Callow Silver Band to a programme of sea songs, work songs and a new piece by the local "
            "composer Maud Everly, written for the building. The brick walls and timber roof carry "
            "sound remarkably well, although the back rows heard rather more of the brass than of "
            "the altos.",
            "Everly's piece, The Weighing of the Grain, was the high point of the evening: a slow "
            "build from a single voice to the full choir, with the band coming in only for the final "
            "bars. The audience asked to hear it again, and did.",
            "The seats are still benches borrowed from a school, and the charity is raising money "
            "for proper ones; toilets and a small bar are due to open in the autumn. The choir "
            "rehearses on Tuesday evenings and is looking for tenors. It always is.",
        ],
    },
    {
        "slug": "council-budget-keeps-every-branch-library-open",
        "headline": "Council budget keeps every branch library open but raises parking charges",
        "standfirst": "Next year's spending plan passed late on Wednesday. The libraries survive a "
        "third round of savings; drivers in the city centre will pay more to park.",
        "section": "politics",
        "authors": ["mara-ellison", "kofi-marangoni"],
        "tags": ["City council", "Budget", "Libraries"],
        "status": "published",
        "published_days_ago": 1.4,
        "featured_image": "town-hall",
        "featured_caption": "The budget debate at the town hall ran until almost midnight.",
        "body": [
            "All eleven of Port Callow's branch libraries will stay open next year after councillors "
            "approved a budget that finds its savings elsewhere, most of them in the city's car "
            "parks.",
            "Charges in council car parks in the centre will rise by a fifth from April, and the "
            "free first hour at the Market Square car park will end. Officers expect the changes to "
            "cover the libraries' running costs with a little to spare.",
            {"figure": "budget-chart", "caption": ""},
            "The budget also pays for the free school lunches announced earlier in the week, and "
            "for the first year of the Eastquay sea wall rebuild, part of which the council will "
            "fund by borrowing.",
            "“Nobody likes paying more to park,” said Ros Whitcombe, the council leader. “But a "
            "library is the only warm room in this city where nobody asks you to buy anything, and "
            "I would rather we kept them.” An opposition amendment to close the libraries on "
            "Sundays instead was defeated by 29 votes to 14.",
        ],
    },
    {
        "slug": "every-primary-pupil-to-get-a-free-school-lunch",
        "headline": "Every primary pupil in Port Callow to get a free school lunch",
        "standfirst": "The council will pay for a hot meal each day for the city's 9,400 primary "
        "school children from September, whatever their parents earn.",
        "section": "politics",
        "authors": ["kofi-marangoni", "mara-ellison"],
        "tags": ["Schools", "City council", "Budget"],
        "status": "published",
        "published_days_ago": 3.7,
        "featured_image": "school-canteen",
        "featured_caption": "",
        "body": [
            "Every child at a Port Callow primary school will be offered a free hot lunch from the "
            "start of the autumn term, the council announced, extending a scheme that until now has "
            "covered only families on the lowest incomes.",
            "Head teachers have long argued that the old rules left out many children whose families "
            "earn just too much to qualify. A survey of the city's schools last year found that in "
            "some classes a third of pupils came to school without lunch on at least one day a "
            "week.",
            "The Port Callow Schools Trust, which runs the kitchens in most of the city's schools, "
            "will take on forty more cooks and kitchen staff, and six schools that have no kitchen "
            "of their own will have meals brought in from their neighbours.",
            "“A hungry child cannot learn long division,” said Yusra Mallin, head teacher of "
            "Saltmarsh Primary School. “We will see the difference by half term, in the afternoons "
            "especially.”",
            "Parents do not need to apply. Children with allergies or special diets should be "
            "registered with their school's kitchen before the end of the summer term.",
        ],
    },
    {
        "slug": "container-terminal-has-its-busiest-quarter-in-a-decade",
        "headline": "Container terminal has its busiest quarter in a decade",
        "standfirst": "More than 90,000 containers crossed the quay in three months, helped by two new "
        "cranes and a shipping line that moved its calls from a rival port.",
        "section": "business",
        "authors": ["lucia-ferrand", "anneke-solberg"],
        "tags": ["Harbour", "Shipping", "Jobs"],
        "status": "published",
        "published_days_ago": 6.4,
        "featured_image": "container-cranes",
        "featured_caption": "",
        "body": [
            "The Callow container terminal handled more containers in the first three months of the "
            "year than in any quarter for ten years, the Harbour Board said on Tuesday.",
            "The board credits the two cranes installed last autumn, which have cut the time it "
            "takes to unload a large ship by almost a day, and the decision by a northern shipping "
            "line to make Port Callow a regular stop on its route instead of a port further along "
            "the coast.",
            {
                "figure": "harbour-dawn",
                "caption": "Ships now wait less often at the harbour mouth, the board says, though "
                "early mornings are still busy.",
            },
            "The terminal employs about 640 people, and the board says it will hire forty more this "
            "year, most of them crane and straddle-carrier drivers. Its training school on the quay "
            "will run two extra courses.",
            "Not all the news was welcome. People living in the streets behind the terminal say "
            "lorry traffic has grown with the trade, and the board has promised a plan to move more "
            "containers by rail.",
        ],
    },
    {
        "slug": "residents-parking-zone-to-stretch-up-millbank-hill",
        "headline": "Residents' parking zone to stretch up Millbank Hill",
        "standfirst": "Streets around the observatory will need a permit from the summer, after "
        "residents complained that commuters were taking every space by eight in the morning.",
        "section": "politics",
        "authors": ["hana-sorvik", "mara-ellison"],
        "tags": ["City council", "Parking", "Millbank Hill", "Transport"],
        "status": "published",
        "published_days_ago": 7.7,
        "featured_image": "terraced-street",
        "featured_caption": "Houses on the lower slopes of Millbank Hill, where permits will be "
        "needed from the summer.",
        "body": [
            "The residents' parking zone that covers the old town will be extended to the streets on "
            "the lower slopes of Millbank Hill, the council's transport committee agreed on Monday.",
            "People living on Orchard Rise, Lantern Row and the roads around the observatory say "
            "drivers from outside the city leave their cars there all day and take the tram into "
            "the centre from the Millbank stop. A survey by council officers found that on weekdays "
            "more than four in five spaces on those streets were taken by nine o'clock.",
            "Permits will cost the same as in the old town, with one free visitor permit a week for "
            "each household. Blue badge holders and the observatory's night staff will not need "
            "one, and the zone will be reviewed after a year.",
            "Some shopkeepers on Hill Street worried that their customers would have nowhere to "
            "park. The committee agreed to keep twelve spaces on the street for stays of up to an "
            "hour.",
        ],
    },
    {
        "slug": "port-callow-sends-pumps-to-storm-hit-veltmark",
        "headline": "Port Callow sends pumps and crews to storm-hit Veltmark",
        "standfirst": "The city's twin across the northern sea is clearing up after the worst storm "
        "surge in its history. Four high-volume pumps left Eastquay by ship on Wednesday.",
        "section": "world",
        "authors": ["anneke-solberg"],
        "tags": ["Flooding", "Storms", "Sister cities"],
        "status": "published",
        "published_days_ago": 8.3,
        "featured_image": "storm-coast",
        "featured_caption": "",
        "body": [
            "Port Callow has sent four high-volume pumps and a team of twelve firefighters to "
            "Veltmark, its twin city across the northern sea, where a storm surge at the weekend "
            "flooded the harbour district and left thousands of homes without power.",
            "The surge came over Veltmark's sea defences at high tide on Saturday night, flooding "
            "streets to a depth of more than a metre in places. The city's authorities said no one "
            "had died, but several hundred people were still staying with relatives or in emergency "
            "shelters.",
            "The pumps were bought after the 1998 storm in Port Callow and are normally kept at the "
            "Eastquay fire station. They were loaded onto a cargo ship that sails regularly between "
            "the two ports.",
            "“Veltmark sent help when we needed it, and we have not forgotten,” said Ros Whitcombe, "
            "the council leader. The two cities have been twinned for more than fifty years. "
            "Residents who want to help are asked to give money to the Veltmark relief appeal "
            "rather than goods, which are hard to ship.",
        ],
    },
    {
        "slug": "harbour-board-names-chair-from-outside-shipping",
        "headline": "Harbour Board names its first chair from outside the shipping trade",
        "standfirst": "Nadia Fenwick, who ran the city's hospitals for a decade, will lead the body "
        "that owns the port, the fish market and most of the waterfront.",
        "section": "politics",
        "authors": ["mara-ellison", "lucia-ferrand"],
        "tags": ["Harbour", "Harbour Board"],
        "status": "published",
        "published_days_ago": 11.1,
        "featured_image": "container-cranes",
        "featured_caption": "The container terminal is the largest of the Harbour Board's businesses.",
        "body": [
            "The Port Callow Harbour Board has appointed Nadia Fenwick as its chair, the first person "
            "to hold the post who has not worked in shipping, fishing or the port itself.",
            "Ms Fenwick was chief executive of the city's hospital trust until last year. The board "
            "said it chose her for her experience of running large public bodies through difficult "
            "building projects, of which the harbour has several: the sea wall, the fish market "
            "hall and the future of the old ferry terminal.",
            "The board is owned by the city but run at arm's length from the council, and pays its "
            "way from port dues and rents. Its chair is chosen by the board's members and confirmed "
            "by a vote of the full council, which is expected next month.",
            "“I know what I don't know about ships,” Ms Fenwick said. “What I do know is how to "
            "keep a big, old building working while people depend on it every day.” She replaces "
            "Captain Owen Thale, who retires after nine years in the role.",
        ],
    },
    {
        "slug": "old-town-holiday-lets-will-need-a-licence",
        "headline": "Holiday lets in the old town will need a licence from next year",
        "standfirst": "The council says one home in seven in the old town is now let to visitors. "
        "Owners will have to register, meet safety rules and show a number on every advert.",
        "section": "politics",
        "authors": ["hana-sorvik"],
        "tags": ["Housing", "Old town", "City council"],
        "status": "published",
        "published_days_ago": 15.9,
        "featured_image": "terraced-street",
        "featured_caption": "",
        "body": [
            "Anyone letting a home in Port Callow's old town to short-stay visitors will need a "
            "licence from the council from January, under rules approved by the housing committee "
            "on Thursday.",
            "The council estimates that one home in seven in the old town is now let to visitors "
            "for most of the year, up from one in twenty-five a decade ago. Residents' groups say "
            "whole terraces now stand empty outside the summer, and that rents have risen for "
            "everyone else.",
            "A licence will require a gas safety certificate, a smoke alarm in every bedroom and a "
            "named contact who can be reached at night. The licence number must appear on every "
            "advert, and listing sites will be asked to remove adverts without one.",
            "The committee stopped short of a cap on the number of lets, which some councillors had "
            "wanted, saying it first needed a year of reliable figures. “We can't manage what we "
            "can't count,” said the committee's chair, Wendell Ashe.",
            "Owners who let a room in the home they live in, or let their whole home for fewer than "
            "thirty nights a year, will not need a licence.",
        ],
    },
    {
        "slug": "a-hundred-years-of-bread-on-chandler-street",
        "headline": "A hundred years of bread on Chandler Street",
        "standfirst": "Aldous Bakers has opened before dawn every morning since its first loaf. The "
        "fourth generation of the family is in no hurry to change the recipe.",
        "section": "business",
        "authors": ["rosa-teague"],
        "tags": ["Small business", "Old town", "Food"],
        "status": "published",
        "published_days_ago": 16.8,
        "featured_image": "bakery",
        "featured_caption": "",
        "body": [
            "There has been an Aldous behind the counter at 14 Chandler Street for a hundred years "
            "this month, and for almost all of that time the first tray of loaves has come out of "
            "the oven before five in the morning.",
            "The bakery was opened by Walter Aldous, a ship's cook who came ashore to marry, and is "
            "now run by his great-granddaughter, Pippa Aldous, and her husband, Sami. The brick oven "
            "at the back of the shop is the original, though it was converted from coal to gas long "
            "ago.",
            "The shop still sells the seeded harbour loaf that Walter baked for the fishing boats, "
            "made to keep for a week at sea. These days it goes mostly to office workers, but a few "
            "boats still collect an order on Friday mornings.",
            "Flour and energy cost far more than they did, and Pippa Aldous says the shop survives "
            "because the family owns the building. “If we paid rent, we would have closed years "
            "ago,” she said. To mark the anniversary, the first hundred customers on Saturday will "
            "be given a harbour loaf.",
        ],
    },
    {
        "slug": "the-last-launch-brings-the-saltmarsh-yard-to-the-stage",
        "headline": "The Last Launch brings the Saltmarsh yard back to life on stage",
        "standfirst": "A new play at the Quayside Theatre tells the story of the shipyard's final "
        "year through three families who worked there. It is funny, angry and nearly sold out.",
        "section": "culture",
        "authors": ["tobias-wren"],
        "tags": ["Theatre", "Shipbuilding", "Harbour"],
        "status": "published",
        "published_days_ago": 19.5,
        "featured_image": "play-poster",
        "featured_caption": "",
        "body": [
            "When the Saltmarsh shipyard closed, it took with it the jobs of one in three working "
            "people in Port Callow. The Last Launch, which opened at the Quayside Theatre this week, "
            "tells the story of that year through the kitchens, pubs and slipways of three "
            "families.",
            "The writer, Jessamy Carr, grew up in Saltmarsh and interviewed more than forty former "
            "yard workers and their families. Their words run all through the script, and several "
            "of them were in the audience on the first night.",
            "A cast of eight plays more than thirty parts, switching between welders, managers and "
            "children with a change of cap. The set is a single steel hull that turns slowly through "
            "the evening, and the final scene, the launch of the yard's last ship, drew applause "
            "before a word was spoken.",
            "The play is not always fair to the managers, and the second act is twenty minutes too "
            "long. But it understands what a shipyard meant to a town: not only wages, but a "
            "calendar, a language and a reason to be proud. It runs until the end of next month.",
        ],
    },
    {
        "slug": "every-planning-objection-to-be-published-online",
        "headline": "Every planning objection will be published online, council decides",
        "standfirst": "Letters for and against building plans will be posted beside each "
        "application, with private addresses removed. Developers' own letters will be published too.",
        "section": "politics",
        "authors": ["mara-ellison"],
        "tags": ["Planning", "City council", "Transparency"],
        "status": "published",
        "published_days_ago": 21.4,
        "featured_image": "town-hall",
        "featured_caption": "",
        "body": [
            "Comments on planning applications in Port Callow will be published online in full from "
            "next month, the council's governance committee decided this week, ending a system in "
            "which residents had to book an appointment at the town hall to read them.",
            "Names will be shown, but home addresses, phone numbers and email addresses will be "
            "removed. For the first time, letters and notes of meetings between the council's "
            "planners and developers will be published in the same place.",
            {
                "figure": "council-chamber",
                "caption": "The governance committee agreed the change in the council chamber.",
            },
            "Councillors from every group supported the change, although several warned that it "
            "could put people off writing in. Residents will be able to ask for their name to be "
            "withheld when they have a good reason, such as a dispute with a neighbour.",
            "“Planning decides what our streets will look like for a hundred years,” said "
            "Councillor Priti Lowe, who proposed the motion. “People should be able to see who said "
            "what, and when, without taking a morning off work.”",
        ],
    },
    {
        "slug": "harbour-seals-breeding-on-the-outer-rocks-again",
        "headline": "Harbour seals are breeding on the outer rocks again",
        "standfirst": "Volunteers counted fourteen pups on the Callow Skerries this year, the most "
        "since counting began, and a sign that the colony has recovered from a virus outbreak.",
        "section": "science",
        "authors": ["idris-okafor"],
        "tags": ["Harbour", "Wildlife", "Volunteers"],
        "status": "published",
        "published_days_ago": 22.1,
        "featured_image": "seals",
        "featured_caption": "",
        "body": [
            "Fourteen harbour seal pups were born on the Callow Skerries this year, according to "
            "volunteers who have counted the colony every week since the rocks were closed to boats "
            "in the breeding season.",
            "The colony was badly hit by a virus twelve years ago, when more than half of the adult "
            "seals died. For several years afterwards no pups were seen at all.",
            {
                "figure": "lighthouse",
                "caption": "The Skerries lie just beyond the lighthouse; with binoculars, the seals "
                "can often be seen from the harbour wall.",
            },
            "“Seals live long and breed slowly, so a recovery like this takes a decade, not a "
            "season,” said Dr Maren Holt of the university's marine station, who trains the "
            "volunteers. Cleaner water since the city's sewage outfalls were rebuilt has probably "
            "helped, she said, by bringing back the fish the seals eat.",
            "Boats must keep at least a hundred metres from the rocks between May and August. The "
            "volunteers have asked kayakers in particular to keep their distance.",
        ],
    },
    {
        "slug": "eastquay-traders-count-the-cost-of-tram-works",
        "headline": "Eastquay traders count the cost of four years of tram works",
        "standfirst": "Shops and cafés on the waterfront road say trade fell by up to a third during "
        "construction. Some want compensation; the council says it has none to offer.",
        "section": "business",
        "authors": ["lucia-ferrand", "hana-sorvik"],
        "tags": ["Eastquay", "Small business", "Trams", "Harbour"],
        "status": "published",
        "published_days_ago": 27.7,
        "featured_image": "tram-depot",
        "featured_caption": "A test tram at the Eastquay depot. The extension is nearly finished.",
        "body": [
            "With the Eastquay tram extension nearly finished, traders on the waterfront road have "
            "begun to add up what four years of fences, diversions and drilling have cost them.",
            "A survey by the Eastquay traders' association of its 58 members found that most had "
            "lost trade during the works, and that for the cafés and shops nearest the construction "
            "the fall reached a third in the worst months. Three businesses on the road closed, "
            "although the association accepts that other things played a part.",
            {
                "figure": "fish-market",
                "caption": "The fish market kept trading through the works, but stallholders say "
                "fewer shoppers came on foot.",
            },
            "The association has asked the council for a one-off payment to members who can show "
            "their losses. The council says it has no money for that, but has offered a year's "
            "discount on business parking permits and free pitches at the street market planned "
            "for the opening day.",
            "“The tram will be good for us, in the end,” said Ravi Okello, who runs a café "
            "opposite the new fish market stop. “Getting to the end has been the hard part.”",
        ],
    },
    {
        "slug": "agnes-kilbride-wins-eastquay-by-election",
        "headline": "Flood campaigner Agnes Kilbride wins the Eastquay by-election",
        "standfirst": "The independent candidate took more than four votes in ten, on the highest "
        "turnout the ward has seen in a by-election.",
        "section": "politics",
        "authors": ["mara-ellison"],
        "tags": ["Elections", "Eastquay", "City council"],
        "status": "published",
        "published_days_ago": 30.1,
        "featured_image": "ballot-count",
        "featured_caption": "",
        "body": [
            "Agnes Kilbride, who founded the Eastquay Flood Group, has won the Eastquay seat on Port "
            "Callow city council, beating three party candidates with 41 per cent of the vote.",
            {"figure": "results-chart", "caption": ""},
            "Turnout was 38 per cent, the highest for a by-election in the ward in living memory. "
            "The count at the Eastquay sports hall finished shortly after one in the morning.",
            "Ms Kilbride, a retired nurse, will sit as an independent and says she will back any "
            "plan that rebuilds the sea wall quickly. “People here have been patient for thirty "
            "years,” she said after the result was declared. “Patience has not kept the water out "
            "of their kitchens.”",
            "Tomas Reyne of the Civic Alliance, who came second, congratulated her and said his "
            "party would hold her to her promises.",
        ],
    },
    {
        "slug": "eastquay-night-market-learns-to-eat-seaweed",
        "headline": "At the Eastquay night market, Port Callow learns to eat seaweed",
        "standfirst": "Thirty stalls, one car park and a great deal of steam: the Friday night market "
        "has become the place where the city's cooks try out new ideas.",
        "section": "culture",
        "authors": ["rosa-teague", "tobias-wren"],
        "tags": ["Food", "Seaweed", "Eastquay", "Harbour"],
        "status": "published",
        "published_days_ago": 31.6,
        "featured_image": "night-market",
        "featured_caption": "",
        "body": [
            "On Friday evenings the car park behind the Eastquay fish market fills with thirty food "
            "stalls, strings of bulbs and a queue that by eight o'clock reaches the harbour wall.",
            "The market began three years ago with six stalls, as a way to bring people to the quay "
            "after dark. It now has a waiting list, and several of its traders have gone on to open "
            "restaurants in the old town.",
            "This season's surprise is seaweed. At least five stalls now cook with it: in buttered "
            "noodles, in a salty crisp that sells out by nine, and in a dark, sticky glaze for "
            "grilled mackerel that is worth the queue on its own. Most of it is gathered by hand on "
            "the northern shore.",
            {
                "figure": "kelp-lines",
                "caption": "Kelp lines in the outer harbour. Several stallholders hope to buy from "
                "the new farm once it has its first crop.",
            },
            "The market runs every Friday from six until eleven. Bring cash for the smaller stalls, "
            "and a coat: the wind off the harbour does not care what you are eating.",
        ],
    },
    {
        "slug": "eastquay-by-election-candidates-on-the-sea",
        "headline": "Four candidates, one question: who will keep the sea out of Eastquay?",
        "standfirst": "The by-election for the Eastquay seat on the city council is being fought "
        "almost entirely on flood defences. We asked each candidate what they would do.",
        "section": "politics",
        "authors": ["mara-ellison", "anneke-solberg"],
        "tags": ["Elections", "Eastquay", "Sea wall"],
        "status": "published",
        "published_days_ago": 34.2,
        "featured_image": "hustings",
        "featured_caption": "",
        "body": [
            "Voters in Eastquay go to the polls next week to replace Bernard Quill, who has retired "
            "after twenty-two years as the ward's councillor. Four candidates are standing, and at a "
            "crowded hustings in the community hall on Monday almost every question was about the "
            "sea.",
            "Agnes Kilbride, an independent who founded the Eastquay Flood Group after her street "
            "flooded two winters ago, wants the sea wall rebuilt before any other building work in "
            "the ward. Tomas Reyne of the Civic Alliance says the wall must come with new drains, "
            "because much of the flooding comes from behind it.",
            "Lorna Beck of the Progress Party would pay for the work partly by selling council land "
            "on the quay. Ewan Patel, for Green Coast, wants a study of a tidal barrier across the "
            "harbour mouth first.",
            {
                "figure": "seawall-1998",
                "caption": "Many at the hustings remembered the 1998 storm, the last time the sea "
                "came over the whole length of the wall.",
            },
            "Turnout in Eastquay by-elections has rarely passed a quarter of voters. This time the "
            "council says applications for postal votes are already double the usual number.",
        ],
    },
    {
        "slug": "seaweed-farm-wins-licence-in-the-outer-harbour",
        "headline": "Seaweed farm wins a licence to grow in the outer harbour",
        "standfirst": "Two former trawler crew will hang kelp on ropes between buoys off the Callow "
        "Skerries, in the city's first commercial seaweed farm.",
        "section": "business",
        "authors": ["lucia-ferrand", "idris-okafor"],
        "tags": ["Harbour", "Seaweed", "Jobs"],
        "status": "published",
        "published_days_ago": 37.3,
        "featured_image": "kelp-lines",
        "featured_caption": "",
        "body": [
            "A company started by two former trawler crew has been given a licence by the Harbour "
            "Board to farm seaweed in the outer harbour, the first business of its kind in Port "
            "Callow.",
            "Outer Harbour Kelp will grow sugar kelp on ropes hung between rows of buoys over about "
            "four hectares of water near the Callow Skerries. The ropes are seeded in the autumn "
            "and the kelp is harvested in late spring.",
            "The founders, Calum and Eoin Rask, fished out of Port Callow for fifteen years before "
            "the last trawler they crewed was sold. “We know the water, and we know how to work a "
            "rope in a gale,” said Calum Rask. “It turns out that is most of the job.”",
            "Kelp needs no feed or fertiliser. The licence runs for five years, and the company "
            "must keep its lines clear of the shipping channel and take them out if they disturb "
            "the seal colony on the Skerries.",
        ],
    },
    {
        "slug": "harbour-ferry-could-sail-again",
        "headline": "Harbour ferry could sail again under a Harbour Board plan",
        "standfirst": "An electric boat would cross between Eastquay and the lighthouse quay every "
        "twenty minutes, eight years after the old crossing closed.",
        "section": "politics",
        "authors": ["hana-sorvik", "mara-ellison"],
        "tags": ["Ferry", "Harbour", "Harbour Board", "Transport"],
        "status": "published",
        "published_days_ago": 39.8,
        "featured_image": "ferry-terminal",
        "featured_caption": "",
        "body": [
            "The cross-harbour ferry, which carried commuters between Eastquay and the lighthouse "
            "quay for most of the last century, could return within three years under plans "
            "published by the Harbour Board.",
            "The old diesel ferries were withdrawn when the board could no longer afford to repair "
            "them. The new plan is for a single battery-powered boat carrying up to eighty "
            "passengers and twenty bicycles, charged overnight at the quay.",
            {
                "figure": "lighthouse",
                "caption": "The ferry would land beside the lighthouse, at a new floating pontoon.",
            },
            "The boat would not use the old terminal building, which is far too big for a service "
            "of this size; a floating pontoon would be built beside it instead.",
            "The board wants the council to pay part of the running costs, as it does for the "
            "trams, and the transport committee will consider the request in the autumn. The "
            "crossing takes six minutes by boat; the same journey by road takes twenty-five.",
        ],
    },
    {
        "slug": "kelp-could-take-the-edge-off-harbour-waves",
        "headline": "Kelp could take the edge off harbour waves, university trial suggests",
        "standfirst": "In a wave tank on the campus, ropes of seaweed cut the height of waves by up to "
        "a fifth. The researchers now want to try the idea in open water.",
        "section": "science",
        "authors": ["idris-okafor"],
        "tags": ["Harbour", "Seaweed", "Flooding", "Climate"],
        "status": "published",
        "published_days_ago": 42.9,
        "featured_image": "kelp-lab",
        "featured_caption": "",
        "body": [
            "Kelp grown on ropes could help protect Port Callow's waterfront by soaking up some of "
            "the energy of incoming waves, according to a trial by researchers at the city's "
            "university.",
            "The team hung kelp in the university's wave tank, a long channel in which paddles make "
            "waves of a chosen size, and measured the waves after they had passed through. Dense "
            "rows of kelp cut wave height by up to a fifth, though the effect on the largest storm "
            "waves was much smaller.",
            {
                "figure": "barrier-model",
                "caption": "Engineers could test on the Harbour Board's estuary model how a kelp "
                "farm would change the waves.",
            },
            "“Kelp is not a sea wall and never will be,” said Dr Lise Marchbank, who led the study. "
            "“But a sea wall that meets slightly smaller waves lasts longer and needs less repair, "
            "and that is worth knowing.”",
            "The team hopes to measure waves around a commercial seaweed farm in the outer harbour, "
            "if one is licensed, to see whether the results hold in real water.",
        ],
    },
    {
        "slug": "northern-sea-routes-busier-than-ever",
        "headline": "Northern sea routes busier than ever, shipping report finds",
        "standfirst": "Traffic on the routes that pass Port Callow grew for the fifth year running. "
        "The report warns that ports along the coast are struggling to keep up.",
        "section": "world",
        "authors": ["anneke-solberg", "lucia-ferrand"],
        "tags": ["Shipping", "Harbour", "Jobs"],
        "status": "published",
        "published_days_ago": 46.7,
        "featured_image": "cargo-ship",
        "featured_caption": "",
        "body": [
            "More cargo ships than ever used the northern sea routes last year, according to the "
            "annual report of the Northern Seas Shipping Council, which brings together the port "
            "authorities of the coast.",
            "Ship movements rose by six per cent, the fifth year of growth in a row. Larger ships "
            "account for most of the increase, and the report notes that several ports, Port "
            "Callow among them, can take the biggest vessels only at high tide.",
            {
                "figure": "container-cranes",
                "caption": "The Callow container terminal, where two larger cranes went into service "
                "last autumn.",
            },
            "The growth brings jobs, the authors say, but also strain: on channels that need "
            "dredging more often, on the roads that carry containers inland, and on seabird and seal "
            "colonies close to busy lanes.",
            "The Harbour Board said the findings matched its own forecasts and would feed into its "
            "plans to deepen the harbour's main channel, on which it will consult next year.",
        ],
    },
    {
        "slug": "eastquay-recruits-a-flood-warden-for-every-street",
        "headline": "Eastquay recruits a flood warden for every street",
        "standfirst": "Volunteers will check on neighbours, hand out sandbags and pass on warnings "
        "when the tide is high. More than a hundred have already signed up.",
        "section": "politics",
        "authors": ["mara-ellison"],
        "tags": ["Flooding", "Volunteers", "Eastquay", "Harbour"],
        "status": "published",
        "published_days_ago": 48.2,
        "featured_image": "flood-warden",
        "featured_caption": "Agnes Kilbride, who started the Eastquay Flood Group, on the sea wall.",
        "body": [
            "Every street in Eastquay will have its own volunteer flood warden by the autumn, under a "
            "scheme run by the Eastquay Flood Group with training from the city's fire service.",
            "Wardens are given a radio, a torch, a high-visibility jacket and a list of the "
            "neighbours on their street who may need help to leave home quickly, such as older "
            "residents and families with babies. When the Harbour Board warns of a high tide, the "
            "wardens knock on doors.",
            {
                "figure": "tide-chart",
                "caption": "Higher average tides mean more winter days on which a storm can push "
                "water over the wall.",
            },
            "“The sea wall will take years to rebuild,” said Agnes Kilbride, who started the Flood "
            "Group two winters ago. “Until then, the best defence we have is people who know which "
            "door to knock on first.”",
            "The scheme has 112 volunteers so far, covering 61 of the ward's 70 streets. Anyone who "
            "wants to join can sign up at the Eastquay library.",
        ],
    },
    {
        "slug": "every-classroom-to-get-an-air-monitor",
        "headline": "Every classroom in the city to get an air quality monitor",
        "standfirst": "Small sensors will show teachers when a room needs fresh air. A pilot in six "
        "schools found that most classrooms grew stuffy within an hour of the first lesson.",
        "section": "science",
        "authors": ["kofi-marangoni"],
        "tags": ["Schools", "Health", "Air quality"],
        "status": "published",
        "published_days_ago": 51.4,
        "featured_image": "classroom",
        "featured_caption": "",
        "body": [
            "Each of Port Callow's 1,100 classrooms will have a small monitor on the wall by the end "
            "of the year, showing teachers when the air in the room has gone stale and the windows "
            "need opening.",
            "The monitors measure carbon dioxide, which builds up as people breathe, and show a "
            "green, amber or red light. In a pilot in six schools last winter, most rooms turned "
            "amber within an hour of the first lesson, and many were red by lunchtime when the "
            "windows stayed shut against the cold.",
            "Researchers at the university who studied the pilot found that pupils in rooms with "
            "fresher air did slightly better in short attention tests in the afternoon, although "
            "they cautioned that the study was small.",
            "“Nobody is asking teachers to freeze,” said Amara Fjeld, the city's director of public "
            "health. “Ten minutes with the windows open between lessons makes most of the "
            "difference, and the light tells you when.”",
        ],
    },
    {
        "slug": "swing-bridge-breakdowns-were-foreseeable",
        "headline": "Swing bridge breakdowns were foreseeable, inquiry finds",
        "standfirst": "The harbour's swing bridge stuck open eleven times last year. An independent "
        "inquiry blames repairs that were put off year after year.",
        "section": "politics",
        "authors": ["mara-ellison", "hana-sorvik"],
        "tags": ["Harbour", "Bridges", "City council", "Transport"],
        "status": "published",
        "published_days_ago": 58.3,
        "featured_image": "swing-bridge",
        "featured_caption": "",
        "body": [
            "The repeated failures of the Callow swing bridge, which left it stuck open across the "
            "inner harbour eleven times last year, could have been avoided if engineers' warnings "
            "had been acted on, an independent inquiry has found.",
            "The bridge swings aside to let tall ships into the inner basin and carries the main "
            "road between the old town and Eastquay. Each failure closed the road for between two "
            "hours and three days.",
            "Engineers reported worn parts in the bridge's turning gear in four annual inspections "
            "in a row, the inquiry found, and each time the repair was put off to save money. It "
            "calls for a ten-year maintenance plan for all of the city's moving bridges, with money "
            "set aside that cannot be spent on anything else.",
            "The council and the Harbour Board, which share responsibility for the bridge, both "
            "accepted the findings. “This was not bad luck,” the inquiry's chair, Dr Ingrid Halse, "
            "wrote. “It was a bill that arrived late, with interest.”",
        ],
    },
]
