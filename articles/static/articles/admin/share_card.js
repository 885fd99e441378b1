// The article form's "Share card preview" (articles/admin/share_card.py) follows the
// title and description fields as the editor types, by the page's own rules: the SEO
// title, else the headline; the SEO description, else the standfirst, else the body's
// first paragraph. A newly picked featured image shows at once (its 16:9 crop and credit
// from the server), with a notice that it is not saved yet. Select2 announces a pick
// with a jQuery "change" event, which a native listener never sees, so that goes
// through the admin's jQuery.
"use strict";
{
  const PICTURE_CHANGES = "Not saved yet: shares show this picture once you save the story.";
  const PICTURE_GOES = "Not saved yet: shares show no picture once you save the story.";
  const NO_TITLE = "(No headline yet: type one above)";

  function startShareCard() {
    const card = document.querySelector("[data-share-card]");
    if (!card) return;
    const field = (name) => document.getElementById(`id_${name}`);
    const typed = (name) => (field(name)?.value || "").trim();
    const title = card.querySelector("[data-share-card-title]");
    const description = card.querySelector("[data-share-card-description]");

    function follow() {
      // A card without a title would show an empty line: say what is missing.
      title.textContent = typed("seo_title") || typed("headline") || NO_TITLE;
      description.textContent =
        typed("seo_description") || typed("standfirst") || card.dataset.bodyDescription;
    }
    // A read-only form has no such fields: the card then stays as the server drew it.
    for (const name of ["headline", "seo_title", "standfirst", "seo_description"]) {
      field(name)?.addEventListener("input", follow);
    }

    const select = field("featured_image");
    const notice = card.querySelector("[data-share-card-notice]");
    const frame = card.querySelector("[data-share-card-picture]");
    const credit = card.querySelector("[data-share-card-credit]");
    const $ = window.django && window.django.jQuery;
    if (!select || !$) return;
    let latest = 0;
    $(select).on("change", async () => {
      const request = ++latest;
      const url = new URL(card.dataset.pictureUrl, window.location.href);
      url.searchParams.set("image", select.value);
      const response = await fetch(url);
      // Only the last pick counts, whichever answer arrives first.
      if (!response.ok || request !== latest) return;
      const found = await response.json();
      frame.innerHTML = found.picture; // drawn and escaped by the server's template
      credit.textContent = found.credit;
      if (select.value === card.dataset.imageId) notice.textContent = "";
      else notice.textContent = select.value ? PICTURE_CHANGES : PICTURE_GOES;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startShareCard);
  } else {
    startShareCard();
  }
}
