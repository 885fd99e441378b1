// Keeps the article form's "Featured image credit" in step with the picture picked in the
// featured image autocomplete, before the story is saved. Select2 (and the admin's
// "add another" pop-up) announce a pick with a jQuery "change" event, which a native
// listener never sees, so this listens through the admin's jQuery.
"use strict";
{
  function watchFeaturedCredit() {
    const credit = document.querySelector("[data-featured-credit-url]");
    const select = document.getElementById("id_featured_image");
    const $ = window.django && window.django.jQuery;
    if (!credit || !select || !$) return;
    let latest = 0;
    $(select).on("change", async () => {
      const request = ++latest;
      const url = new URL(credit.dataset.featuredCreditUrl, window.location.href);
      url.searchParams.set("image", select.value);
      const response = await fetch(url);
      const line = response.ok ? await response.text() : "";
      // Only the last pick counts, whichever answer arrives first.
      if (request === latest) credit.innerHTML = line;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchFeaturedCredit);
  } else {
    watchFeaturedCredit();
  }
}
