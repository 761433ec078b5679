import "server-only";
import QRCode from "qrcode";

/** A QR code of the URL as an SVG data URL, drawn on the server so it costs the dashboard no JavaScript. */
export async function qrCodeDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
