// The article form's "Share card preview" (articles/admin/share_card.py) follows the
// title and description fields as the editor types, by the page's own rules: the SEO
// title, else the headline; the SEO description, else the standfirst, else the body's
// first paragraph. The picture is the saved one, so choosing another featured image
// says the card's picture changes on saving. Select2 announces a pick with a jQuery
// "change" event, which a native listener never sees, so that goes through the
// admin's jQuery.
"use strict";
{
  const PICTURE_CHANGES = "The picture changes to the newly chosen featured image when you save.";
  const PICTURE_GOES = "The picture goes when you save: the story will have no featured image.";

  function startShareCard() {
    const card = document.querySelector("[data-share-card]");
    if (!card) return;
    const field = (name) => document.getElementById(`id_${name}`);
    const typed = (name) => (field(name)?.value || "").trim();
    const title = card.querySelector("[data-share-card-title]");
    const description = card.querySelector("[data-share-card-description]");

    function follow() {
      title.textContent = typed("seo_title") || typed("headline");
      description.textContent =
        typed("seo_description") || typed("standfirst") || card.dataset.bodyDescription;
    }
    // A read-only form has no such fields: the card then stays as the server drew it.
    for (const name of ["headline", "seo_title", "standfirst", "seo_description"]) {
      field(name)?.addEventListener("input", follow);
    }

    const select = field("featured_image");
    const notice = card.querySelector("[data-share-card-notice]");
    const $ = window.django && window.django.jQuery;
    if (!select || !$) return;
    $(select).on("change", () => {
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
