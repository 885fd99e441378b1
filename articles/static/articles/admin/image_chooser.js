// The image chooser pop-up: picking a picture hands it to the editor's Figure dialog
// through CKEditor's file-browser callback, then closes the pop-up.
const main = document.getElementById("content-main");
const funcNum = main.dataset.funcNum;

function hand(pick) {
  const opener = window.opener;
  if (!funcNum || !opener || !opener.CKEDITOR) return;
  opener.CKEDITOR.tools.callFunction(Number(funcNum), pick.dataset.url, {
    id: pick.dataset.id,
    alternative_text: pick.dataset.alt,
    caption: pick.dataset.caption,
  });
  window.close();
}

main.querySelectorAll(".chooser__pick").forEach((button) => {
  button.addEventListener("click", () => hand(button));
});

// A picture uploaded here is used straight away.
const chosen = main.querySelector("[data-chosen]");
if (chosen) hand(chosen);

// A refused upload comes back above the pictures: take the keyboard and the reader there.
const uploadErrors = main.querySelector("[data-upload-errors]");
if (uploadErrors) {
  uploadErrors.scrollIntoView({ block: "start" });
  uploadErrors.focus();
}
