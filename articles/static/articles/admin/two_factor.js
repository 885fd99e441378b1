// Setting up two-factor sign-in: once a passkey is added, the page asks the server
// again, which then counts the passkey as this sign-in's second step.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
