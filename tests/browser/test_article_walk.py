"""An editor's day in the article form, end to end in a real browser: pictures placed
through the Figure dialog and our chooser (one uploaded on the spot), a caption edited
in place, a paragraph moved, the story saved and read on the public site."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Image
from tests.browser.editing import choose_in_autocomplete, open_chooser
from tests.helpers import figure, image_bytes


@pytest.fixture(autouse=True)
def _body_editor_at_hand(page):
    """The body's editor as `window.bodyEditor`, from the event that announces it."""
    page.add_init_script(
        "document.addEventListener('prose-editor:ready',"
        " (event) => { window.bodyEditor = event.detail.editor; });"
    )


def caret_to_end_of(page, paragraph) -> None:
    """Put the caret at the end of `paragraph` and wait until the page sees it there
    (the editor syncs its selection from the page's on the next selectionchange). The
    click is on its last line (End only goes to the end of the line clicked), once the
    pictures have loaded (one loading above would move the text under the click)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.ProseMirror img')].every((img) => img.complete)"
    )
    box = paragraph.bounding_box()
    paragraph.click(position={"x": box["width"] - 1, "y": box["height"] - 1})
    page.keyboard.press("End")
    page.wait_for_function(
        "text => { const s = getSelection(); return s.anchorNode && s.anchorNode.textContent === text"
        " && s.anchorOffset === text.length; }",
        arg=paragraph.inner_text(),
    )
    # And until the editor's own selection has followed: on a busy machine keys
    # pressed before that act where the caret was (a paste landing at the old place).
    page.wait_for_function(
        """text => {
            const { $head } = window.bodyEditor.state.selection;
            return $head.parent.textContent === text && $head.parentOffset === text.length;
        }""",
        arg=paragraph.inner_text(),
    )


def caret_before(page, element, text: str) -> None:
    """Click `element` just before `text` (its first line of text) and wait until the page
    sees the caret there. One click, rather than a run of arrow keys that the editor,
    syncing its selection between them, can drop some of on a busy machine."""
    offset = element.inner_text().index(text)
    element.scroll_into_view_if_needed()
    x, y = element.evaluate(
        """(element, offset) => {
            const range = document.createRange();
            range.setStart(element.firstChild, offset);
            range.setEnd(element.firstChild, offset + 1);
            const box = range.getBoundingClientRect();
            return [box.left + 1, box.top + box.height / 2];
        }""",
        offset,
    )
    page.mouse.click(x, y)
    page.wait_for_function(
        "offset => getSelection().anchorOffset === offset", arg=offset
    )
    page.evaluate("() => new Promise(requestAnimationFrame)")


def test_editor_builds_a_story_with_two_figures_and_publishes_it(
    admin_page,
    tmp_path,
    make_section,
    make_image,
    make_agency,
    make_photographer,
    make_article,
):
    page = admin_page
    section = make_section(name="City", slug="city")
    wire = make_agency("Wire Pictures")
    make_image(
        caption="Divers check the harbour wall",
        alt_text="Two divers at the foot of a stone wall",
        photographer=make_photographer("Elena Voss", agency=wire),
    )
    make_image(caption="Tug at dawn", alt_text="A tug boat at dawn", agency=wire)
    make_photographer("Priya Castell", is_staff=True)
    make_article(headline="Earlier: harbour dredging begins", section=section)
    upload = tmp_path / "crane.png"
    upload.write_bytes(
        image_bytes(size=(900, 600), image_format="PNG", color=(30, 90, 160))
    )

    page.goto(reverse("admin:articles_article_add"))
    page.get_by_label("Headline").fill("Harbour wall repairs begin")
    page.get_by_label("Standfirst").fill("Divers and cranes start on the east wall.")

    editor = page.locator(".prose-editor > .ProseMirror")
    editor.click()
    page.keyboard.type("Paragraph A: the plan.")
    page.keyboard.press("Enter")
    page.keyboard.type("Paragraph B: the cost.")
    page.keyboard.press("Enter")
    page.keyboard.type("Paragraph C: the schedule.")

    # First figure, after paragraph B: a picture from the library, found by its photographer.
    caret_to_end_of(page, editor.get_by_text("Paragraph B: the cost."))
    chooser = open_chooser(page)
    chooser.get_by_label("Search").fill("Voss")
    chooser.get_by_role("button", name="Search").click()
    chooser.get_by_role("button", name=re.compile("Two divers")).click()
    dialog = page.locator("dialog[open]")
    expect(dialog.locator("input[name=caption]")).to_have_value(
        "Divers check the harbour wall"
    )
    dialog.get_by_role("button", name="Insert").click()
    # The form shows the credit line readers will see before the story is saved.
    expect(page.locator("[data-body-pictures-url]")).to_contain_text(
        "Figure 1: Divers check the harbour wall\nImage by Elena Voss/Wire Pictures",
        use_inner_text=True,
    )

    # Second figure, after paragraph C: uploaded from the chooser and used straight away.
    caret_to_end_of(page, editor.get_by_text("Paragraph C: the schedule."))
    chooser = open_chooser(page)
    chooser.get_by_label("File").set_input_files(upload)
    chooser.get_by_label("Alt text").fill("A blue crane over the quay")
    chooser.get_by_label("Caption").fill("The crane arrives")
    choose_in_autocomplete(chooser, "photographer", "Priya", "Priya Castell")
    with chooser.expect_event("close"):
        chooser.get_by_role("button", name="Upload and use").click()
    dialog.get_by_role("button", name="Insert").click()

    # Edit the uploaded picture's caption in place, then Enter leaves the figure: the next
    # paragraph follows it instead of joining the caption.
    caret_to_end_of(page, editor.locator("figcaption", has_text="The crane arrives"))
    page.keyboard.type(" on Tuesday")
    page.keyboard.press("Enter")
    page.keyboard.type("Paragraph D: the first block is lifted.")

    # Move paragraph A below paragraph C: select it, cut, paste in a new paragraph.
    editor.get_by_text("Paragraph A: the plan.").click(click_count=3)
    page.keyboard.press("Control+X")
    expect(editor.get_by_text("Paragraph A: the plan.")).to_have_count(0)
    caret_to_end_of(page, editor.get_by_text("Paragraph C: the schedule."))
    page.keyboard.press("Enter")
    page.keyboard.press("Control+V")
    expect(editor.locator("p", has_text="Paragraph")).to_have_text(
        [
            "Paragraph B: the cost.",
            "Paragraph C: the schedule.",
            "Paragraph A: the plan.",
            "Paragraph D: the first block is lifted.",
        ]
    )

    choose_in_autocomplete(page, "section", "City", "City")
    choose_in_autocomplete(page, "featured_image", "Tug", "Tug at dawn")
    # The featured credit line follows the pick before the story is saved.
    expect(page.locator(".field-featured_image_credit .readonly")).to_have_text(
        "Featured Image by Uncredited/Wire Pictures"
    )
    page.get_by_label("Tags").fill("harbour, repairs")
    page.get_by_label("Status").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text(
        "was added successfully"
    )

    article = Article.objects.get(headline="Harbour wall repairs begin")
    uploaded = Image.objects.get(alt_text="A blue crane over the quay")
    assert article.published_at <= timezone.now()
    assert [use.image.caption for use in article.image_uses.order_by("position")] == [
        "Tug at dawn",
        "Divers check the harbour wall",
        "The crane arrives",
    ]
    assert uploaded.uploaded_by.username == "admin"
    assert article.body.endswith(
        f'<figure><img data-file="{uploaded.pk}"><figcaption>The crane arrives on Tuesday</figcaption></figure>'
        "<p>Paragraph D: the first block is lifted.</p>"
    )

    page.goto(article.get_absolute_url())
    body_text = page.locator(".article__body").inner_text()
    assert (
        body_text.index("Paragraph B")
        < body_text.index("Paragraph C")
        < body_text.index("Paragraph A")
    )
    figures = page.locator(".article__body figure figcaption")
    expect(figures).to_have_text(
        [
            "Divers check the harbour wall Image by Elena Voss/Wire Pictures",
            "The crane arrives on Tuesday Image by Priya Castell/The Daily Test",
        ],
        use_inner_text=True,
    )
    expect(
        page.locator(".article__body figure:has-text('The crane arrives') + p")
    ).to_have_text("Paragraph D: the first block is lifted.")
    expect(page.locator(".figure--featured figcaption")).to_contain_text(
        "Featured Image by Uncredited/Wire Pictures"
    )
    share = page.get_by_role("region", name="Share this article")
    for network in ("Email", "Facebook", "X", "LinkedIn", "WhatsApp", "Copy link"):
        expect(
            share.get_by_role("link", name=re.compile(f"^{network}"))
        ).to_be_visible()
    related = page.get_by_role("complementary", name="More from The Daily Test")
    expect(
        related.get_by_role("link", name="Earlier: harbour dredging begins")
    ).to_be_visible()


WORD_PASTE = (
    '<meta charset="utf-8"><p class="MsoTitle"><span style="font-size:28pt">Title line</span></p>'
    '<h1 style="mso-style-name:Heading1">Big heading</h1>'
    '<h2 class="MsoHeading2">Council <b style="mso-bidi-font-weight:normal">votes</b></h2>'
    '<p class="MsoNormal" style="margin:0cm">Read the <a href="https://example.com/report">'
    '<span style="color:blue">report</span></a><o:p></o:p></p>'
    '<ul style="margin-top:0cm"><li class="MsoListParagraph">First point</li></ul>'
    '<table class="MsoTableGrid"><tr><td>Cell text</td></tr></table>'
    '<p><img src="file:///C:/Users/x/image001.png"><font color="red">Red words</font></p>'
)


def test_pasting_from_a_word_processor_keeps_structure_and_drops_the_rest(
    admin_page, make_section
):
    page = admin_page
    make_section(name="City", slug="city")
    page.goto(reverse("admin:articles_article_add"))
    page.get_by_label("Headline").fill("Pasted from the council's document")
    choose_in_autocomplete(page, "section", "City", "City")
    editor = page.locator(".prose-editor > .ProseMirror")
    editor.click()

    editor.evaluate(
        """(element, html) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "pasted");
            element.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        WORD_PASTE,
    )
    expect(editor).to_contain_text("Red words")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text(
        "was added successfully"
    )

    stored = Article.objects.get().body
    assert "<h2>Council <strong>votes</strong></h2>" in stored
    assert '<a href="https://example.com/report">report</a>' in stored
    assert "<ul><li><p>First point</p></li></ul>" in stored
    assert "<p>Big heading</p>" in stored  # our stories have h2 and h3 only
    for dropped in (
        "style=",
        "class=",
        "Mso",
        "<table",
        "<font",
        "<span",
        "<img",
        "file:",
        "<o:p",
    ):
        assert dropped not in stored


