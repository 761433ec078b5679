// Legacy payments.verifyBuyer(): an emulator iframe does the check and shows the 3-D Secure
// challenge when the card needs one; it stays hidden for frictionless verifications.
async function verifyBuyerInFrame(payments, source, details) {
  const overlay = document.createElement("div");
  overlay.style.cssText =
    "position:fixed;inset:0;z-index:2147483647;display:none;align-items:center;justify-content:center;background:rgba(0,0,0,.45);";
  const iframe = createFrame("verify.html", "Verify your card", {
    applicationId: payments.applicationId,
    locationId: payments.locationId ?? "",
  });
  iframe.style.width = "min(420px, 92vw)";
  iframe.style.background = "#fff";
  iframe.style.borderRadius = "12px";
  overlay.appendChild(iframe);
  const channel = new FrameChannel(iframe);
  channel.onEvent = (type) => {
    if (type === "show") overlay.style.display = "flex";
  };
  document.body.appendChild(overlay);
  try {
    await channel.ready;
    const reply = await channel.request("verify", { source, details });
    if (reply.error) throw new VerifyBuyerError(reply.error);
    return reply.result;
  } finally {
    channel.close();
    overlay.remove();
  }
}