def paste(editor, **clipboard) -> None:
    """Paste `clipboard` (data by type: text_html, text_plain) at the editor's caret."""
    editor.evaluate(
        """(element, clipboard) => {
            const data = new DataTransfer();
            for (const [type, value] of Object.entries(clipboard)) data.setData(type.replace("_", "/"), value);
            element.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        clipboard,
    )


@pytest.mark.parametrize(
    "clipboard",
    [
        {
            "text_html": "<p>First pasted paragraph.</p><p>Second pasted paragraph.</p>",
            "text_plain": "First pasted paragraph.\n\nSecond pasted paragraph.",
        },
        {"text_plain": "First pasted paragraph.\n\nSecond pasted paragraph."},
    ],
    ids=["html", "plain-text"],
)
def test_paragraphs_pasted_in_a_caption_follow_the_figure(
    admin_page, make_article, make_image, clipboard
):
    page = admin_page
    image = make_image(alt_text="Boats in the harbour")
    article = make_article(body="<p>Intro.</p>" + figure(image, "Boats at dawn."))
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    editor = page.locator(".prose-editor > .ProseMirror")

    caret_to_end_of(page, editor.locator("figcaption"))
    paste(editor, **clipboard)

    expect(editor.locator("figcaption")).to_have_text("Boats at dawn.")
    expect(editor.locator("figure ~ p")).to_have_text(
        ["First pasted paragraph.", "Second pasted paragraph."]
    )
    page.keyboard.type(" Typed after.")  # the caret is where the paste ended
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed")
    article.refresh_from_db()
    assert article.body == (
        f'<p>Intro.</p><figure><img data-file="{image.pk}"><figcaption>Boats at dawn.</figcaption></figure>'
        "<p>First pasted paragraph.</p><p>Second pasted paragraph. Typed after.</p>"
    )


def test_a_line_pasted_in_a_caption_joins_the_caption(
    admin_page, make_article, make_image
):
    page = admin_page
    image = make_image(alt_text="Boats in the harbour")
    article = make_article(body="<p>Intro.</p>" + figure(image, "Boats at dawn"))
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    editor = page.locator(".prose-editor > .ProseMirror")

    caret_to_end_of(page, editor.locator("figcaption"))
    paste(editor, text_plain=", at high tide")

    expect(editor.locator("figcaption")).to_have_text("Boats at dawn, at high tide")
    expect(editor.locator("p")).to_have_text(["Intro."])


def test_enter_inside_a_caption_moves_the_rest_of_it_to_a_new_paragraph(
    admin_page, make_article, make_image
):
    page = admin_page
    image = make_image(alt_text="Boats in the harbour")
    article = make_article(
        body="<p>Intro.</p>"
        + figure(image, "Boats at dawn. The harbour reopens on Monday.")
    )
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    editor = page.locator(".prose-editor > .ProseMirror")

    caret_before(page, editor.locator("figcaption"), "The harbour")
    page.keyboard.press("Backspace")  # the space between the two sentences
    page.keyboard.press("Enter")
    page.keyboard.type("Officials say ")

    expect(editor.locator("figcaption")).to_have_text("Boats at dawn.")
    expect(editor.locator("figure + p")).to_have_text(
        "Officials say The harbour reopens on Monday."
    )


def test_featured_image_credit_follows_the_picture_picked(
    admin_page, make_image, make_agency
):
    page = admin_page
    make_image(caption="Tug at dawn", agency=make_agency("Wire Pictures"))
    make_image(caption="Handout picture")
    page.goto(reverse("admin:articles_article_add"))
    credit = page.locator(".field-featured_image_credit .readonly")
    expect(credit).to_have_text("—")

    choose_in_autocomplete(page, "featured_image", "Tug", "Tug at dawn")
    expect(credit).to_have_text("Featured Image by Uncredited/Wire Pictures")

    choose_in_autocomplete(page, "featured_image", "Handout", "Handout picture")
    expect(credit).to_have_text(
        "No credit: add a photographer, an agency or a credit text to the image."
    )

    page.locator(".field-featured_image .select2-selection__clear").click()
    expect(credit).to_have_text("—")
